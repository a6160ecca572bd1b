/*
 * agency.c
 *		A reporting body's name resolved to the administrative division it
 *		belongs to: 淮安市洪泽区人民政府 is 江苏省 / 淮安市 / 洪泽区 (320813)
 *		and the body 人民政府.
 *
 * A name opens with a chain of division names, each a division below the
 * one before (levels may be skipped: 陕西省紫阳县), then the body.  Every
 * chain that can be read from the start of the name is tried, and the ones
 * that read furthest win: 北京市朝阳区 can only be Beijing's 朝阳区, while
 * 朝阳区 alone is Beijing's and Changchun's, so its code is left null (the
 * levels all readings share are still given).  Whether the parent is
 * written or not, the division is the same, so names of one body across
 * years get one code.
 *
 * Short forms (河北 for 河北省, 淮安 for 淮安市, 恩施 for 恩施土家族苗族
 * 自治州) are read for provinces and prefectures; a prefecture's short form
 * only in front of a division below it, since two characters alone are too
 * often the start of something else.  The chains are at most four names
 * long and each name is looked up by binary search in the name table, so
 * a name of any length is read in bounded time.
 */
#include <string.h>

#include "govdisc.h"
#include "divisions.h"

/* no division's name is longer than this many bytes */
#define MAX_NAME_BYTES 128
/* readings that end at the same place; past this the name is ambiguous anyway */
#define MAX_ENDS 8

typedef struct Reading
{
	size_t		end;			/* bytes read by the best chains */
	int			ends[MAX_ENDS]; /* the divisions those chains end at */
	int			nends;
} Reading;

/* strcmp of a table name with the key s[0..n) */
static int
name_cmp(const char *entry, const char *s, size_t n)
{
	int			r = strncmp(entry, s, n);

	if (r != 0)
		return r;
	return entry[n] != '\0' ? 1 : 0;
}

/* the first entry of the name table not below s[0..n) */
static int
lower_bound(const char *s, size_t n)
{
	int			lo = 0,
				hi = gd_ndivision_names;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (name_cmp(gd_division_names[mid].name, s, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
descends(int d, int ancestor)
{
	for (d = gd_divisions[d].parent; d >= 0; d = gd_divisions[d].parent)
		if (d == ancestor)
			return true;
	return false;
}

static void
record(Reading *best, size_t end, int div)
{
	if (end < best->end)
		return;
	if (end > best->end)
	{
		best->end = end;
		best->nends = 0;
	}
	for (int i = 0; i < best->nends; i++)
		if (best->ends[i] == div)
			return;
	if (best->nends < MAX_ENDS)
		best->ends[best->nends++] = div;
	else
		best->ends[MAX_ENDS - 1] = -1;	/* too many: surely ambiguous */
}

/* length of the UTF-8 character at s (1 for a stray byte) */
static size_t
char_len(unsigned char c)
{
	if (c >= 0xF0)
		return 4;
	if (c >= 0xE0)
		return 3;
	if (c >= 0xC0)
		return 2;
	return 1;
}

/*
 * Every chain that continues from 'last' (-1: none yet) at byte 'pos'.
 * 'open' says the last name was a prefecture's short form, which must be
 * followed by a division below it.
 */
static void
walk(const char *s, size_t len, size_t pos, int last, bool open, Reading *best)
{
	size_t		n = 0;

	if (last >= 0 && !open)
		record(best, pos, last);
	if (last >= 0 && gd_divisions[last].level == GD_DIV_TOWN)
		return;
	while (pos + n < len && n < MAX_NAME_BYTES)
	{
		n += char_len((unsigned char) s[pos + n]);
		if (pos + n > len)
			break;
		for (int i = lower_bound(s + pos, n);
			 i < gd_ndivision_names && name_cmp(gd_division_names[i].name, s + pos, n) == 0;
			 i++)
		{
			const GdDivisionName *e = &gd_division_names[i];

			if (last >= 0 && !descends(e->div, last))
				continue;
			walk(s, len, pos + n, e->div,
				 e->is_short && gd_divisions[e->div].level == GD_DIV_PREFECTURE, best);
		}
	}
}

/* the ancestor of d at 'level' (d itself if it is at that level), or -1 */
static int
at_level(int d, int level)
{
	for (; d >= 0; d = gd_divisions[d].parent)
		if (gd_divisions[d].level == level)
			return d;
	return -1;
}

static bool
placeholder(int d)
{
	static const char *const names[] = {"市辖区", "县", "省直辖县级行政区划",
	"自治区直辖县级行政区划"};

	if (gd_divisions[d].level != GD_DIV_PREFECTURE)
		return false;
	for (int i = 0; i < (int) (sizeof(names) / sizeof(names[0])); i++)
		if (strcmp(gd_divisions[d].name, names[i]) == 0)
			return true;
	return false;
}

/* the name at 'level' all readings share, or NULL */
static const char *
shared_level(const Reading *r, int level)
{
	int			d = r->nends > 0 && r->ends[0] >= 0 ? at_level(r->ends[0], level) : -1;

	if (d < 0 || placeholder(d))
		return NULL;
	for (int i = 1; i < r->nends; i++)
		if (r->ends[i] < 0 || at_level(r->ends[i], level) != d)
			return NULL;
	return gd_divisions[d].name;
}

/*
 * A division named as the one above it (金门县, the only town of 金门县) is
 * read both ways to the same place: the larger division is meant.
 */
static void
prefer_ancestors(Reading *r)
{
	int			k = 0;

	for (int i = 0; i < r->nends; i++)
	{
		bool		below = false;

		for (int j = 0; j < r->nends && !below; j++)
			below = (j != i && r->ends[i] >= 0 && r->ends[j] >= 0 &&
					 descends(r->ends[i], r->ends[j]));
		if (!below)
			r->ends[k++] = r->ends[i];
	}
	r->nends = k;
}

void
gd_agency_resolve(const char *name, size_t len, GdAgency *out)
{
	Reading		best;

	memset(out, 0, sizeof(*out));
	memset(&best, 0, sizeof(best));
	walk(name, len, 0, -1, false, &best);
	if (best.nends == 0)
		return;
	prefer_ancestors(&best);
	out->body_offset = best.end;
	if (best.nends == 1)
		out->code = gd_divisions[best.ends[0]].code;
	out->province = shared_level(&best, GD_DIV_PROVINCE);
	out->city = shared_level(&best, GD_DIV_PREFECTURE);
	out->county = shared_level(&best, GD_DIV_COUNTY);
	out->town = shared_level(&best, GD_DIV_TOWN);
}

int
gd_division_count(void)
{
	return gd_ndivisions;
}

const char *
gd_division_source(void)
{
	return gd_divisions_source;
}

void
gd_division_info(int i, GdDivisionInfo *out)
{
	const GdDivision *d = &gd_divisions[i];
	int			p = at_level(i, GD_DIV_PROVINCE),
				c = at_level(i, GD_DIV_PREFECTURE),
				k = at_level(i, GD_DIV_COUNTY);

	out->code = d->code;
	out->name = d->name;
	out->level = (GdDivisionLevel) d->level;
	out->parent_code = d->parent >= 0 ? gd_divisions[d->parent].code : NULL;
	out->province = p >= 0 ? gd_divisions[p].name : NULL;
	out->city = c >= 0 && !placeholder(c) ? gd_divisions[c].name : NULL;
	out->county = k >= 0 ? gd_divisions[k].name : NULL;
}
