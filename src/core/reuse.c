/*
 * reuse.c
 *		How much of one report's prose is copied from another's: the
 *		passages of b's prose (parse/prose.c) that a's prose also holds.
 *
 * Every run of GD_REUSE_MIN_UNITS units of a (a shingle) goes into a hash
 * table by a rolling hash, the first place it occurs kept.  b is read from
 * the start: where b's shingle is one of a's (its units compared, so a
 * hash collision never counts), the match is extended as far as both texts
 * agree and b is read on from its end; otherwise one unit on.  Each unit
 * of a and of b is hashed once and each unit of b is compared at most
 * once in an extension, so the time is linear in the two texts' lengths.
 * Passages separated by a short substitution of equal length on both sides
 * (a changed word in a copied sentence) are one passage.
 */
#include <string.h>

#include "govdisc.h"

#define K GD_REUSE_MIN_UNITS
#define HASH_BASE UINT64_C(1099511628211)
#define EMPTY UINT32_MAX
/* a substitution of up to this many units inside a copied passage */
#define MAX_GAP 3

typedef struct Shingles
{
	uint64_t   *hash;
	uint32_t   *pos;
	size_t		mask;
} Shingles;

/* the rolling hashes of every shingle of p: h[i] covers units i .. i+K-1 */
static uint64_t *
shingle_hashes(const GdProse *p, const GdAllocator *al)
{
	size_t		n = p->n - K + 1;
	uint64_t   *h = al->alloc(al->ctx, n * sizeof(uint64_t));
	uint64_t	top = 1,
				v = 0;

	for (int i = 0; i < K - 1; i++)
		top *= HASH_BASE;
	for (size_t i = 0; i < K; i++)
		v = v * HASH_BASE + p->cp[i];
	h[0] = v;
	for (size_t i = 1; i < n; i++)
	{
		v = (v - p->cp[i - 1] * top) * HASH_BASE + p->cp[i + K - 1];
		h[i] = v;
	}
	return h;
}

static void
shingles_build(Shingles *s, const GdProse *a, const uint64_t *ha, const GdAllocator *al)
{
	size_t		n = a->n - K + 1,
				size = 16;

	while (size < 2 * n)
		size *= 2;
	s->mask = size - 1;
	s->hash = al->alloc(al->ctx, size * sizeof(uint64_t));
	s->pos = al->alloc(al->ctx, size * sizeof(uint32_t));
	for (size_t i = 0; i < size; i++)
		s->pos[i] = EMPTY;
	for (size_t i = 0; i < n; i++)
	{
		size_t		slot = (size_t) (ha[i] >> 7) & s->mask;

		for (; s->pos[slot] != EMPTY; slot = (slot + 1) & s->mask)
			if (s->hash[slot] == ha[i] &&
				memcmp(a->cp + s->pos[slot], a->cp + i, K * sizeof(uint32_t)) == 0)
				break;
		if (s->pos[slot] == EMPTY)
		{
			s->hash[slot] = ha[i];
			s->pos[slot] = (uint32_t) i;
		}
	}
}

/* where a holds b's shingle at i, or EMPTY */
static uint32_t
shingles_find(const Shingles *s, const GdProse *a, const GdProse *b, size_t i, uint64_t h)
{
	for (size_t slot = (size_t) (h >> 7) & s->mask; s->pos[slot] != EMPTY;
		 slot = (slot + 1) & s->mask)
		if (s->hash[slot] == h &&
			memcmp(a->cp + s->pos[slot], b->cp + i, K * sizeof(uint32_t)) == 0)
			return s->pos[slot];
	return EMPTY;
}

size_t
gd_reuse(const GdProse *a, const GdProse *b, const GdAllocator *al, GdPassage **out)
{
	Shingles	s;
	uint64_t   *ha,
			   *hb;
	GdPassage  *ps;
	size_t		nps = 0,
				maxps = 16,
				i = 0,
				nb;

	*out = NULL;
	/* a or b are at most 64 MB of text: positions fit 32 bits */
	if (a->n < K || b->n < K || a->n >= EMPTY)
		return 0;
	ha = shingle_hashes(a, al);
	shingles_build(&s, a, ha, al);
	hb = shingle_hashes(b, al);
	nb = b->n - K + 1;
	ps = al->alloc(al->ctx, maxps * sizeof(GdPassage));

	while (i < nb)
	{
		uint32_t	j = shingles_find(&s, a, b, i, hb[i]);
		size_t		len = K;

		if (j == EMPTY)
		{
			i++;
			continue;
		}
		while (i + len < b->n && j + len < a->n && b->cp[i + len] == a->cp[j + len])
			len++;
		if (nps > 0)
		{
			GdPassage  *last = &ps[nps - 1];
			size_t		gap_b = i - (last->b_unit + last->units);

			if (gap_b <= MAX_GAP && j >= last->a_unit + last->units &&
				j - (last->a_unit + last->units) == gap_b)
			{
				last->units += gap_b + len;
				i += len;
				continue;
			}
		}
		if (nps == maxps)
		{
			GdPassage  *bigger = al->alloc(al->ctx, 2 * maxps * sizeof(GdPassage));

			memcpy(bigger, ps, nps * sizeof(GdPassage));
			if (al->release)
				al->release(al->ctx, ps);
			ps = bigger;
			maxps *= 2;
		}
		ps[nps].a_unit = j;
		ps[nps].b_unit = i;
		ps[nps].units = len;
		nps++;
		i += len;
		if (al->tick && (nps & 0x3FF) == 0)
			al->tick(al->ctx);
	}
	*out = ps;
	return nps;
}

double
gd_reuse_share(const GdProse *b, const GdPassage *ps, size_t n)
{
	size_t		copied = 0;

	if (b->n == 0)
		return 0.0;
	for (size_t i = 0; i < n; i++)
		copied += ps[i].units;
	return (double) copied / (double) b->n;
}
