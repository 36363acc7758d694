//! Languages (issue 14): `--lang`, `BACKPACK_LANG` and the POSIX locale choose the language of
//! the human output (exact Spanish lines here) and of HTML/PDF exports; JSON output is the same
//! bytes in every language.

use crate::common;

use std::process::Output;

use common::{Env, fixture, stdout};

#[test]
fn spanish_import_list_show_and_collection_lines() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    let o = env.run(&["--lang", "es", "import", png.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(
        stdout(&o),
        format!(
            "importada  {}  #1 \"Teamwork\"  (emisor no confirmado)\n\
             1 importada, 0 ya en tu cartera, 0 rechazadas\n",
            png.display()
        )
    );
    let list = stdout(&env.run(&["--lang", "es", "list"]));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(
        lines,
        [
            "ID  NOMBRE    EMISOR        EMITIDA     FORMATO   ESTADO",
            "#1  Teamwork  Example Corp  2010-01-01  ob3-json  emisor no confirmado",
        ]
    );
    let show = stdout(&env.run(&["--lang", "es", "show", "1"]));
    let lines: Vec<&str> = show.lines().collect();
    // The label column is as wide as the longest Spanish label ("etiqueta emisor") + 1.
    assert_eq!(lines[0], "insignia        #1 \"Teamwork\"");
    assert_eq!(
        lines[1],
        "emisor          Example Corp (https://example.com/issuers/876543)"
    );
    assert!(show.contains("\nformato         ob3-json (especificación 3.0, archivo png)\n"));
    assert!(show.contains("\nestado          Firma intacta, emisor no confirmado\n"));
    assert!(show.contains("\nimagen          el propio archivo de la insignia (image/png)\n"));
    let o = env.run(&["--lang", "es", "collection", "create", "Prácticas"]);
    assert_eq!(stdout(&o), "creada la colección #1 «Prácticas»\n");
    let o = env.run(&["--lang", "es", "collection", "add", "Prácticas", "1"]);
    assert_eq!(
        stdout(&o),
        "la colección #1 «Prácticas» tiene ahora 1 insignia\n"
    );
    // The same commands in English are unchanged.
    assert_eq!(
        stdout(&env.run(&["list"])).lines().next(),
        Some("ID  NAME      ISSUER        ISSUED      FORMAT    STATUS")
    );
}

#[test]
fn language_comes_from_the_flag_then_backpack_lang_then_the_locale() {
    let env = Env::new();
    let es = "no hay insignias (importa alguna con: backpack import RUTA)\n";
    let en = "no badges (import some with: backpack import PATH)\n";
    for (vars, args, want) in [
        (&[][..], &["list"][..], en),
        (&[("LANG", "es_ES.UTF-8")][..], &["list"][..], es),
        (
            &[("LC_MESSAGES", "es_MX.UTF-8"), ("LANG", "en_US.UTF-8")][..],
            &["list"][..],
            es,
        ),
        (
            &[("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")][..],
            &["list"][..],
            en,
        ),
        (
            &[("BACKPACK_LANG", "es"), ("LC_ALL", "C")][..],
            &["list"][..],
            es,
        ),
        (
            &[("BACKPACK_LANG", "es")][..],
            &["--lang", "en", "list"][..],
            en,
        ),
        (&[("LANG", "fr_FR.UTF-8")][..], &["list"][..], en),
    ] {
        assert_eq!(stdout(&env.run_with(args, vars)), want, "{vars:?} {args:?}");
    }
    let o = env.run(&["--lang", "fr", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("use en or es"));
}

#[test]
fn json_output_is_the_same_in_every_language() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    let json = fixture("1edtech-public-validator/ob30/simple.json");
    env.run(&["import", png.to_str().unwrap()]);
    for args in [
        &["list", "--json"][..],
        &["collection", "list", "--json"][..],
        &["profile", "list", "--json"][..],
        &["skills", "--json"][..],
    ] {
        let en = env.run(args);
        let es = env.run(&[&["--lang", "es"][..], args].concat());
        assert_eq!(en.stdout, es.stdout, "{args:?}");
        assert!(!en.stdout.is_empty(), "{args:?}");
    }
    // verify --json carries the clock (checked_at, each fetch's fetched_at): compare without.
    let strip = |o: Output| -> serde_json::Value {
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["checked_at"] = serde_json::Value::Null;
        for f in v["fetches"].as_array_mut().into_iter().flatten() {
            f["fetched_at"] = serde_json::Value::Null;
        }
        v
    };
    assert_eq!(
        strip(env.run(&["verify", "--json", json.to_str().unwrap()])),
        strip(env.run(&["--lang", "es", "verify", "--json", json.to_str().unwrap()]))
    );
}

#[test]
fn spanish_export_and_its_recheck() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    env.run(&["import", png.to_str().unwrap()]);
    env.run(&["collection", "create", "Prácticas"]);
    env.run(&["collection", "add", "Prácticas", "1"]);
    let page = env.dir.path().join("p.html");
    let o = env.run(&[
        "--lang",
        "es",
        "export",
        "Prácticas",
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(stdout(&o).starts_with(&format!("escrito {} (1 insignia, ", page.display())));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.lines()
            .any(|l| l
                == "esta exportación comparte estos identificadores que permiten relacionarte:"),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l
                == "- id. de la credencial: http://example.com/credentials/3527 (en «Teamwork»)"),
        "{err}"
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html.contains("<dt>Emisor</dt>"));
    assert!(html.contains("data-field=\"status\">Firma intacta, emisor no confirmado</span>"));
    // The receiver re-renders the page in its recorded language: it matches, whatever
    // language the receiver reads in.
    for lang in ["es", "en"] {
        let o = env.run(&["--lang", lang, "verify-share", page.to_str().unwrap()]);
        let out = stdout(&o);
        let want = if lang == "es" {
            "  página: la página muestra exactamente lo que dicen sus credenciales"
        } else {
            "  page: the page shows exactly what its credentials say"
        };
        assert!(out.lines().any(|l| l == want), "{out}");
    }
    let out = stdout(&env.run(&["--lang", "es", "verify-share", page.to_str().unwrap()]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[1],
        "  1. Teamwork — Firma intacta, emisor no confirmado"
    );
    assert_eq!(
        lines[2],
        "      emisor: Example Corp (https://example.com/issuers/876543)"
    );
    assert_eq!(
        lines[3],
        "      emitida el 1 de enero de 2010 · válida desde el 1 de enero de 2010"
    );
    assert_eq!(
        lines.last().copied(),
        Some("0 de 1 insignia verificada; no todo se verifica")
    );
}

/// The words of `line` that are plain ASCII English (three letters or more in a row) once the
/// run's own data is taken out: paths, addresses, DIDs, hashes, the given badge text, and the
/// credential's property names the checks quote (camelCase: `validUntil`, `credentialStatus`).
fn plain_words(line: &str, data: &[&str]) -> Vec<String> {
    let camel = |t: &str| {
        let w = t.trim_matches(|c: char| !c.is_ascii_alphabetic());
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars().any(|c| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphanumeric())
    };
    let l: Vec<&str> = line
        .split_whitespace()
        .filter(|t| {
            let hash = t.len() >= 16 && t.chars().all(|c| c.is_ascii_hexdigit());
            !(t.contains("://") || t.contains("did:") || camel(t) || hash)
        })
        .collect();
    let mut l = l.join(" ");
    for d in data {
        l = l.replace(d, " ");
    }
    l.split_whitespace()
        .filter(|t| !t.contains('/'))
        .flat_map(|t| {
            t.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 3)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Issue 14's pseudo-locale for the command line: with `BACKPACK_LANG=en-XA` every word the
/// CLI writes itself comes out accented, so a plain English word in the output of these
/// commands is a sentence that bypasses the catalog: the checks' names and details of
/// `verify`, `show` and `recheck` included (badge text is data).
#[test]
fn pseudo_locale_leaves_no_plain_english_word() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    let dir = env.dir.path().display().to_string();
    let pngs = png.display().to_string();
    let page = env.dir.path().join("p.html");
    let pages = page.display().to_string();
    let data = [
        // Badge text first: it holds words of the shorter items below.
        "This badge recognizes the development of the capacity to collaborate within a group environment.",
        "Team members are nominated for this badge by their peers and recognized upon review by Example Corp management.",
        pngs.as_str(),
        pages.as_str(),
        dir.as_str(),
        "Teamwork",
        "Example Corp",
        "ob3-json",
        "image/png",
        "Ñoño",
        "Ñandú",
        "ana@example.org",
        "BACKPACK_LANG",
        "eddsa-rdfc-2022",
        " UTC",
        " png ",
    ];
    let backup = env.dir.path().join("b.bpk");
    let backups = backup.display().to_string();
    let pseudo = [
        ("BACKPACK_LANG", "en-XA"),
        ("BACKPACK_PASSPHRASE", "a backup passphrase"),
    ];
    let mut seen = 0;
    for args in [
        &["init"][..],
        &["list"][..],
        &["import", &pngs][..],
        &["import", &pngs][..],
        &["list"][..],
        &["verify", &pngs][..],
        &["show", "1"][..],
        &["recheck", "--all"][..],
        &["collection", "list"][..],
        &["collection", "create", "Ñoño"][..],
        &["collection", "add", "Ñoño", "1"][..],
        &["collection", "rename", "Ñoño", "Ñandú"][..],
        &["collection", "list"][..],
        &["export", "Ñandú", "--format", "html", "--output", &pages][..],
        &["collection", "remove", "Ñandú", "1", "2"][..],
        &["collection", "delete", "Ñandú"][..],
        &["profile", "list"][..],
        &["profile", "add-email", "ana@example.org"][..],
        &["profile", "list"][..],
        &["profile", "remove", "ana@example.org"][..],
        &["remove", "1"][..],
        &["remove", "1", "--undo"][..],
        &["remove", "--purge"][..],
        &["skills"][..],
        &["hosts", "list"][..],
        &["trust", "list"][..],
        &["minor-mode", "status"][..],
        &["linkedin", "1"][..],
        &["backup", &backups][..],
        &["restore", &backups, "--force"][..],
        &["init"][..],
    ] {
        let o = env.run_with(args, &pseudo);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        for line in text.lines() {
            seen += 1;
            let plain = plain_words(line, &data);
            assert!(plain.is_empty(), "{args:?}: {line:?} has {plain:?}");
        }
    }
    assert!(seen > 25, "only {seen} lines");
    // And the same run in English has plain words (the check can fail).
    let o = env.run(&["collection", "list"]);
    assert!(!plain_words(&stdout(&o), &data).is_empty());
}

/// Core errors and import refusals in the run's language (issue 14: every user-visible
/// string from the catalog): the core's typed errors come from `err-…` messages
/// (`backpack_core::localize`), exact Spanish lines here; JSON keeps the English text.
#[test]
fn spanish_core_errors_and_refusals() {
    let env = Env::new();
    let notes = env.dir.path().join("notes.txt");
    std::fs::write(&notes, "hello there\n").unwrap();
    // A CRC byte of the IHDR chunk flipped: a corrupt PNG.
    let mut png = std::fs::read(fixture("1edtech-public-validator/ob30/simple-json.png")).unwrap();
    png[29] ^= 0xff;
    let bad = env.dir.path().join("bad.png");
    std::fs::write(&bad, &png).unwrap();
    let (n, b) = (notes.display(), bad.display());

    let o = env.run(&["--lang", "es", "import", &n.to_string(), &b.to_string()]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_eq!(
        stdout(&o),
        format!(
            "rechazada  {n}: no es un archivo de insignia: se esperaba un png o svg horneado, \
             json, un jws compacto o un archivo de texto con una url http(s)\n\
             rechazada  {b}: png dañado: el crc no coincide en el bloque `IHDR` en el byte 8\n\
             0 importadas, 0 ya en tu cartera, 2 rechazadas\n"
        )
    );
    // English is the errors' own text; JSON is English in every language.
    let o = env.run(&["import", &b.to_string()]);
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        format!("refused    {b}: corrupt png: crc mismatch in the `IHDR` chunk at byte 8")
    );
    let json = |lang: &str| stdout(&env.run(&["--lang", lang, "import", "--json", &b.to_string()]));
    assert_eq!(json("es"), json("en"));
    assert!(
        json("es").contains("corrupt png: crc mismatch"),
        "{}",
        json("es")
    );

    // Minor mode locked: the refusal, then the CLI's own hint, in Spanish.
    let good = fixture("1edtech-public-validator/ob30/simple-json.png");
    assert_eq!(
        env.run(&["import", good.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let g = [("BACKPACK_GUARDIAN_PASSPHRASE", "guardian words")];
    assert_eq!(
        env.run_with(&["minor-mode", "on"], &g).status.code(),
        Some(0)
    );
    let page = env.dir.path().join("p.html");
    let o = env.run(&[
        "--lang",
        "es",
        "export",
        "--badge",
        "1",
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "backpack: el modo menor está activado: exportar requiere la frase de contraseña de la \
         persona tutora (una persona tutora puede escribirla cuando se pida, o definir \
         BACKPACK_GUARDIAN_PASSPHRASE)\n"
    );
    assert!(!page.exists());
    // A typed error that reaches main: in the run's language.
    let o = env.run_with(&["minor-mode", "on"], &[("BACKPACK_LANG", "es")]);
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "backpack: el modo menor ya está activado\n"
    );
}

/// Another wallet's refusals (`src/wallets`) in the run's language: a saved Badgr error
/// response and a Badgr record that is not an Open Badge, exact Spanish lines; English
/// is the old text.
#[test]
fn spanish_other_wallet_refusals() {
    let env = Env::new();
    let error = env.file(
        "error.json",
        br#"{"status": {"error": "forbidden", "statusCode": 403, "statusText": "Forbidden"}, "results": []}"#,
    );
    let list = env.file(
        "badgr.json",
        br#"{"status": {"success": true, "description": "ok"}, "result": [
            {"entityType": "BackpackAssertion", "entityId": "abc", "badgeclass": "xyz",
             "openBadgeId": "https://api.badgr.io/public/assertions/abc", "issuedOn": "2020-01-01"}]}"#,
    );
    let o = env.run(&["--lang", "es", "import", &error, &list]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_eq!(
        stdout(&o),
        format!(
            "rechazada  {error}: una respuesta guardada de Badge Connect / Badgr que informa de \
             un error: no contiene insignias\n\
             rechazada  {list}:assertion 1: un registro de Badgr, no una Open Badge; importa en \
             su lugar la aserción alojada por su url: https://api.badgr.io/public/assertions/abc\n\
             0 importadas, 0 ya en tu cartera, 2 rechazadas\n"
        )
    );
    let o = env.run(&["import", &list]);
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        format!(
            "refused    {list}:assertion 1: a Badgr record, not an Open Badge; import the hosted \
             assertion by its url instead: https://api.badgr.io/public/assertions/abc"
        )
    );
}

/// The pseudo-locale for `verify-share` (issue 14): every line it writes about a received page
/// that differs from its credentials, with a recipient that does not match, and about a bare
/// presentation without a proof holding an entry that is no credential, comes out accented —
/// its own words and the report's sentences. Left out: the lines of each badge's checks
/// (`decode: …`: the check's id is a token, and its detail is the verifier's, `src/verify`),
/// and on the page's badge, which verifies, the two lines that quote the verifier's details
/// (why it is not verified, and the presentation's signature); and the run's data (paths,
/// names, the file names inside the page).
#[test]
fn pseudo_locale_covers_verify_share() {
    let env = Env::new();
    let png = fixture("1edtech-public-validator/ob30/simple-json.png");
    env.run(&["import", png.to_str().unwrap()]);
    env.run(&["collection", "create", "Sent"]);
    env.run(&["collection", "add", "Sent", "1"]);
    let page = env.dir.path().join("p.html");
    let pages = page.display().to_string();
    let o = env.run(&["export", "Sent", "--format", "html", "--output", &pages]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let html = std::fs::read_to_string(&page).unwrap();
    let from = "data-field=\"name\">Teamwork<";
    assert!(html.contains(from));
    std::fs::write(
        &page,
        html.replacen(from, "data-field=\"name\">Surgery<", 1),
    )
    .unwrap();
    let vp = env.dir.path().join("vp.json");
    let vps = vp.display().to_string();
    std::fs::write(
        &vp,
        r#"{"type": ["VerifiablePresentation"], "verifiableCredential": [42]}"#,
    )
    .unwrap();
    let data = [
        pages.as_str(),
        vps.as_str(),
        "Sent",
        "Teamwork",
        "Surgery",
        "Example Corp",
        "01-teamwork.png",
        "ob3-json",
        "someone@example.org",
        "verifiableCredential",
        "eddsa-rdfc-2022",
        "eddsa-jcs-2022",
        " UTC",
    ];
    let run = |file: &str, env_vars: &[(&str, &str)]| {
        let o = env.run_with(
            &["verify-share", file, "--recipient", "someone@example.org"],
            env_vars,
        );
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        stdout(&o)
    };
    let mut seen = 0;
    // Every line, the checks' names and details included (they are catalog messages).
    for file in [&pages, &vps] {
        let out = run(file, &[("BACKPACK_LANG", "en-XA")]);
        for line in out.lines() {
            seen += 1;
            let plain = plain_words(line, &data);
            assert!(plain.is_empty(), "{line:?} has {plain:?}\n{out}");
        }
    }
    assert!(seen >= 12, "{seen}");
    // In English the same lines have plain words (the check can fail).
    let en = run(&pages, &[]);
    assert!(en.contains("name: the page says 'Surgery'"), "{en}");
    assert!(run(&vps, &[]).contains("presentation: fail — the presentation has no proof"));
}
