/*
 * table_requests.c
 *		表三 收到和处理政府信息公开申请情况: 26 rows of seven columns.  Rows are
 *		found by what their labels say, wherever the layout puts them; （六）
 *		is one row in the 2019 format and three in the 2021 format.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "cells.h"
#include "diagnostics.h"
#include "match.h"
#include "rows.h"
#include "sections.h"
#include "split.h"
#include "tables.h"
#include "utf8.h"
#include "values.h"
#include "vertical.h"

#define NCOLS GD_C_NCOLS

/* Phrases that identify each row's label (any one of them). */
static const char *const row_phrases[GD_R_NROWS][4] = {
	[GD_R_RECEIVED] = {"本年新收", "新收政府信息公开申请", NULL},
	[GD_R_CARRIED_OVER] = {"上年结转", "上年度结转", "上一年度结转", NULL},
	[GD_R_GRANTED] = {"予以公开", NULL},
	[GD_R_PARTIAL] = {"部分公开", NULL},
	[GD_R_DENIED_SECRET] = {"国家秘密", NULL},
	[GD_R_DENIED_LAW] = {"止公开", "法律行政法规", NULL},
	[GD_R_DENIED_SAFETY] = {"三安全一稳定", "危及", NULL},
	[GD_R_DENIED_THIRD_PARTY] = {"第三方", NULL},
	[GD_R_DENIED_INTERNAL] = {"内部事务", NULL},
	[GD_R_DENIED_PROCESS] = {"过程性", NULL},
	[GD_R_DENIED_ENFORCEMENT] = {"执法案卷", NULL},
	[GD_R_DENIED_QUERY] = {"查询事项", NULL},
	[GD_R_UNAVAILABLE_NOT_HELD] = {"不掌握", NULL},
	[GD_R_UNAVAILABLE_NEEDS_CREATION] = {"另行制作", "没有现成", NULL},
	[GD_R_UNAVAILABLE_UNCLEAR] = {"不明确", NULL},
	[GD_R_REJECTED_COMPLAINT] = {"信访", "举报投诉", NULL},
	[GD_R_REJECTED_DUPLICATE] = {"重复申请", NULL},
	[GD_R_REJECTED_PUBLICATION] = {"出版物", NULL},
	[GD_R_REJECTED_EXCESSIVE] = {"大量反复", NULL},
	[GD_R_REJECTED_CONFIRMATION] = {"重新出具", "确认或", NULL},
	[GD_R_OTHER_HANDLING] = {"其他处理", NULL},
	[GD_R_OTHER_NO_CORRECTION] = {"不补正", "逾期不补", NULL},
	[GD_R_OTHER_NO_FEE] = {"缴纳费用", "收费通知", NULL},
	[GD_R_OTHER_MISC] = {NULL},
	[GD_R_TOTAL] = {NULL},
	[GD_R_CARRIED_FORWARD] = {"结转下年", "结转下一年", "转入下年", NULL},
};

/*
 * The phrases of row_phrases in one list, with the characters each holds
 * and one of them to try first: made once per process.
 */
typedef struct RowPhrase
{
	const char *s;
	int			row;
	int			key;			/* a hash of its set that few phrases share */
	GdCharSet	cs;
} RowPhrase;

/* at most 64 (row_phrases has 36): a set of them is a uint64_t */
static RowPhrase phrases[64];
static int	nphrases;
static GdCharSet keys;			/* the keys of all */
static uint64_t key_phrases[256];	/* the phrases of each key */

/* A label with these is a sentence of the notes */
static GdPhrase stops[] = {{"。"}, {";"}};

/* Words only the 2021 template's rows have */
static GdPhrase words_2021[] = {{"不补正"}, {"缴纳费用"}, {"收费通知"}};

static void
init_phrases(void)
{
	int			n = 0;
	GdCharSet	label_cs[GD_R_NROWS];

	if (nphrases > 0)
		return;
	gd_phrases(stops, 2);
	gd_phrases(words_2021, 3);
	for (int row = 0; row < GD_R_NROWS; row++)
		for (int k = 0; row_phrases[row][k] && n < 64; k++)
		{
			phrases[n].s = row_phrases[row][k];
			phrases[n].row = row;
			gd_charset(&phrases[n].cs, phrases[n].s);
			n++;
		}
	/* the key: the character of the phrase in the fewest of the template's labels */
	for (int row = 0; row < GD_R_NROWS; row++)
		gd_charset(&label_cs[row], gd_request_rows[row].label);
	for (int k = 0; k < n; k++)
	{
		int			best = -1;

		for (int h = 0; h < 256; h++)
		{
			int			shared = 0;

			if (!((phrases[k].cs.w[h >> 6] >> (h & 63)) & 1))
				continue;
			for (int row = 0; row < GD_R_NROWS; row++)
				shared += (label_cs[row].w[h >> 6] >> (h & 63)) & 1;
			if (best < 0 || shared < best)
			{
				best = shared;
				phrases[k].key = h;
			}
		}
		keys.w[phrases[k].key >> 6] |= (uint64_t) 1 << (phrases[k].key & 63);
		key_phrases[phrases[k].key] |= (uint64_t) 1 << k;
	}
	nphrases = n;
}

/* The index of the lowest bit set in x (not 0) */
static inline int
lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return __builtin_ctzll(x);
#else
	int			n = 0;

	while (!(x & 1))
	{
		x >>= 1;
		n++;
	}
	return n;
#endif
}

typedef struct T3
{
	int			format;			/* 2019 or 2021 */
	bool		seen_row;		/* a data row has been read */
	int			last_row;
	bool		found[GD_R_NROWS];
	bool		filled[GD_R_NROWS];	/* read with at least one cell */
	/* cells run together: the candidate splits of a row, or none */
	int64_t    *cands[GD_R_NROWS];
	int			ncands[GD_R_NROWS];
	size_t		cand_off[GD_R_NROWS];
	int			nraw[GD_R_NROWS];	/* candidates before any rule */
	unsigned	rules[GD_R_NROWS];	/* the rules that narrowed them (RULE_*) */
	int			npending;

	/*
	 * The rest is written before it is read, and is not zeroed: pdftotext
	 * -layout rows that show fewer figures than columns.
	 */
	GdColumns	columns;
	int			pending_row[GD_R_NROWS];
	GdRowCells	pending[GD_R_NROWS];
} T3;

/*
 * Which row does a label name?  -1 for none.  Context decides the labels
 * that are words of the header too: 其他 and 总计.
 */
static int
match_row(const char *compact, const GdCharSet *cs, void *arg)
{
	const T3   *st = arg;
	size_t		len = strlen(compact);
	const char *tail = compact;
	uint64_t	cand = 0;

	if (len == 0 || gd_has_phrase(compact, cs, &stops[0]) ||
		gd_has_phrase(compact, cs, &stops[1]))
		return -1;
	/* one of these words after the numbering, or nothing: the text ends with it */
	if (len >= 6 && (memcmp(compact + len - 6, "总计", 6) == 0 ||
					 memcmp(compact + len - 6, "合计", 6) == 0 ||
					 memcmp(compact + len - 6, "其他", 6) == 0))
	{
		const char *rest = gd_strip_numbering(compact);

		if (len - (size_t) (rest - compact) == 6)
		{
			if (memcmp(rest, "其他", 6) != 0)
				return st->seen_row ? GD_R_TOTAL : -1;
			return (st->format == 2021 && rest != compact &&
					(st->last_row == GD_R_OTHER_NO_FEE || st->last_row == GD_R_OTHER_NO_CORRECTION ||
					 st->found[GD_R_OTHER_NO_FEE])) ? GD_R_OTHER_MISC : -1;
		}
	}

	/*
	 * Web text runs the headers into the first label (…其他一、本年新收…):
	 * a long text is judged by its end.
	 */
	if (len > 3 * 45)
	{
		tail = compact + len - 3 * 30;
		while (((unsigned char) *tail & 0xC0) == 0x80)
			tail++;
	}
	/* the phrases whose key the text has, tried in order */
	for (int w = 0; w < 4; w++)
		for (uint64_t b = cs->w[w] & keys.w[w]; b; b &= b - 1)
			cand |= key_phrases[w * 64 + lowest_bit(b)];
	for (; cand; cand &= cand - 1)
	{
		const RowPhrase *ph = &phrases[lowest_bit(cand)];

		if (gd_charset_covers(cs, &ph->cs) && strstr(tail, ph->s) != NULL)
		{
			/* 2021: （六）其他处理 heads its three sub-rows */
			if (ph->row == GD_R_OTHER_HANDLING && st->format == 2021)
				continue;
			return ph->row;
		}
	}
	return -1;
}

typedef struct LabelArg
{
	T3		   *st;
} LabelArg;

static bool
is_label(GdParser *p, const GdToken *t, void *arg)
{
	return gd_match_token(p, t, match_row, ((LabelArg *) arg)->st) >= 0;
}

static int
detect_format(GdParser *p, const GdTokens *ts)
{
	for (size_t i = 0; i < ts->n; i++)
	{
		const char *c;

		if (ts->v[i].kind != GD_TK_TEXT)
			continue;
		c = gd_token_compact(p, &ts->v[i]);
		for (int k = 0; k < (int) (sizeof(words_2021) / sizeof(words_2021[0])); k++)
			if (gd_has_phrase(c, ts->v[i].cs, &words_2021[k]))
				return 2021;
	}
	return 2019;
}

/* The rules that may decide a split, as they are named in a diagnostic */
#define RULE_ROW_SUM	0x01
#define RULE_PROSE		0x02
#define RULE_BALANCE	0x04
#define RULE_TOTAL		0x08
#define NRULES 4
static const char *const rule_names[NRULES] = {
	"行内各列之和等于总计",
	"正文所述数字",
	"第一项加第二项之和等于第三项加第四项之和",
	"各项办理结果之和等于（七）总计",
};

/* gd_filter_candidates, noting the rule when it narrows the row's candidates */
static void
narrow(T3 *st, int row, unsigned rule, bool (*keep) (const int64_t *v, void *arg), void *arg)
{
	int			before = st->ncands[row];

	st->ncands[row] = gd_filter_candidates(st->cands[row], before, NCOLS, keep, arg);
	if (st->ncands[row] < before)
		st->rules[row] |= rule;
}

static bool
row_sum_holds(const int64_t *v, void *arg)
{
	int64_t		s = 0;

	for (int c = 0; c < NCOLS - 1; c++)
		s += v[c];
	return s == v[NCOLS - 1];
}

static bool
total_is(const int64_t *v, void *arg)
{
	return v[NCOLS - 1] == *(const int64_t *) arg;
}

static void
store_row(GdParser *p, T3 *st, int row, const GdRowCells *rc)
{
	GdReport   *r = p->r;
	const char *key = gd_request_rows[row].key;
	size_t		off,
				len;

	if (rc->n == NCOLS)
	{
		for (int c = 0; c < NCOLS; c++)
			r->requests[row][c] = gd_cell_value(p, rc->tok[c], GD_KIND_COUNT, GD_UNIT_NONE,
												"requests", key, gd_request_cols[c].key);
		gd_columns_learn(&st->columns, p, rc);
		return;
	}
	if (gd_runtogether(p, rc, NCOLS, &off, &len))
	{
		int64_t    *cands = gd_split_scratch(p);
		char		buf[256];
		int			n = gd_split(buf, gd_split_text(p->t.s + off, len, buf, sizeof(buf)), NCOLS, 0,
								 cands, GD_MAX_CANDIDATES);

		gd_tick(p);
		if (n > 0)
		{
			st->cands[row] = gd_keep_candidates(p, cands, n, NCOLS);
			st->ncands[row] = st->nraw[row] = n;
			st->cand_off[row] = off;
			narrow(st, row, RULE_ROW_SUM, row_sum_holds, NULL);
			if (row == GD_R_RECEIVED && r->prose.received != GD_NULL)
				narrow(st, row, RULE_PROSE, total_is, &r->prose.received);
			if (row == GD_R_CARRIED_OVER && r->prose.carried_over != GD_NULL)
				narrow(st, row, RULE_PROSE, total_is, &r->prose.carried_over);
			if (row == GD_R_CARRIED_FORWARD && r->prose.carried_forward != GD_NULL)
				narrow(st, row, RULE_PROSE, total_is, &r->prose.carried_forward);
			return;
		}
		gd_diag(p, "cell.ambiguous_split", "requests", key, NULL, off,
				"%s：数字连写“%.*s”，无法分成 %d 个单元格", gd_request_rows[row].label,
				(int) gd_clip(p->t.s + off, len, 40), p->t.s + off, NCOLS);
		return;
	}
	if (rc->n > 0 && !rc->tok[0]->cell && st->npending < GD_R_NROWS &&
		!gd_runs_together(p))
	{
		/* placed when the complete rows have shown where the columns are */
		st->pending_row[st->npending] = row;
		st->pending[st->npending++] = *rc;
		return;
	}
	if (rc->n == 0)
	{
		/* the next label follows at once: a row printed empty */
		for (int c = 0; c < NCOLS; c++)
			gd_diag(p, "cell.blank", "requests", key, gd_request_cols[c].key, (size_t) -1,
					"%s：本行未填写数字，单元格为空", gd_request_rows[row].label);
		return;
	}
	gd_diag(p, "row.incomplete", "requests", key, NULL,
			rc->n > 0 ? rc->tok[0]->off : (size_t) -1,
			"%s：应有 %d 个单元格，读到 %d 个，无法确定对应的列", gd_request_rows[row].label,
			NCOLS, rc->n);
}

/* Is column c of row settled: read directly, or the same in every candidate? */
static bool
settled(const T3 *st, const GdReport *r, int row, int c, int64_t *v)
{
	if (!st->cands[row])
	{
		*v = r->requests[row][c];
		return *v != GD_NULL;
	}
	for (int k = 1; k < st->ncands[row]; k++)
		if (st->cands[row][(size_t) k * NCOLS + c] != st->cands[row][c])
			return false;
	*v = st->cands[row][c];
	return st->ncands[row] > 0;
}

typedef struct ColumnSum
{
	int			c;
	int64_t		want;
} ColumnSum;

static bool
column_is(const int64_t *v, void *arg)
{
	const ColumnSum *cs = arg;

	return v[cs->c] == cs->want;
}

/*
 * A column equation sum(plus) = sum(minus) over rows: where one row of it is
 * still open and the others are settled, it fixes that row's cell.
 */
static bool
propagate(GdParser *p, T3 *st, unsigned rule, const int *plus, int nplus, const int *minus,
		  int nminus)
{
	GdReport   *r = p->r;
	bool		changed = false;

	for (int c = 0; c < NCOLS; c++)
	{
		int			open = -1;
		int			open_sign = 0;
		int64_t		sum = 0;
		bool		ok = true;

		for (int s = 0; s < 2 && ok; s++)
		{
			const int  *rows = s == 0 ? plus : minus;
			int			nrows = s == 0 ? nplus : nminus;

			for (int k = 0; k < nrows; k++)
			{
				int64_t		v;
				int			row = rows[k];

				if (!gd_request_row_in_format(row, st->format))
					continue;
				if (settled(st, r, row, c, &v))
					sum += s == 0 ? v : -v;
				else if (st->cands[row] && open < 0)
				{
					open = row;
					open_sign = s == 0 ? 1 : -1;
				}
				else
				{
					ok = false;
					break;
				}
			}
		}
		if (ok && open >= 0)
		{
			ColumnSum	cs;
			int			before = st->ncands[open];

			cs.c = c;
			cs.want = open_sign > 0 ? -sum : sum;
			narrow(st, open, rule, column_is, &cs);
			if (st->ncands[open] != before)
				changed = true;
		}
	}
	return changed;
}

/*
 * A row's split, once the rules have narrowed it: the cells every candidate
 * agrees on are taken; the others are null, each with a diagnostic.  When
 * the digits could be cut more than one way, a diagnostic says which rules
 * chose.
 */
static void
report_split(GdParser *p, T3 *st, int row)
{
	GdReport   *r = p->r;
	const char *label = gd_request_rows[row].label;
	const char *key = gd_request_rows[row].key;
	char		why[256];
	size_t		w = 0;
	bool		open = false;

	for (int c = 0; c < NCOLS; c++)
	{
		int64_t		v;

		if (settled(st, r, row, c, &v))
			r->requests[row][c] = v;
		else
		{
			open = true;
			gd_diag(p, "cell.ambiguous_split", "requests", key, gd_request_cols[c].key,
					st->cand_off[row],
					"%s：数字连写，有 %d 种符合表内关系的分法，“%s”一列无法确定，留空",
					label, st->ncands[row], gd_request_cols[c].label);
		}
	}
	if (open || st->nraw[row] < 2)
		return;
	why[0] = '\0';
	for (int k = 0; k < NRULES; k++)
		if (st->rules[row] & (1u << k))
			w += (size_t) snprintf(why + w, sizeof(why) - w, "%s%s", w ? "、" : "",
								   rule_names[k]);
	gd_diag(p, "cell.split_decided", "requests", key, NULL, st->cand_off[row],
			"%s：数字连写，有 %d 种分法，由%s确定唯一的一种", label, st->nraw[row], why);
}

static void
resolve_splits(GdParser *p, T3 *st)
{
	static const int balance_plus[] = {GD_R_RECEIVED, GD_R_CARRIED_OVER};
	static const int balance_minus[] = {GD_R_TOTAL, GD_R_CARRIED_FORWARD};
	int			results[GD_R_NROWS];
	int			nresults = 0;
	int			total[] = {GD_R_TOTAL};
	bool		any = false;

	/* with no row split, no equation has an open cell */
	for (int row = 0; row < GD_R_NROWS; row++)
		any |= st->cands[row] != NULL;
	if (!any)
		return;
	for (int row = GD_R_GRANTED; row <= GD_R_OTHER_MISC; row++)
		results[nresults++] = row;
	for (int round = 0; round < 8; round++)
	{
		bool		changed = false;

		changed |= propagate(p, st, RULE_BALANCE, balance_plus, 2, balance_minus, 2);
		changed |= propagate(p, st, RULE_TOTAL, results, nresults, total, 1);
		if (!changed)
			break;
	}
	for (int row = 0; row < GD_R_NROWS; row++)
		if (st->cands[row])
			report_split(p, st, row);
}

/*
 * Can the placed figures of a short row be its cells?  Not when a figure has
 * a leading zero (00, 05: two figures run together, the space between them
 * lost), nor when the placed figures of the applicant columns do not add up
 * to its placed total: blank cells hold nothing, so one of the figures is not
 * what it seems (two run together under one column, "1" and "5" as 15).  A
 * row with no figure under 总计 is not one whose blank cells were dropped
 * either.
 */
static bool
placement_plausible(GdParser *p, const GdRowCells *rc, const int *place)
{
	int64_t		sum = 0,
				total = GD_NULL;

	for (int i = 0; i < rc->n; i++)
	{
		const char *s = p->t.s + rc->tok[i]->off;
		GdNumber	num;
		int64_t		v;

		if (rc->tok[i]->len > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9')
			return false;
		if (gd_read_number(s, rc->tok[i]->len, &num) != GD_CELL_OK ||
			!gd_number_count(&num, &v) || v < 0)
			continue;
		if (place[i] == NCOLS - 1)
			total = v;
		else
			sum += v;
	}
	/* figures in the applicant columns and none under 总计: they moved */
	return total != GD_NULL && sum == total;
}

/* Short rows of pdftotext -layout: figures under the columns they stand under. */
static void
place_pending(GdParser *p, T3 *st)
{
	for (int k = 0; k < st->npending; k++)
	{
		int			row = st->pending_row[k];
		const GdRowCells *rc = &st->pending[k];
		int			place[16];
		const char *key = gd_request_rows[row].key;

		if (!gd_columns_place(&st->columns, p, rc, place) || !placement_plausible(p, rc, place))
		{
			gd_diag(p, "row.incomplete", "requests", key, NULL, rc->tok[0]->off,
					"%s：应有 %d 个单元格，读到 %d 个，无法确定对应的列",
					gd_request_rows[row].label, NCOLS, rc->n);
			continue;
		}
		for (int i = 0; i < rc->n; i++)
			p->r->requests[row][place[i]] =
				gd_cell_value(p, rc->tok[i], GD_KIND_COUNT, GD_UNIT_NONE, "requests", key,
							  gd_request_cols[place[i]].key);
		for (int c = 0; c < NCOLS; c++)
			if (p->r->requests[row][c] == GD_NULL)
				gd_diag(p, "cell.blank", "requests", key, gd_request_cols[c].key,
						rc->tok[0]->off, "单元格为空");
	}
}

static void
store_vertical(GdParser *p, int row, const GdToken **cells, void *arg)
{
	for (int c = 0; c < NCOLS; c++)
		p->r->requests[row][c] = gd_cell_value(p, cells[c], GD_KIND_COUNT, GD_UNIT_NONE,
											   "requests", gd_request_rows[row].key,
											   gd_request_cols[c].key);
}

/*
 * 总计 is a column of the header as well as a row: unnumbered, after other
 * words of its row, it is the header's (repeated after a page break, the
 * header must not become a row of data).
 */
static bool
header_total(GdParser *p, const GdTokens *ts, size_t i)
{
	const char *c = gd_token_compact(p, &ts->v[i]);
	size_t		stop = i > 64 ? i - 64 : 0;	/* a row has a few dozen cells */

	if (gd_strip_numbering(c) != c)
		return false;
	while (i > stop && ts->v[i - 1].kind != GD_TK_ROWEND)
		if (ts->v[--i].kind == GD_TK_TEXT)
			return true;
	return false;
}

static int
vertical_label(GdParser *p, const GdToken *t, void *arg)
{
	return gd_match_token(p, t, match_row, arg);
}

/* pdftotext without -layout: see vertical.c */
static void
read_vertical(GdParser *p, const GdTokens *ts, T3 *st, size_t from)
{
	int			format = st->format;
	int			rows[GD_R_NROWS];
	int			ncols[GD_R_NROWS];
	int			n = 0;

	for (int row = 0; row < GD_R_NROWS; row++)
		if (gd_request_row_in_format(row, format))
		{
			rows[n] = row;
			ncols[n++] = NCOLS;
		}
	p->r->requests_format = format;
	if (!gd_vertical_rows(p, ts, rows, n, ncols, true, store_vertical, vertical_label, st,
						  "requests"))
		gd_diag(p, "table.unreadable", "requests", NULL, NULL, from,
				"表三的单元格逐行排列且顺序无法确定（如不带 -layout 的 pdftotext 输出），未读取数据");
}

void
gd_read_requests(GdParser *p)
{
	GdTokens	ts;
	T3			st;
	LabelArg	la;
	size_t		from,
				to;
	size_t		i;
	GdReport   *r = p->r;
	int			nfound = 0;
	int			ncells = 0;
	int			mark = p->r->ndiagnostics;

	if (!gd_table_region(p, 3, &from, &to))
	{
		gd_diag(p, "table.missing", "requests", NULL, NULL, (size_t) -1,
				"未找到表三（收到和处理政府信息公开申请情况）");
		return;
	}
	memset(&ts, 0, sizeof(ts));
	gd_tokenize(p, from, to, &ts);
	memset(&st, 0, offsetof(T3, columns));
	st.columns.k = NCOLS;
	st.columns.nrows = 0;
	init_phrases();
	st.format = detect_format(p, &ts);
	st.last_row = -1;
	la.st = &st;

	if (gd_vertical_layout(&ts))
	{
		read_vertical(p, &ts, &st, from);
		return;
	}

	for (i = 0; i < ts.n;)
	{
		const GdToken *t = &ts.v[i];
		int			row;
		GdRowCells	rc;
		size_t		last;

		if (t->kind != GD_TK_TEXT)
		{
			i++;
			continue;
		}
		row = gd_match_cells(p, &ts, i, match_row, &st, &last);
		if (row < 0 || !gd_request_row_in_format(row, st.format) ||
			(row == GD_R_TOTAL && header_total(p, &ts, i)))
		{
			i++;
			continue;
		}
		/* one sum group: 总计 is the sum of the six columns before it */
		i = gd_collect_row(p, &ts, last, NCOLS, NCOLS, &rc, is_label, &la);
		/*
		 * A label repeated in a note, or a second table (本级 after 全市):
		 * the first reading of a row stands.
		 */
		if (st.found[row] && (rc.n == 0 || st.filled[row]))
			continue;
		st.filled[row] = rc.n > 0;
		if (!st.found[row])
			nfound++;
		ncells += rc.n;
		st.found[row] = true;
		st.seen_row = true;
		st.last_row = row;
		store_row(p, &st, row, &rc);
	}
	if (nfound == 0 || ncells == 0)
	{
		/* labels alone are no table: what was said of their rows goes */
		p->r->ndiagnostics = mark;
		gd_diag(p, "table.missing", "requests", NULL, NULL, from,
				"未找到表三（收到和处理政府信息公开申请情况）的数据行");
		return;
	}
	r->requests_format = st.format;
	place_pending(p, &st);
	resolve_splits(p, &st);
	for (int row = 0; row < GD_R_NROWS; row++)
		if (gd_request_row_in_format(row, st.format) && !st.found[row])
			gd_diag(p, "row.missing", "requests", gd_request_rows[row].key, NULL, (size_t) -1,
					"表三未找到“%s”一行", gd_request_rows[row].label);
	if (ts.truncated)
		gd_diag(p, "table.truncated", "requests", NULL, NULL, from,
				"表三所在部分过长，只读取了开头部分");
}
