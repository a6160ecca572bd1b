/*
 * match.h
 *		Comparing labels by what they say (match.c): compact forms without
 *		white space and quotes, character sets that rule phrases out before
 *		any search, and matching a token against a table's labels.
 */
#ifndef GOVDISC_MATCH_H
#define GOVDISC_MATCH_H

#include "cells.h"

/*
 * A "compact" form of a label: white space and quotes removed, so that
 * 规    章 equals 规章 (full-width forms are already folded by NFKC).  Writes
 * into buf (NUL-terminated, truncated to bufsize; NULL only counts) and
 * returns its length.
 */
extern size_t gd_compact(const char *s, size_t n, char *buf, size_t bufsize);
#define GD_COMPACT_TAIL 600
extern bool gd_contains(const char *hay, const char *needle);

/*
 * The characters a text holds, as a 256-bit hash set: a label matcher
 * tries many phrases against one text, and most phrases have a character
 * the text lacks.  gd_has is gd_contains, without the search when the set
 * already rules the phrase out.
 */
typedef struct GdCharSet
{
	uint64_t	w[4];
} GdCharSet;

extern void gd_charset(GdCharSet *cs, const char *s);
/* gd_compact that also gives the gd_charset of what it writes */
extern size_t gd_compact_charset(const char *s, size_t n, char *buf, size_t bufsize,
								 GdCharSet *cs);
extern bool gd_has(const char *hay, const GdCharSet *cs, const char *needle);

/*
 * The set of a text joined at 'at' (joined[0..at) of set *cs, the rest of
 * set *b): *cs becomes a set that holds gd_charset of all of it, without a
 * pass over it.
 */
extern void gd_charset_join(GdCharSet *cs, const GdCharSet *b, const char *joined,
							size_t at);

/* May a text of set 'hay' contain one of set 'needle'? */
static inline bool
gd_charset_covers(const GdCharSet *hay, const GdCharSet *needle)
{
	return ((needle->w[0] & ~hay->w[0]) | (needle->w[1] & ~hay->w[1]) |
			(needle->w[2] & ~hay->w[2]) | (needle->w[3] & ~hay->w[3])) == 0;
}

/*
 * A phrase that a matcher tries against many texts, with its length and
 * gd_charset made once (gd_phrases, on first use: per process).
 */
typedef struct GdPhrase
{
	const char *s;
	size_t		len;
	GdCharSet	cs;
} GdPhrase;

extern void gd_phrases(GdPhrase *ph, int n);

/* gd_has of a phrase */
static inline bool
gd_has_phrase(const char *hay, const GdCharSet *cs, const GdPhrase *ph)
{
	return gd_charset_covers(cs, &ph->cs) && gd_contains(hay, ph->s);
}

extern const char *gd_strip_numbering(const char *s);

/* Matching a token against a table's labels: fn returns a row or -1. */
/*
 * cs holds (at least) the characters of compact: it may only rule phrases
 * out, the answer is the text's (a set that holds more must give the same).
 */
typedef int (*GdMatchFn) (const char *compact, const GdCharSet *cs, void *arg);
extern int	gd_match_token(GdParser *p, const GdToken *t, GdMatchFn fn, void *arg);
/* gd_match_token, or of a label cut over cells (match.c); *last: see there */
#define GD_JOIN_MAX 512
extern size_t gd_cell_below(const GdTokens *ts, size_t i);
extern int	gd_match_cells(GdParser *p, const GdTokens *ts, size_t i, GdMatchFn fn,
						   void *arg, size_t *last);

/*
 * The compact text of a token (see gd_compact), of its last 600 bytes for a
 * long one: a label ends a text if anywhere.  Computed once, then kept.
 */
extern const char *gd_token_compact(GdParser *p, const GdToken *t);

#endif							/* GOVDISC_MATCH_H */
