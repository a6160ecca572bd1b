/*
 * utf8.h
 *		UTF-8 helpers of the parser (utf8.c): decoding, encoding, counting
 *		characters and cutting on a whole character.  Plain C, no state.
 */
#ifndef GOVDISC_UTF8_H
#define GOVDISC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

extern uint32_t gd_utf8_decode(const char *s, size_t len, size_t *i);

/*
 * Decodes the character at *i and advances; invalid bytes give U+FFFD.
 * ASCII and the three-byte characters of Chinese text are decoded here,
 * inline; the rest by gd_utf8_decode.
 */
static inline uint32_t
gd_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *) s + *i;

	if (u[0] < 0x80)
	{
		*i += 1;
		return u[0];
	}
	/* leads E1..EC: no overlong form and no surrogate to rule out */
	if (u[0] >= 0xE1 && u[0] <= 0xEC && *i + 2 < len &&
		(u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
	{
		*i += 3;
		return ((uint32_t) (u[0] & 0x0F) << 12) | ((uint32_t) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	}
	return gd_utf8_decode(s, len, i);
}

/* Writes c as UTF-8 into out (4 bytes of room); returns its length. */
static inline int
gd_utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80)
	{
		out[0] = (char) c;
		return 1;
	}
	if (c < 0x800)
	{
		out[0] = (char) (0xC0 | (c >> 6));
		out[1] = (char) (0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000)
	{
		out[0] = (char) (0xE0 | (c >> 12));
		out[1] = (char) (0x80 | ((c >> 6) & 0x3F));
		out[2] = (char) (0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (c >> 18));
	out[1] = (char) (0x80 | ((c >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((c >> 6) & 0x3F));
	out[3] = (char) (0x80 | (c & 0x3F));
	return 4;
}

/* The characters of s[0..n): the bytes that are no continuation (10xxxxxx). */
static inline size_t
gd_utf8_chars(const char *s, size_t n)
{
	size_t		cont = 0;
	size_t		k = 0;

	/*
	 * Eight bytes at a time, in blocks of at most 31 words: a byte of acc
	 * counts its lane, and the sum of all eight must fit in a byte.
	 */
	while (n - k >= 8)
	{
		uint64_t	acc = 0;
		size_t		stop = n - k > 8 * 31 ? k + 8 * 31 : n;

		for (; stop - k >= 8; k += 8)
		{
			uint64_t	w;

			memcpy(&w, s + k, 8);
			acc += (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
		}
		cont += (size_t) ((acc * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; k < n; k++)
		cont += ((unsigned char) s[k] & 0xC0) == 0x80;
	return n - cont;
}

/* n, or less so that s[0..result) ends on a whole character, at most max bytes */
extern size_t gd_clip(const char *s, size_t n, size_t max);

#endif							/* GOVDISC_UTF8_H */
