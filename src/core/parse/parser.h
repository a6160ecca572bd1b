/*
 * parser.h
 *		The parser's working state, shared by the stages of src/core/parse.
 *		Each stage's interface is in the header of the file that defines it
 *		(normalize.h, cells.h, match.h, rows.h …; docs/development.md).
 *		Core only (no PostgreSQL).
 */
#ifndef GOVDISC_PARSER_H
#define GOVDISC_PARSER_H

#include "govdisc.h"
#include "text.h"

/* Figures the prose states for one column (meta.c), e.g. 现行有效…698件 */
typedef struct GdStated
{
	int			n;
	int64_t		v[8];
} GdStated;

/* The parser's working state, shared by its files. */
typedef struct GdParser
{
	const GdAllocator *a;
	GdText		t;
	GdReport   *r;
	size_t		sec_off[7];		/* normalised offsets of sections 1..6, 0 = absent */
	/*
	 * The tables' cells run together (规章000): told on first use
	 * (gd_runs_together, rows.c), as only rows of free text ask.
	 */
	bool		runtogether;
	bool		runtogether_known;
	int64_t    *split_scratch;	/* candidates of a split, reused (split.c) */
	char	   *compact_pool;	/* room for tokens' compact forms (match.c) */
	size_t		compact_left;
	GdStated	stated[GD_A_NCOLS];	/* 2021 表二: issued, repealed, in_force */

	/*
	 * Where a figure of the prose may be stated (meta.c): the offsets, in
	 * order, of the characters that may start one of its trigger words
	 * (triggers.h).  gd_normalize notes them as it writes the text, so that
	 * the prose needs no pass of its own.
	 */
	uint32_t	trigger_mid[64];	/* triggers by a character's second byte */
	uint32_t	trigger_last[64];	/* ... and by its third */
	size_t	   *trigger_at;
	size_t		ntrigger_at;
	size_t		captrigger_at;

	/*
	 * Where a part's heading may stand (sections.c): the offsets, in order,
	 * of the separators (. , 、) of the text that follow a byte a numeral
	 * may end with (1..6, the last byte of 一..六), noted by gd_normalize.
	 */
	size_t	   *sep_at;
	size_t		nsep_at;
	size_t		capsep_at;

	const char *fixed_fmt;		/* the last fixed message of gd_diag */
} GdParser;

#endif							/* GOVDISC_PARSER_H */
