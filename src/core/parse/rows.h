/*
 * rows.h
 *		Reading a row's cells after its label (rows.c), the columns of
 *		pdftotext -layout tables, and telling when cells run together.
 */
#ifndef GOVDISC_ROWS_H
#define GOVDISC_ROWS_H

#include "cells.h"
#include "values.h"

typedef bool (*GdIsLabel) (GdParser *p, const GdToken *t, void *arg);

typedef struct GdRowCells
{
	int			n;				/* value tokens found */
	const GdToken *tok[16];
} GdRowCells;

/* sum_group: see gd_place_cells */
extern size_t gd_collect_row(GdParser *p, const GdTokens *ts, size_t i, int k,
							 int sum_group, GdRowCells *rc, GdIsLabel is_label,
							 void *arg);
/*
 * n explicit cells of a row of k columns (n > k): the k it stands for, in
 * tok[0 .. k-1], where that is certain; sum_group: the columns come in
 * groups of that many whose last is the sum of the others, 0 for none.
 */
extern bool gd_place_cells(GdParser *p, const GdToken **tok, int n, int k,
						   int sum_group);
/* an explicit cell printed empty (white space only) */
extern bool gd_token_blank(const GdParser *p, const GdToken *t);
/* a value token read as a count, without diagnostics (GD_NULL if it is none) */
extern int64_t gd_token_count(GdParser *p, const GdToken *t);
/*
 * A cell's value as its column wants it (count, signed, amount), with a
 * diagnostic when it gives none.  The cells the tokenizer found to be plain
 * digits (most of them) are counts read here; the others, and amounts, by
 * gd_cell_value_read.
 */
extern int64_t gd_cell_value_read(GdParser *p, const GdToken *t, GdValueKind kind,
								  GdUnit unit, const char *table, const char *row,
								  const char *column);

static inline int64_t
gd_cell_value(GdParser *p, const GdToken *t, GdValueKind kind, GdUnit unit,
			  const char *table, const char *row, const char *column)
{
	if (t->digits && kind != GD_KIND_AMOUNT)
	{
		const char *s = p->t.s + t->off;
		uint64_t	u = 0;

		for (uint32_t k = 0; k < t->len; k++)
			u = u * 10 + (uint64_t) (s[k] - '0');
		return (int64_t) u;
	}
	return gd_cell_value_read(p, t, kind, unit, table, row, column);
}
extern bool gd_runtogether(GdParser *p, const GdRowCells *rc, int k, size_t *off,
						   size_t *len);

/* columns of pdftotext -layout tables, from their complete rows */
typedef struct GdColumns
{
	int			k;				/* columns */
	int			nrows;			/* complete rows seen */
	size_t		off[32];		/* where each complete row stands */
	int			end[32][16];	/* where each of its figures ends */
} GdColumns;

extern void gd_columns_learn(GdColumns *c, const GdParser *p, const GdRowCells *rc);
extern bool gd_columns_place(const GdColumns *c, const GdParser *p, const GdRowCells *rc,
							 int *place);
/* do the report's tables run their cells together (规章000)? */
extern bool gd_runs_together(GdParser *p);

#endif							/* GOVDISC_ROWS_H */
