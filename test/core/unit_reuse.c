/* unit_reuse.c: the prose of a report and the passages copied into another */
#include "unit.h"

static const char p1[] = "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。";
static const char p2[] = "今年辖区内新建农村公路二十余公里，完成危桥改造三座，群众出行条件明显改善。";

static double
share(const char *a, const char *b, size_t *npassages, GdPassage **ps)
{
	GdProse		pa,
				pb;
	size_t		n;

	gd_prose(a, strlen(a), &unit_allocator, &pa);
	gd_prose(b, strlen(b), &unit_allocator, &pb);
	n = gd_reuse(&pa, &pb, &unit_allocator, ps);
	if (npassages)
		*npassages = n;
	return gd_reuse_share(&pb, *ps, n);
}

int
main(void)
{
	char		ab[512],
				ba[512];
	GdPassage  *ps;
	size_t		n;
	GdProse		pr;

	snprintf(ab, sizeof(ab), "%s\n%s", p1, p2);
	snprintf(ba, sizeof(ba), "%s  %s", p2, p1);

	CHECK(share(ab, ab, &n, &ps) == 1.0);
	CHECK_INT(n, 1);
	/* the same sentences in another order: all copied, two passages */
	CHECK(share(ab, ba, &n, &ps) == 1.0);
	CHECK_INT(n, 2);
	CHECK_INT(ps[0].b_unit, 0);
	/* nothing in common */
	CHECK(share(p1, p2, &n, &ps) == 0.0);
	CHECK_INT(n, 0);
	/* too short to be a passage */
	CHECK(share("公开为常态", "公开为常态", &n, &ps) == 0.0);
	CHECK(share("", p1, &n, &ps) == 0.0);
	CHECK(share(p1, "", &n, &ps) == 0.0);

	/* units: punctuation and spaces dropped, digits alike, letters lower-cased */
	gd_prose("Ab，1 ２", strlen("Ab，1 ２"), &unit_allocator, &pr);
	CHECK_INT(pr.n, 4);
	CHECK_INT(pr.cp[0], 'a');
	CHECK_INT(pr.cp[2], '0');
	CHECK_INT(pr.cp[3], '0');
	/* positions are the input's characters, 1-based */
	CHECK_INT(gd_prose_position(&pr, 0), 1);
	CHECK_INT(gd_prose_position(&pr, 2), 4);
	CHECK_INT(gd_prose_position(&pr, 3), 6);
	return unit_done();
}
