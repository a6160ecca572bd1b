/* unit_parse.c: the parser's pieces, and gd_parse on texts written here */
#include "unit.h"
#include "match.h"
#include "split.h"
#include "text.h"
#include "utf8.h"
#include "values.h"

static GdReport *
parse(const char *s)
{
	return gd_parse(s, strlen(s), &unit_allocator);
}

static bool
has_diag(const GdReport *r, const char *code)
{
	for (int i = 0; i < r->ndiagnostics; i++)
		if (strcmp(r->diagnostics[i].code, code) == 0)
			return true;
	return false;
}

static void
test_compact_and_numbering(void)
{
	char		buf[64];

	gd_compact("规    章", strlen("规    章"), buf, sizeof(buf));
	CHECK_STR(buf, "规章");
	gd_compact("3.危及“三安全一稳定”", strlen("3.危及“三安全一稳定”"), buf, sizeof(buf));
	CHECK_STR(buf, "3.危及三安全一稳定");
	CHECK_STR(gd_strip_numbering("(一)予以公开"), "予以公开");
	CHECK_STR(gd_strip_numbering("四、结转下年度继续办理"), "结转下年度继续办理");
	CHECK_STR(gd_strip_numbering("1.属于国家秘密"), "属于国家秘密");
	CHECK_STR(gd_strip_numbering("三、(一)予以公开"), "予以公开");
	CHECK_STR(gd_strip_numbering("规章"), "规章");
	CHECK_INT(gd_clip("规章", 6, 4), 3);	/* never half a character */
	CHECK_INT(gd_clip("规章", 6, 10), 6);
}

/* The set of a joined text from its parts' sets (match.c), and where it differs from their union */
static void
test_charset_join(void)
{
	GdCharSet	a,
				b,
				joined,
				want;
	char		buf[64];

	gd_charset(&a, "行政");
	gd_charset(&b, "许可");
	strcpy(buf, "行政许可");
	joined = a;
	gd_charset_join(&joined, &b, buf, strlen("行政"));
	gd_charset(&want, buf);
	CHECK(memcmp(&joined, &want, sizeof(want)) == 0);

	/* a text cut inside a character: its last byte hashes after the first's */
	gd_charset(&a, "x\xE8\xA1");
	gd_charset(&b, "\x8Cy");
	strcpy(buf, "x\xE8\xA1\x8Cy");
	joined = a;
	gd_charset_join(&joined, &b, buf, 3);
	gd_charset(&want, buf);
	CHECK(memcmp(&joined, &want, sizeof(want)) == 0);
	CHECK(gd_charset_covers(&joined, &want) && !gd_charset_covers(&a, &want) &&
		  !gd_charset_covers(&b, &want));
	{
		GdCharSet	u = a;

		for (int w = 0; w < 4; w++)
			u.w[w] |= b.w[w];
		CHECK(!gd_charset_covers(&u, &want));	/* the union alone lacks it */
	}
}

/* gd_position: counted on from its last answer only within the same checkpoint */
static void
test_position(void)
{
	/* 规 章 a | 行 b: bytes 0 3 6 | 7 10; a checkpoint at byte 7, input character 20 */
	char		s[] = "规章a行b";
	GdCheckpoint cps[2] = {{0, 0}, {7, 20}};
	GdText		t;

	memset(&t, 0, sizeof(t));
	t.s = s;
	t.len = strlen(s);
	t.cps = cps;
	t.ncps = 2;
	t.orig_chars = 30;
	CHECK_INT(gd_position(&t, 3), 2);
	CHECK_INT(gd_position(&t, 6), 3);
	CHECK_INT(gd_position(&t, 3), 2);	/* backwards */
	CHECK_INT(gd_position(&t, 7), 21);
	CHECK_INT(gd_position(&t, 10), 22);
	CHECK_INT(gd_position(&t, 6), 3);	/* after answers at another checkpoint */
	CHECK_INT(gd_position(&t, 11), 23);
	CHECK_INT(gd_position(&t, 99), 23);	/* past the end */
	t.orig_chars = 20;
	CHECK_INT(gd_position(&t, 10), 21);	/* no further than the input */
}

static void
test_numbers(void)
{
	GdNumber	n;
	int64_t		v;

	CHECK_INT(gd_read_number("130774个", strlen("130774个"), &n), GD_CELL_OK);
	CHECK(gd_number_count(&n, &v) && v == 130774);
	CHECK_INT(gd_read_number("－20", strlen("－20"), &n), GD_CELL_TEXT);	/* not folded yet */
	CHECK_INT(gd_read_number("-20", 3, &n), GD_CELL_OK);
	CHECK(gd_number_count(&n, &v) && v == -20);
	CHECK_INT(gd_read_number("299.025万", strlen("299.025万"), &n), GD_CELL_OK);
	CHECK(gd_number_amount(&n, GD_UNIT_NONE, &v) && v == 2990250LL * GD_AMOUNT_SCALE);
	CHECK_INT(gd_read_number("329164", 6, &n), GD_CELL_OK);
	CHECK(!gd_number_amount(&n, GD_UNIT_NONE, &v));	/* no unit: no amount */
	CHECK(gd_number_amount(&n, GD_UNIT_YUAN, &v) && v == 329164LL * GD_AMOUNT_SCALE);
	CHECK_INT(gd_read_number("", 0, &n), GD_CELL_BLANK);
	CHECK_INT(gd_read_number("/", 1, &n), GD_CELL_PLACEHOLDER);
	CHECK_INT(gd_read_number("无", strlen("无"), &n), GD_CELL_PLACEHOLDER);
	CHECK_INT(gd_read_number("3.5", 3, &n), GD_CELL_OK);
	CHECK(!gd_number_count(&n, &v));
	CHECK_INT(gd_read_number("99999999999999999999", 20, &n), GD_CELL_TOO_LONG);
}

static void
test_split(void)
{
	int64_t		c[16 * 64];

	/* 713000074 is 71|3|0|0|0|0|74 once the row sum must hold */
	CHECK(gd_split("713000074", 9, 7, 0, c, 64) > 1);
	CHECK_INT(gd_split("0000000", 7, 7, 0, c, 64), 1);
	CHECK_INT(gd_split("05", 2, 1, 0, c, 64), 0);	/* no leading zeros */
	/* a sign opens only a signed cell: 0+12 is 0|+1|2 */
	CHECK_INT(gd_split("0+12", 4, 3, 2, c, 64), 1);
	CHECK_INT(c[0], 0);
	CHECK_INT(c[1], 1);
	CHECK_INT(c[2], 2);
	CHECK_INT(gd_split("0+12", 4, 3, 0, c, 64), 0);
	/* a unit closes a cell: 1个011个 is 1|0|11 */
	CHECK_INT(gd_split("1|011", 5, 3, 0, c, 64), 1);
	CHECK_INT(c[2], 11);
	/* a space is a certain boundary: 410 000041 is cut as 41|0 and 0|0|0|0|41 */
	{
		char		buf[64];
		size_t		n = gd_split_text("410 000041", 10, buf, sizeof(buf));
		int			nc;
		int			valid = 0;

		CHECK_STR(buf, "410|000041");
		nc = gd_split(buf, n, 7, 0, c, 64);
		CHECK_INT(nc, 3);		/* 4|10, 41|0 and 410 with 0|0|0|0|4|1 */
		for (int k = 0; k < nc; k++)
		{
			int64_t		sum = 0;

			for (int j = 0; j < 6; j++)
				sum += c[k * 7 + j];
			if (sum == c[k * 7 + 6])
			{
				valid++;
				CHECK_INT(c[k * 7 + 0], 41);
				CHECK_INT(c[k * 7 + 1], 0);
				CHECK_INT(c[k * 7 + 6], 41);
			}
		}
		CHECK_INT(valid, 1);
		/* 0 0 0 0 0 00 is seven zeros, and only that */
		n = gd_split_text("0 0 0 0 0 00", 12, buf, sizeof(buf));
		CHECK_INT(gd_split(buf, n, 7, 0, c, 64), 1);
		CHECK_INT(c[6], 0);
		/* more runs than cells: nothing */
		n = gd_split_text("1 2 3 4", 7, buf, sizeof(buf));
		CHECK_INT(gd_split(buf, n, 3, 0, c, 64), 0);
		/* a whole 表四 of fifteen zeros */
		n = gd_split_text("00 0 00 0 0 0 00 0 0 0 00", 25, buf, sizeof(buf));
		CHECK_INT(gd_split(buf, n, 15, 0, c, 64), 1);
		/* long runs between spaces: bounded, never an endless search */
		n = gd_split_text("123456789012 345678901234 567890123456", 38, buf, sizeof(buf));
		CHECK(gd_split(buf, n, 16, 0, c, 64) == -1);
	}
	/* too many ways: -1, never an endless search */
	CHECK_INT(gd_split("123456789012345678901234567890", 30, 7, 0, c, 64), -1);
}

/* Family 2: the numbering of the next label is not a figure of the row */
static void
test_label_numbering(void)
{
	GdReport   *r = parse("三、收到和处理政府信息公开申请情况\n"
						  "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
						  "0 0 0 0 0 002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
						  "3.其他（七）总计2 0 0 0 0 02四、结转下年度继续办理0 0 0 0 0 00\n"
						  "四、政府信息公开行政复议、行政诉讼情况\n");

	CHECK_INT(r->requests_format, 2021);
	CHECK_INT(r->requests[GD_R_OTHER_NO_CORRECTION][GD_C_TOTAL], 0);
	CHECK(r->requests[GD_R_OTHER_NO_FEE][GD_C_NATURAL_PERSON] == GD_NULL);
	CHECK(r->requests[GD_R_OTHER_NO_FEE][GD_C_TOTAL] == GD_NULL);
	CHECK(r->requests[GD_R_OTHER_MISC][GD_C_TOTAL] == GD_NULL);
	CHECK_INT(r->requests[GD_R_TOTAL][GD_C_NATURAL_PERSON], 2);
	CHECK_INT(r->requests[GD_R_TOTAL][GD_C_TOTAL], 2);
	CHECK_INT(r->requests[GD_R_CARRIED_FORWARD][GD_C_TOTAL], 0);
	CHECK(has_diag(r, "cell.blank"));
}

/* Family 5: 万元 with decimals, exact to 10^-8 万元 */
static void
test_amount_decimals(void)
{
	GdNumber	n;
	int64_t		v;

	CHECK_INT(gd_read_number("31876.402519万元", strlen("31876.402519万元"), &n), GD_CELL_OK);
	CHECK(gd_number_amount(&n, GD_UNIT_NONE, &v) && v == 3187640251900LL);
	CHECK_INT(gd_read_number("0.00000001万元", strlen("0.00000001万元"), &n), GD_CELL_OK);
	CHECK(gd_number_amount(&n, GD_UNIT_NONE, &v) && v == 1);
	CHECK_INT(gd_read_number("0.000000001万元", strlen("0.000000001万元"), &n), GD_CELL_OK);
	CHECK(!gd_number_amount(&n, GD_UNIT_NONE, &v) && gd_number_too_precise(&n, GD_UNIT_NONE));
	CHECK_INT(gd_read_number("1.00005元", strlen("1.00005元"), &n), GD_CELL_OK);
	CHECK(!gd_number_amount(&n, GD_UNIT_NONE, &v) && gd_number_too_precise(&n, GD_UNIT_NONE));
	CHECK_INT(gd_read_number("1.0001元", strlen("1.0001元"), &n), GD_CELL_OK);
	CHECK(gd_number_amount(&n, GD_UNIT_NONE, &v) && v == 10001);
	CHECK_INT(gd_read_number("400000000.5万元", strlen("400000000.5万元"), &n), GD_CELL_OK);
	CHECK(gd_number_amount(&n, GD_UNIT_NONE, &v) && v == 40000000050000000LL);
	CHECK_INT(gd_read_number("-2.5万元", strlen("-2.5万元"), &n), GD_CELL_OK);
	CHECK(gd_number_amount(&n, GD_UNIT_NONE, &v) && v == -250000000LL);
}

static void
test_parse(void)
{
	GdReport   *r;
	char	   *big;
	size_t		n = (size_t) 64 * 1024 * 1024 + 100;

	r = parse("青禾县交通运输局2021年政府信息公开工作年度报告\n"
			  "二、主动公开政府信息情况\n"
			  "\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
			  "\t规章\n\t1\n\t/\n\t3\n\n"
			  "\t行政事业性收费\n\t12.5\n\n");
	CHECK_STR(r->agency, "青禾县交通运输局");
	CHECK_INT(r->year, 2021);
	CHECK_INT(r->active_format, 2021);
	CHECK_INT(r->active[GD_A_RULES][0], 1);
	CHECK(r->active[GD_A_RULES][1] == GD_NULL);
	CHECK_INT(r->active[GD_A_RULES][2], 3);
	CHECK_INT(r->active[GD_A_FEES][0], 125000LL * GD_AMOUNT_SCALE);
	CHECK(has_diag(r, "cell.placeholder"));
	CHECK(r->requests_format == 0 && has_diag(r, "table.missing"));

	r = parse("");
	CHECK(r->template_ == GD_TPL_NONE && has_diag(r, "report.no_tables"));

	/* past 64 MB the text is cut, on a whole character */
	big = malloc(n);
	for (size_t i = 0; i + 3 <= n; i += 3)
		memcpy(big + i, "报", 3);
	memset(big + n - n % 3, ' ', n % 3);
	r = gd_parse(big, n, &unit_allocator);
	CHECK(has_diag(r, "input.truncated"));
	free(big);
}

/* 表四 as pdftotext without -layout writes it, in the order given */
static GdReport *
parse_review(const char *figures)
{
	char		buf[2048];

	snprintf(buf, sizeof(buf),
			 "某局2025年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
			 "行政复议\n\n行政诉讼\n未经复议直接起诉\n\n复议后起诉\n\n结果\n维持\n\n"
			 "总 计 结果 结果 其他 尚未\n审结\n\n%s\n五、存在的主要问题及改进情况\n无。\n",
			 figures);
	return parse(buf);
}

static void
test_review_order(void)
{
	GdReport   *r;
	static const int64_t decided[15] = {150, 40, 20, 4, 214, 3, 1, 0, 2, 6, 9, 5, 2, 1, 17};

	/* the 总计 labels and the three sums give one reading */
	r = parse_review("150\n\n40\n\n20\n\n4\n\n9\n\n5\n\n2\n\n1\n\n总计\n\n214\n\n"
					 "3\n\n1\n\n0\n\n2\n\n6\n\n总计\n\n17\n");
	for (int k = 0; k < 15; k++)
		CHECK_INT(r->review[k / 5][k % 5], decided[k]);
	CHECK(has_diag(r, "cell.order_by_sums") && !has_diag(r, "cell.ambiguous_order"));

	/* several readings disagree: those cells are null, each with a diagnostic */
	r = parse_review("1\n\n0\n\n0\n\n0\n\n1\n\n0\n\n0\n\n0\n\n总计\n\n1\n\n"
					 "0\n\n0\n\n0\n\n0\n\n0\n\n总计\n\n1\n");
	CHECK_INT(r->review[GD_V_RECONSIDERATION][GD_VC_UPHELD], 1);
	CHECK(r->review[GD_V_LITIGATION_DIRECT][GD_VC_UPHELD] == GD_NULL);
	CHECK(r->review[GD_V_LITIGATION_AFTER][GD_VC_TOTAL] == GD_NULL);
	CHECK(has_diag(r, "cell.ambiguous_order"));

	/* the text order, 总计 before the last total, that does not add up: as printed */
	r = parse_review("10\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n5\n\n0\n\n0\n\n0\n\n"
					 "总计\n\n0\n");
	CHECK_INT(r->review[GD_V_RECONSIDERATION][GD_VC_UPHELD], 10);
	CHECK_INT(r->review[GD_V_RECONSIDERATION][GD_VC_TOTAL], 0);
	CHECK_INT(r->review[GD_V_LITIGATION_AFTER][GD_VC_UPHELD], 5);
	CHECK(!has_diag(r, "cell.ambiguous_order") && !has_diag(r, "cell.order_by_sums"));
}

/* PDF converted to Markdown */
static void
test_markdown_from_pdf(void)
{
	GdReport   *r;

	r = parse("# 澄江市生态环境局\n# 2025年政府信息公开工作年度报告\n\n**一、总体情况**\n\n略。\n"
			  "## 三、收到和处理政府信息公开申请情况\n\n"
			  "| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
			  "| 一、本年新收政府信息公开申请数量 | | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"
			  "| （五）不予处理 | 2.重复申请 |\n"
			  "| | 3.要求提供公开出版勿 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
			  "| | 5.要求行政机关确认或重新 | | | | | | | |\n"
			  "| | 出具已获取信息 | | | | | | | |\n"
			  "| | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
			  "| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
			  "| | （七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |\n");
	CHECK_STR(r->agency, "澄江市生态环境局");
	CHECK_INT(r->year, 2025);
	CHECK_STR(r->sections[0].title, "总体情况");
	/* a row without cells takes none from the garbled label's row below */
	for (int c = 0; c < GD_C_NCOLS; c++)
		CHECK(r->requests[GD_R_REJECTED_DUPLICATE][c] == GD_NULL);
	/* a row over three Markdown rows; the header repeated is no 总计 row */
	CHECK_INT(r->requests[GD_R_REJECTED_CONFIRMATION][0], 1);
	CHECK_INT(r->requests[GD_R_REJECTED_CONFIRMATION][6], 1);
	CHECK_INT(r->requests[GD_R_TOTAL][0], 4);
	CHECK_INT(r->requests[GD_R_TOTAL][6], 5);
}

/*
 * A figure printed with a letter for a digit (55O, l7, 1O2) is a cell that
 * cannot be read: null, cell.unreadable with its place, the row's other
 * cells in place, and values.unreadable an error.
 */
static const GdDiagnostic *
diag(const GdReport *r, const char *code)
{
	for (int i = 0; i < r->ndiagnostics; i++)
		if (strcmp(r->diagnostics[i].code, code) == 0)
			return &r->diagnostics[i];
	return NULL;
}

static void
test_unreadable(void)
{
	static const char *const texts[] = {
		/* Word cells */
		"二、主动公开政府信息情况\n"
		"\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
		"\t规章\n\t1\n\t1O\n\t3\n\n",
		/* free text: the letter glued to the digits */
		"二、主动公开政府信息情况\n"
		"信息内容  本年制发件数  本年废止件数  现行有效件数\n"
		"规章  1  1O  3\n",
		/* a lookalike first */
		"二、主动公开政府信息情况\n"
		"信息内容  本年制发件数  本年废止件数  现行有效件数\n"
		"规章  1  l0  3\n",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
	{
		GdReport   *r = parse(texts[i]);
		const GdDiagnostic *d = diag(r, "cell.unreadable");
		GdFindings	f = {0};

		CHECK_INT(r->active_format, 2021);
		CHECK_INT(r->active[GD_A_RULES][0], 1);
		CHECK(r->active[GD_A_RULES][1] == GD_NULL);
		CHECK_INT(r->active[GD_A_RULES][2], 3);
		CHECK(d != NULL);
		if (d)
		{
			CHECK_STR(d->table, "active");
			CHECK_STR(d->row, "rules");
			CHECK_STR(d->column, "repealed");
		}
		gd_check_errors(r, &f, &unit_allocator);
		CHECK(gd_findings_have_error(&f));
		CHECK(f.n > 0 && strcmp(f.items[0].rule, "values.unreadable") == 0);
		if (f.n > 0)
			CHECK_STR(f.items[0].column, "repealed");
	}

	/* a count beyond bigint is out of range, and unreadable too */
	{
		GdReport   *r = parse("二、主动公开政府信息情况\n"
							  "\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
							  "\t规章\n\t1\n\t9223372036854775808\n\t3\n\n");
		GdFindings	f = {0};

		CHECK(r->active[GD_A_RULES][1] == GD_NULL);
		CHECK(diag(r, "cell.out_of_range") != NULL);
		gd_check_errors(r, &f, &unit_allocator);
		CHECK(f.n > 0 && strcmp(f.items[0].rule, "values.unreadable") == 0);
	}
}

int
main(void)
{
	test_compact_and_numbering();
	test_charset_join();
	test_position();
	test_numbers();
	test_split();
	test_label_numbering();
	test_amount_decimals();
	test_parse();
	test_review_order();
	test_markdown_from_pdf();
	test_unreadable();
	return unit_done();
}
