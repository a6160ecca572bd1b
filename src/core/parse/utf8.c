/*
 * utf8.c
 *		UTF-8 decoding that never fails (invalid bytes give U+FFFD) and cutting
 *		text on a whole character.  The inline fast paths are in utf8.h.
 */
#include "utf8.h"

/* gd_utf8_next for what it does not decode inline (utf8.h) */
uint32_t
gd_utf8_decode(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		k = *i;
	uint32_t	c = u[k];
	int			n;
	uint32_t	min;

	if (c < 0x80)
	{
		*i = k + 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0)
		n = 1, c &= 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		n = 2, c &= 0x0F, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		n = 3, c &= 0x07, min = 0x10000;
	else
	{
		*i = k + 1;
		return 0xFFFD;
	}
	if (k + n >= len)
	{
		*i = k + 1;
		return 0xFFFD;
	}
	for (int j = 1; j <= n; j++)
	{
		if ((u[k + j] & 0xC0) != 0x80)
		{
			*i = k + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (u[k + j] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
	{
		*i = k + 1;
		return 0xFFFD;
	}
	*i = k + n + 1;
	return c;
}

size_t
gd_clip(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char) s[max] & 0xC0) == 0x80)
		max--;
	return max;
}
