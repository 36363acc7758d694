//! The sign-in answer: the host redirects the learner's browser to a loopback address where
//! Backpack listens (OAuth 2.0 for Native Apps, RFC 8252 §7.3,
//! <https://www.rfc-editor.org/rfc/rfc8252#section-7.3>): `http://127.0.0.1:{port}/callback`
//! on a port the system picks, the IP literal rather than `localhost` (§8.3), and only for the
//! duration of one sign-in.
//!
//! [`LoopbackRedirect`] is the real receiver; hosts construct it and hand it to
//! [`super::connect`] as a [`RedirectReceiver`] (tests may pass their own). It answers one
//! request per connection with a small page (no script, no remote content, a CSP that forbids
//! everything), ignores requests for other paths (`/favicon.ico`), and returns on the first
//! `/callback`:
//! - with the `state` Backpack sent and a `code`: the code;
//! - with another `state` (or none): an error, the code is never used (RFC 6749 §10.12, CSRF);
//! - with `error` (e.g. `access_denied`): the host's error, cleaned to one line.
//!
//! Each request is read with a short timeout and at most [`MAX_REQUEST_BYTES`]; the whole wait
//! ends at the caller's deadline (or when its cancel flag is set).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::discovery::clean_text;

/// Largest request head read from the browser.
pub const MAX_REQUEST_BYTES: usize = 16 * 1024;
/// The redirect path.
pub const CALLBACK_PATH: &str = "/callback";

/// Why the sign-in answer did not give a code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RedirectError {
    /// Nothing arrived in time.
    #[error("no answer from the sign-in page within {0} s: try again")]
    TimedOut(u64),
    /// The caller cancelled.
    #[error("sign-in cancelled")]
    Cancelled,
    /// The `state` did not match.
    #[error(
        "the sign-in answer carried a different state than Backpack sent: refused (it did not come from this sign-in; possible cross-site request forgery)"
    )]
    StateMismatch,
    /// The host said no.
    #[error("the host did not sign you in: {0}")]
    Denied(String),
    /// The answer had neither a code nor an error.
    #[error("the sign-in answer has no code")]
    NoCode,
    /// The listener failed.
    #[error("the sign-in listener on 127.0.0.1 failed: {0}")]
    Io(String),
}

/// Where the browser comes back to.
pub trait RedirectReceiver: Send + Sync {
    /// The redirect URI to register and send.
    fn redirect_uri(&self) -> String;
    /// Wait for the answer carrying `state`; the authorization code.
    fn wait(
        &self,
        state: &str,
        deadline: Instant,
        cancel: Option<&AtomicBool>,
    ) -> Result<String, RedirectError>;
}

/// A listener on `127.0.0.1` on a port the system picked.
#[derive(Debug)]
pub struct LoopbackRedirect {
    listener: TcpListener,
    port: u16,
}

impl LoopbackRedirect {
    /// Listen on `127.0.0.1:0`.
    pub fn bind() -> Result<LoopbackRedirect, RedirectError> {
        let listener =
            TcpListener::bind(("127.0.0.1", 0)).map_err(|e| RedirectError::Io(e.to_string()))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| RedirectError::Io(e.to_string()))?;
        let port = listener
            .local_addr()
            .map_err(|e| RedirectError::Io(e.to_string()))?
            .port();
        Ok(LoopbackRedirect { listener, port })
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }
}

/// What one browser request said.
enum Answer {
    Code(String),
    Error(String),
    WrongState,
    NoCode,
    Elsewhere,
}

fn read_head(stream: &mut TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while buf.len() < MAX_REQUEST_BYTES {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                buf.extend_from_slice(chunk.get(..n)?);
                if buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    let text = String::from_utf8_lossy(&buf);
    text.lines().next().map(str::to_string)
}

fn classify(line: &str, state: &str) -> Answer {
    let mut parts = line.split(' ');
    let (Some("GET"), Some(target)) = (parts.next(), parts.next()) else {
        return Answer::Elsewhere;
    };
    let Ok(url) = url::Url::parse(&format!("http://127.0.0.1{target}")) else {
        return Answer::Elsewhere;
    };
    if url.path() != CALLBACK_PATH {
        return Answer::Elsewhere;
    }
    let (mut got_state, mut code, mut error, mut desc) = (None, None, None, None);
    for (k, v) in url.query_pairs() {
        match k.as_ref() {
            "state" => got_state = Some(v.into_owned()),
            "code" => code = Some(v.into_owned()),
            "error" => error = Some(v.into_owned()),
            "error_description" => desc = Some(v.into_owned()),
            _ => {}
        }
    }
    // The state is compared before anything else is believed (RFC 6749 §10.12).
    if got_state.as_deref() != Some(state) {
        return Answer::WrongState;
    }
    if let Some(e) = error {
        let mut s = clean_text(&e, 80);
        if let Some(d) = desc {
            s.push_str(": ");
            s.push_str(&clean_text(&d, 300));
        }
        return Answer::Error(s);
    }
    match code {
        Some(c) if !c.is_empty() && c.len() <= 4096 => Answer::Code(c),
        _ => Answer::NoCode,
    }
}

fn respond(stream: &mut TcpStream, status: &str, message: &str) {
    let body = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Backpack</title></head><body><p>{message}</p></body></html>"
    );
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Security-Policy: default-src 'none'\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body.as_bytes());
    let _ = stream.flush();
}

impl RedirectReceiver for LoopbackRedirect {
    fn redirect_uri(&self) -> String {
        format!("http://127.0.0.1:{}{CALLBACK_PATH}", self.port)
    }

    fn wait(
        &self,
        state: &str,
        deadline: Instant,
        cancel: Option<&AtomicBool>,
    ) -> Result<String, RedirectError> {
        let started = Instant::now();
        loop {
            if cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
                return Err(RedirectError::Cancelled);
            }
            if Instant::now() >= deadline {
                return Err(RedirectError::TimedOut(started.elapsed().as_secs()));
            }
            let mut stream = match self.listener.accept() {
                Ok((s, _)) => s,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(25));
                    continue;
                }
                Err(e) => return Err(RedirectError::Io(e.to_string())),
            };
            let _ = stream.set_nonblocking(false);
            let Some(line) = read_head(&mut stream) else {
                continue;
            };
            match classify(&line, state) {
                Answer::Elsewhere => respond(&mut stream, "404 Not Found", "Not found."),
                Answer::Code(code) => {
                    respond(
                        &mut stream,
                        "200 OK",
                        "You are signed in. You can close this tab and go back to Backpack.",
                    );
                    return Ok(code);
                }
                Answer::Error(e) => {
                    respond(
                        &mut stream,
                        "200 OK",
                        "The sign-in was not completed. You can close this tab and go back to Backpack.",
                    );
                    return Err(RedirectError::Denied(e));
                }
                Answer::WrongState => {
                    respond(
                        &mut stream,
                        "400 Bad Request",
                        "This answer does not belong to Backpack's sign-in. It was refused.",
                    );
                    return Err(RedirectError::StateMismatch);
                }
                Answer::NoCode => {
                    respond(&mut stream, "400 Bad Request", "No code in this answer.");
                    return Err(RedirectError::NoCode);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(port: u16, target: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out
    }

    fn run(targets: &'static [&'static str]) -> (Result<String, RedirectError>, Vec<String>) {
        let r = LoopbackRedirect::bind().unwrap();
        let port = r.port();
        assert_eq!(
            r.redirect_uri(),
            format!("http://127.0.0.1:{port}/callback")
        );
        let t = std::thread::spawn(move || targets.iter().map(|t| get(port, t)).collect());
        let res = r.wait("S1", Instant::now() + Duration::from_secs(10), None);
        (res, t.join().unwrap())
    }

    #[test]
    fn code_with_the_right_state_after_an_unrelated_request() {
        let (res, pages) = run(&["/favicon.ico", "/callback?code=C%2F1&state=S1"]);
        assert_eq!(res.unwrap(), "C/1");
        assert!(pages[0].starts_with("HTTP/1.1 404"));
        assert!(pages[1].starts_with("HTTP/1.1 200"));
        assert!(pages[1].contains("default-src 'none'"));
    }

    #[test]
    fn a_wrong_or_missing_state_is_refused_and_the_code_not_returned() {
        let (res, _) = run(&["/callback?code=C&state=OTHER"]);
        assert_eq!(res.unwrap_err(), RedirectError::StateMismatch);
        let (res, _) = run(&["/callback?code=C"]);
        assert_eq!(res.unwrap_err(), RedirectError::StateMismatch);
    }

    #[test]
    fn an_error_answer_is_reported_on_one_line() {
        let (res, _) =
            run(&["/callback?error=access_denied&error_description=no%0D%0Athanks&state=S1"]);
        assert_eq!(
            res.unwrap_err().to_string(),
            "the host did not sign you in: access_denied: no thanks"
        );
    }

    #[test]
    fn times_out() {
        let r = LoopbackRedirect::bind().unwrap();
        let e = r
            .wait("S", Instant::now() + Duration::from_millis(100), None)
            .unwrap_err();
        assert!(matches!(e, RedirectError::TimedOut(_)), "{e}");
    }
}
