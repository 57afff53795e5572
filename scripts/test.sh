#!/usr/bin/env bash
# npm test: system tools, type check, then every test file. Fails when it finds no
# test files or runs no tests (on Node 20, `node --test dir/` would pass with zero).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-setup.sh
echo "== type check"
npx tsc --noEmit -p .
shopt -s nullglob
files=(tests/unit/*.test.ts tests/build/*.test.ts tests/browser/*.test.ts)
if [ ${#files[@]} -eq 0 ]; then
  echo "npm test: no test files found under tests/" >&2
  exit 1
fi
echo "== ${#files[@]} test files"
log=$(mktemp)
set +e
node --import tsx --test "${files[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if ! grep -Eq '^# (tests|pass) [1-9]' "$log"; then
  echo "npm test: no tests ran" >&2
  exit 1
fi
exit "$status"
