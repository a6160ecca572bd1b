/*
 * pg_jsonb_out.c
 *		A GdReport as the jsonb document of the contract
 *		(../shared/spec/parsed-report.md).
 *
 * The document is built as a JsonbValue tree and flattened once with
 * JsonbValueToJsonb.  Its keys are fixed and unique, so each object only
 * needs its pairs put in jsonb's key order (shorter keys first, then
 * bytewise), where pushJsonbValue would qsort and de-duplicate every object;
 * they are put in that order already, and put() keeps it either way.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "pg_govdisc.h"

/*
 * Most cells hold small counts: their Numerics are made once per backend
 * (in TopMemoryContext) instead of once per cell.
 */
#define SMALL_NUMERICS 1024

static Numeric
numeric_of(int64 i)
{
	static Numeric small[SMALL_NUMERICS];

	if (i >= 0 && i < SMALL_NUMERICS)
	{
		if (small[i] == NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			small[i] = int64_to_numeric(i);
			MemoryContextSwitchTo(old);
		}
		return small[i];
	}
	return int64_to_numeric(i);
}

static JsonbValue
null_value(void)
{
	JsonbValue	v;

	v.type = jbvNull;
	return v;
}

static JsonbValue
string_value(const char *s)
{
	JsonbValue	v;

	if (s == NULL)
		return null_value();
	/* the core speaks UTF-8; a database of another encoding gets its own */
	v.type = jbvString;
	v.val.string.val = pg_any_to_server(s, strlen(s), PG_UTF8);
	v.val.string.len = strlen(v.val.string.val);
	return v;
}

static JsonbValue
int_value(int64 i)
{
	JsonbValue	v;

	if (i == GD_NULL)
		return null_value();
	v.type = jbvNumeric;
	v.val.numeric = numeric_of(i);
	return v;
}

static JsonbValue
amount_value(int64 scaled)
{
	JsonbValue	v;
	char		buf[32];

	if (scaled == GD_NULL)
		return null_value();
	gd_amount_format(scaled, buf);
	v.type = jbvNumeric;
	v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in,
														CStringGetDatum(buf),
														ObjectIdGetDatum(InvalidOid),
														Int32GetDatum(-1)));
	return v;
}

static JsonbValue
kind_value(GdValueKind kind, int64 v)
{
	return kind == GD_KIND_AMOUNT ? amount_value(v) : int_value(v);
}

/* ---- objects and arrays ---- */

static JsonbValue *
new_object(int cap)
{
	JsonbValue *o = palloc(sizeof(JsonbValue));

	o->type = jbvObject;
	o->val.object.nPairs = 0;
	o->val.object.pairs = palloc(sizeof(JsonbPair) * cap);
	return o;
}

static bool
key_before(const JsonbValue *a, const JsonbValue *b)
{
	if (a->val.string.len != b->val.string.len)
		return a->val.string.len < b->val.string.len;
	return memcmp(a->val.string.val, b->val.string.val, a->val.string.len) < 0;
}

/* Adds a pair where jsonb's key order puts it (the keys are unique). */
static void
put(JsonbValue *o, const char *key, JsonbValue value)
{
	JsonbPair  *pairs = o->val.object.pairs;
	int			i = o->val.object.nPairs;
	JsonbPair	p;

	p.key.type = jbvString;
	p.key.val.string.val = (char *) key;
	p.key.val.string.len = strlen(key);
	p.value = value;
	p.order = i;
	while (i > 0 && key_before(&p.key, &pairs[i - 1].key))
	{
		pairs[i] = pairs[i - 1];
		i--;
	}
	pairs[i] = p;
	o->val.object.nPairs++;
}

static void
put_object(JsonbValue *o, const char *key, JsonbValue *child)
{
	put(o, key, *child);
}

static JsonbValue *
new_array(int n)
{
	JsonbValue *a = palloc(sizeof(JsonbValue));

	a->type = jbvArray;
	a->val.array.nElems = 0;
	a->val.array.rawScalar = false;
	a->val.array.elems = palloc(sizeof(JsonbValue) * (n > 0 ? n : 1));
	return a;
}

/*
 * The order of a label table's keys in jsonb, worked out once per backend:
 * pairs put in that order go to the end of their object without moving.
 */
static bool
key_before_str(const char *a, const char *b)
{
	size_t		la = strlen(a),
				lb = strlen(b);

	return la != lb ? la < lb : memcmp(a, b, la) < 0;
}

static void
sort_keys(const char *const *keys, int n, int *order)
{
	for (int i = 0; i < n; i++)
	{
		int			j = i;

		while (j > 0 && key_before_str(keys[i], keys[order[j - 1]]))
		{
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
}

/* more than the rows or columns of any table */
#define MAX_KEYS 32
StaticAssertDecl(GD_A_NROWS <= MAX_KEYS && GD_R_NROWS <= MAX_KEYS && GD_V_NROWS <= MAX_KEYS &&
				 GD_A_NCOLS <= MAX_KEYS && GD_C_NCOLS <= MAX_KEYS && GD_VC_NCOLS <= MAX_KEYS,
				 "MAX_KEYS is too small");

typedef struct TableOrder
{
	bool		ready;
	int			rows[MAX_KEYS];
	int			cols[GD_A_NROWS][MAX_KEYS];	/* per row for 表二, [0] otherwise */
} TableOrder;

/* the orders of 表二 (each format, each row), 表三 and 表四 */
static TableOrder active_order[2],
			request_order,
			review_order;

static const TableOrder *
active_key_order(int format)
{
	TableOrder *o = &active_order[format == 2021];

	if (!o->ready)
	{
		const char *keys[MAX_KEYS];

		for (int row = 0; row < GD_A_NROWS; row++)
			keys[row] = gd_active_row_def(format, row)->key;
		sort_keys(keys, GD_A_NROWS, o->rows);
		for (int row = 0; row < GD_A_NROWS; row++)
		{
			const GdActiveRowDef *def = gd_active_row_def(format, row);

			for (int c = 0; c < def->ncols; c++)
				keys[c] = def->cols[c].key;
			sort_keys(keys, def->ncols, o->cols[row]);
		}
		o->ready = true;
	}
	return o;
}

static const TableOrder *
grid_key_order(TableOrder *o, const GdRowDef *rows, int nrows,
			   const GdColumnDef *cols, int ncols)
{
	if (!o->ready)
	{
		const char *keys[MAX_KEYS];

		for (int i = 0; i < nrows; i++)
			keys[i] = rows[i].key;
		sort_keys(keys, nrows, o->rows);
		for (int i = 0; i < ncols; i++)
			keys[i] = cols[i].key;
		sort_keys(keys, ncols, o->cols[0]);
		o->ready = true;
	}
	return o;
}

/* ---- the parts of the document ---- */

static JsonbValue
active_value(const GdReport *r)
{
	JsonbValue *o;
	const TableOrder *order;

	if (r->active_format == 0)
		return null_value();
	order = active_key_order(r->active_format);
	o = new_object(GD_A_NROWS);
	for (int i = 0; i < GD_A_NROWS; i++)
	{
		int			row = order->rows[i];
		const GdActiveRowDef *def = gd_active_row_def(r->active_format, row);
		JsonbValue *cells;

		if (def->ncols == 0)
			continue;
		cells = new_object(GD_A_NCOLS + 1);
		for (int j = 0; j < def->ncols; j++)
		{
			int			c = order->cols[row][j];

			put(cells, def->cols[c].key, kind_value(def->cols[c].kind, r->active[row][c]));
		}
		if (r->active_format == 2019 && row == GD_A_PROCUREMENT)
			put(cells, "amount_text", string_value(r->procurement_amount_text));
		put_object(o, def->key, cells);
	}
	return *o;
}

static JsonbValue
requests_value(const GdReport *r)
{
	JsonbValue *o;
	const TableOrder *order;

	if (r->requests_format == 0)
		return null_value();
	order = grid_key_order(&request_order, gd_request_rows, GD_R_NROWS,
						   gd_request_cols, GD_C_NCOLS);
	o = new_object(GD_R_NROWS);
	for (int i = 0; i < GD_R_NROWS; i++)
	{
		int			row = order->rows[i];
		JsonbValue *cells;

		if (!gd_request_row_in_format(row, r->requests_format))
			continue;
		cells = new_object(GD_C_NCOLS);
		for (int j = 0; j < GD_C_NCOLS; j++)
		{
			int			c = order->cols[0][j];

			put(cells, gd_request_cols[c].key, int_value(r->requests[row][c]));
		}
		put_object(o, gd_request_rows[row].key, cells);
	}
	return *o;
}

static JsonbValue
review_value(const GdReport *r)
{
	JsonbValue *o;
	const TableOrder *order;

	if (!r->review_present)
		return null_value();
	order = grid_key_order(&review_order, gd_review_rows, GD_V_NROWS,
						   gd_review_cols, GD_VC_NCOLS);
	o = new_object(GD_V_NROWS);
	for (int i = 0; i < GD_V_NROWS; i++)
	{
		int			row = order->rows[i];
		JsonbValue *cells = new_object(GD_VC_NCOLS);

		for (int j = 0; j < GD_VC_NCOLS; j++)
		{
			int			c = order->cols[0][j];

			put(cells, gd_review_cols[c].key, int_value(r->review[row][c]));
		}
		put_object(o, gd_review_rows[row].key, cells);
	}
	return *o;
}

static JsonbValue
sections_value(const GdReport *r)
{
	JsonbValue *a = new_array(r->nsections);

	for (int i = 0; i < r->nsections; i++)
	{
		const GdSection *s = &r->sections[i];
		JsonbValue *o = new_object(4);

		put(o, "no", int_value(s->no));
		put(o, "start", int_value(s->start));
		put(o, "title", string_value(s->title));
		put(o, "length", int_value(s->length));
		a->val.array.elems[a->val.array.nElems++] = *o;
	}
	return *a;
}

static JsonbValue
diagnostics_value(const GdReport *r)
{
	JsonbValue *a = new_array(r->ndiagnostics);

	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];
		JsonbValue *o = new_object(6);

		put(o, "row", string_value(d->row));
		put(o, "code", string_value(d->code));
		put(o, "start", int_value(d->start > 0 ? d->start : GD_NULL));
		put(o, "table", string_value(d->table));
		put(o, "column", string_value(d->column));
		put(o, "message", string_value(d->message));
		a->val.array.elems[a->val.array.nElems++] = *o;
	}
	return *a;
}

static JsonbValue
fees_value(const GdReport *r)
{
	JsonbValue *o;

	if (!r->fees_present)
		return null_value();
	o = new_object(2);
	put(o, "cases", int_value(r->fee_cases));
	put(o, "amount_yuan", amount_value(r->fee_amount));
	return *o;
}

Jsonb *
govdisc_report_to_jsonb(const GdReport *r)
{
	JsonbValue *doc = new_object(12);

	/* in jsonb's key order, so that nothing moves */
	put(doc, "year", int_value(r->year ? r->year : GD_NULL));
	put(doc, "active", active_value(r));
	put(doc, "agency", string_value(r->agency));
	put(doc, "review", review_value(r));
	put(doc, "schema", int_value(1));
	put(doc, "requests", requests_value(r));
	put(doc, "sections", sections_value(r));
	put(doc, "template", string_value(gd_template_name(r->template_)));
	put(doc, "published", string_value(r->published[0] ? r->published : NULL));
	put(doc, "diagnostics", diagnostics_value(r));
	put(doc, "processing_fees", fees_value(r));
	return JsonbValueToJsonb(doc);
}
