/*
 * tool_arena.h
 *		The allocator the command-line tools (bench_core.c, parse_dump.c)
 *		give gd_parse: every block malloc'd and remembered, all freed after
 *		each report, as the backend's per-call memory context would be.
 *		With fill >= 0 every block is first filled with that byte, so that
 *		a field the parser forgot to write shows instead of reading as 0.
 */
#ifndef GOVDISC_TOOL_ARENA_H
#define GOVDISC_TOOL_ARENA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Arena
{
	void	  **blocks;
	size_t		n,
				max;
	int			fill;			/* byte to fill new blocks with, or -1 */
} Arena;

static void
arena_out_of_memory(void)
{
	fprintf(stderr, "out of memory\n");
	exit(2);
}

static void *
arena_alloc(void *ctx, size_t size)
{
	Arena	   *a = ctx;
	void	   *p = malloc(size ? size : 1);

	if (!p)
		arena_out_of_memory();
	if (a->fill >= 0)
		memset(p, a->fill, size);
	if (a->n == a->max)
	{
		a->max = a->max ? a->max * 2 : 64;
		a->blocks = realloc(a->blocks, a->max * sizeof(void *));
		if (!a->blocks)
			arena_out_of_memory();
	}
	a->blocks[a->n++] = p;
	return p;
}

static void
arena_reset(Arena *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->blocks[i]);
	a->n = 0;
}

#endif							/* GOVDISC_TOOL_ARENA_H */
