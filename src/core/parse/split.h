/*
 * split.h
 *		Cells run together with no separator (split.c): every way to cut a
 *		string of digits into k figures, kept only where the sums decide.
 */
#ifndef GOVDISC_SPLIT_H
#define GOVDISC_SPLIT_H

#include "parser.h"

#define GD_MAX_CANDIDATES 4096
extern size_t gd_split_text(const char *s, size_t n, char *buf, size_t bufsize);
extern int64_t *gd_split_scratch(GdParser *p);
extern int64_t *gd_keep_candidates(GdParser *p, const int64_t *cands, int n, int k);
extern int	gd_split(const char *d, size_t n, int k, unsigned sign_mask, int64_t *out, int max);
extern int	gd_filter_candidates(int64_t *cands, int ncand, int k,
								 bool (*keep) (const int64_t *v, void *arg), void *arg);

#endif							/* GOVDISC_SPLIT_H */
