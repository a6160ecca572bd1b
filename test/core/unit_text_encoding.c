/* unit_text_encoding.c: bytes to UTF-8 (src/core/text_encoding.c) */
#include <stdint.h>

#include "unit.h"
#include "text_encoding.h"

static GdTextResult r;
static char reason[256];

static void
decode(const char *bytes, size_t len)
{
	gd_text_decode(bytes, len, &unit_allocator, &r);
	gd_text_reason(&r, reason, sizeof(reason));
}

static void
decode_as(const char *bytes, size_t len, const char *charset)
{
	gd_text_decode_as(bytes, len, charset, &unit_allocator, &r);
	gd_text_reason(&r, reason, sizeof(reason));
}

#define ZHONG_UTF8 "\xE4\xB8\xAD"	/* 中 */
#define ZHONG_GBK "\xD6\xD0"

/*
 * Random bytes, biased towards what breaks decoders (BOMs, lead bytes, cut
 * sequences): every result must be either text that is valid UTF-8 without
 * a NUL, or a failure with a reason; valid UTF-8 must come back unchanged.
 * Run under ASan too, so no read past the input goes unseen.
 */
static void
random_inputs(int rounds)
{
	static const unsigned char pool[] = {0x00, 0x0A, 0x41, 0x7F, 0x80, 0x81, 0x30, 0xA1, 0xBF,
	0xC2, 0xD6, 0xD0, 0xE4, 0xB8, 0xAD, 0xED, 0xF0, 0xF4, 0x90, 0xFE, 0xFF, 0xEF, 0xBB, 0x39};
	uint64_t	x = 88172645463325252ULL;
	int			bad = 0;

	for (int round = 0; round < rounds; round++)
	{
		unsigned char buf[64];
		size_t		len,
					at;
		char	   *copy;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		len = x % sizeof(buf);
		for (size_t i = 0; i < len; i++)
		{
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			buf[i] = (x >> 8) % 3 ? pool[(x >> 16) % sizeof(pool)] : (unsigned char) (x >> 24);
		}
		/* an exact-size copy, so that ASan sees a read past the end */
		copy = malloc(len ? len : 1);
		memcpy(copy, buf, len);
		decode(copy, len);
		if (r.status == GD_TEXT_OK)
		{
			if (!gd_utf8_valid(r.text, r.len, &at) || memchr(r.text, 0, r.len) || r.text[r.len] != 0)
				bad++;
			if (gd_utf8_valid(copy, len, &at) && !memchr(copy, 0, len) &&
				!(len >= 2 && (memcmp(copy, "\xFF\xFE", 2) == 0 || memcmp(copy, "\xFE\xFF", 2) == 0)) &&
				!(len >= 3 && memcmp(copy, "\xEF\xBB\xBF", 3) == 0) &&
				(r.len != len || memcmp(r.text, copy, len) != 0))
				bad++;
		}
		else if (reason[0] == '\0')
			bad++;
		decode_as(copy, len, round % 2 ? "gbk" : "utf-8");
		if (r.status == GD_TEXT_OK && (!gd_utf8_valid(r.text, r.len, &at) || memchr(r.text, 0, r.len)))
			bad++;
		free(copy);
		if (round % 1000 == 999)
			unit_arena_reset();
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	size_t		at = 0;

	/* UTF-8: valid, overlong, surrogate, cut off */
	CHECK(gd_utf8_valid("a" ZHONG_UTF8 "b", 5, &at));
	CHECK(!gd_utf8_valid("ab\xC0\xAF", 4, &at));
	CHECK_INT(at, 2);
	CHECK(!gd_utf8_valid("\xED\xA0\x80", 3, &at));
	CHECK_INT(at, 0);
	CHECK(!gd_utf8_valid("x\xE4\xB8", 3, &at));
	CHECK_INT(at, 1);
	CHECK(gd_utf8_valid("\xF0\x9F\x98\x80", 4, &at));
	CHECK(!gd_utf8_valid("\xF4\x90\x80\x80", 4, &at));

	decode("", 0);
	CHECK_INT(r.status, GD_TEXT_OK);
	CHECK_STR(r.encoding, "UTF-8");
	CHECK_INT(r.len, 0);

	decode("\xEF\xBB\xBF" ZHONG_UTF8, 6);
	CHECK_INT(r.status, GD_TEXT_OK);
	CHECK_STR(r.text, ZHONG_UTF8);

	/* GBK 中文 */
	decode(ZHONG_GBK "\xCE\xC4" "\n", 5);
	CHECK_INT(r.status, GD_TEXT_OK);
	CHECK_STR(r.encoding, "GB18030");
	CHECK_STR(r.text, ZHONG_UTF8 "\xE6\x96\x87\n");

	/* UTF-16 with BOM, both orders; an odd byte is cut off */
	decode("\xFF\xFE\x2D\x4E\x41\x00", 6);
	CHECK_INT(r.status, GD_TEXT_OK);
	CHECK_STR(r.encoding, "UTF-16LE");
	CHECK_STR(r.text, ZHONG_UTF8 "A");
	decode("\xFE\xFF\x4E\x2D", 4);
	CHECK_STR(r.encoding, "UTF-16BE");
	CHECK_STR(r.text, ZHONG_UTF8);
	decode("\xFF\xFE\x2D\x4E\x41", 5);
	CHECK_INT(r.status, GD_TEXT_UNDECODABLE);
	CHECK_STR(reason, "not valid UTF-16LE (as its byte order mark says): invalid at byte offset 4");
	/* an unpaired surrogate */
	decode("\xFF\xFE\x00\xD8\x41\x00", 6);
	CHECK_INT(r.status, GD_TEXT_UNDECODABLE);
	/* a NUL in UTF-16 text */
	decode("\xFF\xFE\x41\x00\x00\x00", 6);
	CHECK_INT(r.status, GD_TEXT_BINARY);

	/* binary: a NUL; UTF-16 without a BOM is binary */
	decode("ab\0cd", 5);
	CHECK_INT(r.status, GD_TEXT_BINARY);
	CHECK_INT(r.nul_at, 2);
	CHECK_STR(reason, "binary data: a NUL byte at byte offset 2 (UTF-16 is read only with a byte order mark)");

	/* neither UTF-8 nor GB18030: 0xFF never starts a GB18030 character */
	decode("ok " ZHONG_GBK "\xFF\xFF", 7);
	CHECK_INT(r.status, GD_TEXT_UNDECODABLE);
	CHECK_INT(r.utf8_error_at, 3);
	CHECK_INT(r.gb18030_error_at, 5);
	CHECK_STR(reason, "not text in UTF-8 (invalid at byte offset 3) nor in GB18030 (invalid at byte offset 5), and no UTF-16 byte order mark");
	/* a GB18030 character cut off by the end */
	decode("ab\x81", 3);
	CHECK_INT(r.status, GD_TEXT_UNDECODABLE);
	CHECK_INT(r.gb18030_error_at, 2);

	/* declared charsets */
	decode_as(ZHONG_GBK, 2, "GBK");
	CHECK_INT(r.status, GD_TEXT_OK);
	CHECK_STR(r.encoding, "GB18030");
	CHECK_STR(r.text, ZHONG_UTF8);
	decode_as(ZHONG_GBK, 2, "gb2312");
	CHECK_STR(r.text, ZHONG_UTF8);
	/* UTF-8 bytes under an old GBK declaration stay UTF-8 */
	decode_as(ZHONG_UTF8, 3, "gb2312");
	CHECK_STR(r.encoding, "UTF-8");
	CHECK_STR(r.text, ZHONG_UTF8);
	/* declared UTF-8 but GBK bytes: an error, never a guess */
	decode_as(ZHONG_GBK, 2, "utf-8");
	CHECK_INT(r.status, GD_TEXT_UNDECODABLE);
	CHECK_STR(reason, "not text in the declared charset utf-8: invalid UTF-8 at byte offset 0");
	decode_as("\xE9", 1, "iso-8859-1");
	CHECK_INT(r.status, GD_TEXT_OK);
	CHECK_STR(r.text, "\xC3\xA9");
	decode_as("\xE9", 1, "x-no-such-charset");
	CHECK_INT(r.status, GD_TEXT_UNKNOWN_CHARSET);
	CHECK_STR(reason, "unknown charset \"x-no-such-charset\"");
	decode_as(ZHONG_GBK "\xFF", 3, "gbk");
	CHECK_INT(r.status, GD_TEXT_UNDECODABLE);
	CHECK_STR(reason, "not text in the declared charset gbk (invalid at byte offset 2) nor in UTF-8 (invalid at byte offset 0)");
	random_inputs(20000);
	return unit_done();
}
