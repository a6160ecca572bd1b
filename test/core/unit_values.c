/* unit_values.c: amounts formatted from their scaled form */
#include "unit.h"

int
main(void)
{
	char		buf[32];

	gd_amount_format(2990250LL * GD_AMOUNT_SCALE, buf);
	CHECK_STR(buf, "2990250");
	gd_amount_format(5866501000LL, buf);
	CHECK_STR(buf, "586650.1");
	gd_amount_format(0, buf);
	CHECK_STR(buf, "0");
	gd_amount_format(-15000, buf);
	CHECK_STR(buf, "-1.5");
	return unit_done();
}
