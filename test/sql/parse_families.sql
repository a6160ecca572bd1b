-- govdisc_parse on the layouts of issue 14, in texts written for this test:
-- 1. web text where some cells are apart by a space and others run together;
-- 2. a row's figures followed at once by the next label's numbering;
-- 5. amounts in 万元 with decimals, exact.
CREATE EXTENSION IF NOT EXISTS govdisc;

-- Family 1 and 2: a 2021 表三 and 表四 as one line of web text.  A space is a
-- certain boundary; each run of digits between spaces is cut by the row's
-- seven cells and the sums.  "471 0 0 0 048" is 47|1|0|0|0|0|48 (the row
-- sum rules out 4|71); "12 10 00013" has two cuts that add up (12|1|… and
-- 1|2|10|…): the balance rule keeps 12|1.  "…申请5 0 0 0 0 052.申请人…" ends
-- with the numbering of the next label, and the two rows printed empty
-- (…申请3.其他(七)总计) are blank.
SELECT govdisc_parse(E'青禾县测试局2021年政府信息公开工作年度报告\n'
	'一、总体情况\n本年度工作平稳。\n'
	'三、收到和处理政府信息公开申请情况\n'
	'申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他'
	'一、本年新收政府信息公开申请数量471 0 0 0 048'
	'二、上年结转政府信息公开申请数量0 0 0 0 0 00'
	'三、本年度办理结果（一）予以公开200 000020'
	'（二）部分公开（区分处理的，只计这一情形，不计其他情形）00 0 0 0 00'
	'（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0 0 0 0 0 00'
	'3.危及“三安全一稳定”0 0 00 0 004.保护第三方合法权益0000 0005.属于三类内部事务信息0 0 0 0 0 0 0'
	'6.属于四类过程性信息0 0 0 0 0 007.属于行政执法案卷0 0 0 0 0 008.属于行政查询事项0 0 0 0 0 00'
	'（四）无法提供1.本机关不掌握相关政府信息10 0 0 0 0 0102.没有现成信息需要另行制作0 0 0 0 0 00'
	'3.补正后申请内容仍不明确0 0 0 0 0 00'
	'（五）不予处理1.信访举报投诉类申请0 0 0 0 0 002.重复申请0 0 0 0 0 003.要求提供公开出版物0 0 0 0 0 00'
	'4.无正当理由大量反复申请0 0 0 0 0 005.要求行政机关确认或重新出具已获取信息0 0 0 0 0 00'
	'（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请5 0 0 0 0 05'
	'2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请3.其他'
	'（七）总计350 0 0 0 035四、结转下年度继续办理12 10 00013\n'
	'四、政府信息公开行政复议、行政诉讼情况\n'
	'行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉'
	'结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计'
	'10 0 01 00 0 00 0 0 0 00\n'
	'五、存在的主要问题及改进情况\n无。\n') AS d \gset
SELECT key, value FROM jsonb_each(:'d'::jsonb -> 'requests') ORDER BY key;
SELECT jsonb_pretty(:'d'::jsonb -> 'review');
SELECT x->>'code' AS code, x->>'table' AS tbl, x->>'row' AS row, x->>'column' AS col,
	   x->>'message' AS message
FROM jsonb_array_elements(:'d'::jsonb -> 'diagnostics') x
WHERE x->>'table' IN ('requests', 'review') ORDER BY 2, 3, 4, 1;
-- the reading adds up: no rule of severity error fails but the one saying
-- that this text has no 表二
SELECT rule, row_key FROM govdisc_check(:'d'::jsonb) WHERE severity = 'error';

-- Family 1, ambiguous: "12 10 00013" alone, with no other row to decide:
-- both cuts add up, the three cells they disagree on are null, each listed
SELECT govdisc_parse(E'三、收到和处理政府信息公开申请情况\n'
	'申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他'
	'一、本年新收政府信息公开申请数量12 10 00013二、上年结转政府信息公开申请数量0 0 0 0 0 00\n'
	'四、政府信息公开行政复议、行政诉讼情况\n') AS a \gset
SELECT :'a'::jsonb -> 'requests' -> 'received' AS received,
	   :'a'::jsonb -> 'requests' -> 'carried_over' AS carried_over;
SELECT x->>'code' AS code, x->>'row' AS row, x->>'column' AS col, x->>'message' AS message
FROM jsonb_array_elements(:'a'::jsonb -> 'diagnostics') x
WHERE x->>'code' LIKE 'cell.%' ORDER BY 2, 3;

-- Family 1: a row whose digits cannot make seven cells stays null
SELECT p -> 'requests' -> 'received' AS received,
	   (SELECT string_agg(x->>'code', ',') FROM jsonb_array_elements(p -> 'diagnostics') x
		WHERE x->>'row' = 'received') AS diagnostics
FROM govdisc_parse(E'三、收到和处理政府信息公开申请情况\n'
	'一、本年新收政府信息公开申请数量0 00000二、上年结转政府信息公开申请数量0 0 0 0 0 00\n'
	'四、政府信息公开行政复议、行政诉讼情况\n') p;

-- Family 5: amounts in 万元 with decimals, exact; more decimals than the
-- scale holds (10^-8 万元) give null and a diagnostic, never a rounded value
SELECT p -> 'active' -> 'procurement' AS procurement
FROM govdisc_parse(E'二、主动公开政府信息情况\n\t第二十条第（九）项\n\n'
	'\t信息内容\n\t采购项目数量\n\t采购总金额\n\n'
	'\t政府集中采购\n\t7\n\t31876.402519万元\n\n') p;
CREATE TEMP TABLE fees (cell text);
INSERT INTO fees VALUES ('0.0001'), ('5949.09'), ('12.34567891'), ('12.345678912'), ('3.10000000000');
SELECT cell, p -> 'active' -> 'fees' -> 'amount_yuan' AS amount_yuan,
	   (SELECT string_agg(x->>'code' || ' ' || (x->>'message'), ',') FROM jsonb_array_elements(p -> 'diagnostics') x
		WHERE x->>'row' = 'fees') AS diagnostics
FROM fees, govdisc_parse(E'二、主动公开政府信息情况\n\t第二十条第（八）项\n\n'
	'\t信息内容\n\t本年收费金额（单位：万元）\n\n'
	'\t行政事业性收费\n\t' || cell || E'\n\n') p
ORDER BY 1;
-- 元 holds four decimals
SELECT p -> 'active' -> 'procurement' -> 'amount_yuan' AS amount_yuan,
	   (SELECT string_agg(x->>'code', ',') FROM jsonb_array_elements(p -> 'diagnostics') x
		WHERE x->>'row' = 'procurement') AS diagnostics
FROM (VALUES ('176586650.1234元'), ('176586650.12345元')) v(cell),
	 govdisc_parse(E'二、主动公开政府信息情况\n\t第二十条第（九）项\n\n'
		'\t信息内容\n\t采购项目数量\n\t采购总金额\n\n'
		'\t政府集中采购\n\t3\n\t' || cell || E'\n\n') p;
-- 信息处理费 in part 六's prose
SELECT p -> 'processing_fees' AS processing_fees,
	   (SELECT string_agg(x->>'code', ',') FROM jsonb_array_elements(p -> 'diagnostics') x
		WHERE x->>'table' = 'processing_fees') AS diagnostics
FROM (VALUES ('本年度共收取信息处理费0.0125万元。'), ('本年度共收取信息处理费1.234567891万元。')) v(prose),
	 govdisc_parse(E'青禾县测试局2021年政府信息公开工作年度报告\n'
		'六、其他需要报告的事项\n' || prose || E'\n') p;

-- 2019 政府集中采购 run together with its amount (1250400.5元): the amount the
-- prose states (采购…金额50400.5元) leaves one cut, 12 | 50400.5; without it
-- the cut is unknown and both cells are null
SELECT p -> 'active' -> 'procurement' AS procurement,
	   (SELECT string_agg(x->>'code' || ' ' || (x->>'message'), ',') FROM jsonb_array_elements(p -> 'diagnostics') x
		WHERE x->>'row' = 'procurement') AS diagnostics
FROM (VALUES ('本年通过政府采购网发布采购信息12批次，涉及金额50400.5元。'), ('本年无其他情况。')) v(prose),
	 govdisc_parse(E'二、主动公开政府信息情况\n' || prose || E'\n'
		'第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件111'
		'第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购1250400.5元\n'
		'三、收到和处理政府信息公开申请情况\n') p
ORDER BY 1;
