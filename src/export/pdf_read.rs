//! The one PDF reader (ISO 32000-1, <https://opensource.adobe.com/dc-acrobat-sdk-docs/pdfstandards/PDF32000_2008.pdf>):
//! just enough to find the document's `EmbeddedFiles` name tree (§7.7.4, §7.9.6, §7.11.4)
//! and read each attached file ([`read`], for a received portfolio), and its document
//! information and XMP metadata ([`PdfDoc`], for Open Badge Factory PDF badges imported by
//! [`crate::wallets::pdf`]).
//!
//! Why not a general PDF crate: the ones that read real-world PDFs (`lopdf`, `hayro-syntax`)
//! decompress object and cross-reference streams with no limit on the output, so one small
//! hostile file can claim gigabytes. This reader is small and bounded instead:
//!
//! - the cross-reference table, classic or a PDF 1.5 cross-reference stream (§7.5.8, Flate
//!   and PNG predictors only), following `/Prev` through at most [`MAX_XREF_SECTIONS`]
//!   sections, or — when it is damaged — a scan for `N G obj` headers; objects in object
//!   streams (§7.5.7) are read, each stream decoded once within 8 MiB, at most 64 of them;
//! - nesting depth ([`MAX_DEPTH`]), name-tree depth and attachment count
//!   ([`crate::limits::MAX_PDF_ATTACHMENTS`]) are capped;
//! - each attachment is read raw or through `FlateDecode`/`ASCIIHexDecode` only, at most
//!   [`crate::limits::MAX_FILE_BYTES`] each and [`crate::limits::MAX_SHARE_READ_BYTES`] for
//!   the whole file; an attachment over a limit, damaged, or in another filter is reported on
//!   its own line and the others are still read.
//!
//! Encrypted PDFs are refused (Backpack never encrypts its PDFs).

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

use crate::limits::{MAX_FILE_BYTES, MAX_PDF_ATTACHMENTS, MAX_SHARE_READ_BYTES};
use crate::localize::{Message, msg};

/// Deepest nesting of arrays and dictionaries read.
pub const MAX_DEPTH: usize = 32;
/// Most cross-reference sections followed through `/Prev`.
pub const MAX_XREF_SECTIONS: usize = 64;
/// Deepest name tree followed.
const MAX_TREE_DEPTH: usize = 16;

/// Why a PDF's attachments could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfReadError {
    /// Not a PDF.
    #[error("not a pdf: it does not start with %PDF-")]
    NotPdf,
    /// The PDF's structure cannot be followed.
    #[error("pdf is unreadable: {0}")]
    Damaged(Message),
    /// Encrypted.
    #[error(
        "pdf is encrypted; Backpack's pdfs never are, and encrypted attachments cannot be checked"
    )]
    Encrypted,
    /// Over a limit.
    #[error("pdf exceeds the {what} limit of {limit}")]
    Limit {
        /// Which limit.
        what: &'static str,
        /// Its value.
        limit: u64,
    },
}

/// One attached file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its file name (`/UF`, else `/F`), as the PDF says.
    pub name: String,
    /// Its description (`/Desc`), if any.
    pub description: Option<String>,
    /// Its bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, Message>,
}

/// What a PDF holds for a receiver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfContents {
    /// The document title (`/Info /Title`), if any.
    pub title: Option<String>,
    /// The attachments, in name-tree order.
    pub attachments: Vec<Attachment>,
}

/// A PDF object (only what attachments need).
#[derive(Debug, Clone, PartialEq)]
enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Vec<(Vec<u8>, Obj)>),
    Ref(u32, u16),
    /// A stream: its dictionary and the byte range of its raw data in the file.
    Stream(Vec<(Vec<u8>, Obj)>, usize, usize),
}

impl Obj {
    fn get(&self, key: &[u8]) -> Option<&Obj> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _, _) => d.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

struct Lexer<'a> {
    b: &'a [u8],
    pos: usize,
}

type PResult<T> = Result<T, Message>;

impl<'a> Lexer<'a> {
    fn new(b: &'a [u8], pos: usize) -> Self {
        Lexer { b, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            if is_ws(c) {
                self.pos += 1;
            } else if c == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let s = self.pos;
        while let Some(c) = self.peek() {
            if is_ws(c) || is_delim(c) {
                break;
            }
            self.pos += 1;
        }
        &self.b[s..self.pos]
    }

    fn keyword(&mut self, k: &[u8]) -> bool {
        self.skip_ws();
        if self.b.get(self.pos..self.pos + k.len()) == Some(k) {
            let after = self.b.get(self.pos + k.len()).copied();
            if after.is_none_or(|c| is_ws(c) || is_delim(c)) {
                self.pos += k.len();
                return true;
            }
        }
        false
    }

    fn uint(&mut self) -> Option<u64> {
        self.skip_ws();
        let s = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == s || self.pos - s > 15 {
            self.pos = s;
            return None;
        }
        std::str::from_utf8(&self.b[s..self.pos]).ok()?.parse().ok()
    }

    fn object(&mut self, depth: usize) -> PResult<Obj> {
        if depth > MAX_DEPTH {
            return Err(msg!("err-pdf-nest-deep", max = MAX_DEPTH));
        }
        self.skip_ws();
        let c = self.peek().ok_or(msg!("err-pdf-unexpected-end"))?;
        match c {
            b'/' => {
                self.pos += 1;
                let raw = self.word();
                Ok(Obj::Name(unescape_name(raw)))
            }
            b'(' => self.literal().map(Obj::Str),
            b'<' if self.b.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut d = Vec::new();
                loop {
                    self.skip_ws();
                    if self.b.get(self.pos..self.pos + 2) == Some(b">>") {
                        self.pos += 2;
                        break;
                    }
                    let k = match self.object(depth + 1)? {
                        Obj::Name(n) => n,
                        _ => return Err(msg!("err-pdf-dict-key")),
                    };
                    let v = self.object(depth + 1)?;
                    if d.len() >= 4096 {
                        return Err(msg!("err-pdf-dict-large"));
                    }
                    d.push((k, v));
                }
                // A stream follows its dictionary.
                let save = self.pos;
                if self.keyword(b"stream") {
                    if self.peek() == Some(b'\r') {
                        self.pos += 1;
                    }
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    return Ok(Obj::Stream(d, self.pos, 0));
                }
                self.pos = save;
                Ok(Obj::Dict(d))
            }
            b'<' => {
                self.pos += 1;
                let s = self.pos;
                let end = self.b[s..]
                    .iter()
                    .position(|&c| c == b'>')
                    .ok_or(msg!("err-pdf-hex-unterminated"))?;
                self.pos = s + end + 1;
                Ok(Obj::Str(hex_decode(&self.b[s..s + end])))
            }
            b'[' => {
                self.pos += 1;
                let mut a = Vec::new();
                loop {
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        break;
                    }
                    if a.len() >= 65536 {
                        return Err(msg!("err-pdf-array-large"));
                    }
                    a.push(self.object(depth + 1)?);
                }
                Ok(Obj::Array(a))
            }
            _ => {
                // A number, a reference "N G R", or a keyword.
                let save = self.pos;
                if let Some(n) = self.uint() {
                    let after_n = self.pos;
                    if let Some(g) = self.uint()
                        && self.keyword(b"R")
                        && n <= u64::from(u32::MAX)
                        && g <= u64::from(u16::MAX)
                    {
                        return Ok(Obj::Ref(n as u32, g as u16));
                    }
                    self.pos = after_n;
                    // A real with an integer part.
                    if self.peek() == Some(b'.') {
                        self.pos = save;
                    } else {
                        return Ok(Obj::Num(n as f64));
                    }
                }
                let w = self.word();
                match w {
                    b"null" => Ok(Obj::Null),
                    b"true" => Ok(Obj::Bool(true)),
                    b"false" => Ok(Obj::Bool(false)),
                    _ => std::str::from_utf8(w)
                        .ok()
                        .and_then(|s| s.parse::<f64>().ok())
                        .map(Obj::Num)
                        .ok_or_else(|| msg!("err-pdf-unexpected-token", at = save)),
                }
            }
        }
    }

    fn literal(&mut self) -> PResult<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        loop {
            let c = self.peek().ok_or(msg!("err-pdf-string-unterminated"))?;
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(out);
                    }
                    out.push(c);
                }
                b'\\' => {
                    let e = self.peek().ok_or(msg!("err-pdf-string-unterminated"))?;
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
            if out.len() > MAX_FILE_BYTES as usize {
                return Err(msg!("err-pdf-string-long"));
            }
        }
    }
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let Some(h) = raw.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(std::str::from_utf8(h).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

fn hex_decode(s: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = s
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

/// A PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM (PDF 2.0), else PDFDocEncoding
/// (read as Latin-1, which it matches for printable ASCII and most accented letters).
fn text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| c as char).collect()
}

/// The document: where each object is.
struct Doc<'a> {
    b: &'a [u8],
    offsets: HashMap<u32, usize>,
    /// Objects kept in object streams (PDF 1.5, §7.5.7): number → (stream object, index).
    compressed: HashMap<u32, (u32, usize)>,
    /// Object streams decoded so far (each decoded once).
    streams: RefCell<HashMap<u32, Rc<Vec<u8>>>>,
    trailer: Obj,
}

/// Most bytes one cross-reference stream or object stream may decode to.
const MAX_XREF_STREAM_BYTES: u64 = 8 * 1024 * 1024;
/// Most object streams decoded for one PDF.
const MAX_OBJECT_STREAMS: usize = 64;

impl<'a> Doc<'a> {
    fn open(b: &'a [u8]) -> Result<Doc<'a>, PdfReadError> {
        if !b.starts_with(b"%PDF-") {
            return Err(PdfReadError::NotPdf);
        }
        match Self::from_xref(b) {
            Ok(d) => Ok(d),
            Err(_) => Self::from_scan(b),
        }
    }

    fn from_xref(b: &'a [u8]) -> PResult<Doc<'a>> {
        let tail_from = b.len().saturating_sub(2048);
        let tail = &b[tail_from..];
        let sx = tail
            .windows(9)
            .rposition(|w| w == b"startxref")
            .ok_or(msg!("err-pdf-no-startxref"))?;
        let mut lx = Lexer::new(b, tail_from + sx + 9);
        let mut at = lx.uint().ok_or(msg!("err-pdf-startxref-offset"))? as usize;
        let mut offsets = HashMap::new();
        let mut compressed = HashMap::new();
        let mut trailer: Option<Obj> = None;
        let mut seen = Vec::new();
        for _ in 0..MAX_XREF_SECTIONS {
            if seen.contains(&at) {
                return Err(msg!("err-pdf-xref-loop"));
            }
            seen.push(at);
            let mut lx = Lexer::new(b, at);
            if !lx.keyword(b"xref") {
                // PDF 1.5: a cross-reference stream (§7.5.8).
                let t = xref_stream(b, at, &mut offsets, &mut compressed)?;
                let prev = match t.get(b"Prev") {
                    Some(Obj::Num(n)) if *n >= 0.0 => Some(*n as usize),
                    _ => None,
                };
                if trailer.is_none() {
                    trailer = Some(t);
                }
                match prev {
                    Some(p) => {
                        at = p;
                        continue;
                    }
                    None => {
                        return Ok(Doc {
                            b,
                            offsets,
                            compressed,
                            streams: RefCell::default(),
                            trailer: trailer.unwrap_or(Obj::Null),
                        });
                    }
                }
            }
            loop {
                let save = lx.pos;
                let (Some(first), Some(count)) = (lx.uint(), lx.uint()) else {
                    lx.pos = save;
                    break;
                };
                if count > 10_000_000 || first > u64::from(u32::MAX) {
                    return Err(msg!("err-pdf-xref-subsection"));
                }
                lx.skip_ws();
                for i in 0..count {
                    let e = b.get(lx.pos..lx.pos + 20).ok_or(msg!("err-pdf-xref-cut"))?;
                    let off = std::str::from_utf8(&e[0..10])
                        .ok()
                        .and_then(|s| s.parse::<usize>().ok())
                        .ok_or(msg!("err-pdf-xref-entry"))?;
                    if e[17] == b'n' {
                        let num = (first + i) as u32;
                        // The newest section is read first and wins.
                        offsets.entry(num).or_insert(off);
                    }
                    lx.pos += 20;
                    lx.skip_ws();
                }
            }
            if !lx.keyword(b"trailer") {
                return Err(msg!("err-pdf-no-trailer"));
            }
            let t = lx.object(0)?;
            let prev = match t.get(b"Prev") {
                Some(Obj::Num(n)) if *n >= 0.0 => Some(*n as usize),
                _ => None,
            };
            if trailer.is_none() {
                trailer = Some(t);
            }
            match prev {
                Some(p) => at = p,
                None => {
                    return Ok(Doc {
                        b,
                        offsets,
                        compressed,
                        streams: RefCell::default(),
                        trailer: trailer.unwrap_or(Obj::Null),
                    });
                }
            }
        }
        Err(msg!("err-pdf-xref-many"))
    }

    /// Damaged cross-references: find every `N G obj` and the last `trailer`.
    fn from_scan(b: &'a [u8]) -> Result<Doc<'a>, PdfReadError> {
        let mut offsets = HashMap::new();
        let mut trailer = None;
        let mut i = 0;
        while let Some(p) = b[i..].windows(3).position(|w| w == b"obj") {
            let at = i + p;
            i = at + 3;
            // Walk back over "N G ".
            let mut s = at;
            let mut fields = 0;
            while fields < 2 {
                while s > 0 && is_ws(b[s - 1]) {
                    s -= 1;
                }
                let e = s;
                while s > 0 && b[s - 1].is_ascii_digit() {
                    s -= 1;
                }
                if s == e {
                    break;
                }
                fields += 1;
            }
            if fields == 2 && (s == 0 || is_ws(b[s - 1])) {
                let mut lx = Lexer::new(b, s);
                if let Some(n) = lx.uint()
                    && n <= u64::from(u32::MAX)
                {
                    offsets.insert(n as u32, s);
                }
            }
            if offsets.len() > 10_000_000 {
                return Err(PdfReadError::Limit {
                    what: "object count",
                    limit: 10_000_000,
                });
            }
        }
        if let Some(p) = b.windows(7).rposition(|w| w == b"trailer") {
            trailer = Lexer::new(b, p + 7).object(0).ok();
        }
        let trailer = match trailer {
            Some(t) => t,
            None => {
                // An xref-stream PDF has its trailer keys in the cross-reference stream object.
                return Err(PdfReadError::Damaged(msg!("err-pdf-no-xref-or-trailer")));
            }
        };
        Ok(Doc {
            b,
            offsets,
            compressed: HashMap::new(),
            streams: RefCell::default(),
            trailer,
        })
    }

    /// Object `num` as parsed, a stream's end not yet found.
    fn parsed(&self, num: u32) -> PResult<Obj> {
        if !self.offsets.contains_key(&num)
            && let Some(&(stm, index)) = self.compressed.get(&num)
        {
            return self.in_object_stream(num, stm, index);
        }
        let off = *self
            .offsets
            .get(&num)
            .ok_or_else(|| msg!("err-pdf-object-missing", num = num))?;
        let mut lx = Lexer::new(self.b, off);
        let n = lx.uint();
        let g = lx.uint();
        if n != Some(u64::from(num)) || g.is_none() || !lx.keyword(b"obj") {
            return Err(msg!("err-pdf-object-misplaced", num = num));
        }
        lx.object(0)
    }

    fn object(&self, num: u32) -> PResult<Obj> {
        let o = self.parsed(num)?;
        if let Obj::Stream(d, start, _) = o {
            // An indirect length is a plain number object, never followed further (two
            // streams naming each other's length cannot send the reader round in circles).
            let len = match d.iter().find(|(k, _)| k == b"Length").map(|(_, v)| v) {
                Some(Obj::Num(n)) if *n >= 0.0 => *n as usize,
                Some(Obj::Ref(r, _)) => match self.parsed(*r)? {
                    Obj::Num(n) if n >= 0.0 => n as usize,
                    _ => return Err(msg!("err-pdf-length-not-number", num = num)),
                },
                _ => return Err(msg!("err-pdf-no-length", num = num)),
            };
            let end = start
                .checked_add(len)
                .filter(|&e| e <= self.b.len())
                .ok_or_else(|| msg!("err-pdf-stream-past-end", num = num))?;
            let mut after = Lexer::new(self.b, end);
            if !after.keyword(b"endstream") {
                return Err(msg!("err-pdf-stream-no-endstream", num = num));
            }
            return Ok(Obj::Stream(d, start, end));
        }
        Ok(o)
    }

    /// Object `num`, entry `index` of object stream `stm` (§7.5.7).
    fn in_object_stream(&self, num: u32, stm: u32, index: usize) -> PResult<Obj> {
        let cached = self.streams.borrow().get(&stm).cloned();
        let data = match cached {
            Some(d) => d,
            None => {
                if self.streams.borrow().len() >= MAX_OBJECT_STREAMS {
                    return Err(msg!("err-pdf-objstm-many", max = MAX_OBJECT_STREAMS));
                }
                // An object stream is never itself in an object stream.
                if !self.offsets.contains_key(&stm) {
                    return Err(msg!("err-pdf-objstm-missing", stm = stm));
                }
                let o = self.object(stm)?;
                if !matches!(o.get(b"Type"), Some(Obj::Name(n)) if n == b"ObjStm") {
                    return Err(msg!("err-pdf-not-objstm", stm = stm));
                }
                let d = Rc::new(
                    stream_data(self.b, &o, MAX_XREF_STREAM_BYTES)
                        .map_err(|e| msg!("err-pdf-objstm-detail", stm = stm, detail = e))?,
                );
                self.streams.borrow_mut().insert(stm, Rc::clone(&d));
                d
            }
        };
        let o = self.object(stm)?;
        let first = match o.get(b"First") {
            Some(Obj::Num(n)) if *n >= 0.0 => *n as usize,
            _ => return Err(msg!("err-pdf-objstm-first", stm = stm)),
        };
        let mut lx = Lexer::new(&data, 0);
        let mut found = None;
        for i in 0..=index {
            let (Some(n), Some(off)) = (lx.uint(), lx.uint()) else {
                return Err(msg!("err-pdf-objstm-entry", stm = stm, index = index));
            };
            if i == index {
                found = Some((n, off));
            }
        }
        match found {
            Some((n, off)) if n == u64::from(num) => {
                let at = first
                    .checked_add(off as usize)
                    .filter(|&a| a < data.len())
                    .ok_or_else(|| msg!("err-pdf-outside-objstm", num = num))?;
                match Lexer::new(&data, at).object(0)? {
                    Obj::Stream(..) => Err(msg!("err-pdf-stream-in-objstm", num = num)),
                    other => Ok(other),
                }
            }
            _ => Err(msg!("err-pdf-objstm-misplaced", num = num)),
        }
    }

    /// Follow a reference (at most a few hops).
    fn resolve(&self, o: &Obj) -> PResult<Obj> {
        let mut cur = o.clone();
        for _ in 0..8 {
            match cur {
                Obj::Ref(n, _) => cur = self.object(n)?,
                other => return Ok(other),
            }
        }
        Err(msg!("err-pdf-ref-chain"))
    }
}

/// Read the cross-reference stream object at `at` (§7.5.8) into `offsets` and `compressed`
/// (entries already known, from a newer section, win); its dictionary is the trailer.
fn xref_stream(
    b: &[u8],
    at: usize,
    offsets: &mut HashMap<u32, usize>,
    compressed: &mut HashMap<u32, (u32, usize)>,
) -> PResult<Obj> {
    let mut lx = Lexer::new(b, at);
    if lx.uint().is_none() || lx.uint().is_none() || !lx.keyword(b"obj") {
        return Err(msg!("err-pdf-xref-not-at-startxref"));
    }
    let o = lx.object(0)?;
    let Obj::Stream(d, start, _) = &o else {
        return Err(msg!("err-pdf-xref-not-at-startxref"));
    };
    if !matches!(o.get(b"Type"), Some(Obj::Name(n)) if n == b"XRef") {
        return Err(msg!("err-pdf-xref-not-at-startxref"));
    }
    let len = match o.get(b"Length") {
        Some(Obj::Num(n)) if *n >= 0.0 => *n as usize,
        _ => return Err(msg!("err-pdf-xrefstm-length")),
    };
    let end = start
        .checked_add(len)
        .filter(|&e| e <= b.len())
        .ok_or(msg!("err-pdf-xrefstm-past-end"))?;
    let nums = |k: &[u8]| -> Option<Vec<u64>> {
        match o.get(k)? {
            Obj::Array(a) => a
                .iter()
                .map(|x| match x {
                    Obj::Num(n) if *n >= 0.0 && *n <= 4_294_967_295.0 => Some(*n as u64),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    };
    let w = nums(b"W").ok_or(msg!("err-pdf-xrefstm-no-w"))?;
    let [w0, w1, w2] = w.as_slice() else {
        return Err(msg!("err-pdf-xrefstm-w-three"));
    };
    let (w0, w1, w2) = (*w0 as usize, *w1 as usize, *w2 as usize);
    if w0 > 4 || w1 > 8 || w2 > 8 {
        return Err(msg!("err-pdf-xrefstm-w-wide"));
    }
    let row = w0 + w1 + w2;
    // The data, through FlateDecode and a PNG predictor (§7.4.4.4) when declared.
    let stream = Obj::Stream(
        d.iter()
            .filter(|(k, _)| k != b"DecodeParms")
            .cloned()
            .collect(),
        *start,
        end,
    );
    let mut data = stream_data(b, &stream, MAX_XREF_STREAM_BYTES)?;
    if let Some(parms) = o.get(b"DecodeParms") {
        let predictor = match parms.get(b"Predictor") {
            Some(Obj::Num(n)) => *n as u32,
            _ => 1,
        };
        let columns = match parms.get(b"Columns") {
            Some(Obj::Num(n)) if *n >= 1.0 => *n as usize,
            _ => 1,
        };
        if predictor >= 10 {
            if columns != row {
                return Err(msg!("err-pdf-xrefstm-columns"));
            }
            data = unpredict_png(&data, columns)?;
        } else if predictor != 1 {
            return Err(msg!("err-pdf-xrefstm-predictor"));
        }
    }
    if row == 0 {
        return Err(msg!("err-pdf-xrefstm-w-empty"));
    }
    let size = match o.get(b"Size") {
        Some(Obj::Num(n)) if *n >= 0.0 => *n as u64,
        _ => return Err(msg!("err-pdf-xrefstm-no-size")),
    };
    let index = nums(b"Index").unwrap_or_else(|| vec![0, size]);
    let field = |bytes: &[u8]| bytes.iter().fold(0u64, |v, &x| (v << 8) | u64::from(x));
    let mut rows = data.chunks_exact(row);
    for pair in index.chunks(2) {
        let [first, count] = pair else {
            return Err(msg!("err-pdf-xrefstm-index-odd"));
        };
        for i in 0..*count {
            let Some(r) = rows.next() else {
                return Err(msg!("err-pdf-xrefstm-cut"));
            };
            let num = first
                .checked_add(i)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or(msg!("err-pdf-xrefstm-number-large"))?;
            let kind = if w0 == 0 { 1 } else { field(&r[..w0]) };
            let f2 = field(&r[w0..w0 + w1]);
            let f3 = field(&r[w0 + w1..]);
            match kind {
                1 => {
                    offsets.entry(num).or_insert(f2 as usize);
                }
                2 => {
                    let stm = u32::try_from(f2).map_err(|_| msg!("err-pdf-objstm-number"))?;
                    compressed.entry(num).or_insert((stm, f3 as usize));
                }
                _ => {}
            }
        }
    }
    Ok(Obj::Dict(d.clone()))
}

/// Undo the PNG predictors (§7.4.4.4: one filter-type byte per row of `columns` bytes).
fn unpredict_png(data: &[u8], columns: usize) -> PResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; columns];
    for chunk in data.chunks(columns + 1) {
        let Some((&kind, row)) = chunk.split_first() else {
            break;
        };
        if row.len() != columns {
            return Err(msg!("err-pdf-xrefstm-last-row"));
        }
        let mut cur = vec![0u8; columns];
        for i in 0..columns {
            let left = if i > 0 { cur[i - 1] } else { 0 };
            let up = prev[i];
            let up_left = if i > 0 { prev[i - 1] } else { 0 };
            let x = row[i];
            cur[i] = match kind {
                0 => x,
                1 => x.wrapping_add(left),
                2 => x.wrapping_add(up),
                3 => x.wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) = (
                        (p - i16::from(left)).abs(),
                        (p - i16::from(up)).abs(),
                        (p - i16::from(up_left)).abs(),
                    );
                    let pred = if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    };
                    x.wrapping_add(pred)
                }
                _ => return Err(msg!("err-pdf-xrefstm-png-filter")),
            };
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Ok(out)
}

/// Decode a stream's data under `cap` bytes.
fn stream_data(b: &[u8], o: &Obj, cap: u64) -> PResult<Vec<u8>> {
    let Obj::Stream(d, start, end) = o else {
        return Err(msg!("err-pdf-attachment-not-stream"));
    };
    let raw = b.get(*start..*end).ok_or(msg!("err-pdf-stream-range"))?;
    let filters: Vec<Vec<u8>> = match d.iter().find(|(k, _)| k == b"Filter").map(|(_, v)| v) {
        None | Some(Obj::Null) => Vec::new(),
        Some(Obj::Name(n)) => vec![n.clone()],
        Some(Obj::Array(a)) => a
            .iter()
            .map(|f| match f {
                Obj::Name(n) => Ok(n.clone()),
                _ => Err(msg!("err-pdf-filter-not-name")),
            })
            .collect::<PResult<_>>()?,
        Some(_) => return Err(msg!("err-pdf-filter-not-name")),
    };
    if d.iter()
        .any(|(k, v)| k == b"DecodeParms" && !matches!(v, Obj::Null))
    {
        return Err(msg!("err-pdf-decode-parms"));
    }
    let mut data = raw.to_vec();
    if data.len() as u64 > cap && filters.is_empty() {
        return Err(msg!("err-pdf-attachment-large", cap = cap));
    }
    for f in filters {
        data = match f.as_slice() {
            b"FlateDecode" | b"Fl" => {
                let mut out = Vec::new();
                let res = flate2::read::ZlibDecoder::new(data.as_slice())
                    .take(cap + 1)
                    .read_to_end(&mut out);
                res.map_err(|e| msg!("err-pdf-flate-damaged", detail = e.to_string()))?;
                out
            }
            b"ASCIIHexDecode" | b"AHx" => {
                let end = data.iter().position(|&c| c == b'>').unwrap_or(data.len());
                hex_decode(&data[..end])
            }
            other => {
                return Err(msg!(
                    "err-pdf-filter-unknown",
                    filter = String::from_utf8_lossy(other).into_owned()
                ));
            }
        };
        if data.len() as u64 > cap {
            return Err(msg!("err-pdf-attachment-large", cap = cap));
        }
    }
    Ok(data)
}

/// A PDF opened for its document-level metadata: the document information dictionary
/// (ISO 32000-1 §14.3.3) and the catalog's XMP metadata stream (§14.3.2), under the same
/// bounds as [`read`]. Used by import for Open Badge Factory PDF badges
/// ([`crate::wallets::pdf`]). Encrypted PDFs are refused when opened.
pub struct PdfDoc<'a> {
    doc: Doc<'a>,
}

/// Why a document information entry is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InfoError {
    /// A reference that leads nowhere readable.
    #[error("points nowhere")]
    Dangling,
    /// Not a string.
    #[error("is not a text string")]
    NotText,
}

impl<'a> PdfDoc<'a> {
    /// Open `b`: its cross-reference table (or a scan) and trailer; refused when encrypted.
    pub fn open(b: &'a [u8]) -> Result<PdfDoc<'a>, PdfReadError> {
        let doc = Doc::open(b)?;
        if doc.trailer.get(b"Encrypt").is_some() {
            return Err(PdfReadError::Encrypted);
        }
        Ok(PdfDoc { doc })
    }

    /// The document information dictionary's `key` as text (UTF-8 as written, which is what
    /// generators put in custom keys, else a PDF text string). `Ok(None)`: no such entry, or
    /// no readable information dictionary.
    pub fn info_text(&self, key: &[u8]) -> Result<Option<String>, InfoError> {
        let Some(info) = self.doc.trailer.get(b"Info") else {
            return Ok(None);
        };
        let Ok(info) = self.doc.resolve(info) else {
            return Ok(None);
        };
        let Some(value) = info.get(key) else {
            return Ok(None);
        };
        match self.doc.resolve(value).map_err(|_| InfoError::Dangling)? {
            Obj::Str(raw) => {
                if !raw.starts_with(&[0xfe, 0xff])
                    && !raw.starts_with(&[0xef, 0xbb, 0xbf])
                    && let Ok(s) = std::str::from_utf8(&raw)
                {
                    return Ok(Some(s.to_owned()));
                }
                Ok(Some(text_string(&raw)))
            }
            _ => Err(InfoError::NotText),
        }
    }

    /// The catalog's `/Metadata` stream, decoded within `cap` bytes. `Ok(None)`: there is none.
    /// `Err`: it cannot be decoded within the cap (one line, why).
    pub fn metadata(&self, cap: u64) -> Result<Option<Vec<u8>>, Message> {
        let Some(root) = self.doc.trailer.get(b"Root") else {
            return Ok(None);
        };
        let Ok(catalog) = self.doc.resolve(root) else {
            return Ok(None);
        };
        let Some(meta) = catalog.get(b"Metadata") else {
            return Ok(None);
        };
        let stream = match self.doc.resolve(meta) {
            Ok(s @ Obj::Stream(..)) => s,
            _ => return Ok(None),
        };
        stream_data(self.doc.b, &stream, cap).map(Some)
    }
}

/// Every attached file of a PDF, each read on its own (one damaged attachment never hides
/// the others).
pub fn read(b: &[u8]) -> Result<PdfContents, PdfReadError> {
    let doc = Doc::open(b)?;
    let damaged = |e: Message| PdfReadError::Damaged(e);
    if doc.trailer.get(b"Encrypt").is_some() {
        return Err(PdfReadError::Encrypted);
    }
    let root = doc
        .trailer
        .get(b"Root")
        .ok_or_else(|| damaged(msg!("err-pdf-no-catalog")))?;
    let catalog = doc.resolve(root).map_err(damaged)?;
    let title = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.resolve(i).ok())
        .and_then(|i| match i.get(b"Title") {
            Some(o) => match doc.resolve(o).ok()? {
                Obj::Str(s) => Some(text_string(&s)),
                _ => None,
            },
            None => None,
        });
    let tree = match catalog.get(b"Names") {
        Some(n) => match doc.resolve(n).map_err(damaged)?.get(b"EmbeddedFiles") {
            Some(t) => Some(doc.resolve(t).map_err(damaged)?),
            None => None,
        },
        None => None,
    };
    let mut entries: Vec<(Vec<u8>, Obj)> = Vec::new();
    if let Some(t) = tree {
        walk(&doc, &t, 0, &mut entries)?;
    }
    let mut left = MAX_SHARE_READ_BYTES;
    let mut attachments = Vec::new();
    for (key, spec) in entries {
        let spec = doc.resolve(&spec).unwrap_or(Obj::Null);
        let name = [b"UF".as_slice(), b"F"]
            .iter()
            .find_map(|k| match spec.get(k) {
                Some(Obj::Str(s)) => Some(text_string(s)),
                _ => None,
            })
            .unwrap_or_else(|| text_string(&key));
        let description = match spec.get(b"Desc") {
            Some(Obj::Str(s)) => Some(text_string(s)),
            _ => None,
        };
        let bytes = (|| {
            let ef = doc.resolve(spec.get(b"EF").ok_or(msg!("err-pdf-no-embedded-file"))?)?;
            let sref = ef
                .get(b"F")
                .or_else(|| ef.get(b"UF"))
                .ok_or(msg!("err-pdf-no-embedded-file"))?;
            let stream = doc.resolve(sref)?;
            let data = stream_data(b, &stream, MAX_FILE_BYTES.min(left))?;
            Ok::<_, Message>(data)
        })();
        if let Ok(d) = &bytes {
            left = left.saturating_sub(d.len() as u64);
        } else if left == 0 {
            return Err(PdfReadError::Limit {
                what: "total decompressed bytes read",
                limit: MAX_SHARE_READ_BYTES,
            });
        }
        attachments.push(Attachment {
            name,
            description,
            bytes,
        });
    }
    Ok(PdfContents { title, attachments })
}

fn walk(
    doc: &Doc<'_>,
    node: &Obj,
    depth: usize,
    out: &mut Vec<(Vec<u8>, Obj)>,
) -> Result<(), PdfReadError> {
    if depth > MAX_TREE_DEPTH {
        return Err(PdfReadError::Limit {
            what: "attachment tree depth",
            limit: MAX_TREE_DEPTH as u64,
        });
    }
    if let Some(Obj::Array(names)) = node.get(b"Names") {
        for pair in names.chunks(2) {
            if let [k, v] = pair {
                let key = match doc.resolve(k) {
                    Ok(Obj::Str(s)) => s,
                    _ => Vec::new(),
                };
                if out.len() >= MAX_PDF_ATTACHMENTS {
                    return Err(PdfReadError::Limit {
                        what: "attachment count",
                        limit: MAX_PDF_ATTACHMENTS as u64,
                    });
                }
                out.push((key, v.clone()));
            }
        }
    }
    if let Some(kids) = node.get(b"Kids") {
        let kids = doc.resolve(kids).map_err(PdfReadError::Damaged)?;
        if let Obj::Array(kids) = kids {
            for k in kids {
                let kid = doc.resolve(&k).map_err(PdfReadError::Damaged)?;
                walk(doc, &kid, depth + 1, out)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    #[test]
    fn png_predictors_are_undone_row_by_row() {
        // Columns 3: None, Up, Sub, Average, Paeth.
        let data = [
            0, 1, 2, 3, //
            2, 1, 1, 1, //
            1, 5, 1, 1, //
            3, 4, 4, 4, //
            4, 1, 1, 1,
        ];
        assert_eq!(
            unpredict_png(&data, 3).unwrap(),
            vec![1, 2, 3, 2, 3, 4, 5, 6, 7, 6, 10, 12, 7, 11, 13]
        );
        assert!(unpredict_png(&[9, 0, 0, 0], 3).is_err());
        assert!(unpredict_png(&[0, 1, 2, 3, 0, 1], 3).is_err());
    }
    use std::io::Write as _;

    /// A minimal PDF with the given attachment streams (dictionary extra, data), written
    /// by hand with a correct cross-reference table.
    fn pdf_with(files: &[(&str, &str, Vec<u8>)]) -> Vec<u8> {
        let mut objs: Vec<Vec<u8>> = Vec::new();
        // 1 catalog, 2 names, then per file: spec, stream.
        let mut names = String::new();
        for (i, (name, _, _)) in files.iter().enumerate() {
            names.push_str(&format!("({name}) {} 0 R ", 3 + 2 * i));
        }
        objs.push(b"<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>".to_vec());
        objs.push(format!("<< /Names [{names}] >>").into_bytes());
        for (i, (name, extra, data)) in files.iter().enumerate() {
            objs.push(
                format!(
                    "<< /Type /Filespec /F ({name}) /EF << /F {} 0 R >> /Desc (d) >>",
                    4 + 2 * i
                )
                .into_bytes(),
            );
            let mut s = format!("<< /Length {} {extra} >>\nstream\n", data.len()).into_bytes();
            s.extend_from_slice(data);
            s.extend_from_slice(b"\nendstream");
            objs.push(s);
        }
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offs = Vec::new();
        for (i, o) in objs.iter().enumerate() {
            offs.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(o);
            out.extend_from_slice(b"\nendobj\n");
        }
        let x = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes(),
        );
        for o in offs {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n",
                objs.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    /// An attachment's bytes, or why not in English; a reason must be a catalog message.
    fn english(bytes: &Result<Vec<u8>, Message>) -> Result<Vec<u8>, String> {
        bytes.clone().map_err(|m| {
            assert!(matches!(m, Message::Id(..)), "not a catalog message: {m:?}");
            m.english()
        })
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn reads_raw_and_deflated_attachments() {
        let pdf = pdf_with(&[
            ("01-a.json", "", b"{\"a\":1}".to_vec()),
            ("02-b.json", "/Filter /FlateDecode", zlib(b"{\"b\":2}")),
        ]);
        let c = read(&pdf).unwrap();
        let got: Vec<(String, Vec<u8>)> = c
            .attachments
            .into_iter()
            .map(|a| (a.name, a.bytes.unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                ("01-a.json".to_string(), b"{\"a\":1}".to_vec()),
                ("02-b.json".to_string(), b"{\"b\":2}".to_vec())
            ]
        );
    }

    #[test]
    fn a_deflate_bomb_is_that_attachments_problem_only() {
        let bomb = zlib(&vec![0u8; (MAX_FILE_BYTES + 1024) as usize]);
        assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
        let pdf = pdf_with(&[
            ("01-bomb.json", "/Filter /FlateDecode", bomb),
            ("02-ok.json", "", b"{}".to_vec()),
            ("03-lzw.json", "/Filter /LZWDecode", b"xx".to_vec()),
        ]);
        let c = read(&pdf).unwrap();
        assert_eq!(
            english(&c.attachments[0].bytes),
            Err(format!("it is larger than the {MAX_FILE_BYTES}-byte limit"))
        );
        assert_eq!(c.attachments[1].bytes, Ok(b"{}".to_vec()));
        assert_eq!(
            english(&c.attachments[2].bytes),
            Err("it is encoded with LZWDecode, which Backpack does not read".into())
        );
    }

    #[test]
    fn hostile_structure_is_refused_with_one_line() {
        assert_eq!(read(b"hello").unwrap_err(), PdfReadError::NotPdf);
        // Deep nesting in the catalog.
        let mut deep = b"%PDF-1.7\n1 0 obj\n".to_vec();
        deep.extend(std::iter::repeat_n(b'[', 10_000));
        deep.extend_from_slice(b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF");
        let e = read(&deep).unwrap_err();
        assert!(
            matches!(&e, PdfReadError::Damaged(Message::Id(..))),
            "{e:?}"
        );
        assert_eq!(
            crate::localize::Localize::localize(&e, Catalog::get(Lang::Es)),
            format!("el pdf es ilegible: los objetos se anidan a más de {MAX_DEPTH} niveles")
        );
        assert_eq!(
            e.to_string(),
            format!("pdf is unreadable: objects nest deeper than {MAX_DEPTH} levels")
        );
        // A /Length past the end of the file.
        let mut pdf = pdf_with(&[("01-a.json", "", b"{}".to_vec())]);
        let s = String::from_utf8_lossy(&pdf).replace("/Length 2 ", "/Length 99999999 ");
        pdf = s.into_bytes();
        let c = read(&pdf).unwrap();
        assert_eq!(
            english(&c.attachments[0].bytes),
            Err("object 4: stream runs past the end of the file".into())
        );
        // A stream whose length is itself (a stream, not a number): no loop.
        let circ = String::from_utf8_lossy(&pdf_with(&[("01-a.json", "", b"{}".to_vec())]))
            .replace("/Length 2 ", "/Length 4 0 R ")
            .into_bytes();
        let c = read(&circ).unwrap();
        assert_eq!(
            english(&c.attachments[0].bytes),
            Err("object 4: stream length is not a number".into())
        );
        // Encrypted.
        let enc = String::from_utf8_lossy(&pdf_with(&[]))
            .replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 1 0 R")
            .into_bytes();
        assert_eq!(read(&enc).unwrap_err(), PdfReadError::Encrypted);
    }

    #[test]
    fn a_broken_xref_falls_back_to_scanning_objects() {
        let pdf = pdf_with(&[("01-a.json", "", b"{}".to_vec())]);
        let s = String::from_utf8_lossy(&pdf).replace("startxref\n", "startxref\n9");
        let c = read(s.as_bytes()).unwrap();
        assert_eq!(c.attachments[0].bytes, Ok(b"{}".to_vec()));
    }

    #[test]
    fn text_strings_decode() {
        assert_eq!(text_string(&[0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87]), "中文");
        assert_eq!(text_string(b"caf\xe9"), "café");
    }
}
