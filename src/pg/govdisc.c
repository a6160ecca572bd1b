/*
 * govdisc.c
 *		fmgr glue: module magic, the core's allocator on top of palloc, and
 *		govdisc_parse().
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "pg_govdisc.h"

PG_MODULE_MAGIC;

static void *
pg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

static void
pg_release(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* Long parses answer cancel requests and statement_timeout. */
static void
pg_tick(void *ctx)
{
	CHECK_FOR_INTERRUPTS();
}

void
govdisc_allocator(GdAllocator *a, MemoryContext cxt)
{
	a->alloc = pg_alloc;
	a->release = pg_release;
	a->tick = pg_tick;
	a->ctx = cxt;
}

/*
 * The report text as UTF-8.  In a database of another encoding the text is
 * converted; characters that UTF-8 cannot hold do not occur in practice.
 */
char *
govdisc_text_utf8(text *body, size_t *len)
{
	char	   *s = VARDATA_ANY(body);
	int			n = VARSIZE_ANY_EXHDR(body);
	char	   *u;

	if (GetDatabaseEncoding() == PG_UTF8)
	{
		*len = n;
		return s;
	}
	u = (char *) pg_do_encoding_conversion((unsigned char *) s, n,
										   GetDatabaseEncoding(), PG_UTF8);
	*len = (u == s) ? (size_t) n : strlen(u);
	return u;
}

/*
 * Parse a report text into a GdReport allocated in 'cxt'.
 */
GdReport *
govdisc_parse_text(text *body, MemoryContext cxt)
{
	GdAllocator a;
	size_t		len;
	char	   *s = govdisc_text_utf8(body, &len);

	govdisc_allocator(&a, cxt);
	return gd_parse(s, len, &a);
}

PG_FUNCTION_INFO_V1(govdisc_parse);

Datum
govdisc_parse(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	MemoryContext work = fcinfo->flinfo->fn_extra,
				old;
	GdReport   *r;
	Jsonb	   *result;

	/*
	 * Everything the parse allocates goes when this call is done.  The
	 * context is kept for the next row, with a first block that holds a
	 * typical report's parse, so that most rows need no malloc.
	 */
	if (work == NULL)
	{
		work = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "govdisc_parse",
									 64 * 1024, 64 * 1024, ALLOCSET_DEFAULT_MAXSIZE);
		fcinfo->flinfo->fn_extra = work;
	}
	r = govdisc_parse_text(body, work);
	old = MemoryContextSwitchTo(work);
	result = govdisc_report_to_jsonb(r);
	MemoryContextSwitchTo(old);
	result = (Jsonb *) datumCopy(PointerGetDatum(result), false, -1);
	MemoryContextReset(work);
	PG_RETURN_JSONB_P(result);
}
