/* SPDX-License-Identifier: MIT */
/*
 * differential-t.c - libpyoldbuf against the interpreter's own functions
 *
 * Every libpython from 3.6 to 3.13 still exports PyObject_AsCharBuffer & co.
 * This test calls both implementations on every corpus object through
 * implementations_agree(): with every argument NULL in turn (but for
 * CheckReadBuffer(NULL), where CPython crashes) and with and without a
 * pending exception, comparing all that observe_call() observes: return
 * value, output parameters (pointer included), pending exception and its
 * message, reference count; then whether the object can be resized, so
 * that neither left an export.
 *
 * Last, the comparison itself is checked against two wrong implementations.
 */
#include <Python.h>

#include <string.h>

#include <oldbuffer.h>

#include "tap/basic.h"
#include "tap/corpus.h"
#include "tap/legacy.h"
#include "tap/python.h"

/* Wrong on purpose: the length is one byte short. */
static int
short_read_buffer(PyObject *obj, const void **buffer, Py_ssize_t *len)
{
	int ret = PyObject_AsReadBuffer(obj, buffer, len);

	if (ret == 0)
		--*len;
	return ret;
}

/* Wrong on purpose: CPython's message, reworded. */
static int
reworded_write_buffer(PyObject *obj, void **buffer, Py_ssize_t *len)
{
	int ret = PyObject_AsWriteBuffer(obj, buffer, len);

	if (ret != 0)
		PyErr_SetString(PyExc_TypeError, "expected a writable buffer");
	return ret;
}

static void
expect_divergence(const struct legacy_api *wrong, enum legacy_fn fn,
                  const char *expr)
{
	PyObject *obj = py_eval(expr);

	ok(!implementations_agree(wrong, interpreter_api(), fn, obj, NULL,
	                          NULL),
	   "the comparison tells %s from the interpreter on %s(%s)",
	   wrong->name, legacy_fn_name[fn], expr);
	Py_DECREF(obj);
}

int
main(void)
{
	struct legacy_api short_api = library_api, reworded_api = library_api;
	PyObject *obj;
	size_t i;
	int fn;

	py_start();
	plan(corpus_size * LEGACY_FN_COUNT + 2);

	for (i = 0; i < corpus_size; i++) {
		if (!corpus_applies(&corpus[i])) {
			for (fn = 0; fn < LEGACY_FN_COUNT; fn++)
				skip_case(fn, &corpus[i]);
			continue;
		}
		obj = py_eval(corpus[i].expr);
		for (fn = 0; fn < LEGACY_FN_COUNT; fn++)
			ok(implementations_agree(&library_api, interpreter_api(), fn, obj,
			         corpus[i].expr, NULL),
			   "%s(%s): libpyoldbuf and the interpreter agree",
			   legacy_fn_name[fn], corpus[i].expr);
		Py_DECREF(obj);
	}

	short_api.name = "a short AsReadBuffer";
	short_api.as_read_buffer = short_read_buffer;
	expect_divergence(&short_api, AS_READ_BUFFER, "b'abc'");
	reworded_api.name = "a reworded AsWriteBuffer";
	reworded_api.as_write_buffer = reworded_write_buffer;
	expect_divergence(&reworded_api, AS_WRITE_BUFFER, "b'abc'");
	return 0;
}
