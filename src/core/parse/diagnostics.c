/*
 * diagnostics.c
 *		The parser's diagnostics: one entry for everything it could not read
 *		with confidence, pointing at the place in the input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "diagnostics.h"
#include "text.h"
#include "utf8.h"

/* A pathological input must not turn into millions of diagnostics. */
#define GD_MAX_DIAGNOSTICS 1000

#define MESSAGE_MAX 512

void
gd_diag(GdParser *p, const char *code, const char *table, const char *row,
		const char *column, size_t norm_off, const char *fmt,...)
{
	GdReport   *r = p->r;
	GdDiagnostic *d;
	char		buf[MESSAGE_MAX];
	va_list		ap;

	if (r->ndiagnostics >= GD_MAX_DIAGNOSTICS)
		return;
	if (r->ndiagnostics == r->maxdiagnostics)
	{
		int			n = r->maxdiagnostics ? r->maxdiagnostics * 2 : 16;

		r->diagnostics = gd_grow(p, r->diagnostics,
								 r->maxdiagnostics * sizeof(GdDiagnostic),
								 n * sizeof(GdDiagnostic));
		r->maxdiagnostics = n;
	}
	d = &r->diagnostics[r->ndiagnostics++];
	d->code = code;
	/* a fixed message needs no copy; the same one comes again and again */
	if (fmt == p->fixed_fmt)
		d->message = fmt;
	else if (strchr(fmt, '%') == NULL && strlen(fmt) <= MESSAGE_MAX - 8)
		d->message = p->fixed_fmt = fmt;
	else
	{
		va_start(ap, fmt);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		/* a message cut short by the buffer ends on a whole character */
		d->message = gd_strndup(p, buf, gd_clip(buf, strlen(buf), sizeof(buf) - 8));
	}
	d->table = table;
	d->row = row;
	d->column = column;
	d->start = norm_off == (size_t) -1 ? -1 : gd_position(&p->t, norm_off);
}
