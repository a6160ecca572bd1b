/*
 * semantic_fuzzer.c
 *		The semantic fuzzer: random reports whose every cell is known, rendered
 *		in every layout family the parser must read, damaged the ways real text
 *		is damaged, parsed with gd_parse and judged cell by cell.  A cell is
 *		right when it is the printed value, "ambiguous" when it is null (with
 *		or without a diagnostic naming it; the two are counted apart), and
 *		WRONG when it is a number other than the printed one: the trust rule
 *		of the parser (docs/semantic-fuzzer.md) allows a null, never a guess.
 *
 *		The reports come from the project's own generator, tools/gen_reports.c,
 *		included here as a library (GEN_REPORTS_NO_MAIN): its figures satisfy
 *		the sums (表三 row sums, results_sum, the balance, 表四 group totals)
 *		unless a --break flag breaks one on purpose.  The layouts the generator
 *		does not write (plain pdftotext, the issue-14 families) and every
 *		damage are made here, on the generator's grid or its rendered text.
 *
 *		Damage that can destroy a cell boundary (separators dropped, cells run
 *		together) is only applied to reports whose printed figures add up, so
 *		the printed figures are always one reading the sums allow: a parser
 *		that returns another number guessed.
 *
 *		semantic_fuzzer [--seed N] [--cases N] [--skip NAME,...] [--save DIR]
 *						[--show N] [--case I --print]
 *		semantic_fuzzer --replay DIR
 *		--skip leaves out layouts or damages by name; --save writes each input
 *		with a wrong cell as DIR/NAME.txt with its truth NAME.expect (what
 *		--replay and test/core judge again); --print writes case I's text.
 *		The last line is "N cases, W wrong cells, A ambiguous cells"; with
 *		--tap a line "P passed, F failed" comes before it for test/run-tests.sh:
 *		the layout and damage pairs met without / with a wrong cell (with
 *		--replay: the inputs).  Exit status 1 on a wrong cell.
 */
#define GEN_REPORTS_NO_MAIN
#include "../../tools/gen_reports.c"

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>

#include "govdisc.h"

/* ------------------------------------------------------------------------
 * A bump arena for the core: one parse, then everything goes at once
 * ------------------------------------------------------------------------ */

typedef struct Arena
{
	char	  **chunks;
	int			n,
				max;
	char	   *cur;
	size_t		left;
} Arena;

static void *
arena_alloc(void *ctx, size_t size)
{
	Arena	   *a = ctx;
	void	   *p;

	size = (size + 15) & ~(size_t) 15;
	if (size > a->left)
	{
		size_t		cap = size > (1 << 20) ? size : (1 << 20);

		if (a->n == a->max)
		{
			a->max = a->max ? a->max * 2 : 16;
			a->chunks = realloc(a->chunks, a->max * sizeof(char *));
		}
		a->cur = a->chunks[a->n++] = malloc(cap);
		if (!a->cur || !a->chunks)
			abort();
		a->left = cap;
	}
	p = a->cur;
	memset(p, 0, size);
	a->cur += size;
	a->left -= size;
	return p;
}

static void
arena_reset(Arena *a)
{
	for (int i = 0; i < a->n; i++)
		free(a->chunks[i]);
	a->n = 0;
	a->left = 0;
	a->cur = NULL;
}

static Arena arena;
static const GdAllocator allocator = {arena_alloc, NULL, NULL, &arena};

/* ------------------------------------------------------------------------
 * Layout families and damages
 * ------------------------------------------------------------------------ */

enum
{
	/* the spec's layouts: the generator's seven, and plain pdftotext */
	F_WORD, F_PIPE, F_HTML, F_PDFLAYOUT, F_MARKDOWN, F_SPACED, F_RUNTOGETHER,
	F_PDFPLAIN,
	/* issue 14's families */
	F_MIXEDSPACE,				/* 1: some figures spaced, some run together */
	F_LABELNUM,					/* 2: blank rows, the next label's number follows */
	F_MDSPLIT,					/* 3: Markdown rows split, headers repeated */
	F_WANDEC,					/* 5: 采购总金额 in 万元 with up to six decimals */
	F_N
};
static const char *const family_names[F_N] = {
	"word", "pipe", "html", "pdflayout", "markdown", "spaced", "runtogether",
	"pdfplain", "mixedspace", "labelnum", "mdsplit", "wandec"
};

enum
{
	D_NONE, D_SEP_DOUBLED, D_SEP_DROPPED, D_PAGEBREAK, D_PAGE_BARE, D_LABEL_SPLIT,
	D_HEADER_SHUFFLE, D_CELLS_TOGETHER, D_OUT_OF_ORDER, D_N
};
static const char *const damage_names[D_N] = {
	"none", "sep-doubled", "sep-dropped", "pagebreak", "page-number-bare", "label-split",
	"header-shuffle", "cells-together", "out-of-order"
};

/* may this damage destroy a cell boundary? */
static bool
destructive(int damage)
{
	return damage == D_SEP_DROPPED || damage == D_CELLS_TOGETHER;
}

static bool
damage_applies(int fam, int damage)
{
	switch (damage)
	{
		case D_NONE:
		case D_LABEL_SPLIT:
		case D_HEADER_SHUFFLE:
			return true;
		case D_SEP_DOUBLED:
			return fam != F_RUNTOGETHER;
		case D_SEP_DROPPED:
			return fam != F_RUNTOGETHER && fam != F_HTML && fam != F_LABELNUM;
		case D_PAGEBREAK:
		case D_PAGE_BARE:
			return fam == F_PDFLAYOUT || fam == F_PDFPLAIN || fam == F_MARKDOWN ||
				fam == F_MDSPLIT;
		case D_CELLS_TOGETHER:

			/*
			 * Markdown prints a merged cell as its text and an empty cell:
			 * the same text as a true blank, so the truth is not in it.
			 */
			return fam != F_RUNTOGETHER && fam != F_LABELNUM && fam != F_MIXEDSPACE &&
				fam != F_MARKDOWN && fam != F_MDSPLIT;
		case D_OUT_OF_ORDER:
			return fam == F_PDFPLAIN;
	}
	return false;
}

/* the fuzzer's own random numbers, apart from the generator's */
static uint64_t frng;

static uint64_t
frnd(void)
{
	uint64_t	z = (frng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
fpick(int n)
{
	if (n <= 0)
		return 0;
	return (int) (frnd() % (uint64_t) n);
}

static bool
fchance(int pct)
{
	return fpick(100) < pct;
}

/* ------------------------------------------------------------------------
 * One case: the report, its truth, its text
 * ------------------------------------------------------------------------ */

#define NKEYS 256

typedef struct Truth
{
	int			n;
	char		key[NKEYS][96];
	int64_t		v[NKEYS];		/* GD_NULL for blank */
	bool		scored[NKEYS];
} Truth;

typedef struct Case
{
	long long	seed;
	int			index;
	int			fam;
	int			damage;
	Report		r;
	Truth		t;
	Buf			text;
	int64_t		wandec_amount;	/* F_WANDEC: the amount in GD_AMOUNT_SCALE units */
} Case;

static void
truth_add(Truth *t, const char *key, int64_t v, bool scored)
{
	if (t->n == NKEYS)
		abort();
	snprintf(t->key[t->n], sizeof(t->key[0]), "%s", key);
	t->v[t->n] = v;
	t->scored[t->n] = scored;
	t->n++;
}

/*
 * The cells a perfect parse returns.  Cells the generator could not make
 * splittable in one way are not scored when the report breaks a sum on
 * purpose: then the printed figures need not be the reading the sums pick.
 */
static void
make_truth(Case *c)
{
	Report	   *r = &c->r;
	Truth	   *t = &c->t;
	char		key[96];

	t->n = 0;
	for (int row = 0; row < A_NROWS; row++)
	{
		const GdActiveRowDef *def = gd_active_row_def(r->tpl_active, (GdActiveRow) row);

		for (int col = 0; col < def->ncols; col++)
		{
			Cell	   *cl = &r->act[row][col];
			int64_t		v = cl->null ? GD_NULL : (int64_t) cl->v;

			if (v != GD_NULL && def->cols[col].kind == GD_KIND_AMOUNT)
				v = (c->fam == F_WANDEC && row == A_PROCUREMENT) ? c->wandec_amount
					: v * GD_AMOUNT_SCALE;
			snprintf(key, sizeof(key), "active.%s.%s", def->key, def->cols[col].key);
			truth_add(t, key, v, !(cl->uncertain && r->breaks));
		}
	}
	for (int row = 0; row < R_NROWS; row++)
	{
		if (!request_row_in(r, row))
			continue;
		for (int col = 0; col < NCOLS_REQ; col++)
		{
			Cell	   *cl = &r->req[row][col];

			snprintf(key, sizeof(key), "requests.%s.%s", request_keys[row], request_col_keys[col]);
			truth_add(t, key, cl->null ? GD_NULL : (int64_t) cl->v, !(cl->uncertain && r->breaks));
		}
	}
	for (int row = 0; row < V_NROWS; row++)
		for (int col = 0; col < 5; col++)
		{
			Cell	   *cl = &r->rev[row][col];

			snprintf(key, sizeof(key), "review.%s.%s", review_keys[row], review_col_keys[col]);
			truth_add(t, key, cl->null ? GD_NULL : (int64_t) cl->v, !(cl->uncertain && r->breaks));
		}
}

/* the parsed value of a truth key, and whether a diagnostic names the cell */
static int64_t
parsed_value(const GdReport *g, const char *key, bool *diag)
{
	char		tab[16],
				row[48],
				col[32];
	int64_t		v = GD_NULL;

	if (sscanf(key, "%15[^.].%47[^.].%31s", tab, row, col) != 3)
		abort();
	if (strcmp(tab, "active") == 0 && g->active_format)
	{
		for (int i = 0; i < GD_A_NROWS; i++)
		{
			const GdActiveRowDef *def = gd_active_row_def(g->active_format, (GdActiveRow) i);

			if (strcmp(def->key, row) != 0)
				continue;
			for (int k = 0; k < def->ncols; k++)
				if (strcmp(def->cols[k].key, col) == 0)
					v = g->active[i][k];
		}
	}
	else if (strcmp(tab, "requests") == 0 && g->requests_format)
	{
		for (int i = 0; i < GD_R_NROWS; i++)
			if (strcmp(gd_request_rows[i].key, row) == 0 &&
				gd_request_row_in_format((GdRequestRow) i, g->requests_format))
				for (int k = 0; k < GD_C_NCOLS; k++)
					if (strcmp(gd_request_cols[k].key, col) == 0)
						v = g->requests[i][k];
	}
	else if (strcmp(tab, "review") == 0 && g->review_present)
	{
		for (int i = 0; i < GD_V_NROWS; i++)
			if (strcmp(gd_review_rows[i].key, row) == 0)
				for (int k = 0; k < GD_VC_NCOLS; k++)
					if (strcmp(gd_review_cols[k].key, col) == 0)
						v = g->review[i][k];
	}
	*diag = false;
	for (int i = 0; i < g->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &g->diagnostics[i];

		if (d->table && strcmp(d->table, tab) != 0)
			continue;
		if (d->table && d->row && strcmp(d->row, row) != 0)
			continue;
		if (d->table && d->column && strcmp(d->column, col) != 0)
			continue;
		*diag = true;
		break;
	}
	return v;
}

/* ------------------------------------------------------------------------
 * Counts
 * ------------------------------------------------------------------------ */

typedef struct Tally
{
	long		cases,
				cells,
				right,
				wrong,
				ambiguous,		/* null with a diagnostic */
				silent,			/* null without one */
				unscored;
} Tally;

static Tally by_family[F_N],
			by_damage[D_N],
			total;
static long combo[F_N][D_N][2];	/* cases, wrong cells */
static int	show_max = 50;
static int	shown;

static void
tally_add(Tally *t, const Tally *one)
{
	t->cases += one->cases;
	t->cells += one->cells;
	t->right += one->right;
	t->wrong += one->wrong;
	t->ambiguous += one->ambiguous;
	t->silent += one->silent;
	t->unscored += one->unscored;
}

static void
fmt_value(int64_t v, char *buf)
{
	if (v == GD_NULL)
		strcpy(buf, "null");
	else
		snprintf(buf, 32, "%lld", (long long) v);
}

/* judge one parse against its truth; prints the wrong cells */
static void
judge(const GdReport *g, const Truth *t, const char *what, Tally *one)
{
	memset(one, 0, sizeof(*one));
	one->cases = 1;
	for (int i = 0; i < t->n; i++)
	{
		bool		diag;
		int64_t		v = parsed_value(g, t->key[i], &diag);

		if (!t->scored[i])
		{
			one->unscored++;
			continue;
		}
		one->cells++;
		if (v == t->v[i])
			one->right++;
		else if (v == GD_NULL)
		{
			if (diag)
				one->ambiguous++;
			else
				one->silent++;
		}
		else
		{
			char		a[32],
						b[32];

			one->wrong++;
			fmt_value(t->v[i], a);
			fmt_value(v, b);
			if (shown++ < show_max)
				printf("WRONG %s cell=%s truth=%s parsed=%s\n", what, t->key[i], a, b);
		}
	}
}

/* ------------------------------------------------------------------------
 * Changes to the report and the grid (before rendering)
 * ------------------------------------------------------------------------ */

/* family 2: 表三 rows of zeros printed empty */
static void
blank_zero_rows(Report *r)
{
	int			want = 1 + fpick(4);

	for (int row = R_GRANTED; row < R_TOTAL && want > 0; row++)
	{
		bool		zero = true;

		if (!request_row_in(r, row))
			continue;
		for (int c = 0; c < 7; c++)
			if (r->req[row][c].null || r->req[row][c].v != 0)
				zero = false;
		if (!zero || !fchance(50))
			continue;
		for (int c = 0; c < 7; c++)
			set_null(&r->req[row][c], "");
		want--;
	}
}

/* family 5: 采购总金额 in 万元 with two to six decimals */
static void
wan_decimals(Case *c)
{
	Report	   *r = &c->r;
	Cell	   *cl = &r->act[A_PROCUREMENT][1];
	int			decimals = 2 + fpick(5);
	long long	fen = (long long) (frnd() % 40000000000ULL);	/* to 4 亿元 */
	long long	unit = 1;
	char		frac[16];

	for (int k = decimals; k < 6; k++)
		unit *= 10;
	fen = fen / unit * unit;
	snprintf(frac, sizeof(frac), "%06lld", fen % 1000000);
	frac[decimals] = '\0';
	snprintf(cl->txt, sizeof(cl->txt), "%lld.%s万元", fen / 1000000, frac);
	cl->null = false;
	cl->v = fen / 100;
	snprintf(r->amount_text, sizeof(r->amount_text), "%s", cl->txt);
	r->amount_header_unit = 0;
	c->wandec_amount = (int64_t) fen * (GD_AMOUNT_SCALE / 100);
}

static bool
row_has_values(const Grid *g, int row)
{
	for (int k = 0; k < g->ncells[row]; k++)
		if (g->cells[row][k].value)
			return true;
	return false;
}

/* a label broken over two lines at a character boundary */
static void
split_labels(Grid *g)
{
	for (int row = 0; row < g->nrows; row++)
	{
		if (!row_has_values(g, row) || !fchance(25))
			continue;
		for (int k = 0; k < g->ncells[row]; k++)
		{
			GCell	   *c = &g->cells[row][k];
			size_t		n = strlen(c->text),
						at;
			int			nch = 0;

			if (c->value || n < 9 || strchr(c->text, '\n'))
				continue;
			for (size_t i = 0; i < n; i += u8len((unsigned char) c->text[i]))
				nch++;
			if (nch < 4)
				continue;
			at = 0;
			for (int target = 2 + fpick(nch - 3), i = 0; i < target; i++)
				at += u8len((unsigned char) c->text[at]);
			c->text = pprintf("%.*s\n%s", (int) at, c->text, c->text + at);
			break;
		}
	}
}

/* header cells of one shape trade places within their header row */
static void
shuffle_headers(Grid *g)
{
	for (int row = 0; row < g->nrows; row++)
	{
		if (row_has_values(g, row))
			continue;
		for (int k = g->ncells[row] - 1; k > 0; k--)
		{
			int			j = fpick(k + 1);
			GCell	   *a = &g->cells[row][k],
					   *b = &g->cells[row][j];

			if (a->rs == b->rs && a->cs == b->cs)
			{
				const char *tmp = a->text;

				a->text = b->text;
				b->text = tmp;
			}
		}
	}
}

static bool
is_figure_text(const char *s)
{
	size_t		n = strlen(s);

	return n > 0 && (isdigit((unsigned char) s[0]) || s[0] == '+' || s[0] == '-') &&
		isdigit((unsigned char) s[n - 1]);
}

/* two neighbouring figures become one cell spanning both */
static void
cells_together(Grid *g)
{
	int			done = 0;

	for (int row = 0; row < g->nrows; row++)
	{
		if (!row_has_values(g, row) || !fchance(30))
			continue;
		for (int tries = 0; tries < 4; tries++)
		{
			int			k = fpick(g->ncells[row] - 1 > 0 ? g->ncells[row] - 1 : 1);
			GCell	   *a = &g->cells[row][k],
					   *b = &g->cells[row][k + 1];

			if (k + 1 >= g->ncells[row] || !a->value || !b->value || a->rs != 1 || b->rs != 1 ||
				!is_figure_text(a->text) || !is_figure_text(b->text) || strchr(a->text, '.') || strchr(b->text, '.'))
				continue;
			a->text = pprintf("%s%s", a->text, b->text);
			a->cs += b->cs;
			memmove(b, b + 1, (g->ncells[row] - k - 2) * sizeof(GCell));
			g->ncells[row]--;
			done++;
			break;
		}
	}
	if (done)
		grid_layout(g);
}

/* a marker at the start of a data row: a page break goes before its line */
#define PAGE_MARK "\x01"

static void
mark_page_breaks(Grid *g)
{
	int			row = 0;

	for (int tries = 0; tries < 20; tries++)
	{
		row = 1 + fpick(g->nrows - 1 > 0 ? g->nrows - 1 : 1);
		if (row < g->nrows && row_has_values(g, row) && g->ncells[row] > 0 &&
			!g->cells[row][0].value)
			break;
		row = -1;
	}
	if (row > 0)
		g->cells[row][0].text = pprintf(PAGE_MARK "%s", g->cells[row][0].text);
}

/* ------------------------------------------------------------------------
 * Renderers the generator does not have
 * ------------------------------------------------------------------------ */

static void
put_cell_lines(Buf *out, const char *text)
{
	if (text[0] == '\0')
		return;
	put_joined(out, text, "\n");
	bput(out, "\n");
}

/*
 * pdftotext without -layout: one cell per line in reading order, blank cells
 * gone.  With out_of_order, 表四's figures come in the order pdftotext gives
 * for its two-level header: the first four of 行政复议, the first four of
 * 复议后起诉, 总计 and 行政复议's total, the five of 未经复议直接起诉, 总计 and
 * 复议后起诉's total.
 */
static void
render_pdfplain(Report *r, Doc *d, Buf *out, bool out_of_order)
{
	for (int i = 0; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];

		if (bl->kind != B_TABLE)
		{
			put_joined(out, bl->text, "\n");
			bput(out, bl->kind == B_PARA ? "\n" : "\n\n");
			continue;
		}
		for (int row = 0; row < bl->grid->nrows; row++)
		{
			Grid	   *g = bl->grid;

			if (g->kind == 4 && out_of_order && row_has_values(g, row) && g->ncells[row] == 15)
			{
				static const int order[] = {0, 1, 2, 3, 10, 11, 12, 13, -1, 4, 5, 6, 7, 8, 9, -1, 14};

				for (int k = 0; k < LEN(order); k++)
				{
					if (order[k] < 0)
					{
						bput(out, "总计\n");
						continue;
					}
					put_cell_lines(out, g->cells[row][order[k]].text);
				}
				continue;
			}
			for (int k = 0; k < g->ncells[row]; k++)
				put_cell_lines(out, g->cells[row][k].text);
		}
		bput(out, "\n");
	}
}

static void
md_row(Buf *out, Grid *g, int row, int split)
{
	int			next = 0;

	bput(out, "|");
	for (int col = 0; col < g->ncols;)
	{
		if (next < g->ncells[row] && g->cells[row][next].col == col)
		{
			const GCell *c = &g->cells[row][next++];
			const char *text = c->text;

			/* a split row: label head first, values on the second line */
			if (split == 1)
				text = c->value ? "" : pprintf("%.*s", (int) (strlen(c->text) / 6 * 3), c->text);
			else if (split == 2)
				text = c->value ? c->text : c->text + strlen(c->text) / 6 * 3;
			bput(out, " ");
			put_joined(out, text, "");
			bput(out, " |");
			for (int k = 1; k < c->cs; k++)
				bput(out, "  |");
			col += c->cs;
		}
		else
		{
			bput(out, "  |");
			col++;
		}
	}
	bput(out, "\n");
}

/*
 * Markdown from a PDF converter: rows of a long label spread over two
 * Markdown rows (the label's head alone, then its tail with the figures),
 * and the header rows printed again after a page break.
 */
static void
render_mdsplit(Report *r, Doc *d, Buf *out)
{
	for (int i = 0; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];
		Grid	   *g = bl->grid;
		int			nhead = 0;
		int			repeat_at;

		switch (bl->kind)
		{
			case B_TITLE:
				bput(out, "# ");
				put_joined(out, bl->text, "");
				bput(out, "\n\n");
				continue;
			case B_HEADING:
				bprintf(out, fchance(50) ? "## %s\n\n" : "**%s**\n\n", bl->text);
				continue;
			case B_TABLE:
				break;
			default:
				put_joined(out, bl->text, "\n\n");
				bput(out, "\n\n");
				continue;
		}
		while (nhead < g->nrows && !row_has_values(g, nhead))
			nhead++;
		repeat_at = nhead + 2 + fpick(g->nrows - nhead > 3 ? g->nrows - nhead - 2 : 1);
		for (int row = 0; row < g->nrows; row++)
		{
			if (row == repeat_at && g->kind != 4)
				for (int h = 0; h < nhead; h++)
					md_row(out, g, h, 0);
			if (row_has_values(g, row) && g->ncells[row] > 0 && !g->cells[row][0].value &&
				strlen(g->cells[row][0].text) >= 18 && !strchr(g->cells[row][0].text, '\n') &&
				g->cells[row][0].rs == 1 && fchance(35))
			{
				md_row(out, g, row, 1);
				md_row(out, g, row, 2);
			}
			else
				md_row(out, g, row, 0);
			if (row == 0)
			{
				bput(out, "|");
				for (int col = 0; col < g->ncols; col++)
					bput(out, "---|");
				bput(out, "\n");
			}
		}
		bput(out, "\n");
	}
}

/* ------------------------------------------------------------------------
 * Damage to the rendered text
 * ------------------------------------------------------------------------ */

static bool
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Each page-break marker: remove it, and put a page end before its line: a
 * page number marked as one (- 3 -, 第 3 页 共 9 页), or with bare a bare
 * number, alone or under a footer, before pdftotext's form feed.
 */
static void
insert_page_breaks(Case *c, Buf *b, bool bare)
{
	Buf			o = {0};
	const char *p = b->p;
	int			page = 2 + fpick(6);
	bool		ff = c->fam != F_MARKDOWN && c->fam != F_MDSPLIT;

	for (;;)
	{
		const char *m = strstr(p, PAGE_MARK);
		const char *ls;

		if (!m)
			break;
		for (ls = m; ls > p && ls[-1] != '\n'; ls--)
			;
		bputn(&o, p, (size_t) (ls - p));
		switch (bare ? 2 + fpick(2) : fpick(2))
		{
			case 0:
				bprintf(&o, "\n                              - %d -\n%s", page, ff ? "\f" : "\n");
				break;
			case 1:
				bprintf(&o, "第 %d 页 共 %d 页\n%s", page, page + 3, ff ? "\f" : "\n");
				break;
			case 2:
				bprintf(&o, "%d\n%s", page, ff ? "\f" : "\n");
				break;
			default:
				bprintf(&o, "%s%d年政府信息公开工作年度报告\n%d\n%s", c->r.ag.name, c->r.year, page,
						ff ? "\f" : "\n");
				break;
		}
		bputn(&o, ls, (size_t) (m - ls));
		p = m + strlen(PAGE_MARK);
		page++;
	}
	bput(&o, p);
	free(b->p);
	*b = o;
}

/* separators doubled: extra spaces between figures, blank lines, empty cells */
static void
double_separators(Case *c, Buf *b)
{
	Buf			o = {0};
	size_t		n = b->len;
	const char *s = b->p;

	for (size_t i = 0; i < n; i++)
	{
		char		ch = s[i];

		bputn(&o, &ch, 1);
		switch (c->fam)
		{
			case F_WORD:
			case F_PDFPLAIN:
				if (ch == '\n' && i + 1 < n && s[i + 1] == '\n' && fchance(30))
					bput(&o, "\n");
				break;
			case F_PIPE:
			case F_MARKDOWN:
			case F_MDSPLIT:
				if (ch == '|' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ' && fchance(4))
					bput(&o, " |");
				break;
			case F_HTML:
				if (ch == '>' && i >= 4 && memcmp(s + i - 3, "<td", 3) == 0 && fchance(20))
					bput(&o, fchance(50) ? " " : "&nbsp;");
				break;
			default:
				if (ch == ' ' && i > 0 && s[i - 1] != ' ' && fchance(30))
					bput(&o, " ");
				break;
		}
	}
	free(b->p);
	*b = o;
}

/* separators dropped between two figures */
static void
drop_separators(Case *c, Buf *b, int pct)
{
	Buf			o = {0};
	size_t		n = b->len;
	const char *s = b->p;

	for (size_t i = 0; i < n; i++)
	{
		char		ch = s[i];

		if (i > 0 && isdig(s[i - 1]))
		{
			size_t		j = i;

			switch (c->fam)
			{
				case F_WORD:
				case F_PDFPLAIN:
					/* "5\n\t3\n" → "5\t3\n" in Word, "5\n3" → "53" in pdftotext */
					if (ch == '\n' && j + 1 < n && (s[j + 1] == '\t' || isdig(s[j + 1])) &&
						(j + 2 >= n || s[j + 1] != '\t' || isdig(s[j + 2])) && fpick(100) < pct)
						continue;
					break;
				case F_PIPE:
				case F_MARKDOWN:
				case F_MDSPLIT:
					while (j < n && s[j] == ' ')
						j++;
					if (j < n && s[j] == '|' && j + 1 < n)
					{
						size_t		k = j + 1;

						while (k < n && s[k] == ' ')
							k++;
						if (k < n && isdig(s[k]) && fpick(100) < pct)
						{
							bputn(&o, " ", 1);
							i = k - 1;
							continue;
						}
					}
					break;
				default:
					/* spaced web text, pdftotext -layout */
					while (j < n && s[j] == ' ')
						j++;
					if (j > i && j < n && isdig(s[j]) && fpick(100) < pct)
					{
						size_t		keep = c->fam == F_PDFLAYOUT ? 1 : 0;

						/*
						 * pdftotext -layout places figures by their position
						 * on the page: the ones after stay where they were,
						 * the figure before moves right, and one space stays
						 * (two figures touching are cells run together, made
						 * on the grid).
						 */
						if (c->fam == F_PDFLAYOUT)
						{
							size_t		at = o.len;

							while (at > 0 && (isdig(o.p[at - 1]) || o.p[at - 1] == '-' || o.p[at - 1] == '+'))
								at--;
							/* the full-width minus goes with its figure */
							if (at >= 3 && memcmp(o.p + at - 3, "－", 3) == 0)
								at -= 3;
							for (size_t k = keep; k < j - i; k++)
							{
								bput(&o, " ");
								memmove(o.p + at + 1, o.p + at, o.len - at - 1);
								o.p[at] = ' ';
							}
						}
						if (keep)
							bput(&o, " ");
						i = j - 1;
						continue;
					}
					break;
			}
		}
		bputn(&o, &ch, 1);
	}
	free(b->p);
	*b = o;
}

/* ------------------------------------------------------------------------
 * Making a case
 * ------------------------------------------------------------------------ */

static int	nskip;
static char skip_names[32][32];

static bool
skipped(const char *name)
{
	for (int i = 0; i < nskip; i++)
		if (strcmp(skip_names[i], name) == 0)
			return true;
	return false;
}

static bool
make_case(Case *c, long long seed, int index)
{
	static const int base_of[F_N] = {
		L_WORD, L_PIPE, L_HTML, L_PDFLAYOUT, L_MARKDOWN, L_SPACED, L_RUNTOGETHER,
		L_PDFLAYOUT, L_SPACED, L_SPACED, L_MARKDOWN, L_WORD
	};
	static const unsigned breaks[] = {BRK_ROW_SUM, BRK_RESULTS_SUM, BRK_BALANCE, BRK_REVIEW_SUM, BRK_PROSE};
	Options		o;
	Doc		   *d;
	int			base_pick;

	frng = (uint64_t) seed * 0x2545f4914f6cdd1dULL + (uint64_t) index * 0x9e3779b97f4a7c15ULL + 7;
	frnd();
	c->seed = seed;
	c->index = index;
	c->fam = fpick(F_N);
	c->damage = fchance(25) ? D_NONE : 1 + fpick(D_N - 1);
	if (!damage_applies(c->fam, c->damage))
		c->damage = D_NONE;

	{
		char		pair[64];

		snprintf(pair, sizeof(pair), "%s:%s", family_names[c->fam], damage_names[c->damage]);
		if (skipped(family_names[c->fam]) || skipped(damage_names[c->damage]) || skipped(pair))
			return false;
	}

	memset(&o, 0, sizeof(o));
	o.seed = seed;
	o.count = 1;
	o.layout = base_of[c->fam];
	if (c->fam == F_LABELNUM && fchance(50))
		o.layout = L_RUNTOGETHER;
	if (c->fam == F_WANDEC)
	{
		base_pick = fpick(6);
		o.layout = (int[]) {L_WORD, L_PIPE, L_HTML, L_MARKDOWN, L_PDFLAYOUT, L_SPACED}[base_pick];
		if (base_pick == 3 && c->damage == D_CELLS_TOGETHER)
			c->damage = D_NONE; /* Markdown: see damage_applies */
	}
	o.fullwidth = o.blank_orgs = o.placeholders = o.units = o.signs = -1;
	o.vertical = o.variants = o.closing = o.crawler = o.blank_review = -1;
	o.numbering = o.headings = o.scale = -1;
	o.amount_style = c->fam == F_WANDEC ? 1 : -1;
	o.format = c->fam == F_WANDEC ? 2019 : 0;
	if (!destructive(c->damage) && c->fam != F_MIXEDSPACE && fchance(15))
		o.breaks = breaks[fpick(LEN(breaks))];

	make_report(&o, index, &c->r);
	if (c->fam == F_LABELNUM)
		blank_zero_rows(&c->r);
	if (c->fam == F_WANDEC)
		wan_decimals(c);
	make_truth(c);

	d = calloc(1, sizeof(Doc));
	build_doc(&c->r, d);
	for (int g = 0; g < 3; g++)
	{
		Grid	   *gr = &d->grids[g];

		switch (c->damage)
		{
			case D_LABEL_SPLIT:
				split_labels(gr);
				break;
			case D_HEADER_SHUFFLE:
				shuffle_headers(gr);
				break;
			case D_CELLS_TOGETHER:
				cells_together(gr);
				break;
			case D_PAGEBREAK:
			case D_PAGE_BARE:
				if (gr->nrows > 3)
					mark_page_breaks(gr);
				break;
		}
	}
	breset(&c->text);
	switch (c->fam)
	{
		case F_PDFPLAIN:
			render_pdfplain(&c->r, d, &c->text, c->damage == D_OUT_OF_ORDER);
			break;
		case F_MDSPLIT:
			render_mdsplit(&c->r, d, &c->text);
			break;
		default:
			render(&c->r, d, &c->text);
			break;
	}
	free(d);

	if (c->fam == F_MIXEDSPACE)
		drop_separators(c, &c->text, 40);
	switch (c->damage)
	{
		case D_SEP_DOUBLED:
			double_separators(c, &c->text);
			break;
		case D_SEP_DROPPED:
			drop_separators(c, &c->text, 8);
			break;
		case D_PAGEBREAK:
		case D_PAGE_BARE:
			insert_page_breaks(c, &c->text, c->damage == D_PAGE_BARE);
			break;
	}
	pool_reset();
	return true;
}

/* ------------------------------------------------------------------------
 * Regression inputs: NAME.txt and its truth NAME.expect ("key value|null")
 * ------------------------------------------------------------------------ */

static void
save_case(const char *dir, const Case *c)
{
	char		path[1024];
	FILE	   *f;

	mkdir(dir, 0777);
	snprintf(path, sizeof(path), "%s/%s-%s-s%lld-c%d.txt", dir, family_names[c->fam],
			 damage_names[c->damage], c->seed, c->index);
	f = fopen(path, "wb");
	if (!f)
	{
		fprintf(stderr, "semantic_fuzzer: cannot write %s\n", path);
		exit(2);
	}
	fwrite(c->text.p, 1, c->text.len, f);
	fclose(f);
	path[strlen(path) - 4] = '\0';
	strcat(path, ".expect");
	f = fopen(path, "w");
	if (!f)
		exit(2);
	fprintf(f, "# semantic_fuzzer --seed %lld --case %d (%s, %s)\n", c->seed, c->index,
			family_names[c->fam], damage_names[c->damage]);
	for (int i = 0; i < c->t.n; i++)
	{
		char		v[32];

		if (!c->t.scored[i])
			continue;
		fmt_value(c->t.v[i], v);
		fprintf(f, "%s %s\n", c->t.key[i], v);
	}
	fclose(f);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (!buf || fread(buf, 1, (size_t) n, f) != (size_t) n)
		abort();
	buf[n] = '\0';
	fclose(f);
	*len = (size_t) n;
	return buf;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* judge every NAME.txt of dir against NAME.expect */
static int
replay(const char *dir, bool tap)
{
	DIR		   *dh = opendir(dir);
	struct dirent *e;
	char	   *names[4096];
	int			n = 0;
	long		passed = 0,
				failed = 0;
	Tally		all = {0};

	if (!dh)
	{
		fprintf(stderr, "semantic_fuzzer: cannot open %s\n", dir);
		return 2;
	}
	while ((e = readdir(dh)) != NULL && n < 4096)
	{
		size_t		l = strlen(e->d_name);

		if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0)
			names[n++] = xstrdup(e->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof(char *), cmpstr);
	for (int i = 0; i < n; i++)
	{
		char		path[1024];
		size_t		len,
					elen;
		char	   *text,
				   *exp;
		Truth	   *t = calloc(1, sizeof(Truth));
		Tally		one;
		GdReport   *g;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		text = slurp(path, &len);
		path[strlen(path) - 4] = '\0';
		strcat(path, ".expect");
		exp = slurp(path, &elen);
		if (!text || !exp)
		{
			printf("FAILED %s: no .expect beside it\n", names[i]);
			failed++;
			continue;
		}
		for (char *line = strtok(exp, "\n"); line; line = strtok(NULL, "\n"))
		{
			char		key[96],
						val[32];

			if (line[0] == '#' || sscanf(line, "%95s %31s", key, val) != 2)
				continue;
			truth_add(t, key, strcmp(val, "null") == 0 ? GD_NULL : (int64_t) atoll(val), true);
		}
		g = gd_parse(text, len, &allocator);
		judge(g, t, names[i], &one);
		tally_add(&all, &one);
		if (one.wrong)
			failed++;
		else
			passed++;
		arena_reset(&arena);
		free(text);
		free(exp);
		free(t);
		free(names[i]);
	}
	printf("%d inputs replayed: %ld cells, %ld right, %ld ambiguous (%ld without a diagnostic)\n",
		   n, all.cells, all.right, all.ambiguous + all.silent, all.silent);
	printf("%d cases, %ld wrong cells, %ld ambiguous cells\n", n, all.wrong, all.ambiguous + all.silent);
	if (tap)
		printf("%ld passed, %ld failed\n", passed, failed);
	return failed ? 1 : 0;
}

/* ------------------------------------------------------------------------
 * Main
 * ------------------------------------------------------------------------ */

static void
fuzz_usage(void)
{
	fprintf(stderr,
			"usage: semantic_fuzzer [--seed N] [--cases N] [--skip NAME,...] [--save DIR] [--show N] [--tap]\n"
			"       semantic_fuzzer --seed N --case I [--print]\n"
			"       semantic_fuzzer --replay DIR [--tap]\n");
	exit(2);
}

static void
print_tally(const char *name, const Tally *t)
{
	printf("  %-16s %7ld cases %9ld cells %6ld wrong %7ld ambiguous (%ld without a diagnostic)%s\n",
		   name, t->cases, t->cells, t->wrong, t->ambiguous + t->silent, t->silent,
		   t->unscored ? "" : "");
}

int
main(int argc, char **argv)
{
	long long	seed = 1;
	long		cases = 1000;
	long		only = -1;
	bool		print = false,
				tap = false,
				diags = false;
	const char *save_dir = NULL,
			   *replay_dir = NULL;
	Case	   *c = calloc(1, sizeof(Case));
	long		passed = 0,
				failed = 0,
				made = 0;
	clock_t		t0 = clock();

	for (int i = 1; i < argc; i++)
	{
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--print") == 0)
			print = true;
		else if (strcmp(a, "--tap") == 0)
			tap = true;
		else if (strcmp(a, "--diags") == 0)
			diags = true;
		else if (!v)
			fuzz_usage();
		else if (strcmp(a, "--seed") == 0)
			seed = atoll(argv[++i]);
		else if (strcmp(a, "--cases") == 0)
			cases = atol(argv[++i]);
		else if (strcmp(a, "--case") == 0)
			only = atol(argv[++i]);
		else if (strcmp(a, "--save") == 0)
			save_dir = argv[++i];
		else if (strcmp(a, "--replay") == 0)
			replay_dir = argv[++i];
		else if (strcmp(a, "--show") == 0)
			show_max = atoi(argv[++i]);
		else if (strcmp(a, "--skip") == 0)
		{
			char	   *list = xstrdup(argv[++i]);

			for (char *t = strtok(list, ","); t && nskip < 32; t = strtok(NULL, ","))
				snprintf(skip_names[nskip++], sizeof(skip_names[0]), "%s", t);
			free(list);
		}
		else
			fuzz_usage();
	}
	if (replay_dir)
		return replay(replay_dir, tap);

	/* N cases judged: the skipped ones do not count */
	for (long i = only >= 0 ? only : 0; only >= 0 ? i == only : made < cases; i++)
	{
		GdReport   *g;
		Tally		one;
		char		what[160];

		if (!make_case(c, seed, (int) i))
			continue;
		made++;
		if (print)
		{
			fwrite(c->text.p, 1, c->text.len, stdout);
			continue;
		}
		g = gd_parse(c->text.p, c->text.len, &allocator);
		snprintf(what, sizeof(what), "seed=%lld case=%ld layout=%s damage=%s", seed, i,
				 family_names[c->fam], damage_names[c->damage]);
		judge(g, &c->t, what, &one);
		for (int k = 0; diags && k < g->ndiagnostics; k++)
			printf("diag %s %s.%s.%s: %s\n", g->diagnostics[k].code,
				   g->diagnostics[k].table ? g->diagnostics[k].table : "-",
				   g->diagnostics[k].row ? g->diagnostics[k].row : "-",
				   g->diagnostics[k].column ? g->diagnostics[k].column : "-",
				   g->diagnostics[k].message);
		combo[c->fam][c->damage][0]++;
		combo[c->fam][c->damage][1] += one.wrong;
		tally_add(&by_family[c->fam], &one);
		tally_add(&by_damage[c->damage], &one);
		tally_add(&total, &one);
		if (one.wrong)
		{
			failed++;
			if (save_dir)
				save_case(save_dir, c);
		}
		else
			passed++;
		arena_reset(&arena);
	}
	if (print)
		return 0;
	if (shown > show_max)
		printf("(%d more wrong cells not shown)\n", shown - show_max);
	printf("by layout:\n");
	for (int f = 0; f < F_N; f++)
		if (by_family[f].cases)
			print_tally(family_names[f], &by_family[f]);
	printf("by damage:\n");
	for (int dm = 0; dm < D_N; dm++)
		if (by_damage[dm].cases)
			print_tally(damage_names[dm], &by_damage[dm]);
	printf("seed %lld: %ld cells judged, %ld right, %ld null without a diagnostic, %.2f s per 1000 cases\n",
		   seed, total.cells, total.right, total.silent,
		   made ? (double) (clock() - t0) / CLOCKS_PER_SEC * 1000.0 / made : 0.0);
	if (tap)
	{
		/* one test per layout and damage met: passed without a wrong cell */
		passed = failed = 0;
		for (int f = 0; f < F_N; f++)
			for (int dm = 0; dm < D_N; dm++)
				if (combo[f][dm][0])
				{
					if (combo[f][dm][1])
						failed++;
					else
						passed++;
				}
		printf("%ld passed, %ld failed (layout and damage pairs)\n", passed, failed);
	}
	printf("%ld cases, %ld wrong cells, %ld ambiguous cells\n", made, total.wrong,
		   total.ambiguous + total.silent);
	return total.wrong ? 1 : 0;
}
