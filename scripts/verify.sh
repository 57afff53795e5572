#!/usr/bin/env bash
# npm run verify: the quality gates on the practice's own site (axe at two widths, light and dark, reflow and large text, links,
# privacy and CSP, page budgets, the Nu checker), one build shared by the test files.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-setup.sh
PP_TEST_RUN=$(mktemp -d "${TMPDIR:-/tmp}/pp-verify-XXXXXX")
export PP_TEST_RUN VERIFY_ROOT=.
trap 'rm -rf "$PP_TEST_RUN"' EXIT
node --import tsx --test tests/browser/gates.test.ts tests/build/html-validity.test.ts
