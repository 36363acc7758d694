//! One module per subcommand, plus what they share: opening the wallet and printing
//! untrusted text safely ([`terminal_safe`]).

pub mod backup;
pub mod collection;
pub mod export;
pub mod import;
pub mod list;
pub mod profile;
pub mod recheck;
pub mod remove;
pub mod show;
pub mod verify;
pub mod verify_share;

use anyhow::Context as _;
use backpack_core::store::Wallet;

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Ctx {
    /// `--wallet` / `BACKPACK_WALLET`.
    pub wallet: Option<std::path::PathBuf>,
}

impl Ctx {
    /// The wallet file: `--wallet`, else `BACKPACK_WALLET` (both handled by clap), else the
    /// platform data dir.
    pub fn wallet_path(&self) -> anyhow::Result<std::path::PathBuf> {
        match &self.wallet {
            Some(p) => Ok(p.clone()),
            None => Ok(Wallet::default_path()?),
        }
    }

    /// Open (creating if needed) the wallet.
    pub fn open_wallet(&self) -> anyhow::Result<Wallet> {
        let path = self.wallet_path()?;
        Wallet::open(&path).with_context(|| format!("cannot open wallet {}", path.display()))
    }
}

/// Make untrusted text (badge fields, report details that quote them, file names, error
/// messages) safe to print on a terminal. Every string the CLI prints that it did not write
/// itself goes through here.
///
/// - Tab, line feed and carriage return become a space, so one field stays on one line and a
///   `\r` cannot return to the start of the verdict line and overwrite it.
/// - Every other control character (C0 including ESC and BEL, DEL, and the C1 controls
///   U+0080–U+009F, which some terminals take as CSI/OSC introducers) and every invisible
///   format character (bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069,
///   marks U+200E/U+200F/U+061C, zero-width and joiners, line and paragraph separators,
///   tags, …) is shown as a visible `\u{…}` escape: an escape sequence or a reordering
///   trick becomes inert text the reader can see.
pub fn terminal_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || is_format(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// JSON output made safe for a terminal too. serde_json escapes C0 controls in strings but
/// writes DEL, the C1 controls (U+009B is a one-character CSI on some terminals) and bidi or
/// format characters as they are; this writes each of those as a JSON `\uXXXX` escape (a
/// surrogate pair above U+FFFF). They only ever occur inside JSON strings (serde_json
/// writes a raw line feed only as pretty-printing whitespace, which is kept), so the
/// document means exactly the same.
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // A raw line feed is pretty-printing whitespace (serde_json escapes it in strings).
        if (c.is_control() && c != '\n') || is_format(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Invisible format characters that can reorder or hide text: Unicode general category Cf
/// (Unicode 16), plus the line and paragraph separators (Zl, Zp) and the interlinear
/// annotation and object replacement marks.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffc}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// [`terminal_safe`], then cut to `max` characters with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    let s = terminal_safe(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{clip, json_safe, terminal_safe};

    #[test]
    fn escape_sequences_become_visible_text() {
        let hostile = "Evil U\u{1b}]0;pwned\u{7}\u{1b}[2K\r\u{1b}[32mVALID\u{9b}31m";
        assert_eq!(
            terminal_safe(hostile),
            "Evil U\\u{1b}]0;pwned\\u{7}\\u{1b}[2K \\u{1b}[32mVALID\\u{9b}31m"
        );
    }

    #[test]
    fn bidi_and_invisible_characters_become_visible_text() {
        for c in [
            '\u{202a}',
            '\u{202b}',
            '\u{202c}',
            '\u{202d}',
            '\u{202e}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200e}',
            '\u{200f}',
            '\u{61c}',
            '\u{200b}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{2028}',
            '\u{2029}',
            '\u{ad}',
            '\u{e0041}',
            '\u{7f}',
            '\u{85}',
        ] {
            let out = terminal_safe(&format!("a{c}b"));
            assert_eq!(out, format!("a\\u{{{:x}}}b", u32::from(c)));
        }
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces() {
        assert_eq!(terminal_safe("one\ntwo\r\tthree"), "one two  three");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let s = "Données — 数据科学 🎓 ✓ (spec 3.0) #12 \"x\" \\u";
        assert_eq!(terminal_safe(s), s);
    }

    #[test]
    fn json_output_escapes_c1_and_bidi_and_means_the_same() {
        let v = serde_json::json!({"name": "a\u{9b}31m\u{202e}b\u{7f}\u{e0041}\n\u{1b}"});
        let raw = serde_json::to_string(&v).unwrap();
        let safe = json_safe(&raw);
        assert_eq!(
            safe,
            r#"{"name":"a\u009b31m\u202eb\u007f\udb40\udc41\n\u001b"}"#
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), v);
    }

    #[test]
    fn clip_is_safe_and_short() {
        assert_eq!(clip("ab\u{202e}cdef", 6), "ab\\u{…");
        assert_eq!(clip("abc", 6), "abc");
    }
}
