-- Damaged copies of every report in cand (kind 'report'), and garbage.
INSERT INTO cand (kind, name, body)
SELECT 'truncated-half', name, left(body, length(body) / 2) FROM cand WHERE kind = 'report'
UNION ALL
SELECT 'truncated-tail', name, left(body, greatest(length(body) - 300, 1)) FROM cand WHERE kind = 'report'
UNION ALL
SELECT 'digits-shifted', name, translate(body, '0123456789', '1234567890') FROM cand WHERE kind = 'report'
UNION ALL
SELECT 'lines-shuffled', name,
	(SELECT string_agg(l, E'\n' ORDER BY md5(l || n)) FROM regexp_split_to_table(body, E'\n') WITH ORDINALITY x(l, n))
FROM cand WHERE kind = 'report'
UNION ALL
SELECT 'tags-stripped', name, regexp_replace(body, '<[^>]*>', ' ', 'g') FROM cand WHERE kind = 'report' AND body LIKE '%<table%';

INSERT INTO cand (kind, name, body) VALUES
	('garbage', 'empty', ''),
	('garbage', 'one space', ' '),
	('garbage', 'separators', repeat(E'|\t\n', 500)),
	('garbage', 'ascii', (SELECT string_agg(md5(g::text), ' ') FROM generate_series(1, 300) g)),
	('garbage', 'cjk', (SELECT string_agg(chr(19968 + abs(hashint4(g)) % 20902), '') FROM generate_series(1, 3000) g)),
	('garbage', 'digits', (SELECT string_agg((abs(hashint4(g)) % 1000)::text, E'\t') FROM generate_series(1, 3000) g)),
	('garbage', 'html', repeat('<table><tr><td rowspan=9>', 200));
