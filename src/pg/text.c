/*
 * text.c
 *		govdisc_text(bytea): a report file's bytes as text, for users who read
 *		files with pg_read_binary_file or lo_get.  The encoding is decided by
 *		the core's text_encoding.c, the same code the loader (govdisc-load)
 *		uses: a byte order mark (UTF-8, UTF-16), else valid UTF-8, else valid
 *		GB18030.  Bytes none of them reads are an error naming what was tried,
 *		never text with replacement characters.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "pg_govdisc.h"
#include "text_encoding.h"

PG_FUNCTION_INFO_V1(govdisc_text);

Datum
govdisc_text(PG_FUNCTION_ARGS)
{
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	GdAllocator a;
	GdTextResult r;
	char		reason[256];
	char	   *server;

	govdisc_allocator(&a, CurrentMemoryContext);
	gd_text_decode(VARDATA_ANY(bytes), VARSIZE_ANY_EXHDR(bytes), &a, &r);
	if (r.status != GD_TEXT_OK)
	{
		gd_text_reason(&r, reason, sizeof(reason));
		reason[0] = pg_toupper((unsigned char) reason[0]);
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("could not decode the bytes as text"),
				 errdetail("%s.", reason),
				 errhint("govdisc_text reads UTF-8, UTF-16 with a byte order mark, and GB18030 (which includes GBK and GB2312).")));
	}
	/* into the database's encoding (a no-op in a UTF8 database) */
	server = pg_any_to_server(r.text, (int) r.len, PG_UTF8);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(server, server == r.text ? (int) r.len : (int) strlen(server)));
}
