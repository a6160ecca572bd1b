/*
 * diagnostics.c
 *		The parser's diagnostics: one entry for everything it could not read
 *		with confidence, pointing at the place in the input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"

/* A pathological input must not turn into millions of diagnostics. */
#define GD_MAX_DIAGNOSTICS 1000

#define MESSAGE_MAX 512

/* Appends s[0..n) to buf, which holds *o bytes, as far as size - 1 bytes. */
static void
put(char *buf, size_t size, size_t *o, const char *s, size_t n)
{
	if (n > size - 1 - *o)
		n = size - 1 - *o;
	memcpy(buf + *o, s, n);
	*o += n;
}

/*
 * vsnprintf(buf, size, fmt, ap) for the conversions the messages use: %s,
 * %.*s, %d and %%.  It is most of what a diagnostic costs otherwise.  Sets
 * *len and returns true, or returns false at any other conversion.
 */
static bool
format(char *buf, size_t size, const char *fmt, va_list ap, size_t *len)
{
	size_t		o = 0;
	const char *f = fmt;
	const char *pct;

	while ((pct = strchr(f, '%')) != NULL)
	{
		put(buf, size, &o, f, pct - f);
		if (pct[1] == 's')
		{
			const char *s = va_arg(ap, const char *);

			if (s == NULL)
				return false;
			put(buf, size, &o, s, strlen(s));
			f = pct + 2;
		}
		else if (pct[1] == '.' && pct[2] == '*' && pct[3] == 's')
		{
			int			prec = va_arg(ap, int);
			const char *s = va_arg(ap, const char *);
			const char *nul;

			if (s == NULL || prec < 0)
				return false;
			nul = memchr(s, '\0', prec);
			put(buf, size, &o, s, nul ? (size_t) (nul - s) : (size_t) prec);
			f = pct + 4;
		}
		else if (pct[1] == 'd')
		{
			int			v = va_arg(ap, int);
			unsigned int u = v < 0 ? 0u - (unsigned int) v : (unsigned int) v;
			char		digits[16];
			int			k = sizeof(digits);

			do
			{
				digits[--k] = (char) ('0' + u % 10);
				u /= 10;
			} while (u > 0);
			if (v < 0)
				digits[--k] = '-';
			put(buf, size, &o, digits + k, sizeof(digits) - k);
			f = pct + 2;
		}
		else if (pct[1] == '%')
		{
			put(buf, size, &o, "%", 1);
			f = pct + 2;
		}
		else
			return false;
	}
	put(buf, size, &o, f, strlen(f));
	buf[o] = '\0';
	*len = o;
	return true;
}

void
gd_diag(GdParser *p, const char *code, const char *table, const char *row,
		const char *column, size_t norm_off, const char *fmt,...)
{
	GdReport   *r = p->r;
	GdDiagnostic *d;
	char		buf[MESSAGE_MAX];
	size_t		len;
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
	if (strchr(fmt, '%') == NULL && (len = strlen(fmt)) <= MESSAGE_MAX - 8)
		d->message = fmt;		/* a fixed message needs no copy */
	else
	{
		bool		done;

		va_start(ap, fmt);
		done = format(buf, sizeof(buf), fmt, ap, &len);
		va_end(ap);
		if (!done)
		{
			va_start(ap, fmt);
			vsnprintf(buf, sizeof(buf), fmt, ap);
			va_end(ap);
			len = strlen(buf);
		}
		/* a message cut short by the buffer ends on a whole character */
		d->message = gd_strndup(p, buf, gd_clip(buf, len, sizeof(buf) - 8));
	}
	d->table = table;
	d->row = row;
	d->column = column;
	d->start = norm_off == (size_t) -1 ? -1 : gd_position(&p->t, norm_off);
}
