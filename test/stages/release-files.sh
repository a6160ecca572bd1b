#!/usr/bin/env bash
# The release's files (make test runs this inside a throwaway cluster): one
# version everywhere (Makefile, control file, META.json, debian/changelog,
# CHANGELOG.md), META.json as the PGXN meta spec 1.0.0 wants it, the
# licence, `make dist`, warnings not errors unless WERROR=1, the README a
# front page of at most 300 lines with the two set-up commands, every link
# of the README and docs/ leading to a file, and the README's queries
# running on the sample reports.  Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
top=$PWD

TAP_DETAIL_LINES=${TAP_DETAIL_LINES:-30}
. test/tap.sh
q() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

# ---------------------------------------------------------------- versions
ext=$(sed -n 's/^EXTVERSION = //p' Makefile)
ctl=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" govdisc.control)
meta=$(python3 -c 'import json; m = json.load(open("META.json")); print(m["version"], m["provides"]["govdisc"]["version"])')
deb=$(sed -n '1s/^govdisc (\([^)]*\)).*/\1/p' debian/changelog)
chg=$(grep -m1 '^## ' CHANGELOG.md | sed -E 's/^## ([0-9.]+).*/\1/')
if [ "$ctl" = "$ext" ] && [ "$meta" = "$ext.0 $ext.0" ] && [ "${deb%-*}" = "$ext" ] && [ "$chg" = "$ext" ]; then
	ok "one version everywhere: $ext (control, META.json $ext.0, debian $deb, CHANGELOG)"
else
	notok "one version everywhere" "Makefile $ext, control $ctl, META.json $meta, debian/changelog $deb, CHANGELOG.md $chg"
fi

# ---------------------------------------------------------------- META.json
out=$(python3 - <<'PY'
import json, os, re
m = json.load(open("META.json", encoding="utf-8"))
semver = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")
term = re.compile(r"^[^/\\\s\x00-\x1f\x7f]{2,}$")
errors = []
for k in ("name", "abstract", "version", "maintainer", "license", "provides", "meta-spec"):
    if k not in m:
        errors.append("missing " + k)
if m.get("meta-spec", {}).get("version") != "1.0.0":
    errors.append("meta-spec.version is not 1.0.0")
if not term.match(m.get("name", "")):
    errors.append("name is not a term")
if not semver.match(m.get("version", "")):
    errors.append("version is not a semantic version")
if m.get("license") not in ("postgresql",) and not (isinstance(m.get("license"), dict) and "PostgreSQL" in m["license"]):
    errors.append("license is not the PostgreSQL licence")
for name, p in m.get("provides", {}).items():
    if not term.match(name):
        errors.append("provides name %r is not a term" % name)
    for k in ("file", "version"):
        if k not in p:
            errors.append("provides.%s has no %s" % (name, k))
    for k in ("file", "docfile"):
        if k in p and not os.path.isfile(p[k]):
            errors.append("provides.%s.%s %s does not exist" % (name, k, p[k]))
    if "version" in p and not semver.match(p["version"]):
        errors.append("provides.%s.version is not a semantic version" % name)
if m.get("release_status", "stable") not in ("stable", "testing", "unstable"):
    errors.append("release_status")
for t in m.get("tags", []):
    if not re.match(r"^[^/\\\x00-\x1f\x7f]{2,}$", t) or len(t) > 255:
        errors.append("tag %r" % t)
print("\n".join(errors))
PY
)
[ -z "$out" ] && ok "META.json has the PGXN meta spec's required keys, semantic versions and existing files" ||
	notok "META.json follows the PGXN meta spec" "$out"

# ---------------------------------------------------------------- licence
if grep -q '^Copyright (c) [0-9]*, govdisc contributors$' LICENSE &&
	grep -q 'Permission to use, copy, modify, and distribute this software and its' LICENSE &&
	grep -q '"AS IS" BASIS' LICENSE; then
	ok "LICENSE: the PostgreSQL Licence, copyright govdisc contributors"
else
	notok "LICENSE: the PostgreSQL Licence, copyright govdisc contributors" "$(head -3 LICENSE)"
fi

# ---------------------------------------------------------------- build flags
# (outside the make that runs the tests, whose WERROR would be inherited)
plain=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u WERROR make -s -n -B src/pg/version.o 2>/dev/null | grep -cE -- '-Werror( |$)')
strict=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u WERROR make -s -n -B WERROR=1 src/pg/version.o 2>/dev/null | grep -cE -- '-Werror( |$)')
[ "$plain" = 0 ] && [ "$strict" -gt 0 ] && ok "no -Werror by default; WERROR=1 adds it" ||
	notok "no -Werror by default; WERROR=1 adds it" "default: $plain, WERROR=1: $strict"

# ---------------------------------------------------------------- make dist
if git rev-parse --git-dir >/dev/null 2>&1; then
	out=$(make -s dist 2>&1)
	zip=dist/govdisc-$ext.zip
	missing=$(python3 - "$zip" "govdisc-$ext/" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
prefix = sys.argv[2]
want = ["Makefile", "govdisc.control", "META.json", "LICENSE", "CHANGELOG.md", "README.md",
        "sql/govdisc--0.1.sql", "sql/govdisc--0.1--0.2.sql", "docs/report.schema.json",
        "docs/parsed-report.md", "debian/control", "debian/rules", "src/core/govdisc.h"]
print(" ".join(w for w in want if prefix + w not in names))
if any(not n.startswith(prefix) for n in names):
    print("files outside " + prefix)
PY
)
	[ -f "$zip" ] && [ -z "$missing" ] && ok "make dist writes $zip, one folder govdisc-$ext/ with the release's files" ||
		notok "make dist writes $zip with the release's files" "$out missing: $missing"
else
	skip "not a git clone: make dist (git archive) is not tried"
fi

# ---------------------------------------------------------------- documents
n=$(wc -l < README.md)
if [ "$n" -le 300 ] && grep -q '^make demo ' README.md && grep -q '^make test ' README.md; then
	ok "README.md is a front page of $n lines (at most 300) with make demo and make test"
else
	notok "README.md is a front page of at most 300 lines with make demo and make test" "$n lines"
fi
if grep -Eq '[0-9.]+ (ms|s)\b.*per report|reports/s|MB/s' README.md; then
	notok "README.md holds no benchmark figures (docs/benchmark.md does)" "$(grep -En '[0-9.]+ (ms|s)\b.*per report|reports/s|MB/s' README.md)"
else
	ok "README.md holds no benchmark figures (docs/benchmark.md does)"
fi

# every relative link of the README and docs/*.md leads to a file; docs/loading.md
# is written on another branch and may not be here yet
out=$(python3 - <<'PY'
import os, re
pending = {"docs/loading.md"}
bad = []
for f in ["README.md", "CHANGELOG.md"] + ["docs/" + n for n in sorted(os.listdir("docs")) if n.endswith(".md")]:
    text = open(f, encoding="utf-8").read()
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        path = os.path.normpath(os.path.join(os.path.dirname(f), target.split("#")[0]))
        if path in pending:
            continue
        if not os.path.exists(path):
            bad.append("%s: %s" % (f, target))
print("\n".join(bad))
PY
)
[ -z "$out" ] && ok "every link of README.md, CHANGELOG.md and docs/*.md leads to a file" ||
	notok "every link of README.md, CHANGELOG.md and docs/*.md leads to a file" "$out"

# the contract the tests use is the one in docs/
grep -q '^schema=docs/report.schema.json$' test/stages/schema.sh &&
	ok "the schema stage validates against docs/report.schema.json" ||
	notok "the schema stage validates against docs/report.schema.json"

# ------------------------------------------------------ the README's queries
db=govdisc_readme
work=$(mktemp -d)
chmod 755 "$work"
trap 'dropdb --if-exists "$db" 2>/dev/null; rm -rf "$work"' EXIT
dropdb --if-exists "$db" 2>/dev/null
createdb "$db"
q "$db" -c "CREATE EXTENSION govdisc" >/dev/null
mkdir -p "$work/reports"
# the README's example file name holds one of the project's samples
cp test/samples/reports/word-2021-blank-orgs.txt "$work/reports/jiaxian-2020.txt"
awk '/^<!-- readme-test:/ { on = 1; next } /^<!-- end of readme-test -->/ { on = 0 }
	on && /^```sql$/ { inb = 1; next } inb && /^```$/ { inb = 0; print ""; next } inb { print }' \
	README.md > "$work/readme.sql"
nq=$(grep -c ';$' "$work/readme.sql")
out=$(cd "$work" && q "$db" -f "$work/readme.sql" 2>&1)
rc=$?
rows=$(q "$db" -c "SELECT count(*) FROM reports WHERE doc ->> 'template' IS NOT NULL")
if [ $rc = 0 ] && [ "$rows" = 1 ] && [ "$nq" -ge 7 ]; then
	ok "the README's $nq statements run in order on a fresh database"
else
	notok "the README's statements run in order on a fresh database" "$out"
fi
# the five queries return what they say on the loaded report
out=$(q "$db" -c "SELECT count(*) FROM reports r CROSS JOIN LATERAL govdisc_report(r.doc) g WHERE g.agency IS NOT NULL" \
	-c "SELECT count(*) > 50 FROM reports r CROSS JOIN LATERAL govdisc_cells(r.doc) c")
[ "$(echo $out)" = "1 t" ] && ok "the README's loaded report has its header and cells" ||
	notok "the README's loaded report has its header and cells" "$out"

tap_done
