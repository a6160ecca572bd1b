/*
 * surface.c
 *		The analyst's surface: one report as a flat row (govdisc_report), its
 *		cells, its 表三 rows and its sections as sets of rows, and the tables
 *		rendered back as text, Markdown or HTML (govdisc_render).
 *
 * Every function takes the report text (parsed here) or the jsonb document
 * govdisc_parse returned (read back without parsing again).  Labels come
 * from labels.c; a cell's label is the headings printed beside and above it,
 * outermost first, then its column heading, joined by " / "
 * (e.g. 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 / 自然人).
 * govdisc_report also resolves the agency to its administrative division
 * (src/core/agency.c), so that reports group by province or city.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "pg_govdisc.h"

#define LABEL_SEP " / "

/* ---- helpers ---- */

/* A UTF-8 string of the core as text in the database encoding. */
static text *
utf8_text(const char *s)
{
	size_t		len = strlen(s);
	char	   *conv = pg_any_to_server(s, (int) len, PG_UTF8);

	if (conv != s)
		len = strlen(conv);
	return cstring_to_text_with_len(conv, (int) len);
}

static Datum
utf8_datum(const char *s)
{
	return PointerGetDatum(utf8_text(s));
}

/*
 * The report an argument stands for: the text parsed, or the stored document
 * read back.  Allocated in 'cxt'.
 */
static GdReport *
report_arg(FunctionCallInfo fcinfo, bool from_text, MemoryContext cxt)
{
	if (from_text)
		return govdisc_parse_text(PG_GETARG_TEXT_PP(0), cxt);
	return govdisc_report_from_jsonb(PG_GETARG_JSONB_P(0), cxt);
}

static MemoryContext
work_context(void)
{
	return AllocSetContextCreate(CurrentMemoryContext, "govdisc surface",
								 ALLOCSET_DEFAULT_SIZES);
}

static Datum
amount_datum(int64 scaled)
{
	char		buf[32];

	gd_amount_format(scaled, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* the row label of 表三 with the headings it stands under */
static void
request_row_label(StringInfo buf, int row)
{
	const char *outer = gd_request_rows[GD_R_GRANTED].group;
	const char *group = gd_request_rows[row].group;

	if (group && strcmp(group, outer) != 0)
		appendStringInfo(buf, "%s" LABEL_SEP "%s" LABEL_SEP, outer, group);
	else if (group)
		appendStringInfo(buf, "%s" LABEL_SEP, group);
	appendStringInfoString(buf, gd_request_rows[row].label);
}

/* the row label of any table: 表二's rows have no heading over them */
static void
table_row_label(StringInfo buf, GdTable t, int row, const GdTableRow *d)
{
	if (t == GD_TABLE_REQUESTS)
		request_row_label(buf, row);
	else
	{
		if (d->group)
			appendStringInfo(buf, "%s" LABEL_SEP, d->group);
		appendStringInfoString(buf, d->label);
	}
}

static Datum
numeric_or_null(int64 v, GdValueKind kind, bool *isnull)
{
	*isnull = (v == GD_NULL);
	if (*isnull)
		return (Datum) 0;
	if (kind == GD_KIND_AMOUNT)
		return amount_datum(v);
	return NumericGetDatum(int64_to_numeric(v));
}

/* ---- govdisc_report: one flat row ---- */

/* "YYYY-MM-DD" as a date; false when it is not a real calendar day */
static bool
published_date(const char *s, DateADT *d)
{
	int			y,
				m,
				day;
	char		tail;

	if (s[0] == '\0' || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3)
		return false;
	if (y < 1 || m < 1 || m > 12 || day < 1 ||
		day > day_tab[isleap(y)][m - 1])
		return false;
	*d = date2j(y, m, day) - POSTGRES_EPOCH_JDATE;
	return true;
}

static int64
request_total(const GdReport *r, int row)
{
	return r->requests_format ? r->requests[row][GD_C_TOTAL] : GD_NULL;
}

static int64
review_total(const GdReport *r, int row)
{
	return r->review_present ? r->review[row][GD_VC_TOTAL] : GD_NULL;
}

#define REPORT_NATTS 16

static Datum
report_row(FunctionCallInfo fcinfo, bool from_text)
{
	MemoryContext work = work_context();
	GdReport   *r = report_arg(fcinfo, from_text, work);
	TupleDesc	tupdesc;
	Datum		values[REPORT_NATTS];
	bool		nulls[REPORT_NATTS];
	GdAllocator a;
	GdFindings	findings = {0};
	int64		lit_direct,
				lit_after;
	int			errors = 0,
				warnings = 0;
	DateADT		published = 0;
	const char *tpl = gd_template_name(r->template_);
	int64		totals[7];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);

	govdisc_allocator(&a, work);
	gd_check(r, &findings, &a);
	for (int i = 0; i < findings.n; i++)
	{
		if (findings.items[i].severity == GD_SEV_ERROR)
			errors++;
		else
			warnings++;
	}

	memset(nulls, 0, sizeof(nulls));
	nulls[0] = (tpl == NULL);
	values[0] = tpl ? utf8_datum(tpl) : (Datum) 0;
	nulls[1] = (r->agency == NULL);
	values[1] = r->agency ? utf8_datum(r->agency) : (Datum) 0;
	nulls[2] = (r->year == 0);
	values[2] = Int32GetDatum(r->year);
	nulls[3] = !published_date(r->published, &published);
	values[3] = DateADTGetDatum(published);

	totals[0] = request_total(r, GD_R_RECEIVED);
	totals[1] = request_total(r, GD_R_CARRIED_OVER);
	totals[2] = request_total(r, GD_R_GRANTED);
	totals[3] = request_total(r, GD_R_TOTAL);
	totals[4] = request_total(r, GD_R_CARRIED_FORWARD);
	totals[5] = review_total(r, GD_V_RECONSIDERATION);

	/*
	 * 行政诉讼 as one figure: the two kinds added, a blank one counting as
	 * nothing; blank only when both are.
	 */
	lit_direct = review_total(r, GD_V_LITIGATION_DIRECT);
	lit_after = review_total(r, GD_V_LITIGATION_AFTER);
	if (lit_direct == GD_NULL && lit_after == GD_NULL)
		totals[6] = GD_NULL;
	else
		totals[6] = (lit_direct == GD_NULL ? 0 : lit_direct) +
			(lit_after == GD_NULL ? 0 : lit_after);

	for (int i = 0; i < 7; i++)
	{
		nulls[4 + i] = (totals[i] == GD_NULL);
		values[4 + i] = Int64GetDatum(totals[i]);
	}
	values[11] = Int32GetDatum(errors);
	values[12] = Int32GetDatum(warnings);

	/* the division the agency's name opens with (agency.c), for GROUP BY */
	{
		GdAgency	ag;
		const char *div[3];

		if (r->agency)
			gd_agency_resolve(r->agency, strlen(r->agency), &ag);
		else
			memset(&ag, 0, sizeof(ag));
		div[0] = ag.code;
		div[1] = ag.province;
		div[2] = ag.city;
		for (int i = 0; i < 3; i++)
		{
			nulls[13 + i] = (div[i] == NULL);
			values[13 + i] = div[i] ? utf8_datum(div[i]) : (Datum) 0;
		}
	}

	{
		HeapTuple	tuple = heap_form_tuple(tupdesc, values, nulls);
		Datum		result = HeapTupleGetDatum(tuple);

		MemoryContextDelete(work);
		return result;
	}
}

PG_FUNCTION_INFO_V1(govdisc_report_text);
Datum
govdisc_report_text(PG_FUNCTION_ARGS)
{
	return report_row(fcinfo, true);
}

PG_FUNCTION_INFO_V1(govdisc_report_jsonb);
Datum
govdisc_report_jsonb(PG_FUNCTION_ARGS)
{
	return report_row(fcinfo, false);
}

/* ---- govdisc_cells: every cell of the three tables ---- */

static void
put_cell(ReturnSetInfo *rsinfo, const char *tbl, const char *row_key,
		 const char *col_key, const char *label, int64 v, GdValueKind kind)
{
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};

	values[0] = CStringGetTextDatum(tbl);
	values[1] = CStringGetTextDatum(row_key);
	values[2] = CStringGetTextDatum(col_key);
	values[3] = utf8_datum(label);
	values[4] = numeric_or_null(v, kind, &nulls[4]);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

static Datum
cells_rows(FunctionCallInfo fcinfo, bool from_text)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext work;
	MemoryContext old;
	GdReport   *r;
	StringInfoData label;

	InitMaterializedSRF(fcinfo, 0);
	work = work_context();
	r = report_arg(fcinfo, from_text, work);
	old = MemoryContextSwitchTo(work);
	initStringInfo(&label);

	for (int t = 0; t < GD_NTABLES; t++)
	{
		int			format = gd_table_format(r, t);

		for (int row = 0; format != 0 && row < gd_tables[t].nrows; row++)
		{
			const int64 *cells = gd_table_cells(r, t, row);
			GdTableRow	d;

			if (!gd_table_row(t, format, row, &d))
				continue;
			for (int c = 0; c < d.ncols; c++)
			{
				resetStringInfo(&label);
				table_row_label(&label, t, row, &d);
				appendStringInfo(&label, LABEL_SEP "%s", d.cols[c].label);
				put_cell(rsinfo, gd_tables[t].key, d.key, d.cols[c].key, label.data,
						 cells[c], d.cols[c].kind);
			}
		}
	}

	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(govdisc_cells_text);
Datum
govdisc_cells_text(PG_FUNCTION_ARGS)
{
	return cells_rows(fcinfo, true);
}

PG_FUNCTION_INFO_V1(govdisc_cells_jsonb);
Datum
govdisc_cells_jsonb(PG_FUNCTION_ARGS)
{
	return cells_rows(fcinfo, false);
}

/* ---- govdisc_requests: 表三, one row per template row ---- */

static Datum
requests_rows(FunctionCallInfo fcinfo, bool from_text)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext work;
	MemoryContext old;
	GdReport   *r;
	StringInfoData label;

	InitMaterializedSRF(fcinfo, 0);
	work = work_context();
	r = report_arg(fcinfo, from_text, work);
	old = MemoryContextSwitchTo(work);
	initStringInfo(&label);

	for (int row = 0; r->requests_format && row < GD_R_NROWS; row++)
	{
		Datum		values[2 + GD_C_NCOLS];
		bool		nulls[2 + GD_C_NCOLS];

		if (!gd_request_row_in_format(row, r->requests_format))
			continue;
		resetStringInfo(&label);
		request_row_label(&label, row);
		values[0] = CStringGetTextDatum(gd_request_rows[row].key);
		nulls[0] = false;
		values[1] = utf8_datum(label.data);
		nulls[1] = false;
		for (int c = 0; c < GD_C_NCOLS; c++)
		{
			int64		v = r->requests[row][c];

			nulls[2 + c] = (v == GD_NULL);
			values[2 + c] = Int64GetDatum(v);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}

	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(govdisc_requests_text);
Datum
govdisc_requests_text(PG_FUNCTION_ARGS)
{
	return requests_rows(fcinfo, true);
}

PG_FUNCTION_INFO_V1(govdisc_requests_jsonb);
Datum
govdisc_requests_jsonb(PG_FUNCTION_ARGS)
{
	return requests_rows(fcinfo, false);
}

/* ---- govdisc_sections: the six parts and their text ---- */

PG_FUNCTION_INFO_V1(govdisc_sections);
Datum
govdisc_sections(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *source = PG_GETARG_TEXT_PP(0);
	MemoryContext work;
	GdReport   *r;

	InitMaterializedSRF(fcinfo, 0);
	work = work_context();
	r = govdisc_parse_text(source, work);

	for (int i = 0; i < r->nsections; i++)
	{
		const GdSection *s = &r->sections[i];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = Int32GetDatum(s->no);
		nulls[1] = (s->title == NULL);
		values[1] = s->title ? utf8_datum(s->title) : (Datum) 0;
		/* positions are in characters, as substr counts them */
		if (s->start < 1 || s->start > PG_INT32_MAX || s->length < 0 ||
			s->length > PG_INT32_MAX)
			nulls[2] = true;
		else
			values[2] = DirectFunctionCall3(text_substr, PointerGetDatum(source),
											Int32GetDatum((int32) s->start),
											Int32GetDatum((int32) s->length));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}

	MemoryContextDelete(work);
	return (Datum) 0;
}

/* ---- govdisc_render ---- */

PG_FUNCTION_INFO_V1(govdisc_render);
Datum
govdisc_render(PG_FUNCTION_ARGS)
{
	char	   *format = text_to_cstring(PG_GETARG_TEXT_PP(1));
	GdRenderFormat fmt;
	MemoryContext work;
	GdReport   *r;
	GdAllocator a;
	char	   *out;
	size_t		len;
	char	   *conv;
	text	   *result;

	if (strcmp(format, "text") == 0)
		fmt = GD_RENDER_TEXT;
	else if (strcmp(format, "markdown") == 0)
		fmt = GD_RENDER_MARKDOWN;
	else if (strcmp(format, "html") == 0)
		fmt = GD_RENDER_HTML;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized render format \"%s\"", format),
				 errdetail("Valid formats are \"text\", \"markdown\" and \"html\".")));

	work = work_context();
	r = report_arg(fcinfo, false, work);
	govdisc_allocator(&a, work);
	out = gd_render(r, fmt, &a, &len);
	conv = pg_any_to_server(out, (int) len, PG_UTF8);
	if (conv != out)
		len = strlen(conv);
	result = cstring_to_text_with_len(conv, (int) len);
	MemoryContextDelete(work);
	PG_RETURN_TEXT_P(result);
}
