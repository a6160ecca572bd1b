/*
 * subprocess.c
 *		Runs an extractor (pdftotext, antiword) and captures what it writes:
 *		all of stdout, up to a limit, and the first line of stderr for the
 *		reason when it fails.  Both pipes are drained together (poll), so a
 *		program that writes much to stderr cannot block on a full pipe.  A
 *		program that runs past the time limit (a PDF crafted to make
 *		pdftotext loop) is killed, and the file fails with that reason.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "loader.h"

static void
child(char *const argv[], int out[2], int err[2])
{
	int			devnull = open("/dev/null", O_RDONLY);

	if (devnull >= 0)
		dup2(devnull, STDIN_FILENO);
	dup2(out[1], STDOUT_FILENO);
	dup2(err[1], STDERR_FILENO);
	close(out[0]);
	close(out[1]);
	close(err[0]);
	close(err[1]);
	execvp(argv[0], argv);
	fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

void
run_capture(char *const argv[], size_t max_out, int max_seconds, Captured *c)
{
	int			out[2],
				err[2];
	pid_t		pid;
	size_t		cap = 65536,
				errlen = 0;
	struct pollfd fds[2];
	int			open_fds = 2,
				status;
	char		errbuf[sizeof(c->err)];
	time_t		started = time(NULL);

	memset(c, 0, sizeof(*c));
	c->out = xmalloc(cap);
	if (pipe(out) != 0 || pipe(err) != 0 || (pid = fork()) < 0)
	{
		snprintf(c->err, sizeof(c->err), "cannot start %s: %s", argv[0], strerror(errno));
		c->exit_code = 127;
		c->out[0] = '\0';
		return;
	}
	if (pid == 0)
		child(argv, out, err);
	close(out[1]);
	close(err[1]);
	fds[0] = (struct pollfd) {.fd = out[0], .events = POLLIN};
	fds[1] = (struct pollfd) {.fd = err[0], .events = POLLIN};
	while (open_fds > 0)
	{
		int			ready = poll(fds, 2, 1000);

		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0)
			break;
		if (ready == 0)
		{
			if (time(NULL) - started > max_seconds)
			{
				kill(pid, SIGKILL);
				c->timed_out = 1;
				break;
			}
			continue;
		}
		if (fds[0].revents)
		{
			ssize_t		r;

			if (cap - c->len < 65536 + 1)
				c->out = xrealloc(c->out, cap *= 2);
			r = read(out[0], c->out + c->len, cap - c->len - 1);
			if (r > 0 && c->len + (size_t) r > max_out)
			{
				/* enough: the extractor gets SIGPIPE and stops */
				c->too_large = 1;
				r = 0;
			}
			if (r > 0)
				c->len += (size_t) r;
			else if (r == 0 || errno != EINTR)
			{
				close(out[0]);
				fds[0].fd = -1;
				open_fds--;
			}
		}
		if (fds[1].revents)
		{
			char		sink[4096];
			ssize_t		r = read(err[0], sink, sizeof(sink));

			/* the start is kept; the rest is read into nothing */
			if (r > 0 && errlen < sizeof(errbuf) - 1)
			{
				size_t		k = (size_t) r < sizeof(errbuf) - 1 - errlen ? (size_t) r : sizeof(errbuf) - 1 - errlen;

				memcpy(errbuf + errlen, sink, k);
				errlen += k;
			}
			if (r == 0 || (r < 0 && errno != EINTR))
			{
				close(err[0]);
				fds[1].fd = -1;
				open_fds--;
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	c->out[c->len] = '\0';
	errbuf[errlen] = '\0';
	errbuf[strcspn(errbuf, "\n")] = '\0';
	errbuf[sizeof(c->err) - 1] = '\0';
	memcpy(c->err, errbuf, sizeof(c->err));
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		c->exit_code = WEXITSTATUS(status);
	else
		c->exit_code = 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	if (c->too_large && c->exit_code == 128 + SIGPIPE)
		c->exit_code = 0;
}
