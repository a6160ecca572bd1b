/*
 * fuzz_report_bytes.h
 *		A GdReport made from fuzz bytes, for the rule engine: every field the
 *		rules read, with values drawn from the ones that break arithmetic
 *		(GD_NULL, 0, negatives, INT64_MAX, INT64_MIN + 1) as well as small
 *		counts, so that sums that overflow or a blank taken for a number show.
 *		When the bytes run out every further byte reads as 0.
 */
#ifndef GOVDISC_FUZZ_REPORT_BYTES_H
#define GOVDISC_FUZZ_REPORT_BYTES_H

#include <stdint.h>
#include <string.h>

#include "govdisc.h"

typedef struct FuzzBytes
{
	const uint8_t *p;
	size_t		len;
	size_t		pos;
} FuzzBytes;

static uint8_t
fuzz_byte(FuzzBytes *b)
{
	return b->pos < b->len ? b->p[b->pos++] : 0;
}

static int64_t
fuzz_value(FuzzBytes *b)
{
	uint8_t		sel = fuzz_byte(b);
	uint64_t	u = 0;

	switch (sel % 10)
	{
		case 0:
			return GD_NULL;
		case 1:
			return 0;
		case 2:
		case 3:
		case 4:
			return fuzz_byte(b) % 16;	/* small counts: sums that may balance */
		case 5:
			return -(int64_t) (fuzz_byte(b) % 16) - 1;
		case 6:
			return INT64_MAX;
		case 7:
			return INT64_MIN + 1;
		case 8:
			return (int64_t) fuzz_byte(b) * GD_AMOUNT_SCALE / 4;	/* amounts */
		default:
			for (int i = 0; i < 8; i++)
				u = (u << 8) | fuzz_byte(b);
			return (int64_t) u;
	}
}

static void
fuzz_report_from_bytes(FuzzBytes *b, GdReport *r)
{
	static const GdTemplate templates[4] = {GD_TPL_NONE, GD_TPL_2019, GD_TPL_2021, GD_TPL_MIXED};
	static const int formats[3] = {0, 2019, 2021};
	static const int years[8] = {0, 2018, 2019, 2020, 2021, 2024, 2147483647, -2147483647 - 1};
	uint8_t		flags;

	gd_report_init(r);
	r->template_ = templates[fuzz_byte(b) % 4];
	r->year = years[fuzz_byte(b) % 8];
	if (r->year == 2024)
		r->year = 2000 + fuzz_byte(b) % 40;
	flags = fuzz_byte(b);
	r->agency = (flags & 1) ? "测试单位" : NULL;
	if (flags & 2)
		memcpy(r->published, "2021-01-31", 11);
	r->nsections = fuzz_byte(b) % 7;
	for (int i = 0; i < r->nsections; i++)
	{
		int			no = 1 + fuzz_byte(b) % 6;

		r->sections[i].no = no;
		r->sections[i].title = gd_section_titles[no - 1];
		r->sections[i].start = 1 + fuzz_byte(b);
		r->sections[i].length = fuzz_byte(b);
	}
	r->active_format = formats[fuzz_byte(b) % 3];
	if (r->active_format)
		for (int i = 0; i < GD_A_NROWS; i++)
			for (int j = 0; j < GD_A_NCOLS; j++)
				r->active[i][j] = fuzz_value(b);
	r->procurement_amount_text = (flags & 4) ? "5万元" : NULL;
	r->requests_format = formats[fuzz_byte(b) % 3];
	if (r->requests_format)
		for (int i = 0; i < GD_R_NROWS; i++)
			for (int j = 0; j < GD_C_NCOLS; j++)
				r->requests[i][j] = fuzz_value(b);
	r->review_present = (flags & 8) != 0;
	if (r->review_present)
		for (int i = 0; i < GD_V_NROWS; i++)
			for (int j = 0; j < GD_VC_NCOLS; j++)
				r->review[i][j] = fuzz_value(b);
	r->fees_present = (flags & 16) != 0;
	if (r->fees_present)
	{
		r->fee_cases = fuzz_value(b);
		r->fee_amount = fuzz_value(b);
	}
	if (flags & 32)
	{
		r->prose.received = fuzz_value(b);
		r->prose.carried_over = fuzz_value(b);
		r->prose.carried_forward = fuzz_value(b);
		r->prose.reconsideration = fuzz_value(b);
		r->prose.litigation = fuzz_value(b);
	}
}

#endif							/* GOVDISC_FUZZ_REPORT_BYTES_H */
