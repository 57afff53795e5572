#!/usr/bin/env bash
# npm test: lint, system tools, type check, then the test files of each tier asked for
# (default: lint unit build browser). Fails when it finds no test files or runs no tests
# (on Node 20, `node --test dir/` would pass with zero).
#   npm run lint           ESLint and Prettier (scripts/lint.sh); no test files. With other
#                          tiers it runs beside them at a lower priority (it keeps one core
#                          busy for long, and the test files leave a core idle much of the
#                          time waiting on Chromium, Java or a server); its report comes last.
#   npm run test:unit      pure functions, seconds, no system tools
#   npm run test:build     real builds of fixtures and the demo
#   npm run test:browser   Debian's Chromium and the Nu checker against built sites
set -euo pipefail
cd "$(dirname "$0")/.."
tiers=("$@")
[ ${#tiers[@]} -eq 0 ] && tiers=(lint unit build browser)
files=()
lint=false
shopt -s nullglob
for tier in "${tiers[@]}"; do
  case "$tier" in
    lint) lint=true ;;
    unit | build | browser) files+=(tests/"$tier"/*.test.ts) ;;
    *) echo "npm test: unknown tier \"$tier\" (use lint, unit, build or browser)" >&2; exit 2 ;;
  esac
done
if $lint && [ ${#tiers[@]} -eq 1 ]; then
  echo "== lint"
  exec bash scripts/lint.sh
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "npm test: no test files found under tests/" >&2
  exit 1
fi
# The type check and the unit tests need only the test tools; builds and browsers need Chromium and Java.
if [[ " ${tiers[*]} " == " unit " ]]; then bash scripts/test-setup.sh tools; else bash scripts/test-setup.sh; fi
# Lint after the setup (it needs the test tools, and two installs at once would collide).
lint_log=""
tsc_log=""
lint_pid=""
PP_TEST_RUN=""
cleanup() {
  [ -z "$PP_TEST_RUN" ] || rm -rf "$PP_TEST_RUN"
  # A run that stops early (the type check failed) stops its lint too.
  if [ -n "$lint_pid" ] && kill -0 "$lint_pid" 2>/dev/null; then kill -- "-$lint_pid" 2>/dev/null || true; fi
  [ -z "$lint_log" ] || rm -f "$lint_log"
  [ -z "$tsc_log" ] || rm -f "$tsc_log"
}
trap cleanup EXIT
if $lint; then
  lint_log=$(mktemp)
  echo "== lint (beside the tests; its report comes at the end)"
  # In its own process group (set -m), so that stopping it stops ESLint and Prettier too.
  set -m
  (nice -n 10 bash scripts/lint.sh >"$lint_log" 2>&1 || { echo "== lint FAILED (its report comes at the end)" >&2; exit 1; }) &
  lint_pid=$!
  set +m
fi
# Builds of the demo that tests only read are made once per run and shared (tests/helpers.ts).
PP_TEST_RUN=$(mktemp -d "${TMPDIR:-/tmp}/pp-test-run-XXXXXX")
export PP_TEST_RUN
# The type check and the shared demo build side by side (each uses one core); no test file
# starts until both are done, and a type error stops the run there.
echo "== type check"
tsc_log=$(mktemp)
npx tsc --noEmit -p . >"$tsc_log" 2>&1 &
tsc_pid=$!
# Build that shared demo first (scripts/test-prebuild.ts): the files then start with it ready, and
# every demo image is already encoded in examples/demo/.cache when several builds run at once.
prebuild=0
if [[ " ${tiers[*]} " != " unit " ]]; then node --import tsx scripts/test-prebuild.ts || prebuild=$?; fi
tsc_status=0
wait "$tsc_pid" || tsc_status=$?
cat "$tsc_log"
[ "$tsc_status" -eq 0 ] || { echo "npm test: the type check failed (above)" >&2; exit "$tsc_status"; }
[ "$prebuild" -eq 0 ] || exit "$prebuild"
echo "== ${#files[@]} test files (${tiers[*]})"
# Several test files to a process (scripts/test-groups.mjs: the unit tier in one, build files
# a few to one, browser files two), slowest first: a process of its own costs a file
# about a second and a half of CPU before its first test.
mapfile -t groups < <(node scripts/test-groups.mjs "$PP_TEST_RUN/groups" "${files[@]}")
if [ ${#groups[@]} -eq 0 ]; then
  echo "npm test: scripts/test-groups.mjs wrote no group files" >&2
  exit 1
fi
# As many processes at a time as there are cores (node --test's default is one fewer): lint
# runs beside them, and a browser file keeps Chromium's processes busy too, so one more
# only made them take turns (measured: the same run used about 4 % more CPU, for no
# shorter time). PP_TEST_JOBS overrides the number.
jobs=${PP_TEST_JOBS:-$(nproc)}
log=$(mktemp)
set +e
node --import tsx --test --test-concurrency="$jobs" "${groups[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if ! grep -Eq '^# (tests|pass) [1-9]' "$log"; then
  echo "npm test: no tests ran" >&2
  status=1
fi
if [ -n "$lint_pid" ]; then
  echo "== lint"
  if wait "$lint_pid"; then
    cat "$lint_log"
    echo "lint: no problems"
  else
    cat "$lint_log"
    echo "npm test: lint failed (above); npm run format fixes what Prettier reports" >&2
    status=1
  fi
  lint_pid=""
fi
exit "$status"
