-- govdisc: a report file's bytes as text (pg_read_binary_file, lo_get).
-- The same encoding decision as the loader, govdisc-load (src/core/text_encoding.c).

CREATE FUNCTION govdisc_text(bytes bytea) RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_text(bytea) IS
'the bytes of a report file as text: UTF-8 or UTF-16 when a byte order mark says so, else UTF-8 when the bytes are valid UTF-8, else GB18030 (GBK, GB2312); an error (SQLSTATE 22021) naming the encodings tried when none reads every byte or the text holds a NUL';
