/*
 * unit.h
 *		A minimal harness for the core's unit tests: each test/unit_*.c is a
 *		program that ends with "N passed, M failed" and exits non-zero on any
 *		failure.  The core gets a malloc arena as its allocator.
 */
#ifndef GOVDISC_UNIT_H
#define GOVDISC_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govdisc.h"

static int	unit_passed;
static int	unit_failed;

#define CHECK(cond) \
	do { \
		if (cond) unit_passed++; \
		else { unit_failed++; \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

#define CHECK_INT(got, want) \
	do { \
		long long g_ = (long long) (got), w_ = (long long) (want); \
		if (g_ == w_) unit_passed++; \
		else { unit_failed++; \
			fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #got, g_, w_); } \
	} while (0)

#define CHECK_STR(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if ((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0)) unit_passed++; \
		else { unit_failed++; \
			fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #got, \
					g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
	} while (0)

/* A simple arena: every block is kept on a list and freed at the end. */
typedef struct UnitArena
{
	void	  **blocks;
	size_t		n,
				max;
} UnitArena;

static void *
unit_alloc(void *ctx, size_t size)
{
	UnitArena  *a = ctx;
	void	   *p = calloc(1, size ? size : 1);

	if (!p)
		abort();
	if (a->n == a->max)
	{
		a->max = a->max ? a->max * 2 : 64;
		a->blocks = realloc(a->blocks, a->max * sizeof(void *));
		if (!a->blocks)
			abort();
	}
	a->blocks[a->n++] = p;
	return p;
}

static UnitArena unit_arena;
static const GdAllocator unit_allocator = {unit_alloc, NULL, NULL, &unit_arena};

static void
unit_arena_reset(void)
{
	for (size_t i = 0; i < unit_arena.n; i++)
		free(unit_arena.blocks[i]);
	free(unit_arena.blocks);
	memset(&unit_arena, 0, sizeof(unit_arena));
}

/* Reads a whole file (for tests on sample reports); NULL if absent. */
static char *
unit_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = unit_alloc(&unit_arena, (size_t) n + 1);
	if (fread(buf, 1, (size_t) n, f) != (size_t) n)
		n = 0;
	fclose(f);
	buf[n] = '\0';
	*len = (size_t) n;
	return buf;
}

static int
unit_done(void)
{
	unit_arena_reset();
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif							/* GOVDISC_UNIT_H */
