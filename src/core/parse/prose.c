/*
 * prose.c
 *		The prose of a report (its text outside the tables of parts 二, 三
 *		and 四) as a sequence of comparable units, for measuring how much of
 *		one report's prose is copied from another (reuse.c).
 *
 * The text is normalised as the parser reads it (NFKC with ICU, HTML
 * reduced to text) and the sections and table regions are the parser's own
 * (sections.c), so what counts as prose here is exactly what the parser
 * does not read as a table.  A unit is a letter, ideograph or digit,
 * lower-cased; white space and punctuation are dropped, so that line
 * breaks, spacing and 、/，/; differences do not hide a copy; every digit
 * is one unit 0, so that a sentence copied with this year's figures put in
 * still reads as copied.  Each unit keeps its byte offset in the normalised
 * text, which gd_prose_position maps back to the input.
 */
#include <string.h>

#include <unicode/uchar.h>

#include "normalize.h"
#include "sections.h"
#include "utf8.h"

typedef struct ProseState
{
	GdParser	p;
} ProseState;

void
gd_prose(const char *text, size_t len, const GdAllocator *a, GdProse *out)
{
	ProseState *st = a->alloc(a->ctx, sizeof(ProseState));
	GdParser   *p = &st->p;
	size_t		from[3],
				to[3];
	int			nregions = 0;
	size_t		max,
				i = 0;
	uint32_t   *cp;
	size_t	   *off;
	size_t		n = 0;

	memset(st, 0, sizeof(*st));
	p->a = a;
	p->r = a->alloc(a->ctx, sizeof(GdReport));
	gd_report_init(p->r);
	/* as gd_parse: a text past 64 MB is read up to there */
	if (len > (size_t) 64 * 1024 * 1024)
		len = gd_clip(text, len, (size_t) 64 * 1024 * 1024);
	gd_normalize(p, text, len);
	gd_find_sections(p);
	for (int no = 2; no <= 4; no++)
		if (gd_table_region(p, no, &from[nregions], &to[nregions]))
			nregions++;

	max = p->t.len + 1;
	cp = a->alloc(a->ctx, max * sizeof(uint32_t));
	off = a->alloc(a->ctx, max * sizeof(size_t));
	while (i < p->t.len)
	{
		size_t		at = i;
		uint32_t	c;
		bool		in_table = false;

		for (int k = 0; k < nregions; k++)
			if (at >= from[k] && at < to[k])
			{
				in_table = true;
				i = to[k];
				break;
			}
		if (in_table)
			continue;
		c = gd_utf8_next(p->t.s, p->t.len, &i);
		if (c < 0x80)
		{
			if (c >= '0' && c <= '9')
				c = '0';
			else if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			else if (!(c >= 'a' && c <= 'z'))
				continue;
		}
		else if (u_isdigit((UChar32) c))
			c = '0';
		else if (u_isalpha((UChar32) c))
			c = (uint32_t) u_tolower((UChar32) c);
		else
			continue;
		if ((n & 0xFFFF) == 0 && a->tick)
			a->tick(a->ctx);
		cp[n] = c;
		off[n] = at;
		n++;
	}
	out->cp = cp;
	out->off = off;
	out->n = n;
	out->text = &p->t;
}

int64_t
gd_prose_position(const GdProse *pr, size_t i)
{
	const GdText *t = (const GdText *) pr->text;

	if (i >= pr->n)
		return gd_position(t, t->len);
	return gd_position(t, pr->off[i]);
}
