/*
 * review_order.c
 *		表四 as pdftotext without -layout writes it: its fifteen figures a line
 *		each, in the order pdftotext reads the PDF's text blocks, which is not
 *		always the cells' order.  A group's 总计 column, with its 总计 header
 *		above it, may come out apart from the group's other four figures, and
 *		the groups themselves out of order: e.g. 复议's four figures, 复议后
 *		起诉's first four, 总计 and 复议's total, 直接起诉's five, 总计 and 复议
 *		后起诉's total.
 *
 *		The readings: the fifteen figures cut into six pieces, each group's
 *		first four cells and its total, laid in any order (720 readings).  A
 *		reading is admissible when every 总计 label that stands between two
 *		figures is followed by a total (the label is that column's header).
 *		The sums decide among them (upheld + corrected + other + pending =
 *		total, for each of the three groups):
 *		- the text order, when admissible and all three sums hold, is taken;
 *		- else the admissible readings whose three sums hold: one set of
 *		  values, taken (with a diagnostic naming the rule); several, the cells
 *		  they disagree on are null with cell.ambiguous_order;
 *		- none: a report that does not add up.  The text order, when
 *		  admissible and at least one of its sums holds, keeps the figures as
 *		  printed; otherwise the cells the admissible readings disagree on are
 *		  null with cell.ambiguous_order.  A text order that breaks every sum
 *		  is never a default.
 */
#include <string.h>

#include "cells.h"
#include "diagnostics.h"
#include "review_order.h"
#include "rows.h"
#include "values.h"

#define NCELLS (GD_V_NROWS * GD_VC_NCOLS)
#define NPIECES 6

/* the pieces: each group's first four cells, and its total */
static const int piece_cell[NPIECES] = {0, 4, 5, 9, 10, 14};
static const int piece_len[NPIECES] = {4, 1, 4, 1, 4, 1};

typedef struct Readings
{
	const int64_t *v;			/* the figures in text order, GD_NULL unread */
	const bool *marked;			/* a 总计 label right before figure k */
	int			jumps;			/* the fewest jumps of those whose sums hold */
	int			nsums;			/* admissible readings whose sums all hold,
								 * with that many jumps */
	int64_t		sums[NCELLS];	/* ... their values where they agree */
	bool		sums_differ[NCELLS];
	int			nany;			/* all admissible readings */
	int64_t		any[NCELLS];
	bool		any_differ[NCELLS];
} Readings;

/* How many of the three group sums hold for cells c (unread cells: none) */
static int
sums_holding(const int64_t *c)
{
	int			n = 0;

	for (int g = 0; g < GD_V_NROWS; g++)
	{
		const int64_t *r = c + g * GD_VC_NCOLS;
		bool		read = true;

		for (int k = 0; k < GD_VC_NCOLS; k++)
			read &= r[k] != GD_NULL;
		if (read && r[0] + r[1] + r[2] + r[3] == r[4])
			n++;
	}
	return n;
}

static void
note(int64_t *agreed, bool *differ, int *n, const int64_t *cells)
{
	for (int k = 0; k < NCELLS; k++)
	{
		if (*n == 0)
		{
			agreed[k] = cells[k];
			differ[k] = false;
		}
		else if (agreed[k] != cells[k])
			differ[k] = true;
	}
	(*n)++;
}

/*
 * Lays the figures in the piece order 'order'; false if not admissible.
 * *jumps: how often the next figure is not in the next cell (from before
 * the first cell, and to after the last).
 */
static bool
lay(const Readings *rd, const int *order, int64_t *cells, int *jumps)
{
	int			pos = 0;
	int			next_cell = 0;

	*jumps = 0;
	for (int k = 0; k < NPIECES; k++)
	{
		int			pc = order[k];

		if (piece_cell[pc] != next_cell)
			(*jumps)++;
		next_cell = piece_cell[pc] + piece_len[pc];

		/* a 总计 label stands only before a total */
		for (int m = 1; m < piece_len[pc]; m++)
			if (rd->marked[pos + m])
				return false;
		if (rd->marked[pos] && piece_len[pc] != 1)
			return false;
		for (int m = 0; m < piece_len[pc]; m++)
			cells[piece_cell[pc] + m] = rd->v[pos + m];
		pos += piece_len[pc];
	}
	if (next_cell != NCELLS)
		(*jumps)++;
	return true;
}

/* Every order of the pieces, by Heap's algorithm. */
static void
enumerate(Readings *rd)
{
	int			order[NPIECES] = {0, 1, 2, 3, 4, 5};
	int			c[NPIECES] = {0};
	int64_t		cells[NCELLS];
	int			i = 0;
	int			jumps;

	for (;;)
	{
		if (lay(rd, order, cells, &jumps))
		{
			note(rd->any, rd->any_differ, &rd->nany, cells);
			if (sums_holding(cells) == GD_V_NROWS && (rd->nsums == 0 || jumps <= rd->jumps))
			{
				/* the reading nearest the text order counts, the others go */
				if (rd->nsums > 0 && jumps < rd->jumps)
					rd->nsums = 0;
				rd->jumps = jumps;
				note(rd->sums, rd->sums_differ, &rd->nsums, cells);
			}
		}
		while (i < NPIECES && c[i] >= i)
			c[i++] = 0;
		if (i == NPIECES)
			break;
		{
			int			a = i % 2 == 0 ? 0 : c[i];
			int			t = order[a];

			order[a] = order[i];
			order[i] = t;
		}
		c[i]++;
		i = 0;
	}
}

/* The text order, as printed: each cell read with its own diagnostics. */
static void
store_text_order(GdParser *p, const GdToken *const *vals)
{
	for (int k = 0; k < NCELLS; k++)
	{
		int			row = k / GD_VC_NCOLS,
					col = k % GD_VC_NCOLS;

		p->r->review[row][col] = gd_cell_value(p, vals[k], GD_KIND_COUNT, GD_UNIT_NONE,
											   "review", gd_review_rows[row].key,
											   gd_review_cols[col].key);
	}
}

/*
 * Reads 表四 from its fifteen figures in text order, marked[k] when a 总计
 * label stands right before figure k, into p->r->review.
 */
void
gd_review_order(GdParser *p, const GdToken *const *vals, const bool *marked)
{
	Readings	rd;
	int64_t		v[NCELLS];
	int64_t		text[NCELLS];
	bool		text_ok;
	const int64_t *take;
	const bool *differ;
	bool		all[NCELLS];
	GdReport   *r = p->r;
	size_t		off = vals[0]->off;

	memset(&rd, 0, sizeof(rd));
	for (int k = 0; k < NCELLS; k++)
		v[k] = gd_token_count(p, vals[k]);
	rd.v = v;
	rd.marked = marked;
	{
		static const int identity[NPIECES] = {0, 1, 2, 3, 4, 5};
		int			jumps;

		text_ok = lay(&rd, identity, text, &jumps);
	}
	if (text_ok && sums_holding(text) == GD_V_NROWS)
	{
		store_text_order(p, vals);
		return;
	}
	enumerate(&rd);
	if (rd.nsums > 0)
	{
		take = rd.sums;
		differ = rd.sums_differ;
	}
	else if (text_ok && sums_holding(text) > 0)
	{
		/* a report that does not add up: as printed */
		store_text_order(p, vals);
		return;
	}
	else if (rd.nany > 0)
	{
		take = rd.any;
		differ = rd.any_differ;
	}
	else
	{
		/* no admissible reading at all: every cell is open */
		for (int k = 0; k < NCELLS; k++)
			all[k] = true;
		differ = all;
		take = text;
	}
	for (int k = 0; k < NCELLS; k++)
	{
		int			row = k / GD_VC_NCOLS,
					col = k % GD_VC_NCOLS;

		if (!differ[k] && take[k] != GD_NULL)
		{
			r->review[row][col] = take[k];
			continue;
		}
		r->review[row][col] = GD_NULL;
		gd_diag(p, "cell.ambiguous_order", "review", gd_review_rows[row].key,
				gd_review_cols[col].key, off,
				"表四：数字逐行排列，顺序与单元格不一致，%s",
				rd.nsums > 1 ? "有多种符合合计关系且同样接近文本顺序的读法，此单元格各不相同，留空" :
				rd.nsums == 1 ? "此单元格的数字无法读取，留空" :
				"没有符合合计关系的读法，无法确定此单元格，留空");
	}
	if (rd.nsums > 0)
		gd_diag(p, "cell.order_by_sums", "review", NULL, NULL, off,
				"表四：数字逐行排列，文本顺序不符合“总计”标签的位置或合计关系；按“总计”标签的位置、三组合计关系（维持+纠正+其他+尚未审结=总计）和最接近文本的顺序（%d 处跳转）选定读法，%d 种读法符合",
				rd.jumps, rd.nsums);
}
