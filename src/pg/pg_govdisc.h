/*
 * pg_govdisc.h
 *		Shared declarations of govdisc's fmgr layer (the files of src/pg).
 */
#ifndef PG_GOVDISC_H
#define PG_GOVDISC_H

#include "postgres.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "govdisc.h"

extern void govdisc_allocator(GdAllocator *a, MemoryContext cxt);
extern char *govdisc_text_utf8(text *body, size_t *len);
extern char *govdisc_server_to_utf8(const char *s, int len, const char *what);
extern GdReport *govdisc_parse_text(text *body, MemoryContext cxt);

/* jsonb_out.c */
extern Jsonb *govdisc_report_to_jsonb(const GdReport *r, MemoryContext cxt);

/* jsonb_in.c: a stored document back into the struct, no re-parse */
extern GdReport *govdisc_report_from_jsonb(Jsonb *doc, MemoryContext cxt);
/* the same, reading only the three tables (enough for the error rules) */
extern GdReport *govdisc_report_tables_from_jsonb(Jsonb *doc, MemoryContext cxt);

#endif							/* PG_GOVDISC_H */
