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
	bool		inexact;		/* a digit after the 8th decimal that is not 0 */
	uint64_t	int_part;
	uint32_t	frac;			/* the decimals, times 10^8 */
	int			int_digits;
	int			frac_digits;
	GdUnit		unit;
} GdNumber;

extern GdCellStatus gd_read_number(const char *s, size_t n, GdNumber *num);
/* a cell holding two or more figures apart ("1 1", "12 0"): a lost separator */
extern bool gd_several_figures(const char *s, size_t n);
extern bool gd_number_count(const GdNumber *num, int64_t *v);
extern bool gd_number_amount(const GdNumber *num, GdUnit default_unit, int64_t *v);
/* Has an amount more decimals than GD_AMOUNT_SCALE holds (万元: 8, 元: 4)? */
extern bool gd_number_too_precise(const GdNumber *num, GdUnit default_unit);

#endif							/* GOVDISC_VALUES_H */
