/*
 * fuzz_invariants.h
 *		What must hold of any parse and any check, whatever the input: the
 *		fuzz harnesses abort on a violation, the regression replay counts it.
 *		Each function returns NULL when all holds, else what does not.
 *
 *		The strings a parse returns go into jsonb and text unchecked, so for
 *		valid UTF-8 input they must be valid UTF-8 themselves; positions must
 *		fall inside the input; enums must have one of their values.
 */
#ifndef GOVDISC_FUZZ_INVARIANTS_H
#define GOVDISC_FUZZ_INVARIANTS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "govdisc.h"

/* Optional parts of the core: absent until their files land. */
#pragma weak gd_check
#pragma weak gd_check_pair
#pragma weak gd_findings_have_error
#pragma weak gd_render

static char fuzz_why[256];

/* Number of characters if s[0..len) is valid UTF-8 (as PostgreSQL checks it), else -1. */
static long long
fuzz_utf8_chars(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	long long	n = 0;

	while (i < len)
	{
		unsigned char c = p[i];
		size_t		k;
		unsigned	cp;

		if (c == 0)
			return -1;			/* text cannot hold NUL */
		if (c < 0x80)
		{
			i++;
			n++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07;
		else
			return -1;
		if (i + k >= len)
			return -1;		/* truncated sequence */
		for (size_t j = 1; j <= k; j++)
		{
			if ((p[i + j] & 0xC0) != 0x80)
				return -1;
			cp = (cp << 6) | (p[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
			(cp >= 0xD800 && cp <= 0xDFFF))
			return -1;
		i += k + 1;
		n++;
	}
	return n;
}

static bool
fuzz_string_ok(const char *s, bool utf8)
{
	size_t		n;

	if (s == NULL)
		return true;
	n = strlen(s);				/* under ASan: it is terminated */
	return !utf8 || fuzz_utf8_chars(s, n) >= 0;
}

/* the document's top-level keys a diagnostic or finding may point into */
static bool
fuzz_table_name_ok(const char *t)
{
	return t == NULL || strcmp(t, "active") == 0 || strcmp(t, "requests") == 0 ||
		strcmp(t, "review") == 0 || strcmp(t, "processing_fees") == 0;
}

#define FUZZ_FAIL(...) \
	do { snprintf(fuzz_why, sizeof(fuzz_why), __VA_ARGS__); return fuzz_why; } while (0)

/*
 * A parse of text[0..len).  'nchars' is the input's length in characters
 * when it is valid UTF-8, else -1 (then only bytes bound the positions and
 * strings need only be terminated).
 */
static const char *
fuzz_report_violation(const GdReport *r, size_t len, long long nchars)
{
	bool		utf8 = nchars >= 0;
	long long	limit = utf8 ? nchars : (long long) len;

	if (r == NULL)
		FUZZ_FAIL("gd_parse returned NULL");
	if (r->template_ != GD_TPL_NONE && r->template_ != GD_TPL_2019 &&
		r->template_ != GD_TPL_2021 && r->template_ != GD_TPL_MIXED)
		FUZZ_FAIL("template_ is %d", (int) r->template_);
	if (!fuzz_string_ok(r->agency, utf8))
		FUZZ_FAIL("agency is not valid UTF-8");
	if (memchr(r->published, '\0', sizeof(r->published)) == NULL)
		FUZZ_FAIL("published is not terminated");
	if (r->published[0] != '\0')
	{
		const char *p = r->published;

		if (strlen(p) != 10 || p[4] != '-' || p[7] != '-')
			FUZZ_FAIL("published \"%.10s\" is not YYYY-MM-DD", p);
		for (int i = 0; i < 10; i++)
			if (i != 4 && i != 7 && (p[i] < '0' || p[i] > '9'))
				FUZZ_FAIL("published \"%.10s\" is not YYYY-MM-DD", p);
	}
	if (r->nsections < 0 || r->nsections > 6)
		FUZZ_FAIL("nsections is %d", r->nsections);
	for (int i = 0; i < r->nsections; i++)
	{
		const GdSection *s = &r->sections[i];

		if (s->no < 1 || s->no > 6)
			FUZZ_FAIL("section %d has no %d", i, s->no);
		if (!fuzz_string_ok(s->title, utf8))
			FUZZ_FAIL("section %d title is not valid UTF-8", i);
		if (s->start < 1 || s->length < 0 || s->start - 1 + s->length > limit)
			FUZZ_FAIL("section %d at %lld+%lld is outside the input of %lld characters",
					  i, (long long) s->start, (long long) s->length, limit);
	}
	if (r->active_format != 0 && r->active_format != 2019 && r->active_format != 2021)
		FUZZ_FAIL("active_format is %d", r->active_format);
	if (r->requests_format != 0 && r->requests_format != 2019 && r->requests_format != 2021)
		FUZZ_FAIL("requests_format is %d", r->requests_format);
	if (!fuzz_string_ok(r->procurement_amount_text, utf8))
		FUZZ_FAIL("procurement_amount_text is not valid UTF-8");
	if (r->ndiagnostics < 0 || (r->ndiagnostics > 0 && r->diagnostics == NULL) ||
		(r->diagnostics != NULL && r->ndiagnostics > r->maxdiagnostics))
		FUZZ_FAIL("ndiagnostics %d, maxdiagnostics %d", r->ndiagnostics, r->maxdiagnostics);
	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];

		if (d->code == NULL || d->message == NULL)
			FUZZ_FAIL("diagnostic %d has no code or message", i);
		if (!fuzz_string_ok(d->code, true) || !fuzz_string_ok(d->message, utf8) ||
			!fuzz_string_ok(d->row, utf8) || !fuzz_string_ok(d->column, utf8))
			FUZZ_FAIL("diagnostic %d (%s) has a string that is not valid UTF-8", i, d->code);
		if (!fuzz_table_name_ok(d->table))
			FUZZ_FAIL("diagnostic %d (%s) names table \"%s\"", i, d->code, d->table);
		if (d->start != -1 && (d->start < 1 || d->start > limit + 1))
			FUZZ_FAIL("diagnostic %d (%s) starts at %lld, outside the input of %lld characters",
					  i, d->code, (long long) d->start, limit);
	}
	return NULL;
}

/* Two parses of one input (allocated with different fill bytes) must agree. */
static const char *
fuzz_reports_differ(const GdReport *a, const GdReport *b)
{
#define SAME_STR(x, y) ((x) == NULL ? (y) == NULL : ((y) != NULL && strcmp((x), (y)) == 0))
	if (a->template_ != b->template_ || a->year != b->year ||
		strcmp(a->published, b->published) != 0 || !SAME_STR(a->agency, b->agency))
		FUZZ_FAIL("template, year, published or agency differ between two parses");
	if (a->nsections != b->nsections)
		FUZZ_FAIL("nsections differ between two parses");
	for (int i = 0; i < a->nsections; i++)
		if (a->sections[i].no != b->sections[i].no ||
			a->sections[i].start != b->sections[i].start ||
			a->sections[i].length != b->sections[i].length ||
			!SAME_STR(a->sections[i].title, b->sections[i].title))
			FUZZ_FAIL("section %d differs between two parses", i);
	if (a->active_format != b->active_format ||
		memcmp(a->active, b->active, sizeof(a->active)) != 0 ||
		!SAME_STR(a->procurement_amount_text, b->procurement_amount_text))
		FUZZ_FAIL("active differs between two parses");
	if (a->requests_format != b->requests_format ||
		memcmp(a->requests, b->requests, sizeof(a->requests)) != 0)
		FUZZ_FAIL("requests differ between two parses");
	if (a->review_present != b->review_present ||
		memcmp(a->review, b->review, sizeof(a->review)) != 0)
		FUZZ_FAIL("review differs between two parses");
	if (a->fees_present != b->fees_present || a->fee_cases != b->fee_cases ||
		a->fee_amount != b->fee_amount)
		FUZZ_FAIL("processing fees differ between two parses");
	if (memcmp(&a->prose, &b->prose, sizeof(a->prose)) != 0)
		FUZZ_FAIL("prose figures differ between two parses");
	if (a->ndiagnostics != b->ndiagnostics)
		FUZZ_FAIL("ndiagnostics differ between two parses (%d, %d)",
				  a->ndiagnostics, b->ndiagnostics);
	for (int i = 0; i < a->ndiagnostics; i++)
		if (!SAME_STR(a->diagnostics[i].code, b->diagnostics[i].code) ||
			!SAME_STR(a->diagnostics[i].message, b->diagnostics[i].message) ||
			a->diagnostics[i].start != b->diagnostics[i].start)
			FUZZ_FAIL("diagnostic %d differs between two parses", i);
#undef SAME_STR
	return NULL;
}

static const char *
fuzz_findings_violation(const GdFindings *f)
{
	bool		any_error = false;

	if (f->n < 0 || (f->n > 0 && f->items == NULL) || (f->items != NULL && f->n > f->max))
		FUZZ_FAIL("findings n %d, max %d", f->n, f->max);
	for (int i = 0; i < f->n; i++)
	{
		const GdFinding *x = &f->items[i];

		if (x->rule == NULL || x->message == NULL)
			FUZZ_FAIL("finding %d has no rule or message", i);
		if (!fuzz_string_ok(x->rule, true) || !fuzz_string_ok(x->message, true) ||
			!fuzz_string_ok(x->row, true) || !fuzz_string_ok(x->column, true))
			FUZZ_FAIL("finding %d (%s) has a string that is not valid UTF-8", i, x->rule);
		if (x->severity != GD_SEV_ERROR && x->severity != GD_SEV_WARNING)
			FUZZ_FAIL("finding %d (%s) has severity %d", i, x->rule, (int) x->severity);
		if (!fuzz_table_name_ok(x->table))
			FUZZ_FAIL("finding %d (%s) names table \"%s\"", i, x->rule, x->table);
		if (x->severity == GD_SEV_ERROR)
			any_error = true;
	}
	if (gd_findings_have_error && gd_findings_have_error(f) != any_error)
		FUZZ_FAIL("gd_findings_have_error says %d, the findings say %d",
				  (int) gd_findings_have_error(f), (int) any_error);
	return NULL;
}

#undef FUZZ_FAIL

#endif							/* GOVDISC_FUZZ_INVARIANTS_H */
