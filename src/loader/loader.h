/*
 * loader.h
 *		govdisc-load: report files (PDF, Word, web pages, text) into a table
 *		of the database, one row per distinct file.  The declarations shared
 *		by the loader's files, one concept each:
 *
 *		main.c		options, the run from start to summary
 *		walk.c		the files under the paths, and their formats
 *		extract.c	one file's bytes to its UTF-8 text (or why not)
 *		subprocess.c	pdftotext and antiword, their output captured
 *		docx.c		the text of a .docx (libzip + libxml2)
 *		html_charset.c	the charset an HTML page declares
 *		workers.c	extraction on -j processes, results over pipes
 *		database.c	the table, and rows in with COPY, a batch a transaction
 *		progress.c	the progress bar, the per-file lines, the summary
 */
#ifndef GOVDISC_LOADER_H
#define GOVDISC_LOADER_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32

typedef enum LoadFormat
{
	FORMAT_PDF,
	FORMAT_DOCX,
	FORMAT_DOC,
	FORMAT_HTML,
	FORMAT_TEXT,
	FORMAT_MARKDOWN,
	FORMAT_COUNT,
	FORMAT_NONE = FORMAT_COUNT	/* not a report format: skipped */
} LoadFormat;

extern const char *const format_names[FORMAT_COUNT];

/* One file found under the paths. */
typedef struct LoadFile
{
	char	   *path;			/* as given, joined with the names below it */
	LoadFormat	format;
} LoadFile;

typedef struct FileList
{
	LoadFile   *files;
	size_t		n,
				max;
} FileList;

/* What became of one file. */
typedef enum LoadStatus
{
	STATUS_EXTRACTED,			/* text ready to load */
	STATUS_PRESENT,				/* its bytes are in the table already */
	STATUS_FAILED,
	STATUS_LOADED				/* after its batch committed */
} LoadStatus;

typedef struct Extracted
{
	LoadStatus	status;
	unsigned char sha256[SHA256_LEN];
	char		encoding[48];	/* "" when the format has none (PDF, Word) */
	char	   *text;			/* the body (EXTRACTED) or the reason (FAILED) */
	size_t		len;
} Extracted;

/* walk.c */
extern int	walk_paths(char **paths, int npaths, FileList *list);
extern LoadFormat format_of(const char *path);

/* extract.c: the hashes already loaded, sorted, to skip those files */
typedef struct HashSet
{
	unsigned char *hashes;		/* n * SHA256_LEN bytes, sorted */
	size_t		n;
} HashSet;
extern void extract_file(const LoadFile *f, const HashSet *present, Extracted *out);
extern int	hashset_contains(const HashSet *set, const unsigned char *sha);

/* subprocess.c */
typedef struct Captured
{
	char	   *out;			/* stdout, NUL-terminated */
	size_t		len;
	char		err[512];		/* the first line of stderr */
	int			exit_code;		/* 127: could not run the program */
	int			too_large;
	int			timed_out;		/* killed after max_seconds */
} Captured;
extern void run_capture(char *const argv[], size_t max_out, int max_seconds, Captured *c);

/* docx.c: 1 and the text, or 0 and a reason (both malloc'ed) */
extern int	docx_text(const char *bytes, size_t len, char **text, size_t *tlen, char **reason);

/* html_charset.c: the charset a page declares, or 0 */
extern int	html_declared_charset(const char *bytes, size_t len, char *charset, size_t size);

/* workers.c: extraction on 'jobs' processes; 'deliver' gets each result */
typedef void (*DeliverFn) (size_t index, Extracted *e, void *arg);
extern void run_workers(const FileList *list, const size_t *todo, size_t ntodo, int jobs,
						const HashSet *present, DeliverFn deliver, void *arg);

/* database.c */
typedef struct LoadDb LoadDb;
extern LoadDb *db_connect(const char *dbname, const char *host, const char *port,
						  const char *user, const char *table);
extern int	db_prepare(LoadDb *db, HashSet *present);
extern void db_add(LoadDb *db, size_t index, const char *file, LoadFormat format, Extracted *e);
extern size_t db_pending(const LoadDb *db);
extern size_t db_pending_bytes(const LoadDb *db);
typedef void (*CommittedFn) (size_t index, int loaded, void *arg);
extern int	db_flush(LoadDb *db, CommittedFn committed, void *arg);
extern void db_report_checks(LoadDb *db, void (*row) (const char *file, const char *rules, void *arg), void *arg);
extern const char *db_error(const LoadDb *db);
extern const char *db_table(const LoadDb *db);
extern void db_close(LoadDb *db);

/* progress.c */
typedef enum OutputMode
{
	OUTPUT_BAR,
	OUTPUT_LINES,
	OUTPUT_QUIET
} OutputMode;
extern void progress_start(OutputMode mode, size_t total);
extern void progress_file_done(const char *path);
extern void progress_line(const char *status, LoadFormat format, const char *path);
extern void progress_error(const char *path, const char *reason);
extern void progress_finish(void);

/* main.c */
extern void *xmalloc(size_t n);
extern void *xrealloc(void *p, size_t n);
extern char *xstrdup(const char *s);
extern const char *progname;

#endif							/* GOVDISC_LOADER_H */
