/*
 * match.c
 *		Comparing labels by what they say: a compact form without white space
 *		and quotes, and without the template's numbering (一、 (一) 1. 1、).
 */
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "utf8.h"

/*
 * The hash of the byte at u[0] (u[-1] readable for a continuation byte), or
 * -1 for a byte that is not hashed.  Hashed are ASCII bytes, and the last
 * byte of a three- or four-byte character (a continuation byte after
 * another): eight bits of its code point.  The rule looks at two bytes
 * only, so a phrase hashes the same inside any text that contains it.
 */
static inline int
byte_hash(const unsigned char *u, bool has_prev)
{
	if (u[0] < 0x80)
		return u[0];
	if (has_prev && (u[0] & 0xC0) == 0x80 && (u[-1] & 0xC0) == 0x80)
		return ((u[-1] & 0x03) << 6) | (u[0] & 0x3F);
	return -1;
}

/* compact is made twice, with and without a set */
#if defined(__GNUC__)
#define GD_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define GD_ALWAYS_INLINE inline
#endif

#define CHARSET_ADD(cs, h) ((cs)->w[(h) >> 6] |= (uint64_t) 1 << ((h) & 63))

/* The hashes of buf[from..to) into cs, each byte after the one before it. */
static void
charset_add(GdCharSet *cs, const char *buf, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
	{
		int			h = byte_hash((const unsigned char *) buf + k, k > 0);

		if (h >= 0)
			CHARSET_ADD(cs, h);
	}
}

/* ASCII bytes that a compact form drops: tab, newline, space, " and ' */
#define DROP_ASCII ((UINT64_C(1) << '\t') | (UINT64_C(1) << '\n') | (UINT64_C(1) << ' ') | \
					(UINT64_C(1) << '"') | (UINT64_C(1) << '\''))

static inline bool
ascii_kept(unsigned char c)
{
	return c >= 64 || !((DROP_ASCII >> c) & 1);
}

/*
 * Where the character at s[i] ends, for one that is neither ASCII nor a
 * whole E4..EF ideograph; *drop when it is decoration: “ ” ‘ ’ 「 」
 * (危及“三安全一稳定”).  Only E2/E3 may be decoration.
 */
static size_t
other_end(const char *s, size_t n, size_t i, bool *drop)
{
	unsigned char c = (unsigned char) s[i];
	size_t		next;

	*drop = false;
	if (c == 0xE2 || c == 0xE3)
	{
		uint32_t	cp;

		next = i;
		cp = gd_utf8_next(s, n, &next);
		if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
			cp == 0x300C || cp == 0x300D)
		{
			*drop = true;
			return next;
		}
	}
	else
		next = i + (c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
	return next > n ? n : next;
}

/*
 * gd_compact into buf, and gd_charset of its result when cs is given.  The
 * set is gathered in a local, which the compiler keeps out of memory.
 */
static GD_ALWAYS_INLINE size_t
compact(const char *s, size_t n, char *buf, size_t bufsize, GdCharSet *cs)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		o = 0;
	size_t		i = 0;
	/* o + 4 < bufsize: room for one more character and the NUL */
	size_t		room = bufsize > 4 ? bufsize - 4 : 0;
	GdCharSet	set = {{0, 0, 0, 0}};

	while (i < n && o < room)
	{
		/*
		 * First a run of the common characters: ideographs (with a set:
		 * whole ones only) and ASCII.  While i < stop, a character starts
		 * with room left (o - o0 <= i - i0) and an ideograph is whole.
		 */
		size_t		stop = room - o < n - i ? i + (room - o) : n;
		unsigned char c;

		if (stop + 3 > n)
			stop = n > 3 ? n - 3 : 0;
		while (i < stop)
		{
			c = u[i];
			if ((unsigned) (c - 0xE4) <= 0xEF - 0xE4)
			{
				unsigned char c1 = u[i + 1];
				unsigned char c2 = u[i + 2];

				if (cs)
				{
					/* two continuation bytes: the last one is hashed */
					if ((((unsigned) c1 << 8 | c2) & 0xC0C0) != 0x8080)
						break;
					set.w[c1 & 0x03] |= (uint64_t) 1 << (c2 & 0x3F);
				}
				/*
				 * Four bytes at once: u[i + 3] is in the text (i < n - 3),
				 * buf[o + 3] in the room, and written again later (by the
				 * next character or the NUL).
				 */
				memcpy(buf + o, u + i, 4);
				o += 3;
				i += 3;
			}
			else if (c < 0x80)
			{
				if (ascii_kept(c))
				{
					if (cs)
						CHARSET_ADD(&set, c);
					buf[o++] = (char) c;
				}
				i++;
			}
			else
				break;
		}
		if (i >= n || o >= room)
			break;

		/* then one character, whatever it is */
		c = u[i];
		if ((unsigned) (c - 0xE4) <= 0xEF - 0xE4 && i + 3 <= n)
		{
			unsigned char c1 = u[i + 1];
			unsigned char c2 = u[i + 2];

			buf[o] = (char) c;
			buf[o + 1] = (char) c1;
			buf[o + 2] = (char) c2;
			if (cs)
			{
				if ((((unsigned) c1 << 8 | c2) & 0xC0C0) == 0x8080)
					set.w[c1 & 0x03] |= (uint64_t) 1 << (c2 & 0x3F);
				else
					charset_add(&set, buf, o, o + 3);
			}
			o += 3;
			i += 3;
		}
		else if (c == ' ')
		{
			/* layout text pads with runs of spaces */
			while (++i < n && u[i] == ' ')
				;
		}
		else if (c < 0x80)
		{
			if (ascii_kept(c))
			{
				buf[o++] = (char) c;
				if (cs)
					CHARSET_ADD(&set, c);
			}
			i++;
		}
		else
		{
			bool		drop;
			size_t		next = other_end(s, n, i, &drop);

			if (!drop)
			{
				size_t		o0 = o;

				while (i < next)
					buf[o++] = (char) u[i++];
				if (cs)
					charset_add(&set, buf, o0, o);
			}
			i = next;
		}
	}
	buf[o] = '\0';
	if (cs)
		*cs = set;
	return o;
}

/* The length of the compact form, without writing it. */
static size_t
compact_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		o = 0;
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = u[i];

		if ((unsigned) (c - 0xE4) <= 0xEF - 0xE4 && i + 3 <= n)
		{
			o += 3;
			i += 3;
		}
		else if (c < 0x80)
		{
			o += ascii_kept(c);
			i++;
		}
		else
		{
			bool		drop;
			size_t		next = other_end(s, n, i, &drop);

			if (!drop)
				o += next - i;
			i = next;
		}
	}
	return o;
}

size_t
gd_compact(const char *s, size_t n, char *buf, size_t bufsize)
{
	/* with no buffer, only count */
	if (buf == NULL)
		return compact_len(s, n);
	return compact(s, n, buf, bufsize, NULL);
}

size_t
gd_compact_charset(const char *s, size_t n, char *buf, size_t bufsize, GdCharSet *cs)
{
	/* two copies: the one with a set is the tokens' */
	if (cs == NULL)
		return compact(s, n, buf, bufsize, NULL);
	return compact(s, n, buf, bufsize, cs);
}

bool
gd_contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

void
gd_charset(GdCharSet *cs, const char *s)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0;

	memset(cs, 0, sizeof(*cs));
	while (u[i])
	{
		int			h;

		/* a whole three-byte character at once: its last byte is hashed */
		if ((u[i] & 0xF0) == 0xE0 && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
		{
			h = byte_hash(u + i + 2, true);
			i += 3;
		}
		else
		{
			h = byte_hash(u + i, i > 0);
			i++;
		}
		if (h >= 0)
			cs->w[h >> 6] |= (uint64_t) 1 << (h & 63);
	}
}

bool
gd_has(const char *hay, const GdCharSet *cs, const char *needle)
{
	const unsigned char *u = (const unsigned char *) needle;
	size_t		i = 0;

	/* as gd_charset: a whole three-byte character at once */
	while (u[i])
	{
		int			h;

		if ((u[i] & 0xF0) == 0xE0 && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
		{
			h = ((u[i + 1] & 0x03) << 6) | (u[i + 2] & 0x3F);
			i += 3;
		}
		else
		{
			h = byte_hash(u + i, i > 0);
			i++;
			if (h < 0)
				continue;
		}
		if (!((cs->w[h >> 6] >> (h & 63)) & 1))
			return false;
	}
	return strstr(hay, needle) != NULL;
}

void
gd_phrases(GdPhrase *ph, int n)
{
	for (int k = 0; k < n; k++)
	{
		ph[k].len = strlen(ph[k].s);
		gd_charset(&ph[k].cs, ph[k].s);
	}
}

/* Is s one of 一 二 三 四 五 六 七 八 九 十?  (Reads no further than a NUL.) */
static bool
is_cjk_numeral(const unsigned char *s)
{
	if (s[0] == 0xE4)
	{
		if (s[1] == 0xB8)
			return s[2] == 0x80 || s[2] == 0x89 || s[2] == 0x83;	/* 一 三 七 */
		if (s[1] == 0xBA)
			return s[2] == 0x8C || s[2] == 0x94;	/* 二 五 */
		return s[1] == 0xB9 && s[2] == 0x9D;	/* 九 */
	}
	if (s[0] == 0xE5)
	{
		if (s[1] == 0x85)
			return s[2] == 0xAD || s[2] == 0xAB;	/* 六 八 */
		if (s[1] == 0x9B)
			return s[2] == 0x9B;	/* 四 */
		return s[1] == 0x8D && s[2] == 0x81;	/* 十 */
	}
	return false;
}

/* Length of a CJK numeral (一 … 十, 十一 …) at s, 0 if none. */
static size_t
numeral_len(const char *s)
{
	size_t		n = 0;

	while (n < 9 && is_cjk_numeral((const unsigned char *) s + n))
		n += 3;
	return n;
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

/* bytes of compact forms allocated at once (gd_token_compact) */
#define COMPACT_BLOCK 16384

/*
 * The compact forms of short token texts, kept per process.  The tables of
 * most reports print the same labels and headers, so most tokens find
 * theirs here instead of making it: a hash of the text, a compare, and the
 * token points at the kept form.  An entry is written once and never
 * changed; when the cache is full it takes no more, and it is emptied only
 * when a parse begins (its first gd_token_compact), so no token of a
 * running parse points at a form that changes, and the cache never points
 * into a parse's memory.  (One parse at a time per process, as in a
 * PostgreSQL backend.)
 */
#define CC_SLOTS 4096			/* a power of two */
#define CC_PROBES 16			/* slots looked at for a text */
#define CC_POOL_BYTES (256 * 1024)
#define CC_MAX_TEXT 160			/* longer texts are not kept */

typedef struct CcEntry
{
	uint32_t	hash;
	uint16_t	len;			/* of the text; 0: a free slot */
	uint16_t	clen;			/* of its compact form */
	uint32_t	at;				/* in cc_pool: GdCharSet, compact form, NUL, text */
} CcEntry;

static CcEntry cc_slots[CC_SLOTS];
static uint64_t cc_pool[CC_POOL_BYTES / 8];	/* 8-byte aligned, for the sets */
static size_t cc_used;			/* bytes of cc_pool written */
static int	cc_entries;
static bool cc_full;			/* a text found no room: empty at the next parse */

static inline uint32_t
text_hash(const char *s, size_t n)
{
	const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
	uint64_t	h = n * k;
	uint64_t	w;
	size_t		i = 0;

	for (; i + 8 <= n; i += 8)
	{
		memcpy(&w, s + i, 8);
		h = (h ^ w) * k;
	}
	if (i < n)
	{
		/* the last bytes: eight ending at the text's end, or one by one */
		if (n >= 8)
			memcpy(&w, s + n - 8, 8);
		else
			for (w = 0; i < n; i++)
				w = w << 8 | (unsigned char) s[i];
		h = (h ^ w) * k;
	}
	return (uint32_t) (h >> 32);
}

/* The kept compact form of s[0..len), made and kept when it is not; false if no room. */
static bool
cc_find(const char *s, size_t len, GdToken *m)
{
	uint32_t	h = text_hash(s, len);
	char	   *pool = (char *) cc_pool;
	CcEntry    *e;
	size_t		need;

	for (int k = 0; k < CC_PROBES; k++)
	{
		e = &cc_slots[(h + (uint32_t) k) & (CC_SLOTS - 1)];
		if (e->len == 0)
			break;
		if (e->hash == h && e->len == len &&
			memcmp(pool + e->at + sizeof(GdCharSet) + e->clen + 1, s, len) == 0)
		{
			m->cs = (GdCharSet *) (pool + e->at);
			m->compact = (char *) (m->cs + 1);
			m->compact_len = e->clen;
			return true;
		}
	}
	/* room for the set, the form (gd_compact writes up to len + 8) and the text */
	need = sizeof(GdCharSet) + ((len + 8 + len + 7) & ~(size_t) 7);
	if (e->len != 0 || cc_entries >= CC_SLOTS / 2 || need > CC_POOL_BYTES - cc_used)
	{
		cc_full = true;
		return false;
	}
	m->cs = (GdCharSet *) (pool + cc_used);
	m->compact = (char *) (m->cs + 1);
	m->compact_len = (uint32_t) gd_compact_charset(s, len, m->compact, len + 8, m->cs);
	memcpy(m->compact + m->compact_len + 1, s, len);
	e->hash = h;
	e->len = (uint16_t) len;
	e->clen = (uint16_t) m->compact_len;
	e->at = (uint32_t) cc_used;
	cc_used += sizeof(GdCharSet) + ((m->compact_len + 1 + len + 7) & ~(size_t) 7);
	cc_entries++;
	return true;
}

/*
 * The compact form of a token, made on first use and kept with the token:
 * the matcher asks for it, so the cache lives here.
 */
const char *
gd_token_compact(GdParser *p, const GdToken *t)
{
	GdToken    *m = (GdToken *) t;	/* the cache is not part of its value */
	const char *s = p->t.s + t->off;
	size_t		len = t->len;
	size_t		need;

	if (m->compact)
		return m->compact;
	if (p->compact_pool == NULL)
	{
		/* a parse begins: a full cache is emptied, and room for the others made */
		if (cc_full)
		{
			memset(cc_slots, 0, sizeof(cc_slots));
			cc_used = 0;
			cc_entries = 0;
			cc_full = false;
		}
		p->compact_left = COMPACT_BLOCK;
		p->compact_pool = gd_alloc(p, p->compact_left);
	}
	if (len > 0 && len <= CC_MAX_TEXT && cc_find(s, len, m))
		return m->compact;
	if (len > GD_COMPACT_TAIL)
	{
		s += len - GD_COMPACT_TAIL;
		len = GD_COMPACT_TAIL;
		while (len > 0 && ((unsigned char) *s & 0xC0) == 0x80)
			s++, len--;
	}
	/*
	 * gd_compact keeps room for one more character.  Most tokens are asked
	 * for theirs: the room is cut from larger blocks, not allocated each.
	 */
	need = sizeof(GdCharSet) + ((len + 8 + 7) & ~(size_t) 7);
	if (need > p->compact_left)
	{
		p->compact_left = need > COMPACT_BLOCK ? need : COMPACT_BLOCK;
		p->compact_pool = gd_alloc(p, p->compact_left);
	}
	m->cs = (GdCharSet *) p->compact_pool;
	p->compact_pool += need;
	p->compact_left -= need;
	m->compact = (char *) (m->cs + 1);
	m->compact_len = (uint32_t) gd_compact_charset(s, len, m->compact, len + 8, m->cs);
	return m->compact;
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

	m = fn(whole, t->cs, arg);
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
		m = fn(whole + n - tail, t->cs, arg);
		if (m >= 0)
			return m;
		while (i > 1 && s[i - 2] == ' ')
			i--;
	}
	return -1;
}

/*
 * A table row has a few dozen cells at most: the searches below look no
 * further, so that text of one endless row costs no more than a pass.
 */
#define ROW_REACH 64

/* Index of the token after the row end that follows token i (ts->n if none) */
static size_t
next_row(const GdTokens *ts, size_t i)
{
	size_t		stop = ts->n - i > ROW_REACH ? i + ROW_REACH : ts->n;

	while (i < stop && ts->v[i].kind != GD_TK_ROWEND)
		i++;
	return i < stop ? i + 1 : ts->n;
}

/*
 * The text cell under the Markdown cell i: in the same place of the next
 * row, when that row holds no figure (a label or header cut over two
 * rows).  (size_t) -1 for none.
 */
size_t
gd_cell_below(const GdTokens *ts, size_t i)
{
	const GdToken *t = &ts->v[i];
	size_t		j;
	size_t		below = (size_t) -1;

	if (t->col <= 0 || !t->cell)
		return (size_t) -1;
	for (j = next_row(ts, i); j < ts->n && ts->v[j].kind != GD_TK_ROWEND; j++)
	{
		const GdToken *u = &ts->v[j];

		if (j - i > 2 * ROW_REACH)
			return (size_t) -1;

		if ((u->kind == GD_TK_VALUE && u->len > 0) || !u->cell)
			return (size_t) -1;
		if (u->kind == GD_TK_TEXT && u->col == t->col && below == (size_t) -1)
			below = j;
	}
	return below;
}

/*
 * The set of a text joined from two, given the sets of both: their union,
 * and the hash of the second's first byte after the first's last one (a
 * continuation byte after another; a text cut inside a character).  Each
 * byte's hash reads it and the byte before it only (byte_hash), so this
 * holds gd_charset of the joined text, without a pass over it.
 */
void
gd_charset_join(GdCharSet *cs, const GdCharSet *b, const char *joined, size_t at)
{
	for (int w = 0; w < 4; w++)
		cs->w[w] |= b->w[w];
	/* only a continuation byte hashes otherwise after the byte before it */
	if (at > 0 && ((unsigned char) joined[at] & 0xC0) == 0x80)
	{
		int			h = byte_hash((const unsigned char *) joined + at, true);

		if (h >= 0)
			CHARSET_ADD(cs, h);
	}
}

/*
 * Does fn name a label in the compact forms of a and b, joined?  *cs is the
 * set of buf[0..*used), and becomes that of the joined text.
 */
static int
match_joined(GdParser *p, const GdToken *a, const GdToken *b, GdMatchFn fn, void *arg,
			 char *buf, size_t *used, GdCharSet *cs)
{
	const char *cb = gd_token_compact(p, b);
	size_t		nb = b->compact_len;

	if (*used + nb + 1 > GD_JOIN_MAX)
		return -1;
	memcpy(buf + *used, cb, nb + 1);
	gd_charset_join(cs, b->cs, buf, *used);
	*used += nb;
	return fn(buf, cs, arg);
}

/*
 * PDF converted to Markdown cuts a label over cells: 行政 | 许可 in one row,
 * or 行政规范 above 性文件 in the next row, whose other cells are blank.  The
 * row token i names, alone, joined with the text cells right after it in its
 * row (*last is then the last of them), or joined with the text cell under
 * it (*last is i).  -1 for none.
 */
int
gd_match_cells(GdParser *p, const GdTokens *ts, size_t i, GdMatchFn fn, void *arg,
			   size_t *last)
{
	const GdToken *t = &ts->v[i];
	char		buf[GD_JOIN_MAX];
	size_t		used = 0;
	GdCharSet	cs;
	int			m;

	*last = i;
	m = gd_match_token(p, t, fn, arg);
	if (m >= 0 || !t->cell || t->compact_len == 0 ||
		t->compact_len + 1 > GD_JOIN_MAX)
		return m;
	for (size_t j = i + 1; j < ts->n && j <= i + 3; j++)
	{
		const GdToken *u = &ts->v[j];

		if (u->kind != GD_TK_TEXT || !u->cell)
			break;
		/* the text the cells after it join, started when there is one */
		if (j == i + 1)
		{
			memcpy(buf, t->compact, t->compact_len + 1);
			used = t->compact_len;
			cs = *t->cs;
		}
		m = match_joined(p, t, u, fn, arg, buf, &used, &cs);
		if (m >= 0)
		{
			*last = j;
			return m;
		}
	}

	/* the text cell under it, in a row that holds no figure */
	{
		size_t		b = gd_cell_below(ts, i);
		const GdToken *below;
		const char *cb;

		if (b == (size_t) -1)
			return -1;
		below = &ts->v[b];
		cb = gd_token_compact(p, below);
		/*
		 * A numbered text opens a row of its own; so does a label, unless
		 * it continues a numbered one (2.申请人逾期未按收 / 费通知要求缴纳费用…)
		 */
		if (gd_strip_numbering(cb) != cb ||
			(fn(cb, below->cs, arg) >= 0 && gd_strip_numbering(t->compact) == t->compact))
			return -1;
		memcpy(buf, t->compact, t->compact_len + 1);
		used = t->compact_len;
		cs = *t->cs;
		return match_joined(p, t, below, fn, arg, buf, &used, &cs);
	}
}
