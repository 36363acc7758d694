//! The wallet's rules for going online, in one place for every front end.
//!
//! Backpack verifies offline wherever the proof allows; it fetches (issuer keys, status lists,
//! hosted assertions, host APIs) only with the learner's consent, and never while minor mode
//! is on and locked. The CLI (`--allow-network`, the wallet setting) and the app (the setting,
//! the guardian's unlocked session) both ask [`network`], so they cannot disagree: after a
//! guardian unlocks, allows network and locks again, both check offline.
//!
//! Minor mode: <https://www.ftc.gov/legal-library/browse/rules/childrens-online-privacy-protection-rule-coppa>
//! asks that a child's data leave the machine only with a parent's consent; the guardian's
//! passphrase is that consent here ([`crate::minor_mode`]).

use crate::env::{Fetcher, OfflineFetcher};
use crate::minor_mode::{Action, GuardianUnlock, MinorMode, MinorModeError};
use crate::store::{StoreError, Wallet, keys};

/// Whether this run may fetch, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    /// Consent given (asked for now, or allowed in the wallet's settings) and minor mode
    /// permits it.
    Online,
    /// Neither asked for nor allowed in the settings: verify offline.
    NotAllowed,
    /// Minor mode is on and the guardian has not unlocked this session: offline whatever the
    /// settings say (the front end says so once).
    MinorModeLocked,
}

impl Network {
    /// True for [`Network::Online`].
    pub fn is_online(self) -> bool {
        self == Network::Online
    }
}

/// Why [`network`] refused outright.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// Network was asked for explicitly (a flag, a button) while minor mode is locked.
    #[error(transparent)]
    MinorMode(#[from] MinorModeError),
    /// The wallet could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// May this run go online?
///
/// `asked` is an explicit request for this run (the CLI's `--allow-network`, a "check online"
/// button); the wallet's network setting counts as standing consent. `guardian` is the
/// guardian's unlock when minor mode is on and a guardian gave the passphrase.
///
/// - minor mode on and locked: asked explicitly → the minor-mode error (the learner asked for
///   something the guardian has not allowed); otherwise → [`Network::MinorModeLocked`]
///   (checked first: the guardian's lock is the reason, whatever the settings say);
/// - neither asked nor allowed → [`Network::NotAllowed`];
/// - otherwise → [`Network::Online`].
pub fn network(
    wallet: &Wallet,
    asked: bool,
    guardian: Option<&GuardianUnlock>,
) -> Result<Network, PolicyError> {
    match MinorMode::check(wallet, Action::Network, guardian) {
        Ok(()) => {}
        Err(MinorModeError::Locked(_)) if !asked => return Ok(Network::MinorModeLocked),
        Err(e) => return Err(e.into()),
    }
    if asked || wallet.setting_bool(keys::NETWORK_ALLOWED, false)? {
        Ok(Network::Online)
    } else {
        Ok(Network::NotAllowed)
    }
}

/// The fetcher for a decision: HTTP when online (`allow_private`: also loopback and private
/// addresses, for a learner's own intranet host), else one that refuses every fetch, so a
/// check that needs the network reports "could not check". A core built without the `net`
/// feature has no HTTP stack: every fetch is refused whatever the decision.
pub fn fetcher(network: Network, allow_private: bool) -> Box<dyn Fetcher> {
    #[cfg(feature = "net")]
    if network.is_online() {
        return Box::new(crate::net::HttpFetcher::new(allow_private));
    }
    #[cfg(not(feature = "net"))]
    let _ = (network, allow_private);
    Box::new(OfflineFetcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wallet() -> Wallet {
        Wallet::open_in_memory().unwrap()
    }

    #[test]
    fn offline_unless_asked_or_allowed() {
        let w = wallet();
        assert_eq!(network(&w, false, None).unwrap(), Network::NotAllowed);
        assert_eq!(network(&w, true, None).unwrap(), Network::Online);
        w.set_setting_bool(keys::NETWORK_ALLOWED, true).unwrap();
        assert_eq!(network(&w, false, None).unwrap(), Network::Online);
    }

    #[test]
    fn a_locked_minor_mode_keeps_even_an_allowed_wallet_offline() {
        let w = wallet();
        MinorMode::enable(&w, "guardian passphrase 1").unwrap();
        assert_eq!(network(&w, false, None).unwrap(), Network::MinorModeLocked);
        let unlock = MinorMode::unlock(&w, "guardian passphrase 1").unwrap();
        assert_eq!(
            network(&w, false, Some(&unlock)).unwrap(),
            Network::NotAllowed
        );
        // The guardian unlocks and allows network: online.
        w.set_setting_bool(keys::NETWORK_ALLOWED, true).unwrap();
        assert_eq!(network(&w, false, Some(&unlock)).unwrap(), Network::Online);
        // Locked again (no unlock this session): the setting alone stays offline, with a note.
        let n = network(&w, false, None).unwrap();
        assert_eq!(n, Network::MinorModeLocked);
        // Asking explicitly while locked is refused, not silently offline.
        let e = network(&w, true, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "minor mode is on: network access needs the guardian passphrase"
        );
    }
}
