-- extension-catalog.sql: everything the extension govdisc owns in this
-- database, one fact a line, "<object> | <property> | <value>", sorted.
-- test/stages/upgrade.sh compares these lines between a fresh install and an
-- upgraded one (and extschema.sh between schemas), so a line names its
-- object as pg_describe_object does and says what differs: membership,
-- definitions (pg_get_functiondef, aggregates, operators, casts), comments,
-- types and their attributes, tables, views, constraints, indexes, the rows
-- of the extension's tables, and privileges.
\set ON_ERROR_STOP 1
SET search_path = pg_catalog, pg_temp;
\pset tuples_only on
\pset format unaligned

-- The rows of one of the extension's tables, as text, for the comparison.
CREATE FUNCTION pg_temp.rows_of(rel regclass) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format('SELECT t::text FROM %s t', rel);
END
$$;

WITH ext AS (
	SELECT oid, extname FROM pg_extension WHERE extname = 'govdisc'
), m AS (
	SELECT d.classid, d.objid, d.objsubid,
		   pg_describe_object(d.classid, d.objid, d.objsubid) AS obj
	FROM pg_depend d JOIN ext ON d.refclassid = 'pg_extension'::regclass
		AND d.refobjid = ext.oid AND d.deptype = 'e'
), facts(obj, prop, n, val) AS (
	SELECT 'extension govdisc', 'version', 0, extversion FROM pg_extension WHERE extname = 'govdisc'
	UNION ALL
	SELECT 'extension govdisc', 'relocatable', 0, extrelocatable::text FROM pg_extension WHERE extname = 'govdisc'
	UNION ALL
	-- the tables pg_dump dumps (pg_extension_config_dump)
	SELECT 'extension govdisc', 'config tables', 0, coalesce(extconfig::regclass[]::text, 'none')
	FROM pg_extension WHERE extname = 'govdisc'
	UNION ALL
	SELECT obj, 'member', 0, '' FROM m
	UNION ALL
	-- functions and procedures: the whole definition, a line each
	SELECT m.obj, 'definition', l.n::int, l.line
	FROM m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid AND p.prokind <> 'a',
		 regexp_split_to_table(pg_get_functiondef(p.oid), E'\n') WITH ORDINALITY AS l(line, n)
	UNION ALL
	-- aggregates (pg_get_functiondef refuses them)
	SELECT m.obj, 'aggregate', 0,
		   format('(%s) returns %s; kind %s; sfunc %s; stype %s; finalfunc %s; combinefunc %s; serialfunc %s; deserialfunc %s; msfunc %s; minvfunc %s; mfinalfunc %s; initcond %s; sortop %s; parallel %s; strict %s; volatile %s',
				  pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
				  a.aggkind, a.aggtransfn::regprocedure, format_type(a.aggtranstype, NULL),
				  a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
				  a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn,
				  coalesce(a.agginitval, 'null'), a.aggsortop::regoperator,
				  p.proparallel, p.proisstrict, p.provolatile)
	FROM m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid AND p.prokind = 'a'
		JOIN pg_aggregate a ON a.aggfnoid = p.oid
	UNION ALL
	SELECT m.obj, 'privileges', 0, coalesce(p.proacl::text, 'default')
	FROM m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	UNION ALL
	-- types: kind, and the attributes of a composite type, the base and
	-- constraints of a domain, the labels of an enum
	SELECT m.obj, 'type', 0, format('kind %s, category %s, privileges %s', t.typtype, t.typcategory,
									coalesce(t.typacl::text, 'default'))
	FROM m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	UNION ALL
	SELECT m.obj, 'attribute', a.attnum::int,
		   format('%s %s%s', a.attname, format_type(a.atttypid, a.atttypmod),
				  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
					   THEN ' collate ' || a.attcollation::regcollation ELSE '' END)
	FROM m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid AND t.typtype = 'c'
		JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT m.obj, 'domain', 0, format('over %s, not null %s, default %s', format_type(t.typbasetype, t.typtypmod),
									  t.typnotnull, coalesce(t.typdefault, 'none'))
	FROM m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid AND t.typtype = 'd'
	UNION ALL
	SELECT m.obj, 'constraint', 0, c.conname || ' ' || pg_get_constraintdef(c.oid)
	FROM m JOIN pg_constraint c ON m.classid = 'pg_type'::regclass AND c.contypid = m.objid
	UNION ALL
	SELECT m.obj, 'label', e.enumsortorder::int, e.enumlabel
	FROM m JOIN pg_enum e ON m.classid = 'pg_type'::regclass AND e.enumtypid = m.objid
	UNION ALL
	-- tables, views, sequences: kind, columns, constraints, indexes,
	-- triggers, the view's query, privileges
	SELECT m.obj, 'relation', 0, format('kind %s, persistence %s, options %s, privileges %s',
										c.relkind, c.relpersistence, coalesce(c.reloptions::text, 'none'),
										coalesce(c.relacl::text, 'default'))
	FROM m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT m.obj, 'column', a.attnum::int,
		   format('%s %s%s%s%s%s', a.attname, format_type(a.atttypid, a.atttypmod),
				  CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
				  CASE WHEN a.attgenerated = 's' THEN ' generated always as ' || pg_get_expr(d.adbin, d.adrelid)
					   WHEN a.atthasdef THEN ' default ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
				  CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END,
				  CASE WHEN a.attacl IS NOT NULL THEN ' privileges ' || a.attacl::text ELSE '' END)
	FROM m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
	UNION ALL
	SELECT m.obj, 'constraint', 0, co.conname || ' ' || pg_get_constraintdef(co.oid)
	FROM m JOIN pg_constraint co ON m.classid = 'pg_class'::regclass AND co.conrelid = m.objid
	UNION ALL
	SELECT m.obj, 'index', 0, pg_get_indexdef(i.indexrelid)
	FROM m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
	UNION ALL
	SELECT m.obj, 'trigger', 0, pg_get_triggerdef(tg.oid)
	FROM m JOIN pg_trigger tg ON m.classid = 'pg_class'::regclass AND tg.tgrelid = m.objid AND NOT tg.tgisinternal
	UNION ALL
	SELECT m.obj, 'view', l.n::int, l.line
	FROM m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid AND c.relkind IN ('v', 'm'),
		 regexp_split_to_table(pg_get_viewdef(c.oid), E'\n') WITH ORDINALITY AS l(line, n)
	UNION ALL
	-- the rows of the extension's tables (reference data such as govdisc_labels)
	SELECT m.obj, 'row', 0, r
	FROM m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid AND c.relkind = 'r',
		 pg_temp.rows_of(c.oid) AS r
	UNION ALL
	-- casts and operators
	SELECT m.obj, 'cast', 0, format('function %s, context %s, method %s',
									coalesce(k.castfunc::regprocedure::text, 'none'), k.castcontext, k.castmethod)
	FROM m JOIN pg_cast k ON m.classid = 'pg_cast'::regclass AND k.oid = m.objid
	UNION ALL
	SELECT m.obj, 'operator', 0, format('function %s, returns %s, commutator %s, negator %s, restrict %s, join %s, merges %s, hashes %s',
										o.oprcode::regprocedure, format_type(o.oprresult, NULL), o.oprcom::regoperator,
										o.oprnegate::regoperator, o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
	FROM m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	SELECT m.obj, 'schema privileges', 0, coalesce(n.nspacl::text, 'default')
	FROM m JOIN pg_namespace n ON m.classid = 'pg_namespace'::regclass AND n.oid = m.objid
	UNION ALL
	-- comments, on the members and on their columns
	SELECT pg_describe_object(ds.classoid, ds.objoid, ds.objsubid), 'comment', 0, ds.description
	FROM m JOIN pg_description ds ON ds.classoid = m.classid AND ds.objoid = m.objid
	UNION ALL
	-- the operator classes and families, text search objects, event
	-- triggers and the rest are compared by their member line above
	SELECT m.obj, 'event trigger', 0, format('on %s, function %s, tags %s, enabled %s',
											 et.evtevent, et.evtfoid::regprocedure, coalesce(et.evttags::text, 'all'), et.evtenabled)
	FROM m JOIN pg_event_trigger et ON m.classid = 'pg_event_trigger'::regclass AND et.oid = m.objid
)
SELECT obj || ' | ' || prop || CASE WHEN val = '' THEN '' ELSE ' | ' || val END
FROM facts
ORDER BY obj COLLATE "C", prop COLLATE "C", n, val COLLATE "C";
