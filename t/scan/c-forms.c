/* SPDX-License-Identifier: MIT */
/* A fixture of t/scan-t.sh: the ways C code names the legacy functions.
 * None of this comment is a use: PyObject_AsReadBuffer(obj, &b, &n); */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#ifndef PyObject_AsCharBuffer   /* a test of the macro, not a use */
PyAPI_FUNC(int) PyObject_AsCharBuffer(PyObject *, const char **,
                                      Py_ssize_t *);
#endif
Py_DEPRECATED(3.0) PyAPI_FUNC(int) PyObject_CheckReadBuffer(PyObject *);
extern int PyObject_AsWriteBuffer(PyObject *, void **, Py_ssize_t *);

/* A macro that wraps a call is a use where it is defined. */
#define READ(o, b, n) PyObject_AsReadBuffer((o), (b), (n))
#define CHECK(o) \
	PyObject_CheckReadBuffer(o)

typedef int (*reader)(PyObject *, const void **, Py_ssize_t *);
static const reader readers[] = { PyObject_AsReadBuffer, 0 };

static const char *message = "PyObject_AsWriteBuffer(obj) failed";
static const char quote = '"';

int
legacy(PyObject *obj)
{
	const void *b;
	void *w;
	Py_ssize_t n;

	// PyObject_AsWriteBuffer(obj, &w, &n); was here
	if (!CHECK(obj))
		return -1;
	if (PyObject_AsReadBuffer(obj, &b, &n) != 0)
		return -1;
	(void)PyObject_AsWriteBuffer(obj, &w, &n);
	return READ(obj, &b, &n) + (readers[0] == &PyObject_AsReadBuffer)
		+ (message[0] == quote)
		+ PyObject_CheckReadBuffer
		  (obj);
}
