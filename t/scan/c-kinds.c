/* SPDX-License-Identifier: MIT */
/* A fixture of t/scan-t.sh: a call after a statement macro, comments
 * between a name and what follows it, and a definition. */
static void f(PyObject *o)
{
	const void *p;
	Py_ssize_t n;

	Py_BEGIN_ALLOW_THREADS
	PyObject_AsReadBuffer(o, &p, &n);
	Py_END_ALLOW_THREADS
	int (*g)(PyObject *) = PyObject_CheckReadBuffer // the check
		;
	(void)PyObject_AsWriteBuffer // a comment
		(o, (void **)&p, &n);
}

int
PyObject_AsCharBuffer(PyObject *obj, const char **buffer, Py_ssize_t *buffer_len)
{
	return 0;
}
