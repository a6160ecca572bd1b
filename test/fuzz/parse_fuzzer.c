/*
 * parse_fuzzer.c
 *		libFuzzer harness for gd_parse on arbitrary bytes.
 *
 *		PostgreSQL only ever hands the core valid UTF-8, but the core must not
 *		fall over on anything: the raw bytes are parsed first (no crash, no
 *		read past len, strings terminated).  Mutations mostly break UTF-8, so
 *		the bytes are then repaired (each invalid byte becomes U+FFFD) and
 *		parsed again under every invariant of fuzz_invariants.h, twice with
 *		different fill bytes, and the result goes through the rule engine and
 *		the renderer when those are linked in.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govdisc.h"
#include "fuzz_arena.h"
#include "fuzz_invariants.h"

static void
fuzz_die(const char *what, const char *why)
{
	fprintf(stderr, "parse_fuzzer: %s: %s\n", what, why);
	abort();
}

/* s[0..len) with every byte that does not start a valid sequence replaced by U+FFFD */
static char *
fuzz_repair_utf8(const char *s, size_t len, size_t *outlen)
{
	char	   *out = malloc(len * 3 + 1);
	size_t		n = 0;
	size_t		i = 0;

	if (out == NULL)
		abort();
	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		size_t		k = c < 0x80 ? 0 : (c >= 0xC2 && c <= 0xDF) ? 1 :
			(c >= 0xE0 && c <= 0xEF) ? 2 : (c >= 0xF0 && c <= 0xF4) ? 3 : 9;

		if (c != 0 && k < 9 && i + k < len && fuzz_utf8_chars(s + i, k + 1) == 1)
		{
			memcpy(out + n, s + i, k + 1);
			n += k + 1;
			i += k + 1;
		}
		else
		{
			memcpy(out + n, "\xEF\xBF\xBD", 3);
			n += 3;
			i++;
		}
	}
	/* exactly n bytes, so that ASan sees a read past the end */
	out = realloc(out, n);
	if (out == NULL)
		abort();
	*outlen = n;
	return out;
}

static void
fuzz_one_text(const char *text, size_t len, bool strict)
{
	long long	nchars = fuzz_utf8_chars(text, len);
	FuzzArena	a1,
				a2;
	GdAllocator al1,
				al2;
	GdReport   *r1,
			   *r2;
	const char *why;

	fuzz_arena_init(&a1, &al1, len, 0xA5);
	r1 = gd_parse(text, len, &al1);
	if ((why = fuzz_report_violation(r1, len, nchars)) != NULL)
		fuzz_die("gd_parse", why);

	if (strict)
	{
		fuzz_arena_init(&a2, &al2, len, 0x5A);
		r2 = gd_parse(text, len, &al2);
		if ((why = fuzz_reports_differ(r1, r2)) != NULL)
			fuzz_die("gd_parse", why);
		fuzz_arena_free(&a2);

		if (gd_check)
		{
			GdFindings	f;

			memset(&f, 0, sizeof(f));
			gd_check(r1, &f, &al1);
			if ((why = fuzz_findings_violation(&f)) != NULL)
				fuzz_die("gd_check", why);
		}
		if (gd_render)
		{
			for (int fmt = GD_RENDER_TEXT; fmt <= GD_RENDER_HTML; fmt++)
			{
				size_t		rlen = 0;
				char	   *out = gd_render(r1, (GdRenderFormat) fmt, &al1, &rlen);

				if (out == NULL || strlen(out) != rlen || fuzz_utf8_chars(out, rlen) < 0)
					fuzz_die("gd_render", "output is NULL, not of its stated length or not valid UTF-8");
			}
		}
	}
	fuzz_arena_free(&a1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;

	if (fuzz_utf8_chars(text, size) >= 0)
		fuzz_one_text(text, size, true);
	else
	{
		size_t		rlen;
		char	   *repaired;

		fuzz_one_text(text, size, false);
		repaired = fuzz_repair_utf8(text, size, &rlen);
		fuzz_one_text(repaired, rlen, true);
		free(repaired);
	}
	return 0;
}
