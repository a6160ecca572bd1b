/*
 * parse_dump.c
 *		Prints every field of gd_parse's result for each file named on the
 *		command line (or for each NUL-free report read in COPY text format
 *		from stdin with --copy), one field a line.  Two builds of the core
 *		give the same dump exactly when their parses agree field for field,
 *		diagnostics and their positions included: the check that a change
 *		meant to make the parser faster (or tidier) changed nothing it
 *		returns (tools/parse-identical.sh).
 *
 *		The arena fills every block with 0x7f first, so a field the parser
 *		forgot to write shows up as a difference instead of passing by luck.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govdisc.h"

#include "tool_arena.h"

static const char *
s(const char *v)
{
	return v ? v : "(null)";
}

static void
dump(const char *name, const char *text, size_t len)
{
	static Arena arena = {.fill = 0x7f};
	GdAllocator al = {arena_alloc, NULL, NULL, &arena};
	GdReport   *r = gd_parse(text, len, &al);

	printf("== %s\n", name);
	printf("template %d agency %s year %d published %s\n",
		   (int) r->template_, s(r->agency), r->year, r->published);
	for (int i = 0; i < r->nsections; i++)
		printf("section %d %s %lld %lld\n", r->sections[i].no, s(r->sections[i].title),
			   (long long) r->sections[i].start, (long long) r->sections[i].length);
	printf("active %d amount_text %s\n", r->active_format, s(r->procurement_amount_text));
	for (int row = 0; row < GD_A_NROWS; row++)
		for (int c = 0; c < GD_A_NCOLS; c++)
			printf("a %d %d %lld\n", row, c, (long long) r->active[row][c]);
	printf("requests %d\n", r->requests_format);
	for (int row = 0; row < GD_R_NROWS; row++)
		for (int c = 0; c < GD_C_NCOLS; c++)
			printf("r %d %d %lld\n", row, c, (long long) r->requests[row][c]);
	printf("review %d\n", (int) r->review_present);
	for (int row = 0; row < GD_V_NROWS; row++)
		for (int c = 0; c < GD_VC_NCOLS; c++)
			printf("v %d %d %lld\n", row, c, (long long) r->review[row][c]);
	printf("fees %d %lld %lld\n", (int) r->fees_present, (long long) r->fee_cases,
		   (long long) r->fee_amount);
	printf("prose %lld %lld %lld %lld %lld\n", (long long) r->prose.received,
		   (long long) r->prose.carried_over, (long long) r->prose.carried_forward,
		   (long long) r->prose.reconsideration, (long long) r->prose.litigation);
	for (int i = 0; i < r->ndiagnostics; i++)
	{
		const GdDiagnostic *d = &r->diagnostics[i];

		printf("diag %s|%s|%s|%s|%s|%lld\n", s(d->code), s(d->message), s(d->table),
			   s(d->row), s(d->column), (long long) d->start);
	}
	arena_reset(&arena);
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		n = 0,
				max = 0,
				got;

	if (!f)
	{
		perror(path);
		exit(2);
	}
	do
	{
		if (max - n < 65536)
			buf = realloc(buf, max = max * 2 + 65536);
		got = fread(buf + n, 1, max - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

/* one COPY text line: id \t layout \t body, body with \\ \n \t \r escapes */
static void
dump_copy(void)
{
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;

	while ((got = getline(&line, &cap, stdin)) > 0)
	{
		char	   *id = line,
				   *body,
				   *out;
		char	   *tab = strchr(line, '\t');

		if (!tab || !(body = strchr(tab + 1, '\t')))
			continue;
		*tab = '\0';
		body++;
		out = body;
		for (char *p = body; *p && *p != '\n'; p++)
		{
			if (*p == '\\' && p[1])
			{
				p++;
				*out++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p;
			}
			else
				*out++ = *p;
		}
		dump(id, body, out - body);
	}
	free(line);
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--copy") == 0)
	{
		dump_copy();
		return 0;
	}
	for (int i = 1; i < argc; i++)
	{
		size_t		len;
		char	   *text = read_file(argv[i], &len);

		dump(argv[i], text, len);
		free(text);
	}
	return 0;
}
