#!/usr/bin/env bash
# npm test: lint, system tools, type check, then the test files of each tier asked for
# (default: lint unit build browser). Fails when it finds no test files or runs no tests
# (on Node 20, `node --test dir/` would pass with zero).
#   npm run lint           ESLint and Prettier (scripts/lint.sh); no test files, and first,
#                          so a style slip fails in a minute rather than after the builds
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
if $lint; then
  echo "== lint"
  bash scripts/lint.sh
  [ ${#tiers[@]} -eq 1 ] && exit 0
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "npm test: no test files found under tests/" >&2
  exit 1
fi
# The type check and the unit tests need only the test tools; builds and browsers need Chromium and Java.
if [[ " ${tiers[*]} " == " unit " ]]; then bash scripts/test-setup.sh tools; else bash scripts/test-setup.sh; fi
echo "== type check"
npx tsc --noEmit -p .
echo "== ${#files[@]} test files (${tiers[*]})"
# Builds of the demo that tests only read are made once per run and shared (tests/helpers.ts).
PP_TEST_RUN=$(mktemp -d "${TMPDIR:-/tmp}/pp-test-run-XXXXXX")
export PP_TEST_RUN
trap 'rm -rf "$PP_TEST_RUN"' EXIT
# Build that shared demo first (scripts/test-prebuild.ts): the files then start with it ready, and
# every demo image is already encoded in examples/demo/.cache when several builds run at once.
if [[ " ${tiers[*]} " != " unit " ]]; then node --import tsx scripts/test-prebuild.ts; fi
# Several files at a time: node --test runs one file at a time by default on two cores (one
# fewer than the cores), and much of a file's time is spent waiting on Chromium, Java or a
# server rather than computing. node --test starts them in path order, so tests/browser/
# (the slowest, gates.test.ts among them) starts first. PP_TEST_JOBS overrides the number.
jobs=${PP_TEST_JOBS:-$(( $(nproc) + 1 ))}
log=$(mktemp)
set +e
node --import tsx --test --test-concurrency="$jobs" "${files[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if ! grep -Eq '^# (tests|pass) [1-9]' "$log"; then
  echo "npm test: no tests ran" >&2
  exit 1
fi
exit "$status"
