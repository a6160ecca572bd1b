/*
 * govdisc.c
 *		fmgr glue: module magic, the core's allocator on top of palloc, and
 *		govdisc_parse().
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
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
 * Where text that should be UTF-8 is not (a SQL_ASCII database stores any
 * bytes): one clear error that says where, never garbage passed on.
 */
static void
check_utf8(const char *s, int len, const char *what)
{
	int			valid = pg_encoding_verifymbstr(PG_UTF8, s, len);

	if (valid < len)
	{
		const unsigned char *b = (const unsigned char *) s + valid;
		int			n = Min(len - valid, pg_encoding_mblen(PG_UTF8, (const char *) b));
		StringInfoData bytes;

		initStringInfo(&bytes);
		for (int i = 0; i < Max(n, 1); i++)
			appendStringInfo(&bytes, "%s0x%02x", i ? " " : "", b[i]);
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("%s is not valid UTF-8", what),
				 errdetail("The database encoding is SQL_ASCII, where govdisc reads text as UTF-8; the byte sequence %s at byte %d is not UTF-8.",
						   bytes.data, valid + 1),
				 errhint("Store the text converted to UTF-8 (convert_from(bytes, 'GB18030') in a UTF8 database, or iconv), or use a database of encoding UTF8 or EUC_CN.")));
	}
}

/*
 * A string of the database encoding as UTF-8, NUL-terminated (allocated in
 * the current context when it is not s itself, which then must be).  In
 * SQL_ASCII, where nothing is converted, the bytes must be UTF-8 already.
 */
char *
govdisc_server_to_utf8(const char *s, int len, const char *what)
{
	char	   *u;

	switch (GetDatabaseEncoding())
	{
		case PG_UTF8:
			return (char *) s;
		case PG_SQL_ASCII:
			check_utf8(s, len, what);
			return (char *) s;
		default:
			u = pg_server_to_any(s, len, PG_UTF8);
			return u;
	}
}

/*
 * The report text as UTF-8.  In a database of another encoding the text is
 * converted (every character of EUC_CN, GBK and the like has one in UTF-8);
 * in SQL_ASCII it is read as UTF-8, and must be.
 */
char *
govdisc_text_utf8(text *body, size_t *len)
{
	char	   *s = VARDATA_ANY(body);
	int			n = VARSIZE_ANY_EXHDR(body);
	char	   *u = govdisc_server_to_utf8(s, n, "report text");

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
	/* the document is written in the caller's context: nothing to copy */
	old = MemoryContextSwitchTo(work);
	result = govdisc_report_to_jsonb(r, old);
	MemoryContextSwitchTo(old);
	MemoryContextReset(work);
	PG_RETURN_JSONB_P(result);
}
