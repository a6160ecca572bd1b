/*
 * values.c
 *		Reading one table cell: counts, signed changes and amounts, with the
 *		units the reports print (个, 件, 元, 万元 …).
 */
#include <string.h>

#include "values.h"

void
gd_wide_format(GdWide v, char *buf)
{
	char		tmp[GD_WIDE_BUFSIZE];
	int			n = 0;
	unsigned __int128 mag = v < 0 ? (unsigned __int128) (-(v + 1)) + 1 : (unsigned __int128) v;

	do
	{
		tmp[n++] = (char) ('0' + (int) (mag % 10));
		mag /= 10;
	} while (mag > 0);
	if (v < 0)
		*buf++ = '-';
	while (n > 0)
		*buf++ = tmp[--n];
	*buf = '\0';
}

/* Units a count or an amount cell may carry after its digits. */
static const struct
{
	const char *text;
	GdUnit		unit;
}			units[] = {
	{"万元", GD_UNIT_WAN},
	{"万", GD_UNIT_WAN},
	{"元", GD_UNIT_YUAN},
	{"个", GD_UNIT_COUNT},
	{"件", GD_UNIT_COUNT},
	{"条", GD_UNIT_COUNT},
	{"项", GD_UNIT_COUNT},
	{"笔", GD_UNIT_COUNT},
	{"次", GD_UNIT_COUNT},
	{"宗", GD_UNIT_COUNT},
	{"起", GD_UNIT_COUNT},
	{"家", GD_UNIT_COUNT},
	{"人", GD_UNIT_COUNT},
	{"份", GD_UNIT_COUNT},
	{NULL, GD_UNIT_NONE}
};

/* Cells that stand for "nothing here": null, with a diagnostic. */
static const char *const placeholders[] = {
	"/", "-", "--", "---", "—", "——", "–", "无", "\\", "*", "×", "空", "_", NULL
};

/* Is the white space at s[k] followed by a digit? */
static bool
digit_follows(const char *s, size_t k, size_t n)
{
	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n'))
		k++;
	return k < n && s[k] >= '0' && s[k] <= '9';
}

/*
 * Figures and white space only, with white space between digits: the cell
 * holds several figures, the separators between them lost.  Such a cell tells neither its value nor how many columns it
 * covers.
 */
bool
gd_several_figures(const char *s, size_t n)
{
	char		buf[64];
	size_t		len = 0;
	bool		apart = false;

	for (size_t k = 0; k < n; k++)
	{
		char		c = s[k];

		if (c == ' ' || c == '\t' || c == '\n')
		{
			if (len > 0 && buf[len - 1] >= '0' && buf[len - 1] <= '9' &&
				digit_follows(s, k, n))
				apart = true;
			continue;
		}
		if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == ','))
			return false;
		if (len + 1 >= sizeof(buf))
			return false;
		buf[len++] = c;
	}
	return apart;
}

GdCellStatus
gd_read_number(const char *s, size_t n, GdNumber *num)
{
	size_t		i = 0;
	char		buf[64];
	size_t		len;
	bool		any = false;
	bool		digit = false;	/* buf holds a digit: no placeholder does */

	memset(num, 0, sizeof(*num));

	/* the common cells first: plain digits, and words */
	if (n > 0 && n <= 18)
	{
		size_t		k = 0;

		while (k < n && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k == n)
		{
			for (k = 0; k < n; k++)
				num->int_part = num->int_part * 10 + (uint64_t) (s[k] - '0');
			num->int_digits = (int) n;
			return GD_CELL_OK;
		}
	}
	if (n >= 3 && (unsigned char) s[0] >= 0xE4 && (unsigned char) s[0] <= 0xE9 &&
		!(n == 3 && (memcmp(s, "无", 3) == 0 || memcmp(s, "空", 3) == 0)))
		return GD_CELL_TEXT;
	/*
	 * A cell that is neither a number nor a placeholder: its first character
	 * starts neither (labels such as (一)予以公开).
	 */
	for (size_t k = 0; k < n; k++)
	{
		unsigned char c = (unsigned char) s[k];

		if (c == ' ' || c == '\t' || c == '\n')
			continue;
		if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == ',' || c == '.' ||
			  c == '/' || c == '\\' || c == '*' || c == '_' ||
			  c == 0xE2 || c == 0xE6 || c == 0xE7 || c == 0xC3))	/* — – 无 空 × */
			return GD_CELL_TEXT;
		break;
	}
	len = 0;

	/*
	 * White space inside a cell (2 笔, + 3) carries no meaning, except
	 * between digits: "614 0" or "1 346" is two figures whose separator was
	 * lost (reports group thousands with commas, if at all), not one.
	 */
	for (size_t k = 0; k < n; k++)
	{
		if (s[k] == ' ' || s[k] == '\t' || s[k] == '\n')
		{
			if (len > 0 && buf[len - 1] >= '0' && buf[len - 1] <= '9' &&
				digit_follows(s, k, n))
				return GD_CELL_TEXT;
			continue;
		}
		if (len + 1 >= sizeof(buf))
		{
			/* a figure with absurdly many digits, or simply words */
			for (size_t q = 0; q < n; q++)
				if (!((s[q] >= '0' && s[q] <= '9') || s[q] == ',' || s[q] == '.' ||
					  s[q] == '+' || s[q] == '-' || s[q] == ' ' || s[q] == '\n' || s[q] == '\t'))
					return GD_CELL_TEXT;
			return GD_CELL_TOO_LONG;
		}
		digit |= s[k] >= '0' && s[k] <= '9';
		buf[len++] = s[k];
	}
	buf[len] = '\0';
	if (len == 0)
		return GD_CELL_BLANK;
	for (int k = 0; placeholders[k] && len <= 6 && !digit; k++)	/* none is longer */
		if (strcmp(buf, placeholders[k]) == 0)
			return GD_CELL_PLACEHOLDER;

	if (buf[i] == '+' || buf[i] == '-')
	{
		num->has_sign = true;
		num->negative = buf[i] == '-';
		i++;
	}
	for (; i < len; i++)
	{
		char		c = buf[i];

		if (c >= '0' && c <= '9')
		{
			any = true;
			if (num->has_point)
			{
				if (num->frac_digits < 8)
					num->frac = num->frac * 10 + (uint32_t) (c - '0');
				else if (c != '0')
					num->inexact = true;
				num->frac_digits++;
			}
			else
			{
				if (num->int_digits >= 18)
					return GD_CELL_TOO_LONG;
				num->int_part = num->int_part * 10 + (uint64_t) (c - '0');
				num->int_digits++;
			}
		}
		else if (c == ',' && !num->has_point && any &&
				 i + 1 < len && buf[i + 1] >= '0' && buf[i + 1] <= '9')
			continue;			/* thousands separator */
		else if (c == '.' && any && num->frac_digits == 0 && !num->has_point)
			num->has_point = true;
		else
			break;
	}
	if (!any)
		return GD_CELL_TEXT;
	for (int k = num->frac_digits; k < 8; k++)
		num->frac *= 10;
	if (num->frac_digits > 8)
		num->frac_digits = 8;
	if (i < len)
	{
		const char *rest = buf + i;
		int			k;

		if (len - i != 3 && len - i != 6)
			return GD_CELL_TEXT;	/* every unit is one or two characters of three bytes */
		for (k = 0; units[k].text; k++)
			if (strcmp(rest, units[k].text) == 0)
				break;
		if (!units[k].text)
			return GD_CELL_TEXT;
		num->unit = units[k].unit;
	}
	return GD_CELL_OK;
}

/* A count (or a signed count) from a number; false when it is none. */
bool
gd_number_count(const GdNumber *num, int64_t *v)
{
	if (num->frac_digits > 0 || num->unit == GD_UNIT_WAN || num->unit == GD_UNIT_YUAN)
		return false;
	if (num->int_part > (uint64_t) INT64_MAX)
		return false;
	*v = num->negative ? -(int64_t) num->int_part : (int64_t) num->int_part;
	return true;
}

static GdUnit
amount_unit(const GdNumber *num, GdUnit default_unit)
{
	return num->unit == GD_UNIT_NONE || num->unit == GD_UNIT_COUNT ? default_unit : num->unit;
}

/*
 * Amounts are kept in 1/10000 yuan (GD_AMOUNT_SCALE): 万元 with up to eight
 * decimals, 元 with up to four, are exact (31876.402519万元 is
 * 318764025.19 yuan).  More is never rounded: the amount is not read.
 */
bool
gd_number_too_precise(const GdNumber *num, GdUnit default_unit)
{
	GdUnit		unit = amount_unit(num, default_unit);

	return num->inexact || (unit == GD_UNIT_YUAN && num->frac % 10000 != 0);
}

/*
 * An amount in GD_AMOUNT_SCALE units, in decimal arithmetic; default_unit
 * applies when the cell states none (from the header).  false when no unit
 * is known, it has more decimals than the scale holds, or it does not fit.
 */
bool
gd_number_amount(const GdNumber *num, GdUnit default_unit, int64_t *v)
{
	GdUnit		unit = amount_unit(num, default_unit);
	uint64_t	scaled;

	if (unit != GD_UNIT_WAN && unit != GD_UNIT_YUAN)
		return false;
	if (gd_number_too_precise(num, default_unit))
		return false;
	if (unit == GD_UNIT_WAN)
	{
		/* 万元 × 10^4 yuan × GD_AMOUNT_SCALE: the decimals are 10^-8 万元 */
		if (num->int_part > 40000000000ULL)
			return false;
		scaled = num->int_part * 100000000ULL + num->frac;
	}
	else
	{
		if (num->int_part > 900000000000ULL)
			return false;
		scaled = num->int_part * GD_AMOUNT_SCALE + num->frac / 10000;
	}
	if (scaled > (uint64_t) INT64_MAX / 2)
		return false;
	*v = num->negative ? -(int64_t) scaled : (int64_t) scaled;
	return true;
}
