/* SPDX-License-Identifier: MIT */
/*
 * check-read-buffer-t.c - PyObject_CheckReadBuffer() as libpyoldbuf provides
 * it: 1 exactly when reading would succeed, never an exception, a pending
 * exception cleared by a failing exporter (as CPython does), 0 for NULL.
 */
#include <Python.h>

#include <oldbuffer.h>

#include "tap/basic.h"
#include "tap/corpus.h"
#include "tap/legacy.h"
#include "tap/python.h"

int
main(void)
{
	py_start();
	plan(expect_all_count(CHECK_READ_BUFFER) + 4);

	expect_all(CHECK_READ_BUFFER);

	expect_with_pending(CHECK_READ_BUFFER, "b'abc'", 1,
	                    "KeyError: 'pending'");
	expect_with_pending(CHECK_READ_BUFFER, "'text'", 0,
	                    "KeyError: 'pending'");
	expect_with_pending(CHECK_READ_BUFFER, "memoryview(b'abcdef')[::2]", 0,
	                    "");
	expect_legacy_name(CHECK_READ_BUFFER);
	return 0;
}
