/*
 * divisions.h
 *		The tables of administrative divisions (divisions_data.c, generated
 *		by tools/divisions/convert.js) as the agency matcher (agency.c)
 *		reads them.  Core only (no PostgreSQL).
 */
#ifndef GOVDISC_DIVISIONS_H
#define GOVDISC_DIVISIONS_H

#include <stdint.h>

typedef struct GdDivision
{
	const char *code;			/* GB/T 2260 (6 digits) or town (9 digits) */
	const char *name;
	int32_t		parent;			/* index in gd_divisions, -1 for a province */
	int8_t		level;			/* 1 province, 2 prefecture, 3 county, 4 town */
} GdDivision;

/* a name a division goes by, in bytewise (strcmp) order */
typedef struct GdDivisionName
{
	const char *name;
	int32_t		div;
	int8_t		is_short;		/* 河北 for 河北省, 淮安 for 淮安市 */
} GdDivisionName;

/* ordered by code, so a division comes after its parent */
extern const GdDivision gd_divisions[];
extern const int gd_ndivisions;
extern const GdDivisionName gd_division_names[];
extern const int gd_ndivision_names;
extern const char gd_divisions_source[];

#endif							/* GOVDISC_DIVISIONS_H */
