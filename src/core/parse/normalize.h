/*
 * normalize.h
 *		The first stage of a parse (normalize.c): the input as the text every
 *		later stage reads, with its map back to input positions.
 */
#ifndef GOVDISC_NORMALIZE_H
#define GOVDISC_NORMALIZE_H

#include "parser.h"

/* fills p->t; the trigger tables (triggers.h) must be filled first */
extern void gd_normalize(GdParser *p, const char *in, size_t len);

#endif							/* GOVDISC_NORMALIZE_H */
