-- govdisc: govdisc_sum, the aggregate that adds documents cell by cell.
-- The state is internal (int128 sums, src/pg/rollup.c); serialize and
-- deserialize let parallel workers hand their partial sums to the leader.

CREATE FUNCTION govdisc_sum_transfn(state internal, report jsonb) RETURNS internal
AS 'MODULE_PATHNAME', 'govdisc_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_combinefn(a internal, b internal) RETURNS internal
AS 'MODULE_PATHNAME', 'govdisc_sum_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_serialize(state internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'govdisc_sum_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_deserialize(state bytea, unused internal) RETURNS internal
AS 'MODULE_PATHNAME', 'govdisc_sum_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_finalfn(state internal) RETURNS jsonb
AS 'MODULE_PATHNAME', 'govdisc_sum_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE govdisc_sum(report jsonb) (
	SFUNC = @extschema@.govdisc_sum_transfn,
	STYPE = internal,
	COMBINEFUNC = @extschema@.govdisc_sum_combinefn,
	SERIALFUNC = @extschema@.govdisc_sum_serialize,
	DESERIALFUNC = @extschema@.govdisc_sum_deserialize,
	FINALFUNC = @extschema@.govdisc_sum_finalfn,
	PARALLEL = SAFE
);

COMMENT ON FUNCTION govdisc_sum_transfn(internal, jsonb) IS
'state transition of govdisc_sum: adds one document''s cells to the sums';
COMMENT ON FUNCTION govdisc_sum_combinefn(internal, internal) IS
'combine function of govdisc_sum: adds two partial sums (parallel aggregation)';
COMMENT ON FUNCTION govdisc_sum_serialize(internal) IS
'serialize function of govdisc_sum: a partial sum as bytea, for passing between parallel workers';
COMMENT ON FUNCTION govdisc_sum_deserialize(bytea, internal) IS
'deserialize function of govdisc_sum: a partial sum back from govdisc_sum_serialize';
COMMENT ON FUNCTION govdisc_sum_finalfn(internal) IS
'final function of govdisc_sum: the sums as a govdisc document with its rollup object';
COMMENT ON AGGREGATE govdisc_sum(jsonb) IS
'adds govdisc documents cell by cell: each cell is the sum of the members that state it (null when none does); the result is a govdisc document (template, year when all members share one, the three tables and processing_fees) with a "rollup" object: members (count), templates (members per template), incomplete (each cell some member left blank: table, row, column, blank = how many) and excluded (members whose table follows the other template''s format, not summed into it: table, format, members); null documents are skipped';
