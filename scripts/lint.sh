#!/usr/bin/env bash
# npm run lint: ESLint (typescript-eslint, type-aware; eslint.config.mjs), then Prettier's
# check (.prettierrc.json). The first step of npm test.
# npm run format: ESLint's fixes, then Prettier rewrites the files (formatting last, so what
# a fix moved is formatted too).
# Both tools are test tools (tests/package.json), installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-setup.sh tools
bin=tests/node_modules/.bin
if [ "${1:-}" = "fix" ]; then
  "$bin/eslint" --fix .
  "$bin/prettier" --write --log-level=warn .
  # Twice: on a rare expression Prettier's first pass is not its last (seen on a long
  # method chain in scripts/bench.ts), and the check must pass right after a format.
  "$bin/prettier" --write --log-level=warn .
else
  # The two checks are independent: Prettier's runs beside ESLint's (each is one core's work).
  prettier_log=$(mktemp)
  trap 'rm -f "$prettier_log"' EXIT
  # --cache: a file whose bytes Prettier has already found formatted (.cache/prettier) is not
  # parsed again; formatting depends on the file alone, so the answer is the same.
  "$bin/prettier" --check --cache --cache-strategy=content --cache-location=.cache/prettier --log-level=warn . >"$prettier_log" 2>&1 &
  prettier_pid=$!
  eslint_status=0
  "$bin/eslint" --max-warnings=0 . || eslint_status=$?
  prettier_status=0
  wait "$prettier_pid" || prettier_status=$?
  cat "$prettier_log"
  [ "$eslint_status" -eq 0 ] && [ "$prettier_status" -eq 0 ]
fi
