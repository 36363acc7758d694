//! Ed25519 Multikey and `did:key` encodings (W3C Controlled Identifiers §Multikey,
//! <https://www.w3.org/TR/cid-1.0/#Multikey>; vc-di-eddsa,
//! <https://www.w3.org/TR/vc-di-eddsa/#multikey>; did:key,
//! <https://w3c-ccg.github.io/did-method-key/>): `z` + base58btc(`0xed01` ‖ 32-byte key),
//! always starting `z6Mk`. Any other multicodec prefix is refused.

use super::KeyMaterialError;

/// Multicodec prefix of an Ed25519 public key (varint `0xed`).
const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// `z` + base58btc(`0xed01` ‖ key): the Multikey form of an Ed25519 public key (`z6Mk…`).
pub fn multikey_from_ed25519(pk: &[u8; 32]) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&ED25519_PUB_MULTICODEC);
    bytes.extend_from_slice(pk);
    format!("z{}", bs58::encode(bytes).into_string())
}

/// The `did:key` of an Ed25519 public key, e.g. for the learner's holder DID.
pub fn did_key_from_ed25519(pk: &[u8; 32]) -> String {
    format!("did:key:{}", multikey_from_ed25519(pk))
}

/// The verification method id of a `did:key` (`did:key:z6Mk…#z6Mk…`).
pub fn did_key_verification_method(pk: &[u8; 32]) -> String {
    let mk = multikey_from_ed25519(pk);
    format!("did:key:{mk}#{mk}")
}

/// Decode an Ed25519 Multikey (`z6Mk…`). Errors say what is wrong, in one line.
pub fn ed25519_from_multikey(mk: &str) -> Result<[u8; 32], KeyMaterialError> {
    let Some(b58) = mk.strip_prefix('z') else {
        return Err(KeyMaterialError::MultibaseNotBase58btc);
    };
    if b58.len() > 100 {
        return Err(KeyMaterialError::TooLong("publicKeyMultibase"));
    }
    let bytes = bs58::decode(b58)
        .into_vec()
        .map_err(|e| KeyMaterialError::Base58("publicKeyMultibase", "base58btc", e.to_string()))?;
    let Some(rest) = bytes.strip_prefix(&ED25519_PUB_MULTICODEC) else {
        let prefix: String = bytes.iter().take(2).map(|b| format!("{b:02x}")).collect();
        return Err(KeyMaterialError::NotEd25519Multikey(prefix));
    };
    <[u8; 32]>::try_from(rest).map_err(|_| KeyMaterialError::MultikeyLength(rest.len()))
}

/// A raw base58btc Ed25519 key (`publicKeyBase58` of Ed25519VerificationKey2018).
pub fn ed25519_from_base58(b58: &str) -> Result<[u8; 32], KeyMaterialError> {
    if b58.len() > 100 {
        return Err(KeyMaterialError::TooLong("publicKeyBase58"));
    }
    let bytes = bs58::decode(b58)
        .into_vec()
        .map_err(|e| KeyMaterialError::Base58("publicKeyBase58", "base58", e.to_string()))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| KeyMaterialError::Base58Length(bytes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MK: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    #[test]
    fn round_trip() {
        let pk = ed25519_from_multikey(MK).unwrap();
        assert_eq!(multikey_from_ed25519(&pk), MK);
        assert_eq!(did_key_from_ed25519(&pk), format!("did:key:{MK}"));
        assert_eq!(
            did_key_verification_method(&pk),
            format!("did:key:{MK}#{MK}")
        );
        let b58 = bs58::encode(pk).into_string();
        assert_eq!(ed25519_from_base58(&b58).unwrap(), pk);
    }

    #[test]
    fn other_multicodec_is_refused() {
        // secp256k1 did:key (0xe701)
        let e =
            ed25519_from_multikey("zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme").unwrap_err();
        assert_eq!(
            e.to_string(),
            "multikey prefix 0xe701 is not Ed25519 (0xed01); only Ed25519 keys are supported"
        );
        assert_eq!(
            ed25519_from_multikey("u6Mk"),
            Err(KeyMaterialError::MultibaseNotBase58btc)
        );
    }
}
