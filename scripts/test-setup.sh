#!/usr/bin/env bash
# Makes sure the system tools the tests use are present: Debian's Chromium (browser
# tests) and a Java runtime (the Nu HTML checker). Installs them when it may (root with
# apt-get); otherwise prints the exact command and fails, so nothing is silently skipped.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium fonts-liberation)
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
