/*
 * review_order.h
 *		表四's figures in the order plain pdftotext writes them, laid on the
 *		cells by the 总计 labels and the groups' sums (review_order.c).
 */
#ifndef GOVDISC_REVIEW_ORDER_H
#define GOVDISC_REVIEW_ORDER_H

#include "cells.h"

extern void gd_review_order(GdParser *p, const GdToken *const *vals, const bool *marked);

#endif							/* GOVDISC_REVIEW_ORDER_H */
