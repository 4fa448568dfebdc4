/* SPDX-License-Identifier: MIT */
/* A fixture of t/scan-t.sh: names in comments and strings only, and a
 * longer name that contains one.  Nothing to find.
 *   PyObject_AsReadBuffer(obj, &buffer, &length);
 */
#include <Python.h>

#if defined(PyObject_AsReadBuffer)
# undef PyObject_AsReadBuffer
#endif

static const char text[] = "PyObject_AsCharBuffer() is gone in 3.13";
static const char *ported = "PyObject_AsWriteBuffer";

int my_PyObject_AsReadBuffer(PyObject *obj);

int
my_PyObject_AsReadBuffer(PyObject *obj)
{
	Py_buffer view;    /* PyObject_CheckReadBuffer(obj) */

	if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0)
		return -1;
	PyBuffer_Release(&view);
	return (int)sizeof(text) + (ported != 0);
}
