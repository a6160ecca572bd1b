-- govdisc: the parser.  Every other interface is a view of its document.
\echo Use "CREATE EXTENSION govdisc" to load this file. \quit

CREATE FUNCTION govdisc_parse(body text) RETURNS jsonb
AS 'MODULE_PATHNAME', 'govdisc_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_parse(text) IS
'parses the text of a 政府信息公开工作年度报告 (Word text, web text, HTML, pdftotext or Markdown) into the govdisc document (schema 1): template, agency, year, published, sections, 表二 active, 表三 requests, 表四 review, processing_fees and diagnostics';
