/*
 * triggers.c
 *		The prose's trigger words: each leads to one figure the prose may
 *		state (meta.c reads it), with the words that must stand between and
 *		the units the figure may carry.  Their second and third bytes make
 *		two small tables that let gd_normalize note, while it writes, every
 *		place where one may start: the prose then needs no pass of its own.
 */
#include <string.h>

#include "triggers.h"

static const char *const request_units[] = {"件", "个", "条", NULL};
static const char *const case_units[] = {"件", "起", "宗", NULL};
static const char *const document_units[] = {"件", "个", "份", NULL};

/* a word and its length */
#define W(word) word, sizeof(word) - 1

const GdTrigger gd_triggers[GD_NTRIGGERS] = {
	{W("收到"), P_RECEIVED, "申请", request_units},
	{W("受理"), P_RECEIVED, "申请", request_units},
	{W("新收"), P_RECEIVED, "申请", request_units},
	{W("上年结转"), P_CARRIED_OVER, NULL, request_units},
	{W("上一年度结转"), P_CARRIED_OVER, NULL, request_units},
	{W("上年度结转"), P_CARRIED_OVER, NULL, request_units},
	{W("结转下年"), P_CARRIED_FORWARD, NULL, request_units},
	{W("结转下一年"), P_CARRIED_FORWARD, NULL, request_units},
	{W("结转至下年"), P_CARRIED_FORWARD, NULL, request_units},
	{W("转入下年"), P_CARRIED_FORWARD, NULL, request_units},
	{W("行政复议"), P_RECONSIDERATION, NULL, case_units},
	{W("行政诉讼"), P_LITIGATION, NULL, case_units},
	{W("制发"), P_ISSUED, NULL, document_units},
	{W("印发"), P_ISSUED, NULL, document_units},
	{W("废止"), P_REPEALED, NULL, document_units},
	{W("现行有效"), P_IN_FORCE, NULL, document_units},
};

void
gd_trigger_tables(GdParser *p)
{
	/* the same for every text: made once, then copied */
	static uint32_t mid[64];
	static uint32_t last[64];
	static bool ready;

	if (!ready)
	{
		for (int k = 0; k < GD_NTRIGGERS; k++)
		{
			mid[gd_triggers[k].word[1] & 0x3F] |= 1u << k;
			last[gd_triggers[k].word[2] & 0x3F] |= 1u << k;
		}
		ready = true;
	}
	memcpy(p->trigger_mid, mid, sizeof(p->trigger_mid));
	memcpy(p->trigger_last, last, sizeof(p->trigger_last));
}
