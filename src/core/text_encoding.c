/*
 * text_encoding.c
 *		Report bytes to UTF-8 text (text_encoding.h): the encoding decision
 *		shared by govdisc_text(bytea) and the loader.
 *
 *		The decision is made by validity, never by statistics: a byte order
 *		mark decides first; without one, bytes that are valid UTF-8 are
 *		UTF-8 (GBK text is practically never valid UTF-8), and otherwise the
 *		bytes must be valid GB18030, the superset of GBK and GB2312 that
 *		mainland reports use.  ICU's charset detector (ucsdet) is not used:
 *		it guesses from letter frequencies and can name Big5 or EUC-JP for a
 *		short GBK page, and a wrong guess gives mojibake that parses into
 *		silently wrong labels.  Conversions are strict: ICU stops at the first
 *		byte it cannot read, and that offset is reported.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "text_encoding.h"

int
gd_utf8_valid(const char *s, size_t len, size_t *error_at)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0;

	while (i < len)
	{
		unsigned	c = u[i];
		size_t		n;
		unsigned	lo = 0x80,
					hi = 0xBF;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1;
		else if (c >= 0xE0 && c <= 0xEF)
		{
			n = 2;
			/* no overlong forms, no surrogates */
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		}
		else if (c >= 0xF0 && c <= 0xF4)
		{
			n = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		}
		else
			goto bad;
		if (i + n >= len)
			goto bad;
		if (u[i + 1] < lo || u[i + 1] > hi)
			goto bad;
		for (size_t k = 2; k <= n; k++)
			if (u[i + k] < 0x80 || u[i + k] > 0xBF)
				goto bad;
		i += n + 1;
	}
	return 1;
bad:
	if (error_at)
		*error_at = i;
	return 0;
}

static void *
text_alloc(const GdAllocator *a, size_t size)
{
	return a->alloc(a->ctx, size);
}

static void
text_release(const GdAllocator *a, void *p)
{
	if (a->release && p)
		a->release(a->ctx, p);
}

/* A copy of s[0..len) with a NUL at the end. */
static char *
text_copy(const char *s, size_t len, const GdAllocator *a)
{
	char	   *t = text_alloc(a, len + 1);

	memcpy(t, s, len);
	t[len] = '\0';
	return t;
}

typedef enum
{
	CONVERT_OK,
	CONVERT_INVALID,
	CONVERT_UNKNOWN
} ConvertResult;

/*
 * bytes in the ICU converter 'name' to UTF-8, stopping at the first byte
 * it cannot read (*error_at).  A sequence cut off by the end is invalid.
 */
static ConvertResult
convert_strict(const char *bytes, size_t len, const char *name,
			   const GdAllocator *a, char **out, size_t *outlen, size_t *error_at)
{
	UErrorCode	st = U_ZERO_ERROR;
	UConverter *cv = ucnv_open(name, &st);
	UChar	   *u,
			   *t;
	const char *src = bytes;
	int32_t		n8 = 0;
	char	   *utf8;

	if (U_FAILURE(st))
		return CONVERT_UNKNOWN;
	ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
	/* no converter govdisc reads yields more UTF-16 units than bytes */
	u = text_alloc(a, (len + 2) * sizeof(UChar));
	t = u;
	ucnv_toUnicode(cv, &t, u + len + 2, &src, bytes + len, NULL, 1, &st);
	if (U_FAILURE(st))
	{
		char		bad[32];
		int8_t		nbad = sizeof(bad);
		UErrorCode	st2 = U_ZERO_ERROR;

		ucnv_getInvalidChars(cv, bad, &nbad, &st2);
		if (U_FAILURE(st2))
			nbad = 0;
		*error_at = (size_t) (src - bytes) - (size_t) nbad;
		ucnv_close(cv);
		text_release(a, u);
		return CONVERT_INVALID;
	}
	ucnv_close(cv);

	/* preflight, then convert (an unpaired surrogate fails here) */
	st = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &n8, u, (int32_t) (t - u), &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
	{
		*error_at = GD_TEXT_NO_OFFSET;
		text_release(a, u);
		return CONVERT_INVALID;
	}
	utf8 = text_alloc(a, (size_t) n8 + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8(utf8, n8 + 1, NULL, u, (int32_t) (t - u), &st);
	text_release(a, u);
	if (U_FAILURE(st))
	{
		*error_at = GD_TEXT_NO_OFFSET;
		text_release(a, utf8);
		return CONVERT_INVALID;
	}
	utf8[n8] = '\0';
	*out = utf8;
	*outlen = (size_t) n8;
	return CONVERT_OK;
}

static void
result_init(GdTextResult *r)
{
	memset(r, 0, sizeof(*r));
	r->utf8_error_at = GD_TEXT_NO_OFFSET;
	r->gb18030_error_at = GD_TEXT_NO_OFFSET;
	r->charset_error_at = GD_TEXT_NO_OFFSET;
	r->nul_at = GD_TEXT_NO_OFFSET;
}

/* A NUL in decoded text: binary data, whatever it decoded from. */
static int
has_nul(GdTextResult *r)
{
	const char *z = memchr(r->text, '\0', r->len);

	if (!z)
		return 0;
	r->status = GD_TEXT_BINARY;
	r->nul_at = (size_t) (z - r->text);
	return 1;
}

/* UTF-16 after its BOM; 1 when the bytes began with one. */
static int
decode_utf16_bom(const char *bytes, size_t len, const GdAllocator *a, GdTextResult *r)
{
	const unsigned char *u = (const unsigned char *) bytes;
	size_t		at;

	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		r->encoding = "UTF-16LE";
	else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		r->encoding = "UTF-16BE";
	else
		return 0;
	if (convert_strict(bytes + 2, len - 2, r->encoding, a, &r->text, &r->len, &at) != CONVERT_OK)
	{
		r->status = GD_TEXT_UNDECODABLE;
		r->charset_error_at = at == GD_TEXT_NO_OFFSET ? at : at + 2;
		return 1;
	}
	if (!has_nul(r))
		r->status = GD_TEXT_OK;
	return 1;
}

/* UTF-8 after its BOM; 1 when the bytes began with one. */
static int
decode_utf8_bom(const char *bytes, size_t len, const GdAllocator *a, GdTextResult *r)
{
	size_t		at;

	if (len < 3 || memcmp(bytes, "\xEF\xBB\xBF", 3) != 0)
		return 0;
	r->encoding = "UTF-8";
	if (!gd_utf8_valid(bytes + 3, len - 3, &at))
	{
		r->status = GD_TEXT_UNDECODABLE;
		r->utf8_error_at = at + 3;
		return 1;
	}
	r->text = text_copy(bytes + 3, len - 3, a);
	r->len = len - 3;
	if (!has_nul(r))
		r->status = GD_TEXT_OK;
	return 1;
}

void
gd_text_decode(const char *bytes, size_t len, const GdAllocator *a, GdTextResult *r)
{
	const char *nul;

	result_init(r);
	if (decode_utf8_bom(bytes, len, a, r) || decode_utf16_bom(bytes, len, a, r))
		return;
	nul = memchr(bytes, '\0', len);
	if (nul)
	{
		r->status = GD_TEXT_BINARY;
		r->nul_at = (size_t) (nul - bytes);
		return;
	}
	if (gd_utf8_valid(bytes, len, &r->utf8_error_at))
	{
		r->encoding = "UTF-8";
		r->text = text_copy(bytes, len, a);
		r->len = len;
		r->status = GD_TEXT_OK;
		return;
	}
	if (convert_strict(bytes, len, "GB18030", a, &r->text, &r->len,
					   &r->gb18030_error_at) == CONVERT_OK)
	{
		r->encoding = "GB18030";
		r->status = GD_TEXT_OK;
		return;
	}
	r->status = GD_TEXT_UNDECODABLE;
}

/* The converter for a declared charset label (WHATWG's reading of labels). */
static const char *
charset_converter(const char *label)
{
	static const char *const gb[] = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312",
	"csgb2312", "chinese", "cp936", "windows-936", "ms936", "gb18030", "euc-cn", NULL};
	static const char *const latin[] = {"iso-8859-1", "latin1", "l1", "us-ascii", "ascii",
	"iso8859-1", "windows-1252", "cp1252", NULL};

	for (int i = 0; gb[i]; i++)
		if (strcmp(label, gb[i]) == 0)
			return "GB18030";
	for (int i = 0; latin[i]; i++)
		if (strcmp(label, latin[i]) == 0)
			return "windows-1252";
	/* a page cannot declare UTF-16 in its own bytes: no BOM means UTF-8 */
	if (strcmp(label, "utf-8") == 0 || strcmp(label, "utf8") == 0 ||
		strncmp(label, "utf-16", 6) == 0 || strcmp(label, "unicode") == 0)
		return "UTF-8";
	return label;
}

void
gd_text_decode_as(const char *bytes, size_t len, const char *charset,
				  const GdAllocator *a, GdTextResult *r)
{
	char		label[sizeof(r->charset)];
	const char *cv;
	size_t		i;
	const char *nul;

	result_init(r);
	for (i = 0; charset[i] && i < sizeof(label) - 1; i++)
		label[i] = (char) tolower((unsigned char) charset[i]);
	label[i] = '\0';
	memcpy(r->charset, label, i + 1);
	if (decode_utf8_bom(bytes, len, a, r) || decode_utf16_bom(bytes, len, a, r))
		return;
	nul = memchr(bytes, '\0', len);
	if (nul)
	{
		r->status = GD_TEXT_BINARY;
		r->nul_at = (size_t) (nul - bytes);
		return;
	}
	cv = charset_converter(label);
	if (gd_utf8_valid(bytes, len, &r->utf8_error_at))
	{
		/* ASCII is read the same in every charset a report uses */
		r->encoding = "UTF-8";
		r->text = text_copy(bytes, len, a);
		r->len = len;
		r->status = GD_TEXT_OK;
		return;
	}
	if (strcmp(cv, "UTF-8") == 0)
	{
		r->status = GD_TEXT_UNDECODABLE;
		return;
	}
	switch (convert_strict(bytes, len, cv, a, &r->text, &r->len, &r->charset_error_at))
	{
		case CONVERT_OK:
			r->encoding = strcmp(cv, "GB18030") == 0 ? "GB18030" : r->charset;
			r->status = GD_TEXT_OK;
			break;
		case CONVERT_INVALID:
			r->status = GD_TEXT_UNDECODABLE;
			break;
		case CONVERT_UNKNOWN:
			r->status = GD_TEXT_UNKNOWN_CHARSET;
			break;
	}
}

/* " at byte offset N" or "" when the offset is not known */
static void
offset_phrase(size_t at, char *buf, size_t size)
{
	if (at == GD_TEXT_NO_OFFSET)
		snprintf(buf, size, " (an unpaired surrogate)");
	else
		snprintf(buf, size, " at byte offset %zu", at);
}

void
gd_text_reason(const GdTextResult *r, char *buf, size_t size)
{
	char		p1[64],
				p2[64];

	switch (r->status)
	{
		case GD_TEXT_OK:
			snprintf(buf, size, "%s", "");
			return;
		case GD_TEXT_BINARY:
			snprintf(buf, size, "binary data: a NUL byte at byte offset %zu%s", r->nul_at,
					 r->encoding ? "" : " (UTF-16 is read only with a byte order mark)");
			return;
		case GD_TEXT_UNKNOWN_CHARSET:
			snprintf(buf, size, "unknown charset \"%s\"", r->charset);
			return;
		case GD_TEXT_UNDECODABLE:
			break;
	}
	if (r->encoding)
	{
		/* a BOM named the encoding */
		offset_phrase(strcmp(r->encoding, "UTF-8") == 0 ? r->utf8_error_at : r->charset_error_at,
					  p1, sizeof(p1));
		snprintf(buf, size, "not valid %s (as its byte order mark says): invalid%s",
				 r->encoding, p1);
	}
	else if (r->charset[0] && strcmp(charset_converter(r->charset), "UTF-8") != 0)
	{
		offset_phrase(r->charset_error_at, p1, sizeof(p1));
		offset_phrase(r->utf8_error_at, p2, sizeof(p2));
		snprintf(buf, size, "not text in the declared charset %s (invalid%s) nor in UTF-8 (invalid%s)",
				 r->charset, p1, p2);
	}
	else if (r->charset[0])
	{
		offset_phrase(r->utf8_error_at, p1, sizeof(p1));
		snprintf(buf, size, "not text in the declared charset %s: invalid UTF-8%s", r->charset, p1);
	}
	else
	{
		offset_phrase(r->utf8_error_at, p1, sizeof(p1));
		offset_phrase(r->gb18030_error_at, p2, sizeof(p2));
		snprintf(buf, size, "not text in UTF-8 (invalid%s) nor in GB18030 (invalid%s), and no UTF-16 byte order mark",
				 p1, p2);
	}
}
