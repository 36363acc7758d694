//! OAuth 2.0 for the Open Badges 3.0 API (OB 3.0 §"API Security",
//! <https://www.imsglobal.org/spec/ob/v3p0/#api-security>):
//! - dynamic client registration, RFC 7591 (<https://www.rfc-editor.org/rfc/rfc7591>), no
//!   initial access token, no software statement: [`register`];
//! - authorization code grant with PKCE `S256`, RFC 7636
//!   (<https://www.rfc-editor.org/rfc/rfc7636>): [`Pkce`], [`authorization_url`];
//! - token request and refresh, RFC 6749 §4.1.3 and §6
//!   (<https://www.rfc-editor.org/rfc/rfc6749>), client authentication `client_secret_basic`
//!   (§2.3.1: id and secret form-encoded, then Basic): [`exchange_code`], [`refresh`].
//!
//! Every answer is hostile: bodies are capped ([`MAX_OAUTH_BYTES`]), must be JSON objects,
//! strings are bounded, and a token is accepted only if it can travel in an HTTP header
//! (visible ASCII, at most [`MAX_TOKEN_CHARS`]).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rand_core::{OsRng, RngCore};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use url::Url;
use zeroize::Zeroizing;

use super::discovery::clean_text;
use crate::env::{HttpClient, HttpMethod, HttpRequest};
use crate::localize::{Localize as _, Message, msg};

/// Largest registration or token answer read.
pub const MAX_OAUTH_BYTES: u64 = 64 * 1024;
/// Longest client id, client secret, code or token accepted.
pub const MAX_TOKEN_CHARS: usize = 8192;

/// What Backpack says about itself when it registers (RFC 7591 §2; the OB 3.0 API requires
/// `client_name, client_uri, logo_uri, tos_uri, policy_uri, software_id, software_version`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientMetadata {
    /// `client_name`.
    pub client_name: String,
    /// `client_uri`.
    pub client_uri: String,
    /// `logo_uri`.
    pub logo_uri: String,
    /// `tos_uri`.
    pub tos_uri: String,
    /// `policy_uri`.
    pub policy_uri: String,
    /// `software_id`: the same for every Backpack install (RFC 7591 §2).
    pub software_id: String,
    /// `software_version`.
    pub software_version: String,
}

/// Backpack's stable `software_id` (a UUID chosen once for the project, RFC 7591 §2).
pub const SOFTWARE_ID: &str = "3f0c8a5e-6b1d-4c7e-9a2f-5d8e1b7c4a90";

impl Default for ClientMetadata {
    /// PLACEHOLDER site URLs under the reserved `.example` domain (RFC 2606): the project has no
    /// public site yet. The OB 3.0 API asks for https URLs on one host; set the real ones here
    /// before a release.
    fn default() -> Self {
        ClientMetadata {
            client_name: "Backpack".into(),
            client_uri: "https://backpack.example/".into(),
            logo_uri: "https://backpack.example/logo.png".into(),
            tos_uri: "https://backpack.example/terms".into(),
            policy_uri: "https://backpack.example/privacy".into(),
            software_id: SOFTWARE_ID.into(),
            software_version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// Why an OAuth step failed: `what` (the step) and one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthFailure {
    /// HTTP status, when the host answered.
    pub status: Option<u16>,
    /// One line: a catalog message (the host's own words inside it as text).
    pub detail: Message,
}

impl OAuthFailure {
    fn new(status: Option<u16>, detail: impl Into<Message>) -> OAuthFailure {
        OAuthFailure {
            status,
            detail: detail.into(),
        }
    }
}

/// The client the host registered.
pub struct Registration {
    /// `client_id`.
    pub client_id: String,
    /// `client_secret` (empty for a public client).
    pub client_secret: Zeroizing<String>,
}

impl std::fmt::Debug for Registration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// A PKCE pair (RFC 7636): the verifier stays here, the challenge goes to the host.
pub struct Pkce {
    /// 43 characters of base64url (32 random bytes), §4.1.
    pub verifier: Zeroizing<String>,
    /// `BASE64URL(SHA256(verifier))`, §4.2.
    pub challenge: String,
}

impl Pkce {
    /// A fresh pair from the OS random source.
    pub fn generate() -> Pkce {
        let mut b = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(b.as_mut());
        Pkce::from_verifier(&URL_SAFE_NO_PAD.encode(b.as_ref()))
    }

    /// The pair for a given verifier (RFC 7636 Appendix B's example checks this).
    pub fn from_verifier(verifier: &str) -> Pkce {
        Pkce {
            challenge: URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())),
            verifier: Zeroizing::new(verifier.to_string()),
        }
    }
}

/// A random `state` (128 bits, base64url).
pub fn random_state() -> String {
    let mut b = [0u8; 16];
    OsRng.fill_bytes(&mut b);
    URL_SAFE_NO_PAD.encode(b)
}

/// The token endpoint's answer.
pub struct Tokens {
    /// `access_token`.
    pub access_token: Zeroizing<String>,
    /// `refresh_token`, if any.
    pub refresh_token: Option<Zeroizing<String>>,
    /// `expires_in` seconds, if said.
    pub expires_in: Option<i64>,
    /// `scope` granted, if said (else what was asked).
    pub scope: Option<String>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// `error` and `error_description` of an OAuth error body (RFC 6749 §5.2, RFC 7591 §3.2.2),
/// or an Imsx_StatusInfo, or a short note of what the body was.
pub fn error_detail(body: &[u8]) -> Message {
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        if let Some(e) = v.get("error").and_then(Value::as_str) {
            let mut s = clean_text(e, 80);
            if let Some(d) = v.get("error_description").and_then(Value::as_str) {
                s.push_str(": ");
                s.push_str(&clean_text(d, 300));
            }
            return Message::Text(s);
        }
        if let Some(s) = super::imsx_detail(&v) {
            return Message::Text(s);
        }
    }
    super::body_note(body)
}

fn post(
    http: &dyn HttpClient,
    url: &str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
) -> Result<crate::env::HttpResponse, OAuthFailure> {
    http.send(&HttpRequest {
        method: HttpMethod::Post,
        url: url.to_string(),
        headers,
        body,
        max_bytes: MAX_OAUTH_BYTES,
    })
    .map_err(|e| OAuthFailure::new(None, e.message()))
}

/// A string field a host sent that Backpack will send back in a header or form: present,
/// at most [`MAX_TOKEN_CHARS`], visible ASCII only.
fn token_field(v: &Value, name: &str) -> Result<Option<String>, Message> {
    match v.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            if s.is_empty() {
                Err(msg!("err-host-field-empty", field = name))
            } else if s.len() > MAX_TOKEN_CHARS {
                Err(msg!(
                    "err-host-field-too-long",
                    field = name,
                    limit = MAX_TOKEN_CHARS
                ))
            } else if !s.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
                Err(msg!("err-host-token-not-ascii", field = name))
            } else {
                Ok(Some(s.clone()))
            }
        }
        Some(_) => Err(msg!("err-host-field-not-string", field = name)),
    }
}

/// `refused: {why}`: a success status whose body is not what the RFC says.
fn refused(why: Message) -> OAuthFailure {
    OAuthFailure::new(None, msg!("err-host-refused", detail = why))
}

/// Register Backpack at `registration_url` (RFC 7591 §3.1): 201 (200 tolerated) with a
/// `client_id`.
pub fn register(
    http: &dyn HttpClient,
    registration_url: &str,
    meta: &ClientMetadata,
    redirect_uri: &str,
    scope: &str,
) -> Result<Registration, OAuthFailure> {
    let body = json!({
        "client_name": meta.client_name,
        "client_uri": meta.client_uri,
        "logo_uri": meta.logo_uri,
        "tos_uri": meta.tos_uri,
        "policy_uri": meta.policy_uri,
        "software_id": meta.software_id,
        "software_version": meta.software_version,
        "redirect_uris": [redirect_uri],
        "token_endpoint_auth_method": "client_secret_basic",
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "scope": scope,
    });
    let resp = post(
        http,
        registration_url,
        vec![
            ("Accept".into(), "application/json".into()),
            (
                "Content-Type".into(),
                "application/json; charset=utf-8".into(),
            ),
        ],
        serde_json::to_vec(&body).unwrap_or_default(),
    )?;
    if !matches!(resp.status, 200 | 201) {
        return Err(OAuthFailure::new(
            Some(resp.status),
            error_detail(&resp.body),
        ));
    }
    // A success status with a body that is not what RFC 7591 says: refused.
    let v = super::parse_json(&resp.body).map_err(refused)?;
    if !v.is_object() {
        return Err(refused(msg!("err-host-registration-not-object")));
    }
    let client_id = token_field(&v, "client_id")
        .map_err(refused)?
        .ok_or_else(|| refused(msg!("err-host-registration-no-field", field = "client_id")))?;
    let client_secret = token_field(&v, "client_secret")
        .map_err(refused)?
        .unwrap_or_default();
    Ok(Registration {
        client_id,
        client_secret: Zeroizing::new(client_secret),
    })
}

/// The URL to open in the browser (RFC 6749 §4.1.1 + RFC 7636 §4.3), query encoded properly
/// (the spec's own example is not: SUMMARY defect 5).
pub fn authorization_url(
    authorization_endpoint: &str,
    client_id: &str,
    redirect_uri: &str,
    scope: &str,
    state: &str,
    pkce: &Pkce,
) -> Result<String, Message> {
    let mut u = Url::parse(authorization_endpoint)
        .map_err(|e| msg!("err-host-auth-url-not-url", error = e.to_string()))?;
    u.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("scope", scope)
        .append_pair("state", state)
        .append_pair("code_challenge", &pkce.challenge)
        .append_pair("code_challenge_method", "S256");
    Ok(u.to_string())
}

fn form(pairs: &[(&str, &str)]) -> Vec<u8> {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish().into_bytes()
}

/// `Authorization: Basic` for a confidential client (RFC 6749 §2.3.1), or the `client_id`
/// form field for a public one.
fn client_auth(
    client_id: &str,
    client_secret: &str,
    pairs: &mut Vec<(&'static str, String)>,
) -> Vec<(String, String)> {
    let mut headers = vec![
        ("Accept".to_string(), "application/json".to_string()),
        (
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded".to_string(),
        ),
    ];
    if client_secret.is_empty() {
        pairs.push(("client_id", client_id.to_string()));
    } else {
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        let cred = Zeroizing::new(format!("{}:{}", enc(client_id), enc(client_secret)));
        headers.push((
            "Authorization".into(),
            format!("Basic {}", STANDARD.encode(cred.as_bytes())),
        ));
    }
    headers
}

fn token_request(
    http: &dyn HttpClient,
    url: &str,
    client_id: &str,
    client_secret: &str,
    mut pairs: Vec<(&'static str, String)>,
) -> Result<Tokens, OAuthFailure> {
    let headers = client_auth(client_id, client_secret, &mut pairs);
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let body = Zeroizing::new(form(&borrowed));
    let resp = post(http, url, headers, body.to_vec())?;
    if resp.status != 200 {
        return Err(OAuthFailure::new(
            Some(resp.status),
            error_detail(&resp.body),
        ));
    }
    // A 200 with a body that is not what RFC 6749 §5.1 says: refused.
    let v = super::parse_json(&resp.body).map_err(refused)?;
    if !v.is_object() {
        return Err(refused(msg!("err-host-token-not-object")));
    }
    let access_token = token_field(&v, "access_token")
        .map_err(refused)?
        .ok_or_else(|| refused(msg!("err-host-token-no-field", field = "access_token")))?;
    match v.get("token_type").and_then(Value::as_str) {
        Some(t) if t.eq_ignore_ascii_case("bearer") => {}
        Some(t) => {
            return Err(refused(msg!(
                "err-host-token-type",
                field = "token_type",
                value = format!("{:?}", clean_text(t, 40)),
                expected = "bearer"
            )));
        }
        None => {
            return Err(refused(msg!(
                "err-host-token-no-field",
                field = "token_type"
            )));
        }
    }
    let refresh_token = token_field(&v, "refresh_token").map_err(refused)?;
    // expires_in: a number; some servers send a numeric string.
    let expires_in = match v.get("expires_in") {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
    .map(|n| n.clamp(0, 10 * 365 * 86_400));
    let scope = v
        .get("scope")
        .and_then(Value::as_str)
        .map(|s| clean_text(s, 2000));
    Ok(Tokens {
        access_token: Zeroizing::new(access_token),
        refresh_token: refresh_token.map(Zeroizing::new),
        expires_in,
        scope,
    })
}

/// Trade the authorization code for tokens (RFC 6749 §4.1.3, RFC 7636 §4.5).
#[allow(clippy::too_many_arguments)]
pub fn exchange_code(
    http: &dyn HttpClient,
    token_url: &str,
    client_id: &str,
    client_secret: &str,
    code: &str,
    redirect_uri: &str,
    scope: &str,
    pkce: &Pkce,
) -> Result<Tokens, OAuthFailure> {
    token_request(
        http,
        token_url,
        client_id,
        client_secret,
        vec![
            ("grant_type", "authorization_code".into()),
            ("code", code.into()),
            ("redirect_uri", redirect_uri.into()),
            ("scope", scope.into()),
            ("code_verifier", pkce.verifier.to_string()),
        ],
    )
}

/// Get a new access token with the refresh token (RFC 6749 §6).
pub fn refresh(
    http: &dyn HttpClient,
    refresh_url: &str,
    client_id: &str,
    client_secret: &str,
    refresh_token: &str,
    scope: &str,
) -> Result<Tokens, OAuthFailure> {
    token_request(
        http,
        refresh_url,
        client_id,
        client_secret,
        vec![
            ("grant_type", "refresh_token".into()),
            ("refresh_token", refresh_token.into()),
            ("scope", scope.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_matches_rfc7636_appendix_b() {
        let p = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assert_eq!(p.challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        let g = Pkce::generate();
        assert_eq!(g.verifier.len(), 43);
        assert_ne!(g.verifier.as_str(), Pkce::generate().verifier.as_str());
    }

    #[test]
    fn authorization_url_is_properly_encoded() {
        let p = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        let u = authorization_url(
            "https://auth.example/authorize?tenant=a",
            "id 1",
            "http://127.0.0.1:5000/callback",
            "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly x",
            "st",
            &p,
        )
        .unwrap();
        assert_eq!(
            u,
            "https://auth.example/authorize?tenant=a&response_type=code&client_id=id+1&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&scope=https%3A%2F%2Fpurl.imsglobal.org%2Fspec%2Fob%2Fv3p0%2Fscope%2Fcredential.readonly+x&state=st&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        );
    }

    #[test]
    fn tokens_that_cannot_travel_in_a_header_are_refused() {
        let v = json!({"access_token": "a\r\nX-Evil: 1", "n": 5});
        assert!(
            token_field(&v, "access_token")
                .unwrap_err()
                .english()
                .contains("visible ascii")
        );
        assert!(
            token_field(&v, "n")
                .unwrap_err()
                .english()
                .contains("not a string")
        );
        assert_eq!(token_field(&v, "missing").unwrap(), None);
    }

    /// A host that answers every request with one body (status 200).
    struct Answers(Vec<u8>);
    impl HttpClient for Answers {
        fn send(
            &self,
            _req: &HttpRequest,
        ) -> Result<crate::env::HttpResponse, crate::env::FetchError> {
            Ok(crate::env::HttpResponse {
                status: 200,
                headers: vec![],
                body: self.0.clone(),
            })
        }
    }

    #[test]
    fn a_hosts_bad_answers_are_catalog_messages_english_unchanged_spanish_translated() {
        use crate::i18n::{Catalog, Lang};
        let es = |m: &Message| m.render(Catalog::get(Lang::Es));
        let base = Url::parse("https://host.example/ims/ob/v3p0/discovery").unwrap();
        let sdd = |doc: serde_json::Value| {
            super::super::discovery::parse_sdd(&serde_json::to_vec(&doc).unwrap(), &base, false)
        };
        let mut seen: Vec<(Message, &str)> = Vec::new();
        // Refused discovery documents.
        seen.push((
            sdd(json!([1])).unwrap_err(),
            "the discovery document is not a json object",
        ));
        seen.push((
            sdd(json!({"info": {}})).unwrap_err(),
            "the discovery document has no components.securitySchemes: the host offers no way to sign in",
        ));
        let scheme = |flow: serde_json::Value| {
            json!({"components": {"securitySchemes": {"OAuth2ACG": {"type": "oauth2",
                "x-imssf-registrationUrl": "https://h.example/register",
                "flows": {"authorizationCode": flow}}}}})
        };
        seen.push((
            sdd(scheme(json!({"tokenUrl": "https://h.example/token"}))).unwrap_err(),
            "the discovery document has no components.securitySchemes.OAuth2ACG.flows.authorizationCode.authorizationUrl",
        ));
        seen.push((
            sdd(scheme(json!({"tokenUrl": "https://h.example/token", "authorizationUrl": "  "})))
                .unwrap_err(),
            "components.securitySchemes.OAuth2ACG.flows.authorizationCode.authorizationUrl is empty",
        ));
        seen.push((
            sdd(scheme(json!({"tokenUrl": "https://h.example/token", "authorizationUrl": "https://[x"})))
                .unwrap_err(),
            "components.securitySchemes.OAuth2ACG.flows.authorizationCode.authorizationUrl \"https://[x\" is not a url: invalid IPv6 address",
        ));
        // A tolerated document: its notes are messages too, the English lines as before.
        let mut doc = scheme(json!({"tokenUrl": "h.example/token",
            "authorizationUrl": "https://h.example/authorize"}));
        doc["info"] = json!({"termsOfService": "ftp://h.example/tos"});
        let ok = sdd(doc).unwrap();
        assert_eq!(
            ok.tolerated,
            [
                "info.title is missing: the host is named by its address",
                "info.termsOfService has the scheme \"ftp\": only https urls are used: ignored",
                "info.x-imssf-privacyPolicyUrl is missing (the 1EdTech openapi.json lacks it too)",
                "components.securitySchemes.OAuth2ACG.flows.authorizationCode.tokenUrl \"h.example/token\" has no scheme (as in the spec's own examples): read as https://h.example/token",
                "refreshUrl is missing: tokens are refreshed at the tokenUrl",
                "the flow lists no scopes: Backpack asks for the read scopes",
            ]
        );
        assert_eq!(
            ok.tolerated_messages
                .iter()
                .map(Message::english)
                .collect::<Vec<_>>(),
            ok.tolerated
        );
        for m in &ok.tolerated_messages {
            assert_ne!(es(m), m.english(), "{m}");
        }
        // Refused token and registration answers (a 200 whose body is wrong).
        let token = |body: serde_json::Value| {
            exchange_code(
                &Answers(serde_json::to_vec(&body).unwrap()),
                "https://h.example/token",
                "id",
                "",
                "code",
                "http://127.0.0.1:1/cb",
                "s",
                &Pkce::from_verifier("v"),
            )
            .unwrap_err()
        };
        for (body, english) in [
            (json!(1), "refused: the token answer is not a json object"),
            (
                json!({"token_type": "bearer"}),
                "refused: the token answer has no access_token",
            ),
            (
                json!({"access_token": "a"}),
                "refused: the token answer has no token_type",
            ),
            (
                json!({"access_token": "a", "token_type": "mac"}),
                "refused: token_type \"mac\" is not bearer, the only type the OB 3.0 API uses",
            ),
            (
                json!({"access_token": 5, "token_type": "bearer"}),
                "refused: access_token is not a string",
            ),
        ] {
            let f = token(body);
            assert_eq!(f.status, None);
            seen.push((f.detail, english));
        }
        let reg = register(
            &Answers(b"{}".to_vec()),
            "https://h.example/register",
            &ClientMetadata::default(),
            "http://127.0.0.1:1/cb",
            "s",
        )
        .unwrap_err();
        seen.push((reg.detail, "refused: the answer has no client_id"));
        seen.push((
            authorization_url("no url", "id", "r", "s", "st", &Pkce::from_verifier("v"))
                .unwrap_err(),
            "the authorization url is not a url: relative URL without a base",
        ));
        // Pages and the profile.
        seen.push((
            super::super::pages::parse_profile(b"[]").unwrap_err(),
            "the profile is not a json object",
        ));
        seen.push((
            super::super::pages::parse_page(b"\xff", 1).unwrap_err(),
            "not utf-8 text (invalid byte at offset 0): 1 bytes that are not the json expected",
        ));
        for (m, english) in &seen {
            assert_eq!(m.english(), *english);
            assert_eq!(m.to_string(), *english);
            assert!(m.is_known(), "{m}");
            assert_ne!(es(m), *english, "not translated: {english}");
        }
    }

    #[test]
    fn what_a_body_was_is_said_in_the_learners_language() {
        let es = crate::i18n::Catalog::get(crate::i18n::Lang::Es);
        for (body, english, spanish) in [
            (
                &b""[..],
                "an empty body, not json",
                "una respuesta vacía, no json",
            ),
            (
                b"  <html>",
                "an html page, not json",
                "una página html, no json",
            ),
            (
                b"plain",
                "5 bytes that are not the json expected",
                "5 bytes que no son el json esperado",
            ),
        ] {
            let m = error_detail(body);
            assert_eq!(
                (m.english(), m.render(es)),
                (english.into(), spanish.into())
            );
        }
        let m = super::super::parse_json(br#"{"a":"#).unwrap_err();
        assert!(
            m.english()
                .starts_with("truncated json (it ends at byte 5): "),
            "{m}"
        );
        assert!(
            m.render(es)
                .starts_with("json cortado (acaba en el byte 5): "),
            "{m}"
        );
        let m = super::super::parse_json(b"nope").unwrap_err();
        assert!(m.english().starts_with("not json: "), "{m}");
        assert!(m.render(es).starts_with("no es json: "), "{m}");
    }

    #[test]
    fn oauth_and_imsx_errors_are_one_line() {
        assert_eq!(
            error_detail(br#"{"error":"invalid_grant","error_description":"code\nexpired"}"#)
                .english(),
            "invalid_grant: code expired"
        );
        assert_eq!(
            error_detail(
                br#"{"imsx_codeMajor":"failure","imsx_severity":"error","imsx_description":"Bad token"}"#
            )
            .english(),
            "failure (error): Bad token"
        );
    }
}
