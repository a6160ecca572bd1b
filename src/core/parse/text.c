/*
 * text.c
 *		The normalised text's way back to the input: a diagnostic or a
 *		section names a character position of the input, which a sparse map
 *		of checkpoints (written by gd_normalize) and a count of the
 *		characters after the nearest one give.
 */
#include "text.h"
#include "utf8.h"

int64_t
gd_position(const GdText *t, size_t off)
{
	size_t		lo = 0,
				hi = t->ncps;
	size_t		i;
	int64_t		pos;

	if (t->ncps == 0)
		return 1;
	/* last checkpoint at or before off */
	while (hi - lo > 1)
	{
		size_t		mid = (lo + hi) / 2;

		if (t->cps[mid].norm <= off)
			lo = mid;
		else
			hi = mid;
	}
	pos = t->cps[lo].orig;
	i = t->cps[lo].norm;
	if (off > t->len)
		off = t->len;
	/* characters count alike in parts: on from the last answer, when it helps */
	if (t->memo_ncps == t->ncps && t->memo_cp == lo && t->memo_norm >= i &&
		t->memo_norm <= off)
	{
		pos = t->memo_orig;
		i = t->memo_norm;
	}
	if (off > i)
	{
		GdText	   *m = (GdText *) t;	/* the memo is not part of the text */

		pos += (int64_t) gd_utf8_chars(t->s + i, off - i);
		m->memo_ncps = t->ncps;
		m->memo_cp = lo;
		m->memo_norm = off;
		m->memo_orig = pos;
	}
	if (pos > t->orig_chars)
		pos = t->orig_chars;
	return pos + 1;
}
