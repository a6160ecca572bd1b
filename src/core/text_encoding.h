/*
 * text_encoding.h
 *		Report bytes to UTF-8 text: the one place where govdisc decides which
 *		encoding a file is in.  Used by the extension (govdisc_text(bytea))
 *		and by the loader (govdisc-load), so that both read a file the same
 *		way.  Plain C99 on ICU's converters; no PostgreSQL header.
 */
#ifndef GOVDISC_TEXT_ENCODING_H
#define GOVDISC_TEXT_ENCODING_H

#include <stddef.h>

#include "govdisc.h"

typedef enum GdTextStatus
{
	GD_TEXT_OK = 0,
	GD_TEXT_BINARY,				/* decodes, but holds a NUL: not text */
	GD_TEXT_UNDECODABLE,		/* no encoding tried reads every byte */
	GD_TEXT_UNKNOWN_CHARSET		/* gd_text_decode_as: ICU does not know it */
} GdTextStatus;

/* No position (an offset field that does not apply). */
#define GD_TEXT_NO_OFFSET ((size_t) -1)

typedef struct GdTextResult
{
	GdTextStatus status;
	/* "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" or the charset given */
	const char *encoding;
	char	   *text;			/* UTF-8, NUL-terminated, from the allocator */
	size_t		len;
	/* why not: the first byte each encoding tried could not read */
	size_t		utf8_error_at;
	size_t		gb18030_error_at;
	size_t		charset_error_at;	/* gd_text_decode_as, or UTF-16 */
	size_t		nul_at;			/* GD_TEXT_BINARY: where the NUL is */
	char		charset[48];	/* the charset given to gd_text_decode_as */
} GdTextResult;

/*
 * Decodes a file's bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE);
 * without one the bytes are UTF-8 when they are valid UTF-8, else GB18030
 * when they are valid GB18030 (which covers GBK and GB2312).  Both are
 * strict: no byte is ever replaced or skipped.
 */
extern void gd_text_decode(const char *bytes, size_t len,
						   const GdAllocator *a, GdTextResult *r);

/*
 * Decodes bytes in a declared charset (an HTML <meta>), strictly.  A BOM
 * still wins, as in browsers; GB2312 and GBK are read as GB18030, their
 * superset.  Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the
 * declaration says (a saved page keeps its old <meta>; GBK bytes are never
 * valid UTF-8 in practice, while UTF-8 bytes often read as GBK mojibake).
 */
extern void gd_text_decode_as(const char *bytes, size_t len, const char *charset,
							  const GdAllocator *a, GdTextResult *r);

/* One line saying why the bytes are not text ("" for GD_TEXT_OK). */
extern void gd_text_reason(const GdTextResult *r, char *buf, size_t size);

/* Is s[0..len) valid UTF-8?  *error_at: the first invalid byte, if not. */
extern int	gd_utf8_valid(const char *s, size_t len, size_t *error_at);

#endif							/* GOVDISC_TEXT_ENCODING_H */
