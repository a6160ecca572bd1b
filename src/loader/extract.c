/*
 * extract.c
 *		One file's bytes to its UTF-8 text, or the reason why not:
 *		  PDF       pdftotext -layout (poppler), the layout the parser reads best
 *		  .docx     word/document.xml (docx.c)
 *		  .doc      antiword, UTF-8 out; a .doc that is really a .docx, or a
 *		            web page (portals often serve those as .doc), is read as one
 *		  HTML      as is, from the charset its BOM or <meta> declares, else
 *		            detected as text is
 *		  text, Markdown   UTF-8, UTF-16 (BOM) or GB18030, detected
 *		Detection is the core's text_encoding.c, the same code as the
 *		extension's govdisc_text(bytea).  The SHA-256 of the bytes names the
 *		file in the table; a file whose hash is loaded already is not
 *		extracted again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "loader.h"
#include "text_encoding.h"

/* no report's text comes near this; the server's limit for text is 1 GB */
#define MAX_TEXT ((size_t) 256 * 1024 * 1024)
/* pdftotext reads a report in well under a second; minutes mean a loop */
#ifndef MAX_SECONDS
#define MAX_SECONDS 300
#endif

static void *
malloc_alloc(void *ctx, size_t size)
{
	return xmalloc(size ? size : 1);
}

static void
malloc_release(void *ctx, void *p)
{
	free(p);
}

static const GdAllocator malloc_allocator = {malloc_alloc, malloc_release, NULL, NULL};

static void
fail(Extracted *e, const char *reason)
{
	e->status = STATUS_FAILED;
	e->text = xstrdup(reason);
	e->len = strlen(reason);
}

static char *
read_all(const char *path, size_t *len, char *why, size_t whysize)
{
	int			fd = open(path, O_RDONLY);
	struct stat st;
	char	   *buf;
	size_t		got = 0;

	if (fd < 0 || fstat(fd, &st) != 0)
	{
		snprintf(why, whysize, "cannot read: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	buf = xmalloc((size_t) st.st_size + 1);
	while (got < (size_t) st.st_size)
	{
		ssize_t		r = read(fd, buf + got, (size_t) st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
		{
			snprintf(why, whysize, "cannot read: %s", r < 0 ? strerror(errno) : "the file got shorter");
			close(fd);
			free(buf);
			return NULL;
		}
		got += (size_t) r;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* the path as an argument no program can take for an option */
static char *
argument_path(const char *path)
{
	char	   *p = xmalloc(strlen(path) + 3);

	sprintf(p, "%s%s", path[0] == '-' ? "./" : "", path);
	return p;
}

static void
from_program(Extracted *e, char **argv, const char *what, const char *package)
{
	Captured	c;
	char		why[768];

	run_capture(argv, MAX_TEXT, MAX_SECONDS, &c);
	if (c.timed_out)
	{
		snprintf(why, sizeof(why), "%s did not finish in %d s: a damaged or hostile %s", argv[0], MAX_SECONDS, what);
		fail(e, why);
		free(c.out);
	}
	else if (c.exit_code == 127)
	{
		snprintf(why, sizeof(why), "%s is not installed (Debian package %s): %s", argv[0], package, c.err);
		fail(e, why);
		free(c.out);
	}
	else if (c.too_large)
	{
		snprintf(why, sizeof(why), "%s gave more than 256 MB of text: not a report", argv[0]);
		fail(e, why);
		free(c.out);
	}
	else if (c.exit_code != 0)
	{
		snprintf(why, sizeof(why), "damaged %s: %s failed (exit %d)%s%s", what, argv[0],
				 c.exit_code, c.err[0] ? ": " : "", c.err);
		fail(e, why);
		free(c.out);
	}
	else
	{
		e->status = STATUS_EXTRACTED;
		e->text = c.out;
		e->len = c.len;
	}
}

static void
decode_text(Extracted *e, const char *bytes, size_t len, const char *declared)
{
	GdTextResult r;
	char		why[300];

	if (declared)
		gd_text_decode_as(bytes, len, declared, &malloc_allocator, &r);
	else
		gd_text_decode(bytes, len, &malloc_allocator, &r);
	if (r.status != GD_TEXT_OK)
	{
		gd_text_reason(&r, why, sizeof(why));
		fail(e, why);
		free(r.text);
		return;
	}
	e->status = STATUS_EXTRACTED;
	snprintf(e->encoding, sizeof(e->encoding), "%s", r.encoding);
	e->text = r.text;
	e->len = r.len;
}

/* After extraction: text that is valid UTF-8 and not only white space. */
static void
check_text(Extracted *e, LoadFormat format)
{
	size_t		at;
	int			blank = 1;

	if (e->status != STATUS_EXTRACTED)
		return;
	if (!gd_utf8_valid(e->text, e->len, &at) || memchr(e->text, '\0', e->len))
	{
		free(e->text);
		fail(e, "the extracted text is not valid UTF-8");
		return;
	}
	for (size_t i = 0; i < e->len && blank; i++)
		blank = strchr(" \t\r\n\f\v", e->text[i]) != NULL;
	if (blank)
	{
		free(e->text);
		fail(e, format == FORMAT_PDF ? "no text in the PDF (pages scanned as images need OCR first)"
			 : "no text in the file");
	}
}

/* A web page saved as .doc: it starts with a tag (after a BOM, spaces). */
static int
looks_like_html(const char *bytes, size_t len)
{
	size_t		i = 0;

	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", bytes[i]) && bytes[i])
		i++;
	return i + 1 < len && bytes[i] == '<' &&
		(bytes[i + 1] == '!' || bytes[i + 1] == '?' || ((bytes[i + 1] | 0x20) >= 'a' && (bytes[i + 1] | 0x20) <= 'z'));
}

static void
extract_bytes(const LoadFile *f, const char *bytes, size_t len, Extracted *e)
{
	char	   *path = argument_path(f->path);
	char		charset[48];
	char	   *reason = NULL;

	switch (f->format)
	{
		case FORMAT_PDF:
			if (len < 5 || memmem(bytes, len < 1024 ? len : 1024, "%PDF-", 5) == NULL)
				fail(e, "not a PDF: no %PDF- header");
			else
			{
				char	   *argv[] = {"pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL};

				from_program(e, argv, "PDF", "poppler-utils");
			}
			break;
		case FORMAT_DOC:
			/* what portals call .doc is often another format renamed */
			if (len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0)
				goto docx;
			if (looks_like_html(bytes, len))
				goto html;
			if (len >= 5 && memcmp(bytes, "{\\rtf", 5) == 0)
			{
				fail(e, "an RTF document named .doc (RTF is not read: save it as .docx)");
				break;
			}
			{
				char	   *argv[] = {"antiword", "-m", "UTF-8.txt", "-w", "0", path, NULL};

				from_program(e, argv, ".doc", "antiword");
			}
			break;
		case FORMAT_DOCX:
	docx:
			if (docx_text(bytes, len, &e->text, &e->len, &reason))
				e->status = STATUS_EXTRACTED;
			else
			{
				fail(e, reason);
				free(reason);
			}
			break;
		case FORMAT_HTML:
	html:
			decode_text(e, bytes, len,
						html_declared_charset(bytes, len, charset, sizeof(charset)) ? charset : NULL);
			break;
		default:
			decode_text(e, bytes, len, NULL);
			break;
	}
	free(path);
	check_text(e, f->format);
}

static int
hash_order(const void *a, const void *b)
{
	return memcmp(a, b, SHA256_LEN);
}

int
hashset_contains(const HashSet *set, const unsigned char *sha)
{
	return set && set->n && bsearch(sha, set->hashes, set->n, SHA256_LEN, hash_order) != NULL;
}

void
extract_file(const LoadFile *f, const HashSet *present, Extracted *e)
{
	size_t		len = 0;
	char		why[300];
	char	   *bytes;

	memset(e, 0, sizeof(*e));
	bytes = read_all(f->path, &len, why, sizeof(why));
	if (!bytes)
	{
		fail(e, why);
		return;
	}
	if (len == 0)
	{
		free(bytes);
		fail(e, "empty file");
		return;
	}
	EVP_Digest(bytes, len, e->sha256, NULL, EVP_sha256(), NULL);
	if (hashset_contains(present, e->sha256))
		e->status = STATUS_PRESENT;
	else
		extract_bytes(f, bytes, len, e);
	free(bytes);
}
