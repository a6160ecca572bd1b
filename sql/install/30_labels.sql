-- govdisc: govdisc_labels, the Chinese labels of the document's keys.
-- The rows are those of src/labels.c (the regression test surface.sql
-- compares them with the labels the C functions print).  Static reference
-- data recreated by CREATE EXTENSION, so not marked for pg_dump.

CREATE TABLE govdisc_labels (
	tbl text NOT NULL CHECK (tbl IN ('active', 'requests', 'review')),
	part text NOT NULL CHECK (part IN ('row', 'column')),
	key text NOT NULL,
	format text NOT NULL CHECK (format IN ('2019', '2021', 'both')),
	ord int NOT NULL,
	label text NOT NULL,
	heading text,
	kind text CHECK (CASE part WHEN 'row' THEN kind IS NULL
						   ELSE kind IN ('count', 'signed', 'amount') END),
	PRIMARY KEY (tbl, part, key, format)
);

INSERT INTO govdisc_labels (tbl, part, key, format, ord, label, heading, kind) VALUES
	('active', 'row', 'rules', 'both', 1, '规章', NULL, NULL),
	('active', 'row', 'normative_documents', '2019', 2, '规范性文件', NULL, NULL),
	('active', 'row', 'normative_documents', '2021', 2, '行政规范性文件', NULL, NULL),
	('active', 'row', 'licensing', 'both', 3, '行政许可', NULL, NULL),
	('active', 'row', 'other_services', '2019', 4, '其他对外管理服务事项', NULL, NULL),
	('active', 'row', 'penalties', 'both', 5, '行政处罚', NULL, NULL),
	('active', 'row', 'coercion', 'both', 6, '行政强制', NULL, NULL),
	('active', 'row', 'fees', 'both', 7, '行政事业性收费', NULL, NULL),
	('active', 'row', 'procurement', '2019', 8, '政府集中采购', NULL, NULL),
	('active', 'column', 'made', '2019', 1, '本年新制作数量', NULL, 'count'),
	('active', 'column', 'published', '2019', 2, '本年新公开数量', NULL, 'count'),
	('active', 'column', 'total', '2019', 3, '对外公开总数量', NULL, 'count'),
	('active', 'column', 'prior', '2019', 1, '上一年项目数量', NULL, 'count'),
	('active', 'column', 'change', '2019', 2, '本年增/减', NULL, 'signed'),
	('active', 'column', 'decisions', '2019', 3, '处理决定数量', NULL, 'count'),
	('active', 'column', 'projects', '2019', 1, '采购项目数量', NULL, 'count'),
	('active', 'column', 'amount_yuan', '2019', 2, '采购总金额', NULL, 'amount'),
	('active', 'column', 'issued', '2021', 1, '本年制发件数', NULL, 'count'),
	('active', 'column', 'repealed', '2021', 2, '本年废止件数', NULL, 'count'),
	('active', 'column', 'in_force', '2021', 3, '现行有效件数', NULL, 'count'),
	('active', 'column', 'decisions', '2021', 1, '本年处理决定数量', NULL, 'count'),
	('active', 'column', 'amount_yuan', '2021', 1, '本年收费金额（单位：万元）', NULL, 'amount'),
	('requests', 'row', 'received', 'both', 1, '一、本年新收政府信息公开申请数量', NULL, NULL),
	('requests', 'row', 'carried_over', 'both', 2, '二、上年结转政府信息公开申请数量', NULL, NULL),
	('requests', 'row', 'granted', 'both', 3, '（一）予以公开', '三、本年度办理结果', NULL),
	('requests', 'row', 'partial', 'both', 4, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '三、本年度办理结果', NULL),
	('requests', 'row', 'denied_secret', 'both', 5, '1.属于国家秘密', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_law', 'both', 6, '2.其他法律行政法规禁止公开', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_safety', 'both', 7, '3.危及“三安全一稳定”', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_third_party', 'both', 8, '4.保护第三方合法权益', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_internal', 'both', 9, '5.属于三类内部事务信息', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_process', 'both', 10, '6.属于四类过程性信息', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_enforcement', 'both', 11, '7.属于行政执法案卷', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_query', 'both', 12, '8.属于行政查询事项', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'unavailable_not_held', 'both', 13, '1.本机关不掌握相关政府信息', '三、本年度办理结果 / （四）无法提供', NULL),
	('requests', 'row', 'unavailable_needs_creation', 'both', 14, '2.没有现成信息需要另行制作', '三、本年度办理结果 / （四）无法提供', NULL),
	('requests', 'row', 'unavailable_unclear', 'both', 15, '3.补正后申请内容仍不明确', '三、本年度办理结果 / （四）无法提供', NULL),
	('requests', 'row', 'rejected_complaint', 'both', 16, '1.信访举报投诉类申请', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_duplicate', 'both', 17, '2.重复申请', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_publication', 'both', 18, '3.要求提供公开出版物', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_excessive', 'both', 19, '4.无正当理由大量反复申请', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_confirmation', 'both', 20, '5.要求行政机关确认或重新出具已获取信息', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'other_handling', '2019', 21, '（六）其他处理', '三、本年度办理结果', NULL),
	('requests', 'row', 'other_no_correction', '2021', 22, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '三、本年度办理结果 / （六）其他处理', NULL),
	('requests', 'row', 'other_no_fee', '2021', 23, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '三、本年度办理结果 / （六）其他处理', NULL),
	('requests', 'row', 'other_misc', '2021', 24, '3.其他', '三、本年度办理结果 / （六）其他处理', NULL),
	('requests', 'row', 'total', 'both', 25, '（七）总计', '三、本年度办理结果', NULL),
	('requests', 'row', 'carried_forward', 'both', 26, '四、结转下年度继续办理', NULL, NULL),
	('requests', 'column', 'natural_person', 'both', 1, '自然人', '申请人情况', 'count'),
	('requests', 'column', 'enterprise', 'both', 2, '商业企业', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'research', 'both', 3, '科研机构', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'ngo', 'both', 4, '社会公益组织', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'legal', 'both', 5, '法律服务机构', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'other_org', 'both', 6, '其他', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'total', 'both', 7, '总计', '申请人情况', 'count'),
	('review', 'row', 'reconsideration', 'both', 1, '行政复议', NULL, NULL),
	('review', 'row', 'litigation_direct', 'both', 2, '未经复议直接起诉', '行政诉讼', NULL),
	('review', 'row', 'litigation_after_reconsideration', 'both', 3, '复议后起诉', '行政诉讼', NULL),
	('review', 'column', 'upheld', 'both', 1, '结果维持', NULL, 'count'),
	('review', 'column', 'corrected', 'both', 2, '结果纠正', NULL, 'count'),
	('review', 'column', 'other', 'both', 3, '其他结果', NULL, 'count'),
	('review', 'column', 'pending', 'both', 4, '尚未审结', NULL, 'count'),
	('review', 'column', 'total', 'both', 5, '总计', NULL, 'count');

GRANT SELECT ON govdisc_labels TO PUBLIC;

COMMENT ON TABLE govdisc_labels IS
'the Chinese labels of every row and column key of the three tables, as the standard templates (国办公开办函〔2019〕60号 and 〔2021〕30号) print them; a cell''s label in govdisc_cells is concat_ws('' / '', row heading, row label, column label)';
COMMENT ON COLUMN govdisc_labels.tbl IS
'the table: active (表二), requests (表三) or review (表四), as the keys of the govdisc document';
COMMENT ON COLUMN govdisc_labels.part IS
'row or column: the kind of key';
COMMENT ON COLUMN govdisc_labels.key IS
'the key in the govdisc document (e.g. denied_secret, natural_person)';
COMMENT ON COLUMN govdisc_labels.format IS
'the template that has this key with this label: 2019, 2021, or both';
COMMENT ON COLUMN govdisc_labels.ord IS
'position in the template: of a row in its table (rows of both formats in one order), of a column in its row';
COMMENT ON COLUMN govdisc_labels.label IS
'the label as the template prints it';
COMMENT ON COLUMN govdisc_labels.heading IS
'the merged headings printed over or beside it, outermost first, joined by '' / ''; null when there are none';
COMMENT ON COLUMN govdisc_labels.kind IS
'for columns, what the values are: count (integer >= 0), signed (本年增/减) or amount (yuan; the 2021 本年收费金额 header says 万元 but the value is in yuan); null for rows';
