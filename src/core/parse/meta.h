/*
 * meta.h
 *		What the report says outside its tables (meta.c): agency, year,
 *		publication date, processing fees, and the figures its prose states.
 */
#ifndef GOVDISC_META_H
#define GOVDISC_META_H

#include "parser.h"

extern void gd_read_meta(GdParser *p);
/* at the places gd_normalize noted (triggers.h) */
extern void gd_read_prose(GdParser *p);

#endif							/* GOVDISC_META_H */
