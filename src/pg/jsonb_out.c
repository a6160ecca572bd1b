/*
 * jsonb_out.c
 *		A GdReport as the jsonb document of the contract
 *		(docs/parsed-report.md).
 *
 * The document is written straight in jsonb's binary form (utils/jsonb.h),
 * as JsonbValueToJsonb would write it, without building a JsonbValue tree
 * first: its keys are fixed, so their order in each object (shorter keys
 * first, then bytewise) is known before its values are.  A container is a
 * header, one JEntry per child (the keys of an object, then its values) and
 * the children's data; every JB_OFFSET_STRIDE'th JEntry holds an end offset
 * instead of a length, and numerics and containers start 4-byte aligned.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "pg_govdisc.h"

/* ---- the binary writer ---- */

/* A container being written: its children's JEntries are filled in as they come. */
typedef struct Frame
{
	int			base;			/* where the container starts in the buffer */
	int			jentries;		/* where its JEntry array starts */
	int			nchildren;
	int			i;				/* children written so far */
	int			totallen;		/* their data's length so far */
} Frame;

/* appendBinaryStringInfo without a call when there is room, and without the NUL */
static inline void
append(StringInfo b, const void *data, int len)
{
	if (b->len + len >= b->maxlen)
		enlargeStringInfo(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

/* As padBufferToInt in jsonb_util.c; returns the padding's length */
static int
pad_to_int(StringInfo b)
{
	static const char zeroes[4];
	int			padlen = INTALIGN(b->len) - b->len;

	append(b, zeroes, padlen);
	return padlen;
}

static void
begin(StringInfo b, Frame *f, uint32 kind, int n)
{
	uint32		header = (uint32) n | kind;
	int			children = kind == JB_FOBJECT ? 2 * n : n;

	f->base = b->len;
	pad_to_int(b);
	append(b, &header, sizeof(header));
	f->jentries = b->len;
	if (b->len + children * sizeof(JEntry) >= b->maxlen)
		enlargeStringInfo(b, children * sizeof(JEntry));
	b->len += children * sizeof(JEntry);
	f->nchildren = children;
	f->i = 0;
	f->totallen = 0;
}

/* The JEntry of the next child, whose data has just been appended. */
static void
child(StringInfo b, Frame *f, JEntry meta)
{
	f->totallen += JBE_OFFLENFLD(meta);
	if (f->totallen > JENTRY_OFFLENMASK)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("parsed report is too large for jsonb"),
				 errdetail("The document would exceed the maximum of %d bytes.",
						   JENTRY_OFFLENMASK),
				 errhint("Parse a shorter text.")));
	if (f->i % JB_OFFSET_STRIDE == 0)
		meta = (meta & JENTRY_TYPEMASK) | f->totallen | JENTRY_HAS_OFF;
	Assert(f->i < f->nchildren);
	memcpy(b->data + f->jentries + f->i * sizeof(JEntry), &meta, sizeof(JEntry));
	f->i++;
}

static void
end(StringInfo b, Frame *parent, Frame *f)
{
	Assert(f->i == f->nchildren);
	child(b, parent, JENTRY_ISCONTAINER | (b->len - f->base));
}

static void
put_null(StringInfo b, Frame *f)
{
	child(b, f, JENTRY_ISNULL);
}

/* Strings are UTF-8; a database of another encoding gets its own. */
static void
put_string(StringInfo b, Frame *f, const char *s)
{
	char	   *conv;
	int			len;

	if (s == NULL)
	{
		put_null(b, f);
		return;
	}
	len = strlen(s);
	conv = pg_any_to_server(s, len, PG_UTF8);
	if (conv != s)
		len = strlen(conv);
	append(b, conv, len);
	child(b, f, JENTRY_ISSTRING | len);
}

/* a key: ASCII, written as it is */
static void
put_key(StringInfo b, Frame *f, const char *key)
{
	int			len = strlen(key);

	append(b, key, len);
	child(b, f, JENTRY_ISSTRING | len);
}

static void
put_numeric(StringInfo b, Frame *f, Numeric n)
{
	int			padlen = pad_to_int(b);
	int			numlen = VARSIZE_ANY(n);

	append(b, n, numlen);
	child(b, f, JENTRY_ISNUMERIC | (padlen + numlen));
}

/*
 * Most cells hold small counts: their Numerics are made once per backend
 * (in TopMemoryContext) instead of once per cell.
 */
#define SMALL_NUMERICS 1024

static void
put_int(StringInfo b, Frame *f, int64 i)
{
	static Numeric small[SMALL_NUMERICS];

	if (i == GD_NULL)
	{
		put_null(b, f);
		return;
	}
	if (i >= 0 && i < SMALL_NUMERICS)
	{
		if (small[i] == NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			small[i] = int64_to_numeric(i);
			MemoryContextSwitchTo(old);
		}
		put_numeric(b, f, small[i]);
		return;
	}
	put_numeric(b, f, int64_to_numeric(i));
}

static void
put_amount(StringInfo b, Frame *f, int64 scaled)
{
	char		buf[32];

	if (scaled == GD_NULL)
	{
		put_null(b, f);
		return;
	}
	gd_amount_format(scaled, buf);
	put_numeric(b, f, DatumGetNumeric(DirectFunctionCall3(numeric_in,
														  CStringGetDatum(buf),
														  ObjectIdGetDatum(InvalidOid),
														  Int32GetDatum(-1))));
}

/* An object whose keys are given in jsonb's order: begins it, writes the keys. */
static void
begin_object(StringInfo b, Frame *f, const char *const *keys, int n)
{
	begin(b, f, JB_FOBJECT, n);
	for (int i = 0; i < n; i++)
		put_key(b, f, keys[i]);
}

/* ---- jsonb's key order of the label tables, worked out once per backend ---- */

static bool
key_before(const char *a, const char *b)
{
	size_t		la = strlen(a),
				lb = strlen(b);

	return la != lb ? la < lb : memcmp(a, b, la) < 0;
}

/* more than the rows or columns of any table, and their keys */
#define MAX_KEYS 32
StaticAssertDecl(GD_A_NROWS <= MAX_KEYS && GD_R_NROWS <= MAX_KEYS && GD_V_NROWS <= MAX_KEYS &&
				 GD_A_NCOLS < MAX_KEYS && GD_C_NCOLS <= MAX_KEYS && GD_VC_NCOLS <= MAX_KEYS,
				 "MAX_KEYS is too small");

/* Row and column keys of one table, each list in jsonb's order. */
typedef struct KeyList
{
	int			n;
	int			at[MAX_KEYS];	/* index into the label table */
	const char *keys[MAX_KEYS];
} KeyList;

/* keys[0..n) in jsonb's order: an insertion sort, once per backend */
static void
key_list(KeyList *l, const char *const *keys, int n)
{
	for (int i = 0; i < n; i++)
	{
		int			j = i;

		while (j > 0 && key_before(keys[i], keys[l->at[j - 1]]))
		{
			l->at[j] = l->at[j - 1];
			j--;
		}
		l->at[j] = i;
	}
	l->n = n;
	for (int i = 0; i < n; i++)
		l->keys[i] = keys[l->at[i]];
}

/*
 * The keys of one table in one format (gd_table_row): its rows, and each
 * row's columns.  A row's column index ncols stands for 2019's amount_text
 * of 政府集中采购.
 */
typedef struct TableKeys
{
	bool		ready;
	KeyList		rows;
	KeyList		cols[MAX_KEYS];
} TableKeys;

/* worked out once per backend, for each table and format (2019 or other, 2021) */
static const TableKeys *
table_keys(GdTable t, int format)
{
	static TableKeys all[GD_NTABLES][2];
	TableKeys  *k = &all[t][format == 2021];

	if (!k->ready)
	{
		const char *keys[MAX_KEYS] = {0};
		int			rows[MAX_KEYS];
		int			n = 0;

		/* the rows the format has */
		for (int row = 0; row < gd_tables[t].nrows; row++)
		{
			GdTableRow	d;

			if (gd_table_row(t, format, row, &d))
			{
				rows[n] = row;
				keys[n++] = d.key;
			}
		}
		key_list(&k->rows, keys, n);
		for (int i = 0; i < n; i++)
			k->rows.at[i] = rows[k->rows.at[i]];
		for (int row = 0; row < gd_tables[t].nrows; row++)
		{
			GdTableRow	d;
			int			ncols;

			gd_table_row(t, format, row, &d);
			ncols = d.ncols;
			for (int c = 0; c < ncols; c++)
				keys[c] = d.cols[c].key;
			if (t == GD_TABLE_ACTIVE && format == 2019 && row == GD_A_PROCUREMENT)
				keys[ncols++] = "amount_text";
			key_list(&k->cols[row], keys, ncols);
		}
		k->ready = true;
	}
	return k;
}

/* A table: an object of rows, each an object of its cells; null when absent. */
static void
put_table(StringInfo b, Frame *doc, const GdReport *r, GdTable t)
{
	int			format = gd_table_format(r, t);
	const TableKeys *k;
	Frame		o;

	if (format == 0)
	{
		put_null(b, doc);
		return;
	}
	k = table_keys(t, format);
	begin_object(b, &o, k->rows.keys, k->rows.n);
	for (int i = 0; i < k->rows.n; i++)
	{
		int			row = k->rows.at[i];
		const int64 *v = gd_table_cells(r, t, row);
		const KeyList *cols = &k->cols[row];
		GdTableRow	d;
		Frame		cells;

		gd_table_row(t, format, row, &d);
		begin_object(b, &cells, cols->keys, cols->n);
		for (int j = 0; j < cols->n; j++)
		{
			int			c = cols->at[j];

			if (c == d.ncols)
				put_string(b, &cells, r->procurement_amount_text);
			else if (d.cols[c].kind == GD_KIND_AMOUNT)
				put_amount(b, &cells, v[c]);
			else
				put_int(b, &cells, v[c]);
		}
		end(b, &o, &cells);
	}
	end(b, doc, &o);
}

static void
put_sections(StringInfo b, Frame *doc, const GdReport *r)
{
	static const char *const keys[] = {"no", "start", "title", "length"};
	Frame		a;

	begin(b, &a, JB_FARRAY, r->nsections);
	for (int i = 0; i < r->nsections; i++)
	{
		const GdSection *s = &r->sections[i];
		Frame		o;

		begin_object(b, &o, keys, lengthof(keys));
		put_int(b, &o, s->no);
		put_int(b, &o, s->start);
		put_string(b, &o, s->title);
		put_int(b, &o, s->length);
		end(b, &a, &o);
	}
	end(b, doc, &a);
}

static void
put_diagnostics(StringInfo b, Frame *doc, const GdReport *r)
{
	static const char *const keys[] = {"row", "code", "start", "table", "column", "message"};
	Frame		a;

	begin(b, &a, JB_FARRAY, r->ndiagnostics);
	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];
		Frame		o;

		begin_object(b, &o, keys, lengthof(keys));
		put_string(b, &o, d->row);
		put_string(b, &o, d->code);
		put_int(b, &o, d->start > 0 ? d->start : GD_NULL);
		put_string(b, &o, d->table);
		put_string(b, &o, d->column);
		put_string(b, &o, d->message);
		end(b, &a, &o);
	}
	end(b, doc, &a);
}

static void
put_fees(StringInfo b, Frame *doc, const GdReport *r)
{
	static const char *const keys[] = {"cases", "amount_yuan"};
	Frame		o;

	if (!r->fees_present)
	{
		put_null(b, doc);
		return;
	}
	begin_object(b, &o, keys, lengthof(keys));
	put_int(b, &o, r->fee_cases);
	put_amount(b, &o, r->fee_amount);
	end(b, doc, &o);
}

Jsonb *
govdisc_report_to_jsonb(const GdReport *r)
{
	/* in jsonb's key order */
	static const char *const keys[] = {"year", "active", "agency", "review", "schema",
		"requests", "sections", "template", "published", "diagnostics", "processing_fees"};
	StringInfoData b;
	Frame		doc;
	Jsonb	   *res;

	initStringInfo(&b);
	enlargeStringInfo(&b, 8192);	/* a typical document fits */
	b.len = VARHDRSZ;			/* room for the varlena header */
	/* (the root object's own JEntry, which it would get from end(), is kept nowhere) */
	begin_object(&b, &doc, keys, lengthof(keys));
	put_int(&b, &doc, r->year ? r->year : GD_NULL);
	put_table(&b, &doc, r, GD_TABLE_ACTIVE);
	put_string(&b, &doc, r->agency);
	put_table(&b, &doc, r, GD_TABLE_REVIEW);
	put_int(&b, &doc, 1);
	put_table(&b, &doc, r, GD_TABLE_REQUESTS);
	put_sections(&b, &doc, r);
	put_string(&b, &doc, gd_template_name(r->template_));
	put_string(&b, &doc, r->published[0] ? r->published : NULL);
	put_diagnostics(&b, &doc, r);
	put_fees(&b, &doc, r);
	Assert(doc.i == doc.nchildren);
	res = (Jsonb *) b.data;
	SET_VARSIZE(res, b.len);
	return res;
}
