#!/usr/bin/env bash
# What the product's tests (and npm run verify, audit, screenshots) need beyond a practice's
# install, fetched only when missing:
#  1. the test tools in tests/package.json (Playwright, axe, the Nu checker, the linters),
#     installed into tests/node_modules from tests/package-lock.json (and, for npm run audit,
#     Lighthouse from tests/audit/);
#  2. Debian's Chromium (its headless shell, which the browser tests drive: tests/support/browser.ts)
#     and a Java runtime (the Nu checker): installed when it may (root with apt-get); otherwise
#     it prints the exact command and fails, so nothing is silently skipped.
# `test-setup.sh tools` does step 1 only (enough for the unit tests and the type check);
# `test-setup.sh audit` also needs full Chromium, which Lighthouse runs (npm run audit).
set -euo pipefail
cd "$(dirname "$0")/.."
# Installs the packages of a folder's package.json from its lock, when they changed since the last install.
install_from_lock() {
  local dir=$1 what=$2
  local stamp=$dir/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ] || [ "$dir/package.json" -nt "$stamp" ]; then
    echo "test:setup: installing $what ($dir/package.json) ..."
    # From inside the folder, so that its own .npmrc applies (with --prefix, npm reads the root one).
    # `npm install` from the lock rather than `npm ci`: Lighthouse's trace engine asks for
    # third-party-web@"latest", which `npm ci` compares with the registry's newest release
    # and refuses. --no-save leaves the lock file as committed.
    (cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error >/dev/null)
    # npm rewrites its stamp only when it changed something: after a checkout that only touched
    # the lock's time (a new clone's node_modules copied in, a branch switch), every run would
    # install again.
    touch "$stamp"
  fi
}
install_from_lock tests "the test tools"
# Lighthouse, a report rather than a test, has a folder of its own: npm test doesn't install it.
[ "${1:-}" = "audit" ] && install_from_lock tests/audit "Lighthouse"
[ "${1:-}" = "tools" ] && exit 0
need=()
[ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
[ "${1:-}" = "audit" ] && { [ -x /usr/bin/chromium ] || need+=(chromium); }
[ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
cmd="apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "test:setup: installing ${need[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $cmd >/dev/null
  exit 0
fi
echo "test:setup: missing system packages: ${need[*]}" >&2
echo "Install them with:  sudo $cmd" >&2
exit 1
