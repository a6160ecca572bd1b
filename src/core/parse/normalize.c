/*
 * normalize.c
 *		One pass over the input that yields the text every later stage reads:
 *		NFKC-folded with ICU (full-width digits and punctuation, ㈠ → (一),
 *		⑴ → (1), NBSP and ideographic spaces → space), line ends unified, and
 *		HTML reduced to the Word-text layout (a cell per line behind a tab, a
 *		blank line after each table row).  A sparse map of checkpoints leads
 *		from normalised offsets back to character positions in the input
 *		(text.c reads it).
 *
 * The pass (gd_normalize) is a loop over the input with one state, Pass:
 * where it is (i, bytes; orig, characters), what it has written (Out, with
 * its checkpoints), the characters waiting for NFKC (run) and how far the
 * output is noted for the prose triggers and the headings' separators
 * (noted).  At each position the
 * first step that applies consumes input, then the loop starts again:
 *
 *	MARKUP	(HTML only, at '<' or '&') a tag becomes its Word-text layout
 *			(pass_markup, html_skip), an entity its character;
 *	COPY	(no run waiting) printable ASCII, line ends and inert three-byte
 *			characters are copied whole, a few hundred bytes at a time;
 *			full-width ASCII is folded on the way (pass_copy);
 *	ASCII	any other byte below 0x80: control characters folded, \r\n one
 *			line end (pass_ascii);
 *	CHAR	any other character: copied if inert, folded if only the extra
 *			folds change it, else added to the run (pass_char).
 *
 * The run goes through NFKC (emit_nfkc_run) before anything else is
 * written, when it is full, and at the end (pass_finish).  A checkpoint is
 * written wherever output and input stop advancing together (markup,
 * folds, NFKC) and at least every 256 bytes of output, so that
 * gd_position counts few characters.  Every path notes the prose triggers
 * and the separators . , 、 (where sections.c looks for headings) of what
 * it writes: COPY as it scans, the others through note_triggers before
 * the next COPY.
 */
#include <string.h>

#include <unicode/unorm2.h>

#include "alloc.h"
#include "normalize.h"
#include "text.h"
#include "triggers.h"
#include "utf8.h"

/* ---- the output buffer and its position map ---- */

typedef struct Out
{
	GdParser   *p;
	char	   *buf;
	size_t		len;
	size_t		cap;
	GdCheckpoint *cps;
	size_t		ncps;
	size_t		capcps;
} Out;

static void
out_reserve(Out *o, size_t more)
{
	if (o->len + more + 1 > o->cap)
	{
		size_t		ncap = o->cap * 2;

		while (ncap < o->len + more + 1)
			ncap *= 2;
		o->buf = gd_grow(o->p, o->buf, o->len, ncap);
		o->cap = ncap;
	}
}

static inline void
out_bytes(Out *o, const char *s, size_t n)
{
	out_reserve(o, n);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static inline void
out_char(Out *o, uint32_t c)
{
	out_reserve(o, 4);
	o->len += gd_utf8_encode(c, o->buf + o->len);
}

/* A prose trigger may start at normalised offset 'at' (see GdParser). */
static inline void
note_trigger(Out *o, size_t at)
{
	GdParser   *p = o->p;

	if (p->ntrigger_at == p->captrigger_at)
	{
		size_t		ncap = p->captrigger_at ? p->captrigger_at * 2 : 64;

		p->trigger_at = gd_grow(p, p->trigger_at, p->ntrigger_at * sizeof(size_t),
								ncap * sizeof(size_t));
		p->captrigger_at = ncap;
	}
	p->trigger_at[p->ntrigger_at++] = at;
}

static void
grow_separators(GdParser *p)
{
	size_t		ncap = p->capsep_at ? p->capsep_at * 2 : 64;

	p->sep_at = gd_grow(p, p->sep_at, p->nsep_at * sizeof(size_t),
						ncap * sizeof(size_t));
	p->capsep_at = ncap;
}

/*
 * The bytes a heading's numeral ends with: 1..6, and the last bytes of
 * 一 二 三 四 五 六 (sections.c reads the rest).
 */
static const unsigned char numeral_last[256] = {
	['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	[0x80] = 1, [0x8C] = 1, [0x89] = 1, [0x9B] = 1, [0x94] = 1, [0xAD] = 1
};

/*
 * A separator (. , 、) is at offset 'at', after the byte 'prev': noted when
 * a heading's numeral may end there (see GdParser).
 */
static inline void
note_separator(Out *o, size_t at, unsigned char prev)
{
	GdParser   *p = o->p;

	if (!numeral_last[prev])
		return;
	if (p->nsep_at == p->capsep_at)
		grow_separators(p);
	p->sep_at[p->nsep_at++] = at;
}

/* The byte written before the run (copyable_end) reaches in[r]. */
static inline unsigned char
byte_before(const Out *o, const char *in, size_t i, size_t r)
{
	if (r > i)
		return (unsigned char) in[r - 1];
	return o->len ? (unsigned char) o->buf[o->len - 1] : 0;
}

/*
 * The triggers and separators in what was written since offset *noted;
 * then all is noted.
 */
static void
note_triggers(Out *o, size_t *noted)
{
	const unsigned char *b = (const unsigned char *) o->buf;

	for (size_t i = *noted; i < o->len; i++)
	{
		if (b[i] == ',' || b[i] == '.' ||
			(b[i] == 0xE3 && i + 2 < o->len && b[i + 1] == 0x80 && b[i + 2] == 0x81))
			note_separator(o, i, i > 0 ? b[i - 1] : 0);
		else if (i + 2 < o->len && gd_trigger_bits(o->p, o->buf + i))
			note_trigger(o, i);
	}
	*noted = o->len;
}

static void
grow_checkpoints(Out *o)
{
	size_t		ncap = o->capcps ? o->capcps * 2 : 256;

	o->cps = gd_grow(o->p, o->cps, o->ncps * sizeof(GdCheckpoint),
					 ncap * sizeof(GdCheckpoint));
	o->capcps = ncap;
}

/* From here on, normalised offset o->len corresponds to input character orig. */
static inline void
checkpoint(Out *o, int64_t orig)
{
	if (o->ncps > 0 && o->cps[o->ncps - 1].norm == o->len)
	{
		o->cps[o->ncps - 1].orig = orig;
		return;
	}
	if (o->ncps == o->capcps)
		grow_checkpoints(o);
	o->cps[o->ncps].norm = o->len;
	o->cps[o->ncps].orig = orig;
	o->ncps++;
}

/* ---- NFKC through ICU, with a per-process table of inert BMP characters ---- */

static const UNormalizer2 *nfkc;
static bool inert_ready;

/*
 * Which BMP characters NFKC leaves alone (and which are plain, see
 * inert_block), filled a block of 256 at a time when a character of the
 * block is first asked about: a report uses a few blocks (ASCII, CJK
 * punctuation, full-width forms ...), and asking ICU about all 65,536
 * characters at once cost as much as ten parses.
 */
static unsigned char inert_bmp[65536 / 8];
static unsigned char plain_bmp[65536 / 8];
static uint64_t inert_block_done[256 / 64];

/*
 * One-byte characters a run copies as they are: [html][byte].  The
 * separators . and , stop the loop over them, to be noted (see GdParser).
 */
static unsigned char copy_byte[2][256];

/* Bytes in tags: of a name, a tag's end, quotes, continuation bytes */
#define TAG_NAME	1
#define TAG_END		2
#define TAG_QUOTE	4
#define TAG_CONT	8
static unsigned char tag_byte[256];

static void
init_nfkc(void)
{
	UErrorCode	err = U_ZERO_ERROR;

	nfkc = unorm2_getNFKCInstance(&err);
	if (U_FAILURE(err))
		nfkc = NULL;
	for (int c = 0x20; c < 0x7F; c++)
		copy_byte[0][c] = copy_byte[1][c] = 1;
	copy_byte[0]['\n'] = copy_byte[0]['\t'] = 1;
	copy_byte[1]['<'] = copy_byte[1]['&'] = 0;
	copy_byte[0][','] = copy_byte[1][','] = 0;
	copy_byte[0]['.'] = copy_byte[1]['.'] = 0;
	for (int c = 0; c < 256; c++)
	{
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			tag_byte[c] = TAG_NAME;
		if (c >= 0x80 && c <= 0xBF)
			tag_byte[c] = TAG_CONT;
	}
	tag_byte['>'] = TAG_END;
	tag_byte['"'] = tag_byte['\''] = TAG_QUOTE;
	inert_ready = true;
}

/* Characters the reports use that NFKC leaves alone but the parser folds. */
static inline uint32_t
extra_fold(uint32_t c)
{
	switch (c)
	{
		case 0x2212:			/* minus sign */
		case 0x2010:			/* hyphen */
		case 0x2011:
		case 0xFE63:
			return '-';
		case 0x2502:			/* box drawing: tables drawn with lines */
		case 0x2503:
		case 0x2551:
		case 0x250C:
		case 0x2510:
		case 0x2514:
		case 0x2518:
		case 0x251C:
		case 0x2524:
		case 0x252C:
		case 0x2534:
		case 0x253C:
		case 0x2554:
		case 0x2557:
		case 0x255A:
		case 0x255D:
		case 0x2560:
		case 0x2563:
		case 0x2566:
		case 0x2569:
		case 0x256C:
			return '|';
		case 0x2500:
		case 0x2501:
		case 0x2550:
			return '-';
		case 0x200B:			/* zero-width space, joiners, BOM: dropped */
		case 0x200C:
		case 0x200D:
		case 0x2060:
		case 0xFEFF:
			return 0;
		default:
			return c;
	}
}

/*
 * inert_bmp and plain_bmp for the characters block * 256 .. block * 256 +
 * 255.  A plain character is copied as it is: inert, no surrogate, no
 * U+FFFD, and none of the extra folds.
 */
static void
inert_block(uint32_t block)
{
	for (uint32_t c = block << 8; c < (block + 1) << 8; c++)
	{
		bool		surrogate = c >= 0xD800 && c <= 0xDFFF;
		bool		inert = surrogate || nfkc == NULL ||
			unorm2_isInert(nfkc, (UChar32) c);

		if (inert)
			inert_bmp[c >> 3] |= (unsigned char) (1 << (c & 7));
		if (inert && !surrogate && c != 0xFFFD && extra_fold(c) == c)
			plain_bmp[c >> 3] |= (unsigned char) (1 << (c & 7));
	}
	inert_block_done[block >> 6] |= (uint64_t) 1 << (block & 63);
}

static inline bool
is_inert(uint32_t c)
{
	if (c < 0x80)
		return true;
	if (c < 65536)
	{
		if (!((inert_block_done[c >> 14] >> ((c >> 8) & 63)) & 1))
			inert_block(c >> 8);
		return (inert_bmp[c >> 3] >> (c & 7)) & 1;
	}
	return nfkc == NULL || unorm2_isInert(nfkc, (UChar32) c);
}

/* Is the BMP character c (0x80 and up) plain (see inert_block)? */
static inline bool
is_plain_bmp(uint32_t c)
{
	if (!((inert_block_done[c >> 14] >> ((c >> 8) & 63)) & 1))
		inert_block(c >> 8);
	return (plain_bmp[c >> 3] >> (c & 7)) & 1;
}

/* Emits c after the extra folds and the control-character rules. */
static inline void
emit_folded(Out *o, uint32_t c, bool html)
{
	c = extra_fold(c);
	if (c == 0)
		return;
	if (c < 0x20 || c == 0x7F)
	{
		if (c == '\n' || c == '\t')
		{
			/* in HTML, source line breaks and tabs are only white space */
			out_char(o, html ? ' ' : c);
		}
		else if (c == '\f' || c == '\v' || c == '\r')
			out_char(o, html ? ' ' : '\n');
		return;
	}
	out_char(o, c);
}

/* NFKC of a run of non-inert characters */
static void
emit_nfkc_run(Out *o, const uint32_t *cs, int n, bool html)
{
	UChar		src[128];
	UChar		dst[512];
	int			ns = 0;
	int			nd;
	UErrorCode	err = U_ZERO_ERROR;

	for (int i = 0; i < n; i++)
	{
		if (cs[i] >= 0x10000)
		{
			src[ns++] = (UChar) (0xD7C0 + (cs[i] >> 10));
			src[ns++] = (UChar) (0xDC00 | (cs[i] & 0x3FF));
		}
		else
			src[ns++] = (UChar) cs[i];
	}
	nd = unorm2_normalize(nfkc, src, ns, dst, 512, &err);
	if (U_FAILURE(err))
	{
		for (int i = 0; i < n; i++)
			emit_folded(o, cs[i], html);
		return;
	}
	for (int i = 0; i < nd; i++)
	{
		uint32_t	c = dst[i];

		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < nd)
		{
			c = 0x10000 + ((c - 0xD800) << 10) + (dst[i + 1] - 0xDC00);
			i++;
		}
		emit_folded(o, c, html);
	}
}

/* ---- HTML ---- */

static bool
ascii_prefix_ci(const char *s, size_t len, size_t i, const char *word)
{
	size_t		n = strlen(word);

	if (i + n > len)
		return false;
	for (size_t k = 0; k < n; k++)
	{
		char		c = s[i + k];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != word[k])
			return false;
	}
	return true;
}

static bool
looks_like_html(const char *s, size_t len)
{
	const char *lt = s;

	for (; (lt = memchr(lt, '<', len - (lt - s))) != NULL; lt++)
	{
		size_t		i = lt - s;

		if (i + 3 < len && (ascii_prefix_ci(s, len, i + 1, "td") ||
							ascii_prefix_ci(s, len, i + 1, "tr") ||
							ascii_prefix_ci(s, len, i + 1, "table") ||
							ascii_prefix_ci(s, len, i + 1, "html") ||
							ascii_prefix_ci(s, len, i + 1, "p>") ||
							ascii_prefix_ci(s, len, i + 1, "!doctype")))
			return true;
	}
	return false;
}

/* What a tag of name[0..n) becomes in the Word-text layout. */
static const char *
html_tag_text(const char *name, size_t n, bool close)
{
	char		l[7];

	/* the name is letters and digits: | 0x20 lowers the letters only */
	if (n == 0 || n > sizeof(l))
		return "";
	for (size_t k = 0; k < n; k++)
		l[k] = (char) (name[k] | 0x20);
	switch (n)
	{
		case 1:
			return l[0] == 'p' ? "\n" : "";
		case 2:
			if (l[0] == 't' && (l[1] == 'd' || l[1] == 'h'))
				return close ? "" : "\n\t";
			if (l[0] == 't' && l[1] == 'r')
				return close ? "\n\n" : "\n";
			if ((l[0] == 'h' && ((l[1] >= '1' && l[1] <= '6') || l[1] == 'r')) ||
				(l[0] == 'b' && l[1] == 'r') || (l[0] == 'l' && l[1] == 'i'))
				return "\n";
			return "";
		case 3:
			return memcmp(l, "div", 3) == 0 ? "\n" : "";
		case 5:
			if (memcmp(l, "table", 5) == 0)
				return "\n\n";
			if (memcmp(l, "title", 5) == 0 || memcmp(l, "tbody", 5) == 0 ||
				memcmp(l, "thead", 5) == 0)
				return "\n";
			return "";
		case 7:
			if (memcmp(l, "section", 7) == 0 || memcmp(l, "article", 7) == 0 ||
				memcmp(l, "caption", 7) == 0)
				return "\n";
			return "";
	}
	return "";
}

/* A tag ends at '>' outside quotes within this many bytes of its '<' */
#define TAG_WINDOW 65536

/*
 * Where the tags that start in [from, to) end, worked out at once.  Looking
 * for each tag's end on its own costs up to TAG_WINDOW bytes a '<', which
 * text made of unclosed tags (<a<a<a…, <a">"<a">"…) turns into hours for a
 * few megabytes.  Once the scans that found nothing have read more than
 * the text's length over again, the ends come from here: one backward pass
 * over [from, to + TAG_WINDOW) finds them for every '<' in [from, to).
 */
typedef struct TagEnds
{
	size_t		wasted;			/* bytes read by scans that found no end */
	size_t		from;
	size_t		to;				/* empty (to <= from) until first needed */
	uint16_t   *end;			/* of the '<' at from + k: '>' at from + k +
								 * end[k], or 0 for none in the window */
} TagEnds;

/*
 * The tag ends of the '<' in [from, from + TAG_WINDOW).  Going backward,
 * at = where a scan that reaches position q outside quotes finds its '>'
 * (or none): '>' ends it at q; a quote sends it on past the next quote of
 * the same kind, and after[] holds where a scan goes on from just after
 * that next quote; any other byte leaves it as at q + 1.
 */
static void
tag_ends_fill(GdParser *p, TagEnds *te, const char *s, size_t len, size_t from)
{
	size_t		to = len - from > TAG_WINDOW ? from + TAG_WINDOW : len;
	size_t		q = len - to > TAG_WINDOW ? to + TAG_WINDOW : len;
	const size_t none = (size_t) -1;
	size_t		at = none;
	size_t		after[2] = {none, none};	/* after the next " and ' */
	bool		seen[2] = {false, false};

	if (te->end == NULL)
		te->end = gd_alloc(p, TAG_WINDOW * sizeof(uint16_t));
	te->from = from;
	te->to = to;
	while (q > from + 1)
	{
		unsigned char c = (unsigned char) s[--q];

		if (c == '>')
			at = q;
		else if (c == '"' || c == '\'')
		{
			int			k = c == '\'';
			size_t		here = at;

			at = seen[k] ? after[k] : none;
			after[k] = here;
			seen[k] = true;
		}
		/* the '<' before q, whose scan starts at q (its name holds no quote) */
		if (q - 1 < to && s[q - 1] == '<')
			te->end[q - 1 - from] = (uint16_t) (at != none && at - (q - 1) < TAG_WINDOW ?
												at - (q - 1) : 0);
	}
}

/*
 * Finds the end of the tag or construct at s[i] == '<', what it becomes
 * (*rep) and the characters it has (*chars); returns 0 if it is no tag.
 */
static size_t
html_skip(GdParser *p, TagEnds *te, const char *s, size_t len, size_t i,
		  const char **rep, size_t *chars)
{
	size_t		j;
	size_t		name;
	size_t		name_end;
	size_t		stop;
	size_t		cont = 0;		/* continuation bytes */

	*rep = "";
	if (i + 1 < len && s[i + 1] == '!' && ascii_prefix_ci(s, len, i, "<!--"))
	{
		j = len;
		for (size_t k = i + 4; k + 2 < len; k++)
			if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>')
			{
				j = k + 3;
				break;
			}
		*chars = gd_utf8_chars(s + i, j - i);
		return j;
	}
	if (i + 1 < len && (s[i + 1] == 's' || s[i + 1] == 'S') &&
		(ascii_prefix_ci(s, len, i, "<script") || ascii_prefix_ci(s, len, i, "<style")))
	{
		const char *close = s[i + 2] == 'c' || s[i + 2] == 'C' ? "</script" : "</style";

		for (j = i + 6; j < len; j++)
			if (s[j] == '<' && ascii_prefix_ci(s, len, j, close))
			{
				while (j < len && s[j] != '>')
					j++;
				break;
			}
		j = j < len ? j + 1 : len;
		*chars = gd_utf8_chars(s + i, j - i);
		return j;
	}
	j = i + 1;
	if (j < len && s[j] == '/')
		j++;
	if (j >= len || !((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || s[j] == '!'))
		return 0;
	name = j;
	while (j < len && (tag_byte[(unsigned char) s[j]] & TAG_NAME))
		j++;
	name_end = j;
	if (te->wasted > len + (1 << 20))
	{
		if (i < te->from || i >= te->to)
			tag_ends_fill(p, te, s, len, i);
		if (te->end[i - te->from] == 0)
			return 0;
		j = i + te->end[i - te->from];
		*rep = html_tag_text(s + name, name_end - name, s[i + 1] == '/');
		*chars = gd_utf8_chars(s + i, j + 1 - i);
		return j + 1;
	}
	/* a tag ends at '>' outside quotes; give up on absurdly long ones */
	stop = len - i > TAG_WINDOW ? i + TAG_WINDOW : len;
	for (; j < stop; j++)
	{
		unsigned char c = (unsigned char) s[j];

		if (!(tag_byte[c] & (TAG_END | TAG_QUOTE | TAG_CONT)))
			continue;
		if (tag_byte[c] & TAG_CONT)
			cont++;
		else if (c == '>')
		{
			*rep = html_tag_text(s + name, name_end - name, s[i + 1] == '/');
			*chars = j + 1 - i - cont;
			return j + 1;
		}
		else
		{
			/* a quote: on to its end */
			const char *q = memchr(s + j + 1, c, stop - j - 1);
			size_t		n;

			if (q == NULL)
			{
				te->wasted += stop - i;
				return 0;
			}
			n = q - (s + j + 1);
			cont += n - gd_utf8_chars(s + j + 1, n);
			j = q - s;
		}
	}
	te->wasted += stop - i;
	return 0;
}

/* Decodes the entity at s[i] == '&'; returns its length, 0 if none. */
static size_t
html_entity(const char *s, size_t len, size_t i, uint32_t *c)
{
	static const struct
	{
		const char *name;
		uint32_t	c;
	}			named[] = {
		{"nbsp;", 0xA0}, {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'},
		{"apos;", '\''}, {"ldquo;", 0x201C}, {"rdquo;", 0x201D}, {"mdash;", 0x2014},
		{"ndash;", 0x2013}, {"middot;", 0xB7}, {"emsp;", 0x2003}, {"ensp;", 0x2002},
		{"hellip;", 0x2026}, {"times;", 0xD7}, {"lsquo;", 0x2018}, {"rsquo;", 0x2019},
		{NULL, 0}
	};

	if (i + 1 < len && s[i + 1] == '#')
	{
		size_t		j = i + 2;
		uint32_t	v = 0;
		bool		hex = j < len && (s[j] == 'x' || s[j] == 'X');
		int			digits = 0;

		if (hex)
			j++;
		for (; j < len && digits < 8; j++, digits++)
		{
			char		d = s[j];

			if (d >= '0' && d <= '9')
				v = v * (hex ? 16 : 10) + (uint32_t) (d - '0');
			else if (hex && d >= 'a' && d <= 'f')
				v = v * 16 + (uint32_t) (d - 'a' + 10);
			else if (hex && d >= 'A' && d <= 'F')
				v = v * 16 + (uint32_t) (d - 'A' + 10);
			else
				break;
		}
		if (digits == 0 || j >= len || s[j] != ';')
			return 0;
		*c = (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : v;
		return j + 1 - i;
	}
	for (int k = 0; named[k].name; k++)
		if (ascii_prefix_ci(s, len, i + 1, named[k].name))
		{
			*c = named[k].c;
			return 1 + strlen(named[k].name);
		}
	return 0;
}

/* ---- the pass ---- */

/* the bit of tmid and tlast (gd_normalize) for a continuation byte */
#define TRIG_VALID 1

/*
 * The trigger tables by whole byte, shifted to make room for a bit that
 * only continuation bytes have, and a table of the ideographs' lead bytes:
 * one test per ideograph checks its three bytes and its triggers.
 */
typedef struct ByteTables
{
	uint64_t	tlead[256];
	uint64_t	tmid[256];
	uint64_t	tlast[256];
} ByteTables;

/*
 * The tables of the last call, kept with the trigger tables they were made
 * from: every gd_parse has the same (gd_trigger_tables), so they are made
 * again only when those differ (gd_prose has none).
 */
static ByteTables byte_tables;
static uint32_t bt_mid[64];
static uint32_t bt_last[64];
static bool bt_ready;

/* The state of the pass (see the top of this file). */
typedef struct Pass
{
	GdParser   *p;
	Out		   *o;
	const char *in;
	size_t		len;
	size_t		len3;			/* a three-byte character starts below */
	bool		html;
	const unsigned char *copy;	/* copy_byte[html] */
	const ByteTables *bt;
	TagEnds    *tags;
	size_t		i;				/* input bytes consumed */
	int64_t		orig;			/* input characters consumed */
	uint32_t   *run;			/* characters waiting for NFKC */
	int			nrun;
	size_t		last_cp;		/* output offset of the last periodic checkpoint */
	size_t		next_tick;
	size_t		noted;			/* output up to here is noted (triggers, separators) */
} Pass;

#define RUN_MAX 32

static inline void
pass_start(Pass *ps, Out *o)
{
	ByteTables *bt = &byte_tables;
	GdParser   *p = ps->p;

	if (!inert_ready)
		init_nfkc();

	memset(o, 0, sizeof(*o));
	o->p = p;
	o->cap = ps->len + ps->len / 8 + 64;
	o->buf = gd_alloc(p, o->cap);
	ps->o = o;
	ps->html = looks_like_html(ps->in, ps->len);
	checkpoint(o, 0);
	ps->copy = copy_byte[ps->html];

	if (!bt_ready || memcmp(bt_mid, p->trigger_mid, sizeof(bt_mid)) != 0 ||
		memcmp(bt_last, p->trigger_last, sizeof(bt_last)) != 0)
	{
		memset(bt->tlead, 0, sizeof(bt->tlead));
		memset(bt->tmid, 0, sizeof(bt->tmid));
		memset(bt->tlast, 0, sizeof(bt->tlast));
		for (int k = 0xE4; k <= 0xE9; k++)
			bt->tlead[k] = ~(uint64_t) 0;
		for (int k = 0; k < 64; k++)
		{
			bt->tmid[0x80 | k] = TRIG_VALID | (uint64_t) p->trigger_mid[k] << 1;
			bt->tlast[0x80 | k] = TRIG_VALID | (uint64_t) p->trigger_last[k] << 1;
		}
		memcpy(bt_mid, p->trigger_mid, sizeof(bt_mid));
		memcpy(bt_last, p->trigger_last, sizeof(bt_last));
		bt_ready = true;
	}
	ps->bt = bt;
}

/* The characters waiting for NFKC go out; the map resumes at orig. */
static inline void
flush_run(Pass *ps)
{
	emit_nfkc_run(ps->o, ps->run, ps->nrun, ps->html);
	ps->nrun = 0;
	checkpoint(ps->o, ps->orig);
}

/* A checkpoint every 256 bytes of output or so. */
static inline void
periodic_checkpoint(Pass *ps)
{
	if (ps->o->len - ps->last_cp > 256)
	{
		checkpoint(ps->o, ps->orig);
		ps->last_cp = ps->o->len;
	}
}

/*
 * MARKUP: a tag or an entity at in[i] (b is '<' or '&'); false when there
 * is none, and the byte is read as text.
 */
static inline bool
pass_markup(Pass *ps, unsigned char b)
{
	Out		   *o = ps->o;
	const char *rep;
	size_t		chars;
	size_t		end;
	uint32_t	ec;

	if (ps->nrun)
		flush_run(ps);
	if (b == '<' && (end = html_skip(ps->p, ps->tags, ps->in, ps->len, ps->i, &rep, &chars)) > 0)
	{
		size_t		before = o->len;

		ps->orig += (int64_t) chars;
		out_reserve(o, 2);
		for (; *rep; rep++)
			o->buf[o->len++] = *rep;
		/* rep is ASCII: nothing for the prose to note */
		if (ps->noted == before)
			ps->noted = o->len;
		ps->i = end;
		checkpoint(o, ps->orig);
		return true;
	}
	if (b == '&' && (end = html_entity(ps->in, ps->len, ps->i, &ec)) > 0)
	{
		ps->orig += (int64_t) end;
		ps->i += end;
		if (is_inert(ec))
			emit_folded(o, ec, ps->html);
		else
			emit_nfkc_run(o, &ec, 1, ps->html);
		checkpoint(o, ps->orig);
		return true;
	}
	return false;
}

/*
 * Where the run of bytes from in[i] that need nothing done ends, at most
 * at lim (lim3 for an ideograph); *ascii gets its one-byte characters (the
 * rest have three), *fold the byte that a full-width character or the
 * ideographic space that stops it folds to (0: none).  Notes the triggers
 * among its ideographs and the separators . , 、 it copies.
 */
static inline size_t
copyable_end(Pass *ps, size_t lim, size_t lim3, size_t *ascii, char *fold)
{
	const char *in = ps->in;
	const ByteTables *bt = ps->bt;
	const unsigned char *copy = ps->copy;
	size_t		i = ps->i;
	size_t		r = i;

	*ascii = 0;
	*fold = 0;
	for (;;)
	{
		size_t		a;
		unsigned char c2;

		/* ideographs, the common case: all three bytes checked at once */
		while (r < lim3)
		{
			uint64_t	t = bt->tlead[(unsigned char) in[r]] &
				bt->tmid[(unsigned char) in[r + 1]] &
				bt->tlast[(unsigned char) in[r + 2]];

			if (__builtin_expect(t == TRIG_VALID, 1))
				r += 3;
			else if (t & TRIG_VALID)
			{
				note_trigger(ps->o, ps->o->len + (r - i));
				r += 3;
			}
			else
				break;
		}
		a = r;
		while (r < lim && copy[(unsigned char) in[r]])
			r++;
		*ascii += r - a;
		if (r >= lim)
			break;
		c2 = (unsigned char) in[r];
		if (c2 == ',' || c2 == '.')
		{
			note_separator(ps->o, ps->o->len + (r - i), byte_before(ps->o, in, i, r));
			*ascii += 1;
			r++;
			continue;
		}
		if ((unsigned) (c2 - 0xE4) < 6)
		{
			/* an ideograph, unless the loop above stopped at it */
			if (r < lim3 && (bt->tmid[(unsigned char) in[r + 1]] &
							 bt->tlast[(unsigned char) in[r + 2]] & TRIG_VALID))
				continue;
			break;
		}
		if (c2 >= 0xE1 && c2 <= 0xEF && r + 2 < ps->len &&
			((unsigned char) in[r + 1] & 0xC0) == 0x80 &&
			((unsigned char) in[r + 2] & 0xC0) == 0x80)
		{
			uint32_t	cp = ((uint32_t) (c2 & 0x0F) << 12) |
				((uint32_t) (in[r + 1] & 0x3F) << 6) | (in[r + 2] & 0x3F);

			if (cp >= 0xFF01 && cp <= 0xFF5E)
				*fold = (char) (cp - 0xFEE0);	/* what NFKC does */
			else if (cp == 0x3000)
				*fold = ' ';
			else if (is_plain_bmp(cp))
			{
				if (cp == 0x3001)	/* 、 */
					note_separator(ps->o, ps->o->len + (r - i), byte_before(ps->o, in, i, r));
				r += 3;
				continue;
			}
		}
		break;
	}
	return r;
}

/*
 * COPY: runs that need nothing done are copied whole: printable ASCII,
 * line ends and tabs outside HTML, and three-byte characters that NFKC and
 * the extra folds leave alone (CJK ideographs, lead bytes E4..E9, are all
 * inert; 、。《》 and the like are looked up).  A run stays short so that
 * checkpoints stay close.  Full-width ASCII and the ideographic space,
 * frequent between runs, are folded to one byte here, and the next run
 * starts at once.  False when not a byte could be copied.
 */
static inline bool
pass_copy(Pass *ps)
{
	Out		   *o = ps->o;
	size_t		i0 = ps->i;

	/* what the other paths wrote: a run notes its own */
	if (o->len > ps->noted)
		note_triggers(o, &ps->noted);
	for (;;)
	{
		size_t		i = ps->i;
		size_t		lim = ps->len - i > 256 ? i + 256 : ps->len;
		/* an ideograph may start below lim3 */
		size_t		lim3 = lim < ps->len3 ? lim : ps->len3;
		size_t		ascii;
		char		fold;
		size_t		r;

		/* the run writes at most what it reads */
		out_reserve(o, lim - i + 2);
		r = copyable_end(ps, lim, lim3, &ascii, &fold);
		if (r > i)
		{
			memcpy(o->buf + o->len, ps->in + i, r - i);
			o->len += r - i;
			ps->noted = o->len;
			ps->orig += (int64_t) (ascii + (r - i - ascii) / 3);
			ps->i = r;
			periodic_checkpoint(ps);
		}
		if (!fold)
			break;
		if (fold == ',' || fold == '.')
			note_separator(o, o->len, o->len ? (unsigned char) o->buf[o->len - 1] : 0);
		o->buf[o->len++] = fold;
		ps->noted = o->len;
		ps->i += 3;
		ps->orig++;
		if (ps->i >= ps->len || ps->i >= ps->next_tick)
			break;
	}
	return ps->i > i0;
}

/* ASCII: control characters folded, \r\n one line end. */
static inline void
pass_ascii(Pass *ps, unsigned char b)
{
	Out		   *o = ps->o;

	if (ps->nrun)
		flush_run(ps);
	/* \r\n is one line end */
	if (b == '\r' && ps->i + 1 < ps->len && ps->in[ps->i + 1] == '\n')
	{
		ps->i++;
		ps->orig++;
		checkpoint(o, ps->orig);
		return;
	}
	if (b >= 0x20 && b != 0x7F)
		out_reserve(o, 1), o->buf[o->len++] = (char) b;
	else
	{
		size_t		before = o->len;

		emit_folded(o, b, ps->html);
		if (o->len != before + 1)
		{
			ps->i++;
			ps->orig++;
			checkpoint(o, ps->orig);
			return;
		}
	}
	ps->i++;
	ps->orig++;
	periodic_checkpoint(ps);
}

/*
 * ANY OTHER CHARACTER: copied if inert, folded if only the extra folds
 * change it, else it joins the run that NFKC gets.
 */
static inline void
pass_char(Pass *ps)
{
	Out		   *o = ps->o;
	size_t		next = ps->i;
	uint32_t	c = gd_utf8_next(ps->in, ps->len, &next);

	if (is_inert(c) && extra_fold(c) == c && c != 0xFFFD)
	{
		if (ps->nrun)
			flush_run(ps);
		out_bytes(o, ps->in + ps->i, next - ps->i);
	}
	else if (is_inert(c))
	{
		if (ps->nrun)
			flush_run(ps);
		emit_folded(o, c, ps->html);
		checkpoint(o, ps->orig + 1);
	}
	else
	{
		ps->run[ps->nrun++] = c;
		if (ps->nrun == RUN_MAX)
		{
			emit_nfkc_run(o, ps->run, ps->nrun, ps->html);
			ps->nrun = 0;
			checkpoint(o, ps->orig + 1);
		}
	}
	ps->i = next;
	ps->orig++;
	if (o->len - ps->last_cp > 256)
	{
		if (ps->nrun)
		{
			emit_nfkc_run(o, ps->run, ps->nrun, ps->html);
			ps->nrun = 0;
		}
		checkpoint(o, ps->orig);
		ps->last_cp = o->len;
	}
}

/* END: the last run, the last triggers and checkpoint; the text is p->t. */
static inline void
pass_finish(Pass *ps)
{
	Out		   *o = ps->o;
	GdParser   *p = ps->p;

	if (ps->nrun)
		emit_nfkc_run(o, ps->run, ps->nrun, ps->html);
	note_triggers(o, &ps->noted);
	checkpoint(o, ps->orig);
	out_reserve(o, 1);
	o->buf[o->len] = '\0';

	p->t.s = o->buf;
	p->t.len = o->len;
	p->t.cps = o->cps;
	p->t.ncps = o->ncps;
	p->t.orig_chars = ps->orig;
	p->t.memo_cp = (size_t) -1;	/* none yet (text.h) */
}

void
gd_normalize(GdParser *p, const char *in, size_t len)
{
	Out			o;
	TagEnds		tags = {0};
	uint32_t	run[RUN_MAX];
	Pass		ps = {0};

	ps.p = p;
	ps.in = in;
	ps.len = len;
	ps.len3 = len < 3 ? 0 : len - 2;
	ps.tags = &tags;
	ps.run = run;
	ps.next_tick = 1 << 16;
	pass_start(&ps, &o);

	while (ps.i < len)
	{
		unsigned char b = (unsigned char) in[ps.i];

		if (ps.i >= ps.next_tick)
		{
			gd_tick(p);
			ps.next_tick = ps.i + (1 << 16);
		}
		if (ps.html && (b == '<' || b == '&') && pass_markup(&ps, b))
			continue;
		if (ps.nrun == 0 && ((b >= 0x20 && b < 0x7F) || (b >= 0xE1 && b <= 0xEF) ||
							 ((b == '\n' || b == '\t') && !ps.html)) &&
			pass_copy(&ps))
			continue;
		if (b < 0x80)
			pass_ascii(&ps, b);
		else
			pass_char(&ps);
	}
	pass_finish(&ps);
}
