/*
 * version.c
 *		govdisc_version(): the version of the loaded module and of its
 *		parser, as one text '0.2 (parser 2)'.
 *
 * The module's version is the EXTVERSION it was built with (the Makefile
 * passes it as GOVDISC_VERSION); pg_extension.extversion is the version of
 * the SQL objects, and the two differ only between installing new files and
 * ALTER EXTENSION govdisc UPDATE.  The parser's version (GD_PARSER_VERSION)
 * changes when parsed documents change, which is what decides whether
 * stored documents must be parsed again after an upgrade.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "pg_govdisc.h"

#ifndef GOVDISC_VERSION
#error "GOVDISC_VERSION must be defined (the Makefile passes EXTVERSION)"
#endif

PG_FUNCTION_INFO_V1(govdisc_version);

Datum
govdisc_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s (parser %d)",
											  GOVDISC_VERSION,
											  GD_PARSER_VERSION)));
}
