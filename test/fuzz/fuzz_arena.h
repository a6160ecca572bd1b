/*
 * fuzz_arena.h
 *		The allocator the fuzz harnesses and the regression replay hand the
 *		core: one malloc per block (so ASan sees every overrun and, through
 *		release, every use after free), fresh blocks filled with a chosen byte
 *		instead of zeroes (palloc does not zero either: two parses with
 *		different fill bytes must agree), a cap on the total (a small input
 *		must not make the core allocate without bound) and a count of ticks.
 */
#ifndef GOVDISC_FUZZ_ARENA_H
#define GOVDISC_FUZZ_ARENA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govdisc.h"

typedef struct FuzzBlock
{
	struct FuzzBlock *prev;
	struct FuzzBlock *next;
	size_t		size;
} FuzzBlock;

typedef struct FuzzArena
{
	FuzzBlock  *head;
	size_t		total;			/* bytes handed out, never decreased */
	size_t		cap;			/* abort past this many */
	unsigned char fill;
	long		ticks;
} FuzzArena;

static void *
fuzz_alloc(void *ctx, size_t size)
{
	FuzzArena  *a = ctx;
	FuzzBlock  *b;

	if (size > a->cap || a->total + size > a->cap)
	{
		fprintf(stderr, "fuzz_arena: %zu more bytes after %zu exceeds the cap of %zu\n",
				size, a->total, a->cap);
		abort();
	}
	b = malloc(sizeof(FuzzBlock) + (size ? size : 1));
	if (b == NULL)
		abort();
	b->size = size;
	b->prev = NULL;
	b->next = a->head;
	if (a->head)
		a->head->prev = b;
	a->head = b;
	a->total += size;
	memset(b + 1, a->fill, size);
	return b + 1;
}

static void
fuzz_release(void *ctx, void *ptr)
{
	FuzzArena  *a = ctx;
	FuzzBlock  *b;

	if (ptr == NULL)
		return;
	b = (FuzzBlock *) ptr - 1;
	if (b->prev)
		b->prev->next = b->next;
	else
		a->head = b->next;
	if (b->next)
		b->next->prev = b->prev;
	free(b);
}

static void
fuzz_tick(void *ctx)
{
	((FuzzArena *) ctx)->ticks++;
}

/*
 * The cap: generous (the parser may keep several normalised copies of the
 * text and its tables) but linear in the input, so that quadratic memory
 * on a pathological input shows up as a crash.
 */
static void
fuzz_arena_init(FuzzArena *a, GdAllocator *alloc, size_t input_len, unsigned char fill)
{
	memset(a, 0, sizeof(*a));
	a->cap = (size_t) 64 * 1024 * 1024 + input_len * 200;
	a->fill = fill;
	alloc->alloc = fuzz_alloc;
	alloc->release = fuzz_release;
	alloc->tick = fuzz_tick;
	alloc->ctx = a;
}

static void
fuzz_arena_free(FuzzArena *a)
{
	while (a->head)
	{
		FuzzBlock  *next = a->head->next;

		free(a->head);
		a->head = next;
	}
}

#endif							/* GOVDISC_FUZZ_ARENA_H */
