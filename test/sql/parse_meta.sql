-- govdisc_parse: what a report says about itself — agency, year, the date
-- it was published, its six parts, 信息处理费 — and where diagnostics point.
CREATE EXTENSION IF NOT EXISTS govdisc;

CREATE TEMP TABLE heads (name text, body text);
INSERT INTO heads VALUES
	('title on one line', E'青禾县交通运输局2021年政府信息公开工作年度报告\n一、总体情况\n略。'),
	('year before the agency', E'2021年青禾县交通运输局政府信息公开工作年度报告\n一、总体情况\n'),
	('year closing the title', E'青禾县交通运输局政府信息公开工作年度报告（2021年度）\n一、总体情况\n'),
	('year in Chinese numerals', E'青禾县交通运输局二〇二一年度政府信息公开工作年度报告\n一、总体情况\n'),
	('agency above the title', E'  澄江市生态环境局\n\n  2022 年政府信息公开工作年度报告\n一、总体情况'),
	('year in the title', E'雁湖市人民政府办公室\n政府信息公开工作2020年度报告\n'),
	('crawler header', E'标题: 桐溪区人民政府2023年度政府信息公开工作年度报告\n发布时间: 2024-01-22 09:30\n原文链接: https://example.invalid/x.htm\n一、总体情况'),
	('html title', '<html><head><title>柳湾市水利局2021年政府信息公开工作年度报告-柳湾市水利局</title></head><body><p>一、总体情况</p></body></html>'),
	('markdown title', E'# 望川县医疗保障局2020年政府信息公开工作年度报告\n\n一、总体情况\n'),
	('no title, period stated', E'本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n一、总体情况\n'),
	('no title, published date', E'发布日期：2021年1月15日\n一、总体情况\n略。'),
	('closing date', E'鹤鸣区教育局2021年政府信息公开工作年度报告\n一、总体情况\n略。\n六、其他需要报告的事项\n无。\n\n                 鹤鸣区教育局\n               2022 年 1 月 20 日\n                -5-\n'),
	('closing date of another year', E'鹤鸣区教育局2021年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n2019年3月1日\n');

SELECT name, d->>'agency' AS agency, d->'year' AS year, d->>'published' AS published
FROM heads, govdisc_parse(body) d ORDER BY name;

-- the six parts: numbered 一、 or 1、, titled as printed, positions for substr()
CREATE TEMP TABLE parts (name text, body text);
INSERT INTO parts VALUES
	('一、', E'某县2020年政府信息公开工作年度报告\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况\n表\n四、政府信息公开行政复议、行政诉讼情况\n表\n五、存在的主要问题及整改措施\n一是……\n六、其他需要报告的事项\n无。\n'),
	('1、', E'某县2020年政府信息公开工作年度报告\n1、 总体情况\n2、政府主动公开信息情况\n3、收到和处理政府信息公开申请情况\n4、因政府信息公开申请行政复议、提起行政诉讼的情况\n5、主要问题和改进情况\n6、其他需要报告的事项\n'),
	('web text', '某县2022年度报告 本报告包括总体情况、主动公开政府信息情况等六个部分。一、总体情况2022年，…… 二、主动公开政府信息情况 第二十条 三、收到和处理政府信息公开申请情况 四、结转下年度继续办理 0 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 略。 六、其他需要报告的事项 无。'),
	('full-width and ㈠', E'某县2020年政府信息公开工作年度报告\n一、总体情况\n㈠主动公开。㈡依申请公开。\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n');
SELECT name, s->'no' AS no, s->>'title' AS title, s->'start' AS start, s->'length' AS length,
	   substr(body, (s->>'start')::int, 4) AS at_start
FROM parts, govdisc_parse(body) d, jsonb_array_elements(d->'sections') s
ORDER BY name, (s->>'no')::int;
SELECT name, x->>'message' AS missing
FROM parts, govdisc_parse(body) d, jsonb_array_elements(d->'diagnostics') x
WHERE x->>'code' = 'section.missing' ORDER BY name, 2;

-- 信息处理费, as part 六 states it
CREATE TEMP TABLE fees (said text);
INSERT INTO fees VALUES
	('本年度未收取信息处理费。'), ('本单位政府信息公开未发生收费情况。'),
	('全年收取政府信息公开信息处理费 0 元。'), ('全年共收取信息处理费3件，共计400元。'),
	('依法收取信息处理费共计1.2万元。'), ('无其他需要报告的事项。'), (''),
	('本机关不存在收取信息处理费的情况。'), ('依申请公开均免于收取费用。');
SELECT said, d->'processing_fees' AS processing_fees
FROM fees, govdisc_parse(E'某县2021年政府信息公开工作年度报告\n六、其他需要报告的事项\n' || said) d
ORDER BY said;

-- a diagnostic points at the place in the text: start is a position for substr()
SELECT x->>'code' AS code, x->>'row' AS row, x->>'column' AS col,
	   substr(body, (x->>'start')::int, 1) AS at_start
FROM (SELECT E'某县2021年报告\n二、主动公开政府信息情况\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n\t规章\n\t1\n\t—\n\t3\n\n' AS body) b,
	 govdisc_parse(body) d, jsonb_array_elements(d->'diagnostics') x
WHERE x->>'table' = 'active' AND x->>'row' = 'rules';
