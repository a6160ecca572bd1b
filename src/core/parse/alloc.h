/*
 * alloc.h
 *		Memory of one parse (alloc.c): everything comes from the caller's
 *		allocator and is released with the call's memory context or arena.
 */
#ifndef GOVDISC_ALLOC_H
#define GOVDISC_ALLOC_H

#include "parser.h"

extern void *gd_alloc(GdParser *p, size_t size);
extern void *gd_grow(GdParser *p, void *old, size_t oldsize, size_t newsize);
extern char *gd_strndup(GdParser *p, const char *s, size_t n);
/* every so often during long work: the caller may cancel (longjmp) */
extern void gd_tick(GdParser *p);

#endif							/* GOVDISC_ALLOC_H */
