#!/usr/bin/env bash
# `make test-package`: check the .deb (and .rpm) that `make package` built, the way a learner
# gets it: what is inside, that its dependencies cover every library the binaries link, then
# install it into a throw-away root (dpkg -x, no container, nothing touches the system) and run
# the installed binaries: `backpack --version`, the CLI on a wallet, the app for 10 s under Xvfb
# with a screenshot, opening files, a second launch handing its files to the running window,
# and the start-up errors (no display, a wallet that cannot be written, a missing WebKit).
# Screenshots go to e2e-output/package/ (not committed). Ends with "N passed, N failed".
#
# usage: scripts/test-package.sh           the checks above
#        scripts/test-package.sh --bench   the start-up/search benchmark on the installed app
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
repo=$PWD
release=${CARGO_TARGET_DIR:-$repo/target}/release
deb=$(ls -t "$release"/bundle/deb/*.deb 2>/dev/null | head -1)
rpm=$(ls -t "$release"/bundle/rpm/*.rpm 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "test-package: no .deb in $release/bundle/deb: run make package" >&2; exit 2; }
out=$repo/e2e-output/package
mkdir -p "$out"
tmp=$(mktemp -d)
root=$tmp/root
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null
  wait 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT

echo "package: $deb"
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin

if [ "${1:-}" = "--bench" ]; then
  echo "installed into $root (dpkg -x)"
  bash e2e/run.sh "$bin/backpack-app" --bench
  exit $?
fi

passed=0 failed=0
ok() { echo "PASS $1"; passed=$((passed + 1)); }
ko() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
# check NAME COMMAND...: PASS when the command succeeds; its output is shown on failure.
check() {
  local name=$1; shift
  local o
  if o=$("$@" 2>&1); then ok "$name"; else ko "$name" "$o"; fi
}
has_line() { grep -qxF -- "$2" <<<"$1" || { echo "missing line: $2"; return 1; }; }
contains() { grep -qF -- "$2" <<<"$1" || { echo "missing: $2"; echo "in: $1"; return 1; }; }

# ── what the package holds ─────────────────────────────────────────────────────────────────
depends=$(dpkg-deb -f "$deb" Depends)
echo "Package: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version) $(dpkg-deb -f "$deb" Architecture)"
echo "Depends: $depends"
echo "Description: $(dpkg-deb -f "$deb" Description | head -1)"

files=$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's#^\./##; s#^#/#')
deb_files() {
  local f
  for f in /usr/bin/backpack /usr/bin/backpack-app /usr/share/applications/Backpack.desktop \
           /usr/share/icons/hicolor/scalable/apps/backpack-app.svg \
           /usr/share/mime/packages/org.backpack.wallet.xml \
           /usr/share/metainfo/org.backpack.wallet.metainfo.xml; do
    has_line "$files" "$f" || return 1
  done
  for s in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
    has_line "$files" "/usr/share/icons/hicolor/$s/apps/backpack-app.png" || return 1
  done
}
check "the .deb holds the app, the backpack CLI, the desktop entry, MIME type, AppStream data and icons at every size" deb_files

desktop=$root/usr/share/applications/Backpack.desktop
desktop_entry() {
  desktop-file-validate "$desktop" || return 1
  local d; d=$(cat "$desktop")
  has_line "$d" "Exec=backpack-app %F" && has_line "$d" "Icon=backpack-app" &&
    contains "$d" "MimeType=application/jwt;image/png;image/svg+xml;application/json;text/html;application/zip;" &&
    has_line "$d" "Categories=Education;"
}
check "the desktop entry is valid and opens files (%F) of the badge and portfolio types" desktop_entry
check "the AppStream metadata is valid" appstreamcli validate --no-net --pedantic=false "$root/usr/share/metainfo/org.backpack.wallet.metainfo.xml"

# Every library the binaries link must come with the declared Depends (directly or through
# them): dpkg-shlibdeps names the packages, apt-cache the closure of the Depends.
shlibdeps() {
  mkdir -p "$tmp/shl/debian"
  printf 'Source: backpack\n\nPackage: backpack\nArchitecture: any\n' >"$tmp/shl/debian/control"
  local needed closure missing=()
  needed=$(cd "$tmp/shl" && dpkg-shlibdeps -O -e"$bin/backpack-app" -e"$bin/backpack" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p' | tr ',' '\n' | sed 's/(.*//; s/|.*//; s/ //g' | sort -u)
  [ -n "$needed" ] || { echo "dpkg-shlibdeps found nothing"; return 1; }
  # shellcheck disable=SC2046 # one package name per word
  closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances $(echo "$depends" | tr ',' '\n' | sed 's/(.*//; s/ //g') 2>/dev/null |
    grep -v '^ ' | sed 's/:amd64$//' | sort -u)
  for p in $needed; do
    case "$p" in libc6|libgcc-s1) continue ;; esac   # essential: on every Debian system
    grep -qxF "$p" <<<"$closure" || missing+=("$p")
  done
  echo "linked libraries come from: $(echo $needed)"
  [ ${#missing[@]} -eq 0 ] || { echo "not pulled in by Depends: ${missing[*]}"; return 1; }
}
check "Depends pulls in every library the binaries link (dpkg-shlibdeps)" shlibdeps

if [ -n "$rpm" ] && command -v rpm >/dev/null; then
  rpm_check() {
    local req list
    req=$(rpm -qp --requires "$rpm" 2>/dev/null); list=$(rpm -qpl "$rpm" 2>/dev/null)
    contains "$req" "webkit2gtk4.1" && contains "$req" "gtk3" &&
      has_line "$list" "/usr/bin/backpack" && has_line "$list" "/usr/bin/backpack-app" &&
      has_line "$list" "/usr/share/applications/Backpack.desktop"
  }
  echo "rpm: $rpm"
  check "the .rpm holds the app and the CLI and requires WebKitGTK 4.1 and GTK 3" rpm_check
fi

# ── the installed command line ──────────────────────────────────────────────────────────────
check "installed: backpack --version" bash -c "[ \"\$('$bin/backpack' --version)\" = 'backpack 0.1.0' ]"
cli_wallet() {
  local w=$tmp/cli.db o
  "$bin/backpack" --wallet "$w" import "$repo"/samples/*.png >/dev/null
  o=$("$bin/backpack" --wallet "$w" list --json) || return 1
  [ "$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' <<<"$o")" = 3 ] || { echo "$o"; return 1; }
}
check "installed: backpack imports and lists badges" cli_wallet

# ── the installed app under Xvfb, with a D-Bus session (single instance) ───────────────────
disp=$(( 90 + RANDOM % 400 )); while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
export DISPLAY=":$disp" NO_AT_BRIDGE=1
Xvfb "$DISPLAY" -screen 0 1280x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 & pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$disp" ] && break; sleep 0.1; done
eval "$(dbus-launch --sh-syntax)"
export DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_PID

wallet=$tmp/app.db
count() { "$bin/backpack" --wallet "$wallet" list --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo 0; }
wait_count() { for _ in $(seq "$((${2:-20} * 5))"); do [ "$(count)" = "$1" ] && return 0; sleep 0.2; done; echo "wallet has $(count) badges, expected $1"; return 1; }

# Started from a folder with a relative file name, like a file manager or a shell would.
(cd "$repo/samples" && BACKPACK_WALLET=$wallet exec "$bin/backpack-app" teamwork-ob3.png) >"$tmp/app.log" 2>&1 &
app=$!; pids+=("$app"); app_started=$SECONDS
check "installed: backpack-app FILE opens the app and imports the badge" wait_count 1 30

second() {
  local t0=$SECONDS rc
  (cd "$repo" && BACKPACK_WALLET=$wallet timeout 20 "$bin/backpack-app" samples/robotics-ob2.png samples/heart-ob1.png) >"$tmp/second.log" 2>&1
  rc=$?
  [ $rc = 0 ] || { echo "second launch exited $rc"; cat "$tmp/second.log"; return 1; }
  [ $((SECONDS - t0)) -le 10 ] || { echo "second launch took $((SECONDS - t0)) s"; return 1; }
  kill -0 "$app" || { echo "the first window is gone"; return 1; }
  wait_count 3 20
}
check "installed: a second launch hands its files to the running window and exits" second

received() {
  # A portfolio exported from another wallet: opened read-only, so the wallet keeps 3 badges.
  # That wallet's signing key goes to a key file (no Secret Service runs in this D-Bus session;
  # the key store is not what is under test here).
  local other=$tmp/other.db
  other_cli() { BACKPACK_KEY_STORE=file BACKPACK_KEY_PASSPHRASE="package test passphrase" "$bin/backpack" --wallet "$other" "$@"; }
  other_cli import "$repo/samples/university-degree-ob3.json" >/dev/null &&
    other_cli collection create "Shared" >/dev/null &&
    other_cli collection add "Shared" 1 >/dev/null &&
    other_cli export "Shared" --format html -o "$tmp/portfolio.html" >/dev/null || return 1
  BACKPACK_WALLET=$wallet timeout 20 "$bin/backpack-app" "$tmp/portfolio.html" || return 1
  sleep 3
  [ "$(count)" = 3 ] || { echo "the received portfolio changed the wallet: $(count) badges"; return 1; }
}
check "installed: a received portfolio handed over opens read-only (nothing imported)" received

left=$((10 - (SECONDS - app_started))); [ $left -gt 0 ] && sleep $left
import -window root "$out/installed-app.png" 2>/dev/null
alive() { kill -0 "$app" 2>/dev/null || { echo "exited:"; cat "$tmp/app.log"; return 1; }; }
check "installed: the app is still running after 10 s (screenshot e2e-output/package/installed-app.png)" alive
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null

launcher() {
  BACKPACK_WALLET=$tmp/launcher.db "$bin/backpack" >"$tmp/launcher.log" 2>&1 &
  local l=$!
  pids+=("$l")
  for _ in $(seq 50); do pgrep -f "^$bin/backpack-app" >/dev/null && break; sleep 0.2; done
  pgrep -f "^$bin/backpack-app" >/dev/null || { echo "no app process"; cat "$tmp/launcher.log"; return 1; }
  contains "$(cat "$tmp/launcher.log")" "backpack: opening the Backpack app" || return 1
  pkill -f "^$bin/backpack-app"; wait "$l" 2>/dev/null; return 0
}
check "installed: backpack with no arguments on a desktop opens the app" launcher

# ── start-up errors: one message with the fix ──────────────────────────────────────────────
no_display() {
  local o rc
  o=$(env -u DISPLAY -u WAYLAND_DISPLAY BACKPACK_WALLET=$tmp/x.db "$bin/backpack-app" 2>&1); rc=$?
  [ $rc = 2 ] || { echo "exit $rc: $o"; return 1; }
  contains "$o" "backpack-app: there is no graphical desktop to open the window in" &&
    contains "$o" "fix: start Backpack from your desktop session, or use the command line: backpack --help"
}
check "no display: one message with the fix, exit 2" no_display

unwritable() {
  local o rc w=/proc/backpack-cannot-write/wallet.db
  o=$(BACKPACK_NO_DIALOG=1 BACKPACK_WALLET=$w timeout 20 "$bin/backpack-app" 2>&1); rc=$?
  [ $rc = 1 ] || { echo "exit $rc: $o"; return 1; }
  echo "$o" >"$out/unwritable-wallet.txt"
  contains "$o" "backpack-app: cannot write your wallet $w: cannot create the folder /proc/backpack-cannot-write" &&
    contains "$o" "fix: create the folder /proc/backpack-cannot-write (writable for your user), or start Backpack on another wallet: BACKPACK_WALLET="
}
check "unwritable wallet: one message naming the path, with the fix, exit 1" unwritable

dialog() {
  # From the menu there is no terminal: the same message in a message box (screenshot).
  BACKPACK_WALLET=/proc/backpack-cannot-write/wallet.db "$bin/backpack-app" >/dev/null 2>&1 &
  local d=$!
  sleep 4
  import -window root "$out/unwritable-wallet-dialog.png" 2>/dev/null
  kill -0 "$d" 2>/dev/null || { echo "no message box: the process already exited"; return 1; }
  kill "$d"; wait "$d" 2>/dev/null; return 0
}
check "unwritable wallet from the menu: a message box (screenshot e2e-output/package/unwritable-wallet-dialog.png)" dialog

missing_webkit() {
  # A copy of the installed app that asks the loader for a WebKit library that is not there.
  mkdir -p "$tmp/broken"
  cp "$bin/backpack" "$bin/backpack-app" "$tmp/broken/"
  patchelf --replace-needed libwebkit2gtk-4.1.so.0 libwebkit2gtk-4.1-gone.so.0 "$tmp/broken/backpack-app" || return 1
  local o rc
  o=$(BACKPACK_WALLET=$tmp/y.db timeout 20 "$tmp/broken/backpack" 2>&1); rc=$?
  [ $rc = 2 ] || { echo "exit $rc: $o"; return 1; }
  echo "$o" >"$out/missing-webkit.txt"
  contains "$o" "backpack: the desktop app cannot start: the system library libwebkit2gtk-4.1-gone.so.0 is missing" &&
    contains "$o" "sudo apt install libwebkit2gtk-4.1-0 libgtk-3-0"
}
check "missing WebKit: backpack names the library and the install command, exit 2" missing_webkit

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
