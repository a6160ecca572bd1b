-- Checks that cannot be fooled (issue 15): a figure that cannot be read,
-- run-together figures no rule splits, a table with no row stated, stored
-- documents judged strictly, sums beyond the range of a count, and text
-- that is not a report.  Every file is read on the client (\set `cat`).
\set VERBOSITY default
\pset null '∅'

-- ---- values.unreadable: 55O (a letter O) in a report that is otherwise valid
\set good `cat test/samples/reports/spaced-2019-crawler.txt`
\set bad `sed 's/申请数量 253 17/申请数量 25O 17/' test/samples/reports/spaced-2019-crawler.txt`
\set big `sed 's/申请数量 253 17/申请数量 253 99999999999999999999/' test/samples/reports/spaced-2019-crawler.txt`
\set word `awk 'f == 1 && /^\t295$/ { print "\t29S"; f = 2; next } /一、本年新收政府信息公开申请数量/ && !f { f = 1 } { print }' test/samples/reports/word-2021-does-not-add-up.txt`
SELECT govdisc_is_valid(:'good') AS good_valid, govdisc_is_valid(:'bad') AS bad_valid,
       govdisc_is_valid(govdisc_parse(:'bad')) AS bad_doc_valid, govdisc_is_valid(:'big') AS big_valid;
-- the cell is null and the parse says where
SELECT govdisc_parse(:'bad') #> '{requests,received}' AS received;
SELECT d->>'code' AS code, d->>'table' AS tbl, d->>'row' AS row_key, d->>'column' AS col_key, d->>'message' AS message
FROM jsonb_array_elements(govdisc_parse(:'bad') -> 'diagnostics') d
WHERE d->>'code' IN ('cell.unreadable', 'cell.out_of_range');
SELECT d->>'code' AS code, d->>'table' AS tbl, d->>'row' AS row_key, d->>'column' AS col_key, d->>'message' AS message
FROM jsonb_array_elements(govdisc_parse(:'big') -> 'diagnostics') d
WHERE d->>'code' IN ('cell.unreadable', 'cell.out_of_range');
-- the same finding from the text and from the stored document
SELECT rule, severity, tbl, row_key, col_key, message FROM govdisc_check(:'bad') WHERE severity = 'error';
SELECT rule, severity, tbl, row_key, col_key, message FROM govdisc_check(govdisc_parse(:'bad')) WHERE severity = 'error';
SELECT rule, tbl, row_key, col_key, message FROM govdisc_check(:'big') WHERE severity = 'error';
-- a Word cell 29S, first of its row: the row keeps its other cells
SELECT govdisc_parse(:'word') #> '{requests,received}' AS received;
SELECT rule, col_key, message FROM govdisc_check(:'word') WHERE rule = 'values.unreadable';
SELECT govdisc_assert_valid(:'bad');
SELECT govdisc_assert_valid(govdisc_parse(:'bad'));
-- a stored document whose cell was filled in since is judged on the figure
SELECT govdisc_is_valid(jsonb_set(govdisc_parse(:'bad'), '{requests,received,natural_person}', '253'));
-- the report as printed has no finding of the kind
SELECT count(*) FROM govdisc_check(:'good') WHERE rule LIKE 'values.%';

-- ---- values.ambiguous: 4020 is 40|20 or 4|020
\set runtogether `cat test/samples/reports/runtogether-2019-uncertain.txt`
SELECT rule, severity, tbl, row_key, col_key, message FROM govdisc_check(:'runtogether') WHERE rule = 'values.ambiguous';
SELECT rule, severity, tbl, row_key, col_key, message FROM govdisc_check(govdisc_parse(:'runtogether')) WHERE rule = 'values.ambiguous';
SELECT govdisc_is_valid(:'runtogether') AS valid_with_a_warning;
-- refused for another reason, the message names the cells left null too
SELECT govdisc_assert_valid(jsonb_set(govdisc_parse(:'runtogether'), '{review,reconsideration,total}', '99'));

-- ---- completeness.tables: a table is there only with a row stated
\set empty '{"schema": 1, "template": "2021", "active": {}, "requests": {}, "review": {}}'
SELECT govdisc_is_valid(:'empty'::jsonb);
SELECT rule, tbl, message FROM govdisc_check(:'empty'::jsonb) WHERE severity = 'error';
SELECT govdisc_assert_valid(:'empty'::jsonb);
-- null rows state nothing either; one stated row makes the table present
SELECT rule, tbl FROM govdisc_check('{"schema": 1, "template": "2021", "active": {"rules": null}, "requests": {"received": null},
	"review": {"reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}}}'::jsonb)
WHERE rule = 'completeness.tables';

-- ---- stored documents judged strictly
CREATE TEMP TABLE base AS SELECT govdisc_parse(:'good') AS d;
SELECT govdisc_is_valid(d) FROM base;
-- a misspelt row, column, key of the document, of part 六, of a section or a diagnostic
SELECT govdisc_is_valid(jsonb_set(d, '{requests,recieved}', d #> '{requests,received}')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{requests,received}', (d #> '{requests,received}') || '{"totl": 1}')) FROM base;
SELECT govdisc_is_valid(d || '{"agencey": "某局"}') FROM base;
SELECT govdisc_is_valid(d || '{"processing_fees": {"cases": 0, "amount": 0}}') FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{sections,0,titel}', '"总体情况"')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{diagnostics}', '[{"code": "cell.blank", "message": "单元格为空", "col": "total"}]')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{active,other_services}', '{"prior": 1, "change": 0, "decisions": 1, "extra": 2}')) FROM base;
-- a 2019 row in a 2021 table, and both forms of （六）
SELECT govdisc_is_valid(jsonb_set(govdisc_parse(:'word'), '{active,procurement}', '{"projects": 1, "amount_yuan": 1, "amount_text": "1元"}'));
SELECT govdisc_is_valid(jsonb_set(govdisc_parse(:'word'), '{requests,other_handling}', (govdisc_parse(:'word') #> '{requests,other_misc}')));
-- values of the wrong type
SELECT govdisc_is_valid(jsonb_set(d, '{agency}', '12')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{published}', '20200101')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{requests,received,total}', '"273"')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{review,reconsideration}', '[0, 0, 0, 0, 0]')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{diagnostics}', '[{"code": "cell.blank"}]')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{sections,0,no}', '7')) FROM base;
-- counts and amounts out of range
SELECT govdisc_is_valid(jsonb_set(d, '{review,reconsideration,total}', '9223372036854775808')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{review,reconsideration,total}', '-9223372036854775808')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{active,procurement,amount_yuan}', '1e30')) FROM base;
-- dates of the calendar only
SELECT govdisc_is_valid(jsonb_set(d, '{published}', '"2020-13-45"')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{published}', '"2021-02-29"')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{published}', '"2021/01/05"')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{published}', '"2020-02-29"')) AS leap_day,
       govdisc_is_valid(jsonb_set(d, '{published}', 'null')) AS no_date FROM base;
-- every overload answers alike, with SQLSTATE 22023 (invalid_parameter_value)
\set VERBOSITY sqlstate
SELECT count(*) FROM base, govdisc_check(d || '{"recieved": 1}');
SELECT govdisc_assert_valid(d || '{"recieved": 1}') FROM base;
SELECT govdisc_report(jsonb_set(d, '{published}', '"2020-13-45"')) FROM base;
\set VERBOSITY default

-- ---- sums beyond the range of a count: a violation with its figures
SELECT rule, expected, actual, message FROM base,
	govdisc_check(jsonb_set(d, '{review,reconsideration}',
		'{"upheld": 9223372036854775807, "corrected": 1, "other": 0, "pending": 0, "total": 9223372036854775807}'))
WHERE severity = 'error';
SELECT rule, col_key, expected, actual FROM base,
	govdisc_check(jsonb_set(jsonb_set(d, '{requests,received,natural_person}', '9223372036854775807'),
		'{requests,received,enterprise}', '9223372036854775807'))
WHERE rule = 'requests.row_sum';
SELECT govdisc_is_valid(jsonb_set(d, '{review,reconsideration}',
	'{"upheld": 9223372036854775807, "corrected": 1, "other": 0, "pending": 0, "total": 9223372036854775807}')) FROM base;

-- ---- text that is not a report: no figure to correct
SELECT govdisc_assert_valid('这不是年度报告。');
SELECT govdisc_assert_valid('{"schema": 1}'::jsonb);
-- a report with figures that break a rule still says which
\set notadd `cat test/samples/reports/word-2021-does-not-add-up.txt`
SELECT govdisc_assert_valid(:'notadd');
