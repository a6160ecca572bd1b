/*
 * text.c
 *		The normalised text's way back to the input: a diagnostic or a
 *		section names a character position of the input, which a sparse map
 *		of checkpoints (written by gd_normalize) and a count of the
 *		characters after the nearest one give.  The parser asks for
 *		positions mostly in order and close together (a table's cells one
 *		after another), so gd_position counts on from the last one
 *		asked when no checkpoint stands between.
 */
#include "text.h"
#include "utf8.h"

/* The last checkpoint at or before off. */
static size_t
checkpoint_before(const GdText *t, size_t off)
{
	size_t		lo = 0,
				hi = t->ncps;

	while (hi - lo > 1)
	{
		size_t		mid = (lo + hi) / 2;

		if (t->cps[mid].norm <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int64_t
gd_position(const GdText *t, size_t off)
{
	GdText	   *m = (GdText *) t;	/* the memo is not part of the text */
	size_t		k = t->memo_cp;
	size_t		i;
	int64_t		pos;

	if (t->ncps == 0)
		return 1;
	/* every checkpoint is at or before t->len: the same one either way */
	if (off > t->len)
		off = t->len;
	if (t->memo_set && k < t->ncps && t->cps[k].norm <= t->memo_norm &&
		t->memo_norm <= off && (k + 1 == t->ncps || t->cps[k + 1].norm > off))
	{
		/* no checkpoint between the last answer and off: count on from it */
		i = t->memo_norm;
		pos = t->memo_orig;
	}
	else
	{
		k = checkpoint_before(t, off);
		i = t->cps[k].norm;
		pos = t->cps[k].orig;
	}
	if (off > i)
	{
		pos += (int64_t) gd_utf8_chars(t->s + i, off - i);
		m->memo_set = true;
		m->memo_cp = k;
		m->memo_norm = off;
		m->memo_orig = pos;
	}
	if (pos > t->orig_chars)
		pos = t->orig_chars;
	return pos + 1;
}
