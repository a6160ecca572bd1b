/*
 * labels.c
 *		The fixed keys of the parsed-report contract and the Chinese labels
 *		the standard templates print for them.  Every interface that shows a
 *		key to a person (messages, govdisc_labels, rendering) reads this table.
 *		The three tables are also seen as one kind of thing (gd_tables,
 *		gd_table_row): rows of columns, each row in or out of a format.
 */
#include "govdisc.h"

static const GdActiveRowDef active_2019[GD_A_NROWS] = {
	[GD_A_RULES] = {"rules", "规章", 3, {
			{"made", "本年新制作数量", GD_KIND_COUNT},
			{"published", "本年新公开数量", GD_KIND_COUNT},
	{"total", "对外公开总数量", GD_KIND_COUNT}}},
	[GD_A_NORMATIVE] = {"normative_documents", "规范性文件", 3, {
			{"made", "本年新制作数量", GD_KIND_COUNT},
			{"published", "本年新公开数量", GD_KIND_COUNT},
	{"total", "对外公开总数量", GD_KIND_COUNT}}},
	[GD_A_LICENSING] = {"licensing", "行政许可", 3, {
			{"prior", "上一年项目数量", GD_KIND_COUNT},
			{"change", "本年增/减", GD_KIND_SIGNED},
	{"decisions", "处理决定数量", GD_KIND_COUNT}}},
	[GD_A_OTHER_SERVICES] = {"other_services", "其他对外管理服务事项", 3, {
			{"prior", "上一年项目数量", GD_KIND_COUNT},
			{"change", "本年增/减", GD_KIND_SIGNED},
	{"decisions", "处理决定数量", GD_KIND_COUNT}}},
	[GD_A_PENALTIES] = {"penalties", "行政处罚", 3, {
			{"prior", "上一年项目数量", GD_KIND_COUNT},
			{"change", "本年增/减", GD_KIND_SIGNED},
	{"decisions", "处理决定数量", GD_KIND_COUNT}}},
	[GD_A_COERCION] = {"coercion", "行政强制", 3, {
			{"prior", "上一年项目数量", GD_KIND_COUNT},
			{"change", "本年增/减", GD_KIND_SIGNED},
	{"decisions", "处理决定数量", GD_KIND_COUNT}}},
	[GD_A_FEES] = {"fees", "行政事业性收费", 2, {
			{"prior", "上一年项目数量", GD_KIND_COUNT},
	{"change", "本年增/减", GD_KIND_SIGNED}}},
	[GD_A_PROCUREMENT] = {"procurement", "政府集中采购", 2, {
			{"projects", "采购项目数量", GD_KIND_COUNT},
	{"amount_yuan", "采购总金额", GD_KIND_AMOUNT}}},
};

static const GdActiveRowDef active_2021[GD_A_NROWS] = {
	[GD_A_RULES] = {"rules", "规章", 3, {
			{"issued", "本年制发件数", GD_KIND_COUNT},
			{"repealed", "本年废止件数", GD_KIND_COUNT},
	{"in_force", "现行有效件数", GD_KIND_COUNT}}},
	[GD_A_NORMATIVE] = {"normative_documents", "行政规范性文件", 3, {
			{"issued", "本年制发件数", GD_KIND_COUNT},
			{"repealed", "本年废止件数", GD_KIND_COUNT},
	{"in_force", "现行有效件数", GD_KIND_COUNT}}},
	[GD_A_LICENSING] = {"licensing", "行政许可", 1, {
	{"decisions", "本年处理决定数量", GD_KIND_COUNT}}},
	[GD_A_OTHER_SERVICES] = {"other_services", "其他对外管理服务事项", 0, {{0}}},
	[GD_A_PENALTIES] = {"penalties", "行政处罚", 1, {
	{"decisions", "本年处理决定数量", GD_KIND_COUNT}}},
	[GD_A_COERCION] = {"coercion", "行政强制", 1, {
	{"decisions", "本年处理决定数量", GD_KIND_COUNT}}},
	[GD_A_FEES] = {"fees", "行政事业性收费", 1, {
	{"amount_yuan", "本年收费金额（单位：万元）", GD_KIND_AMOUNT}}},
	[GD_A_PROCUREMENT] = {"procurement", "政府集中采购", 0, {{0}}},
};

const GdActiveRowDef *
gd_active_row_def(int format, GdActiveRow row)
{
	if (row < 0 || row >= GD_A_NROWS)
		return NULL;
	return format == 2021 ? &active_2021[row] : &active_2019[row];
}

const GdRowDef gd_request_rows[GD_R_NROWS] = {
	[GD_R_RECEIVED] = {"received", "一、本年新收政府信息公开申请数量", NULL},
	[GD_R_CARRIED_OVER] = {"carried_over", "二、上年结转政府信息公开申请数量", NULL},
	[GD_R_GRANTED] = {"granted", "（一）予以公开", "三、本年度办理结果"},
	[GD_R_PARTIAL] = {"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果"},
	[GD_R_DENIED_SECRET] = {"denied_secret", "1.属于国家秘密", "（三）不予公开"},
	[GD_R_DENIED_LAW] = {"denied_law", "2.其他法律行政法规禁止公开", "（三）不予公开"},
	[GD_R_DENIED_SAFETY] = {"denied_safety", "3.危及“三安全一稳定”", "（三）不予公开"},
	[GD_R_DENIED_THIRD_PARTY] = {"denied_third_party", "4.保护第三方合法权益", "（三）不予公开"},
	[GD_R_DENIED_INTERNAL] = {"denied_internal", "5.属于三类内部事务信息", "（三）不予公开"},
	[GD_R_DENIED_PROCESS] = {"denied_process", "6.属于四类过程性信息", "（三）不予公开"},
	[GD_R_DENIED_ENFORCEMENT] = {"denied_enforcement", "7.属于行政执法案卷", "（三）不予公开"},
	[GD_R_DENIED_QUERY] = {"denied_query", "8.属于行政查询事项", "（三）不予公开"},
	[GD_R_UNAVAILABLE_NOT_HELD] = {"unavailable_not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"},
	[GD_R_UNAVAILABLE_NEEDS_CREATION] = {"unavailable_needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供"},
	[GD_R_UNAVAILABLE_UNCLEAR] = {"unavailable_unclear", "3.补正后申请内容仍不明确", "（四）无法提供"},
	[GD_R_REJECTED_COMPLAINT] = {"rejected_complaint", "1.信访举报投诉类申请", "（五）不予处理"},
	[GD_R_REJECTED_DUPLICATE] = {"rejected_duplicate", "2.重复申请", "（五）不予处理"},
	[GD_R_REJECTED_PUBLICATION] = {"rejected_publication", "3.要求提供公开出版物", "（五）不予处理"},
	[GD_R_REJECTED_EXCESSIVE] = {"rejected_excessive", "4.无正当理由大量反复申请", "（五）不予处理"},
	[GD_R_REJECTED_CONFIRMATION] = {"rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"},
	[GD_R_OTHER_HANDLING] = {"other_handling", "（六）其他处理", "三、本年度办理结果"},
	[GD_R_OTHER_NO_CORRECTION] = {"other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"},
	[GD_R_OTHER_NO_FEE] = {"other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"},
	[GD_R_OTHER_MISC] = {"other_misc", "3.其他", "（六）其他处理"},
	[GD_R_TOTAL] = {"total", "（七）总计", "三、本年度办理结果"},
	[GD_R_CARRIED_FORWARD] = {"carried_forward", "四、结转下年度继续办理", NULL},
};

const GdColumnDef gd_request_cols[GD_C_NCOLS] = {
	{"natural_person", "自然人", GD_KIND_COUNT},
	{"enterprise", "商业企业", GD_KIND_COUNT},
	{"research", "科研机构", GD_KIND_COUNT},
	{"ngo", "社会公益组织", GD_KIND_COUNT},
	{"legal", "法律服务机构", GD_KIND_COUNT},
	{"other_org", "其他", GD_KIND_COUNT},
	{"total", "总计", GD_KIND_COUNT},
};

const GdRowDef gd_review_rows[GD_V_NROWS] = {
	{"reconsideration", "行政复议", NULL},
	{"litigation_direct", "未经复议直接起诉", "行政诉讼"},
	{"litigation_after_reconsideration", "复议后起诉", "行政诉讼"},
};

const GdColumnDef gd_review_cols[GD_VC_NCOLS] = {
	{"upheld", "结果维持", GD_KIND_COUNT},
	{"corrected", "结果纠正", GD_KIND_COUNT},
	{"other", "其他结果", GD_KIND_COUNT},
	{"pending", "尚未审结", GD_KIND_COUNT},
	{"total", "总计", GD_KIND_COUNT},
};

const char *const gd_section_titles[6] = {
	"总体情况",
	"主动公开政府信息情况",
	"收到和处理政府信息公开申请情况",
	"政府信息公开行政复议、行政诉讼情况",
	"存在的主要问题及改进情况",
	"其他需要报告的事项",
};

const char *const gd_section_numerals[6] = {"一", "二", "三", "四", "五", "六"};

const GdTableDef gd_tables[GD_NTABLES] = {
	[GD_TABLE_ACTIVE] = {"active", "表二", 2, GD_A_NROWS, GD_A_NCOLS},
	[GD_TABLE_REQUESTS] = {"requests", "表三", 3, GD_R_NROWS, GD_C_NCOLS},
	[GD_TABLE_REVIEW] = {"review", "表四", 4, GD_V_NROWS, GD_VC_NCOLS},
};

int
gd_table_format(const GdReport *r, GdTable t)
{
	switch (t)
	{
		case GD_TABLE_ACTIVE:
			return r->active_format;
		case GD_TABLE_REQUESTS:
			return r->requests_format;
		case GD_TABLE_REVIEW:
			return r->review_present ? 1 : 0;
		default:
			return 0;
	}
}

bool
gd_table_row(GdTable t, int format, int row, GdTableRow *out)
{
	const GdActiveRowDef *a;
	const GdRowDef *d;

	if ((unsigned) t >= GD_NTABLES || row < 0 || row >= gd_tables[t].nrows)
		return false;
	switch (t)
	{
		case GD_TABLE_ACTIVE:
			a = gd_active_row_def(format, row);
			out->key = a->key;
			out->label = a->label;
			out->group = NULL;
			out->ncols = a->ncols;
			out->cols = a->cols;
			return a->ncols > 0;
		case GD_TABLE_REQUESTS:
			d = &gd_request_rows[row];
			out->ncols = GD_C_NCOLS;
			out->cols = gd_request_cols;
			break;
		default:
			d = &gd_review_rows[row];
			out->ncols = GD_VC_NCOLS;
			out->cols = gd_review_cols;
			break;
	}
	out->key = d->key;
	out->label = d->label;
	out->group = d->group;
	return t != GD_TABLE_REQUESTS || gd_request_row_in_format(row, format);
}

const char *
gd_template_name(GdTemplate t)
{
	switch (t)
	{
		case GD_TPL_2019:
			return "2019";
		case GD_TPL_2021:
			return "2021";
		case GD_TPL_MIXED:
			return "mixed";
		default:
			return NULL;
	}
}
