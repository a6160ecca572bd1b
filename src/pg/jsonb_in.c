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
 *
 * The three tables are read by one reader over gd_tables, their rows and
 * columns in each format taken from gd_table_row; what really differs from
 * table to table (how 表二 and 表三 tell their format, 表二's 2019 amount
 * of procurement as printed) has a function of its own.
 *
 * govdisc_is_valid reads every stored document whole, so reading costs as
 * much as the rules: each object's members are walked once, in the order
 * jsonb stores them, and values are read from their entries, with no key
 * lookups and no JsonbValue unless a message needs one.  Which expected
 * key each member is (its layout) is worked out once per key set and kept:
 * the objects of a kind (a table's rows, the diagnostics, the sections)
 * nearly always have the same keys, stored alike, so comparing their key
 * entries and bytes with the last layout replaces matching every key.  A
 * row stored byte for byte as the one before it takes its cells.  Reading
 * only the tables, a section or diagnostic is first checked in one walk of
 * its entries (diagnostic_plain, section_plain); only one that walk does
 * not accept, or that is kept, is read the exact way, which is also what
 * finds and names what is wrong, in the same order as ever.
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

/* One document being read. */
typedef struct Reader
{
	GdReport   *r;
	MemoryContext cxt;			/* where what is kept goes */
	bool		tables_only;	/* keep only what the rules on tables read */
	bool		utf8;			/* the database's encoding is UTF-8 */
} Reader;

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

/* Member i of an object is a key the contract does not have. */
static void
unknown_member(JsonbContainer *c, int i, const char *where, const char *what)
{
	int			n = JsonContainerSize(c);
	const char *key = (const char *) &c->children[2 * n] + (i > 0 ? getJsonbOffset(c, i) : 0);
	char	   *k = pnstrdup(key, getJsonbLength(c, i));

	NOT_A_DOCUMENT("Key \"%s\" is not part of a govdisc document (schema 1): no such %s.",
				   path3(where, k, NULL), what);
}

/* ---- values, read from their entries ---- */

/* A member's value where it lies: its entry, and its data at base + off. */
typedef struct Val
{
	bool		present;
	JEntry		e;
	const char *base;
	uint32		off;
} Val;

/* The value as a JsonbValue, for the general paths and for messages. */
static void
val_jsonb(const Val *v, JsonbValue *jv)
{
	JEntry		e = v->e;

	if (JBE_ISNULL(e))
		jv->type = jbvNull;
	else if (JBE_ISNUMERIC(e))
	{
		jv->type = jbvNumeric;
		jv->val.numeric = (Numeric) (v->base + INTALIGN(v->off));
	}
	else if (JBE_ISSTRING(e))
	{
		jv->type = jbvString;
		jv->val.string.val = (char *) (v->base + v->off);
		jv->val.string.len = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) - v->off : JBE_OFFLENFLD(e);
	}
	else if (JBE_ISCONTAINER(e))
	{
		jv->type = jbvBinary;
		jv->val.binary.data = (JsonbContainer *) (v->base + INTALIGN(v->off));
		jv->val.binary.len = 0; /* not needed here */
	}
	else
	{
		jv->type = jbvBool;
		jv->val.boolean = JBE_ISBOOL_TRUE(e);
	}
}

/* An object or null (NULL); anything else is an error. */
static JsonbContainer *
object_or_null(const Val *v, const char *a, const char *b)
{
	JsonbValue	jv;

	if (!v->present || JBE_ISNULL(v->e))
		return NULL;
	if (JBE_ISCONTAINER(v->e))
	{
		JsonbContainer *c = (JsonbContainer *) (v->base + INTALIGN(v->off));

		if (JsonContainerIsObject(c))
			return c;
	}
	val_jsonb(v, &jv);
	NOT_A_DOCUMENT("Key \"%s\" is a JSON %s; it must be an object or null.",
				   path3(a, b, NULL), JsonbTypeName(&jv));
	return NULL;				/* not reached */
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

static pg_noinline bool
short_whole_number_general(Numeric n, int64 *out)
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

/* most cells: 0 or one base-10000 digit, with a 4-byte varlena header */
static inline bool
short_whole_number(Numeric n, int64 *out)
{
	uint16		header;
	int16		d = 0;

	if (VARATT_IS_4B_U(n) && VARSIZE(n) >= VARHDRSZ + sizeof(uint16) &&
		VARSIZE(n) <= VARHDRSZ + 2 * sizeof(uint16))
	{
		memcpy(&header, VARDATA(n), sizeof(uint16));
		if ((header & ~SHORT_SIGN) == SHORT_FORMAT)
		{
			if (VARSIZE(n) == VARHDRSZ + 2 * sizeof(uint16))
				memcpy(&d, VARDATA(n) + sizeof(uint16), sizeof(int16));
			*out = (header & SHORT_SIGN) ? -d : d;
			return true;
		}
	}
	return short_whole_number_general(n, out);
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

/* A value that must be a number or null (GD_NULL), by the general path. */
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

/*
 * A number or null (GD_NULL when absent or null).  Nearly every value is
 * null or a short whole number, read straight from its entry.
 */
static inline int64
val_number(const Val *v, GdValueKind kind, const char *table, const char *rowkey,
		   const char *col)
{
	JsonbValue	jv;
	int64		i;

	if (!v->present || JBE_ISNULL(v->e))
		return GD_NULL;
	if (JBE_ISNUMERIC(v->e) &&
		short_cell((Numeric) (v->base + INTALIGN(v->off)), kind, &i))
		return i;
	val_jsonb(v, &jv);
	return number_value(&jv, kind, table, rowkey, col);
}

/*
 * A string member's value, in the database encoding and not NUL-terminated;
 * false when absent or null, an error when it is no string.
 */
static bool
val_string(const Val *v, const char *a, const char *b, const char *c, JsonbValue *jv)
{
	if (!v->present || JBE_ISNULL(v->e))
		return false;
	val_jsonb(v, jv);
	if (jv->type != jbvString)
		NOT_A_DOCUMENT("Value \"%s\" is a JSON %s; it must be a string or null.",
					   path3(a, b, c), JsonbTypeName(jv));
	return true;
}

/*
 * A string value as UTF-8 (the core's encoding, whatever the database's),
 * copied NUL-terminated into the reader's context.  The name of the value
 * for a message is made only where the conversion can fail.
 */
static const char *
string_utf8(const Reader *rd, const JsonbValue *v, const char *a, const char *b, const char *c)
{
	const char *s = v->val.string.val;
	int			len = v->val.string.len;
	char	   *u;
	MemoryContext old;

	if (rd->utf8)
	{
		u = MemoryContextAlloc(rd->cxt, len + 1);
		memcpy(u, s, len);
		u[len] = '\0';
		return u;
	}
	old = MemoryContextSwitchTo(rd->cxt);
	u = govdisc_server_to_utf8(s, len,
							   psprintf("string \"%s\" of the document", path3(a, b, c)));
	if (u == s)
		u = pnstrdup(s, len);
	MemoryContextSwitchTo(old);
	return u;
}

/*
 * A string value that is checked but not kept: in a UTF-8 database there is
 * nothing to convert, so nothing to check beyond its type.
 */
static inline void
string_check(const Reader *rd, const JsonbValue *v, const char *a, const char *b)
{
	if (!rd->utf8)
		(void) string_utf8(rd, v, a, b, NULL);
}

/* ---- key sets and the layouts of objects ---- */

#define MAX_KEYS		((int) GD_R_NROWS)	/* the largest set: the rows of 表三 */
#define LAYOUT_BYTES	512			/* key bytes a kept layout may have */

/*
 * The keys an object may have, and the layout of the last object read
 * against them: its key entries (which fix where each key ends) and bytes,
 * and which key of the set each member is (-1: none).
 */
typedef struct KeySet
{
	int			n;
	const char *key[MAX_KEYS];
	int			len[MAX_KEYS];
	int			lay_n;			/* members of the kept layout; -1: none */
	uint32		lay_bytes;
	JEntry		lay_entries[MAX_KEYS];
	int8		lay_map[MAX_KEYS];
	char		lay_keys[LAYOUT_BYTES];
} KeySet;

StaticAssertDecl((int) GD_A_NROWS <= MAX_KEYS && (int) GD_V_NROWS <= MAX_KEYS &&
				 (int) GD_C_NCOLS < MAX_KEYS && (int) GD_VC_NCOLS < MAX_KEYS &&
				 GD_A_NCOLS < MAX_KEYS,
				 "a key set holds every row or column of a table, and one more member");

static void
keyset_add(KeySet *ks, const char *key)
{
	Assert(ks->n < MAX_KEYS);
	ks->key[ks->n] = key;
	ks->len[ks->n] = strlen(key);
	ks->n++;
	ks->lay_n = -1;
}

/* which key of the set this is; -1 if none */
static inline int
key_index(const char *key, int keylen, const KeySet *ks)
{
	for (int i = 0; i < ks->n; i++)
		if (ks->len[i] == keylen && ks->key[i][0] == key[0] &&
			memcmp(ks->key[i], key, keylen) == 0)
			return i;
	return -1;
}

/* An object's members, with which key of a set each is. */
typedef struct Obj
{
	JsonbContainer *c;
	int			n;
	const char *base;			/* start of the members' data */
	uint32		keybytes;		/* the keys' bytes, which the values follow */
	const int8 *map;			/* member position -> key of the set, or -1 */
} Obj;

/*
 * An object's layout worked out key by key, and kept in the set when it
 * fits.  An object with more members than the set has keys is wrong anyway,
 * and its layout is not kept.
 */
static pg_noinline void
match_layout(Obj *o, JsonbContainer *c, KeySet *ks)
{
	int			n = o->n;
	int8	   *map;
	uint32		off;
	bool		keep;

	o->keybytes = n > 0 ? getJsonbOffset(c, n) : 0;
	keep = n <= ks->n && o->keybytes <= LAYOUT_BYTES;
	if (keep)
	{
		ks->lay_n = -1;			/* until it is whole */
		map = ks->lay_map;
	}
	else
		map = palloc(Max(n, 1));
	off = 0;
	for (int i = 0; i < n; i++)
	{
		JEntry		ke = c->children[i];
		int			len = JBE_HAS_OFF(ke) ? JBE_OFFLENFLD(ke) - off : JBE_OFFLENFLD(ke);

		map[i] = key_index(o->base + off, len, ks);
		JBE_ADVANCE_OFFSET(off, ke);
	}
	if (keep)
	{
		memcpy(ks->lay_entries, c->children, n * sizeof(JEntry));
		memcpy(ks->lay_keys, o->base, o->keybytes);
		ks->lay_bytes = o->keybytes;
		ks->lay_n = n;
	}
	o->map = map;
}

/*
 * The layout of an object against a key set: the kept one when its key
 * entries and bytes are the object's (the entries are compared too, as the
 * same bytes can be cut into other keys), else match_layout's.
 */
static inline void
open_obj(Obj *o, JsonbContainer *c, KeySet *ks)
{
	int			n = JsonContainerSize(c);

	o->c = c;
	o->n = n;
	o->base = (const char *) &c->children[2 * n];
	if (n == ks->lay_n &&
		memcmp(c->children, ks->lay_entries, n * sizeof(JEntry)) == 0 &&
		memcmp(o->base, ks->lay_keys, ks->lay_bytes) == 0)
	{
		o->keybytes = ks->lay_bytes;
		o->map = ks->lay_map;
	}
	else
		match_layout(o, c, ks);
}

/*
 * The members of an object by key, v[k] for key k of the set; returns the
 * position of the first member no key of the set names, or -1.
 */
static int
by_key(JsonbContainer *c, KeySet *ks, Val *v)
{
	Obj			o;
	uint32		off;
	int			unknown = -1;

	open_obj(&o, c, ks);
	for (int k = 0; k < ks->n; k++)
		v[k].present = false;
	off = o.keybytes;
	for (int i = 0; i < o.n; i++)
	{
		JEntry		e = c->children[o.n + i];
		int			k = o.map[i];

		if (k >= 0)
		{
			v[k].present = true;
			v[k].e = e;
			v[k].base = o.base;
			v[k].off = off;
		}
		else if (unknown < 0)
			unknown = i;
		JBE_ADVANCE_OFFSET(off, e);
	}
	return unknown;
}

/* ---- the key sets of the document, made once per backend ---- */

/* the root's keys; the tables' follow, in gd_tables' order */
enum
{
	ROOT_SCHEMA, ROOT_TEMPLATE, ROOT_AGENCY, ROOT_YEAR, ROOT_PUBLISHED, ROOT_SECTIONS,
	ROOT_FEES, ROOT_DIAGNOSTICS, ROOT_ROLLUP, ROOT_TABLES
};
StaticAssertDecl(ROOT_TABLES + GD_NTABLES <= MAX_KEYS, "the root's keys fit a key set");
static const char *const root_names[ROOT_TABLES] = {
	"schema", "template", "agency", "year", "published", "sections", "processing_fees",
	"diagnostics", "rollup"
};

enum
{
	FEE_CASES, FEE_AMOUNT, FEE_NKEYS
};
static const char *const fee_names[FEE_NKEYS] = {"cases", "amount_yuan"};

enum
{
	SEC_NO, SEC_TITLE, SEC_START, SEC_LENGTH, SEC_NKEYS
};
static const char *const section_names[SEC_NKEYS] = {"no", "title", "start", "length"};

/* the diagnostic's optional strings are the three from DIAG_TABLE on */
enum
{
	DIAG_CODE, DIAG_MESSAGE, DIAG_TABLE, DIAG_ROW, DIAG_COLUMN, DIAG_START, DIAG_NKEYS
};
static const char *const diagnostic_names[DIAG_NKEYS] = {
	"code", "message", "table", "row", "column", "start"
};

static KeySet root_keys,
			fee_keys,
			section_keys,
			diagnostic_keys;

/* the rows of each table (of every format) */
static KeySet table_rows[GD_NTABLES];

/*
 * Each row of each table in each format ([0]: 2019, and 表四's one format;
 * [1]: 2021) as gd_table_row gives it, with the set of its columns.  Rows
 * with the same columns share a set, and so a layout.
 */
typedef struct RowDef
{
	bool		in_format;
	GdTableRow	tr;
	KeySet	   *cols;
} RowDef;

#define NCOLSETS (2 * GD_A_NROWS + 2)
static KeySet colsets[NCOLSETS];
static RowDef rowdefs[GD_NTABLES][2][MAX_KEYS];

/*
 * The one member of a row that is no cell: 表二's 2019 procurement row
 * also holds the amount as the report prints it.
 */
static const char *
row_extra(GdTable t, int row)
{
	return t == GD_TABLE_ACTIVE && row == GD_A_PROCUREMENT ? "amount_text" : NULL;
}

/* The set of a row's columns (and its extra member), shared where alike. */
static KeySet *
colset_for(const GdTableRow *tr, const char *extra, const GdColumnDef **made_from, int *nsets)
{
	KeySet	   *ks;

	for (int i = 0; i < *nsets; i++)
		if (made_from[i] == tr->cols && colsets[i].n == tr->ncols + (extra != NULL))
			return &colsets[i];
	if (*nsets >= NCOLSETS)
		elog(ERROR, "govdisc: more column sets than expected");
	made_from[*nsets] = tr->cols;
	ks = &colsets[(*nsets)++];
	for (int c = 0; c < tr->ncols; c++)
		keyset_add(ks, tr->cols[c].key);
	if (extra)
		keyset_add(ks, extra);
	return ks;
}

static void
init_keysets(void)
{
	static bool ready = false;
	const GdColumnDef *made_from[NCOLSETS];
	int			nsets = 0;

	if (ready)
		return;
	for (int k = 0; k < ROOT_TABLES; k++)
		keyset_add(&root_keys, root_names[k]);
	for (int t = 0; t < GD_NTABLES; t++)
		keyset_add(&root_keys, gd_tables[t].key);
	for (int k = 0; k < FEE_NKEYS; k++)
		keyset_add(&fee_keys, fee_names[k]);
	for (int k = 0; k < SEC_NKEYS; k++)
		keyset_add(&section_keys, section_names[k]);
	for (int k = 0; k < DIAG_NKEYS; k++)
		keyset_add(&diagnostic_keys, diagnostic_names[k]);

	for (int t = 0; t < GD_NTABLES; t++)
		for (int row = 0; row < gd_tables[t].nrows; row++)
		{
			RowDef	   *d = rowdefs[t][0] + row,
					   *d2021 = rowdefs[t][1] + row;

			d->in_format = gd_table_row(t, 2019, row, &d->tr);
			d2021->in_format = gd_table_row(t, 2021, row, &d2021->tr);
			/* a row's key is the same in every format that has it */
			keyset_add(&table_rows[t], d->in_format ? d->tr.key : d2021->tr.key);
			for (d = rowdefs[t][0] + row; d; d = d == d2021 ? NULL : d2021)
				d->cols = d->in_format ?
					colset_for(&d->tr, row_extra(t, row), made_from, &nsets) : NULL;
		}
	ready = true;
}

/* ---- the tables ---- */

/*
 * The rows of a table object, by row (NULL when absent or null), member by
 * member; a key that is no row of the table is an error.  Returns the set
 * of rows stated (an object, not null) as a bit mask.
 */
static uint32
collect_rows(JsonbContainer *tbl, const char *table, KeySet *rowkeys,
			 JsonbContainer **rows, uint32 *rowlen)
{
	Obj			o;
	uint32		off;
	uint32		present = 0;

	for (int i = 0; i < rowkeys->n; i++)
		rows[i] = NULL;
	open_obj(&o, tbl, rowkeys);
	off = o.keybytes;
	for (int i = 0; i < o.n; i++)
	{
		int			k = o.map[i];
		JEntry		e = tbl->children[o.n + i];
		JsonbContainer *row = (JsonbContainer *) (o.base + INTALIGN(off));

		if (k < 0)
			unknown_member(tbl, i, table, "row");
		if (!JBE_ISCONTAINER(e) || !JsonContainerIsObject(row))
		{
			Val			v = {true, e, o.base, off};

			row = object_or_null(&v, table, rowkeys->key[k]);
		}
		rows[k] = row;
		if (row != NULL)
			present |= (uint32) 1 << k;
		/* the row's bytes end where the next member's begin */
		rowlen[k] = off;
		JBE_ADVANCE_OFFSET(off, e);
		rowlen[k] = off - INTALIGN(rowlen[k]);
	}
	return present;
}

/* the keys of a row object, tested without a key set (the format is not known yet) */
static bool
has_member(JsonbContainer *c, const char *key, int keylen)
{
	int			n = JsonContainerSize(c);
	const char *base = (const char *) &c->children[2 * n];
	uint32		off = 0;

	for (int i = 0; i < n; i++)
	{
		JEntry		ke = c->children[i];
		int			len = JBE_HAS_OFF(ke) ? JBE_OFFLENFLD(ke) - off : JBE_OFFLENFLD(ke);

		if (len == keylen && memcmp(base + off, key, keylen) == 0)
			return true;
		JBE_ADVANCE_OFFSET(off, ke);
	}
	return false;
}

#define HAS_MEMBER(c, lit) has_member((c), (lit), sizeof(lit) - 1)

/* 表二: the format follows the keys its rows have, then the template. */
static int
active_format(JsonbContainer **rows, uint32 present, GdTemplate t)
{
	static const int probe[] = {GD_A_RULES, GD_A_NORMATIVE, GD_A_LICENSING};

	for (int i = 0; i < lengthof(probe); i++)
	{
		JsonbContainer *row = rows[probe[i]];

		if (row == NULL)
			continue;
		if (HAS_MEMBER(row, "issued") || HAS_MEMBER(row, "in_force"))
			return 2021;
		if (HAS_MEMBER(row, "made") || HAS_MEMBER(row, "prior"))
			return 2019;
	}
	if (present & ((1 << GD_A_OTHER_SERVICES) | (1 << GD_A_PROCUREMENT)))
		return 2019;
	return t == GD_TPL_2021 ? 2021 : 2019;
}

/* 表三: the format follows the rows of 其他处理 it has, then the template. */
static int
requests_format(uint32 present, GdTemplate t)
{
	const uint32 rows2021 = (1 << GD_R_OTHER_NO_CORRECTION) | (1 << GD_R_OTHER_NO_FEE) |
		(1 << GD_R_OTHER_MISC);

	if ((present & (1 << GD_R_OTHER_HANDLING)) && (present & rows2021))
		NOT_A_DOCUMENT("Table \"requests\" has both \"other_handling\" (2019 format) and the other_* rows of the 2021 format.");
	if (present & (1 << GD_R_OTHER_HANDLING))
		return 2019;
	if (present & rows2021)
		return 2021;
	return t == GD_TPL_2021 ? 2021 : 2019;
}

/* The format of a table with these rows stated (gd_table_format's values). */
static int
table_format(GdReport *r, GdTable t, JsonbContainer **rows, uint32 present)
{
	switch (t)
	{
		case GD_TABLE_ACTIVE:
			return r->active_format = active_format(rows, present, r->template_);
		case GD_TABLE_REQUESTS:
			return r->requests_format = requests_format(present, r->template_);
		default:
			r->review_present = true;	/* 表四 has one format */
			return 1;
	}
}

/*
 * The cells of one row object (all GD_NULL when rc is NULL), member by
 * member in storage order, so that the first wrong member is the one
 * reported.  The row's extra member (row_extra), which is no cell, is left
 * in *extra for the caller.
 */
static void
read_row(JsonbContainer *rc, int64 *cells, const GdTableRow *tr, KeySet *ks,
		 const char *table, Val *extra)
{
	Obj			o;
	uint32		off;

	for (int c = 0; c < tr->ncols; c++)
		cells[c] = GD_NULL;
	extra->present = false;
	if (rc == NULL)
		return;
	open_obj(&o, rc, ks);
	off = o.keybytes;
	for (int i = 0; i < o.n; i++)
	{
		JEntry		ve = rc->children[o.n + i];
		int			c = o.map[i];

		if (c < 0)
			unknown_member(rc, i, path3(table, tr->key, NULL), "column");
		else if (c == tr->ncols)
			*extra = (Val) {true, ve, o.base, off};
		/* nearly every cell is null or a short whole number */
		else if (!JBE_ISNULL(ve) &&
				 !(JBE_ISNUMERIC(ve) &&
				   short_cell((Numeric) (o.base + INTALIGN(off)), tr->cols[c].kind, &cells[c])))
		{
			Val			v = {true, ve, o.base, off};
			JsonbValue	jv;

			val_jsonb(&v, &jv);
			cells[c] = number_value(&jv, tr->cols[c].kind, table, tr->key, tr->cols[c].key);
		}
		JBE_ADVANCE_OFFSET(off, ve);
	}
}

/*
 * One table, over its rows in the format its stated rows tell.  A row the
 * format has not got must not be stated (only 表二's 2019 rows can be: 表三's
 * format follows the rows stated).
 */
static void
read_table(Reader *rd, GdTable t, JsonbContainer *tbl)
{
	const char *table = gd_tables[t].key;
	JsonbContainer *rows[MAX_KEYS];
	uint32		rowlen[MAX_KEYS];
	int			format;
	uint32		present = collect_rows(tbl, table, &table_rows[t], rows, rowlen);
	const RowDef *prev = NULL;
	const int64 *prevcells = NULL;
	int			prevrow = 0;

	if (present == 0)
		return;					/* {}: no row stated, no table */
	format = table_format(rd->r, t, rows, present);
	for (int row = 0; row < gd_tables[t].nrows; row++)
	{
		const RowDef *d = &rowdefs[t][format == 2021][row];
		int64	   *cells;
		Val			extra;
		JsonbValue	text;

		if (!d->in_format)
		{
			if (rows[row] != NULL)
				NOT_A_DOCUMENT("Key \"%s\" is a row of the %d format, but the other rows of \"%s\" are in the %d format.",
							   path3(table, table_rows[t].key[row], NULL),
							   format == 2021 ? 2019 : 2021, table, format);
			continue;
		}
		/* the report is the reader's own: gd_table_cells shows it read-only */
		cells = (int64 *) gd_table_cells(rd->r, t, row);

		/*
		 * A row stored byte for byte as the last one read, of the same
		 * columns, has its cells: tables are full of rows of zeros or of
		 * nulls.
		 */
		if (prev && rows[row] && prev->cols == d->cols && rowlen[row] == rowlen[prevrow] &&
			memcmp(rows[row], rows[prevrow], rowlen[row]) == 0)
		{
			memcpy(cells, prevcells, d->tr.ncols * sizeof(int64));
			continue;
		}
		read_row(rows[row], cells, &d->tr, d->cols, table, &extra);
		if (rows[row] && !row_extra(t, row))
		{
			prev = d;
			prevrow = row;
			prevcells = cells;
		}
		if (row_extra(t, row) && val_string(&extra, table, d->tr.key, row_extra(t, row), &text))
			rd->r->procurement_amount_text = string_utf8(rd, &text, table, d->tr.key,
														 row_extra(t, row));
	}
}

/* ---- sections and diagnostics ---- */

/* An array or null (NULL); anything else is an error. */
static JsonbContainer *
array_or_null(const Val *v, const char *key)
{
	JsonbValue	jv;

	if (!v->present || JBE_ISNULL(v->e))
		return NULL;
	if (JBE_ISCONTAINER(v->e))
	{
		JsonbContainer *c = (JsonbContainer *) (v->base + INTALIGN(v->off));

		if (JsonContainerIsArray(c))
			return c;
	}
	val_jsonb(v, &jv);
	NOT_A_DOCUMENT("Key \"%s\" is a JSON %s; it must be an array.", key, JsonbTypeName(&jv));
	return NULL;				/* not reached */
}

/* An array's elements, by their entries (offsets accumulate, as in jsonb.h). */
typedef struct ArrayWalk
{
	JsonbContainer *c;
	const char *base;
	uint32		i;
	uint32		off;
} ArrayWalk;

static void
array_walk(ArrayWalk *w, JsonbContainer *arr)
{
	w->c = arr;
	w->base = (const char *) &arr->children[JsonContainerSize(arr)];
	w->i = 0;
	w->off = 0;
}

/* The next element of the array "key", which must be an object. */
static inline JsonbContainer *
next_object(ArrayWalk *w, const char *key)
{
	JEntry		e = w->c->children[w->i];
	uint32		off = w->off;
	JsonbContainer *o = (JsonbContainer *) (w->base + INTALIGN(off));

	JBE_ADVANCE_OFFSET(w->off, e);
	if (unlikely(!JBE_ISCONTAINER(e) || !JsonContainerIsObject(o)))
	{
		Val			v = {true, e, w->base, off};
		JsonbValue	jv;

		val_jsonb(&v, &jv);
		NOT_A_DOCUMENT("Element %u of \"%s\" is a JSON %s; it must be an object.",
					   w->i, key, JsonbTypeName(&jv));
	}
	w->i++;
	return o;
}

/*
 * A section the exact reading below accepts, told from its entries in one
 * walk (as diagnostic_plain): known keys; title a string or null; no,
 * start and length null or short whole numbers, no 1 to 6, start from 1,
 * length from 0.
 */
static bool
section_plain(JsonbContainer *c)
{
	Obj			o;
	uint32		off;

	open_obj(&o, c, &section_keys);
	off = o.keybytes;
	for (int i = 0; i < o.n; i++)
	{
		JEntry		e = c->children[o.n + i];
		int			k = o.map[i];
		int64		v;

		if (k < 0)
			return false;
		if (JBE_ISNULL(e))
			;
		else if (k == SEC_TITLE)
		{
			if (!JBE_ISSTRING(e))
				return false;
		}
		else if (!JBE_ISNUMERIC(e) ||
				 !short_whole_number((Numeric) (o.base + INTALIGN(off)), &v) ||
				 v < (k == SEC_LENGTH ? 0 : 1) || (k == SEC_NO && v > 6))
			return false;
		JBE_ADVANCE_OFFSET(off, e);
	}
	return true;
}

static void
read_sections(Reader *rd, const Val *sv)
{
	JsonbContainer *arr = array_or_null(sv, "sections");
	int			n = arr ? JsonContainerSize(arr) : 0;
	GdReport   *r = rd->r;
	ArrayWalk	w;

	if (n > 6)
		NOT_A_DOCUMENT("Key \"sections\" has %d elements; a report has at most six parts.", n);
	if (n > 0)
		array_walk(&w, arr);
	for (int i = 0; i < n; i++)
	{
		JsonbContainer *o = next_object(&w, "sections");
		GdSection  *s;
		Val			v[SEC_NKEYS];
		int			unknown;
		int64		no;
		JsonbValue	title;

		/* reading the tables, a section is only checked */
		if (rd->tables_only && rd->utf8 && section_plain(o))
			continue;
		s = &r->sections[r->nsections++];
		unknown = by_key(o, &section_keys, v);
		no = val_number(&v[SEC_NO], GD_KIND_SIGNED, "sections", NULL, "no");
		if (unknown >= 0)
			unknown_member(o, unknown, "sections", "key of a section");
		if (no != GD_NULL && (no < 1 || no > 6))
			NOT_A_DOCUMENT("Key \"sections.no\" is %lld; parts are numbered 1 to 6.", (long long) no);
		s->no = no == GD_NULL ? 0 : (int) no;
		s->title = NULL;
		if (val_string(&v[SEC_TITLE], "sections", "title", NULL, &title))
		{
			if (rd->tables_only)
				string_check(rd, &title, "sections", "title");
			else
				s->title = string_utf8(rd, &title, "sections", "title", NULL);
		}
		s->start = val_number(&v[SEC_START], GD_KIND_SIGNED, "sections", NULL, "start");
		s->length = val_number(&v[SEC_LENGTH], GD_KIND_SIGNED, "sections", NULL, "length");
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
 * A diagnostic the exact reading below accepts, told from its entries in
 * one walk: known keys; code and message strings; table, row and column
 * strings or null; start null or a short whole number.  Its code in *code.
 * What this does not accept is read the exact way, which finds what is
 * wrong and says so.
 */
static bool
diagnostic_plain(JsonbContainer *c, const char **code, int *codelen)
{
	Obj			o;
	uint32		off;
	int			seen = 0;

	open_obj(&o, c, &diagnostic_keys);
	off = o.keybytes;
	for (int i = 0; i < o.n; i++)
	{
		JEntry		e = c->children[o.n + i];
		int			k = o.map[i];
		int64		start;

		if (k < 0)
			return false;
		if (k == DIAG_START)
		{
			if (!JBE_ISNULL(e) &&
				!(JBE_ISNUMERIC(e) &&
				  short_whole_number((Numeric) (o.base + INTALIGN(off)), &start)))
				return false;
		}
		else if (JBE_ISSTRING(e))
		{
			if (k == DIAG_CODE)
			{
				*code = o.base + off;
				*codelen = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) - off : JBE_OFFLENFLD(e);
			}
		}
		else if (k == DIAG_CODE || k == DIAG_MESSAGE || !JBE_ISNULL(e))
			return false;
		seen |= 1 << k;
		JBE_ADVANCE_OFFSET(off, e);
	}
	return (seen & ((1 << DIAG_CODE) | (1 << DIAG_MESSAGE))) ==
		((1 << DIAG_CODE) | (1 << DIAG_MESSAGE));
}

/*
 * The diagnostics; reading the tables only, only those a rule reads are
 * kept.  The others are checked (keys and types; every string is converted
 * where the database's encoding is not UTF-8) but nothing of them is copied.
 */
static void
read_diagnostics(Reader *rd, const Val *dv)
{
	JsonbContainer *arr = array_or_null(dv, "diagnostics");
	int			n = arr ? JsonContainerSize(arr) : 0;
	GdReport   *r = rd->r;
	ArrayWalk	w;

	if (n == 0)
		return;
	array_walk(&w, arr);
	for (int i = 0; i < n; i++)
	{
		JsonbContainer *o = next_object(&w, "diagnostics");
		Val			v[DIAG_NKEYS];
		int			unknown;
		int64		start;
		JsonbValue	s[DIAG_START];	/* the strings: code ... column */
		bool		has[DIAG_START];
		const char *code = NULL;
		int			codelen = 0;
		GdDiagnostic *d;

		/* most are checked and dropped, with nothing to convert */
		if (rd->tables_only && rd->utf8 && diagnostic_plain(o, &code, &codelen) &&
			!diagnostic_judged(code, codelen))
			continue;
		unknown = by_key(o, &diagnostic_keys, v);
		start = val_number(&v[DIAG_START], GD_KIND_SIGNED, "diagnostics", NULL, "start");
		if (unknown >= 0)
			unknown_member(o, unknown, "diagnostics", "key of a diagnostic");
		has[DIAG_CODE] = val_string(&v[DIAG_CODE], "diagnostics", "code", NULL, &s[DIAG_CODE]);
		has[DIAG_MESSAGE] = val_string(&v[DIAG_MESSAGE], "diagnostics", "message", NULL,
									   &s[DIAG_MESSAGE]);
		if (!has[DIAG_CODE] || !has[DIAG_MESSAGE])
			NOT_A_DOCUMENT("Element %d of \"diagnostics\" has no \"%s\"; every diagnostic has a code and a message.",
						   i, !has[DIAG_CODE] ? "code" : "message");
		for (int k = DIAG_TABLE; k <= DIAG_COLUMN; k++)
			has[k] = val_string(&v[k], "diagnostics", diagnostic_names[k], NULL, &s[k]);

		if (rd->tables_only &&
			!diagnostic_judged(s[DIAG_CODE].val.string.val, s[DIAG_CODE].val.string.len))
		{
			if (!rd->utf8)
				for (int k = DIAG_CODE; k <= DIAG_COLUMN; k++)
					if (has[k])
						string_check(rd, &s[k], "diagnostics", diagnostic_names[k]);
			continue;
		}
		/* made for the first one kept: reading the tables, few are */
		if (r->diagnostics == NULL)
		{
			r->diagnostics = MemoryContextAllocZero(rd->cxt, n * sizeof(GdDiagnostic));
			r->maxdiagnostics = n;
		}
		d = &r->diagnostics[r->ndiagnostics];
		d->code = string_utf8(rd, &s[DIAG_CODE], "diagnostics", "code", NULL);
		d->message = string_utf8(rd, &s[DIAG_MESSAGE], "diagnostics", "message", NULL);
		d->table = has[DIAG_TABLE] ?
			string_utf8(rd, &s[DIAG_TABLE], "diagnostics", "table", NULL) : NULL;
		d->row = has[DIAG_ROW] ? string_utf8(rd, &s[DIAG_ROW], "diagnostics", "row", NULL) : NULL;
		d->column = has[DIAG_COLUMN] ?
			string_utf8(rd, &s[DIAG_COLUMN], "diagnostics", "column", NULL) : NULL;
		d->start = start == GD_NULL ? -1 : start;
		r->ndiagnostics++;
	}
}

/* ---- the document ---- */

/* "YYYY-MM-DD" naming a day of the calendar */
static bool
is_calendar_date(const char *s, int len)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			y,
				m,
				d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	return true;
}

static void
read_template_year(Reader *rd, const Val *v)
{
	JsonbValue	t;
	int64		year;

	if (v[ROOT_TEMPLATE].present && !JBE_ISNULL(v[ROOT_TEMPLATE].e))
	{
		val_jsonb(&v[ROOT_TEMPLATE], &t);
		if (t.type == jbvString && t.val.string.len == 4 &&
			memcmp(t.val.string.val, "2019", 4) == 0)
			rd->r->template_ = GD_TPL_2019;
		else if (t.type == jbvString && t.val.string.len == 4 &&
				 memcmp(t.val.string.val, "2021", 4) == 0)
			rd->r->template_ = GD_TPL_2021;
		else if (t.type == jbvString && t.val.string.len == 5 &&
				 memcmp(t.val.string.val, "mixed", 5) == 0)
			rd->r->template_ = GD_TPL_MIXED;
		else
			NOT_A_DOCUMENT("Key \"template\" must be \"2019\", \"2021\", \"mixed\" or null.");
	}
	year = val_number(&v[ROOT_YEAR], GD_KIND_SIGNED, "", NULL, "year");
	if (year != GD_NULL && (year < 1 || year > 9999))
		NOT_A_DOCUMENT("Key \"year\" is %lld; it must be a year or null.", (long long) year);
	rd->r->year = year == GD_NULL ? 0 : (int) year;
}

static void
read_fees(Reader *rd, const Val *fv)
{
	JsonbContainer *c = object_or_null(fv, "processing_fees", NULL);
	Val			v[FEE_NKEYS];
	int			unknown;

	if (c == NULL)
		return;
	unknown = by_key(c, &fee_keys, v);
	if (unknown >= 0)
		unknown_member(c, unknown, "processing_fees", "key");
	rd->r->fees_present = true;
	rd->r->fee_cases = val_number(&v[FEE_CASES], GD_KIND_COUNT, "processing_fees", NULL,
								  "cases");
	rd->r->fee_amount = val_number(&v[FEE_AMOUNT], GD_KIND_AMOUNT, "processing_fees", NULL,
								   "amount_yuan");
}

/*
 * Agency and published: checked in either case (a document is judged
 * whole), kept only when the whole report is read.
 */
static void
read_agency_published(Reader *rd, const Val *v)
{
	JsonbValue	pub,
				agency;
	const char *published = NULL;
	int			publen = 0;

	if (val_string(&v[ROOT_PUBLISHED], "published", NULL, NULL, &pub))
	{
		if (rd->utf8)
		{
			published = pub.val.string.val;
			publen = pub.val.string.len;
		}
		else
		{
			published = string_utf8(rd, &pub, "published", NULL, NULL);
			publen = strlen(published);
		}
	}
	if (val_string(&v[ROOT_AGENCY], "agency", NULL, NULL, &agency))
	{
		if (rd->tables_only)
			string_check(rd, &agency, "", "agency");
		else
			rd->r->agency = string_utf8(rd, &agency, "agency", NULL, NULL);
	}
	if (published && !is_calendar_date(published, publen))
		NOT_A_DOCUMENT("Key \"published\" is \"%s\"; it must be a date of the calendar written YYYY-MM-DD, or null.",
					   pg_any_to_server(pnstrdup(published, publen), publen, PG_UTF8));
	if (published && !rd->tables_only)
	{
		memcpy(rd->r->published, published, 10);
		rd->r->published[10] = '\0';
	}
}

static GdReport *
read_document(Jsonb *doc, MemoryContext cxt, bool tables_only)
{
	Val			v[ROOT_TABLES + GD_NTABLES];
	Reader		rd;
	int			unknown;
	int64		schema;
	MemoryContext old;

	if (!JB_ROOT_IS_OBJECT(doc))
		NOT_A_DOCUMENT("The value is a JSON %s, not an object.",
					   JB_ROOT_IS_SCALAR(doc) ? "scalar" : "array");
	init_keysets();
	/* the reader's scratch goes there too */
	old = MemoryContextSwitchTo(cxt);
	unknown = by_key(&doc->root, &root_keys, v);
	if (!v[ROOT_SCHEMA].present)
		NOT_A_DOCUMENT("The object has no \"schema\" key.");
	if (!JBE_ISNUMERIC(v[ROOT_SCHEMA].e) ||
		!short_whole_number((Numeric) (v[ROOT_SCHEMA].base + INTALIGN(v[ROOT_SCHEMA].off)),
							&schema) || schema != 1)
		NOT_A_DOCUMENT("Key \"schema\" is not 1, the only schema this version of govdisc reads.");
	if (unknown >= 0)
		unknown_member(&doc->root, unknown, "", "key");
	/* govdisc_sum's summary of its members: not judged, but an object */
	(void) object_or_null(&v[ROOT_ROLLUP], "rollup", NULL);

	rd.cxt = cxt;
	rd.tables_only = tables_only;
	rd.utf8 = GetDatabaseEncoding() == PG_UTF8;
	rd.r = palloc(sizeof(GdReport));
	gd_report_init(rd.r);
	read_template_year(&rd, v);
	for (int t = 0; t < GD_NTABLES; t++)
	{
		JsonbContainer *c = object_or_null(&v[ROOT_TABLES + t], gd_tables[t].key, NULL);

		if (c)
			read_table(&rd, t, c);
	}
	read_fees(&rd, &v[ROOT_FEES]);

	/*
	 * The rest is checked in either case (a document is judged whole), but
	 * kept only when asked for; the diagnostics the rules read always are.
	 */
	read_agency_published(&rd, v);
	read_sections(&rd, &v[ROOT_SECTIONS]);
	if (tables_only)
		rd.r->nsections = 0;
	read_diagnostics(&rd, &v[ROOT_DIAGNOSTICS]);
	MemoryContextSwitchTo(old);
	return rd.r;
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
