/*
 * vertical.h
 *		pdftotext without -layout (vertical.c): a value a line, in template
 *		order, read by the rows the table readers expect.
 */
#ifndef GOVDISC_VERTICAL_H
#define GOVDISC_VERTICAL_H

#include "cells.h"

extern bool gd_vertical_layout(const GdTokens *ts);
extern bool gd_vertical_rows(GdParser *p, const GdTokens *ts, const int *rows, int nrows,
							 const int *ncols, bool column_major_ok,
							 void (*store) (GdParser *p, int row, const GdToken **cells, void *arg),
							 int (*label_row) (GdParser *p, const GdToken *t, void *arg),
							 void *arg, const char *table);

#endif							/* GOVDISC_VERTICAL_H */
