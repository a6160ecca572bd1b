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
 *
 * Every document is written (issue 20: about 35 diagnostics a report, a
 * hundred cells), so the writer avoids work per value: the start of each
 * object (its header, its keys' JEntries and the keys) is the same bytes
 * every time, made once per backend and copied; counts and amounts are
 * written as int64_to_numeric and numeric_in make them, without calling
 * them (checked against them once per backend); a string that is
 * ASCII, or UTF-8 in a database that stores UTF-8, is copied as it is (what
 * pg_any_to_server would return), checked inline rather than by a call per
 * string; a diagnostic's code, table, row and column, a few strings used
 * again and again, are measured and checked once per document and found by
 * their address after that.  The document goes straight into the caller's
 * memory, not copied there afterwards.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "pg_govdisc.h"

/* ---- the binary writer ---- */

/* The document being written. */
typedef struct Writer
{
	StringInfoData b;
	bool		utf8;			/* the database stores UTF-8 as it is
								 * (UTF8, SQL_ASCII) */
	bool		direct;			/* direct_ok() */
} Writer;

/* A container being written: its children's JEntries are filled in as they come. */
typedef struct Frame
{
	int			base;			/* where the container starts in the buffer */
	int			jentries;		/* where its JEntry array starts */
	int			nchildren;
	int			i;				/* children written so far */
	int			totallen;		/* their data's length so far */
} Frame;

/* room for len more bytes */
static inline void
reserve(StringInfo b, int len)
{
	if (b->len + len >= b->maxlen)
		enlargeStringInfo(b, len);
}

/* appendBinaryStringInfo without a call when there is room, and without the NUL */
static inline void
append(StringInfo b, const void *data, int len)
{
	reserve(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

/* As padBufferToInt in jsonb_util.c; returns the padding's length */
static inline int
pad_to_int(StringInfo b)
{
	int			padlen = INTALIGN(b->len) - b->len;

	/* four zero bytes written, up to three of them kept: no loop */
	reserve(b, 4);
	memset(b->data + b->len, 0, 4);
	b->len += padlen;
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
	reserve(b, children * sizeof(JEntry));
	b->len += children * sizeof(JEntry);
	f->nchildren = children;
	f->i = 0;
	f->totallen = 0;
}

static pg_noinline void
too_large(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("parsed report is too large for jsonb"),
			 errdetail("The document would exceed the maximum of %d bytes.",
					   JENTRY_OFFLENMASK),
			 errhint("Parse a shorter text.")));
}

/* The JEntry of the next child, whose data has just been appended. */
static inline void
child(StringInfo b, Frame *f, JEntry meta)
{
	f->totallen += JBE_OFFLENFLD(meta);
	if (unlikely(f->totallen > JENTRY_OFFLENMASK))
		too_large();
	if ((f->i & (JB_OFFSET_STRIDE - 1)) == 0)
		meta = (meta & JENTRY_TYPEMASK) | f->totallen | JENTRY_HAS_OFF;
	Assert(f->i < f->nchildren);
	memcpy(b->data + f->jentries + f->i * sizeof(JEntry), &meta, sizeof(JEntry));
	f->i++;
}

static inline void
end(StringInfo b, Frame *parent, Frame *f)
{
	Assert(f->i == f->nchildren);
	child(b, parent, JENTRY_ISCONTAINER | (b->len - f->base));
}

static inline void
put_null(StringInfo b, Frame *f)
{
	child(b, f, JENTRY_ISNULL);
}

/* a key: ASCII, written as it is */
static void
put_key(StringInfo b, Frame *f, const char *key)
{
	int			len = strlen(key);

	append(b, key, len);
	child(b, f, JENTRY_ISSTRING | len);
}

/* ---- strings ---- */

#define HIGH_BITS UINT64CONST(0x8080808080808080)

/*
 * Whether s[0..len) is all ASCII: eight bytes at a time, the last eight
 * overlapping the ones before when len is not a multiple of eight.
 */
static inline bool
all_ascii(const char *s, int len)
{
	uint64		acc = 0;
	uint64		v;
	int			i = 0;

	if (len < 8)
	{
		for (; i < len; i++)
			acc |= (unsigned char) s[i];
		return (acc & 0x80) == 0;
	}
	for (; i + 8 < len; i += 8)
	{
		memcpy(&v, s + i, sizeof(v));
		acc |= v;
	}
	memcpy(&v, s + len - 8, sizeof(v));
	acc |= v;
	return (acc & HIGH_BITS) == 0;
}

/*
 * Whether s[0..len), which holds no NUL, is well-formed UTF-8 as
 * pg_utf8_islegal judges it: no overlong forms, no surrogates, nothing past
 * U+10FFFF.  Runs of ASCII are skipped eight bytes at a time; three-byte
 * characters, the Chinese of the messages and titles, come first.
 */
static bool
utf8_valid(const char *str, int len)
{
	const unsigned char *s = (const unsigned char *) str;
	int			i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		uint64		v;

		if ((c & 0xF0) == 0xE0)
		{
			/*
			 * Two of them at once when eight bytes are there: leads E1-EC
			 * or EE-EF, whose second bytes may be any of 80-BF.
			 */
#ifndef WORDS_BIGENDIAN
			if (i + 8 <= len)
			{
				memcpy(&v, s + i, sizeof(v));
				if ((v & UINT64CONST(0xC0C0F0C0C0F0)) == UINT64CONST(0x8080E08080E0))
				{
					int			l0 = v & 0x0F,
								l1 = (v >> 24) & 0x0F;

					if (l0 != 0 && l0 != 0xD && l1 != 0 && l1 != 0xD)
					{
						i += 6;
						continue;
					}
				}
			}
#endif
			if (i + 3 > len || ((s[i + 1] | s[i + 2] << 8) & 0xC0C0) != 0x8080 ||
				(c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F))
				return false;
			i += 3;
		}
		else if (c < 0x80)
		{
			if (i + 8 <= len && (memcpy(&v, s + i, sizeof(v)), (v & HIGH_BITS) == 0))
				i += 8;
			else
				i++;
		}
		else if (c >= 0xC2 && c < 0xE0)
		{
			if (i + 2 > len || (s[i + 1] & 0xC0) != 0x80)
				return false;
			i += 2;
		}
		else if (c >= 0xF0 && c < 0xF5)
		{
			if (i + 4 > len ||
				s[i + 1] < (c == 0xF0 ? 0x90 : 0x80) || s[i + 1] > (c == 0xF4 ? 0x8F : 0xBF) ||
				(s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
				return false;
			i += 4;
		}
		else
			return false;
	}
	return true;
}

/* a string pg_any_to_server may change: converted, or its error raised */
static pg_noinline void
put_converted(StringInfo b, Frame *f, const char *s, int len)
{
	char	   *conv = pg_any_to_server(s, len, PG_UTF8);

	if (conv != s)
		len = strlen(conv);
	append(b, conv, len);
	child(b, f, JENTRY_ISSTRING | len);
}

/*
 * Strings are UTF-8; a database of another encoding gets its own.  Where
 * pg_any_to_server would return the string itself (ASCII anywhere; valid
 * UTF-8 in a UTF8 or SQL_ASCII database, where it only checks it) it is
 * copied as it is; otherwise pg_any_to_server converts it, or raises the
 * error it always raised.
 */
static void
put_string(Writer *w, Frame *f, const char *s)
{
	StringInfo	b = &w->b;
	int			len;

	if (s == NULL)
	{
		put_null(b, f);
		return;
	}
	len = strlen(s);
	/* a string that starts outside ASCII (a message) is checked in one pass */
	if ((w->utf8 && (unsigned char) s[0] >= 0x80) ? !utf8_valid(s, len) :
		(!all_ascii(s, len) && !(w->utf8 && utf8_valid(s, len))))
	{
		put_converted(b, f, s, len);
		return;
	}
	append(b, s, len);
	child(b, f, JENTRY_ISSTRING | len);
}

/*
 * A diagnostic's code, table, row and column are a few strings used again
 * and again: the parser's literals and the label tables' keys.  Within one
 * document a pointer seen before is the same bytes (the report does not
 * change while it is written), so each one is measured and checked once per
 * document, then found by its address, its bytes kept here to be copied
 * with a fixed-size copy.
 */
#define KNOWN_SIZE 64			/* a power of two; half of it is used at most */
#define KNOWN_BYTES 32			/* the longest string kept here */

typedef struct Known
{
	const char *s;
	int			len;
	char		bytes[KNOWN_BYTES];
} Known;

typedef struct KnownStrings
{
	int			n;
	Known		e[KNOWN_SIZE];
} KnownStrings;

static inline int
known_hash(const char *s)
{
	return (int) (((uint64) (uintptr_t) s * UINT64CONST(0x9E3779B97F4A7C15)) >> 58);
}

/* a string not yet known: written as put_string does, and kept when it can be */
static pg_noinline void
put_new_known(Writer *w, Frame *f, KnownStrings *k, const char *s, int h)
{
	int			len = strlen(s);

	if (!all_ascii(s, len) && !(w->utf8 && utf8_valid(s, len)))
	{
		put_converted(&w->b, f, s, len);
		return;
	}
	if (len <= KNOWN_BYTES && k->n < KNOWN_SIZE / 2)
	{
		k->e[h].s = s;
		k->e[h].len = len;
		memcpy(k->e[h].bytes, s, len);
		k->n++;
	}
	append(&w->b, s, len);
	child(&w->b, f, JENTRY_ISSTRING | len);
}

/* put_string of a string that is likely known */
static inline void
put_known(Writer *w, Frame *f, KnownStrings *k, const char *s)
{
	StringInfo	b = &w->b;
	int			h;

	if (s == NULL)
	{
		put_null(b, f);
		return;
	}
	h = known_hash(s);
	while (k->e[h].s != s)
	{
		if (k->e[h].s == NULL)
		{
			put_new_known(w, f, k, s, h);
			return;
		}
		h = (h + 1) & (KNOWN_SIZE - 1);
	}
	/* the whole KNOWN_BYTES copied: the room is there, the length says where it ends */
	reserve(b, KNOWN_BYTES);
	memcpy(b->data + b->len, k->e[h].bytes, KNOWN_BYTES);
	b->len += k->e[h].len;
	child(b, f, JENTRY_ISSTRING | k->e[h].len);
}

/* ---- numbers ---- */

static void
put_numeric(StringInfo b, Frame *f, Numeric n)
{
	int			padlen = pad_to_int(b);
	int			numlen = VARSIZE_ANY(n);

	append(b, n, numlen);
	child(b, f, JENTRY_ISNUMERIC | (padlen + numlen));
}

/*
 * Numerics written in place, with no palloc, as numeric.c's make_result
 * makes them (int64_to_numeric for a count, numeric_in for an amount's
 * text): a 4-byte varlena header, the short form's 16-bit header (sign,
 * display scale, weight) and the base-10000 digits from the first nonzero
 * one to the last nonzero one.
 */
#define NUMERIC_SHORT_HEADER 0x8000	/* numeric.c's NUMERIC_SHORT */
#define NUMERIC_SHORT_SIGN 0x2000	/* NUMERIC_SHORT_SIGN_MASK */
#define NUMERIC_SHORT_DSCALE_SHIFT 7
#define NUMERIC_SHORT_WEIGHT_SIGN 0x0040
#define NUMERIC_SHORT_WEIGHT_MASK 0x003F
/* room for the largest: an int64's five base-10000 digits and a fraction */
#define DIRECT_MAXLEN (VARHDRSZ + sizeof(uint16) + 6 * sizeof(uint16))

/* The Numeric of a count of 0 to 10^8 - 1: the common case, kept short. */
#define DIRECT_LIMIT 100000000

static inline int
direct_count(char *out, int64 i)
{
	uint16		digits[2];
	uint16		header;
	int			n;

	Assert(i >= 0 && i < DIRECT_LIMIT);
	if (i < 10000)
	{
		digits[0] = i;
		digits[1] = 0;
		n = i != 0;
		header = NUMERIC_SHORT_HEADER;	/* weight 0 */
	}
	else
	{
		digits[0] = i / 10000;
		digits[1] = i % 10000;
		n = digits[1] ? 2 : 1;
		header = NUMERIC_SHORT_HEADER | 1;	/* weight 1 */
	}
	SET_VARSIZE(out, VARHDRSZ + sizeof(header) + n * sizeof(uint16));
	memcpy(out + VARHDRSZ, &header, sizeof(header));
	memcpy(out + VARHDRSZ + sizeof(header), digits, sizeof(digits));
	return VARHDRSZ + sizeof(header) + n * sizeof(uint16);
}

/*
 * The Numeric of [-]whole.frac, frac in ten-thousandths (one base-10000
 * digit) with dscale of its decimal digits shown.
 */
static int
direct_decimal(char *out, bool neg, uint64 whole, int frac, int dscale)
{
	uint16		groups[5];
	uint16		digits[6];
	uint16		header;
	int			ngroups = 0;
	int			n = 0;
	int			weight;

	for (; whole > 0; whole /= 10000)
		groups[ngroups++] = whole % 10000;
	while (ngroups > 0)
		digits[n++] = groups[--ngroups];
	weight = n - 1;				/* -1 when the first digit is the fraction */
	digits[n++] = frac;
	while (n > 0 && digits[n - 1] == 0)
		n--;
	if (n == 0)
	{
		neg = false;
		weight = 0;
	}
	header = NUMERIC_SHORT_HEADER | (neg ? NUMERIC_SHORT_SIGN : 0) |
		(dscale << NUMERIC_SHORT_DSCALE_SHIFT) |
		(weight < 0 ? NUMERIC_SHORT_WEIGHT_SIGN : 0) | (weight & NUMERIC_SHORT_WEIGHT_MASK);
	SET_VARSIZE(out, VARHDRSZ + sizeof(header) + n * sizeof(uint16));
	memcpy(out + VARHDRSZ, &header, sizeof(header));
	memcpy(out + VARHDRSZ + sizeof(header), digits, n * sizeof(uint16));
	return VARHDRSZ + sizeof(header) + n * sizeof(uint16);
}

/* a count, any int64 but GD_NULL */
static int
direct_int(char *out, int64 i)
{
	uint64		mag = i < 0 ? (uint64) (-(i + 1)) + 1 : (uint64) i;

	return direct_decimal(out, i < 0, mag, 0, 0);
}

/* an amount in GD_AMOUNT_SCALE units, as numeric_in reads gd_amount_format's text */
StaticAssertDecl(GD_AMOUNT_SCALE == 10000, "an amount's fraction is one base-10000 digit");

static int
direct_amount(char *out, int64 scaled)
{
	uint64		mag = scaled < 0 ? (uint64) (-(scaled + 1)) + 1 : (uint64) scaled;
	int			frac = mag % GD_AMOUNT_SCALE;
	int			dscale = 0;

	/* the fraction's digits as gd_amount_format prints them: no trailing 0 */
	if (frac)
	{
		dscale = 4;
		for (int d = frac; d % 10 == 0; d /= 10)
			dscale--;
	}
	return direct_decimal(out, scaled < 0, mag / GD_AMOUNT_SCALE, frac, dscale);
}

/* PostgreSQL's own Numeric of an amount (numeric_in of gd_amount_format's text) */
static Numeric
pg_amount(int64 scaled)
{
	char		buf[32];

	gd_amount_format(scaled, buf);
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/*
 * Whether the direct forms are what PostgreSQL makes, checked once per
 * backend on each of their cases; if a PostgreSQL ever made them otherwise,
 * every number would go through int64_to_numeric and numeric_in again.
 */
static bool
direct_ok(void)
{
	static int	ok = -1;

	if (ok < 0)
	{
		static const int64 probe[] = {0, 1, 42, 9999, 10000, 10001, 12340000,
			12345678, DIRECT_LIMIT - 1, DIRECT_LIMIT, -1, -10000, -123456789012345,
		PG_INT64_MAX, PG_INT64_MIN + 1};
		char		buf[DIRECT_MAXLEN] pg_attribute_aligned(4);

		ok = 1;
		for (int i = 0; i < lengthof(probe); i++)
		{
			Numeric		n = int64_to_numeric(probe[i]);
			Numeric		a = pg_amount(probe[i]);
			int			len;

			if (probe[i] >= 0 && probe[i] < DIRECT_LIMIT)
			{
				len = direct_count(buf, probe[i]);
				ok &= len == VARSIZE_ANY(n) && memcmp(buf, n, len) == 0;
			}
			len = direct_int(buf, probe[i]);
			ok &= len == VARSIZE_ANY(n) && memcmp(buf, n, len) == 0;
			len = direct_amount(buf, probe[i]);
			ok &= len == VARSIZE_ANY(a) && memcmp(buf, a, len) == 0;
			pfree(n);
			pfree(a);
		}
	}
	return ok;
}

/* a Numeric of direct_int or direct_amount, or PostgreSQL's; or null */
static pg_noinline void
put_number(Writer *w, Frame *f, int64 v, bool amount)
{
	StringInfo	b = &w->b;
	int			padlen;
	int			numlen;

	if (v == GD_NULL)
	{
		put_null(b, f);
		return;
	}
	if (!w->direct)
	{
		put_numeric(b, f, amount ? pg_amount(v) : int64_to_numeric(v));
		return;
	}
	padlen = pad_to_int(b);
	reserve(b, DIRECT_MAXLEN);
	numlen = amount ? direct_amount(b->data + b->len, v) : direct_int(b->data + b->len, v);
	b->len += numlen;
	child(b, f, JENTRY_ISNUMERIC | (padlen + numlen));
}

static pg_attribute_always_inline void
put_int(Writer *w, Frame *f, int64 i)
{
	StringInfo	b = &w->b;
	int			padlen;
	int			numlen;

	if (unlikely(!w->direct || i < 0 || i >= DIRECT_LIMIT))
	{
		put_number(w, f, i, false);
		return;
	}
	/* the padding to a 4-byte boundary, then the Numeric */
	reserve(b, 3 + DIRECT_MAXLEN);
	memset(b->data + b->len, 0, 4);
	padlen = INTALIGN(b->len) - b->len;
	b->len += padlen;
	numlen = direct_count(b->data + b->len, i);
	b->len += numlen;
	child(b, f, JENTRY_ISNUMERIC | (padlen + numlen));
}

static void
put_amount(Writer *w, Frame *f, int64 scaled)
{
	put_number(w, f, scaled, true);
}

/* ---- the start of an object, made once ---- */

/*
 * An object's header, its keys' JEntries and its keys, as begin() and
 * put_key() write them from a 4-byte aligned start: the same bytes in every
 * document, since a key's JEntry counts from the start of the object's data.
 */
typedef struct ObjectStart
{
	int			n;				/* keys */
	int			keylen;			/* the keys' bytes */
	char	   *bytes;			/* header, 2n JEntries (the values' zero),
								 * the keys */
} ObjectStart;

/* keys[0..n) in jsonb's order; in TopMemoryContext */
static void
object_start(ObjectStart *os, const char *const *keys, int n)
{
	StringInfoData b;
	Frame		f;

	initStringInfo(&b);
	begin(&b, &f, JB_FOBJECT, n);
	for (int i = 0; i < n; i++)
		put_key(&b, &f, keys[i]);
	/* the values' JEntries, set in each document, are zero here */
	memset(b.data + f.jentries + n * sizeof(JEntry), 0, n * sizeof(JEntry));
	os->n = n;
	os->keylen = f.totallen;
	os->bytes = MemoryContextAlloc(TopMemoryContext, b.len);
	memcpy(os->bytes, b.data, b.len);
	pfree(b.data);
}

/* An object whose keys are given: begins it, writes the keys. */
static inline void
begin_object(StringInfo b, Frame *f, const ObjectStart *os)
{
	int			jentries = 2 * os->n * sizeof(JEntry);
	int			len = sizeof(uint32) + jentries + os->keylen;

	f->base = b->len;
	pad_to_int(b);
	f->jentries = b->len + sizeof(uint32);
	append(b, os->bytes, len);
	f->nchildren = 2 * os->n;
	f->i = os->n;
	f->totallen = os->keylen;
}

/* An object of fixed keys, in jsonb's order, made the first time. */
static inline const ObjectStart *
fixed_object(ObjectStart *os, const char *const *keys, int n)
{
	if (unlikely(os->bytes == NULL))
		object_start(os, keys, n);
	return os;
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

/* what a cell of a table holds */
typedef enum CellKind
{
	CELL_COUNT,					/* a count (GD_KIND_COUNT, GD_KIND_SIGNED) */
	CELL_AMOUNT,				/* yuan */
	CELL_AMOUNT_TEXT			/* 2019's amount_text of 政府集中采购 */
} CellKind;

/* Row or column keys of one table, in jsonb's order, and their object's start. */
typedef struct KeyList
{
	int			n;
	int			at[MAX_KEYS];	/* index into the label table */
	CellKind	kind[MAX_KEYS]; /* of a column */
	bool		counts;			/* every column a count */
	ObjectStart start;
} KeyList;

/* keys[0..n) in jsonb's order: an insertion sort, once per backend */
static void
key_list(KeyList *l, const char *const *keys, int n)
{
	const char *sorted[MAX_KEYS];

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
		sorted[i] = keys[l->at[i]];
	object_start(&l->start, sorted, n);
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

/* the columns of one row, sorted, with what each holds */
static void
column_keys(KeyList *l, GdTable t, int format, int row)
{
	const char *keys[MAX_KEYS] = {0};
	GdTableRow	d;
	int			ncols;

	gd_table_row(t, format, row, &d);
	ncols = d.ncols;
	for (int c = 0; c < ncols; c++)
		keys[c] = d.cols[c].key;
	if (t == GD_TABLE_ACTIVE && format == 2019 && row == GD_A_PROCUREMENT)
		keys[ncols++] = "amount_text";
	key_list(l, keys, ncols);
	l->counts = true;
	for (int j = 0; j < ncols; j++)
	{
		int			c = l->at[j];

		l->kind[j] = c == d.ncols ? CELL_AMOUNT_TEXT :
			d.cols[c].kind == GD_KIND_AMOUNT ? CELL_AMOUNT : CELL_COUNT;
		l->counts &= l->kind[j] == CELL_COUNT;
	}
}

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
			column_keys(&k->cols[row], t, format, row);
		k->ready = true;
	}
	return k;
}

/* the room a count takes at most: its padding and its Numeric */
#define COUNT_ROOM (3 + DIRECT_MAXLEN)

/*
 * The cells of a row of counts, most of a document: as put_int and child()
 * write them, with the buffer's length and the frame's fields in locals
 * (every byte written through b->data could otherwise be b->len, which the
 * compiler would reload and store for each) and room made once for the row.
 * Only for w->direct.
 */
static void
put_counts(Writer *w, Frame *cells, const KeyList *cols, const int64 *v)
{
	StringInfo	b = &w->b;
	char	   *data;
	int			len;
	int			i = cells->i;
	int			totallen = cells->totallen;

	Assert(w->direct && cols->counts);
	reserve(b, cols->n * COUNT_ROOM);
	data = b->data;
	len = b->len;
	for (int j = 0; j < cols->n; j++)
	{
		int64		x = v[cols->at[j]];
		JEntry		meta;

		if (x >= 0 && x < DIRECT_LIMIT)
		{
			int			padlen = INTALIGN(len) - len;
			int			numlen;

			memset(data + len, 0, 4);
			len += padlen;
			numlen = direct_count(data + len, x);
			len += numlen;
			meta = JENTRY_ISNUMERIC | (padlen + numlen);
		}
		else if (x == GD_NULL)
			meta = JENTRY_ISNULL;
		else
		{
			/* a negative or a large count: the general way, then room again */
			b->len = len;
			cells->i = i;
			cells->totallen = totallen;
			put_number(w, cells, x, false);
			reserve(b, (cols->n - j) * COUNT_ROOM);
			data = b->data;
			len = b->len;
			i = cells->i;
			totallen = cells->totallen;
			continue;
		}
		totallen += JBE_OFFLENFLD(meta);
		if (unlikely(totallen > JENTRY_OFFLENMASK))
			too_large();
		if ((i & (JB_OFFSET_STRIDE - 1)) == 0)
			meta = (meta & JENTRY_TYPEMASK) | totallen | JENTRY_HAS_OFF;
		memcpy(data + cells->jentries + i * sizeof(JEntry), &meta, sizeof(JEntry));
		i++;
	}
	b->len = len;
	cells->i = i;
	cells->totallen = totallen;
}

/* A table: an object of rows, each an object of its cells; null when absent. */
static void
put_table(Writer *w, Frame *doc, const GdReport *r, GdTable t)
{
	StringInfo	b = &w->b;
	int			format = gd_table_format(r, t);
	const TableKeys *k;
	Frame		o;

	if (format == 0)
	{
		put_null(b, doc);
		return;
	}
	k = table_keys(t, format);
	begin_object(b, &o, &k->rows.start);
	for (int i = 0; i < k->rows.n; i++)
	{
		int			row = k->rows.at[i];
		const int64 *v = gd_table_cells(r, t, row);
		const KeyList *cols = &k->cols[row];
		Frame		cells;

		begin_object(b, &cells, &cols->start);
		if (cols->counts && w->direct)
		{
			put_counts(w, &cells, cols, v);
			end(b, &o, &cells);
			continue;
		}
		for (int j = 0; j < cols->n; j++)
		{
			switch (cols->kind[j])
			{
				case CELL_COUNT:
					put_int(w, &cells, v[cols->at[j]]);
					break;
				case CELL_AMOUNT:
					put_amount(w, &cells, v[cols->at[j]]);
					break;
				case CELL_AMOUNT_TEXT:
					put_string(w, &cells, r->procurement_amount_text);
					break;
			}
		}
		end(b, &o, &cells);
	}
	end(b, doc, &o);
}

static void
put_sections(Writer *w, Frame *doc, const GdReport *r)
{
	static const char *const keys[] = {"no", "start", "title", "length"};
	static ObjectStart os;
	const ObjectStart *start = fixed_object(&os, keys, lengthof(keys));
	Frame		a;

	begin(&w->b, &a, JB_FARRAY, r->nsections);
	for (int i = 0; i < r->nsections; i++)
	{
		const GdSection *s = &r->sections[i];
		Frame		o;

		begin_object(&w->b, &o, start);
		put_int(w, &o, s->no);
		put_int(w, &o, s->start);
		put_string(w, &o, s->title);
		put_int(w, &o, s->length);
		end(&w->b, &a, &o);
	}
	end(&w->b, doc, &a);
}

static void
put_diagnostics(Writer *w, Frame *doc, const GdReport *r)
{
	static const char *const keys[] = {"row", "code", "start", "table", "column", "message"};
	static ObjectStart os;
	const ObjectStart *start = fixed_object(&os, keys, lengthof(keys));
	Frame		a;
	KnownStrings known;

	known.n = 0;
	for (int h = 0; h < KNOWN_SIZE; h++)
		known.e[h].s = NULL;
	begin(&w->b, &a, JB_FARRAY, r->ndiagnostics);
	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];
		Frame		o;

		begin_object(&w->b, &o, start);
		put_known(w, &o, &known, d->row);
		put_known(w, &o, &known, d->code);
		put_int(w, &o, d->start > 0 ? d->start : GD_NULL);
		put_known(w, &o, &known, d->table);
		put_known(w, &o, &known, d->column);
		put_string(w, &o, d->message);
		end(&w->b, &a, &o);
	}
	end(&w->b, doc, &a);
}

static void
put_fees(Writer *w, Frame *doc, const GdReport *r)
{
	static const char *const keys[] = {"cases", "amount_yuan"};
	static ObjectStart os;
	Frame		o;

	if (!r->fees_present)
	{
		put_null(&w->b, doc);
		return;
	}
	begin_object(&w->b, &o, fixed_object(&os, keys, lengthof(keys)));
	put_int(w, &o, r->fee_cases);
	put_amount(w, &o, r->fee_amount);
	end(&w->b, doc, &o);
}

/*
 * The document, allocated in 'cxt'; anything else it needs (a Numeric, a
 * string converted to the database's encoding) in the current context.
 */
Jsonb *
govdisc_report_to_jsonb(const GdReport *r, MemoryContext cxt)
{
	/* in jsonb's key order */
	static const char *const keys[] = {"year", "active", "agency", "review", "schema",
		"requests", "sections", "template", "published", "diagnostics", "processing_fees"};
	static ObjectStart os;
	/* the last document's size: most documents of a table are alike */
	static int	last_len = 8192;
	const ObjectStart *start = fixed_object(&os, keys, lengthof(keys));
	Writer		w;
	StringInfo	b = &w.b;
	Frame		doc;
	Jsonb	   *res;

	w.utf8 = GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII;
	w.direct = direct_ok();
	b->maxlen = last_len + last_len / 8;
	b->data = MemoryContextAlloc(cxt, b->maxlen);
	b->len = VARHDRSZ;			/* room for the varlena header */
	b->cursor = 0;
	/* (the root object's own JEntry, which it would get from end(), is kept nowhere) */
	begin_object(b, &doc, start);
	put_int(&w, &doc, r->year ? r->year : GD_NULL);
	put_table(&w, &doc, r, GD_TABLE_ACTIVE);
	put_string(&w, &doc, r->agency);
	put_table(&w, &doc, r, GD_TABLE_REVIEW);
	put_int(&w, &doc, 1);
	put_table(&w, &doc, r, GD_TABLE_REQUESTS);
	put_sections(&w, &doc, r);
	put_string(&w, &doc, gd_template_name(r->template_));
	put_string(&w, &doc, r->published[0] ? r->published : NULL);
	put_diagnostics(&w, &doc, r);
	put_fees(&w, &doc, r);
	Assert(doc.i == doc.nchildren);
	res = (Jsonb *) b->data;
	SET_VARSIZE(res, b->len);
	last_len = Max(b->len, 1024);
	return res;
}
