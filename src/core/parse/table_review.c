/*
 * table_review.c
 *		表四 政府信息公开行政复议、行政诉讼情况: fifteen cells in one row under
 *		two header rows, read in order: 行政复议, 未经复议直接起诉, 复议后起诉,
 *		each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
 */
#include <string.h>

#include "cells.h"
#include "diagnostics.h"
#include "match.h"
#include "rows.h"
#include "sections.h"
#include "split.h"
#include "tables.h"
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

static void
store_split(GdParser *p, const GdToken *t)
{
	int64_t    *cands = gd_split_scratch(p);
	int			n = gd_split(p->t.s + t->off, t->len, NCELLS, 0, cands, GD_MAX_CANDIDATES);
	GdReport   *r = p->r;
	bool		open = false;

	if (n <= 0)
	{
		gd_diag(p, "cell.ambiguous_split", "review", NULL, NULL, t->off,
				"表四：数字连写，无法确定各单元格的分界");
		return;
	}
	n = gd_filter_candidates(cands, n, NCELLS, review_sums_hold, NULL);
	for (int k = 0; k < NCELLS; k++)
	{
		bool		same = true;

		for (int j = 1; j < n; j++)
			if (cands[(size_t) j * NCELLS + k] != cands[k])
				same = false;
		if (same)
			r->review[k / GD_VC_NCOLS][k % GD_VC_NCOLS] = cands[k];
		else
			open = true;
	}
	if (open)
		gd_diag(p, "cell.ambiguous_split", "review", NULL, NULL, t->off,
				"表四：数字连写，有 %d 种分法，无法确定的单元格留空", n);
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
is_blank_cell(const GdParser *p, const GdToken *t)
{
	for (uint32_t k = 0; k < t->len; k++)
		if (p->t.s[t->off + k] != ' ')
			return false;
	return true;
}

/*
 * Explicit cells go on after the fifteenth (a separator printed twice, an
 * empty cell of a merge): the blank ones are dropped where that is certain
 * (after the last figure, before the first, or when exactly fifteen are
 * filled) and vals made the fifteen cells.  False when the row's cells
 * cannot be placed.
 */
static bool
extra_cells_placed(const GdParser *p, const GdTokens *ts, size_t i, const GdToken **vals)
{
	const GdToken *all[2 * NCELLS];
	int			n = NCELLS,
				extra,
				filled = 0;
	bool		lead = true,
				trail = true;

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
	extra = n - NCELLS;
	if (extra == 0)
		return true;
	for (int e = 0; e < extra; e++)
	{
		if (!is_blank_cell(p, all[e]))
			lead = false;
		if (!is_blank_cell(p, all[n - 1 - e]))
			trail = false;
	}
	if (trail)
		return true;
	if (lead)
	{
		memcpy(vals, all + extra, NCELLS * sizeof(all[0]));
		return true;
	}
	for (int k = 0; k < n; k++)
		if (!is_blank_cell(p, all[k]))
			filled++;
	if (filled != NCELLS)
		return false;
	filled = 0;
	for (int k = 0; k < n; k++)
		if (!is_blank_cell(p, all[k]))
			vals[filled++] = all[k];
	return true;
}

void
gd_read_review(GdParser *p)
{
	GdTokens	ts;
	size_t		from,
				to;
	const GdToken *vals[NCELLS];
	int			nvals = 0;
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

	/* the values are the first run of fifteen cells after the headers */
	for (i = 0; i < ts.n && nvals < NCELLS; i++)
	{
		const GdToken *t = &ts.v[i];

		if (t->kind == GD_TK_ROWEND)
			continue;
		if (t->kind == GD_TK_TEXT)
		{
			if (!header)
			{
				const char *c = gd_token_compact(p, t);

				header = is_header(c, t->cs);
			}
			/* pdftotext without -layout scatters header words among the figures */
			if (!vertical)
				nvals = 0;
			continue;
		}
		if (header)
			vals[nvals++] = t;
	}
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
	if (nvals == 1 && p->runtogether && !vals[0]->cell)
	{
		r->review_present = true;
		store_split(p, vals[0]);
		return;
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
