/*
 * unit_rules.c: the rule catalog on GdReport structs filled here, each rule
 * both holding and failing, blank operands not assessable, and the order
 * of the findings.
 */
#include "unit.h"

static GdReport reports[4];

/* 表三 row with figures for 自然人 and 商业企业, the other applicants 0 */
static void
set_req(GdReport *r, int row, int64_t np, int64_t ent)
{
	for (int c = 0; c < GD_C_NCOLS; c++)
		r->requests[row][c] = 0;
	r->requests[row][GD_C_NATURAL_PERSON] = np;
	r->requests[row][GD_C_ENTERPRISE] = ent;
	r->requests[row][GD_C_TOTAL] = np + ent;
}

static void
set_sections(GdReport *r)
{
	r->nsections = 6;
	for (int i = 0; i < 6; i++)
	{
		r->sections[i].no = i + 1;
		r->sections[i].title = gd_section_titles[i];
		r->sections[i].start = 100 * i + 1;
		r->sections[i].length = 100;
	}
}

static void
fill_requests(GdReport *r, int format)
{
	r->requests_format = format;
	for (int row = 0; row < GD_R_NROWS; row++)
		if (gd_request_row_in_format(row, format))
			set_req(r, row, 0, 0);
	set_req(r, GD_R_RECEIVED, 10, 2);
	set_req(r, GD_R_CARRIED_OVER, 1, 0);
	set_req(r, GD_R_GRANTED, 6, 2);
	set_req(r, GD_R_PARTIAL, 1, 0);
	set_req(r, GD_R_UNAVAILABLE_NOT_HELD, 2, 0);
	set_req(r, GD_R_TOTAL, 9, 2);
	set_req(r, GD_R_CARRIED_FORWARD, 2, 0);

	r->review_present = true;
	for (int row = 0; row < GD_V_NROWS; row++)
		for (int c = 0; c < GD_VC_NCOLS; c++)
			r->review[row][c] = 0;
	r->review[GD_V_RECONSIDERATION][GD_VC_UPHELD] = 2;
	r->review[GD_V_RECONSIDERATION][GD_VC_CORRECTED] = 1;
	r->review[GD_V_RECONSIDERATION][GD_VC_TOTAL] = 3;
}

/* A complete report in the 2019 format, on 2020, that breaks no rule. */
static GdReport *
base_2019(int slot)
{
	GdReport   *r = &reports[slot];
	static const int64_t active[GD_A_NROWS][GD_A_NCOLS] = {
		[GD_A_RULES] = {1, 1, 5},
		[GD_A_NORMATIVE] = {2, 2, 10},
		[GD_A_LICENSING] = {10, 2, 30},
		[GD_A_OTHER_SERVICES] = {3, 0, 7},
		[GD_A_PENALTIES] = {4, -1, 9},
		[GD_A_COERCION] = {0, 0, 0},
		[GD_A_FEES] = {1, 0, GD_NULL},
		[GD_A_PROCUREMENT] = {3, 500000LL * GD_AMOUNT_SCALE, GD_NULL},
	};

	gd_report_init(r);
	r->template_ = GD_TPL_2019;
	r->agency = "测试局";
	r->year = 2020;
	set_sections(r);
	r->active_format = 2019;
	memcpy(r->active, active, sizeof(active));
	r->procurement_amount_text = "50万元";
	fill_requests(r, 2019);
	return r;
}

/* The same in the 2021 format, on 2022, with part 六 on 信息处理费. */
static GdReport *
base_2021(int slot)
{
	GdReport   *r = &reports[slot];
	static const int64_t active[GD_A_NROWS][GD_A_NCOLS] = {
		[GD_A_RULES] = {1, 0, 5},
		[GD_A_NORMATIVE] = {2, 1, 10},
		[GD_A_LICENSING] = {30, GD_NULL, GD_NULL},
		[GD_A_OTHER_SERVICES] = {GD_NULL, GD_NULL, GD_NULL},
		[GD_A_PENALTIES] = {9, GD_NULL, GD_NULL},
		[GD_A_COERCION] = {0, GD_NULL, GD_NULL},
		[GD_A_FEES] = {12345LL * GD_AMOUNT_SCALE, GD_NULL, GD_NULL},
		[GD_A_PROCUREMENT] = {GD_NULL, GD_NULL, GD_NULL},
	};

	gd_report_init(r);
	r->template_ = GD_TPL_2021;
	r->year = 2022;
	set_sections(r);
	r->active_format = 2021;
	memcpy(r->active, active, sizeof(active));
	fill_requests(r, 2021);
	r->fees_present = true;
	r->fee_cases = 0;
	r->fee_amount = 0;
	return r;
}

static GdFindings
check(const GdReport *r)
{
	GdFindings	f = {0};

	gd_check(r, &f, &unit_allocator);
	return f;
}

static GdFindings
check_pair(const GdReport *prev, const GdReport *cur)
{
	GdFindings	f = {0};

	gd_check_pair(prev, cur, &f, &unit_allocator);
	return f;
}

static int
count(const GdFindings *f, const char *rule)
{
	int			n = 0;

	for (int i = 0; i < f->n; i++)
		if (strcmp(f->items[i].rule, rule) == 0)
			n++;
	return n;
}

/* the nth (0-based) finding of a rule, or an empty one */
static const GdFinding *
nth(const GdFindings *f, const char *rule, int k)
{
	static const GdFinding none = {"(none)"};

	for (int i = 0; i < f->n; i++)
		if (strcmp(f->items[i].rule, rule) == 0 && k-- == 0)
			return &f->items[i];
	return &none;
}

static void
test_valid_bases(void)
{
	GdFindings	f = check(base_2019(0));

	CHECK_INT(f.n, 0);
	CHECK(!gd_findings_have_error(&f));
	f = check(base_2021(0));
	CHECK_INT(f.n, 0);
	CHECK(!gd_findings_have_error(&f));
}

static void
test_requests_balance(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	/* 新收 one more, counted in the row's total too: only the balance breaks */
	r->requests[GD_R_RECEIVED][GD_C_NATURAL_PERSON] = 11;
	r->requests[GD_R_RECEIVED][GD_C_TOTAL] = 13;
	f = check(r);
	CHECK_INT(f.n, 2);
	CHECK_INT(count(&f, "requests.balance"), 2);
	CHECK(gd_findings_have_error(&f));
	x = nth(&f, "requests.balance", 0);
	CHECK_INT(x->severity, GD_SEV_ERROR);
	CHECK_STR(x->table, "requests");
	CHECK_STR(x->row, NULL);
	CHECK_STR(x->column, "natural_person");
	CHECK(x->has_expected && x->has_actual && !x->amount);
	CHECK_INT(x->expected, 12);
	CHECK_INT(x->actual, 11);
	CHECK_STR(x->message, "表三“自然人”列：第一项加第二项之和（12）不等于第三项加第四项之和（11）");
	CHECK_STR(nth(&f, "requests.balance", 1)->column, "total");
	CHECK_STR(nth(&f, "requests.balance", 1)->message,
			  "表三“总计”列：第一项加第二项之和（14）不等于第三项加第四项之和（13）");

	/* a blank operand: that column is not assessable, the blank is listed once */
	r->requests[GD_R_CARRIED_FORWARD][GD_C_NATURAL_PERSON] = GD_NULL;
	f = check(r);
	CHECK_INT(count(&f, "requests.balance"), 1);
	CHECK_STR(nth(&f, "requests.balance", 0)->column, "total");
	CHECK_INT(count(&f, "requests.row_sum"), 0);
	CHECK_INT(count(&f, "completeness.blank_cells"), 1);
	CHECK_INT(f.n, 2);
}

static void
test_requests_results_sum(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->requests[GD_R_DENIED_SECRET][GD_C_NATURAL_PERSON] = 1;
	r->requests[GD_R_DENIED_SECRET][GD_C_TOTAL] = 1;
	f = check(r);
	CHECK_INT(f.n, 2);
	CHECK_INT(count(&f, "requests.results_sum"), 2);
	x = nth(&f, "requests.results_sum", 0);
	CHECK_STR(x->row, "total");
	CHECK_STR(x->column, "natural_person");
	CHECK_INT(x->expected, 10);
	CHECK_INT(x->actual, 9);
	CHECK_STR(x->message, "表三“自然人”列：“（七）总计”（9）不等于（一）至（六）各项之和（10）");

	/* 2019 counts （六）其他处理, not the 2021 sub-rows */
	r = base_2019(0);
	r->requests[GD_R_OTHER_NO_FEE][GD_C_TOTAL] = 5;
	CHECK_INT(check(r).n, 0);
	r->requests[GD_R_OTHER_HANDLING][GD_C_TOTAL] = 5;
	f = check(r);
	CHECK_INT(count(&f, "requests.results_sum"), 1);
	CHECK_INT(count(&f, "requests.row_sum"), 1);

	/* 2021 counts the three sub-rows of （六） */
	r = base_2021(0);
	r->requests[GD_R_OTHER_HANDLING][GD_C_TOTAL] = 5;
	CHECK_INT(check(r).n, 0);
	r->requests[GD_R_OTHER_MISC][GD_C_OTHER_ORG] = 1;
	r->requests[GD_R_OTHER_MISC][GD_C_TOTAL] = 1;
	f = check(r);
	CHECK_INT(f.n, 2);
	CHECK_STR(nth(&f, "requests.results_sum", 0)->column, "other_org");
	CHECK_STR(nth(&f, "requests.results_sum", 1)->column, "total");

	/* one blank result row: not assessable in that column */
	r = base_2019(0);
	r->requests[GD_R_DENIED_LAW][GD_C_TOTAL] = GD_NULL;
	r->requests[GD_R_TOTAL][GD_C_TOTAL] = 99;
	f = check(r);
	CHECK_INT(count(&f, "requests.results_sum"), 0);
}

static void
test_requests_row_sum(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->requests[GD_R_REJECTED_DUPLICATE][GD_C_TOTAL] = 1;
	f = check(r);
	CHECK_INT(count(&f, "requests.row_sum"), 1);
	x = nth(&f, "requests.row_sum", 0);
	CHECK_STR(x->row, "rejected_duplicate");
	CHECK_STR(x->column, "total");
	CHECK_INT(x->expected, 0);
	CHECK_INT(x->actual, 1);
	CHECK_STR(x->message,
			  "表三“（五）不予处理 2.重复申请”行：“总计”（1）不等于自然人至其他各列之和（0）");
	/* the same cell also breaks the results sum of the total column */
	CHECK_INT(count(&f, "requests.results_sum"), 1);
	CHECK_INT(f.n, 2);

	/* a blank applicant column: not assessable */
	r->requests[GD_R_REJECTED_DUPLICATE][GD_C_LEGAL] = GD_NULL;
	f = check(r);
	CHECK_INT(count(&f, "requests.row_sum"), 0);
}

static void
test_review_sum(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->review[GD_V_RECONSIDERATION][GD_VC_TOTAL] = 0;
	r->review[GD_V_LITIGATION_AFTER][GD_VC_UPHELD] = 5;
	f = check(r);
	CHECK_INT(f.n, 2);
	CHECK_INT(count(&f, "review.sum"), 2);
	x = nth(&f, "review.sum", 0);
	CHECK_STR(x->table, "review");
	CHECK_STR(x->row, "reconsideration");
	CHECK_STR(x->column, "total");
	CHECK_INT(x->expected, 3);
	CHECK_INT(x->actual, 0);
	CHECK_STR(x->message, "表四“行政复议”：“总计”（0）不等于结果维持、结果纠正、其他结果、尚未审结之和（3）");
	x = nth(&f, "review.sum", 1);
	CHECK_STR(x->row, "litigation_after_reconsideration");
	CHECK_STR(x->message, "表四“行政诉讼 复议后起诉”：“总计”（0）不等于结果维持、结果纠正、其他结果、尚未审结之和（5）");

	/* only the total known (a mostly blank 表四): not assessable */
	r = base_2019(0);
	for (int c = 0; c < GD_VC_TOTAL; c++)
		r->review[GD_V_LITIGATION_DIRECT][c] = GD_NULL;
	f = check(r);
	CHECK_INT(count(&f, "review.sum"), 0);
	CHECK_INT(count(&f, "completeness.blank_cells"), 1);
}

static void
test_values_non_negative(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	/* 本年增/减 may be negative (the base has -1 already) */
	r->active[GD_A_LICENSING][1] = -5;
	CHECK_INT(check(r).n, 0);

	r->active[GD_A_COERCION][2] = -1;
	r->active[GD_A_PROCUREMENT][1] = -15000;	/* -1.5 yuan */
	r->review[GD_V_LITIGATION_DIRECT][GD_VC_PENDING] = -2;
	r->review[GD_V_LITIGATION_DIRECT][GD_VC_OTHER] = 2;
	f = check(r);
	CHECK_INT(count(&f, "values.non_negative"), 3);
	CHECK_INT(f.n, 3);
	x = nth(&f, "values.non_negative", 0);
	CHECK_STR(x->table, "active");
	CHECK_STR(x->row, "coercion");
	CHECK_STR(x->column, "decisions");
	CHECK(!x->has_expected && x->has_actual);
	CHECK_INT(x->actual, -1);
	CHECK_STR(x->message, "表二“行政强制”行“处理决定数量”为负数（-1），只有“本年增/减”可以为负");
	x = nth(&f, "values.non_negative", 1);
	CHECK(x->amount);
	CHECK_INT(x->actual, -15000);
	CHECK_STR(x->message, "表二“政府集中采购”行“采购总金额”为负数（-1.5），只有“本年增/减”可以为负");
	x = nth(&f, "values.non_negative", 2);
	CHECK_STR(x->message, "表四“行政诉讼 未经复议直接起诉”“尚未审结”为负数（-2），只有“本年增/减”可以为负");

	r = base_2021(0);
	r->fee_cases = -1;
	f = check(r);
	CHECK_INT(f.n, 1);
	CHECK_STR(nth(&f, "values.non_negative", 0)->table, "processing_fees");
	CHECK_STR(nth(&f, "values.non_negative", 0)->column, "cases");
}

static void
test_completeness_tables(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;

	r->review_present = false;
	f = check(r);
	CHECK_INT(f.n, 1);
	CHECK_STR(nth(&f, "completeness.tables", 0)->table, "review");
	CHECK_STR(nth(&f, "completeness.tables", 0)->message,
			  "缺少表四“政府信息公开行政复议、行政诉讼情况”：年度报告必须包含表二、表三和表四");
	CHECK(gd_findings_have_error(&f));

	gd_report_init(r);
	f = check(r);
	CHECK_INT(count(&f, "completeness.tables"), 3);
	CHECK_STR(nth(&f, "completeness.tables", 0)->table, "active");
	CHECK_STR(nth(&f, "completeness.tables", 1)->table, "requests");
	/* and nothing else is judged on tables that are not there */
	CHECK_INT(f.n, 4);
	CHECK_INT(count(&f, "completeness.sections"), 1);

	/* a table that is present but blank is present */
	r = base_2019(0);
	for (int row = 0; row < GD_R_NROWS; row++)
		for (int c = 0; c < GD_C_NCOLS; c++)
			r->requests[row][c] = GD_NULL;
	r->requests[GD_R_RECEIVED][GD_C_TOTAL] = 0;
	f = check(r);
	CHECK_INT(count(&f, "completeness.tables"), 0);
	CHECK(!gd_findings_have_error(&f));
	CHECK_INT(count(&f, "completeness.blank_cells"), 23);
}

static void
test_completeness_blank_cells(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->requests[GD_R_PARTIAL][GD_C_RESEARCH] = GD_NULL;
	r->requests[GD_R_PARTIAL][GD_C_LEGAL] = GD_NULL;
	for (int c = 0; c < GD_A_NCOLS; c++)
		r->active[GD_A_RULES][c] = GD_NULL;
	f = check(r);
	CHECK_INT(f.n, 2);
	x = nth(&f, "completeness.blank_cells", 0);
	CHECK_INT(x->severity, GD_SEV_WARNING);
	CHECK_STR(x->table, "active");
	CHECK_STR(x->row, "rules");
	CHECK_STR(x->column, "made,published,total");
	CHECK_STR(x->message, "表二“规章”行整行空白（3个单元格）");
	x = nth(&f, "completeness.blank_cells", 1);
	CHECK_STR(x->row, "partial");
	CHECK_STR(x->column, "research,legal");
	CHECK_STR(x->message,
			  "表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行有2个空白单元格：科研机构、法律服务机构");
	CHECK(!gd_findings_have_error(&f));

	/* an amount printed without a unit is not blank: its text is kept */
	r = base_2019(0);
	r->active[GD_A_PROCUREMENT][1] = GD_NULL;
	CHECK_INT(check(r).n, 0);
	r->procurement_amount_text = NULL;
	f = check(r);
	CHECK_INT(f.n, 1);
	CHECK_STR(nth(&f, "completeness.blank_cells", 0)->column, "amount_yuan");
}

static void
test_completeness_sections(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->sections[4] = r->sections[5];
	r->nsections = 5;
	f = check(r);
	CHECK_INT(f.n, 1);
	x = nth(&f, "completeness.sections", 0);
	CHECK_INT(x->severity, GD_SEV_WARNING);
	CHECK_INT(x->expected, 6);
	CHECK_INT(x->actual, 5);
	CHECK_STR(x->message, "年度报告应有六个部分，缺少1个：五、存在的主要问题及改进情况");

	r = base_2019(0);
	r->sections[2].no = 4;
	r->sections[3].no = 3;
	f = check(r);
	CHECK_INT(f.n, 1);
	CHECK_STR(nth(&f, "completeness.sections", 0)->message,
			  "第三部分“收到和处理政府信息公开申请情况”出现在第四部分“政府信息公开行政复议、行政诉讼情况”之后：六个部分应按一至六的顺序排列");
}

static void
test_template_year(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->year = 2019;
	CHECK_INT(check(r).n, 0);
	r->year = 2022;
	f = check(r);
	CHECK_INT(f.n, 1);
	x = nth(&f, "template.year", 0);
	CHECK_INT(x->expected, 2021);
	CHECK_INT(x->actual, 2019);
	CHECK_STR(x->message, "2022年度的报告采用了2019年格式，应采用2021年格式（国办公开办函〔2021〕30号）");

	r = base_2021(0);
	r->year = 2020;
	f = check(r);
	CHECK_INT(count(&f, "template.year"), 1);
	CHECK_INT(nth(&f, "template.year", 0)->expected, 2019);

	/* unknown year: not assessable */
	r->year = 0;
	CHECK_INT(check(r).n, 0);

	/* mixed is always flagged */
	r = base_2019(0);
	r->template_ = GD_TPL_MIXED;
	r->year = 2023;
	r->active_format = 2021;
	for (int row = 0; row < GD_A_NROWS; row++)
		for (int c = 0; c < GD_A_NCOLS; c++)
			r->active[row][c] = 0;
	r->fees_present = true;
	r->fee_cases = r->fee_amount = 0;
	f = check(r);
	CHECK_INT(f.n, 1);
	CHECK_STR(nth(&f, "template.year", 0)->message,
			  "各表格式不一致（表二采用2021年格式，表三采用2019年格式）：2023年度的报告应统一采用2021年格式");
}

static void
test_active_decisions_vs_items(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->active[GD_A_PENALTIES][2] = 3;	/* 4 + (-1) */
	f = check(r);
	CHECK_INT(f.n, 1);
	x = nth(&f, "active.decisions_vs_items", 0);
	CHECK_STR(x->row, "penalties");
	CHECK_STR(x->column, "decisions");
	CHECK_INT(x->expected, 3);
	CHECK_INT(x->actual, 3);
	CHECK_STR(x->message, "表二“行政处罚”行：“处理决定数量”（3）恰好等于“上一年项目数量”加“本年增/减”（4-1），疑似把项目数量填进了处理决定数量栏");

	/* a row of zeros (the base's 行政强制) says nothing; a blank is not assessable */
	r->active[GD_A_PENALTIES][1] = GD_NULL;
	f = check(r);
	CHECK_INT(count(&f, "active.decisions_vs_items"), 0);

	/* the 2021 format has no item counts */
	f = check(base_2021(0));
	CHECK_INT(count(&f, "active.decisions_vs_items"), 0);
}

static void
test_fees_disclosed(void)
{
	GdReport   *r = base_2021(0);
	GdFindings	f;

	r->fees_present = false;
	f = check(r);
	CHECK_INT(f.n, 1);
	CHECK_STR(nth(&f, "fees.disclosed", 0)->message,
			  "第六部分“其他需要报告的事项”未说明是否收取信息处理费（2021年格式要求说明）");
	/* the 2019 format does not ask */
	CHECK_INT(check(base_2019(0)).n, 0);
}

static void
test_prose_requests(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;

	r->prose.received = 12;
	r->prose.carried_forward = 2;
	r->prose.reconsideration = 3;
	r->prose.litigation = 0;
	CHECK_INT(check(r).n, 0);
	/* the year's caseload, new and carried over together: 12 + 1 */
	r->prose.received = 13;
	CHECK_INT(check(r).n, 0);
	r->prose.received = 14;
	r->prose.litigation = 2;
	f = check(r);
	CHECK_INT(f.n, 2);
	x = nth(&f, "prose.requests", 0);
	CHECK_STR(x->row, "received");
	CHECK_INT(x->expected, 14);
	CHECK_INT(x->actual, 12);
	CHECK_STR(x->message, "正文所述新收政府信息公开申请（14件）与表三“一、本年新收政府信息公开申请数量”行“总计”列（12）不一致");
	x = nth(&f, "prose.requests", 1);
	CHECK_STR(x->table, "review");
	CHECK_STR(x->row, NULL);
	CHECK_INT(x->actual, 0);
}

static void
test_order(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	static const char *const want[] = {
		"requests.balance", "requests.row_sum", "review.sum", "values.non_negative",
		"completeness.blank_cells", "completeness.sections", "template.year",
	};

	r->year = 2021;
	r->nsections = 0;
	r->requests[GD_R_RECEIVED][GD_C_TOTAL] = 13;
	r->review[GD_V_RECONSIDERATION][GD_VC_TOTAL] = 4;
	r->active[GD_A_RULES][0] = -1;
	r->active[GD_A_RULES][1] = GD_NULL;
	f = check(r);
	CHECK_INT(f.n, 7);
	for (int i = 0; i < f.n && i < 7; i++)
		CHECK_STR(f.items[i].rule, want[i]);
	CHECK_STR(nth(&f, "completeness.sections", 0)->message,
			  "年度报告应有六个部分，缺少6个：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项");
}

static void
test_overflow(void)
{
	GdReport   *r = base_2019(0);
	GdFindings	f;
	const GdFinding *x;
	GdWide		others = 0;
	char		buf[GD_WIDE_BUFSIZE];

	/*
	 * Sums beyond int64 are taken in 128 bits: the rule is judged and the
	 * finding carries the true sum, never "not assessable".
	 */
	for (int c = GD_C_RESEARCH; c < GD_C_TOTAL; c++)
		others += r->requests[GD_R_RECEIVED][c];
	r->requests[GD_R_RECEIVED][GD_C_NATURAL_PERSON] = INT64_MAX;
	r->requests[GD_R_RECEIVED][GD_C_ENTERPRISE] = INT64_MAX;
	f = check(r);
	CHECK_INT(count(&f, "requests.row_sum"), 1);
	x = nth(&f, "requests.row_sum", 0);
	CHECK(x->expected == (GdWide) INT64_MAX * 2 + others);
	gd_wide_format(x->expected, buf);
	CHECK(strstr(x->message, buf) != NULL);
	CHECK(strstr(x->message, "18446744073709551") != NULL);
	/* 自然人 and 商业企业 columns */
	CHECK_INT(count(&f, "requests.balance"), 2);
	CHECK(gd_findings_have_error(&f));

	/* a total at the top of the range, with parts that add up beyond it */
	r = base_2019(0);
	r->review[GD_V_RECONSIDERATION][GD_VC_UPHELD] = INT64_MAX;
	r->review[GD_V_RECONSIDERATION][GD_VC_CORRECTED] = 1;
	r->review[GD_V_RECONSIDERATION][GD_VC_OTHER] = 0;
	r->review[GD_V_RECONSIDERATION][GD_VC_PENDING] = 0;
	r->review[GD_V_RECONSIDERATION][GD_VC_TOTAL] = INT64_MAX;
	f = check(r);
	CHECK_INT(count(&f, "review.sum"), 1);
	x = nth(&f, "review.sum", 0);
	CHECK(x->expected == (GdWide) INT64_MAX + 1);
	CHECK(x->actual == INT64_MAX);
	CHECK(strstr(x->message, "（9223372036854775807）不等于") != NULL);
	CHECK(strstr(x->message, "之和（9223372036854775808）") != NULL);

	gd_wide_format(-((GdWide) INT64_MAX * 3), buf);
	CHECK_STR(buf, "-27670116110564327421");
	gd_wide_format(0, buf);
	CHECK_STR(buf, "0");
}

/* the finding of a rule on the given row, or an empty one */
static const GdFinding *
on_row(const GdFindings *f, const char *rule, const char *row)
{
	static const GdFinding none = {"(none)"};

	for (int i = 0; i < f->n; i++)
		if (strcmp(f->items[i].rule, rule) == 0 && f->items[i].row &&
			strcmp(f->items[i].row, row) == 0)
			return &f->items[i];
	return &none;
}

/*
 * The sums are taken in 64 bits only where that is exact (every cell in
 * [0, 2^58)); parts whose 64-bit sum wraps round to the total must still
 * be told apart from it, and parts just under the limit summed exactly.
 */
static void
test_quick_sums(void)
{
	static const int big_rows[4] = {GD_R_GRANTED, GD_R_PARTIAL, GD_R_DENIED_SECRET,
	GD_R_OTHER_HANDLING};
	const int64_t two62 = (int64_t) 1 << 62,
				under58 = ((int64_t) 1 << 58) - 1;
	GdReport   *r;
	GdFindings	f;
	const GdFinding *x;

	/* (一) to (六): four parts of 2^62 add up to 2^64, which wraps to 0 */
	r = base_2019(0);
	for (int row = GD_R_GRANTED; row <= GD_R_OTHER_HANDLING; row++)
		r->requests[row][GD_C_NATURAL_PERSON] = 0;
	for (int i = 0; i < 4; i++)
		r->requests[big_rows[i]][GD_C_NATURAL_PERSON] = two62;
	r->requests[GD_R_TOTAL][GD_C_NATURAL_PERSON] = 0;
	f = check(r);
	CHECK_INT(count(&f, "requests.results_sum"), 1);
	x = nth(&f, "requests.results_sum", 0);
	CHECK_STR(x->column, "natural_person");
	CHECK(x->expected == (GdWide) 1 << 64);
	CHECK(x->actual == 0);

	/* parts just under 2^58: summed exactly, and equal to their total */
	for (int i = 0; i < 4; i++)
		r->requests[big_rows[i]][GD_C_NATURAL_PERSON] = under58;
	r->requests[GD_R_TOTAL][GD_C_NATURAL_PERSON] = 4 * under58;
	f = check(r);
	CHECK_INT(count(&f, "requests.results_sum"), 0);
	r->requests[GD_R_TOTAL][GD_C_NATURAL_PERSON] = 4 * under58 + 1;
	f = check(r);
	CHECK_INT(count(&f, "requests.results_sum"), 1);
	CHECK(nth(&f, "requests.results_sum", 0)->expected == (GdWide) 4 * under58);

	/* a row: the same wrap across its columns */
	r = base_2019(0);
	for (int c = 0; c < GD_C_TOTAL; c++)
		r->requests[GD_R_CARRIED_FORWARD][c] = c < 4 ? two62 : 0;
	r->requests[GD_R_CARRIED_FORWARD][GD_C_TOTAL] = 0;
	f = check(r);
	x = on_row(&f, "requests.row_sum", "carried_forward");
	CHECK(x->expected == (GdWide) 1 << 64);
	CHECK(x->actual == 0);
	/* and a blank among parts that would add up: not assessable */
	r->requests[GD_R_CARRIED_FORWARD][0] = GD_NULL;
	f = check(r);
	CHECK_STR(on_row(&f, "requests.row_sum", "carried_forward")->rule, "(none)");
}

static void
test_pair(void)
{
	GdReport   *prev = base_2019(0);
	GdReport   *cur = base_2019(1);
	GdFindings	f;
	const GdFinding *x;

	prev->year = 2019;
	/* 上年结转 of the current = 结转下年度 of the previous (1 vs 2 in the bases) */
	set_req(prev, GD_R_CARRIED_FORWARD, 1, 0);
	set_req(prev, GD_R_TOTAL, 10, 2);
	set_req(prev, GD_R_GRANTED, 7, 2);
	/* prior(Y) = prior(Y-1) + change(Y-1) */
	prev->active[GD_A_LICENSING][0] = 8;
	prev->active[GD_A_OTHER_SERVICES][0] = 3;
	prev->active[GD_A_OTHER_SERVICES][1] = 0;
	prev->active[GD_A_PENALTIES][0] = 5;
	prev->active[GD_A_PENALTIES][1] = -1;
	prev->active[GD_A_FEES][0] = 1;
	CHECK_INT(check(prev).n, 0);
	f = check_pair(prev, cur);
	CHECK_INT(f.n, 0);

	prev->requests[GD_R_CARRIED_FORWARD][GD_C_NATURAL_PERSON] = 3;
	prev->active[GD_A_LICENSING][1] = 3;
	prev->year = 2018;
	f = check_pair(prev, cur);
	CHECK_INT(f.n, 3);
	x = nth(&f, "pair.carryover", 0);
	CHECK_INT(x->severity, GD_SEV_ERROR);
	CHECK_STR(x->row, "carried_over");
	CHECK_STR(x->column, "natural_person");
	CHECK_INT(x->expected, 3);
	CHECK_INT(x->actual, 1);
	CHECK_STR(x->message, "表三“自然人”列：本年“二、上年结转政府信息公开申请数量”（1）不等于上一年报告的“四、结转下年度继续办理”（3）");
	x = nth(&f, "pair.prior_items", 0);
	CHECK_INT(x->severity, GD_SEV_WARNING);
	CHECK_STR(x->row, "licensing");
	CHECK_INT(x->expected, 11);
	CHECK_INT(x->actual, 10);
	CHECK_STR(x->message, "表二“行政许可”行：“上一年项目数量”（10）不等于上一年报告的“上一年项目数量”加“本年增/减”（8+3=11）");
	x = nth(&f, "pair.year", 0);
	CHECK_INT(x->expected, 2019);
	CHECK_INT(x->actual, 2020);
	CHECK_STR(f.items[2].rule, "pair.year");
	CHECK(gd_findings_have_error(&f));

	/* blanks: not assessable */
	prev->requests[GD_R_CARRIED_FORWARD][GD_C_NATURAL_PERSON] = GD_NULL;
	prev->active[GD_A_LICENSING][1] = GD_NULL;
	prev->year = 0;
	CHECK_INT(check_pair(prev, cur).n, 0);

	/* 2021: in_force(Y) = in_force(Y-1) + issued(Y) - repealed(Y) */
	prev = base_2021(0);
	cur = base_2021(1);
	prev->year = 2021;
	set_req(cur, GD_R_CARRIED_OVER, 2, 0);
	prev->active[GD_A_RULES][2] = 4;	/* 4 + 1 - 0 = 5 */
	prev->active[GD_A_NORMATIVE][2] = 9;	/* 9 + 2 - 1 = 10 */
	CHECK_INT(check_pair(prev, cur).n, 0);
	prev->active[GD_A_NORMATIVE][2] = 10;
	f = check_pair(prev, cur);
	CHECK_INT(f.n, 1);
	x = nth(&f, "pair.in_force", 0);
	CHECK_STR(x->row, "normative_documents");
	CHECK_STR(x->column, "in_force");
	CHECK_INT(x->expected, 11);
	CHECK_INT(x->actual, 10);
	CHECK_STR(x->message, "表二“行政规范性文件”行：“现行有效件数”（10）不等于上一年的10加“本年制发件数”（2）减“本年废止件数”（1）之和（11）");
	CHECK(!gd_findings_have_error(&f));

	/* the formats' own rules only: 2019 → 2021 has neither */
	prev = base_2019(0);
	prev->year = 2021;
	prev->active[GD_A_LICENSING][0] = 0;
	CHECK_INT(check_pair(prev, cur).n, 0);
}

/*
 * values.unreadable names the place of each diagnostic as the report prints
 * it, in each table's own wording, and says nothing of a cell that holds a
 * value (a stored document filled in since).
 */
static void
test_diagnostic_places(void)
{
	static const struct
	{
		const char *table,
				   *row,
				   *column;
	}			diags[] = {
		{"requests", "denied_secret", "natural_person"},
		{"requests", "granted", NULL},
		{"requests", "received", "natural_person"},	/* holds a value */
		{"requests", "other_handling", "total"},	/* a 2019 row, in 2021 */
		{"requests", NULL, NULL},
		{"review", "litigation_direct", "upheld"},
		{"review", "reconsideration", "nope"},
		{"active", "licensing", "decisions"},
		{"active", "licensing", "prior"},	/* a 2019 column, in 2021 */
		{"active", "other_services", "prior"},	/* a 2019 row, in 2021 */
		{"active", "zzz", "prior"},
		{"processing_fees", NULL, "cases"},
		{NULL, NULL, NULL},
	};
	static const char *const want[] = {
		"表三“（三）不予公开 1.属于国家秘密”行“自然人”列：X，无法读取，请核对原文并更正",
		"表三“（一）予以公开”行：X，无法读取，请核对原文并更正",
		"表三“（六）其他处理”行“总计”列：X，无法读取，请核对原文并更正",
		"表三：X，无法读取，请核对原文并更正",
		"表四“行政诉讼 未经复议直接起诉”“结果维持”：X，无法读取，请核对原文并更正",
		"表四“行政复议”行：X，无法读取，请核对原文并更正",
		"表二“行政许可”行“本年处理决定数量”：X，无法读取，请核对原文并更正",
		"表二“行政许可”行：X，无法读取，请核对原文并更正",
		"表二“其他对外管理服务事项”行“上一年项目数量”：X，无法读取，请核对原文并更正",
		"表二：X，无法读取，请核对原文并更正",
		"第六部分信息处理费：X，无法读取，请核对原文并更正",
		"报告中：X，无法读取，请核对原文并更正",
	};
	GdDiagnostic d[sizeof(diags) / sizeof(diags[0])];
	GdReport   *r = base_2021(0);
	GdFindings	f;
	int			n = (int) (sizeof(diags) / sizeof(diags[0]));

	for (int i = 0; i < n; i++)
	{
		d[i] = (GdDiagnostic) {"cell.unreadable", "X", diags[i].table, diags[i].row,
		diags[i].column, -1};
	}
	r->diagnostics = d;
	r->ndiagnostics = r->maxdiagnostics = n;
	r->requests[GD_R_DENIED_SECRET][GD_C_NATURAL_PERSON] = GD_NULL;
	r->requests[GD_R_DENIED_SECRET][GD_C_TOTAL] = GD_NULL;
	r->review[GD_V_LITIGATION_DIRECT][GD_VC_UPHELD] = GD_NULL;
	r->review[GD_V_LITIGATION_DIRECT][GD_VC_TOTAL] = GD_NULL;
	r->active[GD_A_LICENSING][0] = GD_NULL;
	/* a value where the 2021 format has no row is no value */
	r->active[GD_A_OTHER_SERVICES][0] = 5;
	f = check(r);
	CHECK_INT(count(&f, "values.unreadable"), n - 1);
	for (int i = 0; i < n - 1; i++)
		CHECK_STR(nth(&f, "values.unreadable", i)->message, want[i]);
	CHECK_STR(nth(&f, "values.unreadable", 0)->table, "requests");
	CHECK_STR(nth(&f, "values.unreadable", 0)->row, "denied_secret");
	CHECK_STR(nth(&f, "values.unreadable", 0)->column, "natural_person");

	/* 表二 of the 2019 format names its own columns */
	r = base_2019(0);
	d[0] = (GdDiagnostic) {"cell.ambiguous_split", "Y", "active", "licensing", "prior", -1};
	r->diagnostics = d;
	r->ndiagnostics = 1;
	r->active[GD_A_LICENSING][0] = GD_NULL;
	f = check(r);
	CHECK_STR(nth(&f, "values.ambiguous", 0)->message, "表二“行政许可”行“上一年项目数量”：Y");
	/* filled in since: nothing to say */
	r->active[GD_A_LICENSING][0] = 10;
	f = check(r);
	CHECK_INT(count(&f, "values.ambiguous"), 0);
}

int
main(void)
{
	test_valid_bases();
	test_requests_balance();
	test_requests_results_sum();
	test_requests_row_sum();
	test_review_sum();
	test_values_non_negative();
	test_diagnostic_places();
	test_completeness_tables();
	test_completeness_blank_cells();
	test_completeness_sections();
	test_template_year();
	test_active_decisions_vs_items();
	test_fees_disclosed();
	test_prose_requests();
	test_order();
	test_overflow();
	test_quick_sums();
	test_pair();
	return unit_done();
}
