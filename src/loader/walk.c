/*
 * walk.c
 *		The files under the paths given, recursively, each with its format
 *		(by its name's extension; the content is checked when it is read).
 *		Directories are read in name order so that two runs list the files
 *		the same way.  Hidden entries (.git, .DS_Store) and Word's lock files
 *		(~$报告.docx) are passed over; symbolic links to directories are not
 *		followed, so a link loop cannot make the walk endless.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "loader.h"

const char *const format_names[FORMAT_COUNT] = {
	"pdf", "docx", "doc", "html", "text", "markdown"
};

LoadFormat
format_of(const char *path)
{
	static const struct
	{
		const char *ext;
		LoadFormat	format;
	}			exts[] = {
		{"pdf", FORMAT_PDF}, {"docx", FORMAT_DOCX}, {"doc", FORMAT_DOC},
		{"html", FORMAT_HTML}, {"htm", FORMAT_HTML}, {"shtml", FORMAT_HTML},
		{"xhtml", FORMAT_HTML}, {"txt", FORMAT_TEXT}, {"text", FORMAT_TEXT},
		{"md", FORMAT_MARKDOWN}, {"markdown", FORMAT_MARKDOWN},
	};
	const char *base = strrchr(path, '/');
	const char *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot || dot == base)
		return FORMAT_NONE;
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcasecmp(dot + 1, exts[i].ext) == 0)
			return exts[i].format;
	return FORMAT_NONE;
}

static void
list_add(FileList *list, const char *path)
{
	if (list->n == list->max)
	{
		list->max = list->max ? list->max * 2 : 256;
		list->files = xrealloc(list->files, list->max * sizeof(LoadFile));
	}
	list->files[list->n].path = xstrdup(path);
	list->files[list->n].format = format_of(path);
	list->n++;
}

static int
name_order(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static char *
join(const char *dir, const char *name)
{
	size_t		n = strlen(dir);
	char	   *p = xmalloc(n + strlen(name) + 2);

	sprintf(p, "%s%s%s", dir, (n && dir[n - 1] == '/') ? "" : "/", name);
	return p;
}

/* Returns 0 when a directory could not be read (said on stderr). */
static int
walk_dir(const char *dir, FileList *list)
{
	DIR		   *d = opendir(dir);
	struct dirent *de;
	char	  **names = NULL;
	size_t		n = 0,
				max = 0;
	int			ok = 1;

	if (!d)
	{
		fprintf(stderr, "%s: %s: %s\n", progname, dir, strerror(errno));
		return 0;
	}
	while ((de = readdir(d)) != NULL)
	{
		if (de->d_name[0] == '.' || strncmp(de->d_name, "~$", 2) == 0)
			continue;
		if (n == max)
		{
			max = max ? max * 2 : 64;
			names = xrealloc(names, max * sizeof(char *));
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), name_order);
	for (size_t i = 0; i < n; i++)
	{
		char	   *p = join(dir, names[i]);
		struct stat st;

		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			ok &= walk_dir(p, list);
		else if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			list_add(list, p);
		free(p);
		free(names[i]);
	}
	free(names);
	return ok;
}

int
walk_paths(char **paths, int npaths, FileList *list)
{
	int			ok = 1;

	for (int i = 0; i < npaths; i++)
	{
		struct stat st;

		if (stat(paths[i], &st) != 0)
		{
			fprintf(stderr, "%s: %s: %s\n", progname, paths[i], strerror(errno));
			ok = 0;
		}
		else if (S_ISDIR(st.st_mode))
			ok &= walk_dir(paths[i], list);
		else
			list_add(list, paths[i]);
	}
	return ok;
}
