/*
 * jsonb_in.c
 *		A stored govdisc document (jsonb) back into a GdReport, read from
 *		the binary container in place: no re-parse of the report text and
 *		no copy of the document.
 *
 * The reader is lenient where the contract is only incomplete (a missing
 * table, row or cell reads as blank, which the rules then report) and
 * strict where a value cannot be what the contract says (a cell that is not
 * a number, a count with decimals): such a document is not a govdisc
 * document, and the caller is told what is wrong and what to pass instead.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "pg_govdisc.h"

#define NOT_A_DOCUMENT(...) \
	ereport(ERROR, \
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE), \
			 errmsg("jsonb value is not a govdisc document"), \
			 errdetail(__VA_ARGS__), \
			 errhint("Pass the jsonb that govdisc_parse(text) returned, or the report text itself.")))

/* Where a value sits, for messages: "requests.received.total". */
static char *
path3(const char *a, const char *b, const char *c)
{
	const char *parts[3] = {a, b, c};
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < 3; i++)
		if (parts[i] && parts[i][0])
			appendStringInfo(&buf, "%s%s", buf.len ? "." : "", parts[i]);
	return buf.data;
}

static bool
get(JsonbContainer *c, const char *key, JsonbValue *v)
{
	return c != NULL && getKeyJsonValueFromContainer(c, key, strlen(key), v) != NULL;
}

/* An object or null (NULL); anything else is an error. */
static JsonbContainer *
object_or_null(JsonbValue *v, const char *a, const char *b)
{
	if (v->type == jbvNull)
		return NULL;
	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		NOT_A_DOCUMENT("Key \"%s\" is a JSON %s; it must be an object or null.",
					   path3(a, b, NULL), JsonbTypeName(v));
	return v->val.binary.data;
}

/*
 * A number as printed by numeric_out, in units of 10^-scale: "-12.50" with
 * scale 4 is -125000.  Digits beyond the scale must be zeros.
 */
static int64
decimal_scaled(const char *s, int scale, const char *path)
{
	bool		neg = false;
	int64		v = 0;
	int			frac = -1;

	if (*s == '-')
	{
		neg = true;
		s++;
	}
	for (; *s; s++)
	{
		int			d;

		if (*s == '.')
		{
			frac = 0;
			continue;
		}
		d = *s - '0';
		if (frac >= 0 && ++frac > scale)
		{
			if (d != 0)
				NOT_A_DOCUMENT(scale == 0 ?
							   "Value \"%s\" is not a whole number; counts are integers." :
							   "Value \"%s\" has more than four decimal places.", path);
			continue;
		}
		if (v > (PG_INT64_MAX - d) / 10)
			NOT_A_DOCUMENT("Value \"%s\" is too large.", path);
		v = v * 10 + d;
	}
	for (frac = frac < 0 ? 0 : frac; frac < scale; frac++)
	{
		if (v > PG_INT64_MAX / 10)
			NOT_A_DOCUMENT("Value \"%s\" is too large.", path);
		v *= 10;
	}
	return neg ? -v : v;
}

/*
 * A whole number in numeric's short on-disk format, decoded in place.
 * Nearly every cell is one, and numeric_int8() would palloc and round a
 * copy of each: that dominated reading a document.  The layout is
 * numeric.c's (NUMERIC_SHORT, base NBASE = 10000 digits); being the on-disk
 * format it does not change.  False for anything else (long format,
 * decimals, large values), which takes the general path.
 */
#define SHORT_FORMAT_MASK	0xC000	/* NUMERIC_SIGN_MASK */
#define SHORT_FORMAT		0x8000	/* NUMERIC_SHORT */
#define SHORT_SIGN			0x2000	/* NUMERIC_SHORT_SIGN_MASK */
#define SHORT_DSCALE		0x1F80	/* NUMERIC_SHORT_DSCALE_MASK */
#define SHORT_WEIGHT_SIGN	0x0040	/* NUMERIC_SHORT_WEIGHT_SIGN_MASK */
#define SHORT_WEIGHT		0x003F	/* NUMERIC_SHORT_WEIGHT_MASK */

static inline bool
short_whole_number(Numeric n, int64 *out)
{
	const char *p = VARDATA_ANY(n);
	int			len = VARSIZE_ANY_EXHDR(n);
	uint16		header;
	int			ndigits,
				weight;
	int64		v = 0;

	if (len < (int) sizeof(uint16))
		return false;
	memcpy(&header, p, sizeof(uint16));
	if ((header & SHORT_FORMAT_MASK) != SHORT_FORMAT || (header & SHORT_DSCALE) != 0 ||
		(header & SHORT_WEIGHT_SIGN) != 0)
		return false;
	weight = header & SHORT_WEIGHT;
	ndigits = (len - (int) sizeof(uint16)) / (int) sizeof(int16);
	/* at most four base-10000 digits (< 10^16), none after the point */
	if (weight > 3 || ndigits > weight + 1)
		return false;
	for (int i = 0; i <= weight; i++)
	{
		int16		d = 0;

		if (i < ndigits)
			memcpy(&d, p + sizeof(uint16) + i * sizeof(int16), sizeof(int16));
		v = v * 10000 + d;
	}
	*out = (header & SHORT_SIGN) ? -v : v;
	return true;
}

/* A short whole number as a cell of this kind; false if it takes more. */
static inline bool
short_cell(Numeric n, GdValueKind kind, int64 *out)
{
	int64		i;

	if (!short_whole_number(n, &i))
		return false;
	if (kind != GD_KIND_AMOUNT)
		*out = i;
	else if (i <= PG_INT64_MAX / GD_AMOUNT_SCALE && i >= -(PG_INT64_MAX / GD_AMOUNT_SCALE))
		*out = i * GD_AMOUNT_SCALE;
	else
		return false;			/* decimal_scaled says it is too large */
	return true;
}

/* A value that must be a number or null (GD_NULL). */
static int64
number_value(JsonbValue *v, GdValueKind kind, const char *table, const char *rowkey,
			 const char *col)
{
	Numeric		n;
	int64		i;

	if (v->type == jbvNull)
		return GD_NULL;
	if (v->type != jbvNumeric)
		NOT_A_DOCUMENT("Value \"%s\" is a JSON %s; it must be a number or null.",
					   path3(table, rowkey, col), JsonbTypeName(v));
	n = v->val.numeric;
	if (short_cell(n, kind, &i))
		return i;
	if (numeric_is_nan(n) || numeric_is_inf(n))
		NOT_A_DOCUMENT("Value \"%s\" is not a finite number.", path3(table, rowkey, col));
	return decimal_scaled(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n))),
						  kind == GD_KIND_AMOUNT ? 4 : 0, path3(table, rowkey, col));
}

/* The value of one key of an object: GD_NULL when absent or null. */
static int64
cell(JsonbContainer *obj, const char *table, const char *rowkey, const char *col,
	 GdValueKind kind)
{
	JsonbValue	v;

	if (!get(obj, col, &v))
		return GD_NULL;
	return number_value(&v, kind, table, rowkey, col);
}

/*
 * Walking an object's members in storage order without allocating, as
 * JsonbIteratorNext does: keys are children 0..n-1 (sorted), values
 * n..2n-1, and offsets accumulate entry by entry (jsonb.h).  A key lookup
 * per row and per cell, or an iterator per row, cost more than the rules.
 */
typedef struct MemberWalk
{
	JsonbContainer *c;
	const char *base;			/* start of the children's data */
	int			n;
	int			i;
	uint32		koff;
	uint32		voff;
} MemberWalk;

static void
walk_init(MemberWalk *w, JsonbContainer *c)
{
	w->c = c;
	w->n = JsonContainerSize(c);
	w->base = (const char *) &c->children[w->n * 2];
	w->i = 0;
	w->koff = 0;
	w->voff = w->n > 0 ? getJsonbOffset(c, w->n) : 0;
}

/* The value of a child entry whose data starts at base + off. */
static void
entry_value(JEntry e, const char *base, uint32 off, JsonbValue *v)
{
	if (JBE_ISNULL(e))
		v->type = jbvNull;
	else if (JBE_ISNUMERIC(e))
	{
		v->type = jbvNumeric;
		v->val.numeric = (Numeric) (base + INTALIGN(off));
	}
	else if (JBE_ISSTRING(e))
	{
		v->type = jbvString;
		v->val.string.val = (char *) (base + off);
		v->val.string.len = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) - off : JBE_OFFLENFLD(e);
	}
	else if (JBE_ISCONTAINER(e))
	{
		v->type = jbvBinary;
		v->val.binary.data = (JsonbContainer *) (base + INTALIGN(off));
		v->val.binary.len = 0;	/* not needed here */
	}
	else
	{
		v->type = jbvBool;
		v->val.boolean = JBE_ISBOOL_TRUE(e);
	}
}

/* next member: its key (not NUL-terminated) and value */
static bool
walk_next(MemberWalk *w, const char **key, int *keylen, JsonbValue *v)
{
	JEntry		ke,
				ve;

	if (w->i >= w->n)
		return false;
	ke = w->c->children[w->i];
	ve = w->c->children[w->i + w->n];
	*key = w->base + w->koff;
	*keylen = JBE_HAS_OFF(ke) ? JBE_OFFLENFLD(ke) - w->koff : JBE_OFFLENFLD(ke);
	entry_value(ve, w->base, w->voff, v);
	JBE_ADVANCE_OFFSET(w->koff, ke);
	JBE_ADVANCE_OFFSET(w->voff, ve);
	w->i++;
	return true;
}

/* Names to look for, with their lengths (the keys in jsonb have no NUL). */
typedef struct KeySet
{
	int			n;
	const char *key[GD_R_NROWS];
	int			len[GD_R_NROWS];
} KeySet;

static void
keyset_add(KeySet *ks, const char *key)
{
	Assert(ks->n < lengthof(ks->key));
	ks->key[ks->n] = key;
	ks->len[ks->n] = strlen(key);
	ks->n++;
}

/*
 * The key sets of the tables, made once per backend: the labels are
 * constant, and their lengths cost more than the rules when counted per
 * document.
 */
static KeySet active_rowkeys,
			active_colkeys[2][GD_A_NROWS],	/* 2019, 2021 */
			request_rowkeys,
			request_colkeys,
			review_rowkeys,
			review_colkeys;

static void
init_keysets(void)
{
	static bool ready = false;

	if (ready)
		return;
	/* both formats name their rows alike */
	for (int row = 0; row < GD_A_NROWS; row++)
		keyset_add(&active_rowkeys, gd_active_row_def(2019, row)->key);
	for (int f = 0; f < 2; f++)
		for (int row = 0; row < GD_A_NROWS; row++)
		{
			const GdActiveRowDef *d = gd_active_row_def(f == 0 ? 2019 : 2021, row);

			for (int c = 0; c < d->ncols; c++)
				keyset_add(&active_colkeys[f][row], d->cols[c].key);
		}
	for (int row = 0; row < GD_R_NROWS; row++)
		keyset_add(&request_rowkeys, gd_request_rows[row].key);
	for (int c = 0; c < GD_C_NCOLS; c++)
		keyset_add(&request_colkeys, gd_request_cols[c].key);
	for (int row = 0; row < GD_V_NROWS; row++)
		keyset_add(&review_rowkeys, gd_review_rows[row].key);
	for (int c = 0; c < GD_VC_NCOLS; c++)
		keyset_add(&review_colkeys, gd_review_cols[c].key);
	ready = true;
}

/* which of the set is the key; -1 if none */
static int
key_index(const char *key, int keylen, const KeySet *ks)
{
	for (int i = 0; i < ks->n; i++)
		if (ks->len[i] == keylen && memcmp(ks->key[i], key, keylen) == 0)
			return i;
	return -1;
}

/*
 * The members of a table object that are rows we know, by index in the
 * key set (NULL when absent or null).  Returns the set of keys present,
 * null or not, as a bit mask.
 */
static uint32
collect_rows(JsonbContainer *tbl, const char *table, const KeySet *rowkeys,
			 JsonbContainer **rows)
{
	MemberWalk	w;
	const char *key;
	int			keylen;
	JsonbValue	v;
	uint32		present = 0;

	for (int i = 0; i < rowkeys->n; i++)
		rows[i] = NULL;
	walk_init(&w, tbl);
	while (walk_next(&w, &key, &keylen, &v))
	{
		int			i = key_index(key, keylen, rowkeys);

		if (i < 0)
			continue;
		rows[i] = object_or_null(&v, table, rowkeys->key[i]);
		present |= (uint32) 1 << i;
	}
	return present;
}

/*
 * Which column each member of a row is, by position.  The rows of a table
 * have the same keys, stored alike: when a row's key bytes equal those the
 * map was made from, the map holds and no key is compared.
 */
typedef struct RowLayout
{
	int			n;				/* members; -1 before the first row */
	const char *keys;			/* key bytes of the row the map is from */
	uint32		keyslen;
	int			map[GD_C_NCOLS + 1];	/* member position -> column or -1 */
} RowLayout;

static void
layout_init(RowLayout *lay)
{
	lay->n = -1;
}

/* The cells of one row object (all GD_NULL when rc is NULL). */
static void
read_row(JsonbContainer *rc, int64 *cells, const GdColumnDef *cols, const KeySet *colkeys,
		 const char *table, const char *rowkey, RowLayout *lay)
{
	int			n;
	const char *base;
	uint32		keyslen,
				off;
	bool		cached;

	for (int c = 0; c < colkeys->n; c++)
		cells[c] = GD_NULL;
	if (rc == NULL)
		return;
	n = JsonContainerSize(rc);
	base = (const char *) &rc->children[n * 2];
	keyslen = n > 0 ? getJsonbOffset(rc, n) : 0;
	cached = n <= lengthof(lay->map);
	if (cached && !(n == lay->n && keyslen == lay->keyslen &&
					memcmp(base, lay->keys, keyslen) == 0))
	{
		off = 0;
		for (int i = 0; i < n; i++)
		{
			JEntry		ke = rc->children[i];
			int			len = JBE_HAS_OFF(ke) ? JBE_OFFLENFLD(ke) - off : JBE_OFFLENFLD(ke);

			lay->map[i] = key_index(base + off, len, colkeys);
			JBE_ADVANCE_OFFSET(off, ke);
		}
		lay->n = n;
		lay->keys = base;
		lay->keyslen = keyslen;
	}

	off = keyslen;
	for (int i = 0; i < n; i++)
	{
		JEntry		ve = rc->children[n + i];
		int			c;

		if (cached)
			c = lay->map[i];
		else
		{
			/* a row with more members than columns: look each key up */
			uint32		koff = i > 0 ? getJsonbOffset(rc, i) : 0;

			c = key_index(base + koff, getJsonbLength(rc, i), colkeys);
		}
		if (c >= 0)
		{
			JsonbValue	v;

			/* nearly every cell is null or a short whole number */
			if (JBE_ISNULL(ve))
				cells[c] = GD_NULL;
			else if (!JBE_ISNUMERIC(ve) ||
					 !short_cell((Numeric) (base + INTALIGN(off)), cols[c].kind, &cells[c]))
			{
				entry_value(ve, base, off, &v);
				cells[c] = number_value(&v, cols[c].kind, table, rowkey, cols[c].key);
			}
		}
		JBE_ADVANCE_OFFSET(off, ve);
	}
}

/* A string or null, copied NUL-terminated into cxt. */
static const char *
string_or_null(JsonbContainer *c, const char *key, MemoryContext cxt, const char *path)
{
	JsonbValue	v;
	char	   *s;

	if (!get(c, key, &v) || v.type == jbvNull)
		return NULL;
	if (v.type != jbvString)
		NOT_A_DOCUMENT("Value \"%s\" is a JSON %s; it must be a string or null.",
					   path3(path, key, NULL), JsonbTypeName(&v));
	s = MemoryContextAlloc(cxt, v.val.string.len + 1);
	memcpy(s, v.val.string.val, v.val.string.len);
	s[v.val.string.len] = '\0';
	return s;
}

static bool
has_key(JsonbContainer *c, const char *key)
{
	JsonbValue	v;

	return get(c, key, &v);
}

/* ---- 表二 ---- */

/* The format follows the keys the rows have, then the template. */
static int
active_format(JsonbContainer **rows, uint32 present, GdTemplate t)
{
	static const int probe[] = {GD_A_RULES, GD_A_NORMATIVE, GD_A_LICENSING};

	for (int i = 0; i < lengthof(probe); i++)
	{
		JsonbContainer *row = rows[probe[i]];

		if (row == NULL)
			continue;
		if (has_key(row, "issued") || has_key(row, "in_force"))
			return 2021;
		if (has_key(row, "made") || has_key(row, "prior"))
			return 2019;
	}
	if (present & ((1 << GD_A_OTHER_SERVICES) | (1 << GD_A_PROCUREMENT)))
		return 2019;
	return t == GD_TPL_2021 ? 2021 : 2019;
}

static void
read_active(GdReport *r, JsonbContainer *act, MemoryContext cxt)
{
	JsonbContainer *rows[GD_A_NROWS];
	uint32		present;
	RowLayout	lay;

	present = collect_rows(act, "active", &active_rowkeys, rows);
	r->active_format = active_format(rows, present, r->template_);
	for (int row = 0; row < GD_A_NROWS; row++)
	{
		const GdActiveRowDef *d = gd_active_row_def(r->active_format, row);

		if (d->ncols == 0)
			continue;
		/* the columns differ from row to row here */
		layout_init(&lay);
		read_row(rows[row], r->active[row], d->cols,
				 &active_colkeys[r->active_format == 2021][row], "active", d->key, &lay);
		if (row == GD_A_PROCUREMENT)
			r->procurement_amount_text = string_or_null(rows[row], "amount_text", cxt,
														"active.procurement");
	}
}

/* ---- 表三 ---- */
static void
read_requests(GdReport *r, JsonbContainer *req)
{
	JsonbContainer *rows[GD_R_NROWS];
	uint32		present;
	RowLayout	lay;

	layout_init(&lay);
	present = collect_rows(req, "requests", &request_rowkeys, rows);
	if (present & (1 << GD_R_OTHER_HANDLING))
		r->requests_format = 2019;
	else if (present & ((1 << GD_R_OTHER_NO_CORRECTION) | (1 << GD_R_OTHER_NO_FEE) |
						(1 << GD_R_OTHER_MISC)))
		r->requests_format = 2021;
	else
		r->requests_format = r->template_ == GD_TPL_2021 ? 2021 : 2019;

	for (int row = 0; row < GD_R_NROWS; row++)
		if (gd_request_row_in_format(row, r->requests_format))
			read_row(rows[row], r->requests[row], gd_request_cols, &request_colkeys,
					 "requests", gd_request_rows[row].key, &lay);
}

/* ---- 表四 ---- */
static void
read_review(GdReport *r, JsonbContainer *rev)
{
	JsonbContainer *rows[GD_V_NROWS];
	RowLayout	lay;

	layout_init(&lay);
	collect_rows(rev, "review", &review_rowkeys, rows);
	r->review_present = true;
	for (int row = 0; row < GD_V_NROWS; row++)
		read_row(rows[row], r->review[row], gd_review_cols, &review_colkeys, "review",
				 gd_review_rows[row].key, &lay);
}

/* ---- sections and diagnostics ---- */

static JsonbContainer *
array_or_null(JsonbContainer *doc, const char *key)
{
	JsonbValue	v;

	if (!get(doc, key, &v) || v.type == jbvNull)
		return NULL;
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
		NOT_A_DOCUMENT("Key \"%s\" is a JSON %s; it must be an array.", key, JsonbTypeName(&v));
	return v.val.binary.data;
}

static JsonbContainer *
element_object(JsonbContainer *arr, uint32 i, const char *key)
{
	JsonbValue *e = getIthJsonbValueFromContainer(arr, i);

	if (e->type != jbvBinary || !JsonContainerIsObject(e->val.binary.data))
		NOT_A_DOCUMENT("Element %u of \"%s\" is a JSON %s; it must be an object.",
					   i, key, JsonbTypeName(e));
	return e->val.binary.data;
}

static int64
int_or_null(JsonbContainer *c, const char *key, const char *path)
{
	return cell(c, path, NULL, key, GD_KIND_SIGNED);
}

static void
read_sections(GdReport *r, JsonbContainer *doc, MemoryContext cxt)
{
	JsonbContainer *arr = array_or_null(doc, "sections");
	int			n = arr ? JsonContainerSize(arr) : 0;

	/* the contract has at most six; more cannot be kept */
	for (int i = 0; i < n && r->nsections < 6; i++)
	{
		JsonbContainer *o = element_object(arr, i, "sections");
		GdSection  *s = &r->sections[r->nsections++];
		int64		no = int_or_null(o, "no", "sections");

		s->no = (no >= 1 && no <= 6) ? (int) no : 0;
		s->title = string_or_null(o, "title", cxt, "sections");
		s->start = int_or_null(o, "start", "sections");
		s->length = int_or_null(o, "length", "sections");
	}
}

static void
read_diagnostics(GdReport *r, JsonbContainer *doc, MemoryContext cxt)
{
	JsonbContainer *arr = array_or_null(doc, "diagnostics");
	int			n = arr ? JsonContainerSize(arr) : 0;

	if (n == 0)
		return;
	r->diagnostics = MemoryContextAllocZero(cxt, n * sizeof(GdDiagnostic));
	r->maxdiagnostics = n;
	for (int i = 0; i < n; i++)
	{
		JsonbContainer *o = element_object(arr, i, "diagnostics");
		GdDiagnostic *d = &r->diagnostics[r->ndiagnostics++];
		int64		start = int_or_null(o, "start", "diagnostics");

		d->code = string_or_null(o, "code", cxt, "diagnostics");
		d->message = string_or_null(o, "message", cxt, "diagnostics");
		d->table = string_or_null(o, "table", cxt, "diagnostics");
		d->row = string_or_null(o, "row", cxt, "diagnostics");
		d->column = string_or_null(o, "column", cxt, "diagnostics");
		d->start = start == GD_NULL ? -1 : start;
	}
}

/* ---- the document ---- */

static GdReport *
read_document(Jsonb *doc, MemoryContext cxt, bool tables_only)
{
	JsonbContainer *root = &doc->root;
	GdReport   *r;
	JsonbValue	v;
	int64		schema;
	MemoryContext old;

	if (!JB_ROOT_IS_OBJECT(doc))
		NOT_A_DOCUMENT("The value is a JSON %s, not an object.",
					   JB_ROOT_IS_SCALAR(doc) ? "scalar" : "array");
	if (!get(root, "schema", &v))
		NOT_A_DOCUMENT("The object has no \"schema\" key.");
	if (v.type != jbvNumeric || !short_whole_number(v.val.numeric, &schema) || schema != 1)
		NOT_A_DOCUMENT("Key \"schema\" is not 1, the only schema this version of govdisc reads.");

	init_keysets();
	/* cell() and friends allocate their scratch here too */
	old = MemoryContextSwitchTo(cxt);
	r = palloc(sizeof(GdReport));
	gd_report_init(r);

	if (get(root, "template", &v) && v.type != jbvNull)
	{
		if (v.type == jbvString && v.val.string.len == 4 &&
			memcmp(v.val.string.val, "2019", 4) == 0)
			r->template_ = GD_TPL_2019;
		else if (v.type == jbvString && v.val.string.len == 4 &&
				 memcmp(v.val.string.val, "2021", 4) == 0)
			r->template_ = GD_TPL_2021;
		else if (v.type == jbvString && v.val.string.len == 5 &&
				 memcmp(v.val.string.val, "mixed", 5) == 0)
			r->template_ = GD_TPL_MIXED;
		else
			NOT_A_DOCUMENT("Key \"template\" must be \"2019\", \"2021\", \"mixed\" or null.");
	}
	{
		int64		year = int_or_null(root, "year", "");

		if (year != GD_NULL && (year < 1 || year > 9999))
			NOT_A_DOCUMENT("Key \"year\" is %lld; it must be a year or null.", (long long) year);
		r->year = year == GD_NULL ? 0 : (int) year;
	}

	if (get(root, "active", &v))
	{
		JsonbContainer *c = object_or_null(&v, "active", NULL);

		if (c)
			read_active(r, c, cxt);
	}
	if (get(root, "requests", &v))
	{
		JsonbContainer *c = object_or_null(&v, "requests", NULL);

		if (c)
			read_requests(r, c);
	}
	if (get(root, "review", &v))
	{
		JsonbContainer *c = object_or_null(&v, "review", NULL);

		if (c)
			read_review(r, c);
	}
	if (get(root, "processing_fees", &v))
	{
		JsonbContainer *c = object_or_null(&v, "processing_fees", NULL);

		if (c)
		{
			r->fees_present = true;
			r->fee_cases = cell(c, "processing_fees", NULL, "cases", GD_KIND_COUNT);
			r->fee_amount = cell(c, "processing_fees", NULL, "amount_yuan", GD_KIND_AMOUNT);
		}
	}

	if (!tables_only)
	{
		const char *published = string_or_null(root, "published", cxt, "");

		r->agency = string_or_null(root, "agency", cxt, "");
		if (published && strlen(published) == 10)
			memcpy(r->published, published, 11);
		read_sections(r, root, cxt);
		read_diagnostics(r, root, cxt);
	}
	MemoryContextSwitchTo(old);
	return r;
}

GdReport *
govdisc_report_from_jsonb(Jsonb *doc, MemoryContext cxt)
{
	return read_document(doc, cxt, false);
}

/*
 * Only what the rules on tables need: template, year, 表二, 表三, 表四 and
 * processing_fees.  Agency, published, sections and diagnostics stay empty,
 * so this is what the fast paths (govdisc_is_valid, the pair rules) read.
 */
GdReport *
govdisc_report_tables_from_jsonb(Jsonb *doc, MemoryContext cxt)
{
	return read_document(doc, cxt, true);
}
