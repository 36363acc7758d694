#!/usr/bin/env bash
# Seed the fuzz corpora from the repository's fixtures and samples (issue 13). The corpora
# live in fuzz/corpus/<target>/ and are NOT committed (they grow as the fuzzer runs).
# Usage: fuzz/seed.sh   (from anywhere; needs python3; the share seeds need the CLI built,
#        which `cargo build -p backpack-cli` does — without it those seeds are skipped)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
c="$here/corpus"
fx="$root/tests/fixtures"
mkdir -p "$c"/{decode_png,decode_svg,json_limits,jws_decode,parse_ob2,parse_ob3,parse_clr,parse_any,verify_offline,import_zip,verify_share,backup_decrypt}

# copy FILES... into DIR, named by content hash (idempotent, no name clashes)
put() {
  local dir="$1"; shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16)"
  done
}

mapfile -t png < <(find "$fx" "$root/samples" -name '*.png' -size -300k)
mapfile -t svg < <(find "$fx" "$root/samples" -name '*.svg')
mapfile -t json < <(find "$fx" "$root/samples" \( -name '*.json' -o -name '*.jsonld' \) -size -300k)
mapfile -t jwt < <(find "$fx" -name '*.jwt' -o -name '*.jws')
mapfile -t txt < <(find "$fx" -name '*.txt')

put "$c/decode_png" "${png[@]}"
put "$c/decode_svg" "${svg[@]}"
put "$c/json_limits" "${json[@]}"
put "$c/jws_decode" "${jwt[@]}" "${txt[@]}"
for t in parse_ob2 parse_ob3 parse_clr; do put "$c/$t" "${json[@]}"; done
for t in parse_any verify_offline; do put "$c/$t" "${png[@]}" "${svg[@]}" "${json[@]}" "${jwt[@]}" "${txt[@]}"; done

# ZIPs: a few small archives of fixtures (one per kind, one mixed, one with a folder).
python3 - "$c/import_zip" "$root" <<'PY'
import sys, zipfile, io, hashlib, pathlib, glob, os
out, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
samples = sorted(glob.glob(str(root / "samples" / "*.*")))
samples = [s for s in samples if not s.endswith(".md") and os.path.getsize(s) < 120_000]
sets = [samples[:2], samples[2:5], samples, [s for s in samples if s.endswith(".json")]]
# Small archives of small fixtures, under the import_zip target's max_len (options/import_zip).
small = sorted(str(p) for p in (root / "tests" / "fixtures").rglob("*")
               if p.is_file() and p.suffix in (".json", ".jwt", ".svg", ".png") and p.stat().st_size < 2500)
sets += [small[i:i + 3] for i in range(0, min(len(small), 30), 3)]
for i, files in enumerate(sets):
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w", method) as z:
            for f in files:
                z.write(f, ("dir/" if i == 2 else "") + os.path.basename(f))
        data = b.getvalue()
        (out / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
PY

# Backups: mode 0 = a backup file (a well-formed header with cheap KDF costs and a wrong key
# check), mode 1 = bytes to encrypt and restore (an empty SQLite database, a wallet).
python3 - "$c/backup_decrypt" <<'PY'
import sys, struct, os, sqlite3, tempfile, pathlib, hashlib
out = pathlib.Path(sys.argv[1])
def save(b): (out / hashlib.sha1(b).hexdigest()[:16]).write_bytes(b)
body = os.urandom(64)
hdr = b"BPBACKUP" + bytes([1, 1]) + struct.pack("<III", 8, 1, 1) + os.urandom(16 + 24 + 16) + struct.pack("<Q", len(body))
save(b"\x00" + hdr + body)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "w.db")
    con = sqlite3.connect(p)
    con.execute("create table t(a)"); con.execute("insert into t values (1)"); con.commit(); con.close()
    save(b"\x01" + open(p, "rb").read())
PY

# Shares: exports made by the CLI from the sample badges (html, zip, vp).
cli="${CARGO_TARGET_DIR:-$root/target}/debug/backpack"
if [ -x "$cli" ]; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  w="$tmp/w.db"
  "$cli" --wallet "$w" import --no-verify "$root"/samples/*.json "$root"/samples/*.png >/dev/null || true
  "$cli" --wallet "$w" collection create seeds >/dev/null
  "$cli" --wallet "$w" collection add seeds 1 2 >/dev/null || true
  for f in html zip vp; do
    "$cli" --wallet "$w" export seeds --format "$f" -o "$tmp/share.$f" >/dev/null 2>&1 || true
    put "$c/verify_share" "$tmp/share.$f"
  done
else
  echo "seed.sh: $cli not built: verify_share gets no export seeds (cargo build -p backpack-cli)" >&2
fi
put "$c/verify_share" "${json[@]}"

for d in "$c"/*/; do printf '%-16s %4d seeds\n' "$(basename "$d")" "$(ls "$d" | wc -l)"; done
