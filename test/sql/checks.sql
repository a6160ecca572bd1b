-- govdisc_check, govdisc_is_valid, govdisc_assert_valid: every rule of the
-- catalog holding and failing, mostly on hand-made documents derived from
-- one valid document with jsonb_set.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

-- A complete, consistent report in the 2019 format, on 2020.  表三: only
-- 自然人 and 商业企业 have figures; 新收 12 + 结转 1 = 总计 11 + 结转下年 2.
CREATE TEMP TABLE base AS
SELECT jsonb_build_object(
	'schema', 1, 'template', '2019', 'agency', '测试局', 'year', 2020,
	'published', '2021-01-20',
	'sections', (SELECT jsonb_agg(jsonb_build_object('no', n, 'title', t, 'start', n * 100, 'length', 90) ORDER BY n)
				 FROM unnest(ARRAY['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况',
								   '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况',
								   '其他需要报告的事项']) WITH ORDINALITY AS s(t, n)),
	'active', '{"rules": {"made": 1, "published": 1, "total": 5},
				"normative_documents": {"made": 2, "published": 2, "total": 10},
				"licensing": {"prior": 10, "change": 2, "decisions": 30},
				"other_services": {"prior": 3, "change": 0, "decisions": 7},
				"penalties": {"prior": 4, "change": -1, "decisions": 9},
				"coercion": {"prior": 0, "change": 0, "decisions": 0},
				"fees": {"prior": 1, "change": 0},
				"procurement": {"projects": 3, "amount_yuan": 500000, "amount_text": "50万元"}}'::jsonb,
	'requests', (SELECT jsonb_object_agg(k, jsonb_build_object(
						'natural_person', coalesce(np, 0), 'enterprise', coalesce(ent, 0),
						'research', 0, 'ngo', 0, 'legal', 0, 'other_org', 0,
						'total', coalesce(np, 0) + coalesce(ent, 0)))
				 FROM unnest(ARRAY['received', 'carried_over', 'granted', 'partial',
								   'denied_secret', 'denied_law', 'denied_safety', 'denied_third_party',
								   'denied_internal', 'denied_process', 'denied_enforcement', 'denied_query',
								   'unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear',
								   'rejected_complaint', 'rejected_duplicate', 'rejected_publication',
								   'rejected_excessive', 'rejected_confirmation', 'other_handling',
								   'total', 'carried_forward']) AS k
				 LEFT JOIN (VALUES ('received', 10, 2), ('carried_over', 1, 0), ('granted', 6, 2),
								   ('partial', 1, 0), ('unavailable_not_held', 2, 0),
								   ('total', 9, 2), ('carried_forward', 2, 0)) AS v(row_key, np, ent)
				 ON v.row_key = k),
	'review', '{"reconsideration": {"upheld": 2, "corrected": 1, "other": 0, "pending": 0, "total": 3},
				"litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
				"litigation_after_reconsideration": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}}'::jsonb,
	'processing_fees', NULL,
	'diagnostics', '[]'::jsonb) AS d;

-- The same in the 2021 format, on 2022: 表二 of 2021, （六） in three rows,
-- part 六 on 信息处理费.
CREATE TEMP TABLE base21 AS
SELECT d || jsonb_build_object(
	'template', '2021', 'year', 2022,
	'active', '{"rules": {"issued": 1, "repealed": 0, "in_force": 5},
				"normative_documents": {"issued": 2, "repealed": 1, "in_force": 10},
				"licensing": {"decisions": 30}, "penalties": {"decisions": 9},
				"coercion": {"decisions": 0}, "fees": {"amount_yuan": 123456.78}}'::jsonb,
	'requests', (d -> 'requests') - 'other_handling' || jsonb_build_object(
		'other_no_correction', d #> '{requests,other_handling}',
		'other_no_fee', d #> '{requests,other_handling}',
		'other_misc', d #> '{requests,other_handling}'),
	'processing_fees', '{"cases": 0, "amount_yuan": 0}'::jsonb) AS d
FROM base;

-- both bases break no rule at all
SELECT count(*) FROM base, govdisc_check(d);
SELECT count(*) FROM base21, govdisc_check(d);
SELECT govdisc_is_valid(d), govdisc_assert_valid(d) FROM base;
SELECT govdisc_is_valid(d), govdisc_assert_valid(d) FROM base21;

-- requests.balance: 新收 of 自然人 one more (its row total too)
SELECT c.* FROM base, govdisc_check(jsonb_set(jsonb_set(d,
	'{requests,received,natural_person}', '11'), '{requests,received,total}', '13')) c;
-- ... a blank operand makes that column not assessable; the blank is listed once
SELECT c.* FROM base, govdisc_check(jsonb_set(jsonb_set(jsonb_set(d,
	'{requests,received,natural_person}', '11'), '{requests,received,total}', '13'),
	'{requests,carried_forward,natural_person}', 'null')) c;

-- requests.results_sum: one 国家秘密 more than （七）总计 counts
SELECT c.* FROM base, govdisc_check(jsonb_set(jsonb_set(d,
	'{requests,denied_secret,natural_person}', '1'), '{requests,denied_secret,total}', '1')) c;
-- the 2021 format sums the three rows of （六）
SELECT c.* FROM base21, govdisc_check(jsonb_set(jsonb_set(d,
	'{requests,other_misc,other_org}', '1'), '{requests,other_misc,total}', '1')) c;

-- requests.row_sum: a row whose 总计 is not the sum of its applicants
SELECT c.* FROM base, govdisc_check(jsonb_set(d, '{requests,rejected_duplicate,total}', '1')) c;
-- ... not assessable when an applicant column is blank (listed by blank_cells)
SELECT c.rule, c.row_key, c.col_key FROM base, govdisc_check(jsonb_set(jsonb_set(d,
	'{requests,rejected_duplicate,total}', '1'), '{requests,rejected_duplicate,legal}', 'null')) c;

-- review.sum: totals printed as 0 although cases are counted (as in a real report)
SELECT c.* FROM base, govdisc_check(jsonb_set(jsonb_set(d,
	'{review,reconsideration,total}', '0'), '{review,litigation_after_reconsideration,upheld}', '5')) c;
-- ... a row of which only the total is known is not assessable
SELECT c.rule, c.row_key, c.message FROM base, govdisc_check(jsonb_set(d,
	'{review,litigation_direct}', '{"upheld": null, "corrected": null, "other": null, "pending": null, "total": 4}')) c;

-- values.non_negative: 本年增/减 may be negative, counts and amounts may not
SELECT count(*) FROM base, govdisc_check(jsonb_set(d, '{active,licensing,change}', '-5'));
SELECT c.* FROM base, govdisc_check(jsonb_set(jsonb_set(jsonb_set(d,
	'{active,coercion,decisions}', '-1'), '{active,procurement,amount_yuan}', '-1.5'),
	'{review,litigation_direct}', '{"upheld": 0, "corrected": 0, "other": 2, "pending": -2, "total": 0}')) c;
SELECT c.* FROM base21, govdisc_check(jsonb_set(d, '{processing_fees,amount_yuan}', '-0.01')) c;

-- completeness.tables: a table that is null or absent
SELECT c.* FROM base, govdisc_check(jsonb_set(d, '{review}', 'null')) c;
SELECT c.rule, c.severity, c.tbl FROM govdisc_check('{"schema": 1}'::jsonb) c;
-- ... a present table is present even when nearly blank
SELECT c.rule, count(*) FROM base, govdisc_check(jsonb_set(d, '{requests}',
	(SELECT jsonb_object_agg(k, '{"natural_person": null, "enterprise": null, "research": null, "ngo": null, "legal": null, "other_org": null, "total": null}'::jsonb)
	 FROM jsonb_object_keys(d -> 'requests') AS k))) c GROUP BY 1;

-- completeness.blank_cells: one finding per row, col_key lists the blank columns
SELECT c.* FROM base, govdisc_check(jsonb_set(jsonb_set(jsonb_set(d,
	'{requests,partial,research}', 'null'), '{requests,partial,legal}', 'null'),
	'{active,rules}', '{"made": null, "published": null, "total": null}')) c;
-- an amount whose text is kept but whose unit is unknown is not a blank cell
SELECT count(*) FROM base, govdisc_check(jsonb_set(d, '{active,procurement,amount_yuan}', 'null'));
SELECT c.rule, c.row_key, c.col_key FROM base, govdisc_check(jsonb_set(jsonb_set(d,
	'{active,procurement,amount_yuan}', 'null'), '{active,procurement,amount_text}', 'null')) c;

-- completeness.sections: a part missing, parts out of order
SELECT c.* FROM base, govdisc_check(d #- '{sections,4}') c;
SELECT c.message FROM base, govdisc_check(jsonb_set(jsonb_set(d,
	'{sections,2,no}', '4'), '{sections,3,no}', '3')) c;

-- template.year: 2019 format on 2019 and 2020 is right, on 2022 not; mixed always
SELECT count(*) FROM base, govdisc_check(jsonb_set(d, '{year}', '2019'));
SELECT c.* FROM base, govdisc_check(jsonb_set(d, '{year}', '2022')) c;
SELECT c.* FROM base21, govdisc_check(jsonb_set(d, '{year}', '2020')) c;
SELECT c.* FROM base, govdisc_check(d || (SELECT jsonb_build_object('template', 'mixed', 'year', 2023,
	'active', d -> 'active', 'processing_fees', d -> 'processing_fees') FROM base21)) c;
-- an unknown year is not assessable
SELECT count(*) FROM base, govdisc_check(jsonb_set(d, '{year}', 'null'));

-- active.decisions_vs_items: 处理决定数量 = 上一年项目数量 + 本年增/减 (4 - 1)
SELECT c.* FROM base, govdisc_check(jsonb_set(d, '{active,penalties,decisions}', '3')) c;
-- the base's 行政强制 is all zeros: that says nothing
SELECT d #> '{active,coercion}' FROM base;

-- fees.disclosed: the 2021 format asks part 六 about 信息处理费
SELECT c.* FROM base21, govdisc_check(jsonb_set(d, '{processing_fees}', 'null')) c;
SELECT d -> 'processing_fees' FROM base;

-- prose.requests: a stored document keeps no prose, so it is not assessable
-- (test/core/unit_rules.c covers it on parsed text)
SELECT count(*) FROM base, govdisc_check(d) c WHERE c.rule = 'prose.requests';

-- order: catalog order, then table, row and column
SELECT c.rule, c.tbl, c.row_key, c.col_key FROM base, govdisc_check(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(d,
	'{year}', '2021'), '{sections}', '[]'), '{requests,received,total}', '13'),
	'{review,reconsideration,total}', '4'), '{active,rules}', '{"made": -1, "published": null, "total": 5}')) c;

-- govdisc_is_valid is false exactly when a finding is an error
SELECT govdisc_is_valid(jsonb_set(d, '{review,reconsideration,total}', '4')) AS error,
	   govdisc_is_valid(jsonb_set(d, '{year}', '2022')) AS warning_only
FROM base;
SELECT govdisc_is_valid(NULL::jsonb) IS NULL AS strict;

-- govdisc_assert_valid: the error names each broken rule, one per line
SELECT govdisc_assert_valid(jsonb_set(jsonb_set(d,
	'{review,reconsideration,total}', '0'), '{review,litigation_after_reconsideration,upheld}', '5'))
FROM base;
-- ... with the SQLSTATE of a CHECK constraint; a non-document is an invalid parameter
DO $$
BEGIN
	PERFORM govdisc_assert_valid(jsonb_set(d, '{review,reconsideration,total}', '0')) FROM base;
EXCEPTION WHEN check_violation THEN
	RAISE NOTICE 'check_violation: %', SQLERRM;
END $$;
DO $$
BEGIN
	PERFORM govdisc_assert_valid('{}'::jsonb);
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'invalid_parameter_value: %', SQLERRM;
END $$;

-- the text overloads parse first; a text without tables lacks all three
SELECT c.rule, c.severity, c.tbl FROM govdisc_check('') c;
SELECT govdisc_is_valid('');
SELECT govdisc_assert_valid('');
-- a bare literal is text: a document must be cast to jsonb
SELECT count(*) FROM govdisc_check('{"schema": 1}');

-- documents that are not govdisc documents
SELECT * FROM govdisc_check('[1, 2]'::jsonb);
SELECT * FROM govdisc_check('"text"'::jsonb);
SELECT * FROM govdisc_check('{"requests": null}'::jsonb);
SELECT * FROM govdisc_check('{"schema": 2}'::jsonb);
SELECT govdisc_is_valid('{"schema": 1, "template": "2020"}'::jsonb);
SELECT govdisc_is_valid('{"schema": 1, "year": "2020"}'::jsonb);
SELECT govdisc_is_valid('{"schema": 1, "requests": []}'::jsonb);
SELECT govdisc_is_valid('{"schema": 1, "requests": {"received": 3}}'::jsonb);
SELECT govdisc_is_valid(jsonb_set(d, '{requests,received,total}', '"12"')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{requests,received,total}', '12.5')) FROM base;
SELECT govdisc_is_valid(jsonb_set(d, '{active,procurement,amount_yuan}', '1.23456')) FROM base;
-- 10^15 yuan has no room in 10^-4 units of a bigint
SELECT govdisc_is_valid(jsonb_set(d, '{active,procurement,amount_yuan}', '1000000000000000')) FROM base;
SELECT c.* FROM base, govdisc_check(jsonb_set(d, '{sections,0}', '"总体情况"')) c;
-- whole numbers written with decimals, and large counts, are read exactly
SELECT c.expected, c.actual FROM base, govdisc_check(jsonb_set(jsonb_set(d,
	'{requests,received,total}', '12.00'), '{requests,carried_over,total}', '123456789012')) c
WHERE c.rule = 'requests.balance';

-- a CHECK constraint on stored documents tells who inserts what is wrong
CREATE TEMP TABLE reports (id int PRIMARY KEY, d jsonb NOT NULL CHECK (govdisc_assert_valid(d)));
INSERT INTO reports SELECT 1, d FROM base;
INSERT INTO reports SELECT 2, jsonb_set(d, '{requests,total,enterprise}', '3') FROM base;
SELECT id FROM reports;

-- ... and on a generated column parsed from the text
CREATE TEMP TABLE report_texts (
	id int PRIMARY KEY,
	body text NOT NULL,
	d jsonb GENERATED ALWAYS AS (govdisc_parse(body)) STORED CHECK (govdisc_assert_valid(d)));
INSERT INTO report_texts (id, body) VALUES (1, '这不是年度报告。');
