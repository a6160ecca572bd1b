-- The concurrency stage's tables (test/stages/concurrency.sh).
-- cand: every body the clients may try, with its validity as judged once,
-- serially, before the run.  accepted: the table under test.  attempts: a
-- record of every try and what came of it.
CREATE TABLE cand (
	id serial PRIMARY KEY,
	kind text NOT NULL,
	name text NOT NULL,
	body text NOT NULL,
	expected boolean
);

CREATE TABLE accepted (
	id bigserial PRIMARY KEY,
	cand_id int NOT NULL,
	body text NOT NULL CONSTRAINT body_is_valid CHECK (govdisc_is_valid(body))
);

CREATE TABLE attempts (
	cand_id int NOT NULL,
	outcome text NOT NULL,		-- accepted, rejected or error
	sqlstate text,
	message text
);

CREATE TABLE parallel_runs (bad bigint NOT NULL);

-- One try: a rejection by the CHECK is an expected outcome; any other error
-- is recorded too (and fails the stage), so that no client aborts.
CREATE FUNCTION try_insert(c int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO accepted (cand_id, body) SELECT id, body FROM cand WHERE id = c;
	INSERT INTO attempts VALUES (c, 'accepted', NULL, NULL);
EXCEPTION
	WHEN check_violation THEN
		INSERT INTO attempts VALUES (c, 'rejected', SQLSTATE, SQLERRM);
	WHEN others THEN
		INSERT INTO attempts VALUES (c, 'error', SQLSTATE, SQLERRM);
END
$$;
