//! `--help` in the run's language (issue 14, "Languages"; cli/src/help_i18n.rs): `--lang`,
//! `BACKPACK_LANG` and the POSIX locale choose it like the rest of the human output; English
//! stays exactly what clap makes of the doc comments; parsing and JSON output do not change.
//! Clap's own words (its parse errors, the `[default: …]` notes) and the operating system's
//! (a missing file) follow the same language (cli/src/clap_i18n.rs, src/localize.rs).

use crate::common;

use common::{Env, backpack, code, fixture, stderr, stdout};

/// `backpack --help` in English, byte for byte as before the help came from the catalog.
const ROOT_HELP_EN: &str = "\
Backpack: a learner-owned Open Badges wallet. Your badges stay on your machine

Usage: backpack [OPTIONS] <COMMAND>

Commands:
  init          Create the wallet (optionally encrypted), or encrypt an existing one
  import        Import badges: files, folders (recursively), ZIPs, or - for stdin
  list          List the badges in the wallet
  show          Show one badge
  remove        Remove a badge from the wallet
  profile       The learner's own emails and DIDs, used to match recipients
  verify        Verify badge files without importing them
  recheck       Re-verify badges already in the wallet
  collection    Curate collections of badges
  export        Export a collection (or one badge) as HTML, ZIP, a presentation or PDF
  verify-share  Verify everything inside a received HTML, ZIP or presentation export
  backup        Write an encrypted backup of the whole wallet
  restore       Restore an encrypted backup
  trust         Issuer trust lists: label badges from issuers you or your school recognise
  minor-mode    Minor mode: a guardian's lock on network, export, backup and original files
  connect       Connect to a badge host that speaks the Open Badges 3.0 API (sign in in your browser)
  sync          Bring in what is new from connected badge hosts
  hosts         The badge hosts this wallet is connected to
  skills        The skills behind your badges, by framework, with stacks and a timeline
  linkedin      The fields and link to add one badge to your LinkedIn profile
  help          Print this message or the help of the given subcommand(s)

Options:
      --wallet <PATH>  Wallet database to use (default: the platform data dir, e.g. ~/.local/share/backpack/wallet.db) [env: BACKPACK_WALLET=]
      --lang <LANG>    Language of the human output and of HTML/PDF exports: en or es (default: BACKPACK_LANG, else the system's LC_ALL / LC_MESSAGES / LANG, else English). JSON output is the same in every language
  -h, --help           Print help
  -V, --version        Print version
";

fn help(args: &[&str], env: &[(&str, &str)]) -> String {
    let o = backpack()
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{o:?}");
    stdout(&o)
}

#[test]
fn english_help_is_unchanged() {
    assert_eq!(help(&["--help"], &[]), ROOT_HELP_EN);
    // A locale Backpack lacks, and --lang en over a Spanish environment, give the same.
    assert_eq!(help(&["--help"], &[("LANG", "fr_FR.UTF-8")]), ROOT_HELP_EN);
    assert_eq!(
        help(&["--lang", "en", "--help"], &[("BACKPACK_LANG", "es")]),
        ROOT_HELP_EN
    );
}

#[test]
fn spanish_root_help_with_lang_flag() {
    let out = help(&["--lang", "es", "--help"], &[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "Backpack: una cartera de insignias Open Badges que es de quien aprende. Tus insignias se quedan en tu equipo",
            "",
            "Uso: backpack [OPTIONS] <COMMAND>",
            "",
            "Comandos:",
            "  init          Crea la cartera (opcionalmente cifrada) o cifra una existente",
        ]
    );
    assert!(lines.contains(&"Opciones:"), "{out}");
    assert!(
        lines.contains(&"  -h, --help           Muestra la ayuda"),
        "{out}"
    );
    assert!(
        lines.contains(&"  -V, --version        Muestra la versión"),
        "{out}"
    );
    assert!(
        lines.contains(
            &"  help          Muestra este mensaje o la ayuda de los subcomandos indicados"
        ),
        "{out}"
    );
    // As many lines as the English help: the same sections, one line each.
    assert_eq!(lines.len(), ROOT_HELP_EN.lines().count());
    // --lang=es after the subcommand too.
    assert_eq!(help(&["--help", "--lang=es"], &[]), out);
}

#[test]
fn spanish_subcommand_help_from_the_environment() {
    let out = help(&["import", "--help"], &[("BACKPACK_LANG", "es")]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "Importa insignias: archivos, carpetas (recursivamente), ZIP, o - para la entrada estándar",
            "",
            "Uso: backpack import [OPTIONS] <PATH|URL>...",
            "",
            "Argumentos:",
        ]
    );
    assert!(
        lines.contains(
            &"      --no-verify              No verifica las insignias al entrar (pueden comprobarse más tarde)"
        ),
        "{out}"
    );
    // `help import` and the POSIX locale give the same page.
    assert_eq!(help(&["help", "import"], &[("LANG", "es_MX.UTF-8")]), out);
    // No English sentence left: the English page's help words are all gone.
    let en = help(&["import", "--help"], &[]);
    assert!(en.contains("Print one JSON object per file instead of text lines"));
    assert!(!out.contains("Print"), "{out}");
}

#[test]
fn spanish_long_help_translates_documented_values_and_parsing_is_unchanged() {
    let out = help(&["--lang", "es", "export", "--help"], &[]);
    assert!(
        out.contains("          - vp:   Una presentación verificable firmada (JSON)\n"),
        "{out}"
    );
    assert!(
        out.contains("          Muestra la ayuda (un resumen con '-h')\n"),
        "{out}"
    );
    // The localized --format still parses into the same enum: a Spanish export runs.
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    assert_eq!(code(&env.run(&["import", png.to_str().unwrap()])), 0);
    let page = env.path("page.html");
    let o = env.run(&[
        "--lang",
        "es",
        "export",
        "--format",
        "html",
        "--badge",
        "1",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{o:?}");
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("<html lang=\"es\"")
    );
    // A wrong value is still refused by clap (exit 2).
    let o = env.run(&[
        "--lang", "es", "export", "--format", "docx", "--badge", "1", "-o", "x",
    ]);
    assert_eq!(code(&o), 2, "{o:?}");
}

#[test]
fn json_output_is_the_same_in_both_languages() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    assert_eq!(code(&env.run(&["import", png.to_str().unwrap()])), 0);
    for args in [
        &["list", "--json"][..],
        &["show", "1", "--json"],
        &["collection", "list", "--json"],
    ] {
        let en = env.run(args);
        let es = env.run(&[&["--lang", "es"][..], args].concat());
        assert_eq!(code(&en), 0, "{en:?}");
        assert_eq!(en.stdout, es.stdout, "{args:?}");
        assert!(!en.stdout.is_empty());
    }
}

/// Bad command lines: clap's error for each, exit code 2.
const BAD: &[&[&str]] = &[
    &["--nosuch"],
    &["imprt"],
    &["import", "--no-verfy", "a.png"],
    &["import", "a.png", "--nosuch"],
    &["import"],
    &["list", "--sort", "oldst"],
    &["list", "--limit", "ten"],
    &["show", "1", "--json", "--original"],
    &["--lang", "fr", "list"],
];

fn bad(args: &[&str], env: &[(&str, &str)]) -> String {
    let o = backpack()
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert_eq!(code(&o), 2, "{args:?}: {o:?}");
    assert!(o.stdout.is_empty(), "{args:?}");
    stderr(&o)
}

#[test]
fn clap_errors_in_english_are_clap_s_own() {
    assert_eq!(
        bad(&["import", "--no-verfy", "a.png"], &[]),
        "error: unexpected argument '--no-verfy' found\n\n  tip: a similar argument exists: \
         '--no-verify'\n\nUsage: backpack import --no-verify <PATH|URL>...\n\nFor more \
         information, try '--help'.\n"
    );
    assert_eq!(
        bad(&["list", "--sort", "oldst"], &[("LANG", "fr_FR.UTF-8")]),
        "error: invalid value 'oldst' for '--sort <SORT>'\n  [possible values: newest, oldest, \
         name, issuer, imported]\n\n  tip: a similar value exists: 'oldest'\n\nFor more \
         information, try '--help'.\n"
    );
}

#[test]
fn clap_errors_in_spanish_have_no_english_left() {
    assert_eq!(
        bad(&["--lang", "es", "import", "--no-verfy", "a.png"], &[]),
        "error: argumento inesperado '--no-verfy'\n\n  consejo: existe un argumento parecido: \
         '--no-verify'\n\nUso: backpack import --no-verify <PATH|URL>...\n\nPara más \
         información, prueba '--help'.\n"
    );
    for args in BAD {
        let en = bad(args, &[]);
        let es = bad(args, &[("BACKPACK_LANG", "es")]);
        assert_ne!(en, es, "{args:?}");
        for english in [
            "unexpected",
            "unrecognized",
            "invalid",
            "possible values",
            "similar",
            "tip:",
            "Usage:",
            "For more information",
            "cannot be used",
            "required",
            " found",
            "digit",
            "unknown language",
            "as a value",
        ] {
            assert!(!es.contains(english), "{english:?} left in {args:?}:\n{es}");
        }
        // What the learner typed is still named.
        let named = args
            .iter()
            .find(|a| a.starts_with("--n") || **a == "ten" || **a == "fr");
        if let Some(a) = named {
            assert!(es.contains(a), "{a} not in {es}");
        }
    }
}

#[test]
fn help_notes_are_in_spanish() {
    let en = help(&["list", "--help"], &[]);
    assert!(
        en.contains("[default: newest] [possible values: newest, oldest"),
        "{en}"
    );
    let es = help(&["list", "--help"], &[("BACKPACK_LANG", "es")]);
    assert!(
        es.contains("[predeterminado: newest] [valores posibles: newest, oldest"),
        "{es}"
    );
    assert!(es.contains("[predeterminado: 0]"), "{es}");
    // Same lines, in the same places.
    assert_eq!(es.lines().count(), en.lines().count());
    let root = help(&["--lang", "es", "--help"], &[]);
    assert!(
        root.contains("[variable de entorno: BACKPACK_WALLET=]"),
        "{root}"
    );
    let long = help(&["--lang", "es", "export", "--help"], &[]);
    assert!(long.contains("          Valores posibles:\n"), "{long}");
    for page in [&es, &root, &long] {
        for english in [
            "[default:",
            "[possible values:",
            "[env:",
            "Possible values:",
        ] {
            assert!(!page.contains(english), "{english} in:\n{page}");
        }
    }
}

#[test]
fn a_missing_file_is_named_and_said_in_spanish() {
    let env = Env::new();
    let missing = env.path("no-such-badge.png");
    let m = missing.to_str().unwrap();
    // English: the operating system's words, as before.
    let o = env.run(&["import", m]);
    assert_eq!(code(&o), 2, "{o:?}");
    assert!(
        stdout(&o).contains(&format!("{m}: no such file or directory (os error 2)")),
        "{o:?}"
    );
    let o = env.run(&["--lang", "es", "import", m]);
    assert_eq!(code(&o), 2, "{o:?}");
    assert!(
        stdout(&o).contains(&format!("{m}: no existe el archivo o la carpeta")),
        "{o:?}"
    );
    // A file the CLI reads itself (verify, restore, trust import).
    let o = env.run(&["--lang", "es", "verify", m]);
    assert_eq!(code(&o), 2, "{o:?}");
    assert_eq!(
        stderr(&o),
        format!("{m}: no se puede leer: no existe el archivo o la carpeta\n")
    );
    let bak = env.path("no-such.backpack");
    let b = bak.to_str().unwrap();
    let o = env.run(&["--lang", "es", "restore", b]);
    assert_eq!(code(&o), 2, "{o:?}");
    assert_eq!(
        stderr(&o),
        format!("backpack: {b}: no existe el archivo o la carpeta\n")
    );
    let o = env.run(&["restore", b]);
    assert_eq!(
        stderr(&o),
        format!("backpack: {b}: No such file or directory (os error 2)\n")
    );
    // The JSON error field keeps the operating system's English.
    let o = env.run(&["--lang", "es", "verify", "--json", m]);
    assert!(
        stdout(&o).contains("\"error\":\"No such file or directory (os error 2)\""),
        "{o:?}"
    );
}
