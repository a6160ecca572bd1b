-- govdisc: govdisc_diff, the cells in which two documents differ (e.g. one
-- body's report of one year and of the next).  A view of govdisc_cells on
-- both sides, so it reads cells exactly as every other function does.

CREATE FUNCTION govdisc_diff(a jsonb, b jsonb)
RETURNS TABLE (tbl text, row_key text, col_key text, label text,
			   a numeric, b numeric, change numeric)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 20
BEGIN ATOMIC
	SELECT coalesce(cb.tbl, ca.tbl), coalesce(cb.row_key, ca.row_key),
		   coalesce(cb.col_key, ca.col_key), coalesce(cb.label, ca.label),
		   ca.value, cb.value, cb.value - ca.value
	FROM @extschema@.govdisc_cells(a) WITH ORDINALITY AS ca
	FULL JOIN @extschema@.govdisc_cells(b) WITH ORDINALITY AS cb
		ON cb.tbl = ca.tbl AND cb.row_key = ca.row_key AND cb.col_key = ca.col_key
	WHERE ca.value IS DISTINCT FROM cb.value
	ORDER BY cb.ordinality IS NULL, coalesce(cb.ordinality, ca.ordinality);
END;

COMMENT ON FUNCTION govdisc_diff(jsonb, jsonb) IS
'the cells of 表二, 表三 and 表四 in which document b differs from document a, in b''s template order (then a''s cells that b lacks): table, row and column key, label, the value in a, the value in b, and change = b - a (null when either is blank); a cell that only one document has (another template''s format, a missing table) has null on the other side; no rows for documents with the same cells';
