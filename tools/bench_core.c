/*
 * bench_core.c
 *		Throughput of the core parser alone, without PostgreSQL: reads
 *		reports in COPY text format (id, layout, body; what
 *		`gen_reports --copy` writes) from stdin, parses them all with
 *		gd_parse three times and prints the best run:
 *
 *			core <reports> <MB> <seconds> <MB/s> <reports/s>
 *
 *		then one line per layout (the second COPY column), its reports
 *		parsed on their own, best of three too:
 *
 *			layout <name> <reports> <mean KiB> <us/report> <MB/s>
 *
 *		Each report gets a fresh arena, freed after the parse, as the
 *		backend's per-call memory context would be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "govdisc.h"

#include "tool_arena.h"

typedef struct Report
{
	char	   *text;
	size_t		len;
	int			layout;			/* index into layouts[] */
} Report;

#define MAX_LAYOUTS 32
static char *layouts[MAX_LAYOUTS];
static int	nlayouts;

static int
layout_index(const char *name, size_t len)
{
	for (int i = 0; i < nlayouts; i++)
		if (strlen(layouts[i]) == len && memcmp(layouts[i], name, len) == 0)
			return i;
	if (nlayouts == MAX_LAYOUTS)
		return MAX_LAYOUTS - 1;
	layouts[nlayouts] = strndup(name, len);
	return nlayouts++;
}

/* undo COPY text-format escapes in place; returns the new length */
static size_t
unescape(char *s, size_t n)
{
	size_t		o = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (s[i] == '\\' && i + 1 < n)
		{
			char		c = s[++i];

			s[o++] = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'f' ? '\f' : c;
		}
		else
			s[o++] = s[i];
	}
	s[o] = '\0';
	return o;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	Report	   *reports = NULL;
	size_t		n = 0,
				max = 0,
				bytes = 0;
	size_t		limit = argc > 1 ? (size_t) strtoull(argv[1], NULL, 10) : (size_t) -1;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		len;
	double		best = 0;
	Arena		arena = {.fill = -1};
	GdAllocator alloc = {arena_alloc, NULL, NULL, &arena};
	long long	sections = 0;

	while (n < limit && (len = getline(&line, &cap, stdin)) > 0)
	{
		char	   *tab1,
				   *tab2,
				   *body;
		size_t		blen;

		if (line[len - 1] == '\n')
			line[--len] = '\0';
		tab1 = strchr(line, '\t');
		tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
		if (!tab2)
			continue;
		body = tab2 + 1;
		blen = unescape(body, (size_t) (line + len - body));
		if (n == max)
		{
			max = max ? max * 2 : 1024;
			reports = realloc(reports, max * sizeof(Report));
			if (!reports)
			{
				fprintf(stderr, "bench_core: out of memory\n");
				return 2;
			}
		}
		reports[n].text = malloc(blen + 1);
		if (!reports[n].text)
		{
			fprintf(stderr, "bench_core: out of memory\n");
			return 2;
		}
		memcpy(reports[n].text, body, blen + 1);
		reports[n].len = blen;
		reports[n].layout = layout_index(tab1 + 1, (size_t) (tab2 - tab1 - 1));
		bytes += blen;
		n++;
	}
	free(line);
	if (n == 0)
	{
		fprintf(stderr, "bench_core: no reports on stdin\n");
		return 1;
	}

	for (int run = 0; run < 3; run++)
	{
		double		t0 = now(),
					t;

		for (size_t i = 0; i < n; i++)
		{
			GdReport   *r = gd_parse(reports[i].text, reports[i].len, &alloc);

			sections += r->nsections;
			arena_reset(&arena);
		}
		t = now() - t0;
		if (run == 0 || t < best)
			best = t;
	}
	if (best <= 0)
		best = 1e-9;
	printf("core %zu %.1f %.3f %.1f %.0f\n", n, (double) bytes / 1e6, best,
		   (double) bytes / 1e6 / best, (double) n / best);

	/* each layout's reports on their own: what one layout costs */
	for (int l = 0; l < nlayouts; l++)
	{
		size_t		ln = 0,
					lbytes = 0;
		double		lbest = 0;

		for (size_t i = 0; i < n; i++)
			if (reports[i].layout == l)
			{
				ln++;
				lbytes += reports[i].len;
			}
		for (int run = 0; run < 3; run++)
		{
			double		t0 = now(),
						t;

			for (size_t i = 0; i < n; i++)
			{
				GdReport   *r;

				if (reports[i].layout != l)
					continue;
				r = gd_parse(reports[i].text, reports[i].len, &alloc);
				sections += r->nsections;
				arena_reset(&arena);
			}
			t = now() - t0;
			if (run == 0 || t < lbest)
				lbest = t;
		}
		if (lbest <= 0)
			lbest = 1e-9;
		printf("layout %s %zu %.1f %.1f %.1f\n", layouts[l], ln,
			   (double) lbytes / ln / 1024, lbest / ln * 1e6, (double) lbytes / 1e6 / lbest);
	}
	/* keeps the loop from being optimised away */
	if (sections < 0)
		printf("%lld\n", sections);
	for (size_t i = 0; i < n; i++)
		free(reports[i].text);
	free(reports);
	free(arena.blocks);
	return 0;
}
