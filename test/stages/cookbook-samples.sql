-- The sample reports of test/stage-cookbook.sh: two agencies over three years,
-- one report that does not balance; printed as a script that writes them.
CREATE OR REPLACE FUNCTION pg_temp.req(np int, tot int DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('natural_person', np, 'enterprise', 0, 'research', 0, 'ngo', 0, 'legal', 0, 'other_org', 0, 'total', coalesce(tot, np)) $$;
CREATE OR REPLACE FUNCTION pg_temp.mk(agency text, yr int, fmt text, received int, co int, granted int, partial int, denied int, cf int, recon int, lit int)
RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('schema', 1, 'template', fmt, 'agency', agency, 'year', yr,
    'published', (yr + 1) || '-01-20', 'sections', '[]'::jsonb, 'diagnostics', '[]'::jsonb, 'processing_fees', null,
    'active', CASE fmt WHEN '2019' THEN jsonb_build_object(
        'rules', jsonb_build_object('made', 0, 'published', 0, 'total', 0),
        'normative_documents', jsonb_build_object('made', 2, 'published', 2, 'total', 20),
        'licensing', jsonb_build_object('prior', 10, 'change', 1, 'decisions', 300),
        'other_services', jsonb_build_object('prior', 3, 'change', 0, 'decisions', 40),
        'penalties', jsonb_build_object('prior', 6, 'change', 0, 'decisions', 12),
        'coercion', jsonb_build_object('prior', 1, 'change', 0, 'decisions', 0),
        'fees', jsonb_build_object('prior', 2, 'change', 0),
        'procurement', jsonb_build_object('projects', 4, 'amount_yuan', 1234500, 'amount_text', '123.45万'))
      ELSE jsonb_build_object(
        'rules', jsonb_build_object('issued', 0, 'repealed', 0, 'in_force', 0),
        'normative_documents', jsonb_build_object('issued', 3, 'repealed', 1, 'in_force', 22),
        'licensing', jsonb_build_object('decisions', 320),
        'penalties', jsonb_build_object('decisions', 15),
        'coercion', jsonb_build_object('decisions', 1),
        'fees', jsonb_build_object('amount_yuan', 0)) END,
    'requests', jsonb_build_object('received', pg_temp.req(received), 'carried_over', pg_temp.req(co),
        'granted', pg_temp.req(granted), 'partial', pg_temp.req(partial),
        'denied_secret', pg_temp.req(0), 'denied_law', pg_temp.req(0), 'denied_safety', pg_temp.req(0),
        'denied_third_party', pg_temp.req(denied), 'denied_internal', pg_temp.req(0), 'denied_process', pg_temp.req(0),
        'denied_enforcement', pg_temp.req(0), 'denied_query', pg_temp.req(0),
        'unavailable_not_held', pg_temp.req(received + co - granted - partial - denied - cf),
        'unavailable_needs_creation', pg_temp.req(0), 'unavailable_unclear', pg_temp.req(0),
        'rejected_complaint', pg_temp.req(0), 'rejected_duplicate', pg_temp.req(0), 'rejected_publication', pg_temp.req(0),
        'rejected_excessive', pg_temp.req(0), 'rejected_confirmation', pg_temp.req(0),
        'total', pg_temp.req(received + co - cf), 'carried_forward', pg_temp.req(cf))
      || CASE fmt WHEN '2019' THEN jsonb_build_object('other_handling', pg_temp.req(0))
         ELSE jsonb_build_object('other_no_correction', pg_temp.req(0), 'other_no_fee', pg_temp.req(0), 'other_misc', pg_temp.req(0)) END,
    'review', jsonb_build_object(
        'reconsideration', jsonb_build_object('upheld', recon, 'corrected', 0, 'other', 0, 'pending', 0, 'total', recon),
        'litigation_direct', jsonb_build_object('upheld', lit, 'corrected', 0, 'other', 0, 'pending', 0, 'total', lit),
        'litigation_after_reconsideration', jsonb_build_object('upheld', 0, 'corrected', 0, 'other', 0, 'pending', 0, 'total', 0))) $$;
CREATE TEMP TABLE sample (file text, doc jsonb);
INSERT INTO sample VALUES
 ('jiaxian-2020.txt', pg_temp.mk('洪泽区人民政府', 2020, '2019', 40, 1, 20, 5, 3, 2, 1, 0)),
 ('jiaxian-2021.txt', pg_temp.mk('淮安市洪泽区人民政府', 2021, '2021', 50, 2, 30, 6, 2, 5, 0, 1)),
 ('jiaxian-2022.txt', pg_temp.mk('淮安市洪泽区人民政府', 2022, '2021', 45, 4, 25, 8, 1, 3, 2, 0)),
 ('yishi-2021.txt', pg_temp.mk('乙市', 2021, '2021', 300, 10, 120, 60, 20, 15, 4, 3)),
 ('yishi-2022.txt', pg_temp.mk('乙市', 2022, '2021', 280, 15, 170, 30, 10, 12, 2, 1));
-- one that does not balance: （七）总计 one short
UPDATE sample SET doc = jsonb_set(doc, '{requests,total,total}', to_jsonb((doc#>>'{requests,total,total}')::int - 1)) WHERE file = 'yishi-2022.txt';
-- a shell script that writes each one, rendered as Word-copied text
-- with the prose parts 一, 五 and 六 around the tables
SELECT format('cat > reports/%s <<''EOT''
%s
EOT', file,
  replace(replace(govdisc_render(doc, 'text'),
    E'二、主动公开政府信息情况\n',
    E'一、总体情况\n' || (doc->>'year') || E'年，本机关依法做好政府信息公开工作。\n\n二、主动公开政府信息情况\n'),
    to_char((doc->>'published')::date, 'FMYYYY"年"FMMM"月"FMDD"日"') || E'\n',
    E'五、存在的主要问题及改进情况\n' ||
      CASE WHEN file LIKE 'jiaxian%' THEN '业务培训不够，' ELSE '' END || E'公开内容还需细化。\n\n' ||
    E'六、其他需要报告的事项\n本年度未收取信息处理费。\n\n' ||
    to_char((doc->>'published')::date, 'FMYYYY"年"FMMM"月"FMDD"日"') || E'\n'))
FROM sample ORDER BY file;
