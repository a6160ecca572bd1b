/*
 * sections.h
 *		The six parts of a report (sections.c): where each starts, and the
 *		region of the text that holds a part's table.
 */
#ifndef GOVDISC_SECTIONS_H
#define GOVDISC_SECTIONS_H

#include "parser.h"

extern void gd_find_sections(GdParser *p);
extern bool gd_table_region(GdParser *p, int no, size_t *from, size_t *to);

#endif							/* GOVDISC_SECTIONS_H */
