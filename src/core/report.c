/*
 * report.c
 *		An empty GdReport: every cell, fee and prose figure blank (GD_NULL),
 *		as both the parser and the jsonb reader start from.
 *
 * The jsonb reader starts every stored document that govdisc_is_valid judges
 * from here, so this is kept cheap: the cells (most of the report) are not
 * zeroed first and then blanked, only the fields around them are zeroed, and
 * the cells are blanked a row at a time from a row of blanks (a copy the
 * compiler turns into a few wide stores), not a cell at a time.
 */
#include <stddef.h>
#include <string.h>

#include "govdisc.h"

static const int64_t blank_row[] = {
	GD_NULL, GD_NULL, GD_NULL, GD_NULL, GD_NULL, GD_NULL, GD_NULL
};

/*
 * Checked when compiling (the array size is -1 otherwise): a row of every
 * table fits in blank_row, and the three tables lie in the order the
 * zeroing below assumes.
 */
typedef char blank_row_fits[(sizeof(blank_row) >= sizeof(((GdReport *) 0)->active[0]) &&
							 sizeof(blank_row) >= sizeof(((GdReport *) 0)->requests[0]) &&
							 sizeof(blank_row) >= sizeof(((GdReport *) 0)->review[0])) ? 1 : -1];
typedef char tables_in_order[(offsetof(GdReport, active) < offsetof(GdReport, requests) &&
							  offsetof(GdReport, requests) < offsetof(GdReport, review)) ? 1 : -1];

/* zero the bytes of *r from offset from to offset to */
#define ZERO_BETWEEN(r, from, to) memset((char *) (r) + (from), 0, (to) - (from))
#define END_OF(field) (offsetof(GdReport, field) + sizeof(((GdReport *) 0)->field))

void
gd_report_init(GdReport *r)
{
	ZERO_BETWEEN(r, 0, offsetof(GdReport, active));
	ZERO_BETWEEN(r, END_OF(active), offsetof(GdReport, requests));
	ZERO_BETWEEN(r, END_OF(requests), offsetof(GdReport, review));
	ZERO_BETWEEN(r, END_OF(review), sizeof(GdReport));
	for (int i = 0; i < GD_A_NROWS; i++)
		memcpy(r->active[i], blank_row, sizeof(r->active[i]));
	for (int i = 0; i < GD_R_NROWS; i++)
		memcpy(r->requests[i], blank_row, sizeof(r->requests[i]));
	for (int i = 0; i < GD_V_NROWS; i++)
		memcpy(r->review[i], blank_row, sizeof(r->review[i]));
	r->fee_cases = r->fee_amount = GD_NULL;
	r->prose.received = r->prose.carried_over = r->prose.carried_forward = GD_NULL;
	r->prose.reconsideration = r->prose.litigation = GD_NULL;
}
