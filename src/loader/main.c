/*
 * main.c
 *		govdisc-load [OPTION]... PATH...: every report file under the paths
 *		into a table, then a summary.  The run: walk the paths (walk.c),
 *		connect and make the table ready (database.c), extract on -j
 *		processes (workers.c, extract.c), send the text in batches as it
 *		comes, and report which loaded reports do not pass the checks.
 *
 *		Exit status: 0 when every file loaded or was in the table already,
 *		1 when some failed (each named on stderr with the reason), 2 on a
 *		usage error or when the database cannot be used.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader.h"

#define BATCH_FILES 64
#define BATCH_BYTES ((size_t) 16 * 1024 * 1024)
#define DEFAULT_TABLE "govdisc_reports"

const char *progname = "govdisc-load";

void *
xmalloc(size_t n)
{
	void	   *p = malloc(n ? n : 1);

	if (!p)
	{
		fprintf(stderr, "%s: out of memory\n", progname);
		exit(2);
	}
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
	{
		fprintf(stderr, "%s: out of memory\n", progname);
		exit(2);
	}
	return p;
}

char *
xstrdup(const char *s)
{
	size_t		n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/*
 * Ctrl-C: the open batch is rolled back by the server when the connection
 * goes; say what that means (only write() is safe here).
 */
static void
on_interrupt(int sig)
{
	static const char msg[] = "\ngovdisc-load: interrupted: the files of committed batches are loaded; "
		"run the same command again to load the rest\n";

	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(130);
	_exit(130);
}

typedef struct Run
{
	FileList	list;
	LoadDb	   *db;
	size_t		loaded[FORMAT_COUNT + 1],
				present[FORMAT_COUNT + 1],
				failed[FORMAT_COUNT + 1],
				skipped;
	size_t		n_checks_failed;
} Run;

static void
usage(FILE *f)
{
	fprintf(f,
			"%s loads report files into a table of the database, one row per distinct file.\n\n"
			"Usage:\n  %s [OPTION]... PATH...\n\n"
			"Every file under the PATHs (directories are read recursively) is loaded:\n"
			"  .pdf (pdftotext -layout), .docx, .doc (antiword), .html/.htm (in the charset\n"
			"  it declares), .txt/.md (UTF-8, UTF-16 with a BOM or GB18030); others are skipped.\n\n"
			"Options:\n"
			"  -t, --table=TABLE      the table to load into (default " DEFAULT_TABLE "; created if missing)\n"
			"  -j, --jobs=N           extract on N processes (default: the number of CPUs)\n"
			"  -q, --quiet            print nothing but errors\n"
			"  -d, --dbname=DBNAME    database name or connection string\n"
			"  -h, --host=HOSTNAME    database server host or socket directory\n"
			"  -p, --port=PORT        database server port\n"
			"  -U, --username=USER    database user name\n"
			"      --text             print the text of each file instead (no database)\n"
			"      --help             show this help, then exit\n\n"
			"The PG* environment variables (PGDATABASE, PGHOST, ...) are used as by psql.\n"
			"Exit status: 0 all loaded or already there, 1 some files failed, 2 usage or\n"
			"connection error.  See docs/loading.md.\n", progname, progname);
}

static void
committed(size_t index, int loaded, void *arg)
{
	Run		   *run = arg;
	LoadFile   *f = &run->list.files[index];

	if (loaded < 0)
		run->failed[f->format]++;
	else if (loaded)
	{
		run->loaded[f->format]++;
		progress_line("loaded", f->format, f->path);
	}
	else
	{
		run->present[f->format]++;
		progress_line("present", f->format, f->path);
	}
}

static void
flush_or_die(Run *run)
{
	if (!db_flush(run->db, committed, run))
	{
		progress_finish();
		fprintf(stderr, "%s: %s\n", progname, db_error(run->db));
		exit(2);
	}
}

static void
deliver(size_t index, Extracted *e, void *arg)
{
	Run		   *run = arg;
	LoadFile   *f = &run->list.files[index];

	progress_file_done(f->path);
	switch (e->status)
	{
		case STATUS_FAILED:
			progress_error(f->path, e->text);
			run->failed[f->format]++;
			free(e->text);
			break;
		case STATUS_PRESENT:
			run->present[f->format]++;
			progress_line("present", f->format, f->path);
			free(e->text);
			break;
		default:
			db_add(run->db, index, f->path, f->format, e);
			if (db_pending(run->db) >= BATCH_FILES || db_pending_bytes(run->db) >= BATCH_BYTES)
				flush_or_die(run);
			break;
	}
}

/* --text: what the parser would be given, file by file, on stdout */
static int
print_texts(const FileList *list)
{
	int			ok = 1;

	for (size_t i = 0; i < list->n; i++)
	{
		const LoadFile *f = &list->files[i];
		Extracted	e;

		if (f->format == FORMAT_NONE)
			continue;
		extract_file(f, NULL, &e);
		if (e.status == STATUS_FAILED)
		{
			fprintf(stderr, "%s: %s: %s\n", progname, f->path, e.text);
			ok = 0;
		}
		else
		{
			/* several files: a header before each, as head(1) writes */
			if (list->n > 1)
				printf("%s==> %s <==\n", i > 0 ? "\n" : "", f->path);
			fwrite(e.text, 1, e.len, stdout);
		}
		free(e.text);
	}
	return ok;
}

static size_t
sum(const size_t *counts)
{
	size_t		s = 0;

	for (int i = 0; i < FORMAT_COUNT; i++)
		s += counts[i];
	return s;
}

static void
check_row(const char *file, const char *rules, void *arg)
{
	Run		   *run = arg;

	if (run->n_checks_failed++ == 0)
		printf("reports that do not pass the checks:\n");
	printf("  %s: %s\n", file, rules);
}

static void
summary(Run *run, OutputMode mode)
{
	size_t		loaded = sum(run->loaded),
				present = sum(run->present),
				failed = sum(run->failed);

	if (mode == OUTPUT_QUIET)
		return;
	printf("%zu loaded, %zu already present, %zu failed, %zu skipped (into %s)\n",
		   loaded, present, failed, run->skipped, db_table(run->db));
	for (int i = 0; i < FORMAT_COUNT; i++)
		if (run->loaded[i] + run->present[i] + run->failed[i] > 0)
			printf("  %-9s %zu loaded, %zu already present, %zu failed\n", format_names[i],
				   run->loaded[i], run->present[i], run->failed[i]);
	if (loaded == 0 && present > 0)
		printf("nothing new: every file that could be read is in %s already\n", db_table(run->db));
	db_report_checks(run->db, check_row, run);
	if (loaded > 0 && run->n_checks_failed == 0)
		printf("every report loaded passes the checks\n");
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{"table", required_argument, NULL, 't'},
		{"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"dbname", required_argument, NULL, 'd'},
		{"host", required_argument, NULL, 'h'},
		{"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'U'},
		{"text", no_argument, NULL, 2},
		{"help", no_argument, NULL, 1},
		{NULL, 0, NULL, 0}
	};
	const char *dbname = NULL,
			   *host = NULL,
			   *port = NULL,
			   *user = NULL,
			   *table = DEFAULT_TABLE;
	long		jobs = sysconf(_SC_NPROCESSORS_ONLN);
	int			quiet = 0,
				text_only = 0,
				c,
				walked;
	Run			run;
	HashSet		present = {NULL, 0};
	size_t	   *todo,
				ntodo = 0;
	OutputMode	mode;
	char	   *end;

	memset(&run, 0, sizeof(run));
	while ((c = getopt_long(argc, argv, "t:j:qd:h:p:U:", options, NULL)) != -1)
	{
		switch (c)
		{
			case 't':
				table = optarg;
				break;
			case 'j':
				jobs = strtol(optarg, &end, 10);
				if (*end || jobs < 1 || jobs > 1024)
				{
					fprintf(stderr, "%s: -j needs a number of processes from 1 to 1024, not \"%s\"\n", progname, optarg);
					return 2;
				}
				break;
			case 'q':
				quiet = 1;
				break;
			case 'd':
				dbname = optarg;
				break;
			case 'h':
				host = optarg;
				break;
			case 'p':
				port = optarg;
				break;
			case 'U':
				user = optarg;
				break;
			case 2:
				text_only = 1;
				break;
			case 1:
				usage(stdout);
				return 0;
			default:
				fprintf(stderr, "Try \"%s --help\" for more information.\n", progname);
				return 2;
		}
	}
	if (optind >= argc)
	{
		fprintf(stderr, "%s: no file or directory to load\n", progname);
		fprintf(stderr, "Try \"%s --help\" for more information.\n", progname);
		return 2;
	}
	if (jobs < 1)
		jobs = 1;

	walked = walk_paths(argv + optind, argc - optind, &run.list);
	if (text_only)
		return print_texts(&run.list) && walked ? 0 : 1;
	run.db = db_connect(dbname, host, port, user, table);
	if (db_error(run.db) || !db_prepare(run.db, &present))
	{
		fprintf(stderr, "%s: %s\n", progname, db_error(run.db));
		return 2;
	}

	mode = quiet ? OUTPUT_QUIET : isatty(STDOUT_FILENO) ? OUTPUT_BAR : OUTPUT_LINES;
	/* a log or a pipe sees each file as it is done */
	setvbuf(stdout, NULL, _IOLBF, 0);
	todo = xmalloc((run.list.n + 1) * sizeof(size_t));
	for (size_t i = 0; i < run.list.n; i++)
	{
		LoadFile   *f = &run.list.files[i];

		if (f->format != FORMAT_NONE)
			todo[ntodo++] = i;
		else
		{
			const char *base = strrchr(f->path, '/');
			const char *dot = strrchr(base ? base + 1 : f->path, '.');

			run.skipped++;
			if (mode == OUTPUT_LINES)
				printf("%-8s %-8s %s (not a report format: %s)\n", "skipped", "-", f->path,
					   dot && dot[1] ? dot : "no extension");
		}
	}
	signal(SIGINT, on_interrupt);
	signal(SIGTERM, on_interrupt);
	progress_start(mode, ntodo);
	run_workers(&run.list, todo, ntodo, (int) jobs, &present, deliver, &run);
	flush_or_die(&run);
	progress_finish();
	summary(&run, mode);
	db_close(run.db);
	return (sum(run.failed) > 0 || !walked) ? 1 : 0;
}
