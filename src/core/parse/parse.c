/*
 * parse.c
 *		gd_parse(): the stages of reading one report, in order.  Nothing here
 *		fails on content: what cannot be read becomes null and a diagnostic.
 */
#include <string.h>

#include "diagnostics.h"
#include "meta.h"
#include "normalize.h"
#include "sections.h"
#include "tables.h"
#include "triggers.h"
#include "utf8.h"

/* Which standard format the tables follow, from the formats of 表二 and 表三. */
static GdTemplate
template_of(const GdReport *r)
{
	int			a = r->active_format,
				q = r->requests_format;

	if (a && q)
		return a == q ? (GdTemplate) a : GD_TPL_MIXED;
	if (a || q)
		return (GdTemplate) (a ? a : q);
	return GD_TPL_NONE;
}

/*
 * No report is anywhere near this long: past it, the text is cut (on a whole
 * character) so that memory stays bounded however large the value.
 */
#define GD_MAX_INPUT ((size_t) 64 * 1024 * 1024)

GdReport *
gd_parse(const char *text, size_t len, const GdAllocator *a)
{
	GdParser	p;
	GdReport   *r = a->alloc(a->ctx, sizeof(GdReport));
	bool		cut = false;

	gd_report_init(r);
	memset(&p, 0, sizeof(p));
	p.a = a;
	p.r = r;

	if (len > GD_MAX_INPUT)
	{
		len = gd_clip(text, len, GD_MAX_INPUT);
		cut = true;
	}
	gd_trigger_tables(&p);		/* gd_normalize notes the triggers */
	gd_normalize(&p, text, len);
	if (cut)
		gd_diag(&p, "input.truncated", NULL, NULL, NULL, p.t.len,
				"文本超过 64 MB，只读取了前 64 MB");
	gd_find_sections(&p);
	gd_read_prose(&p);
	gd_read_active(&p);
	gd_read_requests(&p);
	gd_read_review(&p);
	gd_read_meta(&p);
	r->template_ = template_of(r);
	if (r->active_format == 0 && r->requests_format == 0 && !r->review_present)
		gd_diag(&p, "report.no_tables", NULL, NULL, NULL, (size_t) -1,
				"文本中没有找到年度报告的统计表");
	return r;
}
