#!/usr/bin/env bash
# The unlabeled corpus (issue 14): ../shared/corpus/unlabeled holds real
# reports without gold.  survey-corpus says, per file, whether all three
# tables were read complete and whether their sums hold; most real reports
# add up, so the number that are complete and consistent may only go up:
# test/corpus/survey holds it.  Skipped where ../shared does not exist.
# Run by test/db-tests.sh inside pg_virtualenv.
set -u
cd "$(dirname "$0")/../.."
tool=../shared/tools/survey-corpus
if [ ! -x "$tool" ] || [ ! -d ../shared/corpus/unlabeled ]; then
	echo "survey of the unlabeled corpus: skipped, ../shared does not exist"
	echo "0 passed, 0 failed"
	exit 0
fi
. test/tap.sh
want=$(cat test/corpus/survey)
db=govdisc_survey
createdb "$db" || die "createdb $db"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
out=$(PGDATABASE=$db python3 "$tool")
echo "$out" | sed 's/^/# /'
got=$(echo "$out" | tail -1 | sed -nE 's/^survey: ([0-9]+) of [0-9]+ complete.*/\1/p')
if [ -z "$got" ]; then
	notok "survey-corpus ran" "no closing line: $(echo "$out" | tail -1)"
elif [ "$got" -lt "$want" ]; then
	notok "at least $want unlabeled reports complete and consistent" "only $got"
else
	ok "at least $want unlabeled reports complete and consistent ($got)"
	[ "$got" -gt "$want" ] && echo "# survey: $got, more than the recorded $want: raise test/corpus/survey"
fi
tap_done
