/*
 * text.h
 *		The normalised text every stage of the parser reads, and its map of
 *		checkpoints back to character positions in the input (text.c).
 */
#ifndef GOVDISC_TEXT_H
#define GOVDISC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A checkpoint of the map from normalised byte offsets to input characters. */
typedef struct GdCheckpoint
{
	size_t		norm;			/* byte offset in the normalised text */
	int64_t		orig;			/* 0-based character index in the input */
} GdCheckpoint;

typedef struct GdText
{
	char	   *s;				/* normalised UTF-8, NUL-terminated */
	size_t		len;
	GdCheckpoint *cps;
	size_t		ncps;
	int64_t		orig_chars;		/* characters in the input */

	/*
	 * gd_position's last answer (the parse asks mostly in the text's order
	 * and close together): byte memo_norm is the input's character
	 * memo_orig, and checkpoint memo_cp the last one before it.  Valid once
	 * memo_set; zeroed with the rest of the text.
	 */
	bool		memo_set;
	size_t		memo_cp;
	size_t		memo_norm;
	int64_t		memo_orig;
} GdText;

/* 1-based character position in the input of a normalised byte offset */
extern int64_t gd_position(const GdText *t, size_t norm_off);

#endif							/* GOVDISC_TEXT_H */
