/*
 * check_fuzzer.c
 *		libFuzzer harness for the rule engine: two reports made from the fuzz
 *		bytes (fuzz_report_bytes.h) go through gd_check each and through
 *		gd_check_pair; UBSan catches sums that overflow, the invariants
 *		malformed findings.  Also linked: gd_render of both reports.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govdisc.h"
#include "fuzz_arena.h"
#include "fuzz_invariants.h"
#include "fuzz_report_bytes.h"

static void
fuzz_die(const char *what, const char *why)
{
	fprintf(stderr, "check_fuzzer: %s: %s\n", what, why);
	abort();
}

static void
fuzz_findings(const char *what, const GdFindings *f)
{
	const char *why = fuzz_findings_violation(f);

	if (why)
		fuzz_die(what, why);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FuzzBytes	b = {data, size, 0};
	FuzzArena	arena;
	GdAllocator a;
	GdReport	prev,
				cur;
	GdFindings	f;

	fuzz_arena_init(&arena, &a, size, 0xA5);
	fuzz_report_from_bytes(&b, &prev);
	fuzz_report_from_bytes(&b, &cur);

	if (gd_check)
	{
		memset(&f, 0, sizeof(f));
		gd_check(&prev, &f, &a);
		fuzz_findings("gd_check(prev)", &f);
		memset(&f, 0, sizeof(f));
		gd_check(&cur, &f, &a);
		fuzz_findings("gd_check(cur)", &f);
	}
	if (gd_check_pair)
	{
		memset(&f, 0, sizeof(f));
		gd_check_pair(&prev, &cur, &f, &a);
		fuzz_findings("gd_check_pair", &f);
	}
	if (gd_render)
	{
		for (int fmt = GD_RENDER_TEXT; fmt <= GD_RENDER_HTML; fmt++)
		{
			size_t		rlen = 0;
			char	   *out = gd_render(&cur, (GdRenderFormat) fmt, &a, &rlen);

			if (out == NULL || strlen(out) != rlen || fuzz_utf8_chars(out, rlen) < 0)
				fuzz_die("gd_render", "output is NULL, not of its stated length or not valid UTF-8");
		}
	}
	fuzz_arena_free(&arena);
	return 0;
}
