#!/usr/bin/env bash
# A checkout of another commit to bench against (`--baseline <dir>` of the HTTP and listing-page
# benches): `bash tests/bench/baseline-checkout.sh <commit> <dir>`. Its dependencies are this
# checkout's, linked one by one, except the workspace packages (@portal/*): those link to the
# baseline's own copies. (Linking the whole node_modules would resolve @portal/search and the rest
# to THIS checkout's packages: a baseline that differs only in apps/.)
set -euo pipefail
commit=$1
dir=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$dir"
mkdir -p "$dir/node_modules/@portal"
git -C "$here" archive "$commit" | tar -x -C "$dir"
for entry in "$here"/node_modules/* "$here"/node_modules/.bin; do
  name=$(basename "$entry")
  [ "$name" = "@portal" ] || ln -s "$entry" "$dir/node_modules/$name"
done
for link in "$here"/node_modules/@portal/*; do
  target=$(readlink "$link") # ../../packages/x or ../../apps/x: relative, so the baseline's own
  ln -s "$target" "$dir/node_modules/@portal/$(basename "$link")"
done
for sub in apps/api apps/miniprogram apps/web tests; do
  if [ -d "$here/$sub/node_modules" ] && [ -d "$dir/$sub" ]; then ln -s "$here/$sub/node_modules" "$dir/$sub/node_modules"; fi
done
# built front ends the server serves (not rebuilt for a bench)
for built in apps/console/dist apps/miniprogram/dist; do
  if [ -d "$here/$built" ] && [ -d "$dir/$(dirname "$built")" ]; then cp -r "$here/$built" "$dir/$built"; fi
done
echo "baseline $commit in $dir ($(readlink -f "$dir/node_modules/@portal/search"))"
