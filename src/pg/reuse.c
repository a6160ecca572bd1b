/*
 * reuse.c (fmgr)
 *		govdisc_reuse(a, b): the share of report b's prose copied from report
 *		a's; govdisc_reuse_passages(a, b): the copied passages with their
 *		places in both texts.  The work is the core's (src/core/reuse.c on
 *		the prose of src/core/parse/prose.c); positions are 1-based
 *		character positions in the texts as given, for substr.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "pg_govdisc.h"

typedef struct ReusePair
{
	GdProse		a;
	GdProse		b;
	GdPassage  *passages;
	size_t		n;
} ReusePair;

static void
reuse_pair(FunctionCallInfo fcinfo, MemoryContext work, ReusePair *rp)
{
	GdAllocator al;
	size_t		alen,
				blen;
	char	   *a = govdisc_text_utf8(PG_GETARG_TEXT_PP(0), &alen);
	char	   *b = govdisc_text_utf8(PG_GETARG_TEXT_PP(1), &blen);

	govdisc_allocator(&al, work);
	gd_prose(a, alen, &al, &rp->a);
	gd_prose(b, blen, &al, &rp->b);
	rp->n = gd_reuse(&rp->a, &rp->b, &al, &rp->passages);
}

PG_FUNCTION_INFO_V1(govdisc_reuse);
Datum
govdisc_reuse(PG_FUNCTION_ARGS)
{
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext, "govdisc_reuse",
											   ALLOCSET_DEFAULT_SIZES);
	ReusePair	rp;
	double		share;

	reuse_pair(fcinfo, work, &rp);
	share = gd_reuse_share(&rp.b, rp.passages, rp.n);
	MemoryContextDelete(work);
	PG_RETURN_FLOAT8(share);
}

/* the input characters units first .. first + n - 1 span */
static void
span(const GdProse *p, size_t first, size_t n, int64 *start, int64 *length)
{
	*start = gd_prose_position(p, first);
	*length = gd_prose_position(p, first + n - 1) + 1 - *start;
}

PG_FUNCTION_INFO_V1(govdisc_reuse_passages);
Datum
govdisc_reuse_passages(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext work;
	ReusePair	rp;

	InitMaterializedSRF(fcinfo, 0);
	work = AllocSetContextCreate(CurrentMemoryContext, "govdisc_reuse_passages",
								 ALLOCSET_DEFAULT_SIZES);
	reuse_pair(fcinfo, work, &rp);
	for (size_t i = 0; i < rp.n; i++)
	{
		const GdPassage *ps = &rp.passages[i];
		int64		a_start,
					a_len,
					b_start,
					b_len;
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		span(&rp.a, ps->a_unit, ps->units, &a_start, &a_len);
		span(&rp.b, ps->b_unit, ps->units, &b_start, &b_len);
		/* texts are at most 1 GB: positions fit int4 */
		values[0] = Int32GetDatum((int32) a_start);
		values[1] = Int32GetDatum((int32) a_len);
		values[2] = Int32GetDatum((int32) b_start);
		values[3] = Int32GetDatum((int32) b_len);
		values[4] = DirectFunctionCall3(text_substr, PointerGetDatum(PG_GETARG_TEXT_PP(1)),
										Int32GetDatum((int32) b_start),
										Int32GetDatum((int32) b_len));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(work);
	return (Datum) 0;
}
