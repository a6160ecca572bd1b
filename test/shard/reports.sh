# Report texts for the scale-out and parallel tests (sourced, not run).
#
# gd_report_files DIR: print the report files to load, one per line: the
# shared corpus and the project's own samples, whichever exist.  With
# neither, writes synthetic reports into DIR and prints those, so the tests
# still run (with less realistic data).
#
# gd_staging_sql FILE...: print psql commands that create the table
# report_files(fileno, name, body) and load each file into it from the
# client side (the server need not be able to read the files).

gd_report_files() {
	local dir=$1 repo shared f n=0
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	shared=${GOVDISC_SHARED:-$repo/../shared}
	for f in "$shared"/corpus/reports/* "$repo"/test/samples/reports/*; do
		[ -f "$f" ] && [ -r "$f" ] || continue
		# A file that is not UTF-8 text is not a report these tests can load.
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || continue
		echo "$f"
		n=$((n + 1))
	done
	if [ "$n" = 0 ]; then
		echo "no corpus or sample reports found: using synthetic reports" >&2
		gd_synthetic_reports "$dir" 12
	fi
}

gd_staging_sql() {
	local f i=0
	echo "CREATE TABLE report_files (fileno int PRIMARY KEY, name text NOT NULL, body text NOT NULL);"
	for f in "$@"; do
		i=$((i + 1))
		printf '\\set name %s\n' "'$(basename "$f" | sed "s/'/''/g")'"
		# psql runs the backquoted command through the shell; quote the path.
		printf "\\\\set body \`cat '%s'\`\n" "$(printf '%s' "$f" | sed "s/'/'\\\\''/g")"
		printf "INSERT INTO report_files VALUES (%d, :'name', :'body');\n" "$i"
	done
}

# gd_synthetic_reports DIR COUNT: 2021-format reports with Markdown tables,
# deterministic numbers; every third one breaks the 表三 balance rule.
gd_synthetic_reports() {
	local dir=$1 count=$2 k
	mkdir -p "$dir"
	for ((k = 1; k <= count; k++)); do
		gd_synthetic_report "$k" >"$dir/synthetic-$k.md"
		echo "$dir/synthetic-$k.md"
	done
}

gd_synthetic_report() {
	local k=$1 seed a row v year agency R
	local -a recv carr fwd gran part held tot
	# shellcheck disable=SC1111  # the template's own quotation marks
	local -a rows=("（一）予以公开" "（二）部分公开"
		"（三）不予公开 1.属于国家秘密" "2.其他法律行政法规禁止公开"
		"3.危及“三安全一稳定”" "4.保护第三方合法权益" "5.属于三类内部事务信息"
		"6.属于四类过程性信息" "7.属于行政执法案卷" "8.属于行政查询事项"
		"（四）无法提供 1.本机关不掌握相关政府信息" "2.没有现成信息需要另行制作"
		"3.补正后申请内容仍不明确" "（五）不予处理 1.信访举报投诉类申请" "2.重复申请"
		"3.要求提供公开出版物" "4.无正当理由大量反复申请"
		"5.要求行政机关确认或重新出具已获取信息"
		"（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" "3.其他")
	year=$((2021 + k % 4))
	local -a depts=(教育局 财政局 民政局 交通运输局 水利局 卫生健康委员会 应急管理局 医疗保障局)
	local -a places=(青石县 白沙县 云溪区 长林市)
	agency="${places[k % 4]}${depts[k % 8]}"
	seed=$((k * 7919 + 17))
	# rnd N: a number below N in R (no subshell, so the seed advances)
	rnd() { seed=$(((seed * 1103515245 + 12345) % 2147483648)); R=$(((seed >> 8) % $1)); }
	for a in 0 1 2 3 4 5; do
		rnd $((a == 0 ? 40 : 6)); recv[a]=$R
		rnd 3; carr[a]=$R
		rnd 2; fwd[a]=$R
		[ "${fwd[a]}" -gt $((recv[a] + carr[a])) ] && fwd[a]=0
		tot[a]=$((recv[a] + carr[a] - fwd[a]))
		part[a]=$((tot[a] / 4)); held[a]=$((tot[a] / 5))
		gran[a]=$((tot[a] - part[a] - held[a]))
	done
	# sums over the six applicant columns, as the 总计 column
	sum() { local -n arr=$1; echo $((arr[0] + arr[1] + arr[2] + arr[3] + arr[4] + arr[5])); }
	line() { local label=$1; shift; printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$@"; }
	cat <<TEXT
${agency}${year}年政府信息公开工作年度报告

本报告依据《中华人民共和国政府信息公开条例》编制。

一、总体情况

${year}年，${agency}认真落实政府信息公开工作要求。全年新收政府信息公开申请$(sum recv)件。

二、主动公开政府信息情况

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | $((k % 5)) | 0 | $((k % 5 + 3)) |

| 信息内容 | 本年处理决定数量 |
|---|---|
| 行政许可 | $((k * 13)) |
| 行政处罚 | $((k * 3)) |
| 行政强制 | 0 |

| 信息内容 | 本年收费金额（单位：万元） |
|---|---|
| 行政事业性收费 | 0 |

三、收到和处理政府信息公开申请情况

| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
TEXT
	line "一、本年新收政府信息公开申请数量" "${recv[@]}" "$(sum recv)"
	line "二、上年结转政府信息公开申请数量" "${carr[@]}" "$(sum carr)"
	for row in "${rows[@]}"; do
		case $row in
		"（一）予以公开") line "三、本年度办理结果 $row" "${gran[@]}" "$(sum gran)" ;;
		"（二）部分公开") line "$row" "${part[@]}" "$(sum part)" ;;
		"（四）无法提供 1.本机关不掌握相关政府信息") line "$row" "${held[@]}" "$(sum held)" ;;
		*) line "$row" 0 0 0 0 0 0 0 ;;
		esac
	done
	v=$(sum tot)
	[ $((k % 3)) = 0 ] && v=$((v + 1))
	line "（七）总计" "${tot[@]}" "$v"
	line "四、结转下年度继续办理" "${fwd[@]}" "$(sum fwd)"
	cat <<TEXT

四、政府信息公开行政复议、行政诉讼情况

| 行政复议 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 复议后起诉 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

五、存在的主要问题及改进情况

信息公开的及时性有待提高，下一步将加强培训。

六、其他需要报告的事项

本年度未收取信息处理费。

${agency}
$((year + 1))年1月20日
TEXT
}
