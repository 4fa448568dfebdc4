/* SPDX-License-Identifier: MIT */
/*
 * as-write-buffer-t.c - PyObject_AsWriteBuffer() as libpyoldbuf provides it:
 * every failure is the same TypeError, whatever the exporter raised.
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
	plan(expect_all_count(AS_WRITE_BUFFER) + 3);

	expect_all(AS_WRITE_BUFFER);

	expect_with_pending(AS_WRITE_BUFFER, "bytearray(b'abc')", 0,
	                    "KeyError: 'pending'");
	expect_with_pending(AS_WRITE_BUFFER, "b'abc'", -1, WRITE_ERROR);
	expect_legacy_name(AS_WRITE_BUFFER);
	return 0;
}
