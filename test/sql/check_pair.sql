-- govdisc_check_pair: the rules across two consecutive reports of one agency,
-- each holding and failing, on hand-made documents.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

-- Two consecutive reports in the 2019 format (2019 and 2020) that agree:
-- 上年结转 of 2020 = 结转下年度 of 2019, and 上一年项目数量 of 2020 =
-- 上一年项目数量 + 本年增/减 of 2019.  Only the keys the pair rules read.
CREATE TEMP TABLE pair19 AS
SELECT '{"schema": 1, "template": "2019", "year": 2019,
		 "active": {"licensing": {"prior": 8, "change": 2, "decisions": 30},
					"other_services": {"prior": 3, "change": 0, "decisions": 7},
					"penalties": {"prior": 5, "change": -1, "decisions": 9},
					"coercion": {"prior": 0, "change": 0, "decisions": 0},
					"fees": {"prior": 1, "change": 0}},
		 "requests": {"other_handling": {},
					  "carried_forward": {"natural_person": 1, "enterprise": 0, "research": 0, "ngo": 0,
										  "legal": 0, "other_org": 0, "total": 1}}}'::jsonb AS prev,
	   '{"schema": 1, "template": "2019", "year": 2020,
		 "active": {"licensing": {"prior": 10, "change": 2, "decisions": 30},
					"other_services": {"prior": 3, "change": 0, "decisions": 7},
					"penalties": {"prior": 4, "change": -1, "decisions": 9},
					"coercion": {"prior": 0, "change": 0, "decisions": 0},
					"fees": {"prior": 1, "change": 0}},
		 "requests": {"other_handling": {},
					  "carried_over": {"natural_person": 1, "enterprise": 0, "research": 0, "ngo": 0,
									   "legal": 0, "other_org": 0, "total": 1}}}'::jsonb AS cur;

-- The same agency in the 2021 format (2021 and 2022):
-- 现行有效件数 of 2022 = that of 2021 + 本年制发件数 - 本年废止件数 of 2022.
CREATE TEMP TABLE pair21 AS
SELECT jsonb_set(jsonb_set(prev, '{template}', '"2021"'), '{year}', '2021')
		 || '{"active": {"rules": {"issued": 0, "repealed": 0, "in_force": 4},
						 "normative_documents": {"issued": 3, "repealed": 0, "in_force": 9}}}' AS prev,
	   jsonb_set(jsonb_set(cur, '{template}', '"2021"'), '{year}', '2022')
		 || '{"active": {"rules": {"issued": 1, "repealed": 0, "in_force": 5},
						 "normative_documents": {"issued": 2, "repealed": 1, "in_force": 10}}}' AS cur
FROM pair19;

-- all four rules hold
SELECT count(*) FROM pair19, govdisc_check_pair(prev, cur);
SELECT count(*) FROM pair21, govdisc_check_pair(prev, cur);

-- pair.carryover: 上年结转 of this year differs from last year's 结转下年度
SELECT c.* FROM pair19, govdisc_check_pair(
	jsonb_set(jsonb_set(prev, '{requests,carried_forward,natural_person}', '3'),
			  '{requests,carried_forward,total}', '3'), cur) c;
-- ... not assessable where either cell is blank
SELECT count(*) FROM pair19, govdisc_check_pair(
	jsonb_set(prev, '{requests,carried_forward,total}', '3'),
	jsonb_set(cur, '{requests,carried_over,total}', 'null'));
-- ... nor when either report lacks 表三
SELECT count(*) FROM pair19, govdisc_check_pair(jsonb_set(prev, '{requests}', 'null'), cur);

-- pair.in_force (2021 format): 9 + 2 - 1 = 10 holds, 11 does not
SELECT c.* FROM pair21, govdisc_check_pair(prev, jsonb_set(cur, '{active,normative_documents,in_force}', '11')) c;
-- ... not assessable with a blank operand
SELECT count(*) FROM pair21, govdisc_check_pair(prev,
	jsonb_set(jsonb_set(cur, '{active,normative_documents,in_force}', '11'),
			  '{active,normative_documents,repealed}', 'null'));

-- pair.prior_items (2019 format): last year's 8 + 2 must be this year's 10
SELECT c.* FROM pair19, govdisc_check_pair(prev, jsonb_set(cur, '{active,licensing,prior}', '12')) c;
SELECT c.rule, c.row_key, c.expected, c.actual FROM pair19, govdisc_check_pair(
	jsonb_set(prev, '{active,fees,change}', '2'), cur) c;
-- ... each format's own rule only: across a change of format neither applies
SELECT count(*) FROM pair19, pair21, govdisc_check_pair(pair19.prev,
	jsonb_set(jsonb_set(pair21.cur, '{active,normative_documents,in_force}', '11'), '{year}', '2020'));

-- pair.year: the current report must be on the year after the previous one
SELECT c.* FROM pair19, govdisc_check_pair(prev, jsonb_set(cur, '{year}', '2021')) c;
SELECT c.* FROM pair19, govdisc_check_pair(cur, prev) c;
SELECT count(*) FROM pair19, govdisc_check_pair(jsonb_set(prev, '{year}', 'null'), cur);

-- several at once, in catalog order
SELECT c.rule, c.severity, c.row_key, c.col_key FROM pair19, govdisc_check_pair(
	jsonb_set(jsonb_set(prev, '{year}', '2018'), '{requests,carried_forward,enterprise}', '1'),
	jsonb_set(cur, '{active,penalties,prior}', '5')) c;

-- the text overloads parse both reports; texts without tables or years give nothing
SELECT count(*) FROM govdisc_check_pair('', '');

-- strict, and not-a-document errors as for govdisc_check
SELECT count(*) FROM pair19, govdisc_check_pair(prev, NULL::jsonb);
SELECT * FROM pair19, govdisc_check_pair(prev, '{"year": 2020}'::jsonb);
SELECT * FROM pair19, govdisc_check_pair(prev, jsonb_set(cur, '{requests,carried_over,total}', 'true'));
