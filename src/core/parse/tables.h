/*
 * tables.h
 *		The three table readers: 表二 (table_active.c), 表三
 *		(table_requests.c) and 表四 (table_review.c).
 */
#ifndef GOVDISC_TABLES_H
#define GOVDISC_TABLES_H

#include "parser.h"

extern void gd_read_active(GdParser *p);
extern void gd_read_requests(GdParser *p);
extern void gd_read_review(GdParser *p);

#endif							/* GOVDISC_TABLES_H */
