/*
 * workers.c
 *		Extraction on 'jobs' processes.  Each worker takes the next file from
 *		a counter in shared memory (so a slow PDF never holds up a queue of
 *		its own), extracts it and writes the result to its own pipe: a fixed
 *		header, then the text or the reason.  The parent reads whichever pipe
 *		is ready and hands each result on (to the batch for the database);
 *		a worker that died leaves its unfinished file failed, never lost.
 *		With one job no process is forked.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader.h"

typedef struct Header
{
	uint64_t	index;			/* into todo[] */
	uint64_t	len;
	int32_t		status;
	unsigned char sha256[SHA256_LEN];
	char		encoding[48];
} Header;

static int
write_all(int fd, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0)
	{
		ssize_t		w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return 0;
		s += w;
		n -= (size_t) w;
	}
	return 1;
}

/* 1: read all n; 0: end of file before the first byte; -1: cut short */
static int
read_all(int fd, void *p, size_t n)
{
	char	   *s = p;
	size_t		got = 0;

	while (got < n)
	{
		ssize_t		r = read(fd, s + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return got == 0 ? 0 : -1;
		got += (size_t) r;
	}
	return 1;
}

static void
worker(const FileList *list, const size_t *todo, size_t ntodo, uint64_t *next,
	   const HashSet *present, int fd)
{
	for (;;)
	{
		uint64_t	i = __atomic_fetch_add(next, 1, __ATOMIC_SEQ_CST);
		Extracted	e;
		Header		h;

		if (i >= ntodo)
			break;
		extract_file(&list->files[todo[i]], present, &e);
		memset(&h, 0, sizeof(h));
		h.index = i;
		h.len = e.text ? e.len : 0;
		h.status = e.status;
		memcpy(h.sha256, e.sha256, SHA256_LEN);
		memcpy(h.encoding, e.encoding, sizeof(h.encoding));
		if (!write_all(fd, &h, sizeof(h)) || (h.len && !write_all(fd, e.text, h.len)))
			_exit(1);
		free(e.text);
	}
	_exit(0);
}

static void
run_inline(const FileList *list, const size_t *todo, size_t ntodo,
		   const HashSet *present, DeliverFn deliver, void *arg)
{
	for (size_t i = 0; i < ntodo; i++)
	{
		Extracted	e;

		extract_file(&list->files[todo[i]], present, &e);
		deliver(todo[i], &e, arg);
	}
}

/* One message from a worker's pipe; 0 at its end. */
static int
receive(int fd, const size_t *todo, DeliverFn deliver, void *arg, char *done)
{
	Header		h;
	Extracted	e;
	int			r = read_all(fd, &h, sizeof(h));

	if (r <= 0)
		return 0;
	memset(&e, 0, sizeof(e));
	e.status = (LoadStatus) h.status;
	memcpy(e.sha256, h.sha256, SHA256_LEN);
	memcpy(e.encoding, h.encoding, sizeof(e.encoding));
	e.encoding[sizeof(e.encoding) - 1] = '\0';
	e.len = (size_t) h.len;
	e.text = xmalloc(e.len + 1);
	if (e.len && read_all(fd, e.text, e.len) != 1)
	{
		free(e.text);
		return 0;
	}
	e.text[e.len] = '\0';
	done[h.index] = 1;
	deliver(todo[h.index], &e, arg);
	return 1;
}

void
run_workers(const FileList *list, const size_t *todo, size_t ntodo, int jobs,
			const HashSet *present, DeliverFn deliver, void *arg)
{
	uint64_t   *next;
	struct pollfd *fds;
	pid_t	   *pids;
	char	   *done;
	int			open_fds = 0;

	if (jobs > (int) ntodo)
		jobs = (int) ntodo;
	if (jobs <= 1)
	{
		run_inline(list, todo, ntodo, present, deliver, arg);
		return;
	}
	next = mmap(NULL, sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (next == MAP_FAILED)
	{
		run_inline(list, todo, ntodo, present, deliver, arg);
		return;
	}
	*next = 0;
	fds = xmalloc(jobs * sizeof(struct pollfd));
	pids = xmalloc(jobs * sizeof(pid_t));
	done = calloc(ntodo, 1);
	fflush(NULL);
	for (int j = 0; j < jobs; j++)
	{
		int			p[2];

		if (pipe(p) != 0 || (pids[j] = fork()) < 0)
		{
			fprintf(stderr, "%s: cannot start a worker: %s\n", progname, strerror(errno));
			exit(2);
		}
		if (pids[j] == 0)
		{
			close(p[0]);
			for (int k = 0; k < j; k++)
				close(fds[k].fd);
			signal(SIGPIPE, SIG_DFL);
			/* a worker stops quietly; the parent says what happened */
			signal(SIGINT, SIG_DFL);
			signal(SIGTERM, SIG_DFL);
			worker(list, todo, ntodo, next, present, p[1]);
		}
		close(p[1]);
		/* a bigger pipe lets workers run on while the parent is in COPY */
		fcntl(p[0], F_SETPIPE_SZ, 1 << 20);
		fds[j] = (struct pollfd) {.fd = p[0], .events = POLLIN};
		open_fds++;
	}
	while (open_fds > 0)
	{
		if (poll(fds, jobs, -1) < 0)
		{
			if (errno == EINTR)
				continue;
			break;
		}
		for (int j = 0; j < jobs; j++)
			if (fds[j].fd >= 0 && fds[j].revents &&
				!receive(fds[j].fd, todo, deliver, arg, done))
			{
				close(fds[j].fd);
				fds[j].fd = -1;
				open_fds--;
			}
	}
	for (int j = 0; j < jobs; j++)
		while (waitpid(pids[j], NULL, 0) < 0 && errno == EINTR)
			;
	/* files a dead worker took and never finished */
	for (size_t i = 0; i < ntodo; i++)
		if (!done[i])
		{
			Extracted	e;

			memset(&e, 0, sizeof(e));
			e.status = STATUS_FAILED;
			e.text = xstrdup("its extracting process died (see above)");
			e.len = strlen(e.text);
			deliver(todo[i], &e, arg);
		}
	free(done);
	free(fds);
	free(pids);
	munmap(next, sizeof(uint64_t));
}
