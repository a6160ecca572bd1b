/*
 * amount.c
 *		Amounts as decimal text: the core keeps an amount as an integer of
 *		GD_AMOUNT_SCALE units (1/10000 yuan); rules, rendering and the jsonb
 *		writer print it as the shortest exact decimal of yuan.
 */
#include <stdio.h>

#include "govdisc.h"

void
gd_amount_format(int64_t scaled, char *buf)
{
	uint64_t	mag;
	uint64_t	whole;
	unsigned	frac;
	int			n;

	if (scaled < 0)
		mag = (uint64_t) (-(scaled + 1)) + 1;
	else
		mag = (uint64_t) scaled;
	whole = mag / GD_AMOUNT_SCALE;
	frac = (unsigned) (mag % GD_AMOUNT_SCALE);
	n = sprintf(buf, "%s%llu", scaled < 0 ? "-" : "", (unsigned long long) whole);
	if (frac)
	{
		n += sprintf(buf + n, ".%04u", frac);
		while (buf[n - 1] == '0')
			buf[--n] = '\0';
	}
}
