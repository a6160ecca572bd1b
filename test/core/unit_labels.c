/* unit_labels.c: the three tables as one kind of thing (labels.c) */
#include "unit.h"

int
main(void)
{
	GdReport	r;
	GdTableRow	d;

	CHECK_STR(gd_tables[GD_TABLE_ACTIVE].key, "active");
	CHECK_STR(gd_tables[GD_TABLE_REQUESTS].name, "表三");
	CHECK_INT(gd_tables[GD_TABLE_REVIEW].section, 4);
	CHECK_INT(gd_tables[GD_TABLE_REQUESTS].nrows, GD_R_NROWS);

	/* 表二: the columns follow the format; a row the format lacks is no row */
	CHECK(gd_table_row(GD_TABLE_ACTIVE, 2019, GD_A_FEES, &d));
	CHECK_STR(d.key, "fees");
	CHECK_INT(d.ncols, 2);
	CHECK_STR(d.cols[1].key, "change");
	CHECK_INT(d.cols[1].kind, GD_KIND_SIGNED);
	CHECK(d.group == NULL);
	CHECK(gd_table_row(GD_TABLE_ACTIVE, 2021, GD_A_FEES, &d));
	CHECK_INT(d.ncols, 1);
	CHECK_STR(d.cols[0].key, "amount_yuan");
	CHECK_INT(d.cols[0].kind, GD_KIND_AMOUNT);
	CHECK(gd_table_row(GD_TABLE_ACTIVE, 2019, GD_A_PROCUREMENT, &d));
	CHECK(!gd_table_row(GD_TABLE_ACTIVE, 2021, GD_A_PROCUREMENT, &d));
	CHECK(!gd_table_row(GD_TABLE_ACTIVE, 2021, GD_A_OTHER_SERVICES, &d));

	/* 表三: （六） is one row in 2019, three in 2021 */
	CHECK(gd_table_row(GD_TABLE_REQUESTS, 2019, GD_R_OTHER_HANDLING, &d));
	CHECK(!gd_table_row(GD_TABLE_REQUESTS, 2021, GD_R_OTHER_HANDLING, &d));
	CHECK(!gd_table_row(GD_TABLE_REQUESTS, 2019, GD_R_OTHER_MISC, &d));
	CHECK(gd_table_row(GD_TABLE_REQUESTS, 2021, GD_R_OTHER_MISC, &d));
	CHECK_STR(d.key, "other_misc");
	CHECK_STR(d.group, "（六）其他处理");
	CHECK_INT(d.ncols, GD_C_NCOLS);
	CHECK_STR(d.cols[GD_C_TOTAL].key, "total");

	/* 表四: one format */
	CHECK(gd_table_row(GD_TABLE_REVIEW, 1, GD_V_LITIGATION_AFTER, &d));
	CHECK_STR(d.key, "litigation_after_reconsideration");
	CHECK_STR(d.group, "行政诉讼");
	CHECK_INT(d.ncols, GD_VC_NCOLS);

	/* out of range */
	CHECK(!gd_table_row(GD_TABLE_REVIEW, 1, GD_V_NROWS, &d));
	CHECK(!gd_table_row(GD_TABLE_REQUESTS, 2019, -1, &d));
	CHECK(!gd_table_row(GD_NTABLES, 2019, 0, &d));

	/* the format a report has each table in, and its cells */
	gd_report_init(&r);
	CHECK_INT(gd_table_format(&r, GD_TABLE_ACTIVE), 0);
	CHECK_INT(gd_table_format(&r, GD_TABLE_REQUESTS), 0);
	CHECK_INT(gd_table_format(&r, GD_TABLE_REVIEW), 0);
	r.active_format = 2021;
	r.requests_format = 2019;
	r.review_present = true;
	CHECK_INT(gd_table_format(&r, GD_TABLE_ACTIVE), 2021);
	CHECK_INT(gd_table_format(&r, GD_TABLE_REQUESTS), 2019);
	CHECK_INT(gd_table_format(&r, GD_TABLE_REVIEW), 1);
	r.requests[GD_R_TOTAL][GD_C_ENTERPRISE] = 7;
	r.review[GD_V_LITIGATION_DIRECT][GD_VC_PENDING] = 3;
	r.active[GD_A_FEES][0] = 5;
	CHECK_INT(gd_table_cells(&r, GD_TABLE_REQUESTS, GD_R_TOTAL)[GD_C_ENTERPRISE], 7);
	CHECK_INT(gd_table_cells(&r, GD_TABLE_REVIEW, GD_V_LITIGATION_DIRECT)[GD_VC_PENDING], 3);
	CHECK_INT(gd_table_cells(&r, GD_TABLE_ACTIVE, GD_A_FEES)[0], 5);
	CHECK(gd_table_cells(&r, GD_TABLE_ACTIVE, GD_A_FEES)[1] == GD_NULL);
	return unit_done();
}
