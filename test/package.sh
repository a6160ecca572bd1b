#!/usr/bin/env bash
# The Debian package (make test runs this after the database stages):
# tools/build-deb.sh builds postgresql-15-govdisc with dpkg-buildpackage -us
# -uc -b (whose own dh_pgxs_test runs installcheck on the package's files);
# the package must hold every file `make install` installs; then it is
# installed with dpkg -i, `make installcheck` and the upgrade stage run
# against the installed package, and it is purged again.
#
# Installing the package writes the system paths `make install` writes: run
# make test under the lock (flock /tmp/govdisc-pg.lock make test).  Whatever
# happens, the end puts the tree's own `make install` back.
# Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/.."

TAP_DETAIL_LINES=${TAP_DETAIL_LINES:-40}
. test/tap.sh

if [ "$(id -u)" != 0 ]; then
	skip "the package is installed with dpkg -i: run as root (as make test on a fresh machine and CI do)"
	tap_done; exit $?
fi
for c in dpkg-buildpackage dh pg_buildext; do
	command -v "$c" >/dev/null || die "$c is missing: make deps installs it (tools/install-deps.sh)"
done

pkg=postgresql-15-govdisc
version=$(cd debian && dpkg-parsechangelog -l changelog -S Version)
extversion=$(sed -n 's/^EXTVERSION = //p' Makefile)
deb=dist/${pkg}_${version}_$(dpkg --print-architecture).deb
work=$(mktemp -d)
restore() {
	dpkg -s "$pkg" >/dev/null 2>&1 && dpkg --purge "$pkg" >/dev/null
	make -s install >/dev/null
	rm -rf "$work"
}
trap restore EXIT

# ------------------------------------------------------------------- build
case $version in
	"$extversion"-*) ok "debian/changelog's version $version is of the extension's $extversion" ;;
	*) notok "debian/changelog's version $version is of the extension's $extversion (Makefile EXTVERSION)" ;;
esac
rm -f "$deb"
if ! bash tools/build-deb.sh > "$work/build.log" 2>&1 || [ ! -f "$deb" ]; then
	die "dpkg-buildpackage -us -uc -b builds $deb" "$(tail -40 "$work/build.log")"
fi
ok "dpkg-buildpackage -us -uc -b builds $deb"
grep -q '^### End 15 installcheck ###$' "$work/build.log" &&
	ok "the build's own installcheck (dh_pgxs_test) passed: $(grep -o 'All [0-9]* tests passed' "$work/build.log")" ||
	notok "the build's own installcheck (dh_pgxs_test) passed" "$(grep -A20 '### PostgreSQL 15 installcheck' "$work/build.log")"

# every file make install installs is in the package
make -s install DESTDIR="$work/root" >/dev/null
(cd "$work/root" && find . -type f | sed 's|^\.||' | sort) > "$work/make-install.txt"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print substr($6, 2) }' | sort > "$work/deb.txt"
missing=$(comm -23 "$work/make-install.txt" "$work/deb.txt")
n=$(wc -l < "$work/make-install.txt")
[ -z "$missing" ] && [ "$n" -ge 5 ] && ok "the package holds the $n files make install installs" ||
	notok "the package holds every file make install installs" "missing: $missing"

# --------------------------------------------------------- install and test
if ! out=$(dpkg -i "$deb" 2>&1); then
	die "dpkg -i $deb" "$out"
fi
libdir=$(pg_config --pkglibdir)
owner=$(dpkg -S "$libdir/govdisc.so" 2>/dev/null | cut -d: -f1)
[ "$owner" = "$pkg" ] && ok "dpkg -i installs $pkg, which owns $libdir/govdisc.so" ||
	notok "dpkg -i installs $pkg, which owns $libdir/govdisc.so" "owner: $owner"

out=$(pg_virtualenv -t make -s installcheck 2>&1)
echo "$out" | grep -q 'All [0-9]* tests passed' &&
	ok "make installcheck against the installed package: $(echo "$out" | grep -o 'All [0-9]* tests passed')" ||
	notok "make installcheck against the installed package" "$(echo "$out" | grep -v '^20..-' | tail -30)"

out=$(pg_virtualenv -t bash test/stages/upgrade.sh 2>&1)
line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
echo "$line" | grep -q ' 0 failed' &&
	ok "the upgrade stage against the installed package ($line)" ||
	notok "the upgrade stage against the installed package" "$(echo "$out" | grep -E '^(FAILED|    )' | head -30)"

# ----------------------------------------------------------------- purge
dpkg --purge "$pkg" >/dev/null 2>&1
left=$(while read -r f; do [ -e "$f" ] && echo "$f"; done < "$work/deb.txt")
[ -z "$left" ] && ok "dpkg --purge removes every file of the package" ||
	notok "dpkg --purge removes every file of the package" "$left"

restore
trap - EXIT
[ -f "$libdir/govdisc.so" ] && ok "the tree's make install is back in place" ||
	notok "the tree's make install is back in place"

tap_done
