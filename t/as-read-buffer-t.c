/* SPDX-License-Identifier: MIT */
/* as-read-buffer-t.c - PyObject_AsReadBuffer() as libpyoldbuf provides it. */
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
	plan(expect_all_count(AS_READ_BUFFER) + 3);

	expect_all(AS_READ_BUFFER);

	expect_with_pending(AS_READ_BUFFER, "b'abc'", 0, "KeyError: 'pending'");
	expect_with_pending(AS_READ_BUFFER, "'text'", -1,
	                    "TypeError: a bytes-like object is required, "
	                    "not 'str'");
	expect_legacy_name(AS_READ_BUFFER);
	return 0;
}
