//! Import: files, folders and ZIPs → decode → parse → wallet, one outcome per file.
//!
//! PLACEHOLDER: implemented by the store/CLI work (issue 2).
