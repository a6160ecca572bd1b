/*
 * check.c
 *		The rule catalog in SQL: govdisc_check, govdisc_is_valid,
 *		govdisc_assert_valid and govdisc_check_pair, each for the report text
 *		(parsed here) and for the stored jsonb document (read back without a
 *		re-parse).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "pg_govdisc.h"

#define CHECK_NCOLS 8

/*
 * The memory one call of the boolean functions works in.  It lives as long
 * as the call site (fn_extra) and is reset on every call, so a CHECK
 * constraint or a scan over many rows allocates no new context per row and
 * its first block is reused.
 */
static MemoryContext
call_context(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = (MemoryContext) fcinfo->flinfo->fn_extra;

	if (cxt == NULL)
	{
		cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "govdisc rules",
									0, 16 * 1024, ALLOCSET_DEFAULT_MAXSIZE);
		fcinfo->flinfo->fn_extra = cxt;
	}
	else
		MemoryContextReset(cxt);
	return cxt;
}

/* The report argument n: parsed from text, or read from jsonb. */
static GdReport *
report_arg(FunctionCallInfo fcinfo, int n, bool is_jsonb, bool tables_only,
		   MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	GdReport   *r;

	/* detoasted inside cxt, so the copy goes with it */
	if (is_jsonb)
	{
		Jsonb	   *doc = PG_GETARG_JSONB_P(n);

		r = tables_only ? govdisc_report_tables_from_jsonb(doc, cxt)
			: govdisc_report_from_jsonb(doc, cxt);
	}
	else
		r = govdisc_parse_text(PG_GETARG_TEXT_PP(n), cxt);
	MemoryContextSwitchTo(old);
	return r;
}

/* prev: the pair rules; errors_only: the rules of severity error only */
static void
run_check(GdReport *r, GdReport *prev, bool errors_only, GdFindings *f, MemoryContext cxt)
{
	GdAllocator a;

	memset(&a, 0, sizeof(a));
	govdisc_allocator(&a, cxt);
	memset(f, 0, sizeof(*f));
	if (prev)
		gd_check_pair(prev, r, f, &a);
	else if (errors_only)
		gd_check_errors(r, f, &a);
	else
		gd_check(r, f, &a);
}

/* UTF-8 from the core as a text datum in the database encoding */
static Datum
utf8_text(const char *s)
{
	return CStringGetTextDatum(pg_any_to_server(s, strlen(s), PG_UTF8));
}

static Datum
finding_number(const GdFinding *x, int64 v)
{
	char		buf[32];

	if (!x->amount)
		return NumericGetDatum(int64_to_numeric(v));
	/* yuan, exactly: the scaled integer printed as a decimal */
	gd_amount_format(v, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* The findings as the rows of RETURNS TABLE(rule, severity, tbl, ...). */
static void
return_findings(FunctionCallInfo fcinfo, const GdFindings *f)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < f->n; i++)
	{
		const GdFinding *x = &f->items[i];
		Datum		values[CHECK_NCOLS];
		bool		nulls[CHECK_NCOLS];

		memset(nulls, 0, sizeof(nulls));
		values[0] = CStringGetTextDatum(x->rule);
		values[1] = CStringGetTextDatum(x->severity == GD_SEV_ERROR ? "error" : "warning");
		nulls[2] = x->table == NULL;
		values[2] = x->table ? CStringGetTextDatum(x->table) : (Datum) 0;
		nulls[3] = x->row == NULL;
		values[3] = x->row ? CStringGetTextDatum(x->row) : (Datum) 0;
		nulls[4] = x->column == NULL;
		values[4] = x->column ? CStringGetTextDatum(x->column) : (Datum) 0;
		nulls[5] = !x->has_expected;
		values[5] = x->has_expected ? finding_number(x, x->expected) : (Datum) 0;
		nulls[6] = !x->has_actual;
		values[6] = x->has_actual ? finding_number(x, x->actual) : (Datum) 0;
		nulls[7] = x->message == NULL;
		values[7] = x->message ? utf8_text(x->message) : (Datum) 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

static Datum
check_srf(FunctionCallInfo fcinfo, bool is_jsonb, bool pair)
{
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext, "govdisc_check",
											   ALLOCSET_DEFAULT_SIZES);
	GdReport   *prev = NULL,
			   *cur;
	GdFindings	f;

	if (pair)
	{
		prev = report_arg(fcinfo, 0, is_jsonb, true, work);
		cur = report_arg(fcinfo, 1, is_jsonb, true, work);
	}
	else
		cur = report_arg(fcinfo, 0, is_jsonb, false, work);
	run_check(cur, prev, false, &f, work);
	return_findings(fcinfo, &f);
	MemoryContextDelete(work);
	return (Datum) 0;
}

/*
 * The error findings of the report in argument 0; false when there is
 * none.  Only the tables are read from jsonb and only the error rules run:
 * no warning can change the answer.
 */
static bool
has_errors(FunctionCallInfo fcinfo, bool is_jsonb, GdFindings *f, MemoryContext cxt)
{
	run_check(report_arg(fcinfo, 0, is_jsonb, true, cxt), NULL, true, f, cxt);
	return gd_findings_have_error(f);
}

static Datum
is_valid(FunctionCallInfo fcinfo, bool is_jsonb)
{
	MemoryContext cxt = call_context(fcinfo);
	GdFindings	f;
	bool		bad = has_errors(fcinfo, is_jsonb, &f, cxt);

	MemoryContextReset(cxt);
	PG_RETURN_BOOL(!bad);
}

static Datum
assert_valid(FunctionCallInfo fcinfo, bool is_jsonb)
{
	MemoryContext cxt = call_context(fcinfo);
	GdFindings	f;
	StringInfoData detail;

	if (!has_errors(fcinfo, is_jsonb, &f, cxt))
	{
		MemoryContextReset(cxt);
		PG_RETURN_BOOL(true);
	}
	initStringInfo(&detail);
	for (int i = 0; i < f.n; i++)
	{
		const GdFinding *x = &f.items[i];

		if (x->severity != GD_SEV_ERROR)
			continue;
		appendStringInfo(&detail, "%s%s: %s", detail.len ? "\n" : "", x->rule,
						 pg_any_to_server(x->message, strlen(x->message), PG_UTF8));
	}
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("report does not satisfy the govdisc accounting rules"),
			 errdetail("%s", detail.data),
			 errhint("Correct the figures named above and store the report again; govdisc_check(report) lists every finding, warnings included.")));
	PG_RETURN_BOOL(false);		/* not reached */
}

PG_FUNCTION_INFO_V1(govdisc_check_text);
Datum
govdisc_check_text(PG_FUNCTION_ARGS)
{
	return check_srf(fcinfo, false, false);
}

PG_FUNCTION_INFO_V1(govdisc_check_jsonb);
Datum
govdisc_check_jsonb(PG_FUNCTION_ARGS)
{
	return check_srf(fcinfo, true, false);
}

PG_FUNCTION_INFO_V1(govdisc_check_pair_text);
Datum
govdisc_check_pair_text(PG_FUNCTION_ARGS)
{
	return check_srf(fcinfo, false, true);
}

PG_FUNCTION_INFO_V1(govdisc_check_pair_jsonb);
Datum
govdisc_check_pair_jsonb(PG_FUNCTION_ARGS)
{
	return check_srf(fcinfo, true, true);
}

PG_FUNCTION_INFO_V1(govdisc_is_valid_text);
Datum
govdisc_is_valid_text(PG_FUNCTION_ARGS)
{
	return is_valid(fcinfo, false);
}

PG_FUNCTION_INFO_V1(govdisc_is_valid_jsonb);
Datum
govdisc_is_valid_jsonb(PG_FUNCTION_ARGS)
{
	return is_valid(fcinfo, true);
}

PG_FUNCTION_INFO_V1(govdisc_assert_valid_text);
Datum
govdisc_assert_valid_text(PG_FUNCTION_ARGS)
{
	return assert_valid(fcinfo, false);
}

PG_FUNCTION_INFO_V1(govdisc_assert_valid_jsonb);
Datum
govdisc_assert_valid_jsonb(PG_FUNCTION_ARGS)
{
	return assert_valid(fcinfo, true);
}
