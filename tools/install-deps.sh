#!/usr/bin/env bash
# Installs what building and testing govdisc needs on Debian 12, if missing.
# Run as root (as CI does); as another user it only says what is missing.
set -euo pipefail

need=()
pgconfig=$(command -v pg_config || true)
if [ -z "$pgconfig" ] || [ ! -f "$(pg_config --includedir-server)/postgres.h" ]; then
	need+=(postgresql-server-dev-15)
fi
[ -f /usr/include/unicode/unorm2.h ] || need+=(libicu-dev)
command -v clang >/dev/null || need+=(clang)
# libFuzzer and the sanitizer runtimes
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || need+=(libclang-rt-14-dev)
command -v pg_virtualenv >/dev/null || need+=(postgresql-common)
command -v python3 >/dev/null || need+=(python3)
# the schema test validates parsed documents against report.schema.json
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || need+=(python3-jsonschema)
command -v pgbench >/dev/null || need+=(postgresql-contrib)
# the Debian package (debian/, test/package.sh): dpkg-buildpackage, dh with
# pg_buildext's pgxs_loop, and the Build-Depends of debian/control
command -v dpkg-buildpackage >/dev/null || need+=(dpkg-dev)
command -v dh >/dev/null || need+=(debhelper)
dpkg -s build-essential >/dev/null 2>&1 || need+=(build-essential)
dpkg -s postgresql-all >/dev/null 2>&1 || need+=(postgresql-all)

[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "govdisc needs these Debian packages: ${need[*]} (run as root, or install them)" >&2
	exit 1
fi
echo "installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
