#!/usr/bin/env bash
# Installs what building and testing govdisc needs on Debian 12, if missing
# (make deps; make demo and make test call it first).  Run as root (as CI
# does) it installs them with apt-get; as another user it names each missing
# package and what it is for, and fails if a required one is missing.
# Building and installing alone (make && make install && make installcheck)
# needs only the first two: PostgreSQL's server headers and ICU.
set -euo pipefail

need=()		# required: make test fails without them
why=()
optional=()	# only for the package test, which needs root anyway
want() { need+=("$1"); why+=("$2"); }

pgconfig=$(command -v pg_config || true)
if [ -z "$pgconfig" ] || [ ! -f "$(pg_config --includedir-server)/postgres.h" ]; then
	want postgresql-server-dev-15 "to build: PostgreSQL's server headers and PGXS"
fi
[ -f /usr/include/unicode/unorm2.h ] || want libicu-dev "to build: ICU (NFKC folding of full-width forms)"
command -v clang >/dev/null || want clang "for the sanitizer (ASan, UBSan) and fuzzing builds of the tests"
# libFuzzer and the sanitizer runtimes
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
	want libclang-rt-14-dev "libFuzzer and the sanitizer runtimes (make fuzz, the unit tests under ASan)"
command -v pg_virtualenv >/dev/null || want postgresql-common "pg_virtualenv: the throwaway clusters of the demo and the tests"
command -v python3 >/dev/null || want python3 "the corpus scorer and the schema test"
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null ||
	want python3-jsonschema "the schema test validates parsed documents against docs/report.schema.json"
command -v pgbench >/dev/null || want postgresql-contrib "pgbench (concurrency stage, make bench) and the PostgreSQL 15 server"
# govdisc-load (docs/loading.md): libpq to connect, libxml2 and libzip to read
# .docx, OpenSSL's libcrypto for SHA-256 (libpq links it already); pdftotext
# and antiword run as programs for PDF and .doc files
[ -f /usr/include/postgresql/libpq-fe.h ] || want libpq-dev "to build govdisc-load: libpq"
[ -f /usr/include/libxml2/libxml/xmlreader.h ] || want libxml2-dev "to build govdisc-load: libxml2 (.docx)"
[ -f /usr/include/zip.h ] || want libzip-dev "to build govdisc-load: libzip (.docx)"
[ -f /usr/include/openssl/evp.h ] || want libssl-dev "to build govdisc-load: libcrypto (SHA-256)"
command -v pkg-config >/dev/null || want pkg-config "to build govdisc-load: pkg-config"
command -v pdftotext >/dev/null || want poppler-utils "govdisc-load reads PDF files with pdftotext"
command -v antiword >/dev/null || want antiword "govdisc-load reads .doc files with antiword"
# the loader's test makes the GBK page with iconv
command -v iconv >/dev/null || want libc-bin "iconv, for the loader's test"
# the Debian package (debian/, test/package.sh): dpkg-buildpackage, dh with
# pg_buildext's pgxs_loop, and the Build-Depends of debian/control
pkgs=()
command -v dpkg-buildpackage >/dev/null || pkgs+=(dpkg-dev)
command -v dh >/dev/null || pkgs+=(debhelper)
dpkg -s build-essential >/dev/null 2>&1 || pkgs+=(build-essential)
dpkg -s postgresql-all >/dev/null 2>&1 || pkgs+=(postgresql-all)
if [ "$(id -u)" = 0 ]; then
	for p in "${pkgs[@]}"; do want "$p" "to build the Debian package (test/package.sh)"; done
else
	optional=("${pkgs[@]}")
fi

if [ "$(id -u)" != 0 ]; then
	if [ ${#optional[@]} -gt 0 ]; then
		echo "govdisc: not installed, for the Debian package test (skipped when not root): ${optional[*]}" >&2
	fi
	[ ${#need[@]} -eq 0 ] && exit 0
	echo "govdisc: these Debian packages are missing:" >&2
	for i in "${!need[@]}"; do printf '  %-26s %s\n' "${need[$i]}" "${why[$i]}" >&2; done
	echo "Install them as root (apt-get install ${need[*]}), or run make deps as root." >&2
	exit 1
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
