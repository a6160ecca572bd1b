/*
 * rules.c
 *		The rule catalog (checks.md): the template's accounting rules
 *		(勾稽关系) and the completeness and plausibility checks, judged on
 *		one GdReport or on two consecutive reports of one agency.
 *
 * A rule is judged only on the cells it names: where one of them is blank
 * (GD_NULL) the rule is not assessable there and says nothing.  The blank
 * cells themselves are reported once, by completeness.blank_cells, one
 * finding per row listing its blank columns.
 *
 * values.unreadable and values.ambiguous are judged on the parse's
 * diagnostics (cell.unreadable, cell.out_of_range, cell.ambiguous*), which a
 * stored document keeps: the figure the report prints is gone, only where it
 * stood and why it could not be read remain.  Sums are 128 bits wide, so a
 * sum beyond the range of a count is a violation like any other.
 *
 * Findings are appended in catalog order, and within a rule in table, row,
 * column order, so the output is deterministic.
 *
 * How the catalog is organised: each rule of checks.md is one static
 * function named after its identifier (requests.balance is
 * rule_requests_balance, pair.carryover pair_carryover) under a
 * "---- identifier ----" heading, in catalog order.  A rule reads the
 * GdReport, names tables, rows and columns only through labels.c (keys for
 * the finding, labels for its message), adds its findings with add() and
 * words them with msg().  The rules that look at every cell
 * (values.non_negative, completeness.blank_cells) go over the three tables
 * through gd_tables and gd_table_row; the others name the cells they
 * compare.  gd_check calls every rule of one report in order, the rules of
 * severity error first (error_rules, which gd_check_errors runs alone);
 * gd_check_pair calls the pair rules.  A new rule is a function here, a
 * call in gd_check (error_rules if it is an error) or gd_check_pair, its
 * entry in checks.md and a test of both of its sides in test/core/unit_rules.c
 * and test/sql/checks.sql.
 *
 * The error rules run on every document govdisc_is_valid judges, so they
 * are written to cost little where nothing is wrong, which is most of the
 * time: a rule first passes over the cells with the cheap tests below
 * (below_zero, table_below_zero, has_blank; sums in 64 bits where
 * quick_exact says that is exact, sum_cells) and looks up a row's columns
 * and names (gd_table_row, row_name) only for a row that may give a
 * finding; 表三's formats are told by gd_request_row_in_format, inline.
 * What a rule finds, and in what order, does not depend on these tests.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "govdisc.h"

typedef struct Judge
{
	const GdAllocator *a;
	GdFindings *out;
} Judge;

#ifdef __GNUC__
#define RULES_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RULES_PRINTF(f, a)
#endif

static const char *msg(const Judge *j, const char *f,...) RULES_PRINTF(2, 3);

/* A message, formatted into memory from the allocator. */
static const char *
msg(const Judge *j, const char *f,...)
{
	char		buf[1024];
	va_list		ap;
	int			n;
	char	   *s;

	va_start(ap, f);
	n = vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	s = j->a->alloc(j->a->ctx, (size_t) n + 1);
	if ((size_t) n < sizeof(buf))
		memcpy(s, buf, (size_t) n + 1);
	else
	{
		va_start(ap, f);
		vsnprintf(s, (size_t) n + 1, f, ap);
		va_end(ap);
	}
	return s;
}

static GdFinding *
add(const Judge *j, const char *rule, GdSeverity sev,
	const char *table, const char *row, const char *column)
{
	GdFindings *f = j->out;
	GdFinding  *x;

	if (f->n == f->max)
	{
		int			max = f->max ? f->max * 2 : 16;
		GdFinding  *items = j->a->alloc(j->a->ctx, (size_t) max * sizeof(GdFinding));

		if (f->n)
			memcpy(items, f->items, (size_t) f->n * sizeof(GdFinding));
		if (f->items && j->a->release)
			j->a->release(j->a->ctx, f->items);
		f->items = items;
		f->max = max;
	}
	x = &f->items[f->n++];
	memset(x, 0, sizeof(*x));
	x->rule = rule;
	x->severity = sev;
	x->table = table;
	x->row = row;
	x->column = column;
	return x;
}

static void
set_numbers(GdFinding *x, GdWide expected, GdWide actual)
{
	x->has_expected = x->has_actual = true;
	x->expected = expected;
	x->actual = actual;
}

/*
 * *acc += v.  False when v is blank (the rule is not assessable).  The sum
 * is 128 bits wide: a few dozen counts cannot leave it, so a sum beyond the
 * range of a count is compared and reported like any other.
 */
static bool
acc_add(GdWide *acc, int64_t v)
{
	if (v == GD_NULL)
		return false;
	*acc += v;
	return true;
}

static bool
acc_sub(GdWide *acc, int64_t v)
{
	if (v == GD_NULL)
		return false;
	*acc -= v;
	return true;
}

/*
 * The quick sum: counts added in 64 bits, with the cells OR'ed together
 * beside them.  While no cell added is blank, negative or past 2^58 (a
 * blank, GD_NULL, and a negative cell have the top bit set, a huge one a
 * bit above 58), the OR has no bit above 58 and the 64-bit sum of up to 32
 * cells is exact: what almost every report has.  Otherwise the rule sums
 * again in 128 bits with acc_add, blanks and all, as checks.md has it.
 */
#define QUICK_BITS 58

static inline bool
quick_exact(uint64_t or_of_cells)
{
	return (or_of_cells >> QUICK_BITS) == 0;
}

/*
 * *sum = the sum of n cells (n <= 32), 128 bits wide; false when one of
 * them is blank.  Without a branch a cell where the quick sum is exact.
 */
static bool
sum_cells(const int64_t *cells, int n, GdWide *sum)
{
	uint64_t	quick = 0,
				bits = 0;
	GdWide		s = 0;

#pragma GCC unroll 8
	for (int i = 0; i < n; i++)
	{
		quick += (uint64_t) cells[i];
		bits |= (uint64_t) cells[i];
	}
	if (quick_exact(bits))
	{
		*sum = (GdWide) quick;
		return true;
	}
	for (int i = 0; i < n; i++)
		if (!acc_add(&s, cells[i]))
			return false;
	*sum = s;
	return true;
}

/* A sum (or a count) in decimal, for a message. */
static const char *
W(const Judge *j, GdWide v)
{
	char		buf[GD_WIDE_BUFSIZE];

	gd_wide_format(v, buf);
	return msg(j, "%s", buf);
}

/* ---- names as the report prints them ---- */

/*
 * How the messages name a table's cells and rows.  A sub-row is named with
 * the heading it stands under: in 表四 every one (行政诉讼 未经复议直接起诉),
 * in 表三 only the numbered ones (（三）不予公开 1.属于国家秘密, not
 * （一）予以公开); 表二's rows stand under none.
 */
static const struct
{
	const char *cell;			/* the row's name, the column's label */
	const char *row;			/* the row's name */
	bool		numbered_only;	/* only numbered sub-rows name their heading */
}			places[GD_NTABLES] = {
	[GD_TABLE_ACTIVE] = {"表二“%s”行“%s”", "表二“%s”行", false},
	[GD_TABLE_REQUESTS] = {"表三“%s”行“%s”列", "表三“%s”行", true},
	[GD_TABLE_REVIEW] = {"表四“%s”“%s”", "表四“%s”行", false},
};

/* A row as the report prints it, with its heading where places[] says. */
static void
row_name(GdTable t, const GdTableRow *d, char *buf, size_t size)
{
	if (d->group && (!places[t].numbered_only ||
					 (d->label[0] >= '0' && d->label[0] <= '9')))
		snprintf(buf, size, "%s %s", d->group, d->label);
	else
		snprintf(buf, size, "%s", d->label);
}

/*
 * Is any of n cells below zero (a blank, GD_NULL, is not)?  Without a
 * branch a cell, so that the rules over every cell pass a row that holds
 * no negative figure at the cost of a few instructions a cell.
 */
static inline bool
below_zero(const int64_t *cells, int n)
{
	bool		any = false;

	/* unsigned, GD_NULL (INT64_MIN) is the smallest negative: one compare */
#pragma GCC unroll 8
	for (int i = 0; i < n; i++)
		any |= (uint64_t) cells[i] > (uint64_t) GD_NULL;
	return any;
}

/*
 * Has table t a cell below zero, in any row and column?  The widths are
 * constants here, so the scan is unrolled: a table without a negative
 * figure (most of them) is passed at a few instructions a cell.
 */
static bool
table_below_zero(const GdReport *r, GdTable t)
{
	bool		any = false;

	switch (t)
	{
		case GD_TABLE_ACTIVE:
			for (int row = 0; row < GD_A_NROWS; row++)
				any |= below_zero(r->active[row], GD_A_NCOLS);
			break;
		case GD_TABLE_REQUESTS:
			for (int row = 0; row < GD_R_NROWS; row++)
				any |= below_zero(r->requests[row], GD_C_NCOLS);
			break;
		default:
			for (int row = 0; row < GD_V_NROWS; row++)
				any |= below_zero(r->review[row], GD_VC_NCOLS);
			break;
	}
	return any;
}

/* Is any of n cells blank? */
static bool
has_blank(const int64_t *cells, int n)
{
	bool		any = false;

#pragma GCC unroll 8
	for (int i = 0; i < n; i++)
		any |= cells[i] == GD_NULL;
	return any;
}

/* ---- requests.balance ---- */
static void
rule_requests_balance(const Judge *j, const GdReport *r)
{
	if (r->requests_format == 0)
		return;
	for (int c = 0; c < GD_C_NCOLS; c++)
	{
		GdWide		in = 0,
					out = 0;
		GdFinding  *x;

		if (!acc_add(&in, r->requests[GD_R_RECEIVED][c]) ||
			!acc_add(&in, r->requests[GD_R_CARRIED_OVER][c]) ||
			!acc_add(&out, r->requests[GD_R_TOTAL][c]) ||
			!acc_add(&out, r->requests[GD_R_CARRIED_FORWARD][c]))
			continue;
		if (in == out)
			continue;
		x = add(j, "requests.balance", GD_SEV_ERROR, "requests", NULL,
				gd_request_cols[c].key);
		set_numbers(x, in, out);
		x->message = msg(j, "表三“%s”列：第一项加第二项之和（%s）不等于第三项加第四项之和（%s）",
						 gd_request_cols[c].label, W(j, in), W(j, out));
	}
}

/* ---- requests.results_sum ---- */
static void
rule_requests_results_sum(const Judge *j, const GdReport *r)
{
	int			fmt = r->requests_format;
	uint64_t	quick[GD_C_NCOLS] = {0},
				bits[GD_C_NCOLS] = {0};

	if (fmt == 0)
		return;
	/* the quick sums: the result rows of the format, every column in one pass */
	for (int row = GD_R_GRANTED; row <= GD_R_OTHER_MISC; row++)
	{
		if (!gd_request_row_in_format(row, fmt))
			continue;
#pragma GCC unroll 8
		for (int c = 0; c < GD_C_NCOLS; c++)
		{
			quick[c] += (uint64_t) r->requests[row][c];
			bits[c] |= (uint64_t) r->requests[row][c];
		}
	}
	for (int c = 0; c < GD_C_NCOLS; c++)
	{
		GdWide		sum = (GdWide) quick[c];
		int64_t		total = r->requests[GD_R_TOTAL][c];
		bool		ok = total != GD_NULL;
		GdFinding  *x;

		if (ok && !quick_exact(bits[c]))
		{
			/* in 128 bits, row by row, as the rule has it */
			sum = 0;
			for (int row = GD_R_GRANTED; ok && row <= GD_R_OTHER_MISC; row++)
				if (gd_request_row_in_format(row, fmt))
					ok = acc_add(&sum, r->requests[row][c]);
		}
		if (!ok || sum == total)
			continue;
		x = add(j, "requests.results_sum", GD_SEV_ERROR, "requests",
				gd_request_rows[GD_R_TOTAL].key, gd_request_cols[c].key);
		set_numbers(x, sum, total);
		x->message = msg(j, "表三“%s”列：“%s”（%lld）不等于（一）至（六）各项之和（%s）",
						 gd_request_cols[c].label, gd_request_rows[GD_R_TOTAL].label,
						 (long long) total, W(j, sum));
	}
}

/* ---- requests.row_sum ---- */
static void
rule_requests_row_sum(const Judge *j, const GdReport *r)
{
	if (r->requests_format == 0)
		return;
	for (int row = 0; row < GD_R_NROWS; row++)
	{
		GdWide		sum;
		int64_t		total = r->requests[row][GD_C_TOTAL];
		char		name[256];
		GdTableRow	d;
		GdFinding  *x;

		if (total == GD_NULL || !gd_request_row_in_format(row, r->requests_format) ||
			!sum_cells(r->requests[row], GD_C_TOTAL, &sum) || sum == total)
			continue;
		/* the row's name only for a finding */
		gd_table_row(GD_TABLE_REQUESTS, r->requests_format, row, &d);
		row_name(GD_TABLE_REQUESTS, &d, name, sizeof(name));
		x = add(j, "requests.row_sum", GD_SEV_ERROR, "requests",
				gd_request_rows[row].key, gd_request_cols[GD_C_TOTAL].key);
		set_numbers(x, sum, total);
		x->message = msg(j, "表三“%s”行：“%s”（%lld）不等于%s至%s各列之和（%s）",
						 name, gd_request_cols[GD_C_TOTAL].label, (long long) total,
						 gd_request_cols[0].label, gd_request_cols[GD_C_TOTAL - 1].label,
						 W(j, sum));
	}
}

/* ---- review.sum ---- */
static void
rule_review_sum(const Judge *j, const GdReport *r)
{
	if (!r->review_present)
		return;
	for (int row = 0; row < GD_V_NROWS; row++)
	{
		GdWide		sum;
		int64_t		total = r->review[row][GD_VC_TOTAL];
		char		name[256];
		GdTableRow	d;
		GdFinding  *x;

		if (total == GD_NULL || !sum_cells(r->review[row], GD_VC_TOTAL, &sum) ||
			sum == total)
			continue;
		gd_table_row(GD_TABLE_REVIEW, 1, row, &d);
		row_name(GD_TABLE_REVIEW, &d, name, sizeof(name));
		x = add(j, "review.sum", GD_SEV_ERROR, "review", gd_review_rows[row].key,
				gd_review_cols[GD_VC_TOTAL].key);
		set_numbers(x, sum, total);
		x->message = msg(j, "表四“%s”：“%s”（%lld）不等于%s、%s、%s、%s之和（%s）",
						 name, gd_review_cols[GD_VC_TOTAL].label, (long long) total,
						 gd_review_cols[GD_VC_UPHELD].label, gd_review_cols[GD_VC_CORRECTED].label,
						 gd_review_cols[GD_VC_OTHER].label, gd_review_cols[GD_VC_PENDING].label,
						 W(j, sum));
	}
}

/* ---- values.non_negative ---- */
static void
negative(const Judge *j, const char *table, const char *row, const char *col,
		 int64_t v, bool amount, const char *where)
{
	GdFinding  *x = add(j, "values.non_negative", GD_SEV_ERROR, table, row, col);
	char		num[32];

	x->has_actual = true;
	x->actual = v;
	x->amount = amount;
	if (amount)
		gd_amount_format(v, num);
	else
		snprintf(num, sizeof(num), "%lld", (long long) v);
	x->message = msg(j, "%s为负数（%s），只有“本年增/减”可以为负", where, num);
}

static void
rule_values_non_negative(const Judge *j, const GdReport *r)
{
	char		name[512],
				rname[256];

	for (int t = 0; t < GD_NTABLES; t++)
	{
		int			format = gd_table_format(r, t);

		if (format == 0 || !table_below_zero(r, t))
			continue;
		for (int row = 0; row < gd_tables[t].nrows; row++)
		{
			const int64_t *cells = gd_table_cells(r, t, row);
			GdTableRow	d;

			/* the row's columns are looked up only where a cell is negative */
			if (!below_zero(cells, gd_tables[t].width) ||
				!gd_table_row(t, format, row, &d))
				continue;
			for (int c = 0; c < d.ncols; c++)
			{
				int64_t		v = cells[c];

				if (d.cols[c].kind == GD_KIND_SIGNED || v == GD_NULL || v >= 0)
					continue;
				row_name(t, &d, rname, sizeof(rname));
				snprintf(name, sizeof(name), places[t].cell, rname, d.cols[c].label);
				negative(j, gd_tables[t].key, d.key, d.cols[c].key, v,
						 d.cols[c].kind == GD_KIND_AMOUNT, name);
			}
		}
	}
	if (r->fees_present)
	{
		if (r->fee_cases != GD_NULL && r->fee_cases < 0)
			negative(j, "processing_fees", NULL, "cases", r->fee_cases, false,
					 "第六部分信息处理费的收费件数");
		if (r->fee_amount != GD_NULL && r->fee_amount < 0)
			negative(j, "processing_fees", NULL, "amount_yuan", r->fee_amount, true,
					 "第六部分信息处理费的收费金额（元）");
	}
}

/* ---- values.unreadable and values.ambiguous: from the parse's diagnostics ---- */

/*
 * The row of table t that a key names, in the format the report has the
 * table in, else in the other format that has the row (表二's
 * other_services, 表三's other_handling …); -1 when no format has it.
 */
static int
row_index(const GdReport *r, GdTable t, const char *key, GdTableRow *d)
{
	int			f = gd_table_format(r, t) == 2019 ? 2019 : 2021;

	if (key == NULL)
		return -1;
	for (int k = 0; k < 2; k++, f = f == 2021 ? 2019 : 2021)
		for (int row = 0; row < gd_tables[t].nrows; row++)
			if (gd_table_row(t, f, row, d) && strcmp(d->key, key) == 0)
				return row;
	return -1;
}

/*
 * The place a diagnostic names, as the report prints it, and whether its
 * cell holds a value (a stored document whose cell was filled in since).
 */
static void
diag_place(const GdReport *r, const GdDiagnostic *d, char *buf, size_t size,
		   bool *has_value)
{
	*has_value = false;
	for (int t = 0; d->table && t < GD_NTABLES; t++)
	{
		GdTableRow	def,
					in_report;
		int			row,
					format = gd_table_format(r, t);
		char		rname[256];

		if (strcmp(d->table, gd_tables[t].key) != 0)
			continue;
		row = row_index(r, t, d->row, &def);
		if (row < 0)
		{
			snprintf(buf, size, "%s", gd_tables[t].name);
			return;
		}
		row_name(t, &def, rname, sizeof(rname));
		for (int c = 0; d->column && c < def.ncols; c++)
			if (strcmp(d->column, def.cols[c].key) == 0)
			{
				/* a row of the other format is in no cell of the report */
				*has_value = format != 0 &&
					gd_table_row(t, format, row, &in_report) &&
					gd_table_cells(r, t, row)[c] != GD_NULL;
				snprintf(buf, size, places[t].cell, rname, def.cols[c].label);
				return;
			}
		snprintf(buf, size, places[t].row, rname);
		return;
	}
	if (d->table && strcmp(d->table, "processing_fees") == 0)
		snprintf(buf, size, "第六部分信息处理费");
	else
		snprintf(buf, size, "报告中");
}

static bool
same_key(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/*
 * The part of a diagnostic's code after "cell.", or NULL for a code of
 * another kind: most diagnostics (cell.blank, row.*, table.*) are told
 * apart by a few bytes, without a strcmp.
 */
static const char *
cell_code(const char *code)
{
	return code[0] == 'c' && code[1] == 'e' && code[2] == 'l' && code[3] == 'l' &&
		code[4] == '.' ? code + 5 : NULL;
}

/* the two classes of diagnostics the rules read */
typedef enum DiagClass
{
	DIAG_UNREADABLE,			/* cell.unreadable, cell.out_of_range */
	DIAG_AMBIGUOUS				/* cell.ambiguous* */
} DiagClass;

static bool
in_class(const char *code, DiagClass cls)
{
	const char *s = cell_code(code);

	if (s == NULL)
		return false;
	if (cls == DIAG_AMBIGUOUS)
		return s[0] == 'a' && strncmp(s, "ambiguous", 9) == 0;
	return (s[0] == 'u' && strcmp(s, "unreadable") == 0) ||
		(s[0] == 'o' && strcmp(s, "out_of_range") == 0);
}

/* one finding per cell: a cell named by an earlier diagnostic of the class is not again */
static bool
named_before(const GdReport *r, int i, DiagClass cls)
{
	const GdDiagnostic *d = &r->diagnostics[i];

	for (int k = 0; k < i; k++)
	{
		const GdDiagnostic *e = &r->diagnostics[k];

		if (e->code && in_class(e->code, cls) && same_key(d->table, e->table) &&
			same_key(d->row, e->row) && same_key(d->column, e->column))
			return true;
	}
	return false;
}

static void
rule_from_diagnostics(const Judge *j, const GdReport *r, DiagClass cls,
					  const char *rule, GdSeverity sev, const char *what)
{
	char		where[512];

	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];
		bool		has_value;
		GdFinding  *x;

		if (d->code == NULL || !in_class(d->code, cls) || named_before(r, i, cls))
			continue;
		diag_place(r, d, where, sizeof(where), &has_value);
		if (has_value)
			continue;
		x = add(j, rule, sev, d->table, d->row, d->column);
		x->message = msg(j, "%s：%s%s", where, d->message ? d->message : "", what);
	}
}

/* values.unreadable: a figure is printed but cannot be read */
static void
rule_values_unreadable(const Judge *j, const GdReport *r)
{
	rule_from_diagnostics(j, r, DIAG_UNREADABLE, "values.unreadable", GD_SEV_ERROR,
						  "，无法读取，请核对原文并更正");
}

/* values.ambiguous: figures run together that no rule splits with certainty */
static void
rule_values_ambiguous(const Judge *j, const GdReport *r)
{
	rule_from_diagnostics(j, r, DIAG_AMBIGUOUS, "values.ambiguous", GD_SEV_WARNING,
						  "");
}

/* ---- completeness.tables ---- */
static void
missing_table(const Judge *j, const char *table, int section)
{
	GdFinding  *x = add(j, "completeness.tables", GD_SEV_ERROR, table, NULL, NULL);

	x->message = msg(j, "缺少表%s“%s”：年度报告必须包含表二、表三和表四",
					 gd_section_numerals[section - 1], gd_section_titles[section - 1]);
}

static void
rule_completeness_tables(const Judge *j, const GdReport *r)
{
	for (int t = 0; t < GD_NTABLES; t++)
		if (gd_table_format(r, t) == 0)
			missing_table(j, gd_tables[t].key, gd_tables[t].section);
}

/* ---- completeness.blank_cells: one finding per row ---- */

/* appends "、label" (or "label") to a growing list in buf */
static void
list_append(char *buf, size_t size, size_t *len, const char *sep, const char *s)
{
	int			n = snprintf(buf + *len, size - *len, "%s%s", *len ? sep : "", s);

	if (n > 0)
		*len = (*len + (size_t) n < size) ? *len + (size_t) n : size - 1;
}

static void
blank_row(const Judge *j, const char *table, const char *row, const char *where,
		  int nblank, int ncols, const char *labels, const char *keys)
{
	GdFinding  *x = add(j, "completeness.blank_cells", GD_SEV_WARNING, table, row,
						msg(j, "%s", keys));

	if (nblank == ncols)
		x->message = msg(j, "%s整行空白（%d个单元格）", where, nblank);
	else
		x->message = msg(j, "%s有%d个空白单元格：%s", where, nblank, labels);
}

static void
rule_completeness_blank_cells(const Judge *j, const GdReport *r)
{
	char		labels[1024],
				keys[512],
				where[512],
				rname[256];

	for (int t = 0; t < GD_NTABLES; t++)
	{
		int			format = gd_table_format(r, t);

		for (int row = 0; format != 0 && row < gd_tables[t].nrows; row++)
		{
			const int64_t *cells = gd_table_cells(r, t, row);
			GdTableRow	d;
			size_t		ll = 0,
						kl = 0;
			int			nblank = 0;

			/* the row's columns are looked up only where a cell is blank */
			if (!has_blank(cells, gd_tables[t].width) ||
				!gd_table_row(t, format, row, &d))
				continue;
			labels[0] = keys[0] = '\0';
			for (int c = 0; c < d.ncols; c++)
			{
				if (cells[c] != GD_NULL)
					continue;
				/* an amount printed without a unit is not a blank cell */
				if (t == GD_TABLE_ACTIVE && row == GD_A_PROCUREMENT &&
					d.cols[c].kind == GD_KIND_AMOUNT &&
					r->procurement_amount_text && r->procurement_amount_text[0])
					continue;
				nblank++;
				list_append(labels, sizeof(labels), &ll, "、", d.cols[c].label);
				list_append(keys, sizeof(keys), &kl, ",", d.cols[c].key);
			}
			if (nblank == 0)
				continue;
			row_name(t, &d, rname, sizeof(rname));
			snprintf(where, sizeof(where), places[t].row, rname);
			blank_row(j, gd_tables[t].key, d.key, where, nblank, d.ncols, labels, keys);
		}
	}
}

/* ---- completeness.sections ---- */
static void
rule_completeness_sections(const Judge *j, const GdReport *r)
{
	bool		seen[7] = {false};
	char		list[1024];
	size_t		len = 0;
	int			nmissing = 0;
	int			n = r->nsections < 6 ? r->nsections : 6;

	if (n < 0)
		n = 0;
	for (int i = 0; i < n; i++)
		if (r->sections[i].no >= 1 && r->sections[i].no <= 6)
			seen[r->sections[i].no] = true;
	list[0] = '\0';
	for (int no = 1; no <= 6; no++)
	{
		char		part[160];

		if (seen[no])
			continue;
		nmissing++;
		snprintf(part, sizeof(part), "%s、%s", gd_section_numerals[no - 1], gd_section_titles[no - 1]);
		list_append(list, sizeof(list), &len, "；", part);
	}
	if (nmissing)
	{
		GdFinding  *x = add(j, "completeness.sections", GD_SEV_WARNING, NULL, NULL, NULL);

		x->has_expected = x->has_actual = true;
		x->expected = 6;
		x->actual = 6 - nmissing;
		x->message = msg(j, "年度报告应有六个部分，缺少%d个：%s", nmissing, list);
	}
	for (int i = 1; i < n; i++)
	{
		int			prev = r->sections[i - 1].no,
					cur = r->sections[i].no;

		if (cur < 1 || cur > 6 || prev < 1 || prev > 6 || cur > prev)
			continue;
		add(j, "completeness.sections", GD_SEV_WARNING, NULL, NULL, NULL)->message =
			msg(j, "第%s部分“%s”出现在第%s部分“%s”之后：六个部分应按一至六的顺序排列",
				gd_section_numerals[cur - 1], gd_section_titles[cur - 1],
				gd_section_numerals[prev - 1], gd_section_titles[prev - 1]);
		break;
	}
}

/* ---- template.year ---- */
static void
rule_template_year(const Judge *j, const GdReport *r)
{
	int			want;
	GdFinding  *x;

	if (r->template_ == GD_TPL_MIXED)
	{
		char		formats[128] = "混用2019年和2021年格式";
		char		advice[128] = "同一份报告应统一采用一种格式";

		if (r->active_format && r->requests_format &&
			r->active_format != r->requests_format)
			snprintf(formats, sizeof(formats), "表二采用%d年格式，表三采用%d年格式",
					 r->active_format, r->requests_format);
		if (r->year >= 2019)
			snprintf(advice, sizeof(advice), "%d年度的报告应统一采用%d年格式",
					 r->year, r->year >= 2021 ? 2021 : 2019);
		x = add(j, "template.year", GD_SEV_WARNING, NULL, NULL, NULL);
		x->message = msg(j, "各表格式不一致（%s）：%s", formats, advice);
		return;
	}
	if (r->template_ != GD_TPL_2019 && r->template_ != GD_TPL_2021)
		return;
	if (r->year >= 2021)
		want = 2021;
	else if (r->year >= 2019)
		want = 2019;
	else
		return;					/* year unknown, or before the 2019 format */
	if ((int) r->template_ == want)
		return;
	x = add(j, "template.year", GD_SEV_WARNING, NULL, NULL, NULL);
	set_numbers(x, want, (int64_t) r->template_);
	x->message = msg(j, "%d年度的报告采用了%d年格式，应采用%d年格式（%s）",
					 r->year, (int) r->template_, want,
					 want == 2021 ? "国办公开办函〔2021〕30号" : "国办公开办函〔2019〕60号");
}

/* ---- active.decisions_vs_items ---- */
static void
rule_active_decisions_vs_items(const Judge *j, const GdReport *r)
{
	static const int rows[] = {GD_A_LICENSING, GD_A_OTHER_SERVICES, GD_A_PENALTIES, GD_A_COERCION};

	if (r->active_format != 2019)
		return;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
	{
		const GdActiveRowDef *d = gd_active_row_def(2019, rows[i]);
		int64_t		prior = r->active[rows[i]][0],
					change = r->active[rows[i]][1],
					decisions = r->active[rows[i]][2];
		GdWide		items = 0;
		GdFinding  *x;

		/* nothing to tell from a row of zeros */
		if (!acc_add(&items, prior) || !acc_add(&items, change) ||
			decisions == GD_NULL || decisions == 0 || items != decisions)
			continue;
		x = add(j, "active.decisions_vs_items", GD_SEV_WARNING, "active", d->key,
				d->cols[2].key);
		set_numbers(x, items, decisions);
		x->message = msg(j, "表二“%s”行：“%s”（%lld）恰好等于“%s”加“%s”（%lld%+lld），疑似把项目数量填进了处理决定数量栏",
						 d->label, d->cols[2].label, (long long) decisions,
						 d->cols[0].label, d->cols[1].label, (long long) prior,
						 (long long) change);
	}
}

/* ---- fees.disclosed ---- */
static void
rule_fees_disclosed(const Judge *j, const GdReport *r)
{
	if (r->template_ != GD_TPL_2021 && r->active_format != 2021 &&
		r->requests_format != 2021)
		return;
	if (r->fees_present)
		return;
	add(j, "fees.disclosed", GD_SEV_WARNING, "processing_fees", NULL, NULL)->message =
		msg(j, "第六部分“%s”未说明是否收取信息处理费（2021年格式要求说明）",
			gd_section_titles[5]);
}

/* ---- prose.requests ---- */
static void
prose_mismatch(const Judge *j, const char *what, int64_t stated,
			   const char *table, const char *row, GdWide value, const char *where)
{
	GdFinding  *x;

	if (stated == GD_NULL || value == GD_NULL || stated == value)
		return;
	x = add(j, "prose.requests", GD_SEV_WARNING, table, row, "total");
	set_numbers(x, stated, value);
	x->message = msg(j, "正文所述%s（%lld件）与%s（%s）不一致",
					 what, (long long) stated, where, W(j, value));
}

static void
rule_prose_requests(const Judge *j, const GdReport *r)
{
	char		where[512];

	if (r->requests_format != 0)
	{
		static const struct
		{
			int			row;
			const char *what;
		}			rows[] = {
			{GD_R_RECEIVED, "新收政府信息公开申请"},
			{GD_R_CARRIED_OVER, "上年结转申请"},
			{GD_R_CARRIED_FORWARD, "结转下年度继续办理的申请"},
		};

		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		{
			int64_t		stated = rows[i].row == GD_R_RECEIVED ? r->prose.received :
				rows[i].row == GD_R_CARRIED_OVER ? r->prose.carried_over :
				r->prose.carried_forward;
			GdWide		with_carried = 0;

			/*
			 * Prose often counts the year's caseload, new and carried over
			 * together (受理…553件 = 550 + 3): that is no mismatch.
			 */
			if (rows[i].row == GD_R_RECEIVED && stated != GD_NULL &&
				acc_add(&with_carried, r->requests[GD_R_RECEIVED][GD_C_TOTAL]) &&
				acc_add(&with_carried, r->requests[GD_R_CARRIED_OVER][GD_C_TOTAL]) &&
				with_carried == stated)
				continue;

			snprintf(where, sizeof(where), "表三“%s”行“%s”列",
					 gd_request_rows[rows[i].row].label, gd_request_cols[GD_C_TOTAL].label);
			prose_mismatch(j, rows[i].what, stated, "requests",
						   gd_request_rows[rows[i].row].key,
						   r->requests[rows[i].row][GD_C_TOTAL], where);
		}
	}
	if (r->review_present)
	{
		GdWide		lit = 0;

		snprintf(where, sizeof(where), "表四“%s”的“%s”", gd_review_rows[GD_V_RECONSIDERATION].label,
				 gd_review_cols[GD_VC_TOTAL].label);
		prose_mismatch(j, "行政复议", r->prose.reconsideration, "review",
					   gd_review_rows[GD_V_RECONSIDERATION].key,
					   r->review[GD_V_RECONSIDERATION][GD_VC_TOTAL], where);
		if (!acc_add(&lit, r->review[GD_V_LITIGATION_DIRECT][GD_VC_TOTAL]) ||
			!acc_add(&lit, r->review[GD_V_LITIGATION_AFTER][GD_VC_TOTAL]))
			lit = GD_NULL;
		snprintf(where, sizeof(where), "表四行政诉讼（%s与%s）的“%s”之和",
				 gd_review_rows[GD_V_LITIGATION_DIRECT].label,
				 gd_review_rows[GD_V_LITIGATION_AFTER].label, gd_review_cols[GD_VC_TOTAL].label);
		prose_mismatch(j, "行政诉讼", r->prose.litigation, "review", NULL, lit, where);
	}
}

/* the rules of severity error come first in the catalog */
static void
error_rules(const Judge *j, const GdReport *r)
{
	rule_requests_balance(j, r);
	rule_requests_results_sum(j, r);
	rule_requests_row_sum(j, r);
	rule_review_sum(j, r);
	rule_values_non_negative(j, r);
	rule_values_unreadable(j, r);
	rule_completeness_tables(j, r);
}

void
gd_check(const GdReport *r, GdFindings *out, const GdAllocator *a)
{
	Judge		j = {a, out};

	error_rules(&j, r);
	rule_values_ambiguous(&j, r);
	rule_completeness_blank_cells(&j, r);
	rule_completeness_sections(&j, r);
	rule_template_year(&j, r);
	rule_active_decisions_vs_items(&j, r);
	rule_fees_disclosed(&j, r);
	rule_prose_requests(&j, r);
}

/*
 * Only the rules of severity error: what govdisc_is_valid needs, without
 * the cost of judging and wording the warnings.
 */
void
gd_check_errors(const GdReport *r, GdFindings *out, const GdAllocator *a)
{
	Judge		j = {a, out};

	error_rules(&j, r);
}

/* ---- pair rules ---- */

static void
pair_carryover(const Judge *j, const GdReport *prev, const GdReport *cur)
{
	if (prev->requests_format == 0 || cur->requests_format == 0)
		return;
	for (int c = 0; c < GD_C_NCOLS; c++)
	{
		int64_t		was = prev->requests[GD_R_CARRIED_FORWARD][c],
					is = cur->requests[GD_R_CARRIED_OVER][c];
		GdFinding  *x;

		if (was == GD_NULL || is == GD_NULL || was == is)
			continue;
		x = add(j, "pair.carryover", GD_SEV_ERROR, "requests",
				gd_request_rows[GD_R_CARRIED_OVER].key, gd_request_cols[c].key);
		set_numbers(x, was, is);
		x->message = msg(j, "表三“%s”列：本年“%s”（%lld）不等于上一年报告的“%s”（%lld）",
						 gd_request_cols[c].label, gd_request_rows[GD_R_CARRIED_OVER].label,
						 (long long) is, gd_request_rows[GD_R_CARRIED_FORWARD].label,
						 (long long) was);
	}
}

static void
pair_in_force(const Judge *j, const GdReport *prev, const GdReport *cur)
{
	static const int rows[] = {GD_A_RULES, GD_A_NORMATIVE};

	if (prev->active_format != 2021 || cur->active_format != 2021)
		return;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
	{
		const GdActiveRowDef *d = gd_active_row_def(2021, rows[i]);
		const int64_t *p = prev->active[rows[i]],
				   *c = cur->active[rows[i]];
		GdWide		want = 0;
		GdFinding  *x;

		/* columns: issued, repealed, in_force */
		if (!acc_add(&want, p[2]) || !acc_add(&want, c[0]) || !acc_sub(&want, c[1]) ||
			c[2] == GD_NULL || c[2] == want)
			continue;
		x = add(j, "pair.in_force", GD_SEV_WARNING, "active", d->key, d->cols[2].key);
		set_numbers(x, want, c[2]);
		x->message = msg(j, "表二“%s”行：“%s”（%lld）不等于上一年的%lld加“%s”（%lld）减“%s”（%lld）之和（%s）",
						 d->label, d->cols[2].label, (long long) c[2], (long long) p[2],
						 d->cols[0].label, (long long) c[0], d->cols[1].label,
						 (long long) c[1], W(j, want));
	}
}

static void
pair_prior_items(const Judge *j, const GdReport *prev, const GdReport *cur)
{
	static const int rows[] = {GD_A_LICENSING, GD_A_OTHER_SERVICES, GD_A_PENALTIES,
	GD_A_COERCION, GD_A_FEES};

	if (prev->active_format != 2019 || cur->active_format != 2019)
		return;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
	{
		const GdActiveRowDef *d = gd_active_row_def(2019, rows[i]);
		const int64_t *p = prev->active[rows[i]],
				   *c = cur->active[rows[i]];
		GdWide		want = 0;
		GdFinding  *x;

		/* columns: prior, change */
		if (!acc_add(&want, p[0]) || !acc_add(&want, p[1]) ||
			c[0] == GD_NULL || c[0] == want)
			continue;
		x = add(j, "pair.prior_items", GD_SEV_WARNING, "active", d->key, d->cols[0].key);
		set_numbers(x, want, c[0]);
		x->message = msg(j, "表二“%s”行：“%s”（%lld）不等于上一年报告的“%s”加“%s”（%lld%+lld=%s）",
						 d->label, d->cols[0].label, (long long) c[0], d->cols[0].label,
						 d->cols[1].label, (long long) p[0], (long long) p[1],
						 W(j, want));
	}
}

static void
pair_year(const Judge *j, const GdReport *prev, const GdReport *cur)
{
	GdFinding  *x;

	if (prev->year == 0 || cur->year == 0 || (int64_t) cur->year == (int64_t) prev->year + 1)
		return;
	x = add(j, "pair.year", GD_SEV_ERROR, NULL, NULL, NULL);
	set_numbers(x, (int64_t) prev->year + 1, cur->year);
	x->message = msg(j, "本年报告是%d年度的，上一年报告是%d年度的：应为相邻两年（%d年度之后是%lld年度）",
					 cur->year, prev->year, prev->year, (long long) prev->year + 1);
}

void
gd_check_pair(const GdReport *prev, const GdReport *cur, GdFindings *out,
			  const GdAllocator *a)
{
	Judge		j = {a, out};

	pair_carryover(&j, prev, cur);
	pair_in_force(&j, prev, cur);
	pair_prior_items(&j, prev, cur);
	pair_year(&j, prev, cur);
}

bool
gd_findings_have_error(const GdFindings *f)
{
	for (int i = 0; i < f->n; i++)
		if (f->items[i].severity == GD_SEV_ERROR)
			return true;
	return false;
}
