#!/usr/bin/env bash
# For the product's maintainers, after changing examples/demo: appends to
# examples/demo/shipped-versions.txt every version of the demo's files in this repository's
# history (examples/demo/ and the root content/ and assets/ it was copied to), so that
# `npm run setup` in any fork recognises the demo files it forked with (lib/setup/shipped.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
list=examples/demo/shipped-versions.txt
paths=(content assets examples/demo/content examples/demo/assets)
{
  grep -E '^[0-9a-f]{40} ' "$list" 2>/dev/null || true
  for c in $(git log --format=%H -- "${paths[@]}"); do git ls-tree -r "$c" -- "${paths[@]}"; done | awk -F'\t' '{ split($1, a, " "); print a[3] " " $2 }'
  git ls-files -s -- "${paths[@]}" | awk -F'\t' '{ split($1, a, " "); print a[2] " " $2 }'
} | sed -E 's# examples/demo/# #' | sort -u > "$list.new"
{ grep -E '^#' "$list"; cat "$list.new"; } > "$list.tmp" && rm "$list.new" && mv "$list.tmp" "$list"
echo "$(grep -cE '^[0-9a-f]{40} ' "$list") versions in $list"
