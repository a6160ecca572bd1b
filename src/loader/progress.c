/*
 * progress.c
 *		What the loader shows while it works.  On a terminal: one line
 *		redrawn in place, at most ten times a second (files done/total,
 *		files per second, time left, the current file).  Elsewhere (a log, a
 *		pipe): one plain line per file, "STATUS FORMAT PATH", for grep and
 *		awk.  --quiet: nothing but errors.  Errors always go to stderr, one
 *		line each, naming the file and the reason; on a terminal the bar is
 *		wiped first so that the two never mix.
 */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "loader.h"

static OutputMode mode;
static size_t total,
			done;
static double started,
			drawn;
static int	bar_shown;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
terminal_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col;
	return 80;
}

/* columns a UTF-8 string takes: CJK and other wide characters take two */
static int
columns(const char *s, size_t n)
{
	int			w = 0;

	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x80)
			w++;
		else if (c >= 0xE0)
			w += 2;				/* the lead byte of a 3- or 4-byte character */
		else if (c >= 0xC0)
			w++;
	}
	return w;
}

/* the end of path that fits in 'room' columns */
static const char *
path_tail(const char *path, int room)
{
	const char *p = path;
	size_t		n = strlen(path);

	while (*p && columns(p, n - (size_t) (p - path)) > room)
	{
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
	}
	return p;
}

static void
draw(const char *path)
{
	char		line[160];
	int			width = terminal_width();
	int			filled = total ? (int) (20 * done / total) : 20;
	double		elapsed = now() - started;
	double		rate = elapsed > 0 ? done / elapsed : 0;
	long		left = rate > 0 ? (long) ((total - done) / rate + 0.5) : 0;
	int			n;

	n = snprintf(line, sizeof(line), "[%.*s%.*s] %zu/%zu files  %.1f files/s  ETA %ld:%02ld  ",
				 filled, "####################", 20 - filled, "....................",
				 done, total, rate, left / 60, left % 60);
	{
		const char *tail = path_tail(path ? path : "", width - n - 4);

		printf("\r\033[K%s%s%s", line, path && tail != path ? "..." : "", tail);
	}
	fflush(stdout);
	bar_shown = 1;
	drawn = now();
}

void
progress_start(OutputMode m, size_t n)
{
	mode = m;
	total = n;
	done = 0;
	started = now();
	drawn = 0;
}

void
progress_file_done(const char *path)
{
	done++;
	if (mode == OUTPUT_BAR && (now() - drawn >= 0.1 || done == total))
		draw(path);
}

void
progress_line(const char *status, LoadFormat format, const char *path)
{
	if (mode != OUTPUT_LINES)
		return;
	printf("%-8s %-8s %s\n", status, format < FORMAT_COUNT ? format_names[format] : "-", path);
}

void
progress_error(const char *path, const char *reason)
{
	if (bar_shown)
	{
		printf("\r\033[K");
		fflush(stdout);
		bar_shown = 0;
	}
	fflush(stdout);
	fprintf(stderr, "%s: %s: %s\n", progname, path, reason);
}

void
progress_finish(void)
{
	if (mode == OUTPUT_BAR)
	{
		draw(NULL);
		printf("\n");
	}
	fflush(stdout);
}
