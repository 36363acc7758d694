#!/usr/bin/env bash
# Run the end-to-end suite (or, with --bench, the start-up/search benchmark) against the real
# app: Xvfb + tauri-driver (+ WebKitWebDriver) + selenium, on a throw-away wallet.
#   e2e/run.sh path/to/backpack-app [--bench]
# Prints the suite's closing line "N passed, N failed"; exits 1 when any test failed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
app="$(realpath "${1:?usage: e2e/run.sh APP_BINARY [--bench]}")"
shift
py="$root/.venv/bin/python"
out="$root/e2e-output"
mkdir -p "$out"
tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null
  wait 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT

# A free X display and a free port, so parallel runs do not collide.
disp=$(( 90 + RANDOM % 400 )); while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
nport=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

export DISPLAY=":$disp"
Xvfb "$DISPLAY" -screen 0 1280x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 & pids+=($!)
export BACKPACK_WALLET="$tmp/wallet.db"
# No keyring, as on a headless or fresh machine: the signing key lives in the encrypted key
# file, and the export test enters its passphrase in the app as a learner would.
export BACKPACK_KEY_STORE=file
# A private D-Bus session: the app's single instance (one window per wallet) lives on it, and
# the hand-off test starts a second instance on it.
if command -v dbus-launch >/dev/null; then
  eval "$(dbus-launch --sh-syntax)"
  export DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_PID
fi
export NO_AT_BRIDGE=1
# TEST-ONLY hook (src-tauri/src/files.rs): native open/save dialogs cannot be driven by
# WebDriver, so while this is set every dialog answers the paths written in this file (one per
# line, empty = cancelled) instead of showing, and the page event `e2e-drop` stands in for a
# native drop of those paths. Never set it for a real app.
export BACKPACK_E2E_DIALOG="$tmp/dialog-answer"
: >"$BACKPACK_E2E_DIALOG"
# The functional suite keeps WebKit's GPU compositing (BACKPACK_GPU=1): without it WebKitWebDriver's
# screenshot of an idle page never returns. The benchmark measures the app as a GPU-less machine
# runs it (software rendering, see src-tauri/src/lib.rs).
case " $* " in *" --bench "*) ;; *) export BACKPACK_GPU=1 ;; esac
td="$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")"
"$td" --port "$port" --native-port "$nport" --native-driver /usr/bin/WebKitWebDriver >"$tmp/tauri-driver.log" 2>&1 & pids+=($!)
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

extra=()
case " $* " in *" --bench "*)
  # The bench's input: signed baked badges (e2e/bake_badges.rs, example bake_badges of backpack-app), built like the
  # release app so it reuses that build.
  baker="${CARGO_TARGET_DIR:-$root/target}/release/examples/bake_badges"
  if [ ! -x "$baker" ] || [ "$root/e2e/bake_badges.rs" -nt "$baker" ]; then
    nice -n 19 cargo build -q --release -p backpack-app --features tauri/custom-protocol --example bake_badges || exit 1
  fi
  extra=(--baker "$baker") ;;
esac
"$py" "$here/test_app.py" --app "$app" --driver "http://127.0.0.1:$port" --out "$out" --fixtures "$root/tests/fixtures" --tmp "$tmp" \
  --axe "$root/target/tools/axe-core/node_modules/axe-core/axe.min.js" "${extra[@]}" "$@"
rc=$?
[ $rc -ne 0 ] && { echo "--- tauri-driver log (tail)"; tail -20 "$tmp/tauri-driver.log"; }
exit $rc
