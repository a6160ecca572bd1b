/*
 * diagnostics.h
 *		The parser's diagnostics (diagnostics.c): what could not be read, and
 *		why, with the table, row and column it concerns and its position.
 */
#ifndef GOVDISC_DIAGNOSTICS_H
#define GOVDISC_DIAGNOSTICS_H

#include "parser.h"

#if defined(__GNUC__)
#define GD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GD_PRINTF(f, a)
#endif

extern void gd_diag(GdParser *p, const char *code, const char *table,
					const char *row, const char *column, size_t norm_off,
					const char *fmt,...) GD_PRINTF(7, 8);

#endif							/* GOVDISC_DIAGNOSTICS_H */
