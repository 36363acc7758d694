//! `backpack-mock-host [--port N] [DIR]`: the mock Open Badges 3.0 API host on 127.0.0.1, for
//! trying `backpack connect` by hand. Serves every `*.json` in DIR as an embedded-proof
//! credential and every `*.jwt` / `*.jws` as a VC-JWT; prints its base URL and runs until
//! interrupted. Test-only: it auto-approves every sign-in.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use mock_host::{Behaviour, Cred, MockHost};

fn main() {
    let mut port = 0u16;
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--port" {
            port = args.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        } else {
            dir = Some(std::path::PathBuf::from(a));
        }
    }
    let mut creds = Vec::new();
    if let Some(d) = dir {
        let mut paths: Vec<_> = std::fs::read_dir(&d)
            .map(|r| r.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths {
            let Ok(bytes) = std::fs::read(&p) else {
                continue;
            };
            let issued = "2026-01-01T00:00:00Z".to_string();
            match p.extension().and_then(|e| e.to_str()) {
                Some("json") => creds.push(Cred::Json { bytes, issued }),
                Some("jwt" | "jws") => creds.push(Cred::Jws {
                    jws: String::from_utf8_lossy(&bytes).trim().to_string(),
                    issued,
                }),
                _ => {}
            }
        }
    }
    let n = creds.len();
    let host = match MockHost::start_on(
        port,
        Behaviour {
            credentials: creds,
            ..Behaviour::default()
        },
    ) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("backpack-mock-host: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(2);
        }
    };
    println!("{}", host.base());
    eprintln!(
        "mock Open Badges 3.0 host with {n} credential(s); try: backpack connect --insecure-loopback --allow-network {}",
        host.base()
    );
    loop {
        std::thread::park();
    }
}
