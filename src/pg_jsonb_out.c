/*
 * pg_jsonb_out.c
 *		A GdReport as the jsonb document of the contract
 *		(../shared/spec/parsed-report.md), built with pushJsonbValue.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "pg_govdisc.h"

static void
put_key(JsonbParseState **st, const char *key)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) key;
	v.val.string.len = strlen(key);
	pushJsonbValue(st, WJB_KEY, &v);
}

static void
put_null(JsonbParseState **st)
{
	JsonbValue	v;

	v.type = jbvNull;
	pushJsonbValue(st, WJB_VALUE, &v);
}

static void
put_string(JsonbParseState **st, const char *s)
{
	JsonbValue	v;

	if (s == NULL)
	{
		put_null(st);
		return;
	}
	/* the core speaks UTF-8; a database of another encoding gets its own */
	v.type = jbvString;
	v.val.string.val = pg_any_to_server(s, strlen(s), PG_UTF8);
	v.val.string.len = strlen(v.val.string.val);
	pushJsonbValue(st, WJB_VALUE, &v);
}

static void
put_int(JsonbParseState **st, int64 i)
{
	JsonbValue	v;

	if (i == GD_NULL)
	{
		put_null(st);
		return;
	}
	v.type = jbvNumeric;
	v.val.numeric = int64_to_numeric(i);
	pushJsonbValue(st, WJB_VALUE, &v);
}

static void
put_amount(JsonbParseState **st, int64 scaled)
{
	JsonbValue	v;
	char		buf[32];

	if (scaled == GD_NULL)
	{
		put_null(st);
		return;
	}
	gd_amount_format(scaled, buf);
	v.type = jbvNumeric;
	v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in,
														CStringGetDatum(buf),
														ObjectIdGetDatum(InvalidOid),
														Int32GetDatum(-1)));
	pushJsonbValue(st, WJB_VALUE, &v);
}

static void
put_value(JsonbParseState **st, const char *key, GdValueKind kind, int64 v)
{
	put_key(st, key);
	if (kind == GD_KIND_AMOUNT)
		put_amount(st, v);
	else
		put_int(st, v);
}

static void
put_active(JsonbParseState **st, const GdReport *r)
{
	put_key(st, "active");
	if (r->active_format == 0)
	{
		put_null(st);
		return;
	}
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	for (int row = 0; row < GD_A_NROWS; row++)
	{
		const GdActiveRowDef *def = gd_active_row_def(r->active_format, row);

		if (def->ncols == 0)
			continue;
		put_key(st, def->key);
		pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
		for (int c = 0; c < def->ncols; c++)
			put_value(st, def->cols[c].key, def->cols[c].kind, r->active[row][c]);
		if (r->active_format == 2019 && row == GD_A_PROCUREMENT)
		{
			put_key(st, "amount_text");
			put_string(st, r->procurement_amount_text);
		}
		pushJsonbValue(st, WJB_END_OBJECT, NULL);
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

static void
put_requests(JsonbParseState **st, const GdReport *r)
{
	put_key(st, "requests");
	if (r->requests_format == 0)
	{
		put_null(st);
		return;
	}
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	for (int row = 0; row < GD_R_NROWS; row++)
	{
		if (!gd_request_row_in_format(row, r->requests_format))
			continue;
		put_key(st, gd_request_rows[row].key);
		pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
		for (int c = 0; c < GD_C_NCOLS; c++)
			put_value(st, gd_request_cols[c].key, GD_KIND_COUNT, r->requests[row][c]);
		pushJsonbValue(st, WJB_END_OBJECT, NULL);
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

static void
put_review(JsonbParseState **st, const GdReport *r)
{
	put_key(st, "review");
	if (!r->review_present)
	{
		put_null(st);
		return;
	}
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	for (int row = 0; row < GD_V_NROWS; row++)
	{
		put_key(st, gd_review_rows[row].key);
		pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
		for (int c = 0; c < GD_VC_NCOLS; c++)
			put_value(st, gd_review_cols[c].key, GD_KIND_COUNT, r->review[row][c]);
		pushJsonbValue(st, WJB_END_OBJECT, NULL);
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

static void
put_sections(JsonbParseState **st, const GdReport *r)
{
	put_key(st, "sections");
	pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < r->nsections; i++)
	{
		const GdSection *s = &r->sections[i];

		pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
		put_key(st, "no");
		put_int(st, s->no);
		put_key(st, "title");
		put_string(st, s->title);
		put_key(st, "start");
		put_int(st, s->start);
		put_key(st, "length");
		put_int(st, s->length);
		pushJsonbValue(st, WJB_END_OBJECT, NULL);
	}
	pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

static void
put_diagnostics(JsonbParseState **st, const GdReport *r)
{
	put_key(st, "diagnostics");
	pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];

		pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
		put_key(st, "code");
		put_string(st, d->code);
		put_key(st, "message");
		put_string(st, d->message);
		put_key(st, "table");
		put_string(st, d->table);
		put_key(st, "row");
		put_string(st, d->row);
		put_key(st, "column");
		put_string(st, d->column);
		put_key(st, "start");
		put_int(st, d->start > 0 ? d->start : GD_NULL);
		pushJsonbValue(st, WJB_END_OBJECT, NULL);
	}
	pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

Jsonb *
govdisc_report_to_jsonb(const GdReport *r)
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	put_key(&st, "schema");
	put_int(&st, 1);
	put_key(&st, "template");
	put_string(&st, gd_template_name(r->template_));
	put_key(&st, "agency");
	put_string(&st, r->agency);
	put_key(&st, "year");
	put_int(&st, r->year ? r->year : GD_NULL);
	put_key(&st, "published");
	put_string(&st, r->published[0] ? r->published : NULL);
	put_sections(&st, r);
	put_active(&st, r);
	put_requests(&st, r);
	put_review(&st, r);
	put_key(&st, "processing_fees");
	if (r->fees_present)
	{
		pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
		put_key(&st, "cases");
		put_int(&st, r->fee_cases);
		put_value(&st, "amount_yuan", GD_KIND_AMOUNT, r->fee_amount);
		pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	}
	else
		put_null(&st);
	put_diagnostics(&st, r);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(res);
}
