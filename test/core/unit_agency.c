/* unit_agency.c: reporting bodies resolved to administrative divisions */
#include "unit.h"

static GdAgency
resolve(const char *name)
{
	GdAgency	a;

	gd_agency_resolve(name, strlen(name), &a);
	return a;
}

static const char *
body(const char *name)
{
	GdAgency	a = resolve(name);

	return name + a.body_offset;
}

int
main(void)
{
	GdAgency	a;
	GdDivisionInfo info;

	/* a municipality's own office: the province level, no prefecture */
	a = resolve("上海市人民政府办公厅");
	CHECK_STR(a.code, "310000");
	CHECK_STR(a.province, "上海市");
	CHECK_STR(a.city, NULL);
	CHECK_STR(a.county, NULL);
	CHECK_STR(body("上海市人民政府办公厅"), "人民政府办公厅");

	/* a county without its parents: the chain above it is filled in */
	a = resolve("紫阳县应急管理局");
	CHECK_STR(a.code, "610924");
	CHECK_STR(a.province, "陕西省");
	CHECK_STR(a.city, "安康市");
	CHECK_STR(a.county, "紫阳县");
	CHECK_STR(a.town, NULL);
	CHECK_STR(body("紫阳县应急管理局"), "应急管理局");

	/* with or without the parent: one code */
	CHECK_STR(resolve("洪泽区人民政府").code, "320813");
	CHECK_STR(resolve("淮安市洪泽区人民政府").code, "320813");
	CHECK_STR(resolve("江苏省淮安市洪泽区人民政府").code, "320813");
	CHECK_STR(resolve("淮安洪泽区人民政府").code, "320813");
	CHECK_STR(body("淮安市洪泽区人民政府"), "人民政府");

	/* a town, with its county and alone (焕古镇 is one town in China) */
	a = resolve("紫阳县焕古镇人民政府");
	CHECK_STR(a.code, "610924103");
	CHECK_STR(a.town, "焕古镇");
	CHECK_STR(a.county, "紫阳县");
	CHECK_STR(body("紫阳县焕古镇人民政府"), "人民政府");
	CHECK_STR(resolve("焕古镇人民政府").code, "610924103");
	/* 城关镇 is in many counties: the county decides */
	CHECK_STR(resolve("城关镇人民政府").code, NULL);
	CHECK_STR(resolve("紫阳县城关镇人民政府").code, "610924100");

	/* ambiguous: 朝阳区 is in Beijing and in Changchun */
	a = resolve("朝阳区人民政府");
	CHECK_STR(a.code, NULL);
	CHECK_STR(a.province, NULL);
	CHECK_STR(a.county, NULL);		/* two counties of that name: undecided */
	CHECK_STR(body("朝阳区人民政府"), "人民政府");
	CHECK_STR(resolve("北京市朝阳区人民政府").code, "110105");
	CHECK_STR(resolve("长春市朝阳区人民政府").code, "220104");
	CHECK_STR(resolve("吉林省朝阳区人民政府").code, "220104");

	/* short forms: a province alone, a prefecture only before a county */
	CHECK_STR(resolve("广西壮族自治区交通运输厅").code, "450000");
	CHECK_STR(resolve("广西交通运输厅").code, "450000");
	CHECK_STR(resolve("恩施土家族苗族自治州财政局").code, "422800");
	CHECK_STR(resolve("淮安财政局").code, NULL);

	/* a prefecture-level city without counties (东莞市) */
	a = resolve("东莞市人民政府");
	CHECK_STR(a.code, "441900");
	CHECK_STR(a.city, "东莞市");
	CHECK_STR(a.province, "广东省");

	/* a town named as its county: the county */
	CHECK_STR(resolve("泉州市金门县财政局").code, "350527");

	/* no division at the start: nothing, the whole name is the body */
	a = resolve("国家税务总局");
	CHECK_STR(a.code, NULL);
	CHECK_STR(a.province, NULL);
	CHECK_INT(a.body_offset, 0);
	a = resolve("");
	CHECK_STR(a.code, NULL);
	/* a cut character does not read past the end */
	a = resolve("\xe4\xb8");
	CHECK_STR(a.code, NULL);

	/* the table */
	CHECK(gd_division_count() > 40000);
	gd_division_info(0, &info);
	CHECK_STR(info.code, "110000");
	CHECK_STR(info.parent_code, NULL);
	CHECK_INT(info.level, GD_DIV_PROVINCE);
	for (int i = 1; i < gd_division_count(); i++)
	{
		GdDivisionInfo prev;

		gd_division_info(i - 1, &prev);
		gd_division_info(i, &info);
		if (strcmp(prev.code, info.code) >= 0)
		{
			CHECK(!"codes in order");
			break;
		}
	}
	return unit_done();
}
