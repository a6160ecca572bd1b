/*
 * report.c
 *		An empty GdReport: every cell, fee and prose figure blank (GD_NULL),
 *		as both the parser and the jsonb reader start from.
 */
#include <string.h>

#include "govdisc.h"

void
gd_report_init(GdReport *r)
{
	memset(r, 0, sizeof(*r));
	for (int i = 0; i < GD_A_NROWS; i++)
		for (int j = 0; j < GD_A_NCOLS; j++)
			r->active[i][j] = GD_NULL;
	for (int i = 0; i < GD_R_NROWS; i++)
		for (int j = 0; j < GD_C_NCOLS; j++)
			r->requests[i][j] = GD_NULL;
	for (int i = 0; i < GD_V_NROWS; i++)
		for (int j = 0; j < GD_VC_NCOLS; j++)
			r->review[i][j] = GD_NULL;
	r->fee_cases = r->fee_amount = GD_NULL;
	r->prose.received = r->prose.carried_over = r->prose.carried_forward = GD_NULL;
	r->prose.reconsideration = r->prose.litigation = GD_NULL;
}
