/*
 * database.c
 *		The loader's side of the database (libpq): the table, created when
 *		missing, and the rows, sent in batches.  A batch is one transaction:
 *		COPY into a temporary table, then one INSERT ... ON CONFLICT (sha256)
 *		DO NOTHING RETURNING that tells which files were new.  So an
 *		interrupted run leaves whole batches of whole files, and a rerun
 *		loads only what is missing.  A batch the server refuses (a text the
 *		database's encoding cannot hold, say) is sent again a file at a time,
 *		so that one bad file never keeps the others out.
 *
 *		The extension's functions are called qualified with the schema it is
 *		installed in; the table name is the user's (-t), quoted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "loader.h"
#include "text_encoding.h"

typedef struct Pending
{
	size_t		index;
	char	   *file;			/* UTF-8 */
	LoadFormat	format;
	Extracted	e;
	int			loaded;
} Pending;

struct LoadDb
{
	PGconn	   *conn;
	char	   *table;			/* quoted, as SQL */
	char	   *table_name;		/* as given */
	char	   *ext;			/* the extension's schema, quoted */
	Pending    *rows;
	size_t		n,
				max,
				bytes;
	char		error[1024];
	char	   *ids;			/* "{1,2,...}": the rows loaded by this run */
	size_t		ids_len,
				ids_cap;
};

static const char *const table_comments[][2] = {
	{NULL, "report files loaded by govdisc-load: one row per distinct file (by the SHA-256 of its bytes), its text and the parsed document"},
	{"id", "row number, in loading order"},
	{"file", "the file's path as given to govdisc-load (a directory joined with the names below it)"},
	{"sha256", "SHA-256 of the file's bytes; unique, so a file is loaded once however often it is found"},
	{"format", "pdf, docx, doc, html, text or markdown (by the file name's extension)"},
	{"encoding", "the encoding the text was decoded from (UTF-8, UTF-16LE, UTF-16BE, GB18030 or the charset an HTML page declares); null for PDF and Word files, whose text comes from pdftotext, the .docx XML or antiword"},
	{"body", "the report's text in UTF-8: pdftotext -layout for PDF; for .docx its paragraphs, and its tables as Word saves them as text (a cell per line behind a tab, a blank line after each row); antiword for .doc; the page as is for HTML"},
	{"loaded_at", "when the row was loaded"},
	{"doc", "govdisc_parse(body): the parsed document, stored"},
};

static void
set_error(LoadDb *db, const char *what, const PGresult *res)
{
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn);

	snprintf(db->error, sizeof(db->error), "%s: %s", what, msg && *msg ? msg : PQerrorMessage(db->conn));
	/* one line: the server's message ends with a newline */
	db->error[strcspn(db->error, "\n")] = '\0';
}

/* Runs sql; 1 on success, else db->error. */
static int
exec_ok(LoadDb *db, const char *what, const char *sql)
{
	PGresult   *res = PQexec(db->conn, sql);
	int			ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;

	if (!ok)
		set_error(db, what, res);
	PQclear(res);
	return ok;
}

static char *
quote_ident(PGconn *conn, const char *s, size_t n)
{
	char	   *q = PQescapeIdentifier(conn, s, n);
	char	   *copy = xstrdup(q ? q : "\"\"");

	PQfreemem(q);
	return copy;
}

LoadDb *
db_connect(const char *dbname, const char *host, const char *port, const char *user,
		   const char *table)
{
	const char *keys[] = {"dbname", "host", "port", "user", "fallback_application_name", NULL};
	const char *vals[] = {dbname, host, port, user, "govdisc-load", NULL};
	LoadDb	   *db = calloc(1, sizeof(LoadDb));
	const char *dot = strchr(table, '.');

	db->conn = PQconnectdbParams(keys, vals, 1);
	db->table_name = xstrdup(table);
	if (PQstatus(db->conn) != CONNECTION_OK)
	{
		snprintf(db->error, sizeof(db->error), "%s", PQerrorMessage(db->conn));
		db->error[strcspn(db->error, "\n")] = '\0';
		return db;
	}
	PQsetClientEncoding(db->conn, "UTF8");
	if (dot)
	{
		char	   *schema = quote_ident(db->conn, table, (size_t) (dot - table));
		char	   *name = quote_ident(db->conn, dot + 1, strlen(dot + 1));

		db->table = xmalloc(strlen(schema) + strlen(name) + 2);
		sprintf(db->table, "%s.%s", schema, name);
		free(schema);
		free(name);
	}
	else
		db->table = quote_ident(db->conn, table, strlen(table));
	return db;
}

const char *
db_error(const LoadDb *db)
{
	return db->error[0] ? db->error : NULL;
}

const char *
db_table(const LoadDb *db)
{
	return db->table_name;
}

static int
find_extension(LoadDb *db)
{
	PGresult   *res = PQexec(db->conn,
							 "SELECT n.nspname FROM pg_catalog.pg_extension e "
							 "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
							 "WHERE e.extname = 'govdisc'");

	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		set_error(db, "cannot look for the govdisc extension", res);
		PQclear(res);
		return 0;
	}
	if (PQntuples(res) == 0)
	{
		snprintf(db->error, sizeof(db->error),
				 "the govdisc extension is not installed in database \"%s\" (run CREATE EXTENSION govdisc there first)",
				 PQdb(db->conn));
		PQclear(res);
		return 0;
	}
	db->ext = quote_ident(db->conn, PQgetvalue(res, 0, 0), strlen(PQgetvalue(res, 0, 0)));
	PQclear(res);
	return 1;
}

static int
create_table(LoadDb *db)
{
	char		sql[4096];
	PGresult   *res;
	const char *params[1] = {db->table};
	int			exists;

	res = PQexecParams(db->conn, "SELECT pg_catalog.to_regclass($1) IS NOT NULL", 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		set_error(db, "cannot look for the table", res);
		PQclear(res);
		return 0;
	}
	exists = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (exists)
		return 1;
	snprintf(sql, sizeof(sql),
			 "CREATE TABLE IF NOT EXISTS %s (\n"
			 "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
			 "  file text NOT NULL,\n"
			 "  sha256 bytea NOT NULL UNIQUE,\n"
			 "  format text NOT NULL,\n"
			 "  encoding text,\n"
			 "  body text NOT NULL,\n"
			 "  loaded_at timestamptz NOT NULL DEFAULT pg_catalog.now(),\n"
			 "  doc jsonb GENERATED ALWAYS AS (%s.govdisc_parse(body)) STORED)",
			 db->table, db->ext);
	if (!exec_ok(db, "cannot create the table", "BEGIN") ||
		!exec_ok(db, "cannot create the table", sql))
		return 0;
	for (size_t i = 0; i < sizeof(table_comments) / sizeof(table_comments[0]); i++)
	{
		char	   *lit = PQescapeLiteral(db->conn, table_comments[i][1], strlen(table_comments[i][1]));

		if (table_comments[i][0])
			snprintf(sql, sizeof(sql), "COMMENT ON COLUMN %s.%s IS %s", db->table, table_comments[i][0], lit);
		else
			snprintf(sql, sizeof(sql), "COMMENT ON TABLE %s IS %s", db->table, lit);
		PQfreemem(lit);
		if (!exec_ok(db, "cannot comment on the table", sql))
			return 0;
	}
	return exec_ok(db, "cannot create the table", "COMMIT");
}

static int
hash_order(const void *a, const void *b)
{
	return memcmp(a, b, SHA256_LEN);
}

/* The hashes in the table already, so that those files are not read again. */
static int
load_present(LoadDb *db, HashSet *present)
{
	char		sql[1024];
	PGresult   *res;
	int			n;

	snprintf(sql, sizeof(sql), "SELECT sha256 FROM %s WHERE pg_catalog.length(sha256) = %d", db->table, SHA256_LEN);
	res = PQexecParams(db->conn, sql, 0, NULL, NULL, NULL, NULL, 1);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		set_error(db, "cannot read the table's sha256 column", res);
		PQclear(res);
		return 0;
	}
	n = PQntuples(res);
	present->hashes = xmalloc((size_t) n * SHA256_LEN + 1);
	present->n = (size_t) n;
	for (int i = 0; i < n; i++)
		memcpy(present->hashes + (size_t) i * SHA256_LEN, PQgetvalue(res, i, 0), SHA256_LEN);
	qsort(present->hashes, present->n, SHA256_LEN, hash_order);
	PQclear(res);
	return 1;
}

static const char *
insert_sql(LoadDb *db, char *sql, size_t size, const char *prefix)
{
	snprintf(sql, size,
			 "%sINSERT INTO %s (file, sha256, format, encoding, body) "
			 "SELECT file, sha256, format, encoding, body FROM pg_temp.govdisc_load_batch ORDER BY n "
			 "ON CONFLICT (sha256) DO NOTHING RETURNING id, sha256", prefix, db->table);
	return sql;
}

int
db_prepare(LoadDb *db, HashSet *present)
{
	char		sql[2048];

	if (!find_extension(db) || !create_table(db))
		return 0;
	if (!exec_ok(db, "cannot create the batch table",
				 "CREATE TEMPORARY TABLE govdisc_load_batch (n int, file text, sha256 bytea,"
				 " format text, encoding text, body text) ON COMMIT DELETE ROWS"))
		return 0;
	/* the table has the columns and the unique sha256 the insert needs */
	if (!exec_ok(db, "the table cannot take the rows", insert_sql(db, sql, sizeof(sql), "EXPLAIN (COSTS OFF) ")))
		return 0;
	return load_present(db, present);
}

/* The path as UTF-8 text: file names from other systems may be GBK. */
static char *
utf8_path(const char *path)
{
	size_t		len = strlen(path);
	char	   *s;

	if (gd_utf8_valid(path, len, NULL))
		return xstrdup(path);
	s = xmalloc(len * 4 + 1);
	/* bytes that are not UTF-8 are kept visible as \xNN */
	for (size_t i = 0, k = 0; i <= len; i++)
	{
		unsigned char c = (unsigned char) path[i];

		if (c >= 0x80)
			k += (size_t) sprintf(s + k, "\\x%02X", c);
		else
			s[k++] = (char) c;
	}
	return s;
}

void
db_add(LoadDb *db, size_t index, const char *file, LoadFormat format, Extracted *e)
{
	Pending    *p;

	if (db->n == db->max)
	{
		db->max = db->max ? db->max * 2 : 64;
		db->rows = xrealloc(db->rows, db->max * sizeof(Pending));
	}
	p = &db->rows[db->n++];
	p->index = index;
	p->file = utf8_path(file);
	p->format = format;
	p->e = *e;
	p->loaded = 0;
	db->bytes += e->len;
}

size_t
db_pending(const LoadDb *db)
{
	return db->n;
}

size_t
db_pending_bytes(const LoadDb *db)
{
	return db->bytes;
}

/* s in COPY's text format onto the buffer (room made by the caller) */
static void
copy_escape(char **buf, size_t *len, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		char		c = s[i];

		if (c == '\\' || c == '\n' || c == '\r' || c == '\t')
		{
			(*buf)[(*len)++] = '\\';
			c = c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : '\\';
		}
		(*buf)[(*len)++] = c;
	}
}

static int
copy_rows(LoadDb *db, Pending *rows, size_t n)
{
	char	   *buf = NULL;
	size_t		cap = 0;
	PGresult   *res = PQexec(db->conn, "COPY pg_temp.govdisc_load_batch (n, file, sha256, format, encoding, body) FROM STDIN");
	int			ok;

	if (PQresultStatus(res) != PGRES_COPY_IN)
	{
		set_error(db, "cannot load", res);
		PQclear(res);
		return 0;
	}
	PQclear(res);
	for (size_t i = 0; i < n; i++)
	{
		size_t		len = 0;
		const char *enc = rows[i].e.encoding;
		/* every byte escaped at most once, plus the fixed fields */
		size_t		need = 2 * (strlen(rows[i].file) + strlen(enc) + rows[i].e.len) + 256;

		if (need > cap)
			buf = xrealloc(buf, cap = need);
		len += (size_t) sprintf(buf + len, "%zu\t", i);
		copy_escape(&buf, &len, rows[i].file, strlen(rows[i].file));
		len += (size_t) sprintf(buf + len, "\t\\\\x");
		for (int k = 0; k < SHA256_LEN; k++)
			len += (size_t) sprintf(buf + len, "%02x", rows[i].e.sha256[k]);
		len += (size_t) sprintf(buf + len, "\t%s\t", format_names[rows[i].format]);
		if (enc[0])
			copy_escape(&buf, &len, enc, strlen(enc));
		else
			len += (size_t) sprintf(buf + len, "\\N");
		buf[len++] = '\t';
		copy_escape(&buf, &len, rows[i].e.text, rows[i].e.len);
		buf[len++] = '\n';
		if (PQputCopyData(db->conn, buf, (int) len) != 1)
			break;
	}
	free(buf);
	ok = PQputCopyEnd(db->conn, NULL) == 1;
	res = PQgetResult(db->conn);
	if (!ok || PQresultStatus(res) != PGRES_COMMAND_OK)
	{
		set_error(db, "cannot load", res);
		ok = 0;
	}
	PQclear(res);
	while ((res = PQgetResult(db->conn)) != NULL)
		PQclear(res);
	return ok;
}

static void
note_id(LoadDb *db, const char *id)
{
	size_t		n = strlen(id);

	if (db->ids_len + n + 3 > db->ids_cap)
	{
		db->ids_cap = (db->ids_len + n + 3) * 2;
		db->ids = xrealloc(db->ids, db->ids_cap);
	}
	db->ids[db->ids_len] = db->ids_len == 0 ? '{' : ',';
	db->ids_len++;
	memcpy(db->ids + db->ids_len, id, n);
	db->ids_len += n;
	db->ids[db->ids_len] = '\0';
}

/* One transaction: rows[0..n) in, each marked loaded or not. */
static int
send_batch(LoadDb *db, Pending *rows, size_t n)
{
	char		sql[2048];
	PGresult   *res;

	if (!exec_ok(db, "cannot load", "BEGIN"))
		return 0;
	if (!copy_rows(db, rows, n))
	{
		exec_ok(db, "cannot roll back", "ROLLBACK");
		return 0;
	}
	res = PQexecParams(db->conn, insert_sql(db, sql, sizeof(sql), ""), 0, NULL, NULL, NULL, NULL, 1);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		set_error(db, "cannot load", res);
		PQclear(res);
		exec_ok(db, "cannot roll back", "ROLLBACK");
		return 0;
	}
	if (!exec_ok(db, "cannot commit", "COMMIT"))
	{
		PQclear(res);
		return 0;
	}
	for (int t = 0; t < PQntuples(res); t++)
	{
		const char *sha = PQgetvalue(res, t, 1);
		char		id[32];
		uint64_t	be = 0;

		/* the first row of the batch with these bytes is the one loaded */
		for (size_t i = 0; i < n; i++)
			if (!rows[i].loaded && memcmp(rows[i].e.sha256, sha, SHA256_LEN) == 0)
			{
				rows[i].loaded = 1;
				break;
			}
		for (int k = 0; k < 8; k++)
			be = (be << 8) | (unsigned char) PQgetvalue(res, t, 0)[k];
		snprintf(id, sizeof(id), "%llu", (unsigned long long) be);
		note_id(db, id);
	}
	PQclear(res);
	return 1;
}

int
db_flush(LoadDb *db, CommittedFn committed, void *arg)
{
	int			ok = 1;

	if (db->n == 0)
		return 1;
	if (!send_batch(db, db->rows, db->n))
	{
		/* the server refused the batch: each file on its own */
		if (PQstatus(db->conn) != CONNECTION_OK)
			return 0;
		for (size_t i = 0; i < db->n; i++)
			if (!send_batch(db, &db->rows[i], 1))
			{
				if (PQstatus(db->conn) != CONNECTION_OK)
					return 0;
				free(db->rows[i].e.text);
				db->rows[i].e.text = xstrdup(db->error);
				db->rows[i].e.status = STATUS_FAILED;
			}
		db->error[0] = '\0';
	}
	for (size_t i = 0; i < db->n; i++)
	{
		Pending    *p = &db->rows[i];

		if (p->e.status == STATUS_FAILED)
		{
			progress_error(p->file, p->e.text);
			committed(p->index, -1, arg);
		}
		else
			committed(p->index, p->loaded, arg);
		free(p->file);
		free(p->e.text);
	}
	db->n = 0;
	db->bytes = 0;
	return ok;
}

void
db_report_checks(LoadDb *db, void (*row) (const char *file, const char *rules, void *arg), void *arg)
{
	char		sql[2048];
	PGresult   *res;
	const char *params[1];

	if (!db->ids)
		return;
	db->ids[db->ids_len] = '}';
	db->ids[db->ids_len + 1] = '\0';
	params[0] = db->ids;
	snprintf(sql, sizeof(sql),
			 "SELECT t.file, (SELECT pg_catalog.string_agg(DISTINCT c.rule, ', ' ORDER BY c.rule)"
			 " FROM %s.govdisc_check(t.doc) c WHERE c.severity = 'error')"
			 " FROM %s t WHERE t.id = ANY ($1::bigint[]) AND NOT %s.govdisc_is_valid(t.doc)"
			 " ORDER BY t.file", db->ext, db->table, db->ext);
	res = PQexecParams(db->conn, sql, 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		for (int i = 0; i < PQntuples(res); i++)
			row(PQgetvalue(res, i, 0), PQgetvalue(res, i, 1), arg);
	else
	{
		set_error(db, "cannot run the checks", res);
		fprintf(stderr, "%s: %s\n", progname, db->error);
	}
	PQclear(res);
	db->ids[db->ids_len] = '\0';
}

void
db_close(LoadDb *db)
{
	PQfinish(db->conn);
	free(db->rows);
	free(db->ids);
	free(db->table);
	free(db->table_name);
	free(db->ext);
	free(db);
}
