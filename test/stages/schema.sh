#!/usr/bin/env bash
# Every document govdisc_parse returns validates against the contract's JSON
# Schema, the copy that ships in the repository (docs/report.schema.json,
# beside the contract docs/parsed-report.md): the corpus (where ../shared
# exists), the project's samples, and damaged input.  Run by test/db-tests.sh inside pg_virtualenv.
set -u
cd "$(dirname "$0")/../.."
schema=docs/report.schema.json
if [ ! -f "$schema" ]; then
	echo "schema: $schema does not exist"
	echo "0 passed, 1 failed"
	exit 1
fi
py=
for c in python3 /usr/bin/python3; do
	if "$c" -c 'import jsonschema' 2>/dev/null; then py=$c; break; fi
done
if [ -z "$py" ]; then
	echo "schema: no python3 with jsonschema (Debian package python3-jsonschema)"
	echo "0 passed, 1 failed"
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=(test/samples/reports/*)
[ -d ../shared/corpus/reports ] && files+=(../shared/corpus/reports/*)
{
	echo '\set ON_ERROR_STOP 1'
	echo 'CREATE EXTENSION IF NOT EXISTS govdisc;'
	for f in "${files[@]}"; do
		echo "\\set body \`cat '$f'\`"
		echo "SELECT '$(basename "$f")' || E'\\t' || govdisc_parse(:'body')::text;"
		# the same report cut in half: damaged input must still give a document
		echo "SELECT '$(basename "$f") (first half)' || E'\\t' || govdisc_parse(substr(:'body', 1, length(:'body') / 2))::text;"
	done
	n=0
	for t in "''" "'没有表格的文字。'" "repeat('0 ', 1000)" "'<table><tr><td>规章<td>1'"; do
		n=$((n + 1))
		echo "SELECT 'damaged input $n' || E'\\t' || govdisc_parse($t)::text;"
	done
} > "$work/parse.sql"
psql -X -q -At -f "$work/parse.sql" > "$work/docs.tsv" || { echo "0 passed, 1 failed"; exit 1; }

"$py" - "$schema" "$work/docs.tsv" <<'PY'
import json, sys
from jsonschema import Draft202012Validator
validator = Draft202012Validator(json.load(open(sys.argv[1], encoding="utf-8")))
passed = failed = 0
# the control: a document the schema must reject
if list(validator.iter_errors({"schema": 2, "template": "2020"})):
    passed += 1
else:
    failed += 1
    print("FAIL control: the schema accepted an invalid document")
for line in open(sys.argv[2], encoding="utf-8"):
    name, doc = line.rstrip("\n").split("\t", 1)
    errors = sorted(validator.iter_errors(json.loads(doc)), key=lambda e: list(e.path))
    if errors:
        failed += 1
        print("FAIL %s: %s at %s" % (name, errors[0].message[:200], "/".join(map(str, errors[0].path))))
    else:
        passed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
