/*
 * cells.h
 *		Tokens of a table region (cells.c): labels and words, values and row
 *		ends, each with where it stands and in which layout it was found.
 */
#ifndef GOVDISC_CELLS_H
#define GOVDISC_CELLS_H

#include "parser.h"

struct GdCharSet;				/* match.h */

typedef enum GdTokKind
{
	GD_TK_TEXT,					/* a label, a header or other words */
	GD_TK_VALUE,				/* a number, a blank cell or a placeholder */
	GD_TK_ROWEND				/* the layout says a table row ends here */
} GdTokKind;

typedef struct GdToken
{
	size_t		off;			/* span in the normalised text */
	uint32_t	len;
	uint8_t		kind;
	bool		cell;			/* an explicit cell (Word, pipe, HTML, Markdown) */
	bool		glued;			/* a value that follows its label with no space */
	bool		soft;			/* ROWEND: only the end of a plain line */
	bool		alone;			/* a value alone on its line (pdftotext raw) */
	bool		digits;			/* known to be ASCII digits only, 1 to 18 (false:
								 * not known; any span may say so) */
	int32_t		col;			/* free text: column of its first character in its
								 * line; a Markdown cell: its place in its row
								 * (1, 2, …); else 0 */
	char	   *compact;		/* gd_token_compact's result, once asked for */
	uint32_t	compact_len;
	struct GdCharSet *cs;		/* the characters of compact, with it */
} GdToken;

typedef struct GdTokens
{
	GdToken    *v;
	size_t		n;
	size_t		cap;
	bool		truncated;		/* the region was too large to read whole */
	size_t		free_values;	/* values of free text (no cells), and of */
	size_t		alone_values;	/* those, the ones alone on their line */
} GdTokens;

/* Tokens of the normalised text between two offsets. */
extern void gd_tokenize(GdParser *p, size_t from, size_t to, GdTokens *out);

#endif							/* GOVDISC_CELLS_H */
