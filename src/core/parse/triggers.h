/*
 * triggers.h
 *		The words of the prose that lead to a figure (收到…申请 N 件, 行政复议
 *		N 件 …; triggers.c).  gd_parse fills the parser's trigger tables
 *		before normalisation; gd_normalize notes where a trigger may start as
 *		it writes the text, and gd_read_prose (meta.c) reads the figures there.
 */
#ifndef GOVDISC_TRIGGERS_H
#define GOVDISC_TRIGGERS_H

#include "parser.h"

/* What the prose states, and the words that lead to each figure. */
enum
{
	P_RECEIVED, P_CARRIED_OVER, P_CARRIED_FORWARD, P_RECONSIDERATION, P_LITIGATION,
	P_ISSUED, P_REPEALED, P_IN_FORCE
};

typedef struct GdTrigger
{
	const char *word;
	size_t		len;			/* of word, in bytes */
	int			what;
	const char *must_have;		/* between the word and the figure; CJK */
	const char *const *units;
} GdTrigger;

/* a bit each in a uint32_t */
#define GD_NTRIGGERS 16
extern const GdTrigger gd_triggers[GD_NTRIGGERS];

/* fills in p->trigger_mid and p->trigger_last */
extern void gd_trigger_tables(GdParser *p);

/* May the three bytes at s start a trigger?  (a bit per trigger) */
static inline uint32_t
gd_trigger_bits(const GdParser *p, const char *s)
{
	if ((unsigned) ((unsigned char) s[0] - 0xE4) >= 6)
		return 0;
	return p->trigger_mid[s[1] & 0x3F] & p->trigger_last[s[2] & 0x3F];
}

#endif							/* GOVDISC_TRIGGERS_H */
