/*
 * split.c
 *		Cells whose digits run together with no separator (713000074 is
 *		71|3|0|0|0|0|74).  Every way to cut the digits into k numbers without
 *		leading zeros is a candidate; the tables' own rules, and the figures
 *		the prose states, then narrow them down.  Where more than one
 *		candidate stays, the cells they disagree on stay null.
 */
#include <string.h>

#include "alloc.h"
#include "split.h"

#define MAX_CELL_DIGITS 12

typedef struct SplitState
{
	const char *d;
	size_t		n;
	int			k;
	unsigned	sign_mask;		/* cells that may carry a sign (本年增/减) */
	int64_t    *out;
	int			max;
	int			count;
	long		steps;
	int64_t		cur[16];
} SplitState;

/* beyond this many steps the digits are too ambiguous to be worth it */
#define MAX_STEPS 200000

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
enumerate(SplitState *st, size_t pos, int cell)
{
	size_t		start = pos;
	bool		neg = false;
	size_t		digits = 0;
	int64_t		v = 0;

	if (cell == st->k)
	{
		if (pos != st->n)
			return true;
		if (st->count >= st->max)
			return false;
		memcpy(st->out + (size_t) st->count * st->k, st->cur, st->k * sizeof(int64_t));
		st->count++;
		return true;
	}
	if (pos >= st->n)
		return true;
	/* what is left must be able to fill the cells left, and no more */
	if (st->n - pos < (size_t) (st->k - cell) ||
		st->n - pos > (size_t) (st->k - cell) * (MAX_CELL_DIGITS + 2))
		return true;
	if (++st->steps > MAX_STEPS)
		return false;
	/* a unit closed the cell before: 1个011个 */
	if (st->d[pos] == '|')
		start = ++pos;
	/* a sign opens a cell, and only a signed one */
	if (st->d[pos] == '+' || st->d[pos] == '-')
	{
		if (!(st->sign_mask & (1u << cell)))
			return true;
		neg = st->d[pos] == '-';
		start = ++pos;
	}
	while (start + digits < st->n && is_digit(st->d[start + digits]))
		digits++;
	if (cell + 1 == st->k)
	{
		/* the last cell takes all that is left, or there is no candidate */
		size_t		len = st->n - start;

		if (len < 1 || len > digits || len > MAX_CELL_DIGITS ||
			(len > 1 && st->d[start] == '0'))
			return true;
		for (size_t i = 0; i < len; i++)
			v = v * 10 + (st->d[start + i] - '0');
		st->cur[cell] = neg ? -v : v;
		if (st->count >= st->max)
			return false;
		memcpy(st->out + (size_t) st->count * st->k, st->cur, st->k * sizeof(int64_t));
		st->count++;
		return true;
	}
	for (size_t len = 1; len <= digits && len <= MAX_CELL_DIGITS; len++)
	{
		if (len > 1 && st->d[start] == '0')
			break;
		v = v * 10 + (st->d[start + len - 1] - '0');
		st->cur[cell] = neg ? -v : v;
		if (!enumerate(st, start + len, cell + 1))
			return false;
	}
	return true;
}

/*
 * The text of cells run together, for gd_split: digits and signs, and '|'
 * where a unit (个, 件 …) closed a cell.  0 if anything else is in it.
 */
size_t
gd_split_text(const char *s, size_t n, char *buf, size_t bufsize)
{
	size_t		o = 0;

	for (size_t i = 0; i < n && o + 1 < bufsize;)
	{
		if (is_digit(s[i]) || s[i] == '+' || s[i] == '-')
			buf[o++] = s[i++];
		else if ((unsigned char) s[i] >= 0x80)
		{
			if (o == 0 || buf[o - 1] == '|')
				return 0;
			buf[o++] = '|';
			while (i < n && (unsigned char) s[i] >= 0x80)
				i++;
		}
		else
			return 0;
	}
	while (o > 0 && buf[o - 1] == '|')
		o--;
	buf[o] = '\0';
	return o;
}

/*
 * Writes the candidates (k values each) for the digits d[0..n) — signs may
 * stand before the cells that sign_mask allows, '|' closes a cell — to out;
 * returns how many, or -1 when there are more than max.
 */
int
gd_split(const char *d, size_t n, int k, unsigned sign_mask, int64_t *out, int max)
{
	SplitState	st;

	if (k < 1 || k > 16 || n < (size_t) k || n > (size_t) k * (MAX_CELL_DIGITS + 1))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(d[i]) && d[i] != '+' && d[i] != '-' && d[i] != '|')
			return 0;
	st.d = d;
	st.n = n;
	st.k = k;
	st.sign_mask = sign_mask;
	st.out = out;
	st.max = max;
	st.count = 0;
	st.steps = 0;
	if (!enumerate(&st, 0, 0))
		return -1;
	return st.count;
}

/*
 * One buffer for the candidates of every split of a parse (room for
 * GD_MAX_CANDIDATES of 16 cells): splits are rare, and a report with many
 * must not cost an allocation each.
 */
int64_t *
gd_split_scratch(GdParser *p)
{
	if (p->split_scratch == NULL)
		p->split_scratch = gd_alloc(p, sizeof(int64_t) * 16 * GD_MAX_CANDIDATES);
	return p->split_scratch;
}

/* A copy of the n candidates that stay, for a table that decides later. */
int64_t *
gd_keep_candidates(GdParser *p, const int64_t *cands, int n, int k)
{
	int64_t    *kept = gd_alloc(p, sizeof(int64_t) * k * (n > 0 ? n : 1));

	memcpy(kept, cands, sizeof(int64_t) * k * n);
	return kept;
}

/*
 * Keeps the candidates that 'keep' accepts, unless it accepts none: a rule the
 * report breaks cannot tell the right split.  Returns the new count.
 */
int
gd_filter_candidates(int64_t *cands, int ncand, int k,
					 bool (*keep) (const int64_t *v, void *arg), void *arg)
{
	int			kept = 0;

	for (int c = 0; c < ncand; c++)
		if (keep(cands + (size_t) c * k, arg))
			kept++;
	if (kept == 0 || kept == ncand)
		return ncand;
	kept = 0;
	for (int c = 0; c < ncand; c++)
		if (keep(cands + (size_t) c * k, arg))
		{
			if (kept != c)
				memmove(cands + (size_t) kept * k, cands + (size_t) c * k, k * sizeof(int64_t));
			kept++;
		}
	return kept;
}
