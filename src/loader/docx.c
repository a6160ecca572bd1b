/*
 * docx.c
 *		The text of a .docx: word/document.xml read from the zip (libzip)
 *		with libxml2's streaming reader, in reading order.  Paragraphs end
 *		in a newline.  Tables come out in the layout Word itself gives when
 *		a document is saved as text, the one the parser reads HTML tables in:
 *		each cell on a line of its own behind a tab, a blank line after each
 *		row.  (One line per row with the cells apart by tabs would lose
 *		cells: the parser takes a line that starts with a tab for one Word
 *		cell, and a row whose first cell is merged from above starts with
 *		an empty cell.)  Paragraphs, tabs and breaks inside a cell become
 *		spaces so that they cannot split the cell.  A cell that continues a
 *		vertical merge (w:vMerge without "restart") is left out, as a
 *		browser leaves out the cells under a rowspan; a merged row of cells
 *		(w:gridSpan) is one cell, as a colspan is.  A table inside a cell is
 *		read as part of that cell.
 *		Deleted text (w:delText) and field codes (w:instrText) are not text.
 *		External entities and the network are never reached (XML_PARSE_NONET,
 *		no entity substitution), and the XML part is read only up to a size
 *		limit, so a zip bomb ends in an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "loader.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCUMENT_XML "word/document.xml"
#define MAX_XML ((zip_uint64_t) 512 * 1024 * 1024)

typedef struct Out
{
	char	   *s;
	size_t		len,
				cap;
} Out;

static void
out_add(Out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap)
	{
		while (o->len + n + 1 > o->cap)
			o->cap = o->cap ? o->cap * 2 : 65536;
		o->s = xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

typedef struct Walk
{
	Out			out;
	int			table_depth;	/* tables open around the current node */
	int			cell_paragraphs;	/* paragraphs so far in the current cell */
	size_t		cell_start;		/* where the current cell's line begins */
	int			cell_continues;	/* it continues a vertical merge: left out */
} Walk;

static int
in_cell(const Walk *w)
{
	return w->table_depth > 0;
}

/* text of a w:t, with layout characters in a cell made spaces */
static void
add_text(Walk *w, const char *t)
{
	size_t		n = strlen(t);

	if (!in_cell(w))
	{
		out_add(&w->out, t, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		out_add(&w->out, (t[i] == '\t' || t[i] == '\n' || t[i] == '\r') ? " " : t + i, 1);
}

static void
element_start(Walk *w, const char *name)
{
	if (strcmp(name, "tbl") == 0)
	{
		if (w->table_depth++ > 0)
			out_add(&w->out, " ", 1);
	}
	else if (strcmp(name, "tc") == 0 && w->table_depth == 1)
	{
		w->cell_start = w->out.len;
		w->cell_continues = 0;
		out_add(&w->out, "\t", 1);
		w->cell_paragraphs = 0;
	}
	else if (strcmp(name, "tc") == 0)
		out_add(&w->out, " ", 1);
	else if (strcmp(name, "p") == 0 && in_cell(w))
	{
		if (w->cell_paragraphs++ > 0)
			out_add(&w->out, " ", 1);
	}
	else if (strcmp(name, "tab") == 0)
		out_add(&w->out, in_cell(w) ? " " : "\t", 1);
	else if (strcmp(name, "br") == 0 || strcmp(name, "cr") == 0)
		out_add(&w->out, in_cell(w) ? " " : "\n", 1);
}

static void
element_end(Walk *w, const char *name)
{
	if (strcmp(name, "p") == 0 && !in_cell(w))
		out_add(&w->out, "\n", 1);
	else if (strcmp(name, "tc") == 0 && w->table_depth == 1)
	{
		if (w->cell_continues)
		{
			w->out.len = w->cell_start;
			w->out.s[w->out.len] = '\0';
		}
		else
			out_add(&w->out, "\n", 1);
	}
	else if (strcmp(name, "tr") == 0 && w->table_depth == 1)
		out_add(&w->out, "\n", 1);
	else if (strcmp(name, "tbl") == 0 && w->table_depth > 0)
		w->table_depth--;
}

/* 1 when the whole document was read; else *reason */
static int
read_document(const char *xml, size_t len, Walk *w, char **reason)
{
	xmlTextReaderPtr r = xmlReaderForMemory(xml, (int) len, DOCUMENT_XML, NULL,
											XML_PARSE_NONET | XML_PARSE_NOERROR |
											XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	int			ret;
	int			in_t = 0;

	if (!r)
	{
		*reason = xstrdup("damaged .docx: " DOCUMENT_XML " cannot be read");
		return 0;
	}
	while ((ret = xmlTextReaderRead(r)) == 1)
	{
		int			type = xmlTextReaderNodeType(r);
		const char *ns = (const char *) xmlTextReaderConstNamespaceUri(r);
		const char *name = (const char *) xmlTextReaderConstLocalName(r);

		if (type == XML_READER_TYPE_ELEMENT && ns && strcmp(ns, W_NS) == 0)
		{
			int			empty = xmlTextReaderIsEmptyElement(r);

			element_start(w, name);
			if (strcmp(name, "vMerge") == 0 && w->table_depth == 1)
			{
				xmlChar    *val = xmlTextReaderGetAttributeNs(r, BAD_CAST "val", BAD_CAST W_NS);

				w->cell_continues = !val || strcmp((const char *) val, "restart") != 0;
				xmlFree(val);
			}
			if (strcmp(name, "t") == 0)
				in_t = !empty;
			if (empty)
				element_end(w, name);
		}
		else if (type == XML_READER_TYPE_END_ELEMENT && ns && strcmp(ns, W_NS) == 0)
		{
			if (strcmp(name, "t") == 0)
				in_t = 0;
			element_end(w, name);
		}
		else if (in_t && (type == XML_READER_TYPE_TEXT ||
						  type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
						  type == XML_READER_TYPE_CDATA))
			add_text(w, (const char *) xmlTextReaderConstValue(r));
	}
	if (ret != 0)
	{
		const xmlError *e = xmlGetLastError();
		char		buf[256];

		snprintf(buf, sizeof(buf), "damaged .docx: " DOCUMENT_XML " is not well-formed XML (line %d)",
				 e ? e->line : 0);
		*reason = xstrdup(buf);
	}
	xmlFreeTextReader(r);
	return ret == 0;
}

/* word/document.xml out of the zip; NULL and *reason if it cannot be */
static char *
read_part(const char *bytes, size_t len, size_t *xlen, char **reason)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t	   *z;
	zip_stat_t	st;
	zip_file_t *f;
	char	   *xml = NULL;
	char		buf[256];

	zip_error_init(&ze);
	src = zip_source_buffer_create(bytes, len, 0, &ze);
	z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!z)
	{
		snprintf(buf, sizeof(buf), "damaged .docx: not a zip archive (%s)", zip_error_strerror(&ze));
		*reason = xstrdup(buf);
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	if (zip_stat(z, DOCUMENT_XML, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		*reason = xstrdup("not a Word document: the archive has no " DOCUMENT_XML);
	else if (st.size > MAX_XML)
		*reason = xstrdup("damaged .docx: " DOCUMENT_XML " is larger than 512 MB");
	else if ((f = zip_fopen(z, DOCUMENT_XML, 0)) == NULL)
	{
		snprintf(buf, sizeof(buf), "damaged .docx: %s", zip_strerror(z));
		*reason = xstrdup(buf);
	}
	else
	{
		zip_int64_t n;

		xml = xmalloc(st.size + 1);
		n = zip_fread(f, xml, st.size);
		if (n < 0 || (zip_uint64_t) n != st.size)
		{
			snprintf(buf, sizeof(buf), "damaged .docx: %s", zip_file_strerror(f));
			*reason = xstrdup(buf);
			free(xml);
			xml = NULL;
		}
		else
			*xlen = (size_t) n;
		zip_fclose(f);
	}
	zip_discard(z);
	return xml;
}

int
docx_text(const char *bytes, size_t len, char **text, size_t *tlen, char **reason)
{
	size_t		xlen = 0;
	char	   *xml = read_part(bytes, len, &xlen, reason);
	Walk		w;

	if (!xml)
		return 0;
	memset(&w, 0, sizeof(w));
	out_add(&w.out, "", 0);
	if (!read_document(xml, xlen, &w, reason))
	{
		free(xml);
		free(w.out.s);
		return 0;
	}
	free(xml);
	*text = w.out.s;
	*tlen = w.out.len;
	return 1;
}
