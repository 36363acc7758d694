#!/usr/bin/env bash
# Run fuzz targets for a time each, then print one line per target from libFuzzer's own
# final figures: executions, coverage (cov = edges, ft = features), and the outcome.
# Usage: fuzz/run.sh SECONDS [TARGET...]   (default: every target in fuzz/Cargo.toml)
# Env:   FUZZ_RUNS=N stops a target after N executions instead (SECONDS is then a cap),
#        FUZZ_JOBS=N runs N targets at once (default 1).
# Exit:  non-zero when any target found a crash, timeout or out-of-memory input; the input
#        is in fuzz/artifacts/<target>/ and the log in fuzz/logs/<target>.log.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
secs="${1:-60}"; shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^backpack-fuzz$')
fi
flags=(-s none --debug-assertions)
mkdir -p logs corpus
[ -n "$(ls -A corpus 2>/dev/null)" ] || bash seed.sh >/dev/null

one() {
  local t="$1" runs=()
  [ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
  mkdir -p "corpus/$t" "artifacts/$t"
  # Per-target libFuzzer options (e.g. a smaller -max_len), one file per target.
  local extra=()
  [ -f "options/$t" ] && read -ra extra <"options/$t"
  local start=$SECONDS
  cargo +nightly fuzz run "${flags[@]}" "$t" "corpus/$t" -- \
    -max_total_time="$secs" "${runs[@]}" "${extra[@]}" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -print_final_stats=1 -close_fd_mask=3 >"logs/$t.log" 2>&1
  local rc=$? took=$((SECONDS - start))
  local execs cov ft
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "logs/$t.log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "logs/$t.log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -oE 'ft: [0-9]+' "logs/$t.log" | tail -1 | cut -d' ' -f2)
  local outcome=ok
  if [ $rc -ne 0 ]; then
    outcome="FOUND: $(grep -m1 -oE '(deadly signal|panicked at [^ ]+|ERROR: libFuzzer: [a-z-]+)' "logs/$t.log" || echo "exit $rc")"
  fi
  printf '%-15s %6ss %12s execs  cov %6s  ft %7s  %s\n' "$t" "$took" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$outcome"
  return $rc
}

jobs_max="${FUZZ_JOBS:-1}"
for t in "${targets[@]}"; do
  rm -f "logs/$t.rc"
  ( one "$t"; echo $? >"logs/$t.rc" ) &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do sleep 1; done
done
wait
fail=0
for t in "${targets[@]}"; do
  [ "$(cat "logs/$t.rc" 2>/dev/null)" = 0 ] || fail=1
done
exit $fail
