/*
 * render.c
 *		A parsed report laid out again as the standard template prints its
 *		three tables: as Word-copied text, as Markdown or as HTML.
 *
 * Each table is first built as a grid of cells with rowspan and colspan,
 * exactly as the template merges them; the three output formats are three
 * ways of writing that grid down:
 *	- text: what copying the Word table gives, one cell per line indented by
 *	  a tab, a blank line after each row; a merged cell appears once, and in
 *	  the rows below a vertically merged cell an empty cell stands for it;
 *	- markdown: every grid position is a cell, merged ones left empty;
 *	- html: <td> with rowspan/colspan.
 * These are layouts the parser reads, so parsing the output gives back the
 * tables.  All labels come from labels.c, except the template's fixed
 * headings, which have no key.
 */
#include <stdio.h>
#include <string.h>

#include "govdisc.h"

#define MAXROWS 40
#define MAXCOLS 16

typedef struct GridCell
{
	const char *text;			/* "" for an empty cell */
	int			rowspan;
	int			colspan;
} GridCell;

typedef struct Grid
{
	int			nrows;
	int			ncols;
	/* the cell placed at a position, or whose span covers it; -1: none */
	int			owner[MAXROWS][MAXCOLS];
	int			ncells;
	GridCell	cells[MAXROWS * MAXCOLS];
	int			cellrow[MAXROWS * MAXCOLS];
	int			cellcol[MAXROWS * MAXCOLS];
} Grid;

typedef struct Buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	const GdAllocator *a;
} Buf;

/* The template's fixed headings (no key of the document names them). */
static const char *const article_heading[] = {
	"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
	"第二十条第（八）项", "第二十条第（九）项"
};
static const char info_content[] = "信息内容";
static const char requests_caption[] =
"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
static const char applicants[] = "申请人情况";
static const char organisations[] = "法人或其他组织";

/* ---- output buffer ---- */

static void
buf_reserve(Buf *b, size_t more)
{
	char	   *n;
	size_t		cap;

	if (b->len + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 1024;
	while (cap < b->len + more + 1)
		cap *= 2;
	n = b->a->alloc(b->a->ctx, cap);
	if (b->len)
		memcpy(n, b->data, b->len);
	if (b->data && b->a->release)
		b->a->release(b->a->ctx, b->data);
	b->data = n;
	b->cap = cap;
}

static void
buf_putn(Buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
buf_puts(Buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

/* HTML: the five characters that must not appear raw in text or attributes */
static void
buf_put_html(Buf *b, const char *s)
{
	for (; *s; s++)
	{
		switch (*s)
		{
			case '&':
				buf_puts(b, "&amp;");
				break;
			case '<':
				buf_puts(b, "&lt;");
				break;
			case '>':
				buf_puts(b, "&gt;");
				break;
			case '"':
				buf_puts(b, "&quot;");
				break;
			case '\'':
				buf_puts(b, "&#39;");
				break;
			default:
				buf_putn(b, s, 1);
		}
	}
}

/* Markdown cell: a | would end the cell, a line break the row */
static void
buf_put_markdown(Buf *b, const char *s)
{
	for (; *s; s++)
	{
		if (*s == '|')
			buf_puts(b, "\\|");
		else if (*s == '\n' || *s == '\r')
			buf_puts(b, " ");
		else
			buf_putn(b, s, 1);
	}
}

/* Text cell: a line break inside a cell would read as the next cell */
static void
buf_put_oneline(Buf *b, const char *s)
{
	for (; *s; s++)
	{
		if (*s == '\n' || *s == '\r' || *s == '\t')
			buf_puts(b, " ");
		else
			buf_putn(b, s, 1);
	}
}

/* ---- values ---- */

static char *
dupstr(const GdAllocator *a, const char *s)
{
	size_t		n = strlen(s);
	char	   *d = a->alloc(a->ctx, n + 1);

	memcpy(d, s, n + 1);
	return d;
}

static const char *
count_text(const GdAllocator *a, int64_t v)
{
	char		buf[32];

	if (v == GD_NULL)
		return "";
	snprintf(buf, sizeof(buf), "%lld", (long long) v);
	return dupstr(a, buf);
}

/*
 * A scaled amount (GD_AMOUNT_SCALE units) in 万元, as the 2021 表二 prints
 * 本年收费金额: exact, trailing zeros of the fraction dropped.
 */
static const char *
wan_text(const GdAllocator *a, int64_t scaled)
{
	const uint64_t per_wan = (uint64_t) GD_AMOUNT_SCALE * 10000;
	char		buf[48];
	uint64_t	mag;
	uint64_t	frac;
	int			n;

	if (scaled == GD_NULL)
		return "";
	mag = scaled < 0 ? (uint64_t) (-(scaled + 1)) + 1 : (uint64_t) scaled;
	frac = mag % per_wan;
	n = snprintf(buf, sizeof(buf), "%s%llu", scaled < 0 ? "-" : "",
				 (unsigned long long) (mag / per_wan));
	if (frac)
	{
		n += snprintf(buf + n, sizeof(buf) - n, ".%08llu", (unsigned long long) frac);
		while (buf[n - 1] == '0')
			buf[--n] = '\0';
	}
	return dupstr(a, buf);
}

static const char *
yuan_text(const GdAllocator *a, int64_t scaled)
{
	char		buf[32];

	if (scaled == GD_NULL)
		return "";
	gd_amount_format(scaled, buf);
	return dupstr(a, buf);
}

/*
 * A plain decimal number ("329164", "299.025") as scaled yuan; false for
 * anything else (a unit, a thousands separator, nothing at all).
 */
static bool
plain_number(const char *s, int64_t *scaled)
{
	int64_t		whole = 0;
	int64_t		frac = 0;
	int			nfrac = 0;
	bool		digits = false;

	for (; *s >= '0' && *s <= '9'; s++)
	{
		if (whole > (INT64_MAX / 10 - 9) / GD_AMOUNT_SCALE)
			return false;
		whole = whole * 10 + (*s - '0');
		digits = true;
	}
	if (*s == '.')
	{
		for (s++; *s >= '0' && *s <= '9'; s++)
		{
			if (nfrac == 4)
				return false;	/* finer than the scale: not ours to judge */
			frac = frac * 10 + (*s - '0');
			nfrac++;
			digits = true;
		}
	}
	if (*s != '\0' || !digits)
		return false;
	while (nfrac++ < 4)
		frac *= 10;
	*scaled = whole * GD_AMOUNT_SCALE + frac;
	return true;
}

/*
 * 2019 表二 政府集中采购 采购总金额: the cell as printed when it says its
 * unit; otherwise the unit goes into the header, as reports do, so that
 * reading the table back gives the same amount.
 */
static void
procurement_amount(const GdAllocator *a, const GdReport *r,
				   const char **header, const char **cell)
{
	const char *printed = r->procurement_amount_text;
	int64_t		yuan = r->active[GD_A_PROCUREMENT][1];
	int64_t		n;

	*header = gd_active_row_def(2019, GD_A_PROCUREMENT)->cols[1].label;
	*cell = "";
	if (printed && (strstr(printed, "元") || strstr(printed, "万")))
		*cell = printed;
	else if (printed && yuan == GD_NULL)
		*cell = printed;		/* no unit anywhere: it stays unknown */
	else if (printed && plain_number(printed, &n) && n == yuan)
	{
		*header = "采购总金额（元）";
		*cell = printed;
	}
	else if (printed && plain_number(printed, &n) &&
			 n <= INT64_MAX / 10000 && n * 10000 == yuan)
	{
		*header = "采购总金额（万元）";
		*cell = printed;
	}
	else if (yuan != GD_NULL)
	{
		*header = "采购总金额（元）";
		*cell = yuan_text(a, yuan);
	}
}

/* ---- the grid ---- */

static void
grid_init(Grid *g, int ncols)
{
	memset(g, 0, sizeof(*g));
	g->ncols = ncols;
	for (int r = 0; r < MAXROWS; r++)
		for (int c = 0; c < MAXCOLS; c++)
			g->owner[r][c] = -1;
}

static void
grid_row(Grid *g)
{
	g->nrows++;
}

/* Places a cell at the first free position of the current row. */
static void
grid_cell(Grid *g, const char *text, int colspan, int rowspan)
{
	int			row = g->nrows - 1;
	int			col = 0;
	int			id = g->ncells++;

	while (col < g->ncols && g->owner[row][col] >= 0)
		col++;
	if (col + colspan > g->ncols)
		colspan = g->ncols - col;	/* cannot happen with the layouts below */
	g->cells[id].text = text;
	g->cells[id].rowspan = rowspan;
	g->cells[id].colspan = colspan;
	g->cellrow[id] = row;
	g->cellcol[id] = col;
	for (int r = row; r < row + rowspan && r < MAXROWS; r++)
		for (int c = col; c < col + colspan; c++)
			g->owner[r][c] = id;
}

static void
emit_text(Buf *b, const Grid *g)
{
	for (int r = 0; r < g->nrows; r++)
	{
		for (int c = 0; c < g->ncols; c++)
		{
			int			id = g->owner[r][c];

			if (id < 0)
				continue;
			if (g->cellrow[id] == r && g->cellcol[id] == c)
			{
				buf_puts(b, "\t");
				buf_put_oneline(b, g->cells[id].text);
				buf_puts(b, "\n");
			}
			else if (g->cellrow[id] < r && g->cellcol[id] == c)
				buf_puts(b, "\t\n");	/* under a vertically merged cell */
		}
		buf_puts(b, "\n");
	}
}

static void
emit_markdown(Buf *b, const Grid *g)
{
	for (int r = 0; r < g->nrows; r++)
	{
		for (int c = 0; c < g->ncols; c++)
		{
			int			id = g->owner[r][c];

			buf_puts(b, "| ");
			if (id >= 0 && g->cellrow[id] == r && g->cellcol[id] == c)
				buf_put_markdown(b, g->cells[id].text);
			buf_puts(b, " ");
		}
		buf_puts(b, "|\n");
		if (r == 0)
		{
			for (int c = 0; c < g->ncols; c++)
				buf_puts(b, "|---");
			buf_puts(b, "|\n");
		}
	}
}

static void
emit_html(Buf *b, const Grid *g)
{
	char		attr[48];

	buf_puts(b, "<table border=\"1\">\n");
	for (int r = 0; r < g->nrows; r++)
	{
		buf_puts(b, "<tr>");
		for (int c = 0; c < g->ncols; c++)
		{
			int			id = g->owner[r][c];
			const GridCell *cell;

			if (id < 0 || g->cellrow[id] != r || g->cellcol[id] != c)
				continue;
			cell = &g->cells[id];
			buf_puts(b, "<td");
			if (cell->rowspan > 1)
			{
				snprintf(attr, sizeof(attr), " rowspan=\"%d\"", cell->rowspan);
				buf_puts(b, attr);
			}
			if (cell->colspan > 1)
			{
				snprintf(attr, sizeof(attr), " colspan=\"%d\"", cell->colspan);
				buf_puts(b, attr);
			}
			buf_puts(b, ">");
			buf_put_html(b, cell->text);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</table>\n");
}

static void
emit_grid(Buf *b, const Grid *g, GdRenderFormat fmt)
{
	switch (fmt)
	{
		case GD_RENDER_TEXT:
			emit_text(b, g);
			break;
		case GD_RENDER_MARKDOWN:
			emit_markdown(b, g);
			break;
		case GD_RENDER_HTML:
			emit_html(b, g);
			break;
	}
}

/* ---- the three tables ---- */

/*
 * 表二: one four-column table of sub-tables, each headed by its article of
 * 第二十条, a header row and its rows; a sub-table with fewer columns
 * stretches its last cell over the rest, as the template does.
 */
static void
build_active(Grid *g, const GdReport *r, const GdAllocator *a)
{
	static const int groups2019[][3] = {
		{0, GD_A_RULES, GD_A_NORMATIVE},
		{1, GD_A_LICENSING, GD_A_OTHER_SERVICES},
		{2, GD_A_PENALTIES, GD_A_COERCION},
		{3, GD_A_FEES, GD_A_FEES},
		{4, GD_A_PROCUREMENT, GD_A_PROCUREMENT},
	};
	static const int groups2021[][3] = {
		{0, GD_A_RULES, GD_A_NORMATIVE},
		{1, GD_A_LICENSING, GD_A_LICENSING},
		{2, GD_A_PENALTIES, GD_A_COERCION},
		{3, GD_A_FEES, GD_A_FEES},
	};
	int			format = r->active_format;
	const int	(*groups)[3] = format == 2021 ? groups2021 : groups2019;
	int			ngroups = format == 2021 ? 4 : 5;

	grid_init(g, 4);
	for (int i = 0; i < ngroups; i++)
	{
		const GdActiveRowDef *first = gd_active_row_def(format, groups[i][1]);
		int			ncols = first->ncols;
		const char *amount_header = NULL;
		const char *amount_cell = NULL;

		if (format == 2019 && groups[i][1] == GD_A_PROCUREMENT)
			procurement_amount(a, r, &amount_header, &amount_cell);

		grid_row(g);
		grid_cell(g, article_heading[groups[i][0]], 4, 1);
		grid_row(g);
		grid_cell(g, info_content, 1, 1);
		for (int c = 0; c < ncols; c++)
		{
			const char *h = first->cols[c].label;

			if (amount_header && c == 1)
				h = amount_header;
			grid_cell(g, h, c == ncols - 1 ? 4 - ncols : 1, 1);
		}
		for (int row = groups[i][1]; row <= groups[i][2]; row++)
		{
			const GdActiveRowDef *def = gd_active_row_def(format, row);

			grid_row(g);
			grid_cell(g, def->label, 1, 1);
			for (int c = 0; c < def->ncols; c++)
			{
				int64_t		v = r->active[row][c];
				const char *t;

				if (amount_cell && c == 1)
					t = amount_cell;
				else if (def->cols[c].kind == GD_KIND_AMOUNT)
					t = wan_text(a, v); /* 2021 fees: 万元 by the header */
				else
					t = count_text(a, v);
				grid_cell(g, t, c == def->ncols - 1 ? 4 - def->ncols : 1, 1);
			}
		}
	}
}

/* 表三 rows under 三、本年度办理结果 stand in its first column */
static bool
under_results(int row)
{
	return row >= GD_R_GRANTED && row <= GD_R_TOTAL;
}

/* the sub-heading ((三) 不予公开 …) a 表三 row stands under, or NULL */
static const char *
request_subgroup(int row)
{
	const char *outer = gd_request_rows[GD_R_GRANTED].group;
	const char *g = gd_request_rows[row].group;

	if (g == NULL || strcmp(g, outer) == 0)
		return NULL;
	return g;
}

/*
 * 表三: ten columns, three of labels and seven of applicants; the caption
 * spans the three header rows, 三、本年度办理结果 and the sub-headings
 * span their rows.
 */
static void
build_requests(Grid *g, const GdReport *r, const GdAllocator *a)
{
	int			format = r->requests_format;
	int			rows[GD_R_NROWS];
	int			nrows = 0;
	int			nresults = 0;

	for (int row = 0; row < GD_R_NROWS; row++)
		if (gd_request_row_in_format(row, format))
		{
			rows[nrows++] = row;
			if (under_results(row))
				nresults++;
		}

	grid_init(g, 10);
	grid_row(g);
	grid_cell(g, requests_caption, 3, 3);
	grid_cell(g, applicants, 7, 1);
	grid_row(g);
	grid_cell(g, gd_request_cols[GD_C_NATURAL_PERSON].label, 1, 2);
	grid_cell(g, organisations, 5, 1);
	grid_cell(g, gd_request_cols[GD_C_TOTAL].label, 1, 2);
	grid_row(g);
	for (int c = GD_C_ENTERPRISE; c <= GD_C_OTHER_ORG; c++)
		grid_cell(g, gd_request_cols[c].label, 1, 1);

	for (int i = 0; i < nrows; i++)
	{
		int			row = rows[i];
		const char *sub = request_subgroup(row);

		grid_row(g);
		if (!under_results(row))
			grid_cell(g, gd_request_rows[row].label, 3, 1);
		else
		{
			if (row == GD_R_GRANTED)
				grid_cell(g, gd_request_rows[row].group, 1, nresults);
			if (sub == NULL)
				grid_cell(g, gd_request_rows[row].label, 2, 1);
			else
			{
				/* the sub-heading, once, over its consecutive rows */
				if (i == 0 || request_subgroup(rows[i - 1]) == NULL ||
					strcmp(request_subgroup(rows[i - 1]), sub) != 0)
				{
					int			span = 0;

					for (int j = i; j < nrows && request_subgroup(rows[j]) &&
						 strcmp(request_subgroup(rows[j]), sub) == 0; j++)
						span++;
					grid_cell(g, sub, 1, span);
				}
				grid_cell(g, gd_request_rows[row].label, 1, 1);
			}
		}
		for (int c = 0; c < GD_C_NCOLS; c++)
			grid_cell(g, count_text(a, r->requests[row][c]), 1, 1);
	}
}

/*
 * 表四: 行政复议 and 行政诉讼 over the first header row; under 行政复议 its
 * five results span the next two rows, under 行政诉讼 its two kinds, each
 * over its five results; then the one row of figures.
 */
static void
build_review(Grid *g, const GdReport *r, const GdAllocator *a)
{
	grid_init(g, 15);
	grid_row(g);
	grid_cell(g, gd_review_rows[GD_V_RECONSIDERATION].label, 5, 1);
	grid_cell(g, gd_review_rows[GD_V_LITIGATION_DIRECT].group, 10, 1);
	grid_row(g);
	for (int c = 0; c < GD_VC_NCOLS; c++)
		grid_cell(g, gd_review_cols[c].label, 1, 2);
	grid_cell(g, gd_review_rows[GD_V_LITIGATION_DIRECT].label, 5, 1);
	grid_cell(g, gd_review_rows[GD_V_LITIGATION_AFTER].label, 5, 1);
	grid_row(g);
	for (int row = GD_V_LITIGATION_DIRECT; row <= GD_V_LITIGATION_AFTER; row++)
		for (int c = 0; c < GD_VC_NCOLS; c++)
			grid_cell(g, gd_review_cols[c].label, 1, 1);
	grid_row(g);
	for (int row = 0; row < GD_V_NROWS; row++)
		for (int c = 0; c < GD_VC_NCOLS; c++)
			grid_cell(g, count_text(a, r->review[row][c]), 1, 1);
}

/* ---- the document ---- */

static void (*const build_table[GD_NTABLES]) (Grid *g, const GdReport *r,
											  const GdAllocator *a) = {
	[GD_TABLE_ACTIVE] = build_active,
	[GD_TABLE_REQUESTS] = build_requests,
	[GD_TABLE_REVIEW] = build_review,
};

static void
emit_line(Buf *b, GdRenderFormat fmt, const char *text, int level)
{
	switch (fmt)
	{
		case GD_RENDER_TEXT:
			buf_put_oneline(b, text);
			buf_puts(b, "\n\n");
			break;
		case GD_RENDER_MARKDOWN:
			buf_puts(b, level == 1 ? "# " : level == 2 ? "## " : "");
			buf_put_oneline(b, text);
			buf_puts(b, "\n\n");
			break;
		case GD_RENDER_HTML:
			buf_puts(b, level == 1 ? "<h1>" : level == 2 ? "<h2>" : "<p>");
			buf_put_html(b, text);
			buf_puts(b, level == 1 ? "</h1>\n" : level == 2 ? "</h2>\n" : "</p>\n");
			break;
	}
}

static void
emit_table(Buf *b, const Grid *g, GdRenderFormat fmt)
{
	emit_grid(b, g, fmt);
	if (fmt != GD_RENDER_HTML)
		buf_puts(b, "\n");
}

char *
gd_render(const GdReport *r, GdRenderFormat fmt, const GdAllocator *a,
		  size_t *len_out)
{
	Buf			b = {NULL, 0, 0, a};
	Grid	   *g = a->alloc(a->ctx, sizeof(Grid));
	char		title[64];
	char		heading[160];
	Buf			t = {NULL, 0, 0, a};

	/* title: agency and year as reports print them */
	if (r->agency)
		buf_puts(&t, r->agency);
	if (r->year > 0)
	{
		snprintf(title, sizeof(title), "%d年", r->year);
		buf_puts(&t, title);
	}
	buf_puts(&t, "政府信息公开工作年度报告");

	if (fmt == GD_RENDER_HTML)
	{
		buf_puts(&b, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
		buf_put_html(&b, t.data);
		buf_puts(&b, "</title>\n</head>\n<body>\n");
	}
	emit_line(&b, fmt, t.data, 1);

	/* each table under the heading of its part, when the report has it */
	for (int k = 0; k < GD_NTABLES; k++)
	{
		int			part = gd_tables[k].section;

		snprintf(heading, sizeof(heading), "%s、%s", gd_section_numerals[part - 1],
				 gd_section_titles[part - 1]);
		emit_line(&b, fmt, heading, 2);
		if (gd_table_format(r, k) != 0)
		{
			build_table[k] (g, r, a);
			emit_table(&b, g, fmt);
		}
	}

	/* the date that closes a report is its publication date */
	if (r->published[0])
	{
		int			y,
					m,
					d;

		if (sscanf(r->published, "%4d-%2d-%2d", &y, &m, &d) == 3)
		{
			snprintf(title, sizeof(title), "%d年%d月%d日", y, m, d);
			emit_line(&b, fmt, title, 0);
		}
	}
	if (fmt == GD_RENDER_HTML)
		buf_puts(&b, "</body>\n</html>\n");

	if (t.data && a->release)
		a->release(a->ctx, t.data);
	if (a->release)
		a->release(a->ctx, g);
	*len_out = b.len;
	return b.data;
}
