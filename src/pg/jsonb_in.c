/*
 * jsonb_in.c
 *		A stored govdisc document (jsonb) back into a GdReport, read from
 *		the binary container in place: no re-parse of the report text and
 *		no copy of the document.
 *
 * The reader is lenient where the contract is only incomplete (a missing
 * row or cell reads as blank, which the rules then report; a table none of
 * whose rows is stated is absent) and strict everywhere else: a key the
 * contract does not have (a misspelt "recieved" would switch the rules of
 * its row off), a value of the wrong type, a count or amount beyond the
 * range of a count, or a "published" that is not a date of the calendar
 * make it no govdisc document, and the caller is told which key is wrong
 * and what to pass instead.  Strings come out as UTF-8 whatever the
 * database encoding.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
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

/* A key of the document the contract does not have. */
static void
unknown_key(const char *where, const char *key, int keylen, const char *what)
{
	char	   *k = pnstrdup(key, keylen);

	NOT_A_DOCUMENT("Key \"%s\" is not part of a govdisc document (schema 1): no such %s.",
				   path3(where, k, NULL), what);
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
			NOT_A_DOCUMENT("Value \"%s\" is out of range: a count or an amount must lie within the range of bigint.", path);
		v = v * 10 + d;
	}
	for (frac = frac < 0 ? 0 : frac; frac < scale; frac++)
	{
		if (v > PG_INT64_MAX / 10)
			NOT_A_DOCUMENT("Value \"%s\" is out of range: a count or an amount must lie within the range of bigint.", path);
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
 * The rows of a table object, by index in the key set (NULL when absent or
 * null); a key that is no row of the table is an error.  Returns the set of
 * rows stated (an object, not null) as a bit mask.
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
			unknown_key(table, key, keylen, "row");
		rows[i] = object_or_null(&v, table, rowkeys->key[i]);
		if (rows[i] != NULL)
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
		 const char *table, const char *rowkey, RowLayout *lay, const char *extra)
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
		if (c < 0)
		{
			uint32		koff = i > 0 ? getJsonbOffset(rc, i) : 0;
			int			klen = getJsonbLength(rc, i);

			/* the one member that is not a cell (procurement's amount_text) */
			if (!(extra && klen == (int) strlen(extra) && memcmp(base + koff, extra, klen) == 0))
				unknown_key(path3(table, rowkey, NULL), base + koff, klen,
							"column");
		}
		else
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

/*
 * A string member's value, in the database encoding and not NUL-terminated;
 * false when absent or null, an error when it is no string.
 */
static bool
string_member(JsonbContainer *c, const char *key, const char *path, JsonbValue *v)
{
	if (!get(c, key, v) || v->type == jbvNull)
		return false;
	if (v->type != jbvString)
		NOT_A_DOCUMENT("Value \"%s\" is a JSON %s; it must be a string or null.",
					   path3(path, key, NULL), JsonbTypeName(v));
	return true;
}

/*
 * A string value as UTF-8 (the core's encoding, whatever the database's),
 * copied NUL-terminated into cxt.  The name of the value for a message is
 * made only where the conversion can fail.
 */
static const char *
string_utf8(const JsonbValue *v, MemoryContext cxt, const char *path, const char *key)
{
	const char *s = v->val.string.val;
	int			len = v->val.string.len;
	char	   *u;
	MemoryContext old;

	if (GetDatabaseEncoding() == PG_UTF8)
	{
		u = MemoryContextAlloc(cxt, len + 1);
		memcpy(u, s, len);
		u[len] = '\0';
		return u;
	}
	old = MemoryContextSwitchTo(cxt);
	u = govdisc_server_to_utf8(s, len,
							   psprintf("string \"%s\" of the document", path3(path, key, NULL)));
	if (u == s)
		u = pnstrdup(s, len);
	MemoryContextSwitchTo(old);
	return u;
}

/*
 * A string value that is checked but not kept: in a UTF-8 database there is
 * nothing to convert, so nothing to check beyond its type.
 */
static void
string_check(const JsonbValue *v, const char *path, const char *key)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		(void) string_utf8(v, CurrentMemoryContext, path, key);
}

/* A string or null, as UTF-8, copied NUL-terminated into cxt. */
static const char *
string_or_null(JsonbContainer *c, const char *key, MemoryContext cxt, const char *path)
{
	JsonbValue	v;

	if (!string_member(c, key, path, &v))
		return NULL;
	return string_utf8(&v, cxt, path, key);
}

/*
 * The members of an object must be among the keys given (NULL-terminated
 * list): anything else is not part of the contract.
 */
static void
only_keys(JsonbContainer *c, const char *where, const char *what, const char *const *keys)
{
	MemberWalk	w;
	const char *key;
	int			keylen;
	JsonbValue	v;

	walk_init(&w, c);
	while (walk_next(&w, &key, &keylen, &v))
	{
		int			k;

		for (k = 0; keys[k]; k++)
			if (strncmp(keys[k], key, keylen) == 0 && keys[k][keylen] == '\0')
				break;
		if (keys[k] == NULL)
			unknown_key(where, key, keylen, what);
	}
}

/* "YYYY-MM-DD" naming a day of the calendar */
static bool
is_calendar_date(const char *s)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			y,
				m,
				d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	return true;
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
	if (present == 0)
		return;					/* {}: no row stated, no table */
	r->active_format = active_format(rows, present, r->template_);
	for (int row = 0; row < GD_A_NROWS; row++)
	{
		const GdActiveRowDef *d = gd_active_row_def(r->active_format, row);

		if (d->ncols == 0)
		{
			if (rows[row] != NULL)
				NOT_A_DOCUMENT("Key \"%s\" is a row of the 2019 format, but the other rows of \"active\" are in the %d format.",
							   path3("active", active_rowkeys.key[row], NULL), r->active_format);
			continue;
		}
		/* the columns differ from row to row here */
		layout_init(&lay);
		read_row(rows[row], r->active[row], d->cols,
				 &active_colkeys[r->active_format == 2021][row], "active", d->key, &lay,
				 row == GD_A_PROCUREMENT ? "amount_text" : NULL);
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
	if (present == 0)
		return;					/* {}: no row stated, no table */
	if ((present & (1 << GD_R_OTHER_HANDLING)) &&
		(present & ((1 << GD_R_OTHER_NO_CORRECTION) | (1 << GD_R_OTHER_NO_FEE) |
					(1 << GD_R_OTHER_MISC))))
		NOT_A_DOCUMENT("Table \"requests\" has both \"other_handling\" (2019 format) and the other_* rows of the 2021 format.");
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
					 "requests", gd_request_rows[row].key, &lay, NULL);
}

/* ---- 表四 ---- */
static void
read_review(GdReport *r, JsonbContainer *rev)
{
	JsonbContainer *rows[GD_V_NROWS];
	RowLayout	lay;

	layout_init(&lay);
	if (collect_rows(rev, "review", &review_rowkeys, rows) == 0)
		return;					/* {}: no row stated, no table */
	r->review_present = true;
	for (int row = 0; row < GD_V_NROWS; row++)
		read_row(rows[row], r->review[row], gd_review_cols, &review_colkeys, "review",
				 gd_review_rows[row].key, &lay, NULL);
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
read_sections(GdReport *r, JsonbContainer *doc, MemoryContext cxt, bool strings)
{
	static const char *const keys[] = {"no", "title", "start", "length", NULL};
	JsonbContainer *arr = array_or_null(doc, "sections");
	int			n = arr ? JsonContainerSize(arr) : 0;

	if (n > 6)
		NOT_A_DOCUMENT("Key \"sections\" has %d elements; a report has at most six parts.", n);
	for (int i = 0; i < n; i++)
	{
		JsonbContainer *o = element_object(arr, i, "sections");
		GdSection  *s = &r->sections[r->nsections++];
		int64		no = int_or_null(o, "no", "sections");
		JsonbValue	title;

		only_keys(o, "sections", "key of a section", keys);
		if (no != GD_NULL && (no < 1 || no > 6))
			NOT_A_DOCUMENT("Key \"sections.no\" is %lld; parts are numbered 1 to 6.", (long long) no);
		s->no = no == GD_NULL ? 0 : (int) no;
		s->title = NULL;
		if (string_member(o, "title", "sections", &title))
		{
			if (strings)
				s->title = string_utf8(&title, cxt, "sections", "title");
			else
				string_check(&title, "sections", "title");
		}
		s->start = int_or_null(o, "start", "sections");
		s->length = int_or_null(o, "length", "sections");
		if ((s->start != GD_NULL && s->start < 1) || (s->length != GD_NULL && s->length < 0))
			NOT_A_DOCUMENT("Key \"sections.%s\" is out of range: start counts from 1, length from 0.",
						   s->start != GD_NULL && s->start < 1 ? "start" : "length");
	}
}

/*
 * The diagnostics the rules read (values.unreadable, values.ambiguous), by
 * their code's bytes.
 */
static bool
diagnostic_judged(const char *code, int len)
{
#define CODE_IS(lit) (len == (int) sizeof(lit) - 1 && memcmp(code, lit, len) == 0)
#define CODE_STARTS(lit) (len >= (int) sizeof(lit) - 1 && memcmp(code, lit, sizeof(lit) - 1) == 0)
	return CODE_IS("cell.unreadable") || CODE_IS("cell.out_of_range") ||
		CODE_STARTS("cell.ambiguous");
#undef CODE_IS
#undef CODE_STARTS
}

/*
 * The diagnostics; with all false, only those a rule reads are kept.  The
 * others are checked (keys and types; every string is converted where the
 * database's encoding is not UTF-8) but nothing of them is copied.
 */
static void
read_diagnostics(GdReport *r, JsonbContainer *doc, MemoryContext cxt, bool all)
{
	static const char *const keys[] = {"code", "message", "table", "row", "column", "start", NULL};
	static const char *const optional[] = {"table", "row", "column"};
	JsonbContainer *arr = array_or_null(doc, "diagnostics");
	int			n = arr ? JsonContainerSize(arr) : 0;

	if (n == 0)
		return;
	r->diagnostics = MemoryContextAllocZero(cxt, n * sizeof(GdDiagnostic));
	r->maxdiagnostics = n;
	for (int i = 0; i < n; i++)
	{
		JsonbContainer *o = element_object(arr, i, "diagnostics");
		GdDiagnostic *d = &r->diagnostics[r->ndiagnostics];
		int64		start = int_or_null(o, "start", "diagnostics");
		JsonbValue	code,
					message,
					opt[lengthof(optional)];
		bool		has_code,
					has_message,
					has_opt[lengthof(optional)];
		bool		keep;

		only_keys(o, "diagnostics", "key of a diagnostic", keys);
		has_code = string_member(o, "code", "diagnostics", &code);
		has_message = string_member(o, "message", "diagnostics", &message);
		if (!has_code || !has_message)
			NOT_A_DOCUMENT("Element %d of \"diagnostics\" has no \"%s\"; every diagnostic has a code and a message.",
						   i, !has_code ? "code" : "message");
		for (int k = 0; k < lengthof(optional); k++)
			has_opt[k] = string_member(o, optional[k], "diagnostics", &opt[k]);

		keep = all || diagnostic_judged(code.val.string.val, code.val.string.len);
		if (!keep)
		{
			string_check(&code, "diagnostics", "code");
			string_check(&message, "diagnostics", "message");
			for (int k = 0; k < lengthof(optional); k++)
				if (has_opt[k])
					string_check(&opt[k], "diagnostics", optional[k]);
			continue;
		}
		d->code = string_utf8(&code, cxt, "diagnostics", "code");
		d->message = string_utf8(&message, cxt, "diagnostics", "message");
		d->table = has_opt[0] ? string_utf8(&opt[0], cxt, "diagnostics", "table") : NULL;
		d->row = has_opt[1] ? string_utf8(&opt[1], cxt, "diagnostics", "row") : NULL;
		d->column = has_opt[2] ? string_utf8(&opt[2], cxt, "diagnostics", "column") : NULL;
		d->start = start == GD_NULL ? -1 : start;
		r->ndiagnostics++;
	}
}

/* ---- the document ---- */

static GdReport *
read_document(Jsonb *doc, MemoryContext cxt, bool tables_only)
{
	static const char *const root_keys[] = {"schema", "template", "agency", "year", "published",
		"sections", "active", "requests", "review", "processing_fees", "diagnostics",
	"rollup", NULL};
	static const char *const fee_keys[] = {"cases", "amount_yuan", NULL};
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
	only_keys(root, "", "key", root_keys);
	/* govdisc_sum's summary of its members: not judged, but an object */
	if (get(root, "rollup", &v))
		(void) object_or_null(&v, "rollup", NULL);

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
			only_keys(c, "processing_fees", "key", fee_keys);
			r->fees_present = true;
			r->fee_cases = cell(c, "processing_fees", NULL, "cases", GD_KIND_COUNT);
			r->fee_amount = cell(c, "processing_fees", NULL, "amount_yuan", GD_KIND_AMOUNT);
		}
	}

	/*
	 * The rest is checked in either case (a document is judged whole), but
	 * kept only when asked for; the diagnostics the rules read always are.
	 */
	{
		const char *published = string_or_null(root, "published", cxt, "");
		JsonbValue	agency;
		bool		has_agency = string_member(root, "agency", "", &agency);

		if (has_agency && tables_only)
			string_check(&agency, "", "agency");
		else if (has_agency)
			r->agency = string_utf8(&agency, cxt, "", "agency");
		if (published && !is_calendar_date(published))
			NOT_A_DOCUMENT("Key \"published\" is \"%s\"; it must be a date of the calendar written YYYY-MM-DD, or null.",
						   pg_any_to_server(published, strlen(published), PG_UTF8));
		if (!tables_only)
		{
			if (published)
				memcpy(r->published, published, 11);
		}
		read_sections(r, root, cxt, !tables_only);
		if (tables_only)
			r->nsections = 0;
		read_diagnostics(r, root, cxt, !tables_only);
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
