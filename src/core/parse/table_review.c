/*
 * table_review.c
 *		表四 政府信息公开行政复议、行政诉讼情况: fifteen cells in one row under
 *		two header rows, read in order: 行政复议, 未经复议直接起诉, 复议后起诉,
 *		each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
 */
#include <string.h>

#include "alloc.h"
#include "cells.h"
#include "diagnostics.h"
#include "match.h"
#include "review_order.h"
#include "rows.h"
#include "sections.h"
#include "split.h"
#include "tables.h"
#include "utf8.h"
#include "values.h"
#include "vertical.h"

#define NCELLS (GD_V_NROWS * GD_VC_NCOLS)

static bool
review_sums_hold(const int64_t *v, void *arg)
{
	for (int row = 0; row < GD_V_NROWS; row++)
	{
		const int64_t *c = v + row * GD_VC_NCOLS;

		if (c[0] + c[1] + c[2] + c[3] != c[4])
			return false;
	}
	return true;
}

static bool
reconsideration_is(const int64_t *v, void *arg)
{
	return v[GD_V_RECONSIDERATION * GD_VC_NCOLS + GD_VC_TOTAL] == *(const int64_t *) arg;
}

static bool
litigation_is(const int64_t *v, void *arg)
{
	return v[GD_V_LITIGATION_DIRECT * GD_VC_NCOLS + GD_VC_TOTAL] +
		v[GD_V_LITIGATION_AFTER * GD_VC_NCOLS + GD_VC_TOTAL] == *(const int64_t *) arg;
}

/*
 * The fifteen cells from digits that run together, wholly or between
 * spaces (00 0 00 0 0 0 00 0 0 0 00): the cuts the three groups' sums and
 * the figures the prose states allow.  Cells the remaining cuts disagree
 * on are null, each with a diagnostic; when rules chose, one says which.
 */
static void
store_split(GdParser *p, size_t off, size_t len)
{
	int64_t    *cands = gd_split_scratch(p);
	char		buf[256];
	int			n = gd_split(buf, gd_split_text(p->t.s + off, len, buf, sizeof(buf)), NCELLS, 0,
							 cands, GD_MAX_CANDIDATES);
	int			raw = n;
	GdReport   *r = p->r;
	bool		open = false;
	const char *why[3];
	int			nwhy = 0;
	int			before;

	gd_tick(p);
	if (n <= 0)
	{
		gd_diag(p, "cell.ambiguous_split", "review", NULL, NULL, off,
				"表四：数字连写“%.*s”，无法分成 %d 个单元格",
				(int) gd_clip(p->t.s + off, len, 40), p->t.s + off, NCELLS);
		return;
	}
	before = n;
	n = gd_filter_candidates(cands, n, NCELLS, review_sums_hold, NULL);
	if (n < before)
		why[nwhy++] = "各组结果之和等于总计";
	before = n;
	if (r->prose.reconsideration != GD_NULL)
		n = gd_filter_candidates(cands, n, NCELLS, reconsideration_is, &r->prose.reconsideration);
	if (r->prose.litigation != GD_NULL)
		n = gd_filter_candidates(cands, n, NCELLS, litigation_is, &r->prose.litigation);
	if (n < before)
		why[nwhy++] = "正文所述行政复议、行政诉讼件数";
	for (int k = 0; k < NCELLS; k++)
	{
		int			row = k / GD_VC_NCOLS,
					col = k % GD_VC_NCOLS;
		bool		same = true;

		for (int j = 1; j < n; j++)
			if (cands[(size_t) j * NCELLS + k] != cands[k])
				same = false;
		if (same)
			r->review[row][col] = cands[k];
		else
		{
			open = true;
			gd_diag(p, "cell.ambiguous_split", "review", gd_review_rows[row].key,
					gd_review_cols[col].key, off,
					"表四：数字连写，有 %d 种符合表内关系的分法，“%s”“%s”无法确定，留空", n,
					gd_review_rows[row].label, gd_review_cols[col].label);
		}
	}
	if (!open && raw > 1)
		gd_diag(p, "cell.split_decided", "review", NULL, NULL, off,
				"表四：数字连写，有 %d 种分法，由%s%s%s确定唯一的一种", raw,
				nwhy > 0 ? why[0] : "", nwhy > 1 ? "、" : "", nwhy > 1 ? why[1] : "");
}

/* The words of the two header rows, with their sets made once */
static GdPhrase header_words[] = {
	{"维持"}, {"纠正"}, {"审结"}, {"总计"}, {"复议"}, {"诉讼"}, {"结果"},
};
#define NHEADER_WORDS ((int) (sizeof(header_words) / sizeof(header_words[0])))
static bool header_words_ready;

static bool
is_header(const char *c, const GdCharSet *cs)
{
	if (strcmp(c, "计") == 0)
		return true;
	for (int k = 0; k < NHEADER_WORDS; k++)
		if (gd_has_phrase(c, cs, &header_words[k]))
			return true;
	return false;
}

static bool
all_blank(const GdToken *const *v, int from, int to)
{
	for (int k = from; k < to; k++)
		if (v[k]->len > 0)
			return false;
	return true;
}

/*
 * Explicit cells go on after the fifteenth (a separator printed twice, an
 * empty cell of a merge): vals made the fifteen cells where gd_place_cells
 * finds that certain, each group of five summing to its 总计.  False when
 * the row's cells cannot be placed.
 */
static bool
extra_cells_placed(GdParser *p, const GdTokens *ts, size_t i, const GdToken **vals)
{
	const GdToken *all[2 * NCELLS];
	int			n = NCELLS;

	if (!vals[0]->cell)
		return true;
	memcpy(all, vals, NCELLS * sizeof(all[0]));
	for (; i < ts->n && n < 2 * NCELLS; i++)
	{
		const GdToken *t = &ts->v[i];

		if (t->kind == GD_TK_ROWEND || t->kind == GD_TK_TEXT || !t->cell)
			break;
		all[n++] = t;
	}
	if (n == NCELLS)
		return true;
	if (!gd_place_cells(p, all, n, NCELLS, GD_VC_NCOLS))
		return false;
	memcpy(vals, all, NCELLS * sizeof(all[0]));
	return true;
}

/*
 * The fifteen figures: the first run of fifteen value cells after the
 * headers.  Header rows cut over several Markdown rows leave blank cells
 * under merged ones, and after a row's last header word: a row's blank
 * cells are no data, and a run of fifteen blank cells is taken only when
 * no run with a figure follows.  pdftotext without -layout scatters header
 * words among the figures (vertical); there the 总计 labels between figures
 * are noted for review_order.c.  Returns the figures found; *next is the
 * token after the last of them (where explicit cells may go on).
 */
static int
collect_figures(GdParser *p, const GdTokens *ts, bool vertical, const GdToken **vals,
				bool *marked, bool *header, size_t *next)
{
	size_t		blank_run_next = 0;
	const GdToken *blank_run[NCELLS];
	bool		have_blank_run = false;
	int			nvals = 0;
	int			row_from = 0;	/* the first of vals in the current row */
	bool		mark = false;

	for (size_t i = 0; i < ts->n; i++)
	{
		const GdToken *t = &ts->v[i];

		if (t->kind == GD_TK_ROWEND)
		{
			if (!vertical && nvals > row_from && all_blank(vals, row_from, nvals))
				nvals = row_from;
			row_from = nvals;
			continue;
		}
		if (t->kind == GD_TK_TEXT)
		{
			const char *c = gd_token_compact(p, t);

			if (!*header)
				*header = is_header(c, t->cs);
			if (!vertical)
				nvals = row_from = 0;
			else if (nvals > 0 && strcmp(c, "总计") == 0)
				mark = true;
			continue;
		}
		if (!*header)
			continue;
		marked[nvals] = mark;
		mark = false;
		vals[nvals++] = t;
		if (nvals < NCELLS)
			continue;
		*next = i + 1;
		if (vertical || !all_blank(vals, 0, NCELLS))
			return nvals;
		if (!have_blank_run)
		{
			memcpy(blank_run, vals, sizeof(blank_run));
			blank_run_next = i + 1;
		}
		have_blank_run = true;
		nvals = row_from = 0;
	}
	*next = ts->n;
	if (have_blank_run)
	{
		*next = blank_run_next;
		memcpy(vals, blank_run, sizeof(blank_run));
		memset(marked, 0, NCELLS * sizeof(bool));
		return NCELLS;
	}
	return nvals;
}

void
gd_read_review(GdParser *p)
{
	GdTokens	ts;
	size_t		from,
				to;
	const GdToken *vals[NCELLS];
	bool		marked[NCELLS];
	int			nvals;
	bool		header = false;
	bool		vertical;
	GdReport   *r = p->r;
	size_t		i;

	if (!gd_table_region(p, 4, &from, &to))
	{
		gd_diag(p, "table.missing", "review", NULL, NULL, (size_t) -1,
				"未找到表四（政府信息公开行政复议、行政诉讼情况）");
		return;
	}
	if (!header_words_ready)
	{
		gd_phrases(header_words, NHEADER_WORDS);
		header_words_ready = true;
	}
	memset(&ts, 0, sizeof(ts));
	gd_tokenize(p, from, to, &ts);
	vertical = gd_vertical_layout(&ts);
	if (ts.truncated)
		gd_diag(p, "table.truncated", "review", NULL, NULL, from,
				"表四所在部分过长，只读取了开头部分");

	nvals = collect_figures(p, &ts, vertical, vals, marked, &header, &i);
	if (!header)
	{
		gd_diag(p, "table.missing", "review", NULL, NULL, from,
				"未找到表四（政府信息公开行政复议、行政诉讼情况）的表头");
		return;
	}
	if (nvals == NCELLS && !extra_cells_placed(p, &ts, i, vals))
	{
		r->review_present = true;
		gd_diag(p, "row.incomplete", "review", NULL, NULL, vals[0]->off,
				"表四：应有 %d 个单元格，读到更多，无法确定对应的列", NCELLS);
		return;
	}
	if (nvals == NCELLS)
	{
		r->review_present = true;
		if (vertical)
		{
			gd_review_order(p, vals, marked);
			return;
		}
		for (int k = 0; k < NCELLS; k++)
		{
			int			row = k / GD_VC_NCOLS,
						col = k % GD_VC_NCOLS;

			r->review[row][col] = gd_cell_value(p, vals[k], GD_KIND_COUNT, GD_UNIT_NONE, "review",
												gd_review_rows[row].key,
												gd_review_cols[col].key);
		}
		return;
	}
	if (nvals > 0 && nvals < NCELLS)
	{
		GdRowCells	rc;
		size_t		off,
					len;

		rc.n = nvals;
		memcpy(rc.tok, vals, nvals * sizeof(vals[0]));
		if (gd_runtogether(p, &rc, NCELLS, &off, &len))
		{
			r->review_present = true;
			store_split(p, off, len);
			return;
		}
	}
	if (nvals == 0)
	{
		gd_diag(p, "table.missing", "review", NULL, NULL, from,
				"未找到表四（政府信息公开行政复议、行政诉讼情况）的数据");
		return;
	}
	r->review_present = true;
	gd_diag(p, "row.incomplete", "review", NULL, NULL, vals[0]->off,
			"表四：应有 %d 个单元格，读到 %d 个，无法确定对应的列", NCELLS, nvals);
}
