/* SPDX-License-Identifier: MIT */
/*
 * oldbuffer.c - the four legacy buffer functions
 *
 * Copyright (c) 2026 The libpyoldbuf authors
 *
 * Each function does what CPython's Objects/abstract.c does (identical in
 * 3.6 to 3.13): a PyBUF_SIMPLE or PyBUF_WRITABLE request, the pointer and
 * length copied out, the view released at once.  On Python >= 3.11 this file
 * is compiled against the Limited API, so one build serves every later
 * CPython.
 */
#define PYOLDBUF_BUILDING 1
#include <Python.h>

#include "oldbuffer.h"

/* CPython's null_error(): keep an exception that is already pending. */
static void
null_error(void)
{
	if (!PyErr_Occurred())
		PyErr_SetString(PyExc_SystemError,
		                "null argument to internal routine");
}

/* CPython's as_read_buffer(), shared by AsCharBuffer and AsReadBuffer. */
static int
as_read_buffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len)
{
	Py_buffer view;

	if (obj == NULL || buffer == NULL || buffer_len == NULL) {
		null_error();
		return -1;
	}
	if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0)
		return -1;

	*buffer = view.buf;
	*buffer_len = view.len;
	PyBuffer_Release(&view);
	return 0;
}

int
pyoldbuf_as_char_buffer(PyObject *obj, const char **buffer,
                        Py_ssize_t *buffer_len)
{
	return as_read_buffer(obj, (const void **)buffer, buffer_len);
}

int
pyoldbuf_as_read_buffer(PyObject *obj, const void **buffer,
                        Py_ssize_t *buffer_len)
{
	return as_read_buffer(obj, buffer, buffer_len);
}

int
pyoldbuf_check_read_buffer(PyObject *obj)
{
	Py_buffer view;

	/* CPython dereferences a NULL obj; we answer 0. */
	if (obj == NULL || !PyObject_CheckBuffer(obj))
		return 0;
	/*
	 * Only -1 means failure here, as in CPython.  view.obj starts NULL so
	 * that an exporter returning another non-zero value without filling
	 * the view cannot make PyBuffer_Release() read garbage.
	 */
	view.obj = NULL;
	if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) == -1) {
		PyErr_Clear();
		return 0;
	}
	PyBuffer_Release(&view);
	return 1;
}

int
pyoldbuf_as_write_buffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)
{
	Py_buffer view;

	if (obj == NULL || buffer == NULL || buffer_len == NULL) {
		null_error();
		return -1;
	}
	/* Whatever the exporter raised is replaced, as in CPython. */
	if (!PyObject_CheckBuffer(obj)
	    || PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) != 0) {
		PyErr_SetString(PyExc_TypeError,
		                "expected a writable bytes-like object");
		return -1;
	}

	*buffer = view.buf;
	*buffer_len = view.len;
	PyBuffer_Release(&view);
	return 0;
}
