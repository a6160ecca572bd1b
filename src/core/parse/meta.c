/*
 * meta.c
 *		What the report says about itself: the reporting body and the year
 *		(from the title), the publication date (发布时间, else the date that
 *		closes the report), 信息处理费 in part 六, and the figures its prose
 *		states (used to choose between splits and by the prose checks).
 */
#include <string.h>

#include "alloc.h"
#include "diagnostics.h"
#include "meta.h"
#include "triggers.h"
#include "utf8.h"
#include "values.h"

#define HEAD_LINES 12

typedef struct Line
{
	size_t		a,
				b;
} Line;

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t
skip_spaces(const char *s, size_t i, size_t end)
{
	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A year 2000..2099 at s[i] followed (after spaces) by 年; its end in *end. */
static int
year_at(const char *s, size_t i, size_t end, size_t *after)
{
	size_t		j;
	int			y = 0;

	if (i + 4 <= end && s[i] == '2' && s[i + 1] == '0' && is_digit(s[i + 2]) &&
		is_digit(s[i + 3]) && !(i > 0 && is_digit(s[i - 1])) &&
		!(i + 4 < end && is_digit(s[i + 4])))
	{
		y = (s[i + 2] - '0') * 10 + (s[i + 3] - '0') + 2000;
		j = i + 4;
	}
	else
	{
		/* 二〇二一年, 二零二二年: four numerals of 〇一二…九 */
		static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
		int			v = 0;

		/* 2000..2099 opens with 二: the rest is no use otherwise */
		if (!(i + 3 <= end && memcmp(s + i, "二", 3) == 0))
			return 0;
		j = i;
		for (int k = 0; k < 4; k++)
		{
			int			d;

			for (d = 0; d < 10; d++)
				if (j + 3 <= end && (memcmp(s + j, digits[d], 3) == 0 ||
									 (d == 0 && memcmp(s + j, "零", 3) == 0)))
					break;
			if (d == 10)
				return 0;
			v = v * 10 + d;
			j += 3;
		}
		if (v < 2000 || v > 2099)
			return 0;
		y = v;
	}
	j = skip_spaces(s, j, end);
	if (j + 3 <= end && memcmp(s + j, "年", 3) == 0)
	{
		*after = j + 3;
		return y;
	}
	return 0;
}

/* A date at s[i]: 2023-02-20, 2023/2/20, 2023.2.20 or 2023年2月20日. */
static bool
date_at(const char *s, size_t i, size_t end, int *y, int *m, int *d, size_t *after)
{
	size_t		j = i;
	int			v[3] = {0, 0, 0};

	for (int part = 0; part < 3; part++)
	{
		int			digits = 0;

		j = skip_spaces(s, j, end);
		while (j < end && is_digit(s[j]) && digits < 4)
			v[part] = v[part] * 10 + (s[j++] - '0'), digits++;
		if (digits == 0 || (part == 0 && digits != 4) || (part > 0 && digits > 2))
			return false;
		j = skip_spaces(s, j, end);
		if (part == 0)
		{
			if (j < end && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
				j++;
			else if (j + 3 <= end && memcmp(s + j, "年", 3) == 0)
				j += 3;
			else
				return false;
		}
		else if (part == 1)
		{
			if (j < end && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
				j++;
			else if (j + 3 <= end && memcmp(s + j, "月", 3) == 0)
				j += 3;
			else
				return false;
		}
		else if (j + 3 <= end && memcmp(s + j, "日", 3) == 0)
			j += 3;
	}
	if (v[0] < 2000 || v[0] > 2100 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return false;
	*y = v[0];
	*m = v[1];
	*d = v[2];
	*after = j;
	return true;
}

/* y is 2000..2100, m 1..12, d 1..31 (date_at) */
static void
set_published(GdReport *r, int y, int m, int d)
{
	char	   *o = r->published;

	o[0] = (char) ('0' + y / 1000);
	o[1] = (char) ('0' + y / 100 % 10);
	o[2] = (char) ('0' + y / 10 % 10);
	o[3] = (char) ('0' + y % 10);
	o[4] = '-';
	o[5] = (char) ('0' + m / 10);
	o[6] = (char) ('0' + m % 10);
	o[7] = '-';
	o[8] = (char) ('0' + d / 10);
	o[9] = (char) ('0' + d % 10);
	o[10] = '\0';
}

/*
 * Where the line that holds s[i - 1] starts: just after the last '\n'
 * before i, or 0.  Eight bytes at a time, as a report's closing paragraph
 * is long.
 */
static size_t
line_start(const char *s, size_t i)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);

	while (i >= 8)
	{
		uint64_t	w;

		memcpy(&w, s + i - 8, 8);
		w ^= ones * '\n';
		/* no byte of w is zero: none of the eight is a '\n' */
		if (((w - ones) & ~w & (ones << 7)) != 0)
			break;
		i -= 8;
	}
	while (i > 0 && s[i - 1] != '\n')
		i--;
	return i;
}

static size_t
find(const char *s, size_t a, size_t b, const char *needle)
{
	size_t		n = strlen(needle);
	/* looked for by its third byte: lead bytes E4..E9 are everywhere */
	size_t		k = n < 3 ? n - 1 : 2;
	const char *p = s + a;
	const char *end = s + b;

	while (p + n <= end)
	{
		const char *hit = memchr(p + k, needle[k], end - p - k);

		if (hit == NULL || hit - k + n > end)
			break;
		p = hit - k;
		if (memcmp(p, needle, n) == 0)
			return (size_t) (p - s);
		p++;
	}
	return (size_t) -1;
}

static bool
has(const char *s, size_t a, size_t b, const char *needle)
{
	return find(s, a, b, needle) != (size_t) -1;
}

static size_t
nchars(const char *s, size_t a, size_t b)
{
	return b > a ? gd_utf8_chars(s + a, b - a) : 0;
}

/* Trims white space and the decorations around a title's agency name. */
static void
trim_agency(const char *s, size_t *a, size_t *b)
{
	static const char *const tails[] = {"政府信息公开工作", "政府信息公开", "关于", "的", "-", ":", NULL};
	bool		again = true;

	while (again)
	{
		again = false;
		while (*a < *b && (s[*a] == ' ' || s[*a] == '\t'))
			(*a)++;
		while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t'))
			(*b)--;
		for (int k = 0; tails[k]; k++)
		{
			size_t		n = strlen(tails[k]);

			if (*b - *a >= n && memcmp(s + *b - n, tails[k], n) == 0)
			{
				*b -= n;
				again = true;
			}
		}
		if (*b - *a >= 7 && memcmp(s + *a, "标题:", 7) == 0)
		{
			*a += 7;
			again = true;
		}
		/* Markdown headings, list marks */
		while (*a < *b && (s[*a] == '#' || s[*a] == '*' || s[*a] == '>'))
		{
			(*a)++;
			again = true;
		}
	}
}

static bool
plausible_agency(const char *s, size_t a, size_t b)
{
	size_t		n = nchars(s, a, b);

	if (n < 2 || n > 40)
		return false;
	for (size_t i = a; i < b; i++)
		if (is_digit(s[i]) || s[i] == '|' || s[i] == ':')
			return false;
	return !has(s, a, b, "报告") && !has(s, a, b, "。") && !has(s, a, b, "，");
}

static void
read_title(GdParser *p)
{
	const char *s = p->t.s;
	size_t		end = p->sec_off[1] ? p->sec_off[1] - 1 : p->t.len;
	Line		lines[HEAD_LINES];
	int			n = 0;
	size_t		i = 0;
	GdReport   *r = p->r;

	/* the first non-empty lines before part 一 */
	while (i < end && n < HEAD_LINES)
	{
		size_t		a = i,
					b;
		const char *nl = memchr(s + i, '\n', end - i);

		i = nl ? (size_t) (nl - s) : end;
		b = i++;
		a = skip_spaces(s, a, b);
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		if (b > a)
			lines[n].a = a, lines[n].b = b, n++;
	}
	for (int k = 0; k < n; k++)
	{
		size_t		a = lines[k].a,
					b = lines[k].b;

		/* web text may hold the whole report on one line: the title opens it */
		if (nchars(s, a, b) > 80)
		{
			size_t		r = find(s, a, b, "报告");

			if (r == (size_t) -1 || nchars(s, a, r) > 60)
				continue;
			b = r + 6;
		}
		if (!has(s, a, b, "报告"))
			continue;
		for (size_t j = a; j < b; j++)
		{
			size_t		after;
			int			y = year_at(s, j, b, &after);
			size_t		aa = a,
						ab = j;
			bool		ok;

			if (!y)
				continue;
			r->year = y;
			trim_agency(s, &aa, &ab);
			ok = plausible_agency(s, aa, ab);
			/* 2021年青禾县交通运输局政府信息公开工作年度报告: the body follows the year */
			if (!ok)
			{
				size_t		end = find(s, after, b, "政府信息公开");

				aa = after;
				if (aa + 3 <= b && memcmp(s + aa, "度", 3) == 0)
					aa += 3;
				ab = end == (size_t) -1 ? aa : end;
				trim_agency(s, &aa, &ab);
				ok = plausible_agency(s, aa, ab);
			}
			/* 青禾县交通运输局政府信息公开工作年度报告（2021年度） */
			if (!ok)
			{
				size_t		end = find(s, a, b, "政府信息公开");

				aa = a;
				ab = end == (size_t) -1 ? a : end;
				trim_agency(s, &aa, &ab);
				ok = plausible_agency(s, aa, ab);
			}
			if (ok)
				r->agency = gd_strndup(p, s + aa, ab - aa);
			else if (k > 0)
			{
				/* the body on the line above: # 澄江市生态环境局 / # 2025年…报告 */
				aa = lines[k - 1].a;
				ab = lines[k - 1].b;
				trim_agency(s, &aa, &ab);
				if (plausible_agency(s, aa, ab))
					r->agency = gd_strndup(p, s + aa, ab - aa);
			}
			return;
		}
	}
}

/* 统计期限自2020年1月1日 … / 统计时限为2022年1月1日至 … */
static int
statistical_year(GdParser *p)
{
	const char *s = p->t.s;
	size_t		end = p->t.len < 20000 ? p->t.len : 20000;
	static const char *const marks[] = {"统计期限", "统计时限", "统计时间", "统计周期", "统计区间", NULL};
	size_t		first[5] = {(size_t) -1, (size_t) -1, (size_t) -1, (size_t) -1, (size_t) -1};
	int			left = 5;

	/* every mark opens with 统计: one pass finds where each first stands */
	for (size_t at = 0; left > 0 && (at = find(s, at, end, "统计")) != (size_t) -1; at += 6)
		for (int k = 0; marks[k]; k++)
			if (first[k] == (size_t) -1 && at + 12 <= end && memcmp(s + at, marks[k], 12) == 0)
			{
				first[k] = at;
				left--;
			}
	for (int k = 0; marks[k]; k++)
	{
		size_t		at = first[k];

		if (at == (size_t) -1)
			continue;
		for (size_t j = at; j < at + 60 && j < end; j++)
		{
			size_t		after;
			int			y = year_at(s, j, end, &after);

			if (y)
				return y;
		}
	}
	return 0;
}

static void
read_published(GdParser *p)
{
	const char *s = p->t.s;
	size_t		len = p->t.len;
	size_t		head = len < 4000 ? len : 4000;
	int			y,
				m,
				d;
	size_t		after;
	GdReport   *r = p->r;
	size_t		i;
	int			lines = 0;
	bool		partial = false;	/* i is inside a line, not at its start */

	/*
	 * 发布时间, 发布日期, 发文日期, 成文日期: found by their second half, 日期
	 * or 时间, both at once by their second byte (97, the rarer)
	 */
	for (size_t next = 1; next < head;)
	{
		const char *q = memchr(s + next, 0x97, head - next);
		size_t		at;

		if (q == NULL)
			break;
		at = (size_t) (q - s) - 1;
		next = at + 2;
		if (at + 6 > head)
			break;
		if (memcmp(s + at, "日期", 6) != 0 && memcmp(s + at, "时间", 6) != 0)
			continue;
		if (at < 6 || !(memcmp(s + at - 6, "发布", 6) == 0 || memcmp(s + at - 6, "发文", 6) == 0 ||
						memcmp(s + at - 6, "成文", 6) == 0))
			continue;
		for (size_t j = at + 6; j < at + 40 && j < len; j++)
			if (is_digit(s[j]))
			{
				if (date_at(s, j, len, &y, &m, &d, &after))
				{
					set_published(r, y, m, d);
					return;
				}
				break;
			}
	}

	/*
	 * The date that closes the report: a short line near the end.  A line
	 * is read back only to its last 。, as far as that is enough.
	 */
	i = len;
	for (;;)
	{
		size_t		b,
					a,
					stop = (size_t) -1;

		if (partial)
			i = line_start(s, i);
		if (i == 0 || lines >= 8)
			break;
		b = i;
		while (b > 0 && (s[b - 1] == '\n' || s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		if (b == 0)
			break;
		lines++;
		/* web text: the closing follows the last sentence on the same line */
		a = b;
		while (a > 0 && s[a - 1] != '\n')
		{
			a--;
			if (s[a] == (char) 0xE3 && a + 3 <= b && memcmp(s + a, "。", 3) == 0)
			{
				stop = a;
				break;
			}
		}
		i = a;
		partial = stop != (size_t) -1;
		a = partial ? stop + 3 : a;
		a = skip_spaces(s, a, b);
		if (nchars(s, a, b) > 40)
			continue;
		for (size_t j = a; j < b; j++)
			if (is_digit(s[j]) && (j == a || !is_digit(s[j - 1])) &&
				date_at(s, j, b, &y, &m, &d, &after) && has(s, j, after, "日") &&
				skip_spaces(s, after, b) == b)
			{
				if (r->year == 0 || (y >= r->year && y <= r->year + 1))
					set_published(r, y, m, d);
				return;
			}
	}
}

/* ---- figures stated in the prose ---- */

/* Words that make a figure part of the total, or not about it at all. */
typedef struct Qualifier
{
	const char *word;
	size_t		len;
} Qualifier;

#define Q(word) {word, sizeof(word) - 1}

static const Qualifier qualifiers[] = {
	Q("网络"), Q("邮寄"), Q("信函"), Q("当面"), Q("线下"), Q("线上"), Q("电子邮件"), Q("传真"),
	Q("本级"), Q("其中"), Q("同比"), Q("增长"), Q("下降"), Q("减少"), Q("增加"), {NULL, 0}
};

/* The index of the lowest bit set in x (not 0), by a de Bruijn sequence. */
static int
lowest_bit(uint32_t x)
{
	static const unsigned char at[32] = {
		0, 1, 28, 2, 29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4, 8,
		31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6, 11, 5, 10, 9
	};

	return at[((x & (0u - x)) * 0x077CB531u) >> 27];
}

/*
 * The qualifiers by the first two bytes of their first character (lead &
 * 0x0F, next & 0x3F), a bit for each: most characters have none.
 */
typedef struct Qualifiers
{
	uint16_t	of_key[16 * 64];
} Qualifiers;

#define QUALIFIER_KEY(c0, c1)	((((unsigned) (c0) & 0x0F) << 6) | ((unsigned) (c1) & 0x3F))

/* the same for every text: made once, at the first call */
static Qualifiers qualifier_keys;
static bool qualifier_keys_ready;

static const Qualifiers *
qualifier_table(void)
{
	Qualifiers *qt = &qualifier_keys;

	if (qualifier_keys_ready)
		return qt;
	memset(qt, 0, sizeof(*qt));
	for (int q = 0; qualifiers[q].word; q++)
	{
		unsigned	key = QUALIFIER_KEY(qualifiers[q].word[0], qualifiers[q].word[1]);

		qt->of_key[key] |= (uint16_t) (1u << q);
	}
	qualifier_keys_ready = true;
	return qt;
}

/*
 * The figure right after s[from] in the same clause (20 characters at most),
 * followed by one of the units; GD_NULL when there is none, when it is an
 * approximation (余, 多, 近, 约) or qualified (其中, 网络, 同比 …).  must_have,
 * if given, must stand between the trigger and the figure.
 */
static int64_t
figure_after(const char *s, size_t from, size_t len, const char *must_have,
			 const char *const *units, const Qualifiers *qt)
{
	size_t		end = from + 3 * 20 < len ? from + 3 * 20 : len;
	bool		seen = must_have == NULL;
	size_t		must_len = must_have ? strlen(must_have) : 0;

	for (size_t j = from; j < end; j++)
	{
		unsigned char c = (unsigned char) s[j];

		if (c >= 0x80)
		{
			if ((c == 0xE3 || c == 0xEF) && j + 3 <= len &&
				(memcmp(s + j, "。", 3) == 0 || memcmp(s + j, "；", 3) == 0 ||
				 memcmp(s + j, "、", 3) == 0))
				return GD_NULL;
			/* must_have is CJK (申请) */
			if (!seen && c == (unsigned char) must_have[0] && j + must_len <= len &&
				memcmp(s + j, must_have, must_len) == 0)
				seen = true;
			/* the text ends in a NUL: s[j + 1] may be read */
			if (c >= 0xE4)
			{
				uint32_t	maybe = qt->of_key[QUALIFIER_KEY(c, s[j + 1])];

				for (; maybe != 0; maybe &= maybe - 1)
				{
					const Qualifier *q = &qualifiers[lowest_bit(maybe)];

					if (j + q->len <= len && memcmp(s + j, q->word, q->len) == 0)
						return GD_NULL;
				}
			}
			/* a continuation byte is none of the above: skip a character's */
			if (c >= 0xE0 && j + 2 < len && ((unsigned char) s[j + 1] & 0xC0) == 0x80 &&
				((unsigned char) s[j + 2] & 0xC0) == 0x80)
				j += 2;
			continue;
		}
		if (c == ';' || c == '\n' || c == ',')
			return GD_NULL;
		if (is_digit(s[j]))
		{
			int64_t		v = 0;
			size_t		k = j;
			size_t		u;

			while (k < len && is_digit(s[k]) && k - j < 12)
				v = v * 10 + (s[k++] - '0');
			if (!seen || (k < len && (is_digit(s[k]) || s[k] == '.' || s[k] == '%')))
				return GD_NULL;
			u = skip_spaces(s, k, len);
			if (u + 3 <= len && (memcmp(s + u, "余", 3) == 0 || memcmp(s + u, "多", 3) == 0))
				return GD_NULL;
			if (j >= 3 && (memcmp(s + j - 3, "近", 3) == 0 || memcmp(s + j - 3, "约", 3) == 0 ||
						   memcmp(s + j - 3, "超", 3) == 0))
				return GD_NULL;
			for (int k2 = 0; units[k2]; k2++)
				if (u + 3 <= len && memcmp(s + u, units[k2], 3) == 0)
					return v;
			return GD_NULL;
		}
	}
	return GD_NULL;
}

/*
 * The first figure stated for each request and review total, and every
 * figure stated for 2021's 表二 columns: at the places gd_normalize noted,
 * in order (the characters whose bytes let one of the triggers pass).
 */
void
gd_read_prose(GdParser *p)
{
	const int	ntriggers = GD_NTRIGGERS;
	const char *s = p->t.s;
	size_t		len = p->t.len;
	int64_t    *once[] = {&p->r->prose.received, &p->r->prose.carried_over,
		&p->r->prose.carried_forward, &p->r->prose.reconsideration,
	&p->r->prose.litigation};
	const Qualifiers *qt = qualifier_table();
	uint64_t	head[GD_NTRIGGERS]; /* a trigger's first six bytes */
	uint32_t	of_what[P_IN_FORCE + 1];
	uint32_t	live = 0;		/* the triggers whose figure is still wanted */

	memset(of_what, 0, sizeof(of_what));
	for (int k = 0; k < ntriggers; k++)
	{
		int			what = gd_triggers[k].what;

		head[k] = 0;
		memcpy(&head[k], gd_triggers[k].word, 6);
		of_what[what] |= 1u << k;
		if (what < P_ISSUED ? *once[what] == GD_NULL : p->stated[what - P_ISSUED].n < 8)
			live |= 1u << k;
	}

	for (size_t j = 0; j < p->ntrigger_at; j++)
	{
		size_t		i = p->trigger_at[j];
		uint32_t	maybe;
		uint64_t	here = 0;

		if (i + 6 > len)
			break;
		maybe = gd_trigger_bits(p, s + i) & live;
		if (maybe != 0)
			memcpy(&here, s + i, 6);
		while (maybe != 0)
		{
			int			k = lowest_bit(maybe);
			const char *w = gd_triggers[k].word;
			size_t		n = gd_triggers[k].len;
			size_t		m = 6;
			int64_t		v;
			int			what = gd_triggers[k].what;

			maybe &= maybe - 1;
			/* each trigger has two characters or more: i + 6 <= len */
			if (here != head[k] || i + n > len)
				continue;
			while (m < n && s[i + m] == w[m])
				m++;
			if (m < n)
				continue;
			/* a trigger taken out of live may still be in maybe */
			if (what < P_ISSUED && *once[what] != GD_NULL)
				continue;
			if (what >= P_ISSUED && p->stated[what - P_ISSUED].n >= 8)
				continue;
			/* 本年制发件数 …: 表二's column headers, which state nothing */
			if (what >= P_ISSUED && i + n + 6 <= len && memcmp(s + i + n, "件数", 6) == 0)
				continue;
			v = figure_after(s, i + n, len, gd_triggers[k].must_have, gd_triggers[k].units,
							 qt);
			if (v == GD_NULL)
				continue;
			if (what < P_ISSUED)
			{
				*once[what] = v;
				live &= ~of_what[what];
			}
			else
			{
				GdStated   *st = &p->stated[what - P_ISSUED];

				st->v[st->n++] = v;
				if (st->n >= 8)
					live &= ~of_what[what];
			}
		}
		if ((j & 0xFFF) == 0)
			gd_tick(p);
	}
}

/* ---- 信息处理费 in part 六 ---- */

static void
read_fees(GdParser *p)
{
	static const char *const none[] = {"未收取", "没有收取", "无收取", "不收取", "未发生收费",
		"未产生", "没有产生", "未发生", "没有发生", "免收", "免于收取", "免予收取", "未收费",
		"无收费", "没有收费", "均未收", "未曾收取", "不存在", "未涉及", NULL};
	const char *s = p->t.s;
	size_t		a,
				b;
	GdReport   *r = p->r;

	if (!p->sec_off[6])
		return;
	a = p->sec_off[6] - 1;
	b = p->t.len - a > 3000 ? a + 3000 : p->t.len;

	/* sentence by sentence */
	while (a < b)
	{
		size_t		e = a;
		size_t		fee;

		/*
		 * s ends in a NUL: s[e + 1] may be read, and s[e + 2] after 0x80.  A
		 * character's continuation bytes are neither '\n' nor 0xE3: a whole
		 * three-byte character is stepped over at once.
		 */
		while (e < b && s[e] != '\n' &&
			   !(s[e] == (char) 0xE3 && s[e + 1] == (char) 0x80 && s[e + 2] == (char) 0x82))
			e += (((unsigned char) s[e] & 0xF0) == 0xE0 && e + 2 < b &&
				  ((unsigned char) s[e + 1] & 0xC0) == 0x80 &&
				  ((unsigned char) s[e + 2] & 0xC0) == 0x80) ? 3 : 1;
		fee = find(s, a, e, "费");
		if (fee != (size_t) -1 && (has(s, a, e, "处理费") || has(s, a, e, "收费") ||
								 has(s, a, e, "费用")))
		{
			for (int k = 0; none[k]; k++)
				if (has(s, a, e, none[k]))
				{
					r->fees_present = true;
					r->fee_cases = 0;
					r->fee_amount = 0;
					return;
				}
			/* 收取…信息处理费 0 元 / 共计400元 / 3件 */
			for (size_t j = a; j < e; j++)
				if (is_digit(s[j]) && (j == a || !is_digit(s[j - 1])) &&
					(j == a || s[j - 1] != '.'))
				{
					GdNumber	num;
					size_t		k = j;
					int64_t		v;
					size_t		u;

					/* 1,200元: a thousands separator is part of the figure */
					while (k < e && (is_digit(s[k]) || s[k] == '.' ||
									 (s[k] == ',' && k + 1 < e && is_digit(s[k + 1]))))
						k++;
					u = skip_spaces(s, k, e);
					if (u + 3 <= e && (memcmp(s + u, "元", 3) == 0 || memcmp(s + u, "万", 3) == 0))
					{
						size_t		ue = u + (memcmp(s + u, "万元", 6) == 0 ? 6 : 3);
						char		buf[64];
						size_t		n = 0;

						for (size_t q = j; q < ue && n + 1 < sizeof(buf); q++)
							if (s[q] != ' ')
								buf[n++] = s[q];
						if (gd_read_number(buf, n, &num) == GD_CELL_OK &&
							gd_number_amount(&num, GD_UNIT_YUAN, &v))
						{
							r->fees_present = true;
							r->fee_amount = v;
							if (v == 0)
								r->fee_cases = 0;
						}
						else if (gd_read_number(buf, n, &num) == GD_CELL_OK &&
								 gd_number_too_precise(&num, GD_UNIT_YUAN))
						{
							/* stated, but not exactly representable: null, never rounded */
							r->fees_present = true;
							gd_diag(p, "amount.inexact", "processing_fees", NULL, "amount_yuan", j,
									"信息处理费“%.*s”的小数位数超出可精确表示的范围（万元 8 位、元 4 位），不取近似值",
									(int) (ue - j), s + j);
						}
					}
					else if (u + 3 <= e && (memcmp(s + u, "件", 3) == 0 || memcmp(s + u, "次", 3) == 0 ||
											memcmp(s + u, "笔", 3) == 0))
					{
						char		buf[24];
						size_t		n = k - j < sizeof(buf) - 1 ? k - j : sizeof(buf) - 1;

						memcpy(buf, s + j, n);
						if (gd_read_number(buf, n, &num) == GD_CELL_OK && gd_number_count(&num, &v))
						{
							r->fees_present = true;
							r->fee_cases = v;
						}
					}
					j = k;
				}
			if (r->fees_present)
				return;
		}
		a = e + (e < b && s[e] == '\n' ? 1 : 3);
	}
}

void
gd_read_meta(GdParser *p)
{
	GdReport   *r = p->r;

	read_title(p);
	if (r->year == 0)
		r->year = statistical_year(p);
	read_published(p);
	if (r->year == 0 && r->published[0])
	{
		int			y = (r->published[0] - '0') * 1000 + (r->published[1] - '0') * 100 +
			(r->published[2] - '0') * 10 + (r->published[3] - '0');
		int			m = (r->published[5] - '0') * 10 + (r->published[6] - '0');

		/* reports are due early in the year after the one they cover */
		if (m <= 6)
			r->year = y - 1;
	}
	if (r->year == 0)
		gd_diag(p, "meta.year_missing", NULL, NULL, NULL, (size_t) -1,
				"未能确定报告所属年度");
	if (r->agency == NULL)
		gd_diag(p, "meta.agency_missing", NULL, NULL, NULL, (size_t) -1,
				"未能从标题确定报告单位");
	read_fees(p);
}
