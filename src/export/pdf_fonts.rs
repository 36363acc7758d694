//! Fonts for the PDF export: the system's own fonts, found at run time with `fontdb`, chosen
//! character by character along a fixed fallback chain, embedded subset by `krilla`.
//!
//! **Why system fonts, not fonts bundled in the repository.** Every script must print, and
//! CJK alone is 16–20 MB per weight (Noto Sans CJK); bundling it would put tens of MB of
//! binary blobs in the repository and in every build of the app. A learner whose name or badges
//! are in Chinese or Arabic already has a font for them: the app's own window (a system
//! webview) shows that text with the same system fonts, so the PDF prints what the learner
//! sees. On Debian the packages `fonts-noto-core` and `fonts-noto-cjk` give the whole chain
//! (`scripts/install-deps.sh pdf` installs them for CI); `fonts-dejavu-core`, which every
//! desktop Linux has, already covers Latin, Greek, Cyrillic, Arabic and Hebrew.
//!
//! **The chain.** For each character: the first family of [`LATIN`] present on the system,
//! then the families of [`FALLBACK`] in order (script fonts for Arabic, Hebrew, CJK, Indic,
//! Thai, symbols), then — last resort — any installed face whose character map has it (a scan,
//! cached per character). A character no installed font has is drawn as the font's
//! "missing glyph" box but stays in the text layer (it can still be selected and copied), and
//! the export names it ([`super::ExportOutput::notices`]).
//!
//! **Cost.** The system font list is scanned once per process (fontdb reads only each file's
//! name table: 320 faces in about 20 ms on Debian 12 with fonts-noto-core and fonts-noto-cjk);
//! a fallback face is read the first time a character needs it (the 20 MB CJK collection only
//! for CJK text) and kept for the process, so later exports pay nothing. `cargo bench --bench
//! export` prints the first PDF of a process separately.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use krilla::text::Font;

/// Latin (and Greek, Cyrillic) text faces, most preferred first. The first one installed is
/// the document's main face.
pub const LATIN: &[&str] = &[
    "Noto Sans",
    "DejaVu Sans",
    "Liberation Sans",
    "Arial",
    "Helvetica Neue",
    "Helvetica",
    "Segoe UI",
    "Roboto",
    "Open Sans",
    "Cantarell",
    "Ubuntu",
];

/// Script fonts tried, in order, for a character the main face lacks.
pub const FALLBACK: &[&str] = &[
    // Arabic, Hebrew
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans Hebrew",
    // Chinese (simplified first), Japanese, Korean
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans CJK TC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Hiragino Sans",
    "Yu Gothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    // Indic, South-East Asian, others
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Tamil",
    "Noto Sans Thai",
    "Noto Sans Armenian",
    "Noto Sans Georgian",
    "Noto Sans Ethiopic",
    "Nirmala UI",
    "Leelawadee UI",
    "Tahoma",
    // Symbols
    "DejaVu Sans",
    "Noto Sans Symbols",
    "Noto Sans Symbols2",
    "Noto Sans Math",
    "Segoe UI Symbol",
    "Arial Unicode MS",
];

/// Largest font file read (a CJK collection is about 20 MB).
const MAX_FONT_FILE_BYTES: usize = 64 * 1024 * 1024;

/// One face, loaded for the life of the process.
pub struct Face {
    /// For krilla (embedding, subsetting).
    pub font: Font,
    /// For shaping and character coverage.
    pub shaper: rustybuzz::Face<'static>,
    /// Family name, for notices and tests.
    pub family: String,
    /// Units per em.
    pub upem: f32,
    /// Ascender and descender, in em.
    pub ascent: f32,
    /// Descender (negative), in em.
    pub descent: f32,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("family", &self.family)
            .finish()
    }
}

impl Face {
    /// True when the face maps `c` to a glyph.
    pub fn covers(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }
}

/// Faces found by the last-resort scan, per (character, bold).
type ScanCache = Mutex<HashMap<(char, bool), Option<Arc<Face>>>>;

/// The process's fonts: the system font list and every face loaded so far.
pub struct Fonts {
    db: Arc<fontdb::Database>,
    /// Loaded faces by fontdb id (`None`: could not be loaded).
    loaded: Mutex<HashMap<fontdb::ID, Option<Arc<Face>>>>,
    /// Font files read so far (a collection's faces share one copy).
    files: Mutex<HashMap<std::path::PathBuf, &'static [u8]>>,
    /// The chain for regular and bold text, as font ids, resolved once; faces are loaded
    /// only when a character reaches them.
    chains: Mutex<HashMap<bool, Arc<Vec<fontdb::ID>>>>,
    /// Last-resort scan results per character.
    scanned: ScanCache,
}

static FONTS: OnceLock<Fonts> = OnceLock::new();

/// The process's fonts (the system font list is scanned on first use).
pub fn fonts() -> &'static Fonts {
    FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        Fonts::with_db(db)
    })
}

fn make_face(data: &'static [u8], index: u32, family: String) -> Option<Arc<Face>> {
    let shaper = rustybuzz::Face::from_slice(data, index)?;
    let font = Font::new(krilla::Data::from(data), index)?;
    let upem = shaper.units_per_em() as f32;
    let ascent = f32::from(shaper.ascender()) / upem;
    let descent = f32::from(shaper.descender()) / upem;
    Some(Arc::new(Face {
        font,
        shaper,
        family,
        upem,
        ascent,
        descent,
    }))
}

impl Fonts {
    /// Fonts from a given database (tests use a database of chosen files).
    pub fn with_db(db: fontdb::Database) -> Fonts {
        Fonts {
            db: Arc::new(db),
            loaded: Mutex::new(HashMap::new()),
            files: Mutex::new(HashMap::new()),
            chains: Mutex::new(HashMap::new()),
            scanned: Mutex::new(HashMap::new()),
        }
    }

    /// The font database (handed to the SVG renderer for text inside badge images).
    pub fn database(&self) -> Arc<fontdb::Database> {
        self.db.clone()
    }

    /// A font file's bytes, read once and kept for the life of the process (a face is loaded
    /// at most once, so the shaper can borrow it without a self-referential struct).
    fn file_data(&self, id: fontdb::ID) -> Option<(&'static [u8], u32)> {
        let (source, index) = self.db.face_source(id)?;
        let data: &'static [u8] = match source {
            fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
                let mut files = self.files.lock().ok()?;
                match files.get(&path) {
                    Some(d) => d,
                    None => {
                        let len = std::fs::metadata(&path).ok()?.len();
                        if len > MAX_FONT_FILE_BYTES as u64 {
                            return None;
                        }
                        let d: &'static [u8] =
                            Box::leak(std::fs::read(&path).ok()?.into_boxed_slice());
                        files.insert(path, d);
                        d
                    }
                }
            }
            fontdb::Source::Binary(b) => {
                let b: &[u8] = (*b).as_ref();
                if b.len() > MAX_FONT_FILE_BYTES {
                    return None;
                }
                Box::leak(b.to_vec().into_boxed_slice())
            }
        };
        Some((data, index))
    }

    fn load(&self, id: fontdb::ID) -> Option<Arc<Face>> {
        if let Some(f) = self.loaded.lock().ok()?.get(&id) {
            return f.clone();
        }
        let family = self
            .db
            .face(id)
            .and_then(|i| i.families.first().map(|f| f.0.clone()))
            .unwrap_or_default();
        let face = self
            .file_data(id)
            .and_then(|(data, index)| make_face(data, index, family));
        self.loaded.lock().ok()?.insert(id, face.clone());
        face
    }

    fn family(&self, name: &str, bold: bool) -> Option<fontdb::ID> {
        let families = [fontdb::Family::Name(name)];
        let q = |weight| fontdb::Query {
            families: &families,
            weight,
            stretch: fontdb::Stretch::Normal,
            style: fontdb::Style::Normal,
        };
        if bold {
            self.db
                .query(&q(fontdb::Weight::BOLD))
                .filter(|id| {
                    self.db
                        .face(*id)
                        .is_some_and(|f| f.weight.0 >= fontdb::Weight::SEMIBOLD.0)
                })
                .or_else(|| self.db.query(&q(fontdb::Weight::NORMAL)))
        } else {
            self.db.query(&q(fontdb::Weight::NORMAL))
        }
    }

    /// The chain for regular or bold text, as font ids: the main family first, then every
    /// installed fallback family, each once.
    fn chain_ids(&self, bold: bool) -> Arc<Vec<fontdb::ID>> {
        if let Some(c) = self.chains.lock().ok().and_then(|c| c.get(&bold).cloned()) {
            return c;
        }
        let mut chain: Vec<fontdb::ID> = Vec::new();
        if let Some(main) = LATIN.iter().find_map(|n| self.family(n, bold)) {
            chain.push(main);
        }
        for n in FALLBACK {
            if let Some(f) = self.family(n, bold)
                && !chain.contains(&f)
            {
                chain.push(f);
            }
        }
        let chain = Arc::new(chain);
        if let Ok(mut c) = self.chains.lock() {
            c.insert(bold, chain.clone());
        }
        chain
    }

    /// The main face for regular or bold text: the first family of the chain that loads, else
    /// any installed face that has basic Latin. `None` when the system has no usable font.
    pub fn main(&self, bold: bool) -> Option<Arc<Face>> {
        self.chain_ids(bold)
            .iter()
            .find_map(|id| self.load(*id))
            .or_else(|| self.scan('a', bold))
    }

    /// Any installed face that has `c` (the last resort), cached per character.
    fn scan(&self, c: char, bold: bool) -> Option<Arc<Face>> {
        if let Some(f) = self.scanned.lock().ok()?.get(&(c, bold)) {
            return f.clone();
        }
        let mut ids: Vec<(fontdb::ID, bool)> = self
            .db
            .faces()
            .filter(|f| f.style == fontdb::Style::Normal)
            .map(|f| (f.id, (f.weight.0 >= 600) == bold))
            .collect();
        // Faces of the wanted weight first.
        ids.sort_by_key(|(_, w)| !*w);
        let found = ids.into_iter().find_map(|(id, _)| {
            let has = self
                .db
                .with_face_data(id, |data, index| ttf_parser_covers(data, index, c))
                .unwrap_or(false);
            if has { self.load(id) } else { None }
        });
        self.scanned.lock().ok()?.insert((c, bold), found.clone());
        found
    }

    /// The face that has `c`: the first face of the chain that has it (loading faces only as
    /// far as needed), else any installed face that has it.
    pub fn covering(&self, c: char, bold: bool) -> Option<Arc<Face>> {
        for id in self.chain_ids(bold).iter() {
            if let Some(f) = self.load(*id)
                && f.covers(c)
            {
                return Some(f);
            }
        }
        self.scan(c, bold)
    }

    /// The face to draw `c` with: [`Fonts::covering`], else the main face (which draws its
    /// missing-glyph box).
    pub fn face_for(&self, c: char, bold: bool) -> Option<Arc<Face>> {
        self.covering(c, bold).or_else(|| self.main(bold))
    }
}

fn ttf_parser_covers(data: &[u8], index: u32, c: char) -> bool {
    rustybuzz::ttf_parser::Face::parse(data, index)
        .ok()
        .and_then(|f| f.glyph_index(c))
        .is_some()
}
