-- govdisc_parse on PDFs converted to text, in the layouts the converters
-- give (issue 14, families 3 and 4): every cell read exactly, or null with a
-- diagnostic that says why, never a figure from a neighbouring row or cell.
CREATE EXTENSION IF NOT EXISTS govdisc;

-- The cells of one table of a document that differ from what the report
-- prints (truth: {row: {column: value}}; a null there means "null").
CREATE FUNCTION pg_temp.wrong(d jsonb, tbl text, truth jsonb)
RETURNS TABLE (row_key text, col_key text, got jsonb, want jsonb) LANGUAGE sql AS $$
	SELECT r.key, c.key, coalesce(d->tbl->r.key->c.key, 'null'), c.value
	FROM jsonb_each(truth) r, jsonb_each(r.value) c
	WHERE coalesce(d->tbl->r.key->c.key, 'null') IS DISTINCT FROM c.value
	ORDER BY 1, 2
$$;
-- the diagnostics, one line per code and place
CREATE FUNCTION pg_temp.diags(d jsonb)
RETURNS TABLE (code text, tbl text, row_key text, col_keys text) LANGUAGE sql AS $$
	SELECT x->>'code', x->>'table', x->>'row', string_agg(x->>'column', ',' ORDER BY n)
	FROM jsonb_array_elements(d->'diagnostics') WITH ORDINALITY AS e(x, n)
	GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
$$;

CREATE TEMP TABLE docs (name text, d jsonb);

-- Family 3: a 2021 report converted from PDF to Markdown.  The title is two
-- headings (agency, then year and title); 表二's column headers are cut over
-- two rows (本年制发 / 件数), a label over two cells (行政 | 许可, 行政规范 |
-- 性文件 with the figures in the next row) or over two rows with the figures
-- in the first (行政处 / 罚, 行政事业 / 性收费); in 表三 labels run on in the
-- row below with empty figure cells (4.保护第三方 / 合法权益, 6.属于四类过 /
-- 程性信息, and 2.申请人逾期未按收 / 费通知要求缴纳费用…, whose second half is
-- a label of its own), a row is spread over two rows with its figures in the
-- second ((六)1.) and over three ((五)5.), the header block is repeated after a page
-- break (its 总计 is no row), a row prints blank cells (5.属于三类内部事务信息),
-- a row prints no cell at all (2.重复申请) above a label the OCR garbled
-- (出版勿): its figures are not 2.重复申请's; 表四's header spans three rows,
-- one of them all blank, with blank cells after the last header word.
INSERT INTO docs SELECT 'markdown 2021', govdisc_parse($md$# 澄江市生态环境局
# 2025年政府信息公开工作年度报告

## 一、总体情况

2025年，本局收到政府信息公开申请11件，上年结转1件。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发 | 本年废止 | 现行有效 |
| | 件数 | 件数 | 件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范 | 性文件 | | |
| | 2 | 0 | 9 |
| 第二十条第（五）项 | | | |
| 信息内容 | 本年处理 | | |
| | 决定数量 | | |
| 行政 | 许可 | 86 | |
| 第二十条第（六）项 | | | |
| 信息内容 | 本年处理 | | |
| | 决定数量 | | |
| 行政处 | 31 | | |
| 罚 | | | |
| 行政强制 | 0 | | |
| 第二十条第（八）项 | | | |
| 信息内容 | 本年收费 | | |
| | 金额（单位：万元） | | |
| 行政事业 | 0 | | |
| 性收费 | | | |

## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |
|---|---|---|---|---|---|---|---|---|---|
| | | | 自然人 | 法人或其他组织 | | | | | 其他 | 总计 |
| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | | |
| 一、本年新收政府信息公开申请数量 | | | 9 | 2 | 0 | 0 | 0 | 0 | 11 |
| 二、上年结转政府信息公开申请数量 | | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 三、本年度办理结果 | （一）予以公开 | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |
| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 4.保护第三方 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 合法权益 | | | | | | | |
| | | 5.属于三类内部事务信息 | | | | | | | |
| | | 6.属于四类过 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| | | 程性信息 | | | | | | | |
| | | 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （四）无法提供 | 1.本机关不掌握相关政府信息 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
| | | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （以下接第2页） | | | | | | | | | |
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |
| | | | 自然人 | 法人或其他组织 | | | | | 其他 | 总计 |
| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | | |
| | （五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 2.重复申请 |
| | | 3.要求提供公开出版勿 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| | | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 5.要求行政机关确认或重新 | | | | | | | |
| | | 出具已获取信息 | | | | | | | |
| | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再 | | | | | | | |
| | | 处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| | | 2.申请人逾期未按收 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
| | | 费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | | | | | | | |
| | | 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （七）总计 | | 9 | 2 | 0 | 0 | 0 | 0 | 11 |
| 四、结转下年度继续办理 | | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |

## 四、政府信息公开行政复议、行政诉讼情况

| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| | | | | | | | | | | | | | | |
| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |
| 结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 |
| 维持 | 纠正 | 结果 | 审结 | | 维持 | 纠正 | 结果 | 审结 | | 维持 | 纠正 | 结果 | 审结 | |
| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

无。

## 六、其他需要报告的事项

本年度共收取信息处理费2件，共计1,200元。
$md$);

-- Family 3: a 2019 report as Markdown: the title a level-2 heading with the
-- year first, the parts' headings in bold (**二、…**), 表二's headers cut
-- over two rows, the unit of 采购总金额 in the cut header, 表四's headers over
-- two rows, 信息处理费 stated in part 六's prose.
INSERT INTO docs SELECT 'markdown 2019', govdisc_parse($md$## 2020年度雁湖市人民政府办公室政府信息公开工作年度报告

**一、总体情况**

2020年，本机关共收到政府信息公开申请5件。

**二、主动公开政府信息情况**

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | | | |
| | 本年新 | 本年新 | 对外公开 |
| | 制作数量 | 公开数量 | 总数量 |
| 规章 | 0 | 0 | 3 |
| 规范性文件 | 2 | 2 | 40 |
| 第二十条第（五）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政许可 | 12 | -1 | 880 |
| 其他对外管理服务事项 | 3 | 0 | 15 |
| 第二十条第（六）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政处罚 | 8 | +2 | 64 |
| 行政强制 | 2 | 0 | 1 |
| 第二十条第（八）项 | | | |
| 信息内容 | 上一年项目数量 | 本年增/减 | |
| 行政事业性收费 | 1 | 0 | |
| 第二十条第（九）项 | | | |
| 信息内容 | 采购项目数量 | 采购总金 | |
| | | 额（万元） | |
| 政府集中采购 | 6 | 152.3 | |

**三、收到和处理政府信息公开申请情况**

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |
|---|---|---|---|---|---|---|---|---|---|
| | | | 自然人 | 法人或其他组织 | | | | | 其他 | 总计 |
| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | | |
| 一、本年新收政府信息公开申请数量 | | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |
| 二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 三、本年度办理结果 | （一）予以公开 | | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| | | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| | | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （六）其他处理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （七）总计 | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |
| 四、结转下年度继续办理 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

**四、政府信息公开行政复议、行政诉讼情况**

| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |
| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

**五、存在的主要问题及改进情况**

无。

**六、其他需要报告的事项**

2020年，本机关未发出收费通知，收取信息处理费0元。
$md$);

-- what the reports say about themselves
SELECT name, d->>'template' AS template, d->>'agency' AS agency, d->'year' AS year,
	   d->'processing_fees' AS fees
FROM docs ORDER BY name;
SELECT name, s->'no' AS no, s->>'title' AS title
FROM docs, jsonb_array_elements(d->'sections') s ORDER BY name, (s->>'no')::int;

-- 表二: every cell as printed (no row differs)
SELECT w.* FROM docs, pg_temp.wrong(d, 'active', '{
	"rules": {"issued": 0, "repealed": 0, "in_force": 0},
	"normative_documents": {"issued": 2, "repealed": 0, "in_force": 9},
	"licensing": {"decisions": 86}, "penalties": {"decisions": 31},
	"coercion": {"decisions": 0}, "fees": {"amount_yuan": 0}}') w WHERE name = 'markdown 2021';
SELECT w.* FROM docs, pg_temp.wrong(d, 'active', '{
	"rules": {"made": 0, "published": 0, "total": 3},
	"normative_documents": {"made": 2, "published": 2, "total": 40},
	"licensing": {"prior": 12, "change": -1, "decisions": 880},
	"other_services": {"prior": 3, "change": 0, "decisions": 15},
	"penalties": {"prior": 8, "change": 2, "decisions": 64},
	"coercion": {"prior": 2, "change": 0, "decisions": 1},
	"fees": {"prior": 1, "change": 0},
	"procurement": {"projects": 6, "amount_yuan": 1523000, "amount_text": "152.3"}}') w WHERE name = 'markdown 2019';
SELECT key, value FROM docs, jsonb_each(d->'active') WHERE name = 'markdown 2021' ORDER BY key;

-- 表三: every cell as printed; rows printed blank or without cells are null
CREATE TEMP TABLE t3 (row_key text, cells int[]);
INSERT INTO t3 VALUES
	('received', '{9,2,0,0,0,0,11}'), ('carried_over', '{1,0,0,0,0,0,1}'),
	('granted', '{4,1,0,0,0,0,5}'), ('partial', '{2,0,0,0,0,0,2}'),
	('denied_secret', '{0,0,0,0,0,0,0}'), ('denied_law', '{0,0,0,0,0,0,0}'),
	('denied_safety', '{0,0,0,0,0,0,0}'), ('denied_third_party', '{0,0,0,0,0,0,0}'),
	('denied_internal', '{NULL,NULL,NULL,NULL,NULL,NULL,NULL}'),
	('denied_process', '{1,0,0,0,0,0,1}'), ('denied_enforcement', '{0,0,0,0,0,0,0}'),
	('denied_query', '{0,0,0,0,0,0,0}'), ('unavailable_not_held', '{2,1,0,0,0,0,3}'),
	('unavailable_needs_creation', '{0,0,0,0,0,0,0}'), ('unavailable_unclear', '{0,0,0,0,0,0,0}'),
	('rejected_complaint', '{0,0,0,0,0,0,0}'),
	('rejected_duplicate', '{NULL,NULL,NULL,NULL,NULL,NULL,NULL}'),
	('rejected_publication', '{NULL,NULL,NULL,NULL,NULL,NULL,NULL}'),
	('rejected_excessive', '{0,0,0,0,0,0,0}'), ('rejected_confirmation', '{0,0,0,0,0,0,0}'),
	('other_no_correction', '{1,0,0,0,0,0,1}'), ('other_no_fee', '{3,0,0,0,0,0,3}'),
	('other_misc', '{0,0,0,0,0,0,0}'), ('total', '{9,2,0,0,0,0,11}'),
	('carried_forward', '{1,0,0,0,0,0,1}');
SELECT w.* FROM docs, pg_temp.wrong(d, 'requests', (
	SELECT jsonb_object_agg(row_key, jsonb_build_object(
		'natural_person', cells[1], 'enterprise', cells[2], 'research', cells[3], 'ngo', cells[4],
		'legal', cells[5], 'other_org', cells[6], 'total', cells[7])) FROM t3)) w
WHERE name = 'markdown 2021';
SELECT key, value FROM docs, jsonb_each(d->'requests') WHERE name = 'markdown 2021'
	AND key IN ('denied_third_party', 'denied_process', 'rejected_duplicate', 'rejected_publication',
				'rejected_confirmation', 'other_no_correction', 'other_no_fee', 'total')
	ORDER BY key;

-- 表四
SELECT name, key, value FROM docs, jsonb_each(d->'review') ORDER BY name, key;

-- why each null cell is null
SELECT name, x.* FROM docs, pg_temp.diags(d) x ORDER BY name, x.code, x.tbl, x.row_key;

-- Family 4: pdftotext without -layout writes 表四 a figure a line, after its
-- header words, in the order it reads the PDF's text blocks.  seq is that
-- order: figures, and the 总计 labels that stand between them.
CREATE FUNCTION pg_temp.raw4(seq text[]) RETURNS text LANGUAGE sql AS $$
SELECT E'青禾县应急管理局2025年政府信息公开工作年度报告\n一、总体情况\n略。\n' ||
	E'四、政府信息公开行政复议、行政诉讼情况\n行政复议\n\n行政诉讼\n未经复议直接起诉\n\n复议后起诉\n\n' ||
	E'结果\n维持\n\n结果\n纠正\n\n其他\n结果\n\n尚未\n总 计 结果 结果 其他 尚未\n' ||
	E'结果 结果 其他 尚未\n审结\n总 计\n维持 纠正 结果 审结\n维持 纠正 结果 审结\n\n' ||
	array_to_string(seq, E'\n\n') ||
	E'\n\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n'
$$;
CREATE TEMP TABLE raw4 (name text, d jsonb);
INSERT INTO raw4 VALUES
	-- 复议's four figures, 复议后起诉's first four, 总计 and 复议's total,
	-- 直接起诉's five, 总计 and 复议后起诉's total: the text order breaks all
	-- three sums and puts a 总计 label before a figure that is no total; one
	-- reading puts each label before a total, holds the three sums and is the
	-- nearest to the text order
	('decided', govdisc_parse(pg_temp.raw4('{150,40,20,4,9,5,2,1,总计,214,3,1,0,2,6,总计,17}'))),
	-- the same order with small figures: three readings hold the sums, as near
	-- to the text order, and disagree on four cells
	('ambiguous', govdisc_parse(pg_temp.raw4('{1,0,0,0,1,0,0,0,总计,1,0,0,0,0,0,总计,1}'))),
	-- no reading holds the sums, and the text order puts 总计 before a figure
	-- that is no total: what the readings disagree on is null
	('no reading adds up', govdisc_parse(pg_temp.raw4('{3,0,0,0,1,0,0,0,总计,2,0,0,0,0,0,总计,5}'))),
	-- the text order, 总计 before the last total: taken as printed
	('text order', govdisc_parse(pg_temp.raw4('{1,1,0,0,2,1,0,0,0,1,2,0,1,0,总计,3}'))),
	-- a report that does not add up (10 + 1 is not 0), in the text order: its
	-- figures as printed, not a rearrangement
	('does not add up', govdisc_parse(pg_temp.raw4('{10,1,0,0,0,0,0,0,0,0,5,0,0,0,总计,0}')));
SELECT name, key, value FROM raw4, jsonb_each(d->'review') ORDER BY name, key;
SELECT name, x.* FROM raw4, pg_temp.diags(d) x
WHERE x.tbl = 'review' ORDER BY name, x.code, x.row_key;
SELECT x->>'message' AS message FROM raw4, jsonb_array_elements(d->'diagnostics') x
WHERE name IN ('decided', 'ambiguous') AND x->>'code' IN ('cell.order_by_sums', 'cell.ambiguous_order')
	AND coalesce(x->>'column', 'upheld') = 'upheld' AND coalesce(x->>'row', 'litigation_direct') = 'litigation_direct'
ORDER BY name, x->>'code';

-- Family 4, 表三: each row's label, then its figures a line each.  Rows out
-- of the template's order (（二） before （一）) are never laid on the
-- template's rows by position: the table is left unread, with a diagnostic.
CREATE TEMP TABLE raw3 (ord int, label text, cells int[]);
INSERT INTO raw3 VALUES
	(1, '一、本年新收政府信息公开申请数量', '{30,2,0,0,1,0,33}'), (2, '二、上年结转政府信息公开申请数量', '{1,0,0,0,0,0,1}'),
	(3, '（一）予以公开', '{20,1,0,0,0,0,21}'), (4, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '{5,0,0,0,1,0,6}'),
	(5, '1.属于国家秘密', '{0,0,0,0,0,0,0}'), (6, '2.其他法律行政法规禁止公开', '{0,0,0,0,0,0,0}'),
	(7, '3.危及“三安全一稳定”', '{0,0,0,0,0,0,0}'), (8, '4.保护第三方合法权益', '{0,0,0,0,0,0,0}'),
	(9, '5.属于三类内部事务信息', '{0,0,0,0,0,0,0}'), (10, '6.属于四类过程性信息', '{1,0,0,0,0,0,1}'),
	(11, '7.属于行政执法案卷', '{0,0,0,0,0,0,0}'), (12, '8.属于行政查询事项', '{0,0,0,0,0,0,0}'),
	(13, '1.本机关不掌握相关政府信息', '{4,1,0,0,0,0,5}'), (14, '2.没有现成信息需要另行制作', '{0,0,0,0,0,0,0}'),
	(15, '3.补正后申请内容仍不明确', '{0,0,0,0,0,0,0}'), (16, '1.信访举报投诉类申请', '{0,0,0,0,0,0,0}'),
	(17, '2.重复申请', '{0,0,0,0,0,0,0}'), (18, '3.要求提供公开出版物', '{0,0,0,0,0,0,0}'),
	(19, '4.无正当理由大量反复申请', '{0,0,0,0,0,0,0}'), (20, '5.要求行政机关确认或重新出具已获取信息', '{0,0,0,0,0,0,0}'),
	(21, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '{0,0,0,0,0,0,0}'),
	(22, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '{0,0,0,0,0,0,0}'),
	(23, '3.其他', '{0,0,0,0,0,0,0}'), (24, '（七）总计', '{30,1,0,0,1,0,32}'),
	(25, '四、结转下年度继续办理', '{1,1,0,0,0,0,2}');
CREATE FUNCTION pg_temp.raw3(swap bool) RETURNS text LANGUAGE sql AS $$
SELECT E'青禾县应急管理局2025年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n\n' ||
	E'自然人\n\n法人或其他组织\n\n商业\n企业\n\n科研\n机构\n\n社会\n公益\n组织\n\n法律\n服务\n机构\n\n其他\n\n总计\n\n' ||
	string_agg(label || E'\n\n' || array_to_string(cells, E'\n\n'), E'\n\n'
			   ORDER BY CASE WHEN swap AND ord = 3 THEN 4 WHEN swap AND ord = 4 THEN 3 ELSE ord END) ||
	E'\n\n四、政府信息公开行政复议、行政诉讼情况\n'
FROM raw3
$$;
CREATE TEMP TABLE raw3docs AS
SELECT swap, govdisc_parse(pg_temp.raw3(swap)) AS d FROM (VALUES (false), (true)) v(swap);
SELECT swap, count(*) FILTER (WHERE coalesce(r.d->'requests'->t.row_key->c.col, 'null') = to_jsonb(c.v)) AS cells_as_printed,
	   count(*) FILTER (WHERE coalesce(r.d->'requests'->t.row_key->c.col, 'null') = 'null') AS null_cells,
	   count(*) FILTER (WHERE coalesce(r.d->'requests'->t.row_key->c.col, 'null') NOT IN ('null', to_jsonb(c.v))) AS wrong_cells
FROM raw3docs r,
	 (SELECT ord, CASE ord WHEN 1 THEN 'received' WHEN 2 THEN 'carried_over' WHEN 3 THEN 'granted'
			 WHEN 4 THEN 'partial' WHEN 13 THEN 'unavailable_not_held' WHEN 24 THEN 'total'
			 WHEN 25 THEN 'carried_forward' END AS row_key, cells FROM raw3) t,
	 LATERAL unnest('{natural_person,enterprise,research,ngo,legal,other_org,total}'::text[], t.cells) AS c(col, v)
WHERE t.row_key IS NOT NULL
GROUP BY swap ORDER BY swap;
SELECT swap, x.* FROM raw3docs, pg_temp.diags(d) x WHERE x.tbl = 'requests' ORDER BY swap, x.code;
