/*
 * agency.c (fmgr)
 *		govdisc_agency(name): a reporting body's name resolved to its
 *		administrative division (src/core/agency.c), and
 *		govdisc_division_rows(): the divisions the install script copies
 *		into the table govdisc_divisions.
 *
 * The divisions are compiled into the module (src/core/divisions_data.c),
 * so resolving a name reads no table and the function is IMMUTABLE: the
 * same module always gives the same answer.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "pg_govdisc.h"

/* a UTF-8 string of the core as text in the database encoding, or null */
static Datum
utf8_or_null(const char *s, size_t len, bool *isnull)
{
	char	   *conv;

	*isnull = (s == NULL || len == 0);
	if (*isnull)
		return (Datum) 0;
	conv = pg_any_to_server(s, (int) len, PG_UTF8);
	if (conv != s)
		len = strlen(conv);
	return PointerGetDatum(cstring_to_text_with_len(conv, (int) len));
}

static Datum
cstr_or_null(const char *s, bool *isnull)
{
	return utf8_or_null(s, s ? strlen(s) : 0, isnull);
}

#define AGENCY_NATTS 6

PG_FUNCTION_INFO_V1(govdisc_agency);
Datum
govdisc_agency(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *name = govdisc_text_utf8(PG_GETARG_TEXT_PP(0), &len);
	TupleDesc	tupdesc;
	Datum		values[AGENCY_NATTS];
	bool		nulls[AGENCY_NATTS];
	GdAgency	a;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);

	gd_agency_resolve(name, len, &a);
	values[0] = cstr_or_null(a.code, &nulls[0]);
	values[1] = cstr_or_null(a.province, &nulls[1]);
	values[2] = cstr_or_null(a.city, &nulls[2]);
	values[3] = cstr_or_null(a.county, &nulls[3]);
	values[4] = cstr_or_null(a.town, &nulls[4]);
	values[5] = utf8_or_null(name + a.body_offset, len - a.body_offset, &nulls[5]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(govdisc_division_rows);
Datum
govdisc_division_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	static const char *const levels[] = {NULL, "province", "city", "county", "town"};
	int			n = gd_division_count();

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		GdDivisionInfo d;
		Datum		values[7];
		bool		nulls[7];

		gd_division_info(i, &d);
		values[0] = cstr_or_null(d.code, &nulls[0]);
		values[1] = cstr_or_null(d.name, &nulls[1]);
		values[2] = CStringGetTextDatum(levels[d.level]);
		nulls[2] = false;
		values[3] = cstr_or_null(d.parent_code, &nulls[3]);
		values[4] = cstr_or_null(d.province, &nulls[4]);
		values[5] = cstr_or_null(d.city, &nulls[5]);
		values[6] = cstr_or_null(d.county, &nulls[6]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(govdisc_divisions_source);
Datum
govdisc_divisions_source(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(gd_division_source()));
}
