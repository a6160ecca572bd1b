/*
 * alloc.c
 *		The parser's memory, all from the caller's allocator, and its
 *		periodic tick (where the backend checks for cancel requests).
 */
#include <string.h>

#include "alloc.h"

void *
gd_alloc(GdParser *p, size_t size)
{
	return p->a->alloc(p->a->ctx, size ? size : 1);
}

void *
gd_grow(GdParser *p, void *old, size_t oldsize, size_t newsize)
{
	void	   *n = gd_alloc(p, newsize);

	if (old)
	{
		memcpy(n, old, oldsize < newsize ? oldsize : newsize);
		if (p->a->release)
			p->a->release(p->a->ctx, old);
	}
	return n;
}

char *
gd_strndup(GdParser *p, const char *s, size_t n)
{
	char	   *d = gd_alloc(p, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void
gd_tick(GdParser *p)
{
	if (p->a->tick)
		p->a->tick(p->a->ctx);
}
