/*
 * cells.c
 *		Cutting the normalised text of a table region into tokens: labels and
 *		other words (TEXT), cells that hold a value, are blank or hold a
 *		placeholder (VALUE), and row ends.  One pass, line by line; each line
 *		is read in the layout it shows:
 *		- a line that starts with a tab is one Word cell (HTML arrives in this
 *		  form too); short lines after it continue the cell (本年新 / 制作数量);
 *		- a line with '|' holds pipe or Markdown cells, one with tabs inside
 *		  holds tab-separated cells (innerText, spreadsheets);
 *		- any other line is free text (pdftotext, web text): words apart by two
 *		  spaces or more are separate cells, numbers are cut from the words
 *		  they are glued to (规章000, 00000004.保护…).
 */
#include <string.h>

#include "alloc.h"
#include "cells.h"
#include "match.h"
#include "utf8.h"
#include "values.h"

#define MAX_REGION (4 * 1024 * 1024)

/* room for more tokens: out of line, so that push keeps few registers */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void
grow_tokens(GdParser *p, GdTokens *ts)
{
	size_t		ncap = ts->cap ? ts->cap * 2 : 256;

	ts->v = gd_grow(p, ts->v, ts->cap * sizeof(GdToken), ncap * sizeof(GdToken));
	ts->cap = ncap;
}

static inline GdToken *
push(GdParser *p, GdTokens *ts, GdTokKind kind, size_t off, size_t len,
	 bool cell, int col)
{
	GdToken    *t;

	if (ts->n == ts->cap)
		grow_tokens(p, ts);
	t = &ts->v[ts->n++];
	t->off = off;
	t->len = (uint32_t) len;
	t->kind = (uint8_t) kind;
	t->cell = cell;
	t->glued = false;
	t->soft = false;
	t->alone = false;
	t->digits = false;
	t->col = col;
	t->compact = NULL;
	t->compact_len = 0;
	t->cs = NULL;
	return t;
}

static inline void
push_rowend(GdParser *p, GdTokens *ts, size_t off, bool soft)
{
	if (ts->n > 0 && ts->v[ts->n - 1].kind == GD_TK_ROWEND)
	{
		/* a hard end wins over a soft one */
		if (!soft)
			ts->v[ts->n - 1].soft = false;
		return;
	}
	push(p, ts, GD_TK_ROWEND, off, 0, false, 0)->soft = soft;
}

/*
 * A letter that scanning or retyping puts for a digit: O for 0, l or I for
 * 1, Z for 2, S for 5, B for 8, g for 9 ...
 */
static inline bool
is_digit_lookalike(char c)
{
	/* "OoDQlIiZzSsBbgq" as bits of their codes (all in 64..127) */
	static const uint64_t letters =
		(UINT64_C(1) << ('O' - 64)) | (UINT64_C(1) << ('o' - 64)) | (UINT64_C(1) << ('D' - 64)) |
		(UINT64_C(1) << ('Q' - 64)) | (UINT64_C(1) << ('l' - 64)) | (UINT64_C(1) << ('I' - 64)) |
		(UINT64_C(1) << ('i' - 64)) | (UINT64_C(1) << ('Z' - 64)) | (UINT64_C(1) << ('z' - 64)) |
		(UINT64_C(1) << ('S' - 64)) | (UINT64_C(1) << ('s' - 64)) | (UINT64_C(1) << ('B' - 64)) |
		(UINT64_C(1) << ('b' - 64)) | (UINT64_C(1) << ('g' - 64)) | (UINT64_C(1) << ('q' - 64));
	unsigned char u = (unsigned char) c;

	return u >= 64 && u < 128 && ((letters >> (u - 64)) & 1);
}

/*
 * A figure printed with a letter among its digits (55O, l2, 1O3): it stands
 * where a value stands and is one, but cannot be read.  Taken as a value
 * token, so that the row keeps its cells in place and the cell says so
 * (cell.unreadable) instead of being passed over as words.
 */
static bool
damaged_figure(const char *s, size_t n)
{
	bool		digit = false,
				letter = false;

	if (n < 2 || n > 20)
		return false;
	for (size_t k = 0; k < n; k++)
	{
		if (s[k] >= '0' && s[k] <= '9')
			digit = true;
		else if (is_digit_lookalike(s[k]))
			letter = true;
		else if (!(k > 0 && (s[k] == '.' || s[k] == ',')))
			return false;
	}
	return digit && letter;
}

/* classify's last resort: what gd_read_number makes of it (out of line) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int
classify_read(const char *s, size_t n)
{
	GdNumber	num;

	if (gd_read_number(s, n, &num) != GD_CELL_TEXT)
		return GD_TK_VALUE;
	return damaged_figure(s, n) ? GD_TK_VALUE : GD_TK_TEXT;
}

/* classify_cell: a value of 1 to 18 digits, nothing else (GdToken.digits) */
#define TK_DIGITS 3

/*
 * What kind of token is the text s[0..n)?  A GdTokKind, or TK_DIGITS for a
 * value of plain digits.
 */
static inline int
classify_cell(const char *s, size_t n)
{
	unsigned char c;
	size_t		other = 0;
	size_t		first_other = n;
	bool		digits = true;

	/*
	 * Most cells are blank, plain digits or words: those are told here, as
	 * gd_read_number would tell them.  A lone 无 or 空 is a placeholder; a
	 * number takes at most a unit (6 bytes) that is not a digit, a sign, a
	 * separator or white space.
	 */
	if (n == 0)
		return GD_TK_VALUE;
	c = (unsigned char) s[0];
	if (c >= 0xE4 && c <= 0xE9 && n > 3)
		return GD_TK_TEXT;
	for (size_t k = 0; k < n; k++)
	{
		c = (unsigned char) s[k];
		if (c >= '0' && c <= '9')
			continue;
		digits = false;
		if (c == ',' || c == '.' || c == '+' || c == '-' || c == ' ' || c == '\t' || c == '\n')
			continue;
		if (other++ == 0)
			first_other = k;
		/* with 19 digits before it, the number would be too long instead */
		if (other > 6 && first_other < 19)
			return GD_TK_TEXT;
	}
	if (digits && n <= 18)
		return TK_DIGITS;
	return classify_read(s, n);
}

static inline GdTokKind
classify(const char *s, size_t n)
{
	int			k = classify_cell(s, n);

	return k == TK_DIGITS ? GD_TK_VALUE : (GdTokKind) k;
}

static inline bool
is_space(char c)
{
	/* most bytes are above the space: one test for them, one for the rest */
	return (unsigned char) c <= ' ' &&
		((((UINT64_C(1) << ' ') | (UINT64_C(1) << '\t') | (UINT64_C(1) << '\n')) >>
		  (unsigned char) c) & 1);
}

static inline void
trim(const char *s, size_t *from, size_t *to)
{
	size_t		a = *from;
	size_t		b = *to;

	while (a < b && is_space(s[a]))
		a++;
	while (b > a && is_space(s[b - 1]))
		b--;
	*from = a;
	*to = b;
}

/* An explicit cell; col is its place in its row (1, 2, …) where a row is one line, else 0 */
static inline void
push_cell_at(GdParser *p, GdTokens *ts, size_t from, size_t to, int col)
{
	int			k;

	trim(p->t.s, &from, &to);
	k = classify_cell(p->t.s + from, to - from);
	if (k == TK_DIGITS)
		push(p, ts, GD_TK_VALUE, from, to - from, true, col)->digits = true;
	else
		push(p, ts, (GdTokKind) k, from, to - from, true, col);
}

static inline void
push_cell(GdParser *p, GdTokens *ts, size_t from, size_t to)
{
	push_cell_at(p, ts, from, to, 0);
}

/* Characters (not bytes) in s[0..n) */
static size_t
nchars(const char *s, size_t n)
{
	size_t		c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static bool
is_blank_line(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Page numbers and footers that pdftotext leaves inside tables: -3-, 第3页 */
static bool
is_page_number(const char *s, size_t from, size_t to)
{
	char		buf[64];
	size_t		n;
	size_t		i = 0;
	size_t		digits = 0;
	size_t		k = from;

	if (to - from > 40)
		return false;
	/*
	 * After what gd_compact drops (white space, quotes, “ 「 …, all led by
	 * E2 or E3) it starts with -, — or 第, and it holds a digit: most lines
	 * fail one or the other.
	 */
	while (k < to && (s[k] == ' ' || s[k] == '\t' || s[k] == '"' || s[k] == '\''))
		k++;
	if (k == to)
		return false;
	if ((unsigned char) s[k] == 0xE7 ? !(k + 3 <= to && memcmp(s + k, "第", 3) == 0) :
		(s[k] != '-' && (unsigned char) s[k] != 0xE2 && (unsigned char) s[k] != 0xE3))
		return false;
	while (k < to && !(s[k] >= '0' && s[k] <= '9'))
		k++;
	if (k == to)
		return false;
	n = gd_compact(s + from, to - from, buf, sizeof(buf));
	if (n == 0)
		return false;
	if (buf[0] == '-' || strncmp(buf, "—", 3) == 0)
	{
		i = buf[0] == '-' ? 1 : 3;
		while (buf[i] >= '0' && buf[i] <= '9')
			i++, digits++;
		return digits > 0 && digits <= 3 &&
			(strcmp(buf + i, "-") == 0 || strcmp(buf + i, "—") == 0);
	}
	if (strncmp(buf, "第", 3) == 0)
	{
		i = 3;
		while (buf[i] >= '0' && buf[i] <= '9')
			i++, digits++;
		return digits > 0 && strncmp(buf + i, "页", 3) == 0;
	}
	return false;
}

/* Is this line a section heading (一、总体情况 …)?  Then it is no cell text. */
static bool
is_heading_line(const char *s, size_t from, size_t to)
{
	char		buf[96];
	const char *rest;

	gd_compact(s + from, to - from, buf, sizeof(buf));
	rest = gd_strip_numbering(buf);
	if (rest == buf)
		return false;
	return gd_contains(rest, "总体情况") || gd_contains(rest, "主动公开政府信息") ||
		gd_contains(rest, "收到和处理") || gd_contains(rest, "行政复议") ||
		gd_contains(rest, "存在的主要问题") || gd_contains(rest, "其他需要报告");
}

/*
 * The first tab or line end in s[i..to), or to: eight bytes at a time, the
 * bytes below 0x0B marked (x - 0x0B sets the high bit of a byte below it
 * that had it clear; a borrow only runs on from such a byte, so the lowest
 * mark is the first of them).
 */
static inline size_t
tab_or_line_end(const char *s, size_t i, size_t to)
{
	while (to - i >= 8)
	{
		uint64_t	w;
		uint64_t	low;

		memcpy(&w, s + i, 8);
		low = (w - UINT64_C(0x0B0B0B0B0B0B0B0B)) & ~w & UINT64_C(0x8080808080808080);
		if (low == 0)
		{
			i += 8;
			continue;
		}
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* the first byte in memory is the lowest of w */
		i += (size_t) __builtin_ctzll(low) / 8;
		if (s[i] == '\t' || s[i] == '\n')
			return i;
		i++;
#else
		break;
#endif
	}
	while (i < to && s[i] != '\t' && s[i] != '\n')
		i++;
	return i;
}

/*
 * A Word line: cells apart by tabs from 'start' (after its leading tab) to
 * the line's end, found in the same pass.  Returns where the line ends.
 */
static size_t
word_line(GdParser *p, GdTokens *ts, size_t start, size_t to)
{
	const char *s = p->t.s;

	for (;;)
	{
		size_t		i = start;

		/*
		 * Most cells are plain digits, or blank: told as they are found
		 * (classify's answer; there is nothing to trim).
		 */
		while (i < to && (unsigned) ((unsigned char) s[i] - '0') <= 9)
			i++;
		if ((i == to || s[i] == '\n' || s[i] == '\t') && i - start <= 18)
			push(p, ts, GD_TK_VALUE, start, i - start, true, 0)->digits = i > start;
		else
		{
			i = tab_or_line_end(s, i, to);
			push_cell(p, ts, start, i);
		}
		if (i == to || s[i] == '\n')
			return i;
		start = i + 1;
	}
}

/* Cells apart by tabs, from 'start' to 'to' (a line's end). */
static void
tab_cells(GdParser *p, GdTokens *ts, size_t start, size_t to)
{
	const char *s = p->t.s;
	size_t		i = start;

	for (;;)
	{
		while (i < to && s[i] != '\t')
			i++;
		push_cell(p, ts, start, i);
		if (i == to)
			break;
		start = ++i;
	}
}

static bool
is_markdown_rule(const char *s, size_t from, size_t to)
{
	bool		dash = false;

	for (size_t i = from; i < to; i++)
	{
		if (s[i] == '-')
			dash = true;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return dash;
}

/* Bars in s[first_bar..to), the first at first_bar: up to 3, no more matter */
static int
count_bars(const char *s, size_t first_bar, size_t to)
{
	int			bars = 1;
	const char *bar = s + first_bar + 1;

	while (bars < 3 && (bar = memchr(bar, '|', s + to - bar)) != NULL)
	{
		bars++;
		bar++;
	}
	return bars;
}

/*
 * A line with '|' (the first at first_bar).  "| a | b |" (Markdown, one
 * row a line) gives its inner cells and a row end.  Web text puts each cell
 * on its own line ending in '|', a lone '|' between rows and runs of '|'
 * after a row's last cell.
 */
static void
pipe_line(GdParser *p, GdTokens *ts, size_t from, size_t to, size_t first_bar)
{
	const char *s = p->t.s;
	size_t		i = from;
	bool		more_bars = false;

	/*
	 * A bar that opens the line starts a row (Markdown, or web text's lone
	 * bar); web text indents its cells, so "   |" is a blank cell.
	 */
	if (s[i] == ' ' && i + 1 < to && s[i + 1] == '|' && count_bars(s, first_bar, to) >= 3)
		i++;					/* " | a | b |": Markdown with a margin */
	if (s[i] == '|')
	{
		size_t		start = i + 1;
		bool		content = false;
		int			ncell = 0;

		for (size_t k = i + 1; k < to && !content; k++)
			if (s[k] != '|' && s[k] != ' ' && s[k] != '\t')
				content = true;
		/* a lone bar between web-text rows; | | | is a row of blank cells */
		if (!content && count_bars(s, first_bar, to) < 3)
		{
			push_rowend(p, ts, from, false);
			return;
		}
		/* Markdown: cells between bars; the rule row |---|---| is skipped */
		for (size_t k = start;; start = ++k)
		{
			size_t		a = start,
						b;

			while (k < to && s[k] != '|')
				k++;
			b = k;
			if (k == to)
			{
				/* text after the last bar: a cell only if there is any */
				trim(s, &a, &b);
				if (a == b)
					break;
			}
			if (!is_markdown_rule(s, start, k))
				push_cell_at(p, ts, a, b, ++ncell);
			if (k == to)
				break;
		}
		push_rowend(p, ts, to, false);
		return;
	}
	/* a row written on one line without the outer bars: 规章 | 0 | 0 | 0 */
	for (size_t k = first_bar + 1; k < to; k++)
	{
		if (s[k] == '|')
			more_bars = true;
		else if (s[k] != ' ' && s[k] != '\t')
		{
			size_t		start = from;

			for (size_t e = from; e <= to; e++)
				if (e == to || s[e] == '|')
				{
					push_cell(p, ts, start, e);
					start = e + 1;
				}
			push_rowend(p, ts, to, false);
			return;
		}
	}
	/* web text: one cell, then the bar that closes it (and more, a row) */
	push_cell(p, ts, from, first_bar);
	if (more_bars)
		push_rowend(p, ts, to, false);
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Unit characters that may close a number: 万元 元 个 件 … (see values.c) */
static size_t
unit_len(const char *s, size_t i, size_t to)
{
	static const char *const us[] = {"万元", "万", "元", "个", "件", "条", "项", "笔", "次", "宗", "起", "家", "份", NULL};

	/* all of them start with a byte in E4..E9; most numbers end otherwise */
	if (i >= to || (unsigned char) s[i] < 0xE4 || (unsigned char) s[i] > 0xE9)
		return 0;
	for (int k = 0; us[k]; k++)
	{
		size_t		n = strlen(us[k]);

		if (i + n <= to && memcmp(s + i, us[k], n) == 0)
			return n;
	}
	return 0;
}

/*
 * Does a word of more than three bytes start at i with an ideograph?  Then
 * it is text (see classify), with no need to find its end.
 */
static bool
ideograph_word(const char *s, size_t i, size_t to)
{
	if ((unsigned char) s[i] < 0xE4 || (unsigned char) s[i] > 0xE9 || i + 4 > to)
		return false;
	for (size_t k = i + 1; k <= i + 3; k++)
		if (s[k] == ' ' || s[k] == '\t')
			return false;
	return true;
}

/*
 * Numbering at a..i (1. 2、), glued to the words before it: it opens the
 * next row's label when words follow it and an ideograph or a closing
 * bracket ends the words before.  (An ordinal inside a phrase is followed
 * by a digit, and was cut as a number.)
 */
static bool
opens_label(const char *s, size_t from, size_t a, size_t i, size_t to)
{
	size_t		after = s[i] == '.' ? i + 1 : i + 3;
	size_t		before = a;

	/* a space may stand on either side: 申请 3. 其他 */
	while (after < to && s[after] == ' ')
		after++;
	while (before > from && s[before - 1] == ' ')
		before--;
	if (i - a > 2 || before < from + 3 || after >= to || (unsigned char) s[after] < 0xE4)
		return false;
	return (unsigned char) s[before - 1] >= 0x80 || s[before - 1] == ')';
}

/*
 * (七) or (1) at i, inside words that began at text_start: the numbering of
 * the next label (…申请3.其他(七)总计), unless a reference (第(一)项).
 */
static bool
opens_numbered_label(const char *s, size_t text_start, size_t i, size_t to)
{
	char		buf[16];
	size_t		n = to - i < sizeof(buf) - 1 ? to - i : sizeof(buf) - 1;

	if (i < text_start + 3 || memcmp(s + i - 3, "第", 3) == 0)
		return false;
	memcpy(buf, s + i, n);
	buf[n] = '\0';
	return gd_strip_numbering(buf) != buf;
}

/*
 * Free text: words, numbers cut from the words they are glued to, cells
 * apart by runs of spaces.
 */
static void
free_line(GdParser *p, GdTokens *ts, size_t from, size_t to)
{
	const char *s = p->t.s;
	size_t		i = from;
	int			nvalues = 0;
	bool		text_before_value = false;
	size_t		text_start = 0;
	size_t		text_end = 0;
	bool		in_text = false;
	size_t		gap = 2;		/* spaces before the current piece */
	size_t		word_start = 0;	/* where the last word of the text began */
	size_t		first = ts->n;
	int			col = 0;		/* characters from 'from' to i */
	int			text_col = 0;	/* ... and to text_start */

	while (i < to)
	{
		char		c = s[i];

		if (c == ' ' || c == '\t')
		{
			size_t		b = i;

			/* layout text pads its columns with long runs of spaces */
			while (i + 8 <= to && memcmp(s + i, "        ", 8) == 0)
				i += 8;
			while (i < to && (s[i] == ' ' || s[i] == '\t'))
				i++;
			gap = i - b;
			col += (int) gap;
			continue;
		}

		if (is_digit(c) ||
			((c == '+' || c == '-') && i + 1 < to && is_digit(s[i + 1])))
		{
			size_t		a = i;
			size_t		b;
			size_t		run_end;
			bool		glued = in_text && gap == 0;
			int			a_col = col;

			i++;
			while (i < to && (is_digit(s[i]) ||
							  ((s[i] == '.' || s[i] == ',') && i + 1 < to && is_digit(s[i + 1]) &&
							   is_digit(s[i - 1]))))
				i++;
			run_end = i;

			/*
			 * Label numbering glued to the figures before it: 00000004.保护…
			 * — the last digit and its point open the next label.  (7) is
			 * numbering too.
			 */
			if ((i < to && (s[i] == '.' || (i + 3 <= to && memcmp(s + i, "、", 3) == 0)) &&
				 !(i + 1 < to && is_digit(s[i + 1])) && s[i - 1] != ',') ||
				(a > from && s[a - 1] == '(' && i < to && s[i] == ')' && run_end - a <= 2))
			{
				if (run_end - a == 1 || (i < to && s[i] == ')') || (a < run_end && (s[a] == '+' || s[a] == '-')))
				{
					/*
					 * The whole run is numbering: text, and when it is glued
					 * to the words before it (…公开申请3.其他), it opens the
					 * next row's label.
					 */
					if (!in_text || gap >= 2 || opens_label(s, from, a, i, to))
					{
						if (in_text)
							push(p, ts, GD_TK_TEXT, text_start, text_end - text_start, false,
								 text_col);
						in_text = true;
						text_start = a;
						text_col = a_col;
					}
					text_end = i;
					col = a_col + (int) (i - a);	/* the run is ASCII */
					gap = 0;
					continue;
				}
				run_end--;
				i = run_end;
				col = a_col + (int) (i - a);
			}
			else if (i < to && is_digit_lookalike(s[i]))
			{
				/* 55O: the figure runs to the end of the word, unreadable */
				size_t		w = i;

				while (w < to && s[w] != ' ' && s[w] != '\t')
					w++;
				if (damaged_figure(s + a, w - a))
				{
					col = a_col + (int) (w - a);
					i = w;
				}
			}
			else
			{
				size_t		u = unit_len(s, i, to);

				/* the units are characters of three bytes */
				col = a_col + (int) (i - a + u / 3);
				i += u;
			}
			b = i;

			if (in_text)
			{
				push(p, ts, GD_TK_TEXT, text_start, text_end - text_start, false, text_col);
				in_text = false;
				text_before_value = true;
			}
			push(p, ts, GD_TK_VALUE, a, b - a, false, a_col)->glued = glued;
			nvalues++;
			gap = 0;
			continue;
		}

		/* text: one character */
		{
			size_t		next = i;

			gd_utf8_next(s, to, &next);
			/*
			 * 规    章: a label spaced out character by character stays
			 * whole; (七) glued to the words before it opens the next label.
			 */
			if (in_text && ((gap >= 2 && !(text_end - word_start == 3 && next - i == 3)) ||
							(c == '(' && opens_numbered_label(s, text_start, i, to))))
			{
				push(p, ts, GD_TK_TEXT, text_start, text_end - text_start, false, text_col);
				in_text = false;
			}
			/* a placeholder standing alone is a cell: / - — 无 */
			if (!in_text && gap >= 1 && !ideograph_word(s, i, to))
			{
				size_t		w = i;

				while (w < to && s[w] != ' ' && s[w] != '\t')
					w++;
				if (w > i && classify(s + i, w - i) == GD_TK_VALUE &&
					(w == to || s[w] == ' ' || s[w] == '\t'))
				{
					push(p, ts, GD_TK_VALUE, i, w - i, false, col);
					nvalues++;
					col += (int) nchars(s + i, w - i);
					i = w;
					gap = 0;
					continue;
				}
			}
			if (!in_text)
			{
				in_text = true;
				text_start = i;
				text_col = col;
			}
			if (gap > 0 || word_start < text_start)
				word_start = i;
			/* a whole character, or a stray byte: one unless it continues one */
			if (((unsigned char) s[i] & 0xC0) != 0x80)
				col++;
			i = next;
			gap = 0;
			/* the ideographs that follow go on the text, with nothing to decide */
			while (i + 3 <= to && (unsigned) ((unsigned char) s[i] - 0xE4) < 6 &&
				   ((unsigned char) s[i + 1] & 0xC0) == 0x80 &&
				   ((unsigned char) s[i + 2] & 0xC0) == 0x80)
				i += 3, col++;
			text_end = i;
		}
	}
	if (in_text)
		push(p, ts, GD_TK_TEXT, text_start, text_end - text_start, false, text_col);
	if (ts->n == first + 1 && ts->v[first].kind == GD_TK_VALUE)
	{
		ts->v[first].alone = true;
		ts->alone_values++;
	}
	ts->free_values += nvalues;
	if (nvalues >= 2 || (nvalues >= 1 && text_before_value))
		push_rowend(p, ts, to, true);
}

void
gd_tokenize(GdParser *p, size_t from, size_t to, GdTokens *ts)
{
	const char *s = p->t.s;
	size_t		ls = from;
	bool		prev_cell = false;	/* the last line was a Word cell */
	size_t		next_tick = from;

	if (to > p->t.len)
		to = p->t.len;
	if (to > from && to - from > MAX_REGION)
	{
		to = from + MAX_REGION;
		ts->truncated = true;
	}
	if (ts->cap == 0 && to > from)
	{
		/* tables take 6 to 40 bytes a token: room for most, not to grow */
		size_t		cap = (to - from) / 6 + 1;

		cap = cap < 256 ? 256 : cap > 16384 ? 16384 : cap;
		ts->v = gd_alloc(p, cap * sizeof(GdToken));
		ts->cap = cap;
	}
	while (ls < to)
	{
		const char *nl;
		size_t		le;
		const char *bar;

		if (ls >= next_tick)
		{
			gd_tick(p);
			next_tick = ls + (1 << 16);
		}
		if (s[ls] == '\t')
		{
			size_t		i = ls + 1;

			/*
			 * Most Word lines are one cell of plain digits, or blank: told
			 * here (as word_line tells them).  The text ends with a NUL
			 * (gd_normalize), which ends the digits if nothing before does.
			 */
			while ((unsigned) ((unsigned char) s[i] - '0') <= 9)
				i++;
			if (i < to && s[i] == '\n' && i - ls - 1 <= 18)
				push(p, ts, GD_TK_VALUE, ls + 1, i - ls - 1, true, 0)->digits = i > ls + 1;
			else
				i = word_line(p, ts, ls + 1, to);	/* a lone tab is a blank cell */
			ls = i + 1;
			prev_cell = true;
			continue;
		}
		if (s[ls] == '\n')
		{
			/* a blank line */
			if (prev_cell)
				push_rowend(p, ts, ls, false);
			prev_cell = false;
			ls++;
			continue;
		}
		nl = memchr(s + ls, '\n', to - ls);
		le = nl ? (size_t) (nl - s) : to;
		if (is_blank_line(s, ls, le))
		{
			if (prev_cell)
				push_rowend(p, ts, ls, false);
			prev_cell = false;
		}
		else if (is_page_number(s, ls, le))
			;					/* neither a cell nor the end of one */
		else if (prev_cell && ts->n > 0 && ts->v[ts->n - 1].kind != GD_TK_ROWEND &&
				 nchars(s + ls, le - ls) <= 24 && memchr(s + ls, '|', le - ls) == NULL &&
				 !is_heading_line(s, ls, le))
		{
			/* the cell of the previous line goes on: 本年新 / 制作数量 */
			GdToken    *t = &ts->v[ts->n - 1];
			size_t		a = t->len ? t->off : ls;
			size_t		b = le;

			trim(s, &a, &b);
			t->off = a;
			t->len = (uint32_t) (b - a);
			t->kind = (uint8_t) classify(s + a, b - a);
			t->digits = false;
		}
		else if ((bar = memchr(s + ls, '|', le - ls)) != NULL)
		{
			pipe_line(p, ts, ls, le, bar - s);
			prev_cell = false;
		}
		else if (memchr(s + ls, '\t', le - ls) != NULL)
		{
			/* a row with its cells apart by tabs (innerText, spreadsheets) */
			tab_cells(p, ts, ls, le);
			push_rowend(p, ts, le, false);
			prev_cell = false;
		}
		else
		{
			free_line(p, ts, ls, le);
			prev_cell = false;
		}
		ls = le + 1;
	}
}
