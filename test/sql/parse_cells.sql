-- govdisc_parse: what each kind of cell becomes.  Reports written for this
-- test, Word-text layout (a cell per line behind a tab, blank line after a row).
CREATE EXTENSION IF NOT EXISTS govdisc;

-- 表二 of the 2019 format with every kind of cell the reports print
SELECT govdisc_parse(E'青禾县测试局2020年政府信息公开工作年度报告\n'
	'一、总体情况\n本年度工作平稳。\n'
	'二、主动公开政府信息情况\n'
	'\t第二十条第（一）项\n\n'
	'\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\t对外公开总数量\n\n'
	'\t规    章\n\t/\n\t-\n\t—\n\n'
	'\t规范性文件（本单位制发的）\n\t１２\n\t1,234\n\t无\n\n'
	'\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n\n'
	'\t行政许可\n\t8\n\t+1\n\t130774个\n\n'
	'\t其他对外管理服务事项\n\t2\n\t－20\n\t3.5\n\n'
	'\t行政处罚\n\t99999999999999999999\n\t0\n\t若干\n\n'
	'\t行政强制\n\t\n\t0\n\t0\n\n'
	'\t信息内容\n\t上一年项目数量\n\t本年增/减\n\n'
	'\t行政事业性收费\n\t2\n\t0\n\n'
	'\t信息内容\n\t采购项目数量\n\t采购总金额\n\n'
	'\t政府集中采购\n\t5\n\t299.025万\n\n'
	'三、收到和处理政府信息公开申请情况\n') AS d \gset
SELECT jsonb_pretty(:'d'::jsonb -> 'active');
SELECT x->>'code' AS code, x->>'row' AS row, x->>'column' AS col, x->>'message' AS message
FROM jsonb_array_elements(:'d'::jsonb -> 'diagnostics') x
WHERE x->>'table' = 'active' ORDER BY x->>'row', x->>'column';

-- amounts: the unit comes from the cell, else from the header; none is null
CREATE TEMP TABLE amounts (header text, cell text);
INSERT INTO amounts VALUES
	('采购总金额', '5万元'), ('采购总金额', '27.65万元'), ('采购总金额', '984361元'),
	('采购总金额', '176586650.10元'), ('采购总金额（元）', '329164'),
	('采购总金额（万元）', '29.5'), ('采购总金额', '329164'), ('采购总金额（万元）', '12元');
SELECT header, cell, p->'active'->'procurement'->'amount_yuan' AS amount_yuan,
	   p->'active'->'procurement'->>'amount_text' AS amount_text,
	   (SELECT string_agg(x->>'code', ',') FROM jsonb_array_elements(p->'diagnostics') x
		WHERE x->>'row' = 'procurement') AS diagnostics
FROM amounts,
	 govdisc_parse(E'二、主动公开政府信息情况\n\t第二十条第（九）项\n\n'
		'\t信息内容\n\t采购项目数量\n\t' || header || E'\n\n'
		'\t政府集中采购\n\t3\n\t' || cell || E'\n\n') p
ORDER BY 1, 2;

-- the 2021 format: 收费金额 is in 万元 by the template
SELECT p->'template' AS template, p->'active'->'fees' AS fees, p->'active'->'licensing' AS licensing
FROM govdisc_parse(E'二、主动公开政府信息情况\n\t第二十条第（五）项\n\n'
	'\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t550\n\n'
	'\t第二十条第（八）项\n\n\t信息内容\n\t本年收费金额（单位：万元）\n\n'
	'\t行政事业性收费\n\t7730.28\n\n') p;

-- a second table after the first (本级 after 全市): the first reading of a row stands
SELECT p->'active'->'licensing' AS licensing
FROM govdisc_parse(E'二、主动公开政府信息情况\n\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t550\n\n'
	'（市本级）\n\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t12\n\n') p;
