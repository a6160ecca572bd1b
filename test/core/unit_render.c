/* unit_render.c: the three tables laid out again as text, Markdown and HTML */
#include "unit.h"

static int	releases;

static void
count_release(void *ctx, void *ptr)
{
	releases++;
}

static const char *
render(const GdReport *r, GdRenderFormat fmt)
{
	size_t		len;
	char	   *s = gd_render(r, fmt, &unit_allocator, &len);

	CHECK_INT(len, strlen(s));
	return s;
}

static bool
contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle))
		return true;
	fprintf(stderr, "--- missing:\n%s\n--- in:\n%s\n", needle, hay);
	return false;
}

static int
count_of(const char *hay, const char *needle)
{
	int			n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + strlen(needle), needle))
		n++;
	return n;
}

/* every line of a Markdown table has the same number of unescaped | */
static bool
markdown_rows_even(const char *s)
{
	int			want = -1;

	while (*s)
	{
		const char *eol = strchr(s, '\n');
		int			n = 0;

		if (!eol)
			eol = s + strlen(s);
		if (*s == '|')
		{
			for (const char *p = s; p < eol; p++)
				if (*p == '|' && (p == s || p[-1] != '\\'))
					n++;
			if (want < 0)
				want = n;
			else if (n != want)
				return false;
		}
		else
			want = -1;			/* next table */
		s = *eol ? eol + 1 : eol;
	}
	return true;
}

static void
fill_2019(GdReport *r)
{
	gd_report_init(r);
	r->template_ = GD_TPL_2019;
	r->agency = "宜春市人民防空办公室";
	r->year = 2020;
	strcpy(r->published, "2021-01-15");
	r->active_format = 2019;
	r->active[GD_A_RULES][0] = 0;
	r->active[GD_A_RULES][1] = 0;
	r->active[GD_A_RULES][2] = 0;
	r->active[GD_A_LICENSING][0] = 8;
	r->active[GD_A_LICENSING][1] = -2;
	r->active[GD_A_LICENSING][2] = 124;
	r->active[GD_A_FEES][0] = 2;
	r->active[GD_A_FEES][1] = 0;
	r->active[GD_A_PROCUREMENT][0] = 5;
	r->active[GD_A_PROCUREMENT][1] = 2990250LL * GD_AMOUNT_SCALE;
	r->procurement_amount_text = "299.025万";
	r->requests_format = 2019;
	for (int row = 0; row < GD_R_NROWS; row++)
		for (int c = 0; c < GD_C_NCOLS; c++)
			if (gd_request_row_in_format(row, 2019))
				r->requests[row][c] = row * 10 + c;
	r->requests[GD_R_DENIED_LAW][GD_C_NGO] = GD_NULL;
	r->review_present = true;
	for (int row = 0; row < GD_V_NROWS; row++)
		for (int c = 0; c < GD_VC_NCOLS; c++)
			r->review[row][c] = row * 5 + c;
}

static void
fill_2021(GdReport *r)
{
	gd_report_init(r);
	r->template_ = GD_TPL_2021;
	r->agency = "测试市";
	r->year = 2025;
	r->active_format = 2021;
	r->active[GD_A_RULES][0] = 3;
	r->active[GD_A_RULES][1] = 5;
	r->active[GD_A_RULES][2] = 74;
	r->active[GD_A_LICENSING][0] = 11398889;
	r->active[GD_A_FEES][0] = 3164410000LL * GD_AMOUNT_SCALE;
	r->requests_format = 2021;
	for (int c = 0; c < GD_C_NCOLS; c++)
		r->requests[GD_R_OTHER_MISC][c] = 900 + c;
	r->review_present = false;
}

static void
test_text_2019(void)
{
	GdReport	r;
	const char *s;

	fill_2019(&r);
	s = render(&r, GD_RENDER_TEXT);
	CHECK(strncmp(s, "宜春市人民防空办公室2020年政府信息公开工作年度报告\n\n", 70) == 0);
	CHECK(contains(s, "\n二、主动公开政府信息情况\n\n\t第二十条第（一）项\n\n"
				   "\t信息内容\n\t本年新制作数量\n\t本年新公开数量\n\t对外公开总数量\n\n"
				   "\t规章\n\t0\n\t0\n\t0\n\n"
				   "\t规范性文件\n\t\n\t\n\t\n\n"));
	/* signed change as printed, a blank row stays blank */
	CHECK(contains(s, "\t行政许可\n\t8\n\t-2\n\t124\n\n\t其他对外管理服务事项\n\t\n\t\n\t\n\n"));
	/* two-column sub-tables: one cell stretches, so three cells per row */
	CHECK(contains(s, "\t第二十条第（八）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\n"
				   "\t行政事业性收费\n\t2\n\t0\n\n"));
	/* the amount cell as printed, with its unit */
	CHECK(contains(s, "\t信息内容\n\t采购项目数量\n\t采购总金额\n\n\t政府集中采购\n\t5\n\t299.025万\n\n"));
	/* 表三 header: the caption, then an empty cell under each merged one */
	CHECK(contains(s, "\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\t申请人情况\n\n"
				   "\t\n\t自然人\n\t法人或其他组织\n\t总计\n\n"
				   "\t\n\t\n\t商业企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t\n\n"
				   "\t一、本年新收政府信息公开申请数量\n\t0\n\t1\n\t2\n\t3\n\t4\n\t5\n\t6\n\n"));
	CHECK(contains(s, "\t三、本年度办理结果\n\t（一）予以公开\n\t20\n"));
	CHECK(contains(s, "\n\n\t\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\t30\n"));
	CHECK(contains(s, "\n\n\t\n\t（三）不予公开\n\t1.属于国家秘密\n\t40\n"));
	/* a blank cell is an empty cell */
	CHECK(contains(s, "\n\n\t\n\t\n\t2.其他法律行政法规禁止公开\n\t50\n\t51\n\t52\n\t\n\t54\n"));
	CHECK(contains(s, "\n\n\t\n\t（六）其他处理\n\t200\n"));
	CHECK(contains(s, "\n\n\t\n\t（七）总计\n\t240\n"));
	CHECK(contains(s, "\n\n\t四、结转下年度继续办理\n\t250\n\t251\n"));
	CHECK(!strstr(s, "3.其他"));
	/* 表四: three header rows and the figures */
	CHECK(contains(s, "四、政府信息公开行政复议、行政诉讼情况\n\n\t行政复议\n\t行政诉讼\n\n"
				   "\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\t未经复议直接起诉\n\t复议后起诉\n\n"
				   "\t\n\t\n\t\n\t\n\t\n"
				   "\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n"
				   "\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\n"
				   "\t0\n\t1\n\t2\n\t3\n\t4\n\t5\n\t6\n\t7\n\t8\n\t9\n\t10\n\t11\n\t12\n\t13\n\t14\n\n"));
	CHECK(contains(s, "\n2021年1月15日\n\n"));
	/* one row per line group: every cell line begins with a tab */
	CHECK_INT(count_of(s, "\t1.属于国家秘密\n"), 1);
}

static void
test_text_2021(void)
{
	GdReport	r;
	const char *s;

	fill_2021(&r);
	s = render(&r, GD_RENDER_TEXT);
	CHECK(strncmp(s, "测试市2025年政府信息公开工作年度报告\n\n", 50) == 0);
	CHECK(contains(s, "\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
				   "\t规章\n\t3\n\t5\n\t74\n\n\t行政规范性文件\n\t\n\t\n\t\n\n"));
	CHECK(contains(s, "\t第二十条第（五）项\n\n\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t11398889\n\n"
				   "\t第二十条第（六）项\n\n"));
	/* 本年收费金额 in 万元, as its header says */
	CHECK(contains(s, "\t信息内容\n\t本年收费金额（单位：万元）\n\n\t行政事业性收费\n\t316441\n\n"));
	CHECK(!strstr(s, "第二十条第（九）项"));
	CHECK(!strstr(s, "其他对外管理服务事项"));
	/* （六） is a sub-heading over three rows */
	CHECK(contains(s, "\n\n\t\n\t（六）其他处理\n\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n\t\n"));
	CHECK(contains(s, "\n\n\t\n\t\n\t3.其他\n\t900\n\t901\n\t902\n\t903\n\t904\n\t905\n\t906\n\n"));
	/* no 表四: its heading alone */
	CHECK(contains(s, "四、政府信息公开行政复议、行政诉讼情况\n\n"));
	CHECK(!strstr(s, "行政复议\n"));
	CHECK(!strstr(s, "年1月"));
}

static void
test_markdown(void)
{
	GdReport	r;
	const char *s;

	fill_2019(&r);
	s = render(&r, GD_RENDER_MARKDOWN);
	CHECK(strncmp(s, "# 宜春市人民防空办公室2020年政府信息公开工作年度报告\n\n", 72) == 0);
	CHECK(contains(s, "## 二、主动公开政府信息情况\n\n| 第二十条第（一）项 |  |  |  |\n|---|---|---|---|\n"
				   "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"));
	CHECK(contains(s, "| 行政事业性收费 | 2 | 0 |  |\n"));
	CHECK(contains(s, "| 三、本年度办理结果 | （一）予以公开 |  | 20 | 21 | 22 | 23 | 24 | 25 | 26 |\n"));
	CHECK(contains(s, "|  | （三）不予公开 | 1.属于国家秘密 | 40 |"));
	CHECK(contains(s, "|  |  | 2.其他法律行政法规禁止公开 | 50 | 51 | 52 |  | 54 | 55 | 56 |\n"));
	CHECK(contains(s, "| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n|---|"));
	CHECK(markdown_rows_even(s));
	CHECK_INT(count_of(s, "\n|---|"), 3);

	fill_2021(&r);
	r.agency = "A|B";
	s = render(&r, GD_RENDER_MARKDOWN);
	CHECK(markdown_rows_even(s));
	CHECK_INT(count_of(s, "\n|---|"), 2);
	CHECK(contains(s, "| 行政许可 | 11398889 |  |  |\n"));
}

static void
test_html(void)
{
	GdReport	r;
	const char *s;

	fill_2019(&r);
	r.agency = "<A&B>";
	s = render(&r, GD_RENDER_HTML);
	CHECK(contains(s, "<title>&lt;A&amp;B&gt;2020年政府信息公开工作年度报告</title>"));
	CHECK(contains(s, "<h1>&lt;A&amp;B&gt;2020年政府信息公开工作年度报告</h1>\n"
				   "<h2>二、主动公开政府信息情况</h2>\n<table border=\"1\">\n"
				   "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>\n"));
	CHECK(contains(s, "<tr><td>行政事业性收费</td><td>2</td><td colspan=\"2\">0</td></tr>\n"));
	CHECK(contains(s, "<tr><td rowspan=\"3\" colspan=\"3\">（本列数据"
				   "的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>\n"
				   "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n"
				   "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n"));
	/* 2019: 三、本年度办理结果 spans 2 + 8 + 3 + 5 + 1 + 1 rows */
	CHECK(contains(s, "<tr><td rowspan=\"20\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td><td>20</td>"));
	CHECK(contains(s, "<tr><td rowspan=\"8\">（三）不予公开</td><td>1.属于国家秘密</td>"));
	CHECK(contains(s, "<tr><td>2.其他法律行政法规禁止公开</td><td>50</td><td>51</td><td>52</td><td></td><td>54</td>"));
	CHECK(contains(s, "<tr><td colspan=\"2\">（六）其他处理</td><td>200</td>"));
	CHECK(contains(s, "<tr><td colspan=\"3\">四、结转下年度继续办理</td><td>250</td>"));
	CHECK(contains(s, "<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>\n"
				   "<tr><td rowspan=\"2\">结果维持</td>"));
	CHECK(contains(s, "<td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>\n"
				   "<tr><td>结果维持</td>"));
	CHECK(contains(s, "<p>2021年1月15日</p>\n</body>\n</html>\n"));
	CHECK_INT(count_of(s, "<table"), 3);
	CHECK_INT(count_of(s, "</table>"), 3);

	fill_2021(&r);
	s = render(&r, GD_RENDER_HTML);
	CHECK(contains(s, "<tr><td rowspan=\"22\">三、本年度办理结果</td>"));
	CHECK(contains(s, "<tr><td rowspan=\"3\">（六）其他处理</td><td>1.申请人"));
	CHECK(contains(s, "<tr><td>行政事业性收费</td><td colspan=\"3\">316441</td></tr>"));
	CHECK_INT(count_of(s, "<table"), 2);
}

/* amounts: 万元 exact to the scale, the procurement header carries the unit */
static void
test_amounts(void)
{
	GdReport	r;
	const char *s;

	fill_2021(&r);
	r.active[GD_A_FEES][0] = 123456;	/* 12.3456 yuan = 0.00123456 万元 */
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t行政事业性收费\n\t0.00123456\n"));
	r.active[GD_A_FEES][0] = 276500LL * GD_AMOUNT_SCALE;
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t行政事业性收费\n\t27.65\n"));

	fill_2019(&r);
	r.procurement_amount_text = "329164";
	r.active[GD_A_PROCUREMENT][1] = 329164LL * GD_AMOUNT_SCALE;
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t采购总金额（元）\n\n\t政府集中采购\n\t5\n\t329164\n"));
	r.procurement_amount_text = "5";
	r.active[GD_A_PROCUREMENT][1] = 50000LL * GD_AMOUNT_SCALE;
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t采购总金额（万元）\n\n\t政府集中采购\n\t5\n\t5\n"));
	/* amount but no printed text (a hand-made document) */
	r.procurement_amount_text = NULL;
	r.active[GD_A_PROCUREMENT][1] = 5866501000LL;
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t采购总金额（元）\n\n\t政府集中采购\n\t5\n\t586650.1\n"));
	/* printed without a unit and none known: left as printed */
	r.procurement_amount_text = "12";
	r.active[GD_A_PROCUREMENT][1] = GD_NULL;
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t采购总金额\n\n\t政府集中采购\n\t5\n\t12\n"));
	/* printed text that disagrees with the amount: the amount wins */
	r.procurement_amount_text = "7";
	r.active[GD_A_PROCUREMENT][1] = 9LL * GD_AMOUNT_SCALE;
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t采购总金额（元）\n\n\t政府集中采购\n\t5\n\t9\n"));
	r.procurement_amount_text = NULL;
	r.active[GD_A_PROCUREMENT][1] = GD_NULL;
	s = render(&r, GD_RENDER_TEXT);
	CHECK(contains(s, "\t采购总金额\n\n\t政府集中采购\n\t5\n\t\n\n"));
}

/* an empty report: a title and the headings, no tables */
static void
test_empty(void)
{
	GdReport	r;
	const char *s;
	GdAllocator a = unit_allocator;

	gd_report_init(&r);
	s = render(&r, GD_RENDER_TEXT);
	CHECK_STR(s, "政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
			  "三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n");
	s = render(&r, GD_RENDER_MARKDOWN);
	CHECK(!strstr(s, "|"));

	/* an allocator that releases: the scratch blocks go back */
	a.release = count_release;
	fill_2019(&r);
	{
		size_t		len;

		releases = 0;
		s = gd_render(&r, GD_RENDER_HTML, &a, &len);
		CHECK(releases >= 2);
		CHECK(len > 4000);
		CHECK(contains(s, "</html>\n"));
	}
}

int
main(void)
{
	test_text_2019();
	test_text_2021();
	test_markdown();
	test_html();
	test_amounts();
	test_empty();
	return unit_done();
}
