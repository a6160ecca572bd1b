/*
 * table_active.c
 *		表二 主动公开政府信息情况: the 第二十条 sub-tables.  The format follows
 *		from the column headers (本年新制作数量 … 2019, 本年制发件数 … 2021);
 *		rows are found by their labels; amounts take their unit from the cell
 *		or from the header.
 */
#include <string.h>

#include "alloc.h"
#include "cells.h"
#include "diagnostics.h"
#include "match.h"
#include "rows.h"
#include "sections.h"
#include "split.h"
#include "tables.h"
#include "utf8.h"
#include "values.h"
#include "vertical.h"


/* The labels of the rows, in the order they are tried, and the words of the headers. */
static GdPhrase labels[] = {
	{"其他对外管理服务事项"},
	{"规范性文件"},
	{"规章"},
	{"行政许可"},
	{"行政处罚"},
	{"行政强制"},
	{"行政事业性收费"},
	{"政府集中采购"},
};
static const int label_rows[] = {
	GD_A_OTHER_SERVICES, GD_A_NORMATIVE, GD_A_RULES, GD_A_LICENSING,
	GD_A_PENALTIES, GD_A_COERCION, GD_A_FEES, GD_A_PROCUREMENT,
};
#define NLABELS ((int) (sizeof(labels) / sizeof(labels[0])))
#define L_NORMATIVE 1

/* The last bytes of the labels, as a set of 256 bits (init_words) */
static uint64_t label_ends[4];

static GdPhrase words_2021[] = {
	{"制发件数"}, {"废止件数"}, {"现行有效件数"}, {"本年处理决定数量"}, {"收费金额"},
};
static GdPhrase words_2019[] = {
	{"新制作数量"}, {"新公开数量"}, {"公开总数量"}, {"上一年项目数量"},
	{"采购项目数量"}, {"本年增/减"},
};
static GdPhrase words_amount[] = {{"采购总金额"}, {"采购金额"}};
static GdPhrase words_unit[] = {{"万元"}, {"元"}};
static GdPhrase full_stop[] = {{"。"}};
static GdPhrase words_section[] = {{"第二十条"}};

#define NWORDS(w) ((int) (sizeof(w) / sizeof(w[0])))

static bool words_ready;

static void
init_words(void)
{
	if (words_ready)
		return;
	gd_phrases(labels, NLABELS);
	for (int k = 0; k < NLABELS; k++)
	{
		unsigned	b = (unsigned char) labels[k].s[labels[k].len - 1];

		label_ends[b >> 6] |= (uint64_t) 1 << (b & 63);
	}
	gd_phrases(words_2021, NWORDS(words_2021));
	gd_phrases(words_2019, NWORDS(words_2019));
	gd_phrases(words_amount, NWORDS(words_amount));
	gd_phrases(words_unit, NWORDS(words_unit));
	gd_phrases(full_stop, NWORDS(full_stop));
	gd_phrases(words_section, NWORDS(words_section));
	words_ready = true;
}

/* Does the text c (of set cs) hold one of the words? */
static bool
has_any(const char *c, const GdCharSet *cs, const GdPhrase *words, int n)
{
	for (int k = 0; k < n; k++)
		if (gd_has_phrase(c, cs, &words[k]))
			return true;
	return false;
}

/*
 * Which row does a label name?  In web text the label follows the header
 * words with no space (…处理决定数量行政许可), so a label may end the text.
 */
static int
match_row(const char *compact, const GdCharSet *cs, void *arg)
{
	const char *rest;
	size_t		len;
	size_t		rest_len = 0;
	unsigned	last;

	/*
	 * A sentence is no label; but web text runs the prose into the table
	 * (…行政处罚类15条。第二十条第（一）项信息内容…规章000): after the last
	 * full stop, the table's own header words open a label.
	 */
	if (gd_has_phrase(compact, cs, &full_stop[0]))
	{
		const char *after = compact;
		const char *stop;

		while ((stop = strstr(after, "。")) != NULL)
			after = stop + 3;
		/* the set of the whole text holds that of its end (see GdMatchFn) */
		if (!gd_has_phrase(after, cs, &words_section[0]) &&
			!has_any(after, cs, words_2021, NWORDS(words_2021)) &&
			!has_any(after, cs, words_2019, NWORDS(words_2019)))
			return -1;
		return match_row(after, cs, arg);
	}
	/*
	 * A label ends the text after its numbering: the text's last byte rules
	 * most labels out, before the numbering is looked for.
	 */
	len = strlen(compact);
	last = len > 0 ? (unsigned char) compact[len - 1] : 0;
	rest = NULL;
	if ((label_ends[last >> 6] >> (last & 63)) & 1)
	{
		rest = gd_strip_numbering(compact);
		rest_len = len - (size_t) (rest - compact);
		for (int k = 0; k < NLABELS; k++)
			if (rest_len >= labels[k].len && gd_charset_covers(cs, &labels[k].cs) &&
				memcmp(compact + len - labels[k].len, labels[k].s, labels[k].len) == 0)
				return label_rows[k];
	}
	/* 规范性文件（本单位制发的） */
	if (len > 0 && gd_charset_covers(cs, &labels[L_NORMATIVE].cs))
	{
		if (rest == NULL)
		{
			rest = gd_strip_numbering(compact);
			rest_len = len - (size_t) (rest - compact);
		}
		if (rest_len <= 3 * 16 && gd_contains(rest, labels[L_NORMATIVE].s))
			return GD_A_NORMATIVE;
	}
	return -1;
}

static bool
is_label(GdParser *p, const GdToken *t, void *arg)
{
	return gd_match_token(p, t, match_row, NULL) >= 0;
}

typedef struct T2
{
	int			format;
	GdUnit		procurement_unit;	/* from the header 采购总金额（元） */
} T2;

static void
read_headers(GdParser *p, const GdTokens *ts, T2 *st)
{
	int			v2019 = 0,
				v2021 = 0;

	st->procurement_unit = GD_UNIT_NONE;
	for (size_t i = 0; i < ts->n; i++)
	{
		const char *c;
		const GdCharSet *cs;
		size_t		below;
		char		joined[GD_JOIN_MAX];
		GdCharSet	joined_cs;

		if (ts->v[i].kind != GD_TK_TEXT)
			continue;
		c = gd_token_compact(p, &ts->v[i]);
		cs = ts->v[i].cs;
		/* a header cut over two Markdown rows: 本年制发 above 件数 */
		if ((below = gd_cell_below(ts, i)) != (size_t) -1)
		{
			/* compact_len is known only once the compact form is made */
			const char *b = gd_token_compact(p, &ts->v[below]);
			size_t		la = strlen(c),
						lb = strlen(b);

			if (la + lb + 1 <= sizeof(joined))
			{
				memcpy(joined, c, la);
				memcpy(joined + la, b, lb + 1);
				joined_cs = *cs;
				gd_charset_join(&joined_cs, ts->v[below].cs, joined, la);
				c = joined;
				cs = &joined_cs;
			}
		}
		if (has_any(c, cs, words_2021, NWORDS(words_2021)))
			v2021++;
		if (has_any(c, cs, words_2019, NWORDS(words_2019)))
			v2019++;
		if (has_any(c, cs, words_amount, NWORDS(words_amount)))
		{
			if (gd_has_phrase(c, cs, &words_unit[0]))
				st->procurement_unit = GD_UNIT_WAN;
			else if (gd_has_phrase(c, cs, &words_unit[1]))
				st->procurement_unit = GD_UNIT_YUAN;
		}
	}
	if (v2019 == 0 && v2021 == 0)
		st->format = 0;
	else
		st->format = v2021 > v2019 ? 2021 : 2019;
}

/* Figures the prose states for 2021's 规章/规范性文件 columns (see meta.c). */
typedef struct Stated
{
	const GdParser *p;
	int			col;
} Stated;

static bool
stated_matches(const int64_t *v, void *arg)
{
	const Stated *s = arg;
	const GdStated *st = &s->p->stated[s->col];

	for (int k = 0; k < st->n; k++)
		if (st->v[k] == v[s->col])
			return true;
	return false;
}

/*
 * The amounts a sentence of the prose before the table states of 采购
 * (全年共发布采购信息197批次涉及金额3601627.4元), in GD_AMOUNT_SCALE units.
 */
static int
stated_procurement(GdParser *p, size_t end, int64_t *amounts, int max)
{
	const char *s = p->t.s;
	int			n = 0;
	size_t		a = 0;

	if (end > 400000)
		a = end - 400000;
	while (a < end && n < max)
	{
		size_t		e = a;
		bool		about = false;

		while (e < end && memcmp(s + e, "。", 3) != 0 && s[e] != '\n')
		{
			if (memcmp(s + e, "采购", 6) == 0)
				about = true;
			e++;
		}
		for (size_t j = a; about && j < e && n < max; j++)
		{
			size_t		k = j;
			GdNumber	num;
			int64_t		v;

			if (!(s[j] >= '0' && s[j] <= '9') || (j > a && (s[j - 1] == '.' ||
															(s[j - 1] >= '0' && s[j - 1] <= '9'))))
				continue;
			while (k < e && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
				k++;
			if (k + 3 <= e && (memcmp(s + k, "元", 3) == 0 || memcmp(s + k, "万", 3) == 0))
			{
				size_t		u = k + (k + 6 <= e && memcmp(s + k, "万元", 6) == 0 ? 6 : 3);

				if (gd_read_number(s + j, u - j, &num) == GD_CELL_OK &&
					gd_number_amount(&num, GD_UNIT_NONE, &v))
					amounts[n++] = v;
			}
			j = k;
		}
		a = e + (e < end && s[e] == '\n' ? 1 : 3);
	}
	return n;
}

/* The amount a cut of 176586650.10元 leaves after its first plen digits */
static int64_t
cut_amount(GdParser *p, const GdToken *t, size_t plen, GdUnit unit)
{
	GdNumber	num;
	int64_t		v;

	if (gd_read_number(p->t.s + t->off + plen, t->len - plen, &num) != GD_CELL_OK ||
		!gd_number_amount(&num, unit, &v))
		return GD_NULL;
	return v;
}

static size_t
ndigits(int64_t v)
{
	size_t		n = 1;

	for (; v >= 10; v /= 10)
		n++;
	return n;
}

/* 176586650.10元: the digits before the point are cut, the rest is the amount's */
static void
split_procurement(GdParser *p, const GdToken *t, T2 *st)
{
	const char *s = p->t.s + t->off;
	size_t		n = 0;
	int64_t		cands[2 * 64];
	int			nc;
	int			raw;
	GdReport   *r = p->r;

	while (n < t->len && s[n] >= '0' && s[n] <= '9')
		n++;
	nc = raw = gd_split(s, n, 2, 0, cands, 64);
	if (nc > 1)
	{
		/* the amount the prose states decides, when only one cut gives it */
		int64_t		amounts[8];
		int			na = stated_procurement(p, t->off, amounts, 8);
		int			keep = -1;
		int			nkeep = 0;

		for (int c = 0; c < nc; c++)
		{
			int64_t		v = cut_amount(p, t, ndigits(cands[2 * c]), st->procurement_unit);

			for (int k = 0; k < na; k++)
				if (v != GD_NULL && v == amounts[k])
				{
					keep = c;
					nkeep++;
					break;
				}
		}
		if (nkeep == 1)
		{
			cands[0] = cands[2 * keep];
			cands[1] = cands[2 * keep + 1];
			nc = 1;
		}
	}
	if (nc == 1)
	{
		GdToken		amount = *t;
		size_t		plen = ndigits(cands[0]);

		if (raw > 1)
			gd_diag(p, "cell.split_decided", "active", "procurement", NULL, t->off,
					"政府集中采购：数字连写“%.*s”，有 %d 种分法，由正文所述采购金额确定唯一的一种",
					(int) gd_clip(s, t->len, 40), s, raw);
		r->active[GD_A_PROCUREMENT][0] = cands[0];
		amount.off += plen;
		amount.len -= (uint32_t) plen;
		r->procurement_amount_text = gd_strndup(p, p->t.s + amount.off, amount.len);
		r->active[GD_A_PROCUREMENT][1] =
			gd_cell_value(p, &amount, GD_KIND_AMOUNT, st->procurement_unit,
						  "active", "procurement", "amount_yuan");
		return;
	}
	gd_diag(p, "cell.ambiguous_split", "active", "procurement", NULL, t->off,
			"政府集中采购：数字连写“%.*s”，无法确定采购项目数量与采购总金额的分界",
			(int) gd_clip(s, t->len, 40), s);
}

static void
store_row(GdParser *p, T2 *st, int row, const GdRowCells *rc)
{
	const GdActiveRowDef *def = gd_active_row_def(st->format, row);
	GdReport   *r = p->r;
	int			k = def->ncols;
	size_t		off,
				len;

	if (rc->n == k)
	{
		for (int c = 0; c < k; c++)
		{
			GdUnit		unit = GD_UNIT_NONE;

			if (def->cols[c].kind == GD_KIND_AMOUNT)
				unit = row == GD_A_FEES ? GD_UNIT_WAN : st->procurement_unit;
			r->active[row][c] = gd_cell_value(p, rc->tok[c], def->cols[c].kind, unit,
											  "active", def->key, def->cols[c].key);
			if (row == GD_A_PROCUREMENT && c == 1)
				r->procurement_amount_text =
					gd_strndup(p, p->t.s + rc->tok[c]->off, rc->tok[c]->len);
		}
		return;
	}
	if (row == GD_A_PROCUREMENT && rc->n == 1 && !rc->tok[0]->cell &&
		gd_runs_together(p))
	{
		split_procurement(p, rc->tok[0], st);
		return;
	}
	if (gd_runtogether(p, rc, k, &off, &len))
	{
		unsigned	signs = 0;
		char		buf[256];
		int64_t    *cands = gd_split_scratch(p);
		int			n;

		for (int c = 0; c < k; c++)
			if (def->cols[c].kind == GD_KIND_SIGNED)
				signs |= 1u << c;
		n = gd_split(buf, gd_split_text(p->t.s + off, len, buf, sizeof(buf)), k, signs,
					 cands, GD_MAX_CANDIDATES);
		gd_tick(p);
		if (n > 0)
		{
			bool		open = false;
			int			raw = n;

			if (st->format == 2021 && (row == GD_A_RULES || row == GD_A_NORMATIVE))
				for (int c = 0; c < k; c++)
				{
					Stated		sa = {p, c};

					if (p->stated[c].n > 0)
						n = gd_filter_candidates(cands, n, k, stated_matches, &sa);
				}
			for (int c = 0; c < k; c++)
			{
				bool		same = true;

				for (int j = 1; j < n; j++)
					if (cands[(size_t) j * k + c] != cands[c])
						same = false;
				if (same)
					r->active[row][c] = cands[c];
				else
				{
					open = true;
					gd_diag(p, "cell.ambiguous_split", "active", def->key, def->cols[c].key, off,
							"%s：数字连写“%.*s”，有 %d 种分法，“%s”一列无法确定，留空",
							def->label, (int) gd_clip(p->t.s + off, len, 40), p->t.s + off, n,
							def->cols[c].label);
				}
			}
			if (!open && raw > 1)
				gd_diag(p, "cell.split_decided", "active", def->key, NULL, off,
						"%s：数字连写“%.*s”，有 %d 种分法，由正文所述件数确定唯一的一种",
						def->label, (int) gd_clip(p->t.s + off, len, 40), p->t.s + off, raw);
			return;
		}
	}
	gd_diag(p, "row.incomplete", "active", def->key, NULL,
			rc->n > 0 ? rc->tok[0]->off : (size_t) -1,
			"%s：应有 %d 个单元格，读到 %d 个，无法确定对应的列", def->label, k, rc->n);
}

static void
store_vertical(GdParser *p, int row, const GdToken **cells, void *arg)
{
	GdRowCells	rc;
	const GdActiveRowDef *def = gd_active_row_def(((T2 *) arg)->format, row);

	rc.n = def->ncols;
	for (int c = 0; c < def->ncols; c++)
		rc.tok[c] = cells[c];
	store_row(p, arg, row, &rc);
}

static int
vertical_label(GdParser *p, const GdToken *t, void *arg)
{
	return gd_match_token(p, t, match_row, NULL);
}

/* pdftotext without -layout: see vertical.c */
static void
read_vertical(GdParser *p, const GdTokens *ts, T2 *st, size_t from)
{
	int			rows[GD_A_NROWS];
	int			ncols[GD_A_NROWS];
	int			n = 0;

	for (int row = 0; row < GD_A_NROWS; row++)
	{
		const GdActiveRowDef *def = gd_active_row_def(st->format, row);

		if (def->ncols > 0)
		{
			rows[n] = row;
			ncols[n++] = def->ncols;
		}
	}
	p->r->active_format = st->format;
	if (!gd_vertical_rows(p, ts, rows, n, ncols, false, store_vertical, vertical_label, st,
						  "active"))
		gd_diag(p, "table.unreadable", "active", NULL, NULL, from,
				"表二的单元格逐行排列且顺序无法确定（如不带 -layout 的 pdftotext 输出），未读取数据");
}

void
gd_read_active(GdParser *p)
{
	GdTokens	ts;
	T2			st;
	size_t		from,
				to;
	bool		found[GD_A_NROWS] = {false};
	bool		filled[GD_A_NROWS] = {false};
	int			nfound = 0;
	int			ncells = 0;
	int			mark = p->r->ndiagnostics;
	GdReport   *r = p->r;

	if (!gd_table_region(p, 2, &from, &to))
	{
		gd_diag(p, "table.missing", "active", NULL, NULL, (size_t) -1,
				"未找到表二（主动公开政府信息情况）");
		return;
	}
	memset(&ts, 0, sizeof(ts));
	gd_tokenize(p, from, to, &ts);
	init_words();
	read_headers(p, &ts, &st);
	if (st.format == 0)
	{
		gd_diag(p, "table.missing", "active", NULL, NULL, from,
				"未找到表二（主动公开政府信息情况）的表头");
		return;
	}
	if (gd_vertical_layout(&ts))
	{
		read_vertical(p, &ts, &st, from);
		return;
	}
	for (size_t i = 0; i < ts.n;)
	{
		const GdToken *t = &ts.v[i];
		GdRowCells	rc;
		int			row;
		size_t		last;

		if (t->kind != GD_TK_TEXT)
		{
			i++;
			continue;
		}
		row = gd_match_cells(p, &ts, i, match_row, NULL, &last);
		if (row < 0 || gd_active_row_def(st.format, row)->ncols == 0)
		{
			i++;
			continue;
		}
		/* 表二's rows have no sum of their own (sum_group 0) */
		i = gd_collect_row(p, &ts, last, gd_active_row_def(st.format, row)->ncols, 0, &rc,
						   is_label, NULL);
		/* the first reading of a row stands (see table_requests.c) */
		if (found[row] && (rc.n == 0 || filled[row]))
			continue;
		filled[row] = rc.n > 0;
		if (!found[row])
			nfound++;
		ncells += rc.n;
		found[row] = true;
		store_row(p, &st, row, &rc);
	}
	if (nfound == 0 || ncells == 0)
	{
		/* labels alone are no table: what was said of their rows goes */
		p->r->ndiagnostics = mark;
		gd_diag(p, "table.missing", "active", NULL, NULL, from,
				"未找到表二（主动公开政府信息情况）的数据行");
		return;
	}
	r->active_format = st.format;
	if (ts.truncated)
		gd_diag(p, "table.truncated", "active", NULL, NULL, from,
				"表二所在部分过长，只读取了开头部分");
	for (int row = 0; row < GD_A_NROWS; row++)
	{
		const GdActiveRowDef *def = gd_active_row_def(st.format, row);

		if (def->ncols > 0 && !found[row])
			gd_diag(p, "row.missing", "active", def->key, NULL, (size_t) -1,
					"表二未找到“%s”一行", def->label);
	}
}
