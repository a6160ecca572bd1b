-- The strict reader of stored documents (src/pg/jsonb_in.c): the cases
-- checks_strict.sql does not cover.  Keys misspelt inside diagnostics,
-- sections and rows (also with the length or first letter of a real key),
-- keys whose bytes are those of the real keys cut differently, values of the
-- wrong type in each kind of object, which of two problems is reported
-- first, and valid documents whose objects change their keys from one to
-- the next (the reader keeps the layout of the last object of a kind).
\set VERBOSITY default
\pset null '∅'

-- The detail of the refusal (SQLSTATE 22023, invalid_parameter_value), or 'accepted'.
CREATE FUNCTION pg_temp.refusal(doc jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	PERFORM govdisc_is_valid(doc);
	RETURN 'accepted';
EXCEPTION WHEN invalid_parameter_value THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN detail;
END $$;

-- a small document (表二 and 表三 absent): two sections, two diagnostics, 表四 and part 六
CREATE TEMP TABLE base AS SELECT '{"schema": 1, "template": "2019", "year": 2020,
	"agency": "某局", "published": "2021-01-20",
	"sections": [{"no": 1, "title": "总体情况", "start": 1, "length": 10},
	             {"no": 4, "title": "政府信息公开行政复议、行政诉讼情况", "start": 11, "length": 5}],
	"review": {"reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
	           "litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
	           "litigation_after_reconsideration": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}},
	"processing_fees": {"cases": 0, "amount_yuan": 0},
	"diagnostics": [{"code": "section.missing", "message": "第二部分未找到", "table": null, "row": null, "column": null, "start": null},
	                {"code": "cell.blank", "message": "单元格为空", "table": "review", "row": "reconsideration", "column": "other", "start": 12}]
	}'::jsonb AS d;
SELECT pg_temp.refusal(d) FROM base;

-- the whole message once; the cases below show its detail
SELECT govdisc_is_valid(jsonb_set(d, '{diagnostics,1,cdoe}', '"cell.blank"')) FROM base;

-- ---- keys misspelt: of the length of a real key, with its first letter, in any element
SELECT k AS misspelt, pg_temp.refusal(doc) FROM base, LATERAL (VALUES
	('diagnostic, same length and letter', jsonb_set(d, '{diagnostics,1,coda}', '"x"')),
	('diagnostic, same length', jsonb_set(d, '{diagnostics,0,massage}', '"x"')),
	('diagnostic, a letter short', jsonb_set(d, '{diagnostics,1,colum}', '"total"')),
	('diagnostic, upper case', jsonb_set(d, '{diagnostics,0,Row}', 'null')),
	('section, same length', jsonb_set(d, '{sections,1,tilte}', '"x"')),
	('section, upper case', jsonb_set(d, '{sections,0,No}', '1')),
	('section, empty key', jsonb_set(d, '{sections,0,""}', '1')),
	('part 六, same length', jsonb_set(d, '{processing_fees,casse}', '0')),
	('document, same length', d || '{"agenxy": null}'),
	('row, same length', jsonb_set(d, '{review,litigation_direct,uphelt}', '0')),
	('row, beyond the columns', jsonb_set(d, '{review,litigation_direct,total_}', '0')),
	('table, same length', jsonb_set(d, '{review,reconsiderateon}', 'null'))
) cases(k, doc);

-- ---- the same key bytes cut into other keys (stored after an object with the real ones)
SELECT k AS keys, pg_temp.refusal(doc) FROM base, LATERAL (VALUES
	('other,total,uphel,dpending,corrected', jsonb_set(d, '{review,litigation_direct}',
		'{"other": 0, "total": 0, "uphel": 0, "dpending": 0, "corrected": 0}')),
	('nos,tart,title,length', jsonb_set(d, '{sections,1}',
		'{"nos": 4, "tart": 11, "title": "x", "length": 5}'))
) cases(k, doc);

-- ---- keys beyond what the reader keeps a layout of: 30 members, a 600-byte key
SELECT pg_temp.refusal(jsonb_set(d, '{review,litigation_direct}',
	(SELECT jsonb_object_agg('c' || lpad(i::text, 2, '0'), i) FROM generate_series(1, 30) i))) FROM base;
SELECT left(r, 60) AS refusal, length(r) FROM base,
	LATERAL pg_temp.refusal(jsonb_set(d, '{review,litigation_direct}',
		jsonb_build_object(repeat('k', 600), 0))) r;

-- ---- values of the wrong type
SELECT k AS value, pg_temp.refusal(doc) FROM base, LATERAL (VALUES
	('diagnostic code a number', jsonb_set(d, '{diagnostics,1,code}', '1')),
	('diagnostic message an object', jsonb_set(d, '{diagnostics,0,message}', '{}')),
	('diagnostic row a number', jsonb_set(d, '{diagnostics,1,row}', '2')),
	('diagnostic column true', jsonb_set(d, '{diagnostics,1,column}', 'true')),
	('diagnostic start a string', jsonb_set(d, '{diagnostics,1,start}', '"12"')),
	('diagnostic start 1.5', jsonb_set(d, '{diagnostics,1,start}', '1.5')),
	('diagnostic code null', jsonb_set(d, '{diagnostics,1,code}', 'null')),
	('diagnostic an array', jsonb_set(d, '{diagnostics,1}', '[]')),
	('diagnostic a number', jsonb_set(d, '{diagnostics,1}', '3')),
	('diagnostics an object', jsonb_set(d, '{diagnostics}', '{}')),
	('section title a number', jsonb_set(d, '{sections,1,title}', '4')),
	('section no a string', jsonb_set(d, '{sections,0,no}', '"1"')),
	('section start 0', jsonb_set(d, '{sections,1,start}', '0')),
	('section length -1', jsonb_set(d, '{sections,1,length}', '-1')),
	('section null', jsonb_set(d, '{sections,1}', 'null')),
	('seven sections', jsonb_set(d, '{sections}', (d -> 'sections') || (d -> 'sections') || (d -> 'sections') || (d #> '{sections,0}'))),
	('sections a string', jsonb_set(d, '{sections}', '"一"')),
	('part 六 cases a string', jsonb_set(d, '{processing_fees,cases}', '"0"')),
	('part 六 amount with five decimals', jsonb_set(d, '{processing_fees,amount_yuan}', '0.00001')),
	('part 六 an array', jsonb_set(d, '{processing_fees}', '[]')),
	('year 10000', jsonb_set(d, '{year}', '10000')),
	('template 2020', jsonb_set(d, '{template}', '"2020"')),
	('schema 1.0', jsonb_set(d, '{schema}', '1.0')),
	('schema "1"', jsonb_set(d, '{schema}', '"1"')),
	('review a string', jsonb_set(d, '{review}', '"表四"')),
	('a cell an object', jsonb_set(d, '{review,litigation_direct,other}', '{}'))
) cases(k, doc);

-- ---- 表二: its amount as printed, and the columns of each format
SELECT k AS active, pg_temp.refusal(doc) FROM base, LATERAL (VALUES
	('amount_text a number', d || '{"active": {"procurement": {"projects": 1, "amount_yuan": 10000, "amount_text": 1}}}'),
	('amount_text in another row', d || '{"active": {"fees": {"prior": 1, "change": 0, "amount_text": "1元"}}}'),
	('amount_text a string', d || '{"active": {"procurement": {"projects": 1, "amount_yuan": 10000, "amount_text": "1万元"}}}'),
	('a 2019 column among 2021 ones', d || '{"active": {"rules": {"issued": 1, "repealed": 0, "in_force": 5, "made": 1}}}'),
	('in_force tells 2021 before prior 2019', d || '{"active": {"licensing": {"prior": 1, "change": 0, "decisions": 2, "in_force": 1}}}')
) cases(k, doc);

-- ---- which of two problems is reported: the order the reader finds them in
SELECT k AS problems, pg_temp.refusal(doc) FROM base, LATERAL (VALUES
	-- a diagnostic's start is read before its keys are checked, its code after
	('diagnostic: start and a key', jsonb_set(jsonb_set(d, '{diagnostics,1,start}', '"x"'), '{diagnostics,1,bogus}', '1')),
	('diagnostic: a key and the code', jsonb_set(jsonb_set(d, '{diagnostics,1,code}', '1'), '{diagnostics,1,bogus}', '1')),
	('diagnostic: no message and a bad row', jsonb_set(d, '{diagnostics,1}', '{"code": "cell.blank", "row": 1}')),
	-- a section's no before its keys, its keys before its title
	('section: no and a key', jsonb_set(jsonb_set(d, '{sections,0,no}', '"1"'), '{sections,0,bogus}', '1')),
	('section: a key and the title', jsonb_set(jsonb_set(d, '{sections,0,title}', '1'), '{sections,0,bogus}', '1')),
	-- the members of a row in the order jsonb stores them (by length, then bytes)
	('row: a bad value stored before an unknown key', jsonb_set(d, '{review,litigation_direct}', '{"other": "x", "zzzzzzzzzz": 1}')),
	('row: an unknown key stored before a bad value', jsonb_set(d, '{review,litigation_direct}', '{"ab": 1, "total": "x"}')),
	-- rows of a table in the order of the template, not of storage
	('two rows', jsonb_set(jsonb_set(d, '{review,reconsideration,total}', '"x"'), '{review,litigation_direct,total}', 'true')),
	-- the tables before part 六, part 六 before the strings, sections, diagnostics
	('review and diagnostics', jsonb_set(jsonb_set(d, '{review,reconsideration,total}', '"x"'), '{diagnostics,0,code}', '1')),
	('part 六 and agency', jsonb_set(jsonb_set(d, '{processing_fees,cases}', '"x"'), '{agency}', '1')),
	('published and agency', jsonb_set(jsonb_set(d, '{published}', '1'), '{agency}', '1')),
	('agency and a bad date', jsonb_set(jsonb_set(d, '{published}', '"2021-02-30"'), '{agency}', '1')),
	('sections and diagnostics', jsonb_set(jsonb_set(d, '{sections,0,no}', '0'), '{diagnostics,0,code}', '1')),
	-- the schema before any unknown key of the document, that before the rest
	('schema and a key', d || '{"schema": 2, "bogus": 1}'),
	('a key and the template', d || '{"template": "x", "bogus": 1}')
) cases(k, doc);

-- ---- valid documents whose objects change their keys: each is read as it is
CREATE TEMP TABLE docs AS SELECT n, doc FROM (VALUES
	(1, '{"schema": 1, "template": "2019", "review": {
		"reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
		"litigation_direct": {"total": 2, "upheld": 2},
		"litigation_after_reconsideration": {"pending": 3, "total": 3, "other": null}}}'::jsonb),
	(2, '{"schema": 1, "template": "2019", "review": {
		"reconsideration": {"total": 4, "upheld": 4},
		"litigation_direct": {"upheld": 5, "corrected": 0, "other": 0, "pending": 0, "total": 5},
		"litigation_after_reconsideration": {"pending": 6, "total": 6}}}'::jsonb),
	(3, '{"schema": 1, "template": "2021", "requests": {
		"received": {"natural_person": 7, "total": 7},
		"total": {"natural_person": 7, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 7},
		"granted": {"total": 7, "natural_person": 7}}}'::jsonb)
) v(n, doc);
SELECT n, c.tbl, c.row_key, c.col_key, c.value FROM docs, govdisc_cells(doc) c
WHERE c.value IS NOT NULL ORDER BY n, c.tbl, c.row_key, c.col_key;
-- the small document read whole: sections and diagnostics as stored
SELECT (govdisc_report(d)).agency, (govdisc_report(d)).published FROM base;
SELECT rule, tbl, row_key, col_key FROM base, govdisc_check(d) ORDER BY 1, 2, 3, 4;
