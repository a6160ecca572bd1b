--
-- govdisc_text(bytea): a file's bytes as text.  Inputs are hex literals
-- written on the client side.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

-- 中文 in every encoding it is read in
SELECT govdisc_text('\xe4b8ade69687') AS utf8,
       govdisc_text('\xefbbbfe4b8ade69687') AS utf8_bom,
       govdisc_text('\xd6d0cec4') AS gbk,
       govdisc_text('\xfffe2d4e8765') AS utf16le,
       govdisc_text('\xfeff4e2d6587') AS utf16be,
       govdisc_text('\x9439fc36') = U&'\+01F600' AS gb18030_four_byte;

-- the BOM is not part of the text; empty bytes are empty text; null is null
SELECT length(govdisc_text('\xefbbbf41')) AS bom_stripped,
       govdisc_text('\x') = '' AS empty,
       govdisc_text(NULL) IS NULL AS null_in_null_out;

-- a GBK report reads back to the same text, and parses
SELECT govdisc_text(convert_to(t, 'GBK')) = t AS gbk_round_trip,
       govdisc_text(convert_to(t, 'UTF8')) = t AS utf8_round_trip,
       govdisc_parse(govdisc_text(convert_to(t, 'GBK'))) ->> 'agency' AS agency
FROM (VALUES (E'某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度，全县收到申请13件。')) v(t);

-- undecodable bytes: an error naming the encodings tried, never a guess
SELECT govdisc_text('\x6f6b20d6d0ffff');
SELECT govdisc_text('\x610062');
SELECT govdisc_text('\xfffe2d4e41');
SELECT govdisc_text('\xefbbbfd6d0');
\set VERBOSITY sqlstate
SELECT govdisc_text('\xff');
\set VERBOSITY default
