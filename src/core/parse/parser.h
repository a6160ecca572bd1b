/*
 * parser.h
 *		Internal interfaces of the parser: the normalised text, its tokens,
 *		diagnostics and small string helpers.  Core only (no PostgreSQL).
 */
#ifndef GOVDISC_PARSER_H
#define GOVDISC_PARSER_H

#include "govdisc.h"

#if defined(__GNUC__)
#define GD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GD_PRINTF(f, a)
#endif

/* A checkpoint of the map from normalised byte offsets to input characters. */
typedef struct GdCheckpoint
{
	size_t		norm;			/* byte offset in the normalised text */
	int64_t		orig;			/* 0-based character index in the input */
} GdCheckpoint;

typedef struct GdText
{
	char	   *s;				/* normalised UTF-8, NUL-terminated */
	size_t		len;
	GdCheckpoint *cps;
	size_t		ncps;
	int64_t		orig_chars;		/* characters in the input */
} GdText;

/* Figures the prose states for one column (meta.c), e.g. 现行有效…698件 */
typedef struct GdStated
{
	int			n;
	int64_t		v[8];
} GdStated;

/* The parser's working state, shared by its files. */
typedef struct GdParser
{
	const GdAllocator *a;
	GdText		t;
	GdReport   *r;
	size_t		sec_off[7];		/* normalised offsets of sections 1..6, 0 = absent */
	bool		runtogether;	/* the tables' cells run together (规章000) */
	int64_t    *split_scratch;	/* candidates of a split, reused (split.c) */
	char	   *compact_pool;	/* room for tokens' compact forms (cells.c) */
	size_t		compact_left;
	GdStated	stated[GD_A_NCOLS];	/* 2021 表二: issued, repealed, in_force */

	/*
	 * Where a figure of the prose may be stated (meta.c): the offsets, in
	 * order, of the characters that may start one of its trigger words.
	 * gd_normalize notes them as it writes the text, so that the prose needs
	 * no pass of its own.
	 */
	uint32_t	trigger_mid[64];	/* triggers by a character's second byte */
	uint32_t	trigger_last[64];	/* ... and by its third */
	size_t	   *trigger_at;
	size_t		ntrigger_at;
	size_t		captrigger_at;
} GdParser;

/* May the three bytes at s start a trigger?  (a bit per trigger) */
static inline uint32_t
gd_trigger_bits(const GdParser *p, const char *s)
{
	if ((unsigned) ((unsigned char) s[0] - 0xE4) >= 6)
		return 0;
	return p->trigger_mid[s[1] & 0x3F] & p->trigger_last[s[2] & 0x3F];
}

extern void gd_normalize(GdParser *p, const char *in, size_t len);
/* 1-based character position in the input of a normalised byte offset */
extern int64_t gd_position(const GdText *t, size_t norm_off);

/* fills in trigger_mid and trigger_last (meta.c) */
extern void gd_trigger_tables(GdParser *p);

/* memory */
extern void *gd_alloc(GdParser *p, size_t size);
extern void *gd_grow(GdParser *p, void *old, size_t oldsize, size_t newsize);
extern char *gd_strndup(GdParser *p, const char *s, size_t n);
extern void gd_tick(GdParser *p);

/* diagnostics (diagnostics.c) */
extern void gd_diag(GdParser *p, const char *code, const char *table,
					const char *row, const char *column, size_t norm_off,
					const char *fmt,...) GD_PRINTF(7, 8);

/* UTF-8 helpers (normalize.c) */
extern uint32_t gd_utf8_decode(const char *s, size_t len, size_t *i);

/*
 * Decodes the character at *i and advances; invalid bytes give U+FFFD.
 * ASCII and the three-byte characters of Chinese text are decoded here,
 * inline; the rest by gd_utf8_decode.
 */
static inline uint32_t
gd_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *) s + *i;

	if (u[0] < 0x80)
	{
		*i += 1;
		return u[0];
	}
	/* leads E1..EC: no overlong form and no surrogate to rule out */
	if (u[0] >= 0xE1 && u[0] <= 0xEC && *i + 2 < len &&
		(u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
	{
		*i += 3;
		return ((uint32_t) (u[0] & 0x0F) << 12) | ((uint32_t) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	}
	return gd_utf8_decode(s, len, i);
}
/* n, or less so that s[0..result) ends on a whole character, at most max bytes */
extern size_t gd_clip(const char *s, size_t n, size_t max);

/*
 * A "compact" form of a label: white space and quotes removed, so that
 * 规    章 equals 规章 (full-width forms are already folded by NFKC).  Writes
 * into buf (NUL-terminated, truncated to bufsize; NULL only counts) and
 * returns its length.
 */
extern size_t gd_compact(const char *s, size_t n, char *buf, size_t bufsize);
#define GD_COMPACT_TAIL 600
extern bool gd_contains(const char *hay, const char *needle);

/*
 * The characters a text holds, as a 256-bit hash set: a label matcher
 * tries many phrases against one text, and most phrases have a character
 * the text lacks.  gd_has is gd_contains, without the search when the set
 * already rules the phrase out.
 */
typedef struct GdCharSet
{
	uint64_t	w[4];
} GdCharSet;

extern void gd_charset(GdCharSet *cs, const char *s);
/* gd_compact that also gives the gd_charset of what it writes */
extern size_t gd_compact_charset(const char *s, size_t n, char *buf, size_t bufsize,
								 GdCharSet *cs);
extern bool gd_has(const char *hay, const GdCharSet *cs, const char *needle);

/* May a text of set 'hay' contain one of set 'needle'? */
static inline bool
gd_charset_covers(const GdCharSet *hay, const GdCharSet *needle)
{
	return ((needle->w[0] & ~hay->w[0]) | (needle->w[1] & ~hay->w[1]) |
			(needle->w[2] & ~hay->w[2]) | (needle->w[3] & ~hay->w[3])) == 0;
}

/*
 * A phrase that a matcher tries against many texts, with its length and
 * gd_charset made once (gd_phrases, on first use: per process).
 */
typedef struct GdPhrase
{
	const char *s;
	size_t		len;
	GdCharSet	cs;
} GdPhrase;

extern void gd_phrases(GdPhrase *ph, int n);

/* gd_has of a phrase */
static inline bool
gd_has_phrase(const char *hay, const GdCharSet *cs, const GdPhrase *ph)
{
	return gd_charset_covers(cs, &ph->cs) && gd_contains(hay, ph->s);
}

extern const char *gd_strip_numbering(const char *s);

/* ---- tokens (cells.c) ---- */
typedef enum GdTokKind
{
	GD_TK_TEXT,					/* a label, a header or other words */
	GD_TK_VALUE,				/* a number, a blank cell or a placeholder */
	GD_TK_ROWEND				/* the layout says a table row ends here */
} GdTokKind;

typedef struct GdToken
{
	size_t		off;			/* span in the normalised text */
	uint32_t	len;
	uint8_t		kind;
	bool		cell;			/* an explicit cell (Word, pipe, HTML, Markdown) */
	bool		glued;			/* a value that follows its label with no space */
	bool		soft;			/* ROWEND: only the end of a plain line */
	bool		alone;			/* a value alone on its line (pdftotext raw) */
	int32_t		col;			/* column of its first character in its line */
	char	   *compact;		/* gd_token_compact's result, once asked for */
	uint32_t	compact_len;
	GdCharSet  *cs;				/* the characters of compact, with it */
} GdToken;

typedef struct GdTokens
{
	GdToken    *v;
	size_t		n;
	size_t		cap;
	bool		truncated;		/* the region was too large to read whole */
	size_t		free_values;	/* values of free text (no cells), and of */
	size_t		alone_values;	/* those, the ones alone on their line */
} GdTokens;

/* Tokens of the normalised text between two offsets. */
extern void gd_tokenize(GdParser *p, size_t from, size_t to, GdTokens *out);
/* Matching a token against a table's labels: fn returns a row or -1. */
/* cs holds (at least) the characters of compact */
typedef int (*GdMatchFn) (const char *compact, const GdCharSet *cs, void *arg);
extern int	gd_match_token(GdParser *p, const GdToken *t, GdMatchFn fn, void *arg);

/*
 * The compact text of a token (see gd_compact), of its last 600 bytes for a
 * long one: a label ends a text if anywhere.  Computed once, then kept.
 */
extern const char *gd_token_compact(GdParser *p, const GdToken *t);

/* ---- cell values (values.c) ---- */
typedef enum GdUnit
{
	GD_UNIT_NONE,
	GD_UNIT_COUNT,				/* 个 件 条 …: a count */
	GD_UNIT_YUAN,
	GD_UNIT_WAN					/* 万元 */
} GdUnit;

typedef enum GdCellStatus
{
	GD_CELL_OK,
	GD_CELL_BLANK,
	GD_CELL_PLACEHOLDER,		/* / - — 无 */
	GD_CELL_TEXT,				/* not a number */
	GD_CELL_TOO_LONG			/* more digits than any real figure */
} GdCellStatus;

typedef struct GdNumber
{
	bool		has_sign;
	bool		negative;
	bool		has_point;
	bool		inexact;		/* a digit after the 8th decimal that is not 0 */
	uint64_t	int_part;
	uint32_t	frac;			/* the decimals, times 10^8 */
	int			int_digits;
	int			frac_digits;
	GdUnit		unit;
} GdNumber;

extern GdCellStatus gd_read_number(const char *s, size_t n, GdNumber *num);
extern bool gd_number_count(const GdNumber *num, int64_t *v);
extern bool gd_number_amount(const GdNumber *num, GdUnit default_unit, int64_t *v);
/* Has an amount more decimals than GD_AMOUNT_SCALE holds (万元: 8, 元: 4)? */
extern bool gd_number_too_precise(const GdNumber *num, GdUnit default_unit);

/* ---- the stages of a parse ---- */
/* sections.c */
extern void gd_find_sections(GdParser *p);
extern bool gd_table_region(GdParser *p, int no, size_t *from, size_t *to);

/* rows.c: reading a row's cells after its label */
typedef bool (*GdIsLabel) (GdParser *p, const GdToken *t, void *arg);

typedef struct GdRowCells
{
	int			n;				/* value tokens found */
	const GdToken *tok[16];
} GdRowCells;

extern size_t gd_collect_row(GdParser *p, const GdTokens *ts, size_t i, int k,
							 GdRowCells *rc, GdIsLabel is_label, void *arg);
extern int64_t gd_cell_value(GdParser *p, const GdToken *t, GdValueKind kind,
							 GdUnit unit, const char *table, const char *row,
							 const char *column);
extern bool gd_runtogether(const GdParser *p, const GdRowCells *rc, int k, size_t *off,
						   size_t *len);

/* rows.c: columns of pdftotext -layout tables, from their complete rows */
typedef struct GdColumns
{
	int			k;				/* columns */
	int			nrows;			/* complete rows seen */
	size_t		off[32];		/* where each complete row stands */
	int			end[32][16];	/* where each of its figures ends */
} GdColumns;

extern void gd_columns_learn(GdColumns *c, const GdParser *p, const GdRowCells *rc);
extern bool gd_columns_place(const GdColumns *c, const GdParser *p, const GdRowCells *rc,
							 int *place);
extern void gd_detect_runtogether(GdParser *p);

/* vertical.c: pdftotext without -layout, a value a line, in template order */
extern bool gd_vertical_layout(const GdTokens *ts);
extern bool gd_vertical_rows(GdParser *p, const GdTokens *ts, const int *rows, int nrows,
							 const int *ncols, bool column_major_ok,
							 void (*store) (GdParser *p, int row, const GdToken **cells, void *arg),
							 void *arg, const char *table);

/* split.c: cells run together with no separator */
#define GD_MAX_CANDIDATES 4096
extern size_t gd_split_text(const char *s, size_t n, char *buf, size_t bufsize);
extern int64_t *gd_split_scratch(GdParser *p);
extern int64_t *gd_keep_candidates(GdParser *p, const int64_t *cands, int n, int k);
extern int	gd_split(const char *d, size_t n, int k, unsigned sign_mask, int64_t *out, int max);
extern int	gd_filter_candidates(int64_t *cands, int ncand, int k,
								 bool (*keep) (const int64_t *v, void *arg), void *arg);

/* table2.c, table3.c, table4.c, meta.c */
extern void gd_read_active(GdParser *p);
extern void gd_read_requests(GdParser *p);
extern void gd_read_review(GdParser *p);
extern void gd_read_meta(GdParser *p);
extern void gd_read_prose(GdParser *p);

#endif							/* GOVDISC_PARSER_H */
