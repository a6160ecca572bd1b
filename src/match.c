/*
 * match.c
 *		Comparing labels by what they say: a compact form without white space
 *		and quotes, and without the template's numbering (一、 (一) 1. 1、).
 */
#include <string.h>

#include "parser.h"

size_t
gd_compact(const char *s, size_t n, char *buf, size_t bufsize)
{
	size_t		o = 0;
	size_t		i = 0;

	/* with no buffer, only count */
	while (i < n && (buf == NULL || o + 4 < bufsize))
	{
		unsigned char c = (unsigned char) s[i];
		size_t		next = i;
		uint32_t	cp;

		if (c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'')
		{
			i++;
			continue;
		}
		/* ideographs are copied as they are; only E2/E3 may be decoration */
		if (c == 0xE2 || c == 0xE3)
		{
			cp = gd_utf8_next(s, n, &next);
			/* “ ” ‘ ’ 「 」 are decoration: 危及“三安全一稳定” */
			if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
				cp == 0x300C || cp == 0x300D)
			{
				i = next;
				continue;
			}
		}
		else
			next = i + (c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
		if (next > n)
			next = n;
		if (buf)
			memcpy(buf + o, s + i, next - i);
		o += next - i;
		i = next;
	}
	if (buf)
		buf[o] = '\0';
	return o;
}

bool
gd_contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static const char *const cjk_numerals[] = {
	"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL
};

/* Length of a CJK numeral (一 … 十, 十一 …) at s, 0 if none. */
static size_t
numeral_len(const char *s)
{
	size_t		n = 0;

	for (;;)
	{
		bool		found = false;

		for (int k = 0; cjk_numerals[k]; k++)
			if (strncmp(s + n, cjk_numerals[k], 3) == 0)
			{
				n += 3;
				found = true;
				break;
			}
		if (!found || n >= 9)
			return n;
	}
}

/* Skips leading numbering: 一、 (一) 1. 1、 (1) 第一, possibly repeated. */
const char *
gd_strip_numbering(const char *s)
{
	for (;;)
	{
		const char *t = s;
		size_t		n;

		if (*t == '(')
		{
			t++;
			n = numeral_len(t);
			if (n == 0)
				while (*t >= '0' && *t <= '9' && n < 2)
					t++, n++;
			else
				t += n;
			if (n == 0 || *t != ')')
				return s;
			s = t + 1;
			continue;
		}
		n = numeral_len(t);
		if (n == 0)
			while (t[n] >= '0' && t[n] <= '9' && n < 2)
				n++;
		if (n == 0)
			return s;
		t += n;
		if (*t == '.' || *t == ',')
			s = t + 1;
		else if (strncmp(t, "、", 3) == 0)
			s = t + 3;
		else
			return s;
	}
}

/*
 * Which label does a token name?  Web text runs header words and the label
 * together (信息内容 上一年项目数量 … 行政许可), so after the whole token its
 * last words are tried, the shortest first.
 */
int
gd_match_token(GdParser *p, const GdToken *t, GdMatchFn fn, void *arg)
{
	const char *whole = gd_token_compact(p, t);
	size_t		n = t->compact_len;
	const char *s = p->t.s + t->off;
	size_t		len = t->len;
	int			m;
	int			words = 0;

	m = fn(whole, arg);
	/* a short text that names no label has no shorter ending that does */
	if (m >= 0 || n < 3 * 12)
		return m;
	if (len > GD_COMPACT_TAIL)
	{
		s += len - GD_COMPACT_TAIL;
		len = GD_COMPACT_TAIL;
	}
	/* the compact form of a last few words is the end of the whole one */
	for (size_t i = len; i > 0 && words < 6; i--)
	{
		size_t		tail;

		if (s[i - 1] != ' ')
			continue;
		words++;
		tail = gd_compact(s + i, len - i, NULL, 0);
		m = fn(whole + n - tail, arg);
		if (m >= 0)
			return m;
		while (i > 1 && s[i - 2] == ' ')
			i--;
	}
	return -1;
}
