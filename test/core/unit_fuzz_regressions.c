/*
 * unit_fuzz_regressions.c
 *		Replays every input the fuzzers ever found (test/fuzz/regressions/):
 *		each file goes through gd_parse under the invariants of the parse
 *		fuzzer, and a file named check-* also through the rule engine as the
 *		check fuzzer reads it.  Passing means no crash, no sanitizer report,
 *		no runaway allocation, no broken invariant, and no file taking more
 *		than REPLAY_SECONDS (an input that once made the parser run for
 *		minutes fails here at once instead of holding up make unit).
 */
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include "unit.h"
#include "../fuzz/fuzz_arena.h"
#include "../fuzz/fuzz_invariants.h"
#include "../fuzz/fuzz_report_bytes.h"

#define REPLAY_SECONDS 30

static const char *replaying;

static void
on_alarm(int sig)
{
	static const char msg[] = "unit_fuzz_regressions: an input took more than 30 s: ";

	/* only async-signal-safe calls here */
	if (write(2, msg, sizeof(msg) - 1) < 0 || write(2, replaying, strlen(replaying)) < 0 ||
		write(2, "\n", 1) < 0)
		_exit(1);
	_exit(1);
}

/* A copy of the file in a block of exactly its size: ASan sees any read past it. */
static char *
read_exact(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? (size_t) n : 1);
	if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
		abort();
	fclose(f);
	*len = (size_t) n;
	return buf;
}

static void
report_why(const char *file, const char *what, const char *why)
{
	unit_failed++;
	fprintf(stderr, "%s: %s: %s\n", file, what, why);
}

static void
replay_parse(const char *file, const char *text, size_t len)
{
	long long	nchars = fuzz_utf8_chars(text, len);
	FuzzArena	a1,
				a2;
	GdAllocator al1,
				al2;
	GdReport   *r1,
			   *r2;
	const char *why;

	fuzz_arena_init(&a1, &al1, len, 0xA5);
	fuzz_arena_init(&a2, &al2, len, 0x5A);
	r1 = gd_parse(text, len, &al1);
	r2 = gd_parse(text, len, &al2);
	if ((why = fuzz_report_violation(r1, len, nchars)) != NULL)
		report_why(file, "gd_parse", why);
	else if (nchars >= 0 && (why = fuzz_reports_differ(r1, r2)) != NULL)
		report_why(file, "gd_parse", why);
	else
		unit_passed++;
	if (gd_check && nchars >= 0 && r1 != NULL)
	{
		GdFindings	f;

		memset(&f, 0, sizeof(f));
		gd_check(r1, &f, &al1);
		if ((why = fuzz_findings_violation(&f)) != NULL)
			report_why(file, "gd_check", why);
		else
			unit_passed++;
	}
	fuzz_arena_free(&a1);
	fuzz_arena_free(&a2);
}

static void
replay_check(const char *file, const char *bytes, size_t len)
{
	FuzzBytes	b = {(const uint8_t *) bytes, len, 0};
	FuzzArena	arena;
	GdAllocator a;
	GdReport	prev,
				cur;
	GdFindings	f;
	const char *why = NULL;

	fuzz_arena_init(&arena, &a, len, 0xA5);
	fuzz_report_from_bytes(&b, &prev);
	fuzz_report_from_bytes(&b, &cur);
	if (gd_check)
	{
		memset(&f, 0, sizeof(f));
		gd_check(&prev, &f, &a);
		why = fuzz_findings_violation(&f);
		if (why == NULL)
		{
			memset(&f, 0, sizeof(f));
			gd_check(&cur, &f, &a);
			why = fuzz_findings_violation(&f);
		}
	}
	if (gd_check_pair && why == NULL)
	{
		memset(&f, 0, sizeof(f));
		gd_check_pair(&prev, &cur, &f, &a);
		why = fuzz_findings_violation(&f);
	}
	if (why)
		report_why(file, "gd_check", why);
	else
		unit_passed++;
	fuzz_arena_free(&arena);
}

int
main(int argc, char **argv)
{
	char		dir[4096];
	const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;
	DIR		   *d;
	struct dirent *e;
	int			nfiles = 0;

	signal(SIGALRM, on_alarm);
	/* the directory sits beside this program's folder: test/fuzz/regressions */
	snprintf(dir, sizeof(dir), "%.*s../fuzz/regressions",
			 slash ? (int) (slash - argv[0] + 1) : 0, slash ? argv[0] : "");
	d = opendir(dir);
	CHECK(d != NULL);
	if (d == NULL)
	{
		fprintf(stderr, "cannot open %s\n", dir);
		return unit_done();
	}
	while ((e = readdir(d)) != NULL)
	{
		char		path[8192];
		size_t		len;
		char	   *buf;

		if (e->d_name[0] == '.' || strcmp(e->d_name, "README") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		buf = read_exact(path, &len);
		if (buf == NULL)
			continue;
		nfiles++;
		replaying = e->d_name;
		alarm(REPLAY_SECONDS);
		replay_parse(e->d_name, buf, len);
		if (strncmp(e->d_name, "check-", 6) == 0)
			replay_check(e->d_name, buf, len);
		alarm(0);
		free(buf);
	}
	closedir(d);
	printf("%d regression inputs replayed from %s\n", nfiles, dir);
	return unit_done();
}
