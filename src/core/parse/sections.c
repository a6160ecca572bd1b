/*
 * sections.c
 *		The six parts of a report, found by their numbering (一、 or 1、) and
 *		what the heading says, in order; and from them the regions of the
 *		normalised text where the three tables stand.
 */
#include <string.h>

#include "alloc.h"
#include "diagnostics.h"
#include "match.h"
#include "sections.h"
#include "text.h"

/* What each heading says, in any of the wordings seen. */
static const char *const keywords[7][5] = {
	{NULL},
	{"总体情况", "概述", "基本情况", NULL},
	{"主动公开", NULL},
	{"收到和处理", "依申请公开", "申请情况", NULL},
	{"行政复议", "行政诉讼", NULL},
	{"存在的主要问题", "主要问题", "存在问题", "问题和改进", NULL},
	{"其他需要报告", "其他需要说明", "其他事项", NULL},
};

/* how far into the heading a keyword may start, and the longest keyword */
#define KEYWORD_OPENS	(3 * 12)
#define KEYWORD_MAX		(3 * 7)

static bool
says(const char *compact, int no)
{
	/* the keyword must open the heading, give or take a few characters */
	for (int k = 0; keywords[no][k]; k++)
	{
		const char *hit = strstr(compact, keywords[no][k]);

		if (hit && hit - compact <= KEYWORD_OPENS)
			return true;
	}
	return false;
}

/*
 * Does a heading of part 'no' have its numeral at s[start]?  Its separator
 * (、 . ,) follows the numeral; what follows that must say the part.
 */
static bool
heading_says(const char *s, size_t len, size_t start, int no)
{
	size_t		j = start + (s[start] == '0' + no ? 1 : 3);
	size_t		seplen = (s[j] == '.' || s[j] == ',') ? 1 : 3;
	char		buf[KEYWORD_OPENS + KEYWORD_MAX + 5];

	/*
	 * Of the compact form, only the part where a keyword may stand is
	 * needed: gd_compact stops once fewer than 5 bytes of buf are left.
	 */
	gd_compact(s + j + seplen, len - j - seplen < 72 ? len - j - seplen : 72, buf, sizeof(buf));
	return says(buf, no);
}

/*
 * The numeral of part 'no' before the separator at s[j], when it is numbered
 * as a heading: its offset, or (size_t) -1.
 */
static size_t
numbering_at(const char *s, size_t j, int no)
{
	size_t		start;

	if (j >= 3 && memcmp(s + j - 3, gd_section_numerals[no - 1], 3) == 0)
	{
		start = j - 3;
		/* not 十一、 or （一）、 */
		if (start >= 3 && (memcmp(s + start - 3, "十", 3) == 0 ||
						   memcmp(s + start - 3, "第", 3) == 0))
			return (size_t) -1;
	}
	else if (j >= 1 && s[j - 1] == '0' + no)
	{
		start = j - 1;
		if (start >= 1 && ((s[start - 1] >= '0' && s[start - 1] <= '9') ||
						   s[start - 1] == '.'))
			return (size_t) -1;
	}
	else
		return (size_t) -1;
	if (start >= 1 && s[start - 1] == '(')
		return (size_t) -1;
	return start;
}

/* Which part's numeral stands just before the separator at s[j]: 1..6, or 0. */
static int
numeral_before(const char *s, size_t j)
{
	int			no;

	if (j < 1)
		return 0;
	if (s[j - 1] >= '1' && s[j - 1] <= '6')
		return s[j - 1] - '0';
	if (j < 3)
		return 0;
	/* the last bytes of 一 二 三 四 五 六 differ */
	switch ((unsigned char) s[j - 1])
	{
		case 0x80:
			no = 1;
			break;
		case 0x8C:
			no = 2;
			break;
		case 0x89:
			no = 3;
			break;
		case 0x9B:
			no = 4;
			break;
		case 0x94:
			no = 5;
			break;
		case 0xAD:
			no = 6;
			break;
		default:
			return 0;
	}
	return memcmp(s + j - 3, gd_section_numerals[no - 1], 3) == 0 ? no : 0;
}

#define MAX_CANDIDATES 64

/*
 * The places where each part's heading may stand.  What costs is reading
 * what a heading says (heading_says), so a part keeps the places whose
 * numbering fits unread, and reads them only when choosing, in order, until
 * one says the part.  Past MAX_CANDIDATES places, it reads them as they
 * come and keeps the first MAX_CANDIDATES that say the part.
 */
typedef struct Candidates
{
	size_t		at[7][MAX_CANDIDATES];
	int			n[7];
	bool		read[7];		/* at[no] holds only places that say the part */
} Candidates;

/* Is there a heading whose separator stands at s[j]? */
static void
consider(const char *s, size_t len, Candidates *c, size_t j)
{
	int			no = numeral_before(s, j);
	size_t		start;

	if (no == 0 || (c->n[no] == MAX_CANDIDATES && c->read[no]))
		return;
	start = numbering_at(s, j, no);
	if (start == (size_t) -1)
		return;
	if (!c->read[no])
	{
		int			m = 0;

		if (c->n[no] < MAX_CANDIDATES)
		{
			c->at[no][c->n[no]++] = start;
			return;
		}
		for (int k = 0; k < c->n[no]; k++)
			if (heading_says(s, len, c->at[no][k], no))
				c->at[no][m++] = c->at[no][k];
		c->n[no] = m;
		c->read[no] = true;
	}
	if (c->n[no] < MAX_CANDIDATES && heading_says(s, len, start, no))
		c->at[no][c->n[no]++] = start;
}

/*
 * The places where each part's heading may stand, found by their separators
 * (、 . ,) after what may end a numeral, which gd_normalize noted as it
 * wrote them (numeral_before reads the numeral itself); the parts are then
 * taken in order, each after the one before.  The separators are taken one
 * kind after another (. then , then 、), which decides which places are
 * kept when a part has more than MAX_CANDIDATES.
 */
static void
find_headings(GdParser *p, size_t *found)
{
	const char *s = p->t.s;
	size_t		len = p->t.len;
	Candidates	c;
	size_t		from = 0;
	const char	seps[] = {'.', ',', (char) 0xE3};

	memset(c.n, 0, sizeof(c.n));
	memset(c.read, 0, sizeof(c.read));
	for (int k = 0; k < 3; k++)
	{
		for (size_t m = 0; m < p->nsep_at; m++)
		{
			size_t		j = p->sep_at[m];

			/* a numeral stands before a heading's separator */
			if (s[j] == seps[k] && j >= 1)
				consider(s, len, &c, j);
		}
		gd_tick(p);
	}
	for (int no = 1; no <= 6; no++)
	{
		/* the separators were searched one kind after another: sort */
		for (int a = 1; a < c.n[no]; a++)
			for (int b = a; b > 0 && c.at[no][b - 1] > c.at[no][b]; b--)
			{
				size_t		t = c.at[no][b];

				c.at[no][b] = c.at[no][b - 1];
				c.at[no][b - 1] = t;
			}
		found[no] = (size_t) -1;
		for (int k = 0; k < c.n[no]; k++)
			if (c.at[no][k] >= from &&
				(c.read[no] || heading_says(s, len, c.at[no][k], no)))
			{
				found[no] = c.at[no][k];
				from = c.at[no][k] + 1;
				break;
			}
	}
}

/* The heading as printed when it stands on a line of its own. */
static const char *
heading_title(GdParser *p, size_t start, int no)
{
	const char *s = p->t.s;
	size_t		a = start;
	size_t		b;
	size_t		chars = 0;

	/* skip the numbering and separator */
	while (a < p->t.len && s[a] != '.' && s[a] != ',' && memcmp(s + a, "、", 3) != 0)
		a++;
	a += (s[a] == '.' || s[a] == ',') ? 1 : 3;
	while (a < p->t.len && s[a] == ' ')
		a++;
	/* to the end of the line, or to a sentence that follows on it */
	for (b = a; b < p->t.len; b++)
	{
		unsigned char c = (unsigned char) s[b];

		if (c < 0x80)
		{
			if (c == '\n' || c == '\t' || c == ',' || (c == ' ' && chars >= 2) ||
				(c >= '0' && c <= '9'))
				break;
			chars++;
		}
		else if (c == 0xE3 && memcmp(s + b, "。", 3) == 0)
			break;
		else if ((c & 0xF0) == 0xE0 && ((unsigned char) s[b + 1] & 0xC0) == 0x80 &&
				 ((unsigned char) s[b + 2] & 0xC0) == 0x80)
		{
			/* a whole three-byte character: its continuation bytes count for nothing */
			chars++;
			b += 2;
		}
		else if ((c & 0xC0) != 0x80)
			chars++;
	}
	/* Markdown marks around a heading: **五、…** */
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '*' || s[b - 1] == '#'))
		b--;
	if (b == a || chars > 30)
		return gd_section_titles[no - 1];
	return gd_strndup(p, s + a, b - a);
}

void
gd_find_sections(GdParser *p)
{
	size_t		len = p->t.len;
	GdReport   *r = p->r;
	size_t		found[7];
	int64_t		pos[7],
				end[7],
				next_start = 0;

	find_headings(p, found);
	for (int no = 1; no <= 6; no++)
		if (found[no] != (size_t) -1)
			p->sec_off[no] = found[no] + 1;	/* 0 means absent */

	/* from the last part back: a part ends where the next one starts */
	for (int no = 6; no >= 1; no--)
		if (p->sec_off[no])
		{
			next_start = gd_position(&p->t, len);
			break;
		}
	for (int no = 6; no >= 1; no--)
		if (p->sec_off[no])
		{
			pos[no] = gd_position(&p->t, p->sec_off[no] - 1);
			end[no] = next_start;
			next_start = pos[no];
		}
	for (int no = 1; no <= 6; no++)
	{
		GdSection  *sec;

		if (!p->sec_off[no])
		{
			gd_diag(p, "section.missing", NULL, NULL, NULL, (size_t) -1,
					"第%s部分（%s）未找到", gd_section_numerals[no - 1], gd_section_titles[no - 1]);
			continue;
		}
		sec = &r->sections[r->nsections++];
		sec->no = no;
		sec->title = heading_title(p, p->sec_off[no] - 1, no);
		sec->start = pos[no];
		sec->length = end[no] - pos[no];
	}
}

/* Where the region of table 'no' (2, 3, 4) starts when its part has no heading. */
static size_t
anchor(GdParser *p, int no, size_t from)
{
	static const char *const anchors[5][4] = {
		{NULL}, {NULL},
		{"第二十条", "主动公开政府信息情况", "信息内容", NULL},
		{"申请人情况", "本年新收", NULL},
		{"未经复议", "复议后起诉", NULL},
	};
	const char *s = p->t.s;
	size_t		first = (size_t) -1;

	for (int k = 0; anchors[no][k]; k++)
	{
		const char *hit = strstr(s + from, anchors[no][k]);

		if (hit && (size_t) (hit - s) < first)
			first = (size_t) (hit - s);
	}
	return first;
}

/*
 * The region of table 'no' (2 表二, 3 表三, 4 表四) as normalised offsets.
 * false when there is none.
 */
bool
gd_table_region(GdParser *p, int no, size_t *from, size_t *to)
{
	size_t		starts[5];

	for (int k = 2; k <= 4; k++)
		starts[k] = p->sec_off[k] ? p->sec_off[k] - 1 : anchor(p, k, 0);
	if (starts[no] == (size_t) -1)
		return false;
	*from = starts[no];
	*to = p->t.len;
	for (int k = 2; k <= 6; k++)
	{
		size_t		st = k <= 4 ? starts[k] : (p->sec_off[k] ? p->sec_off[k] - 1 : (size_t) -1);

		if (k != no && st != (size_t) -1 && st > *from && st < *to)
			*to = st;
	}
	return true;
}
