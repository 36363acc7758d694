//! Connected badge hosts (migration 0007): what [`crate::host_api`] keeps between a connect
//! and the next sync. Nothing secret is stored here: the client secret and tokens are in the
//! OS credential store under [`Host::secret_ref`].

use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use super::{StoreError, StoreResult, Wallet};
use crate::localize::msg;

/// A connected host as the wallet keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Host {
    /// Wallet id.
    pub id: i64,
    /// The base URL the learner connected to (`https://host.example`), without a trailing `/`.
    pub base_url: String,
    /// The host's name (its Service Description Document's `info.title`).
    pub name: String,
    /// OAuth 2.0 authorization endpoint.
    pub authorization_url: String,
    /// OAuth 2.0 token endpoint.
    pub token_url: String,
    /// OAuth 2.0 refresh endpoint (the token endpoint unless the host names another).
    pub refresh_url: String,
    /// RFC 7591 registration endpoint.
    pub registration_url: String,
    /// The client id the host gave Backpack.
    pub client_id: String,
    /// The loopback redirect URI registered (RFC 8252 §7.3).
    pub redirect_uri: String,
    /// The scopes granted (space-separated).
    pub scope: String,
    /// The name of this host's entry in the token store (random; not a secret).
    #[serde(skip)]
    pub secret_ref: String,
    /// The learner's name on the host (`getProfile`), if it said.
    pub profile_name: Option<String>,
    /// The learner's id on the host (`getProfile`), if it said.
    pub profile_id: Option<String>,
    /// When it was connected (RFC 3339).
    pub connected_at: String,
    /// When the last complete sync finished.
    pub last_sync_at: Option<String>,
    /// When the last complete sync started (the `since` of the next quick sync).
    pub last_sync_started: Option<String>,
    /// One line about the last sync.
    pub last_sync_summary: Option<String>,
}

/// A host to add (or replace, by base URL).
#[derive(Debug, Clone)]
pub struct NewHost<'a> {
    /// See [`Host::base_url`].
    pub base_url: &'a str,
    /// See [`Host::name`].
    pub name: &'a str,
    /// See [`Host::authorization_url`].
    pub authorization_url: &'a str,
    /// See [`Host::token_url`].
    pub token_url: &'a str,
    /// See [`Host::refresh_url`].
    pub refresh_url: &'a str,
    /// See [`Host::registration_url`].
    pub registration_url: &'a str,
    /// See [`Host::client_id`].
    pub client_id: &'a str,
    /// See [`Host::redirect_uri`].
    pub redirect_uri: &'a str,
    /// See [`Host::scope`].
    pub scope: &'a str,
    /// See [`Host::secret_ref`].
    pub secret_ref: &'a str,
    /// See [`Host::profile_name`].
    pub profile_name: Option<&'a str>,
    /// See [`Host::profile_id`].
    pub profile_id: Option<&'a str>,
}

const COLUMNS: &str = "id, base_url, name, authorization_url, token_url, refresh_url, \
     registration_url, client_id, redirect_uri, scope, secret_ref, profile_name, profile_id, \
     connected_at, last_sync_at, last_sync_started, last_sync_summary";

fn host_of(r: &Row<'_>) -> rusqlite::Result<Host> {
    Ok(Host {
        id: r.get(0)?,
        base_url: r.get(1)?,
        name: r.get(2)?,
        authorization_url: r.get(3)?,
        token_url: r.get(4)?,
        refresh_url: r.get(5)?,
        registration_url: r.get(6)?,
        client_id: r.get(7)?,
        redirect_uri: r.get(8)?,
        scope: r.get(9)?,
        secret_ref: r.get(10)?,
        profile_name: r.get(11)?,
        profile_id: r.get(12)?,
        connected_at: r.get(13)?,
        last_sync_at: r.get(14)?,
        last_sync_started: r.get(15)?,
        last_sync_summary: r.get(16)?,
    })
}

impl Wallet {
    /// Add a host, or replace the one with the same base URL (a reconnect: new client, same
    /// wallet id, sync history kept). Returns the host as stored.
    pub fn save_host(&self, h: &NewHost<'_>) -> StoreResult<Host> {
        let now = self.now();
        let conn = self.conn()?;
        conn.execute(
            "INSERT INTO hosts (base_url, name, authorization_url, token_url, refresh_url,
                 registration_url, client_id, redirect_uri, scope, secret_ref, profile_name,
                 profile_id, connected_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT(base_url) DO UPDATE SET
                 name = excluded.name, authorization_url = excluded.authorization_url,
                 token_url = excluded.token_url, refresh_url = excluded.refresh_url,
                 registration_url = excluded.registration_url, client_id = excluded.client_id,
                 redirect_uri = excluded.redirect_uri, scope = excluded.scope,
                 secret_ref = excluded.secret_ref, profile_name = excluded.profile_name,
                 profile_id = excluded.profile_id, connected_at = excluded.connected_at",
            params![
                h.base_url,
                h.name,
                h.authorization_url,
                h.token_url,
                h.refresh_url,
                h.registration_url,
                h.client_id,
                h.redirect_uri,
                h.scope,
                h.secret_ref,
                h.profile_name,
                h.profile_id,
                now
            ],
        )?;
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM hosts WHERE base_url = ?1"),
            [h.base_url],
            host_of,
        )
        .map_err(StoreError::from)
    }

    /// Every connected host, by name.
    pub fn hosts(&self) -> StoreResult<Vec<Host>> {
        let conn = self.conn()?;
        let mut st = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM hosts ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = st.query_map([], host_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A host by wallet id, base URL (with or without a trailing `/`) or name
    /// (case-insensitive). `None` when nothing matches; an error when a name is ambiguous.
    pub fn find_host(&self, key: &str) -> StoreResult<Option<Host>> {
        let conn = self.conn()?;
        if let Ok(id) = key.parse::<i64>() {
            let h = conn
                .query_row(
                    &format!("SELECT {COLUMNS} FROM hosts WHERE id = ?1"),
                    [id],
                    host_of,
                )
                .optional()?;
            if h.is_some() {
                return Ok(h);
            }
        }
        let url = key.trim_end_matches('/');
        let h = conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM hosts WHERE base_url = ?1"),
                [url],
                host_of,
            )
            .optional()?;
        if h.is_some() {
            return Ok(h);
        }
        let mut st = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM hosts WHERE name = ?1 COLLATE NOCASE"
        ))?;
        let mut found: Vec<Host> = st.query_map([key], host_of)?.collect::<Result<_, _>>()?;
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.pop()),
            n => Err(StoreError::Invalid(msg!(
                "err-store-hosts-ambiguous",
                n = n,
                key = format!("{key:?}")
            ))),
        }
    }

    /// Forget a host and its sync history (the badges it brought stay in the wallet).
    pub fn remove_host(&self, id: i64) -> StoreResult<bool> {
        Ok(self
            .conn()?
            .execute("DELETE FROM hosts WHERE id = ?1", [id])?
            > 0)
    }

    /// Record the learner's profile on the host.
    pub fn set_host_profile(
        &self,
        id: i64,
        name: Option<&str>,
        profile_id: Option<&str>,
    ) -> StoreResult<()> {
        self.conn()?.execute(
            "UPDATE hosts SET profile_name = ?2, profile_id = ?3 WHERE id = ?1",
            params![id, name, profile_id],
        )?;
        Ok(())
    }

    /// Record a complete sync that started at `started` (RFC 3339).
    pub fn finish_host_sync(&self, id: i64, started: &str, summary: &str) -> StoreResult<()> {
        let now = self.now();
        self.conn()?.execute(
            "UPDATE hosts SET last_sync_at = ?2, last_sync_started = ?3, last_sync_summary = ?4
             WHERE id = ?1",
            params![id, now, started, summary],
        )?;
        Ok(())
    }

    /// Has this host sent these exact bytes (by SHA-256 hex) before, and were they kept?
    pub fn host_has_credential(&self, host_id: i64, sha256: &str) -> StoreResult<bool> {
        Ok(self
            .conn()?
            .prepare_cached("SELECT 1 FROM host_credentials WHERE host_id = ?1 AND sha256 = ?2")?
            .query_row(params![host_id, sha256], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Remember that this host sent these bytes and the wallet kept them as `badge_id`.
    pub fn record_host_credential(
        &self,
        host_id: i64,
        sha256: &str,
        badge_id: Option<i64>,
    ) -> StoreResult<()> {
        let now = self.now();
        self.conn()?
            .prepare_cached(
                "INSERT INTO host_credentials (host_id, sha256, badge_id, first_seen)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT(host_id, sha256) DO NOTHING",
            )?
            .execute(params![host_id, sha256, badge_id, now])?;
        Ok(())
    }

    /// How many credentials this host has sent that the wallet kept.
    pub fn host_credential_count(&self, host_id: i64) -> StoreResult<u64> {
        let n: i64 = self.conn()?.query_row(
            "SELECT COUNT(*) FROM host_credentials WHERE host_id = ?1",
            [host_id],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}
