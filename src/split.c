/*
 * split.c
 *		Cells whose digits run together with no separator (713000074 is
 *		71|3|0|0|0|0|74).  Every way to cut the digits into k numbers without
 *		leading zeros is a candidate; the tables' own rules, and the figures
 *		the prose states, then narrow them down.  Where more than one
 *		candidate stays, the cells they disagree on stay null.
 */
#include <string.h>

#include "parser.h"

#define MAX_CELL_DIGITS 12

typedef struct SplitState
{
	const char *d;
	size_t		n;
	int			k;
	int64_t    *out;
	int			max;
	int			count;
	int64_t		cur[16];
} SplitState;

static int64_t
number(const char *d, size_t len)
{
	int64_t		v = 0;

	for (size_t i = 0; i < len; i++)
		v = v * 10 + (d[i] - '0');
	return v;
}

static bool
enumerate(SplitState *st, size_t pos, int cell)
{
	size_t		left = st->n - pos;
	int			cells_left = st->k - cell;

	if (cells_left == 1)
	{
		if (left == 0 || left > MAX_CELL_DIGITS || (left > 1 && st->d[pos] == '0'))
			return true;
		st->cur[cell] = number(st->d + pos, left);
		if (st->count >= st->max)
			return false;
		memcpy(st->out + (size_t) st->count * st->k, st->cur, st->k * sizeof(int64_t));
		st->count++;
		return true;
	}
	for (size_t len = 1; len <= MAX_CELL_DIGITS && len + (cells_left - 1) <= left; len++)
	{
		if (len > 1 && st->d[pos] == '0')
			break;
		/* the rest cannot hold the other cells */
		if (left - len > (size_t) (cells_left - 1) * MAX_CELL_DIGITS)
			continue;
		st->cur[cell] = number(st->d + pos, len);
		if (!enumerate(st, pos + len, cell + 1))
			return false;
	}
	return true;
}

/*
 * Writes the candidates (k values each) to out; returns how many, or -1 when
 * there are more than max.
 */
int
gd_split(const char *digits, size_t n, int k, int64_t *out, int max)
{
	SplitState	st;

	if (k < 1 || k > 16 || n < (size_t) k || n > (size_t) k * MAX_CELL_DIGITS)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (digits[i] < '0' || digits[i] > '9')
			return 0;
	st.d = digits;
	st.n = n;
	st.k = k;
	st.out = out;
	st.max = max;
	st.count = 0;
	if (!enumerate(&st, 0, 0))
		return -1;
	return st.count;
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
