/*
 * rows.c
 *		Reading a table row: the value cells that follow its label, and each
 *		cell's value as its column wants it (count, signed, amount), with a
 *		diagnostic for every cell that gives no value.
 */
#include <string.h>

#include "cells.h"
#include "diagnostics.h"
#include "match.h"
#include "rows.h"
#include "sections.h"
#include "utf8.h"
#include "values.h"

bool
gd_token_blank(const GdParser *p, const GdToken *t)
{
	for (uint32_t i = 0; i < t->len; i++)
		if (p->t.s[t->off + i] != ' ')
			return false;
	return true;
}

static bool
all_blank(const GdParser *p, const GdRowCells *rc, int n)
{
	for (int e = 0; e < n; e++)
		if (!gd_token_blank(p, rc->tok[e]))
			return false;
	return true;
}

/* Does a text token open with the template's numbering (1. （三） 三、)? */
static bool
is_numbered(GdParser *p, const GdToken *t)
{
	const char *c = gd_token_compact(p, t);

	return gd_strip_numbering(c) != c;
}

/*
 * Does a text token open with item numbering (1. 一、 （一） ⑴ …), or is it
 * the first half of one broken over lines (（七 / ）总计)?
 */
static bool
starts_numbered(GdParser *p, const GdToken *t)
{
	const char *c = gd_token_compact(p, t);
	char		buf[16];
	size_t		n = strlen(c);

	if (gd_strip_numbering(c) != c)
		return true;
	if (c[0] != '(' || n + 2 > sizeof(buf))
		return false;
	memcpy(buf, c, n);
	buf[n] = ')';
	buf[n + 1] = '\0';
	return *gd_strip_numbering(buf) == '\0';
}

/*
 * Can the row's own sums hold with these k cells?  sum_group: the columns
 * come in groups of that many, the last of each the sum of the others (表三
 * one group of seven, 表四 three of five).  A blank or unreadable cell is a
 * count not known, so it can be anything from 0 up: a group fails only when
 * its total is known and the known figures exceed it, or, all known, differ.
 */
static bool
sums_can_hold(GdParser *p, const GdToken *const *tok, int k, int sum_group)
{
	for (int g = 0; g + sum_group <= k; g += sum_group)
	{
		int64_t		total = gd_token_count(p, tok[g + sum_group - 1]);
		GdWide		known = 0;
		bool		open = false;

		if (total == GD_NULL)
			continue;
		for (int c = g; c < g + sum_group - 1; c++)
		{
			int64_t		v = gd_token_count(p, tok[c]);

			if (v == GD_NULL)
				open = true;
			else
				known += v;
		}
		if (open ? known > total : known != total)
			return false;
	}
	return true;
}

static int
count_filled(const GdParser *p, const GdToken *const *tok, int n)
{
	int			filled = 0;

	for (int i = 0; i < n; i++)
		if (!gd_token_blank(p, tok[i]))
			filled++;
	return filled;
}

/*
 * A row of n explicit cells, more than its k columns: which k cells it
 * stands for, in tok[0 .. k-1].  The blank ones that merged cells leave are
 * dropped where that is certain: before the first figure, or after the last,
 * or, when exactly k cells are not blank, wherever they are (a separator
 * printed twice).  When the extra cells at both ends are blank, dropping
 * those before or those after puts the figures in different columns: that
 * is certain only when the row is all blank (the same cells either way), or
 * when the row's sums (sum_group, see sums_can_hold; 0 for a table without)
 * can hold for one of the two only.  False when no placement is certain:
 * tok is left as it was, and the caller reports the row, never shifting its
 * figures.
 */
bool
gd_place_cells(GdParser *p, const GdToken **tok, int n, int k, int sum_group)
{
	int			extra = n - k;
	int			filled = 0;
	bool		lead = true,
				trail = true;

	for (int e = 0; e < extra; e++)
	{
		if (!gd_token_blank(p, tok[e]))
			lead = false;
		if (!gd_token_blank(p, tok[n - 1 - e]))
			trail = false;
	}
	if (lead && trail && count_filled(p, tok, n) > 0)
	{
		bool		before = sum_group > 0 && sums_can_hold(p, tok + extra, k, sum_group),
					after = sum_group > 0 && sums_can_hold(p, tok, k, sum_group);

		if (before == after)
			return false;
		lead = before;
	}
	if (lead)
	{
		memmove(tok, tok + extra, k * sizeof(tok[0]));
		return true;
	}
	if (trail)
		return true;
	if (count_filled(p, tok, n) != k)
		return false;
	for (int i = 0; i < n; i++)
		if (!gd_token_blank(p, tok[i]))
			tok[filled++] = tok[i];
	return true;
}

/*
 * Collects the value tokens after the label at index i.  Text before the
 * first value (a header, the rest of a long label) is passed over, unless it
 * is numbered (the next row's label); text or a row end after it, or the next
 * label, ends the row.  Free text gives at most
 * k.  Explicit cells are read to the end of the row: merged cells leave blank
 * ones beside the label (Markdown, OCR) or after the last figure, and those
 * are dropped when the row has more cells than k (gd_place_cells, with the
 * row's sum_group); when that is not certain, rc->n is left above k.
 *
 * PDF converted to Markdown spreads one table row over two or three rows:
 * the label's continuation below it, with the figures in its row or in the
 * next one.  So a row of explicit cells that are all blank goes on into the
 * rows below, as long as they continue it: a text cell there that is a label
 * or opens with the template's numbering is the next row's, and ends the
 * search (the figures below such a label are never this row's).  When no
 * figure turns up, the blank cells of the label's own row stand.  Returns
 * the index to go on from.
 */
size_t
gd_collect_row(GdParser *p, const GdTokens *ts, size_t i, int k, int sum_group,
			   GdRowCells *rc, GdIsLabel is_label, void *arg)
{
	size_t		j;
	int			n = 0;			/* rc->n, kept in a register */
	bool		explicit = ts->v[i].cell;
	int			crossed = 0;	/* row ends passed */
	GdRowCells	own;			/* the label's own row, all blank */
	size_t		own_end = 0;

	own.n = -1;
	for (j = i + 1; j < ts->n && n < 16; j++)
	{
		const GdToken *t = &ts->v[j];

		if (n >= k && (n == 0 || !rc->tok[0]->cell))
		{
			/*
			 * Free text with one figure more than the row has cells: which
			 * figure stands in which column is not certain (a sign or a
			 * space misplaced: 11 － 3 931).
			 */
			if (n > 0 && n < 16 && t->kind == GD_TK_VALUE)
				rc->tok[n++] = t;
			break;
		}
		if (t->kind == GD_TK_ROWEND)
		{
			if (n > 0)
			{
				if (!explicit || !rc->tok[0]->cell || !all_blank(p, rc, n) || crossed >= 2)
					break;
				if (own.n < 0)
				{
					own.n = n;
					memcpy(own.tok, rc->tok, n * sizeof(rc->tok[0]));
					own_end = j;
				}
				n = 0;
			}
			crossed++;
			continue;
		}
		if (t->kind == GD_TK_TEXT)
		{
			/*
			 * The next row's label, or one that opens with the template's
			 * numbering: blank cells before it in its row are its own.
			 */
			if (is_label(p, t, arg) ||
				(explicit && crossed > 0 && t->cell && is_numbered(p, t)))
			{
				if (explicit && crossed > 0 && all_blank(p, rc, n))
					n = 0;
				break;
			}
			/* below the label: its continuation, with the blank cells before it */
			if (explicit && crossed > 0 && t->cell && n > 0 && all_blank(p, rc, n))
			{
				n = 0;
				continue;
			}
			/*
			 * words in an explicit cell of the row: a value that cannot be
			 * read; past the k-th cell only figures that lost their
			 * separator ("0 13"), which make the row's placement uncertain
			 */
			if (n > 0 && t->cell && rc->tok[0]->cell &&
				(n < k || gd_several_figures(p->t.s + t->off, t->len)))
			{
				rc->tok[n++] = t;
				continue;
			}
			if (n > 0)
				break;
			/*
			 * The label's own first cell holding figures that lost their
			 * separator ("8 0 261"): the row's figures, which cannot be
			 * placed; the rows below are never its continuation.
			 */
			if (explicit && crossed == 0 && t->cell &&
				gd_several_figures(p->t.s + t->off, t->len))
			{
				rc->tok[n++] = t;
				continue;
			}
			/*
			 * Numbered text is the next row's label even when no phrase
			 * names it (4.无 of a label broken over lines): the figures
			 * after it are that row's, not this one's.
			 */
			if (starts_numbered(p, t))
				break;
			continue;
		}
		rc->tok[n++] = t;
	}
	if (own.n >= 0 && (n == 0 || all_blank(p, rc, n)))
	{
		/* no figure below: the label's own blank cells */
		n = own.n;
		memcpy(rc->tok, own.tok, n * sizeof(rc->tok[0]));
		j = own_end;
	}
	rc->n = n;
	if (n > k && gd_place_cells(p, rc->tok, n, k, sum_group))
		rc->n = k;

	/*
	 * A cell with several figures in it lost a separator: the row has more
	 * figures than cells, and which cell stands in which column is not
	 * certain ("| | 1 | 0 | 1 1 | 3 |" may be a blank and six, or seven).
	 */
	if (rc->n == k && k < 16)
		for (int c = 0; c < k; c++)
			if (!rc->tok[c]->digits &&
				gd_several_figures(p->t.s + rc->tok[c]->off, rc->tok[c]->len))
			{
				rc->tok[k] = rc->tok[c];
				rc->n = k + 1;
				break;
			}
	return j;
}

/*
 * Fewer groups of digits than cells, glued together (3705, 0+12) or apart
 * by single spaces (410 000041): the cells run together.  That needs
 * the report to run its cells together (gd_detect_runtogether), or the row
 * to show it: a group of digits that opens with 0 (000041) is no one
 * figure.  Gives the span of text to split; spaces in it are certain
 * boundaries (gd_split_text).
 */
bool
gd_runtogether(GdParser *p, const GdRowCells *rc, int k, size_t *off, size_t *len)
{
	bool		proof = false;
	int			digits = 0;

	if (rc->n < 1 || rc->n >= k)
		return false;
	for (int i = 0; i < rc->n; i++)
	{
		const GdToken *t = rc->tok[i];
		const char *s = p->t.s + t->off;

		if (t->cell || t->len == 0)
			return false;
		/*
		 * One space at most: a wider gap is a column of a layout that
		 * dropped blank cells (pdftotext -layout), not a run to cut.
		 */
		if (i > 0)
		{
			size_t		prev_end = rc->tok[i - 1]->off + rc->tok[i - 1]->len;

			if (t->off - prev_end > 1 || (t->off > prev_end && p->t.s[prev_end] != ' '))
				return false;
		}
		for (uint32_t j = 0; j < t->len; j++)
			digits += s[j] >= '0' && s[j] <= '9';
		if (t->len > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9')
			proof = true;
	}
	*off = rc->tok[0]->off;
	*len = rc->tok[rc->n - 1]->off + rc->tok[rc->n - 1]->len - *off;
	return digits >= k && (proof || gd_runs_together(p));
}

static int64_t
read_cell(GdParser *p, const GdToken *t, GdValueKind kind, GdUnit unit,
		  const char *table, const char *row, const char *column)
{
	GdNumber	num;
	int64_t		v;
	const char *s = p->t.s + t->off;

	switch (gd_read_number(s, t->len, &num))
	{
		case GD_CELL_BLANK:
			gd_diag(p, "cell.blank", table, row, column, t->off, "单元格为空");
			return GD_NULL;
		case GD_CELL_PLACEHOLDER:
			gd_diag(p, "cell.placeholder", table, row, column, t->off,
					"单元格填写“%.*s”，不是数字", (int) t->len, s);
			return GD_NULL;
		case GD_CELL_TOO_LONG:
			gd_diag(p, "cell.out_of_range", table, row, column, t->off,
					"单元格数字位数过多，超出可表示的范围");
			return GD_NULL;
		case GD_CELL_TEXT:
			gd_diag(p, "cell.unreadable", table, row, column, t->off,
					"单元格“%.*s”不是数字", (int) gd_clip(s, t->len, 60), s);
			return GD_NULL;
		case GD_CELL_OK:
			break;
	}
	if (kind == GD_KIND_AMOUNT)
	{
		if (!gd_number_amount(&num, unit, &v))
		{
			if (gd_number_too_precise(&num, unit))
				gd_diag(p, "amount.inexact", table, row, column, t->off,
						"金额“%.*s”的小数位数超出可精确表示的范围（万元 8 位、元 4 位），不取近似值",
						(int) t->len, s);
			else if (num.unit == GD_UNIT_NONE || num.unit == GD_UNIT_COUNT)
				gd_diag(p, "amount.no_unit", table, row, column, t->off,
						"金额“%.*s”未注明单位（元或万元）", (int) t->len, s);
			else
				gd_diag(p, "cell.out_of_range", table, row, column, t->off,
						"金额“%.*s”超出可表示的范围", (int) t->len, s);
			return GD_NULL;
		}
		return v;
	}
	if (!gd_number_count(&num, &v))
	{
		if (num.frac_digits == 0 && num.unit != GD_UNIT_WAN && num.unit != GD_UNIT_YUAN)
			gd_diag(p, "cell.out_of_range", table, row, column, t->off,
					"单元格“%.*s”超出可表示的范围", (int) gd_clip(s, t->len, 60), s);
		else
			gd_diag(p, "cell.unreadable", table, row, column, t->off,
					"单元格“%.*s”不是整数", (int) gd_clip(s, t->len, 60), s);
		return GD_NULL;
	}
	return v;
}

int64_t
gd_token_count(GdParser *p, const GdToken *t)
{
	GdNumber	num;
	int64_t		v;

	if (gd_read_number(p->t.s + t->off, t->len, &num) != GD_CELL_OK ||
		!gd_number_count(&num, &v))
		return GD_NULL;
	return v;
}

int64_t
gd_cell_value_read(GdParser *p, const GdToken *t, GdValueKind kind, GdUnit unit,
				   const char *table, const char *row, const char *column)
{
	const char *s = p->t.s + t->off;
	uint64_t	u = 0;
	uint32_t	k;

	/* a blank cell, as gd_read_number would tell it */
	if (t->len == 0)
	{
		gd_diag(p, "cell.blank", table, row, column, t->off, "单元格为空");
		return GD_NULL;
	}

	/*
	 * Counts of plain digits that the tokenizer did not mark: gd_read_number's
	 * answer, without its work.
	 */
	if (kind == GD_KIND_AMOUNT || t->len > 18)
		return read_cell(p, t, kind, unit, table, row, column);
	for (k = 0; k < t->len && s[k] >= '0' && s[k] <= '9'; k++)
		u = u * 10 + (uint64_t) (s[k] - '0');
	if (k == t->len)
		return (int64_t) u;
	return read_cell(p, t, kind, unit, table, row, column);
}

static inline bool
is_digit(char c)
{
	return (unsigned) ((unsigned char) c - '0') <= 9;
}

/*
 * Do the tables run their cells together (规章000, 1.属于国家秘密0000000)?
 * Groups of digits glued to the ideograph before them, or opening with a 0
 * that no figure has (数量 0000000), in the tables' parts, say so for the
 * whole report.  Years, dates and counts in prose (2020年,
 * 1136条) do not count.
 */
static bool
detect_runtogether(GdParser *p)
{
	const char *s = p->t.s;
	size_t		from,
				to,
				end;
	int			glued = 0;

	if (!gd_table_region(p, 2, &from, &to) && !gd_table_region(p, 3, &from, &to))
		return false;
	end = to;
	if (gd_table_region(p, 4, &to, &end) == false)
		end = to;
	if (end > from + 400000)
		end = from + 400000;
	for (size_t i = from + 3; i + 2 < end; i++)
	{
		unsigned char lead;
		bool		zero;
		size_t		k;

		/*
		 * A run starting at i, i + 1 or i + 2 needs a digit at i + 2: most
		 * of the text has none, and is passed three (or six) bytes at once.
		 */
		while (i + 5 < end && !is_digit(s[i + 2]) && !is_digit(s[i + 5]))
			i += 6;
		while (i + 2 < end && !is_digit(s[i + 2]))
			i += 3;
		if (i + 2 >= end)
			return false;
		lead = (unsigned char) s[i - 3];
		zero = !(lead >= 0xE4 && lead <= 0xE9);
		k = i;
		/* glued to a word (规章000), or after a space but opening with 0 (0000000) */
		if (!(s[i] >= '0' && s[i] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9' &&
			  ((lead >= 0xE4 && lead <= 0xE9) || (s[i] == '0' && s[i - 1] == ' '))))
			continue;
		while (k < end && s[k] >= '0' && s[k] <= '9')
			k++;
		i = k;
		/* not a percentage, a telephone number, a time or a decimal */
		if (k < end && (s[k] == '%' || s[k] == '-' ||
						(zero && (s[k] == ':' || s[k] == '.' || s[k] == '/' || s[k] == ','))))
			continue;
		if (k + 3 <= end && (memcmp(s + k, "年", 3) == 0 || memcmp(s + k, "月", 3) == 0 ||
							 memcmp(s + k, "日", 3) == 0 || memcmp(s + k, "件", 3) == 0 ||
							 memcmp(s + k, "条", 3) == 0 || memcmp(s + k, "个", 3) == 0 ||
							 memcmp(s + k, "号", 3) == 0 || memcmp(s + k, "人", 3) == 0 ||
							 memcmp(s + k, "次", 3) == 0 || memcmp(s + k, "起", 3) == 0))
			continue;
		if (++glued >= 2)
			return true;
	}
	return false;
}

/*
 * gd_runs_together: the detector's answer, found once a parse, when a row
 * of free text first asks (tables of explicit cells never do).
 */
bool
gd_runs_together(GdParser *p)
{
	if (!p->runtogether_known)
	{
		p->runtogether = detect_runtogether(p);
		p->runtogether_known = true;
	}
	return p->runtogether;
}

/* Where a token ends, in characters from the start of its line. */
static int
token_end(const GdParser *p, const GdToken *t)
{
	int			n = 0;

	for (uint32_t i = 0; i < t->len; i++)
		if (((unsigned char) p->t.s[t->off + i] & 0xC0) != 0x80)
			n++;
	return t->col + n;
}

/*
 * pdftotext -layout drops blank cells: a row shows fewer figures than its
 * columns.  The complete rows of the same table tell where each column's
 * figures end (they are right-aligned), and a short row's figures are put in
 * the columns they stand under — when each is clearly under one.
 */
void
gd_columns_learn(GdColumns *c, const GdParser *p, const GdRowCells *rc)
{
	if (rc->n != c->k || c->k > 16 || c->nrows >= 32)
		return;
	for (int i = 0; i < rc->n; i++)
		if (rc->tok[i]->cell)
			return;
	c->off[c->nrows] = rc->tok[0]->off;
	for (int i = 0; i < rc->n; i++)
		c->end[c->nrows][i] = token_end(p, rc->tok[i]);
	c->nrows++;
}

/* Pages shift the columns: the complete row nearest in the text is the guide. */
bool
gd_columns_place(const GdColumns *c, const GdParser *p, const GdRowCells *rc, int *place)
{
	const int  *center;
	int			gap = 1 << 30;
	int			last = -1;
	int			nearest = -1;
	size_t		bestdist = (size_t) -1;

	if (c->nrows == 0 || rc->n == 0 || rc->n >= c->k)
		return false;
	for (int r = 0; r < c->nrows; r++)
	{
		size_t		d = c->off[r] > rc->tok[0]->off ? c->off[r] - rc->tok[0]->off :
			rc->tok[0]->off - c->off[r];

		if (d < bestdist)
			bestdist = d, nearest = r;
	}
	center = c->end[nearest];
	for (int i = 1; i < c->k; i++)
		if (center[i] - center[i - 1] < gap)
			gap = center[i] - center[i - 1];
	if (gap < 2)
		return false;
	for (int i = 0; i < rc->n; i++)
	{
		int			end;
		int			best = -1;
		int			bestd = 1 << 30;

		if (rc->tok[i]->cell)
			return false;
		end = token_end(p, rc->tok[i]);
		for (int k = 0; k < c->k; k++)
		{
			int			d = end > center[k] ? end - center[k] : center[k] - end;

			if (d < bestd)
				bestd = d, best = k;
		}
		/* clearly under one column, and in order */
		if (bestd * 2 >= gap || best <= last)
			return false;
		place[i] = last = best;
	}
	return true;
}
