/*
 * values.h
 *		Reading one cell's text as a number (values.c): counts, signed changes
 *		and amounts, with the units the reports print.
 */
#ifndef GOVDISC_VALUES_H
#define GOVDISC_VALUES_H

#include "govdisc.h"

typedef enum GdUnit
{
	GD_UNIT_NONE,
	GD_UNIT_COUNT,				/* 个 件 条 …: a count */
	GD_UNIT_YUAN,
	GD_UNIT_WAN					/* 万元 */
} GdUnit;

typedef enum GdCellStatus
{
	GD_CELL_OK,
	GD_CELL_BLANK,
	GD_CELL_PLACEHOLDER,		/* / - — 无 */
	GD_CELL_TEXT,				/* not a number */
	GD_CELL_TOO_LONG			/* more digits than any real figure */
} GdCellStatus;

typedef struct GdNumber
{
	bool		has_sign;
	bool		negative;
	bool		has_point;
	bool		inexact;		/* more than 4 decimals */
	uint64_t	int_part;
	unsigned	frac;			/* 4 decimals */
	int			int_digits;
	int			frac_digits;
	GdUnit		unit;
} GdNumber;

extern GdCellStatus gd_read_number(const char *s, size_t n, GdNumber *num);
/* a cell holding two or more figures apart ("1 1", "12 0"): a lost separator */
extern bool gd_several_figures(const char *s, size_t n);
extern bool gd_number_count(const GdNumber *num, int64_t *v);
extern bool gd_number_amount(const GdNumber *num, GdUnit default_unit, int64_t *v);

#endif							/* GOVDISC_VALUES_H */
