/*
 * vertical.c
 *		pdftotext without -layout writes a table a cell a line, in the order
 *		the PDF draws it: labels apart from their figures, and blocks of rows
 *		column by column.  What stays is the template's row order, so the
 *		runs of figures are laid on the rows in that order.  It is accepted
 *		only when the figures fill the rows exactly, and a block of several
 *		rows only in the one orientation whose row sums hold; otherwise the
 *		table is left null with a diagnostic.
 */
#include <string.h>

#include "cells.h"
#include "rows.h"
#include "values.h"
#include "vertical.h"

#define MAX_ROWS 32
#define MAX_COLS 8

/* Most figures stand alone on their lines: the raw pdftotext layout. */
bool
gd_vertical_layout(const GdTokens *ts)
{
	/* the tokenizer counts them as it goes */
	return ts->free_values >= 6 && ts->alone_values * 10 >= ts->free_values * 7;
}

/*
 * Lays k rows of n cells from run: the first j rows one after the other, the
 * rest as a block written column by column (or row by row).
 */
static void
lay(const GdToken *const *run, int k, int n, int j, bool column_major,
	const GdToken **out)
{
	int			b = k - j;

	for (int r = 0; r < j; r++)
		for (int c = 0; c < n; c++)
			out[r * n + c] = run[r * n + c];
	for (int r = 0; r < b; r++)
		for (int c = 0; c < n; c++)
			out[(j + r) * n + c] = column_major ? run[j * n + c * b + r] : run[j * n + r * n + c];
}

/* Do the row sums (last = sum of the others) hold for k rows of n cells? */
static bool
sums_hold(GdParser *p, const GdToken *const *cells, int k, int n)
{
	for (int r = 0; r < k; r++)
	{
		int64_t		sum = 0;

		for (int c = 0; c < n; c++)
		{
			int64_t		v = gd_token_count(p, cells[r * n + c]);

			if (v == GD_NULL)
				return false;
			if (c < n - 1)
				sum += v;
			else if (sum != v)
				return false;
		}
	}
	return true;
}

static bool
same_values(GdParser *p, const GdToken *const *a, const GdToken *const *b, int cells)
{
	for (int i = 0; i < cells; i++)
		if (gd_token_count(p, a[i]) != gd_token_count(p, b[i]))
			return false;
	return true;
}

/*
 * The one way to lay a run of several rows whose row sums all hold; false
 * when there is none or more than one.
 */
static bool
lay_block(GdParser *p, const GdToken *const *run, int k, int n, const GdToken **out)
{
	const GdToken *try[MAX_ROWS * MAX_COLS];
	bool		found = false;

	for (int j = 0; j <= k; j++)
		for (int col = 0; col < 2; col++)
		{
			if (col && k - j < 2)
				continue;
			lay(run, k, n, j, col, try);
			if (!sums_hold(p, try, k, n))
				continue;
			if (found && !same_values(p, out, try, k * n))
				return false;
			if (!found)
				memcpy(out, try, k * n * sizeof(try[0]));
			found = true;
		}
	return found;
}

/*
 * label_row, when given, names the row a text token labels (or -1): a run of
 * one row's figures after a label of another row (the last label among the
 * texts before it) is not laid on the template's next row, however its sums
 * hold; the table is left unread.
 */
bool
gd_vertical_rows(GdParser *p, const GdTokens *ts, const int *rows, int nrows,
				 const int *ncols, bool column_major_ok,
				 void (*store) (GdParser *p, int row, const GdToken **cells, void *arg),
				 int (*label_row) (GdParser *p, const GdToken *t, void *arg),
				 void *arg, const char *table)
{
	const GdToken *assigned[MAX_ROWS][MAX_COLS];
	int			cursor = 0;
	size_t		i = 0;
	int			named = -1;		/* the row the texts before the run name */

	if (nrows > MAX_ROWS)
		return false;
	while (i < ts->n)
	{
		const GdToken *run[MAX_ROWS * MAX_COLS];
		int			len = 0;
		int			n = cursor < nrows ? ncols[cursor] : 0;

		if (ts->v[i].kind != GD_TK_VALUE)
		{
			if (ts->v[i].kind == GD_TK_TEXT && label_row)
			{
				int			row = label_row(p, &ts->v[i], arg);

				if (row >= 0)
					named = row;
			}
			i++;
			continue;
		}
		while (i < ts->n && ts->v[i].kind != GD_TK_TEXT)
		{
			if (ts->v[i].kind == GD_TK_VALUE)
			{
				if (len == MAX_ROWS * MAX_COLS)
					return false;
				run[len++] = &ts->v[i];
			}
			i++;
		}
		if (cursor >= nrows || n == 0)
			return false;
		if (len == n)
		{
			if (named >= 0 && named != rows[cursor])
				return false;
			named = -1;
			memcpy(assigned[cursor], run, n * sizeof(run[0]));
			cursor++;
			continue;
		}
		if (!column_major_ok || len % n != 0 || cursor + len / n > nrows)
			return false;
		{
			int			k = len / n;
			const GdToken *laid[MAX_ROWS * MAX_COLS];

			for (int r = 1; r < k; r++)
				if (ncols[cursor + r] != n)
					return false;
			if (!lay_block(p, run, k, n, laid))
				return false;
			for (int r = 0; r < k; r++)
				memcpy(assigned[cursor + r], laid + r * n, n * sizeof(laid[0]));
			cursor += k;
			named = -1;
		}
	}
	if (cursor != nrows)
		return false;
	for (int r = 0; r < nrows; r++)
		store(p, rows[r], assigned[r], arg);
	return true;
}
