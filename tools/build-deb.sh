#!/usr/bin/env bash
# Builds the Debian package postgresql-15-govdisc (debian/, pg_buildext) from
# a copy of this tree (the files git tracks or would track: what `make dist`
# ships, plus uncommitted changes), so the tree itself is not cleaned or
# touched.  dpkg-buildpackage -us -uc -b builds, installs into the package
# with the tree's `make install`, and runs `make installcheck` against the
# package's files in a throwaway cluster; the .deb lands in dist/.
# Needs the Debian packages tools/install-deps.sh installs (dpkg-dev,
# debhelper, postgresql-all).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/govdisc
mkdir -p "$src"
if git rev-parse --git-dir >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard | xargs -0 -r sh -c \
		'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh | tar -cf - --null -T - | tar -xf - -C "$src"
else
	# an unpacked release: everything but build products
	tar -cf - --exclude=./dist --exclude='*.o' --exclude='*.so' . | tar -xf - -C "$src"
fi
# installcheck runs as an unprivileged user (pg_buildext NONROOT) that writes
# pg_regress results into the source
chmod -R a+rwX "$work"

cd "$src"
dpkg-buildpackage -us -uc -b
mkdir -p "$top/dist"
for f in "$work"/*.deb "$work"/*.buildinfo "$work"/*.changes; do
	[ -e "$f" ] && cp "$f" "$top/dist/"
done
ls "$work"/*.deb | sed "s|^$work/|dist/|"
