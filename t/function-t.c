/* SPDX-License-Identifier: MIT */
/*
 * function-t.c - one legacy function as libpyoldbuf provides it: the one
 * FUNCTION names.  Makefile.am builds it four times, as as-char-buffer-t,
 * as-read-buffer-t, check-read-buffer-t and as-write-buffer-t.
 *
 * Each corpus object (t/tap/corpus.c), each argument NULL in turn with and
 * without an exception pending, the calls below with an exception
 * pending, and the legacy name's address.  CheckReadBuffer answers 1
 * exactly when reading would succeed, never raises, clears a pending
 * exception when the exporter fails (as CPython does) and answers 0 for
 * NULL; every AsWriteBuffer failure is the same TypeError, whatever the
 * exporter raised.
 */
#include <Python.h>

#include <string.h>

#include "tap/basic.h"
#include "tap/corpus.h"
#include "tap/legacy.h"
#include "tap/python.h"

#ifndef FUNCTION
# error "FUNCTION: give -DFUNCTION=AS_CHAR_BUFFER (or another legacy_fn)"
#endif

#define PENDING "KeyError: 'pending'"
#define NOT_STR "TypeError: a bytes-like object is required, not 'str'"

/* With KeyError('pending') raised before the call: fn(expr) -> ret, exc. */
static const struct {
	enum legacy_fn fn;
	const char *expr;
	int ret;
	const char *exc;
} pending_calls[] = {
	{ AS_CHAR_BUFFER, "b'abc'", 0, PENDING },
	{ AS_CHAR_BUFFER, "'text'", -1, NOT_STR },
	{ AS_READ_BUFFER, "b'abc'", 0, PENDING },
	{ AS_READ_BUFFER, "'text'", -1, NOT_STR },
	{ CHECK_READ_BUFFER, "b'abc'", 1, PENDING },
	{ CHECK_READ_BUFFER, "'text'", 0, PENDING },
	{ CHECK_READ_BUFFER, "memoryview(b'abcdef')[::2]", 0, "" },
	{ AS_WRITE_BUFFER, "bytearray(b'abc')", 0, PENDING },
	{ AS_WRITE_BUFFER, "b'abc'", -1, WRITE_ERROR },
};
#define PENDING_CALLS (sizeof(pending_calls) / sizeof(pending_calls[0]))

int
main(void)
{
	unsigned long count = 0;
	size_t i;

	py_start();
	for (i = 0; i < PENDING_CALLS; i++)
		count += pending_calls[i].fn == FUNCTION;
	plan(expect_all_count(FUNCTION) + count + 1);

	expect_all(FUNCTION);
	for (i = 0; i < PENDING_CALLS; i++)
		if (pending_calls[i].fn == FUNCTION)
			expect_with_pending(FUNCTION, pending_calls[i].expr,
			                    pending_calls[i].ret,
			                    pending_calls[i].exc);
	expect_legacy_name(FUNCTION);
	return 0;
}
