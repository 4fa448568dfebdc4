/* SPDX-License-Identifier: MIT */
/*
 * basic.h - a small TAP producer for the test programs
 *
 * plan() first, then one ok()/is_*()/skip() per test.  The exit status is
 * non-zero when a test failed or the count differs from the plan.
 */
#ifndef TAP_BASIC_H
#define TAP_BASIC_H

#include <stddef.h>

#if defined(__GNUC__)
# define TAP_PRINTF(f, a) __attribute__((__format__(__printf__, f, a)))
# define TAP_NORETURN __attribute__((__noreturn__))
#else
# define TAP_PRINTF(f, a)
# define TAP_NORETURN
#endif

void plan(unsigned long count);
int ok(int success, const char *format, ...) TAP_PRINTF(2, 3);
void skip(const char *reason, ...) TAP_PRINTF(1, 2);
void diag(const char *format, ...) TAP_PRINTF(1, 2);
void bail(const char *format, ...) TAP_PRINTF(1, 2) TAP_NORETURN;

#endif /* TAP_BASIC_H */
