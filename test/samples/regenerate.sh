#!/usr/bin/env bash
# Rebuilds the sample reports (test/samples/reports) and the document a
# perfect parse returns for each (test/samples/gold) with tools/gen_reports.c.
# Deterministic: the same generator gives the same files, byte for byte.
# Every sample names what it is there to exercise.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen=${GEN_REPORTS:-}
if [ -z "$gen" ]; then
	gen=$tmp/gen_reports
	${CC:-cc} -std=c99 -O2 -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
		-o "$gen" ../../tools/gen_reports.c
fi
rm -rf reports gold
mkdir -p reports gold

# sample NAME SEED OPTIONS...
sample() {
	local name=$1 seed=$2
	shift 2
	"$gen" --seed "$seed" --name "$name" --reports reports --gold gold "$@"
}

# Word text: one cell per line, vertical 三、本年度办理结果, headers broken
# over lines, units in 表二 cells, signed 本年增/减, amount in 万元
sample word-2019-vertical-units 101 --layout word --format 2019 --scale 2 \
	--vertical --units --signs --no-placeholders --amount wan-yuan --numbering paren --headings cn
# Word text, 2021: organisation columns left blank, placeholders (/ —), 1、 headings
sample word-2021-blank-orgs 102 --layout word --format 2021 --scale 2 \
	--blank-orgs --placeholders --headings arabic --no-fullwidth --numbering paren
# Word text, 2021: ㈠ numbering, full-width digits
sample word-2021-circled-fullwidth 103 --layout word --format 2021 --scale 2 \
	--numbering circled --fullwidth --no-blank-orgs --headings cn
# Word text, 2019: 表四 left blank, 采购总金额 with no unit anywhere (amount unknown)
sample word-2019-blank-review 104 --layout word --format 2019 --scale 1 \
	--blank-review --amount none --no-blank-orgs --numbering paren --headings cn
# Does not add up: 表三 row total off by one, 表四 行政复议 total off by one,
# and the prose states a different number of new requests
sample word-2021-does-not-add-up 105 --layout word --format 2021 --scale 2 \
	--break row_sum,review_sum,prose --no-blank-orgs --no-blank-review --numbering paren --headings cn

# Web text with |-separated cells broken over lines; half-width (一) and
# punctuation; 发布时间 header
sample pipe-2019-ascii 201 --layout pipe --format 2019 --scale 2 \
	--numbering ascii --crawler --amount wan --no-blank-orgs
# Web text, 2021: ⑴ numbering, units
sample pipe-2021-dparen-units 202 --layout pipe --format 2021 --scale 3 \
	--numbering dparen --units --no-crawler --no-blank-orgs

# HTML with rowspan/colspan and &nbsp;, blank organisation columns, 发布日期
sample html-2021-blank-orgs 301 --layout html --format 2021 --scale 2 \
	--blank-orgs --crawler --numbering paren
# HTML, 2019: amount under a header （元）, label variants (规    章, 结果维护)
sample html-2019-header-unit 302 --layout html --format 2019 --scale 2 \
	--amount header-yuan --variants --no-blank-orgs --numbering paren --no-crawler
# Does not add up: （七）总计 printed as zeros
sample html-2019-does-not-add-up 303 --layout html --format 2019 --scale 1 \
	--break results_sum --no-blank-orgs --numbering paren --no-crawler

# pdftotext -layout: cells separated by runs of spaces, page numbers inside tables
sample pdflayout-2021 401 --layout pdflayout --format 2021 --scale 3 --numbering paren
# A mixed report: 2021 表二 with the 2019 表三 (single （六）其他处理)
sample pdflayout-mixed 402 --layout pdflayout --format mixed --year 2022 --scale 2 --numbering paren

# Markdown tables, 2021 with placeholders
sample markdown-2021-placeholders 501 --layout markdown --format 2021 --scale 2 \
	--placeholders --no-blank-orgs --numbering paren
# Markdown, 2019: full-width digits, signed values, amount 万 under a header
sample markdown-2019-fullwidth-signed 502 --layout markdown --format 2019 --scale 2 \
	--fullwidth --signs --amount header-wan --no-blank-orgs --numbering paren

# Web text, cells separated by single spaces, crawler header lines
sample spaced-2019-crawler 601 --layout spaced --format 2019 --scale 2 --crawler --numbering paren
sample spaced-2021-variants 602 --layout spaced --format 2021 --scale 2 --crawler --variants --numbering paren

# Web text whose cells run together; gold lists cells with no unique split
sample runtogether-2021 701 --layout runtogether --format 2021 --scale 1 --crawler --numbering paren
sample runtogether-2019-uncertain 750 --layout runtogether --format 2019 --scale 1 --crawler --numbering paren

echo "$(ls reports | wc -l) reports, $(ls gold | wc -l) gold documents in $here"
