/*
 * rollup.c
 *		govdisc_sum(jsonb): the aggregate that adds govdisc documents cell by
 *		cell, e.g. a city's bureaus into one document the city can set beside
 *		its own.
 *
 * A cell of the sum is the sum of the members that state it, null when none
 * does; the cells some member left blank are listed with how many did, so
 * that a sum over members with gaps is never taken for a complete one.  The
 * two templates' tables are kept apart: a table is summed in the format most
 * of its members follow (2021 on a tie), and the members whose table follows
 * the other format are listed under rollup.excluded, never added into cells
 * of another meaning.
 *
 * The state is a fixed-size struct of integers (int128 sums: no member's
 * value can make a sum overflow), so combining partial states of parallel
 * workers is adding them, and the serial and the parallel plan give the same
 * document.  The final function writes the sum as a GdReport through the
 * document writer (jsonb_out.c), so it is a document of the contract every
 * govdisc function reads, then adds the one top-level key "rollup".
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "pg_govdisc.h"

#ifndef HAVE_INT128
#error "govdisc_sum needs a compiler with a 128-bit integer type"
#endif

/* the largest table: 表三, 26 rows of 7 columns */
#define SUM_MAXCELLS (GD_R_NROWS * GD_C_NCOLS)

/* One table in one format: how many members had it, and its cells. */
typedef struct SumTable
{
	int64		members;
	int64		stated[SUM_MAXCELLS];	/* members that state the cell */
	int128		sum[SUM_MAXCELLS];
} SumTable;

enum
{
	ST_ACTIVE_2019,
	ST_ACTIVE_2021,
	ST_REQUESTS_2019,
	ST_REQUESTS_2021,
	ST_REVIEW,
	ST_FEES,
	ST_NTABLES
};

/* templates counted in rollup.templates */
enum
{
	TPL_2019,
	TPL_2021,
	TPL_MIXED,
	TPL_NONE,
	TPL_N
};

typedef struct SumState
{
	int64		members;
	int64		templates[TPL_N];
	int64		no_year;		/* members whose year is blank */
	int32		year_min;
	int32		year_max;
	SumTable	t[ST_NTABLES];
	/* not serialized: scratch for reading one member, made when needed */
	MemoryContext scratch;
} SumState;

#define SUM_SERIAL_SIZE offsetof(SumState, scratch)

static const char *const template_keys[TPL_N] = {"2019", "2021", "mixed", "none"};

/* a cell's place in its SumTable: row * the table's widest row + column */
static const int table_stride[GD_NTABLES] = {
	[GD_TABLE_ACTIVE] = GD_A_NCOLS,
	[GD_TABLE_REQUESTS] = GD_C_NCOLS,
	[GD_TABLE_REVIEW] = GD_VC_NCOLS,
};

/* The SumTable of table t in a format (2019, 2021; 表四's only one: 1). */
static int
sum_table(GdTable t, int format)
{
	switch (t)
	{
		case GD_TABLE_ACTIVE:
			return format == 2021 ? ST_ACTIVE_2021 : ST_ACTIVE_2019;
		case GD_TABLE_REQUESTS:
			return format == 2021 ? ST_REQUESTS_2021 : ST_REQUESTS_2019;
		default:
			return ST_REVIEW;
	}
}

/* ---- adding a member ---- */

static void
add_cell(SumTable *t, int i, int64 v)
{
	if (v == GD_NULL)
		return;
	t->stated[i]++;
	t->sum[i] += v;
}

static void
add_report(SumState *s, const GdReport *r)
{
	int			tpl;

	s->members++;
	switch (r->template_)
	{
		case GD_TPL_2019:
			tpl = TPL_2019;
			break;
		case GD_TPL_2021:
			tpl = TPL_2021;
			break;
		case GD_TPL_MIXED:
			tpl = TPL_MIXED;
			break;
		default:
			tpl = TPL_NONE;
			break;
	}
	s->templates[tpl]++;
	if (r->year == 0)
		s->no_year++;
	else
	{
		if (s->members - s->no_year == 1 || r->year < s->year_min)
			s->year_min = r->year;
		if (s->members - s->no_year == 1 || r->year > s->year_max)
			s->year_max = r->year;
	}

	for (int t = 0; t < GD_NTABLES; t++)
	{
		int			format = gd_table_format(r, t);
		SumTable   *st;

		if (format == 0)
			continue;
		st = &s->t[sum_table(t, format)];
		st->members++;
		for (int row = 0; row < gd_tables[t].nrows; row++)
		{
			const int64 *cells = gd_table_cells(r, t, row);
			GdTableRow	d;

			if (gd_table_row(t, format, row, &d))
				for (int c = 0; c < d.ncols; c++)
					add_cell(st, row * table_stride[t] + c, cells[c]);
		}
	}
	if (r->fees_present)
	{
		SumTable   *t = &s->t[ST_FEES];

		t->members++;
		add_cell(t, 0, r->fee_cases);
		add_cell(t, 1, r->fee_amount);
	}
}

static void
add_state(SumState *into, const SumState *from)
{
	int64		with_year_into = into->members - into->no_year;
	int64		with_year_from = from->members - from->no_year;

	if (with_year_from > 0)
	{
		if (with_year_into == 0 || from->year_min < into->year_min)
			into->year_min = from->year_min;
		if (with_year_into == 0 || from->year_max > into->year_max)
			into->year_max = from->year_max;
	}
	into->members += from->members;
	into->no_year += from->no_year;
	for (int i = 0; i < TPL_N; i++)
		into->templates[i] += from->templates[i];
	for (int k = 0; k < ST_NTABLES; k++)
	{
		into->t[k].members += from->t[k].members;
		for (int i = 0; i < SUM_MAXCELLS; i++)
		{
			into->t[k].stated[i] += from->t[k].stated[i];
			into->t[k].sum[i] += from->t[k].sum[i];
		}
	}
}

static SumState *
new_state(MemoryContext aggcxt)
{
	return MemoryContextAllocZero(aggcxt, sizeof(SumState));
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", fn)));
	return aggcxt;
}

PG_FUNCTION_INFO_V1(govdisc_sum_transfn);
Datum
govdisc_sum_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo, "govdisc_sum_transfn");
	SumState   *s = PG_ARGISNULL(0) ? NULL : (SumState *) PG_GETARG_POINTER(0);

	if (s == NULL)
		s = new_state(aggcxt);
	/* a null document is no member, as sum() skips nulls */
	if (!PG_ARGISNULL(1))
	{
		GdReport   *r;

		if (s->scratch == NULL)
			s->scratch = AllocSetContextCreate(aggcxt, "govdisc_sum member",
											   ALLOCSET_SMALL_SIZES);
		r = govdisc_report_tables_from_jsonb(PG_GETARG_JSONB_P(1), s->scratch);
		add_report(s, r);
		MemoryContextReset(s->scratch);
	}
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(govdisc_sum_combinefn);
Datum
govdisc_sum_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo, "govdisc_sum_combinefn");
	SumState   *a = PG_ARGISNULL(0) ? NULL : (SumState *) PG_GETARG_POINTER(0);
	SumState   *b = PG_ARGISNULL(1) ? NULL : (SumState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = new_state(aggcxt);
	add_state(a, b);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(govdisc_sum_serialize);
Datum
govdisc_sum_serialize(PG_FUNCTION_ARGS)
{
	SumState   *s = (SumState *) PG_GETARG_POINTER(0);
	bytea	   *out = palloc(VARHDRSZ + SUM_SERIAL_SIZE);

	agg_context(fcinfo, "govdisc_sum_serialize");
	SET_VARSIZE(out, VARHDRSZ + SUM_SERIAL_SIZE);
	memcpy(VARDATA(out), s, SUM_SERIAL_SIZE);
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(govdisc_sum_deserialize);
Datum
govdisc_sum_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in = PG_GETARG_BYTEA_PP(0);
	SumState   *s;

	agg_context(fcinfo, "govdisc_sum_deserialize");
	/* only govdisc_sum_serialize of this very build writes these */
	if (VARSIZE_ANY_EXHDR(in) != SUM_SERIAL_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid govdisc_sum state of %d bytes", (int) VARSIZE_ANY_EXHDR(in)),
				 errdetail("A state of govdisc_sum has %d bytes.", (int) SUM_SERIAL_SIZE)));
	s = palloc0(sizeof(SumState));
	memcpy(s, VARDATA_ANY(in), SUM_SERIAL_SIZE);
	s->scratch = NULL;
	PG_RETURN_POINTER(s);
}

/* ---- the sum as a document ---- */

/*
 * Which of a table's formats is summed (0: none has the table): the one most
 * members follow; *others gets how many follow the other one.
 */
static int
chosen_format(const SumState *s, GdTable t, int64 *others)
{
	int64		n19 = s->t[sum_table(t, 2019)].members,
				n21 = s->t[sum_table(t, 2021)].members;

	*others = 0;
	if (t == GD_TABLE_REVIEW)
		return n21 > 0 ? 1 : 0;
	if (n19 == 0 && n21 == 0)
		return 0;
	*others = n19 > n21 ? n21 : n19;
	return n19 > n21 ? 2019 : 2021;
}

/* A sum as a document's int64; past that no reader could take it. */
static int64
cell_value(const SumTable *t, int i, const char *tbl, const char *row, const char *col)
{
	int128		v = t->sum[i];

	if (t->stated[i] == 0)
		return GD_NULL;
	if (v > PG_INT64_MAX || v <= PG_INT64_MIN)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of cell %s.%s.%s is out of range for a govdisc document",
						tbl, row, col),
				 errdetail("A cell of a document holds a 64-bit integer (amounts in units of 1/10000 yuan).")));
	return (int64) v;
}

typedef struct Rollup
{
	JsonbParseState *ps;
	const SumState *s;
} Rollup;

static void
push_key(Rollup *ru, const char *key)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) key;
	v.val.string.len = strlen(key);
	pushJsonbValue(&ru->ps, WJB_KEY, &v);
}

static void
push_int(Rollup *ru, const char *key, int64 n)
{
	JsonbValue	v;

	push_key(ru, key);
	v.type = jbvNumeric;
	v.val.numeric = int64_to_numeric(n);
	pushJsonbValue(&ru->ps, WJB_VALUE, &v);
}

static void
push_str(Rollup *ru, const char *key, const char *s)
{
	JsonbValue	v;

	push_key(ru, key);
	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = strlen(s);
	pushJsonbValue(&ru->ps, WJB_VALUE, &v);
}

/* one entry of rollup.incomplete, if some member left the cell blank */
static void
incomplete_cell(Rollup *ru, const SumTable *t, int64 others, int i,
				const char *tbl, const char *row, const char *col)
{
	/* members without this table in this format left it blank too */
	int64		blank = ru->s->members - others - t->stated[i];

	if (blank <= 0)
		return;
	pushJsonbValue(&ru->ps, WJB_BEGIN_OBJECT, NULL);
	push_str(ru, "table", tbl);
	if (row)
		push_str(ru, "row", row);
	push_str(ru, "column", col);
	push_int(ru, "blank", blank);
	pushJsonbValue(&ru->ps, WJB_END_OBJECT, NULL);
}

/*
 * Fills in table t of r in the given format from the sums, and lists its
 * blank cells.  'others' is the number of members excluded for following
 * the other format.
 */
static void
fill_table(Rollup *ru, GdReport *r, GdTable t, int format, int64 others)
{
	const SumTable *st = &ru->s->t[sum_table(t, format)];

	if (t == GD_TABLE_ACTIVE)
		r->active_format = format;
	else if (t == GD_TABLE_REQUESTS)
		r->requests_format = format;
	else
		r->review_present = true;
	for (int row = 0; row < gd_tables[t].nrows; row++)
	{
		/* the report is this function's own to fill */
		int64	   *cells = (int64 *) gd_table_cells(r, t, row);
		GdTableRow	d;

		if (!gd_table_row(t, format, row, &d))
			continue;
		for (int c = 0; c < d.ncols; c++)
		{
			int			i = row * table_stride[t] + c;

			cells[c] = cell_value(st, i, gd_tables[t].key, d.key, d.cols[c].key);
			incomplete_cell(ru, st, others, i, gd_tables[t].key, d.key, d.cols[c].key);
		}
	}
}

static void
fill_fees(Rollup *ru, GdReport *r)
{
	const SumTable *t = &ru->s->t[ST_FEES];

	r->fees_present = true;
	r->fee_cases = cell_value(t, 0, "processing_fees", "", "cases");
	r->fee_amount = cell_value(t, 1, "processing_fees", "", "amount_yuan");
	incomplete_cell(ru, t, 0, 0, "processing_fees", NULL, "cases");
	incomplete_cell(ru, t, 0, 1, "processing_fees", NULL, "amount_yuan");
}

static void
excluded_entry(Rollup *ru, const char *tbl, int format, int64 n)
{
	if (n == 0)
		return;
	pushJsonbValue(&ru->ps, WJB_BEGIN_OBJECT, NULL);
	push_str(ru, "table", tbl);
	/* pushJsonbValue keeps the pointer: a string constant */
	push_str(ru, "format", format == 2021 ? "2021" : "2019");
	push_int(ru, "members", n);
	pushJsonbValue(&ru->ps, WJB_END_OBJECT, NULL);
}

static GdTemplate
template_of(int active_format, int requests_format)
{
	if (active_format && requests_format)
		return active_format == requests_format ? (GdTemplate) active_format : GD_TPL_MIXED;
	if (active_format || requests_format)
		return (GdTemplate) (active_format ? active_format : requests_format);
	return GD_TPL_NONE;
}

PG_FUNCTION_INFO_V1(govdisc_sum_finalfn);
Datum
govdisc_sum_finalfn(PG_FUNCTION_ARGS)
{
	const SumState *s;
	GdReport	r;
	Rollup		ru;
	int			format[GD_NTABLES];
	int64		others[GD_NTABLES];
	JsonbValue *rollup;
	Jsonb	   *doc;

	agg_context(fcinfo, "govdisc_sum_finalfn");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (const SumState *) PG_GETARG_POINTER(0);
	/* only null documents: no member, and sum() of only nulls is null too */
	if (s->members == 0)
		PG_RETURN_NULL();

	gd_report_init(&r);
	for (int t = 0; t < GD_NTABLES; t++)
		format[t] = chosen_format(s, t, &others[t]);
	r.template_ = template_of(format[GD_TABLE_ACTIVE], format[GD_TABLE_REQUESTS]);
	if (s->no_year == 0 && s->members > 0 && s->year_min == s->year_max)
		r.year = s->year_min;

	ru.ps = NULL;
	ru.s = s;
	pushJsonbValue(&ru.ps, WJB_BEGIN_OBJECT, NULL);
	push_key(&ru, "rollup");
	pushJsonbValue(&ru.ps, WJB_BEGIN_OBJECT, NULL);
	push_int(&ru, "members", s->members);

	push_key(&ru, "templates");
	pushJsonbValue(&ru.ps, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < TPL_N; i++)
		if (s->templates[i] > 0)
			push_int(&ru, template_keys[i], s->templates[i]);
	pushJsonbValue(&ru.ps, WJB_END_OBJECT, NULL);

	push_key(&ru, "incomplete");
	pushJsonbValue(&ru.ps, WJB_BEGIN_ARRAY, NULL);
	for (int t = 0; t < GD_NTABLES; t++)
		if (format[t])
			fill_table(&ru, &r, t, format[t], others[t]);
	if (s->t[ST_FEES].members > 0)
		fill_fees(&ru, &r);
	pushJsonbValue(&ru.ps, WJB_END_ARRAY, NULL);

	push_key(&ru, "excluded");
	pushJsonbValue(&ru.ps, WJB_BEGIN_ARRAY, NULL);
	for (int t = 0; t < GD_NTABLES; t++)
		excluded_entry(&ru, gd_tables[t].key, format[t] == 2021 ? 2019 : 2021, others[t]);
	pushJsonbValue(&ru.ps, WJB_END_ARRAY, NULL);

	pushJsonbValue(&ru.ps, WJB_END_OBJECT, NULL);
	rollup = pushJsonbValue(&ru.ps, WJB_END_OBJECT, NULL);

	doc = govdisc_report_to_jsonb(&r, CurrentMemoryContext);
	return DirectFunctionCall2(jsonb_concat, JsonbPGetDatum(doc),
							   JsonbPGetDatum(JsonbValueToJsonb(rollup)));
}
