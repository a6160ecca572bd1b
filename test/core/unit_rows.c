/*
 * unit_rows.c: a row of more explicit cells than columns (gd_place_cells),
 * on cells written here and through gd_parse: blank cells dropped where
 * that is certain, and no value where it is not.
 */
#include "unit.h"
#include "rows.h"

static GdParser parser;
static GdToken toks[32];
static const GdToken *row[32];

/*
 * A row of cells from "| |5|3|" (the cells between the bars, " " blank):
 * row[0 .. n-1], tokens of parser's text.
 */
static int
cells(const char *spec)
{
	int			n = 0;
	size_t		len = strlen(spec);

	parser.t.s = (char *) spec;
	parser.t.len = len;
	for (size_t i = 1; i < len && n < 32; n++)
	{
		size_t		end = i;

		while (end < len && spec[end] != '|')
			end++;
		if (end == len)
			break;
		memset(&toks[n], 0, sizeof(toks[n]));
		toks[n].off = i;
		toks[n].len = (uint32_t) (end - i);
		toks[n].kind = GD_TK_VALUE;
		toks[n].cell = true;
		row[n] = &toks[n];
		i = end + 1;
	}
	return n;
}

/* the k placed cells as "|a|b|…|", to compare */
static const char *
placed(int k)
{
	static char buf[256];
	size_t		len = 0;

	buf[len++] = '|';
	for (int c = 0; c < k; c++)
	{
		memcpy(buf + len, parser.t.s + row[c]->off, row[c]->len);
		len += row[c]->len;
		buf[len++] = '|';
	}
	buf[len] = '\0';
	return buf;
}

static void
test_place_cells(void)
{
	int			n;

	/* blank cells a merge leaves before the first figure */
	n = cells("| | |1|2|3|");
	CHECK(gd_place_cells(&parser, row, n, 3, 0));
	CHECK_STR(placed(3), "|1|2|3|");
	/* ... or after the last */
	n = cells("|1|2|3| |");
	CHECK(gd_place_cells(&parser, row, n, 3, 0));
	CHECK_STR(placed(3), "|1|2|3|");
	/* exactly k cells filled: a separator printed twice, anywhere */
	n = cells("|1| |2| |3|");
	CHECK(gd_place_cells(&parser, row, n, 3, 0));
	CHECK_STR(placed(3), "|1|2|3|");
	/* more figures than columns: nothing certain, the cells left as they are */
	n = cells("|1| |2|3|4|");
	CHECK(!gd_place_cells(&parser, row, n, 3, 0));
	CHECK_STR(placed(5), "|1| |2|3|4|");
	/* a row all blank is the same either way */
	n = cells("| | | |");
	CHECK(gd_place_cells(&parser, row, n, 2, 0));
	CHECK(row[0] == &toks[1] && row[1] == &toks[2]);

	/*
	 * Blank at both ends: the figures stand in different columns either
	 * way.  表三's 总计 (one group of seven) decides where it can hold for
	 * one placement only: 5 + 3 > 0, so the figures open the row.
	 */
	n = cells("| |5|3|0|0|0|0| |");
	CHECK(gd_place_cells(&parser, row, n, 7, 7));
	CHECK_STR(placed(7), "|5|3|0|0|0|0| |");
	/* the same with its 总计 after the gap: 5 + 3 = 8 holds either way */
	n = cells("| |5|3|0|0|0|8| |");
	CHECK(!gd_place_cells(&parser, row, n, 7, 7));
	CHECK_STR(placed(8), "| |5|3|0|0|0|8| |");
	/* undecided: 3 = 3 with the first column not known, or 总计 not known */
	n = cells("| |3|0|0|0|0|3| |");
	CHECK(!gd_place_cells(&parser, row, n, 7, 7));
	CHECK_STR(placed(8), "| |3|0|0|0|0|3| |");
	/* without sums (表二) nothing decides */
	n = cells("| |1| |");
	CHECK(!gd_place_cells(&parser, row, n, 2, 0));
	CHECK_STR(placed(3), "| |1| |");

	/* 表四, three groups of five: 2 + 0 + 0 + 2 > 1, so the figures close the row */
	n = cells("| |2|0|0|2|1|0|0|0|1|0|0|0|0|0| |");
	CHECK(gd_place_cells(&parser, row, n, 15, 5));
	CHECK_STR(placed(15), "| |2|0|0|2|1|0|0|0|1|0|0|0|0|0|");
	/* all zeros hold either way */
	n = cells("| |0|0|0|0|0|0|0|0|0|0|0|0|0|0| |");
	CHECK(!gd_place_cells(&parser, row, n, 15, 5));
	/* a cell that is no count is not known, like a blank one: 0 + 0 + 2 > 1 still */
	n = cells("| |x|0|0|2|1|0|0|0|1|0|0|0|0|0| |");
	CHECK(gd_place_cells(&parser, row, n, 15, 5));
	CHECK_STR(placed(15), "| |x|0|0|2|1|0|0|0|1|0|0|0|0|0|");
}

static GdReport *
parse(const char *s)
{
	return gd_parse(s, strlen(s), &unit_allocator);
}

static const GdDiagnostic *
diag(const GdReport *r, const char *code, const char *table, const char *row_key,
	 const char *column)
{
	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];

		if (strcmp(d->code, code) == 0 && strcmp(d->table, table) == 0 &&
			(row_key == NULL ? d->row == NULL : d->row && strcmp(d->row, row_key) == 0) &&
			(column == NULL ? d->column == NULL : d->column && strcmp(d->column, column) == 0))
			return d;
	}
	return NULL;
}

static const char requests_head[] =
"# 某局2021年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n"
"| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |  |  |  |  |  |  |\n"
"|---|---|---|---|---|---|---|---|---|---|\n"
"|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n"
"|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |\n";

static const char review_head[] =
"\n## 四、政府信息公开行政复议、行政诉讼情况\n\n"
"| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n"
"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
"| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |\n"
"|  |  |  |  |  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n";

static const char tail[] = "\n## 五、存在的主要问题及改进情况\n\n无。\n";

/* Markdown rows with a blank cell at both ends, through the table readers */
static void
test_parse_rows(void)
{
	char		buf[8192];
	GdReport   *r;
	const GdDiagnostic *d;

	/*
	 * 表三: the first row decided by its sum (the figures open it, 总计
	 * blank); the second not (3 = 3 either way): no value, row.incomplete;
	 * the third has a merged label's blanks before its figures only.
	 */
	snprintf(buf, sizeof(buf), "%s%s%s%s%s%s", requests_head,
			 "| 一、本年新收政府信息公开申请数量 |  | 5 | 3 | 0 | 0 | 0 | 0 |  |\n",
			 "| 二、上年结转政府信息公开申请数量 |  | 3 | 0 | 0 | 0 | 0 | 3 |  |\n",
			 "| 四、结转下年度继续办理 |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
			 review_head,
			 "|  | 2 | 0 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |  |\n");
	strncat(buf, tail, sizeof(buf) - strlen(buf) - 1);
	r = parse(buf);
	CHECK_INT(r->requests[GD_R_RECEIVED][GD_C_NATURAL_PERSON], 5);
	CHECK_INT(r->requests[GD_R_RECEIVED][GD_C_ENTERPRISE], 3);
	CHECK_INT(r->requests[GD_R_RECEIVED][GD_C_OTHER_ORG], 0);
	CHECK(r->requests[GD_R_RECEIVED][GD_C_TOTAL] == GD_NULL);
	CHECK(diag(r, "cell.blank", "requests", "received", "total") != NULL);
	CHECK(diag(r, "row.incomplete", "requests", "received", NULL) == NULL);
	for (int c = 0; c < GD_C_NCOLS; c++)
		CHECK(r->requests[GD_R_CARRIED_OVER][c] == GD_NULL);
	d = diag(r, "row.incomplete", "requests", "carried_over", NULL);
	CHECK(d != NULL);
	if (d)
		CHECK_STR(d->message, "二、上年结转政府信息公开申请数量：应有 7 个单元格，读到 8 个，无法确定对应的列");
	CHECK_INT(r->requests[GD_R_CARRIED_FORWARD][GD_C_ENTERPRISE], 0);
	CHECK_INT(r->requests[GD_R_CARRIED_FORWARD][GD_C_TOTAL], 1);

	/* 表四 decided by its sums: the figures close the row */
	CHECK(r->review_present);
	CHECK(r->review[GD_V_RECONSIDERATION][GD_VC_UPHELD] == GD_NULL);
	CHECK_INT(r->review[GD_V_RECONSIDERATION][GD_VC_CORRECTED], 2);
	CHECK_INT(r->review[GD_V_RECONSIDERATION][GD_VC_TOTAL], 2);
	CHECK_INT(r->review[GD_V_LITIGATION_DIRECT][GD_VC_UPHELD], 1);
	CHECK_INT(r->review[GD_V_LITIGATION_AFTER][GD_VC_TOTAL], 0);
	CHECK(diag(r, "cell.blank", "review", "reconsideration", "upheld") != NULL);

	/* 表四 of zeros, blank at both ends: it adds up either way, no value */
	snprintf(buf, sizeof(buf), "%s%s%s%s", requests_head,
			 "| 一、本年新收政府信息公开申请数量 |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
			 review_head,
			 "|  | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |\n");
	strncat(buf, tail, sizeof(buf) - strlen(buf) - 1);
	r = parse(buf);
	CHECK(r->review_present);
	for (int k = 0; k < GD_V_NROWS * GD_VC_NCOLS; k++)
		CHECK(r->review[k / GD_VC_NCOLS][k % GD_VC_NCOLS] == GD_NULL);
	d = diag(r, "row.incomplete", "review", NULL, NULL);
	CHECK(d != NULL);
	if (d)
		CHECK_STR(d->message, "表四：应有 15 个单元格，读到更多，无法确定对应的列");
	CHECK_INT(r->requests[GD_R_RECEIVED][GD_C_TOTAL], 0);
}

int
main(void)
{
	test_place_cells();
	test_parse_rows();
	return unit_done();
}
