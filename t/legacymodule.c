/* SPDX-License-Identifier: MIT */
/*
 * legacymodule.c - an extension module written the old way
 *
 * It calls the legacy names as real extensions do (py-lmdb's size_t length,
 * sapling's "if (PyObject_AsCharBuffer(...)) return NULL;", the check-then-
 * read idiom).  As it is, it is the source before anyone touched it: it
 * never includes oldbuffer.h, and the zero-patch recipe rebuilds it with
 * flags alone (cc -include oldbuffer.h).  Built with -DLEGACY_PORTED it is
 * the source after its one-line port, which includes oldbuffer.h after
 * Python.h.  Built plainly on PyPy, with -DLEGACY_MODULE=native, it calls
 * PyPy's own functions: the oracle of t/extension-t.py there.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#ifdef LEGACY_PORTED
#include <oldbuffer.h>
#endif

#include <string.h>

/* The module's name: legacy, or LEGACY_MODULE. */
#ifndef LEGACY_MODULE
# define LEGACY_MODULE legacy
#endif
#define LEGACY_PASTE_(a, b) a##b
#define LEGACY_PASTE(a, b) LEGACY_PASTE_(a, b)
#define LEGACY_STRING_(a) #a
#define LEGACY_STRING(a) LEGACY_STRING_(a)

/* read(obj) -> (address, bytes), through PyObject_AsReadBuffer. */
static PyObject *
legacy_read(PyObject *self, PyObject *obj)
{
	const void *data;
	size_t size;    /* py-lmdb keeps lengths in a size_t */

	(void)self;
	if (PyObject_AsReadBuffer(obj, &data, (Py_ssize_t *)&size))
		return NULL;
	return Py_BuildValue("(ny#)", (Py_ssize_t)data, (const char *)data,
	                     (Py_ssize_t)size);
}

/* char(obj) -> (address, bytes), through PyObject_AsCharBuffer. */
static PyObject *
legacy_char(PyObject *self, PyObject *obj)
{
	const char *text;
	Py_ssize_t len;

	(void)self;
	if (PyObject_AsCharBuffer(obj, &text, &len))
		return NULL;
	return Py_BuildValue("(ny#)", (Py_ssize_t)text, text, len);
}

/* check(obj) -> 0 or 1, through PyObject_CheckReadBuffer. */
static PyObject *
legacy_check(PyObject *self, PyObject *obj)
{
	(void)self;
	return PyLong_FromLong(PyObject_CheckReadBuffer(obj));
}

/* checked_read(obj) -> bytes or None: check first, then read. */
static PyObject *
legacy_checked_read(PyObject *self, PyObject *obj)
{
	const void *data;
	Py_ssize_t len;

	(void)self;
	if (!PyObject_CheckReadBuffer(obj))
		Py_RETURN_NONE;
	if (PyObject_AsReadBuffer(obj, &data, &len) != 0)
		return NULL;
	return PyBytes_FromStringAndSize((const char *)data, len);
}

/* fill(obj, byte) -> (address, length): set every byte of obj's buffer. */
static PyObject *
legacy_fill(PyObject *self, PyObject *args)
{
	PyObject *obj;
	unsigned char byte;
	unsigned char *data;
	Py_ssize_t len;

	(void)self;
	if (!PyArg_ParseTuple(args, "Ob", &obj, &byte))
		return NULL;
	if (PyObject_AsWriteBuffer(obj, (void **)&data, &len) < 0)
		return NULL;
	memset(data, byte, (size_t)len);
	return Py_BuildValue("(nn)", (Py_ssize_t)data, len);
}

/* length(bytes) -> its length, parsed with "y#" (needs PY_SSIZE_T_CLEAN). */
static PyObject *
legacy_length(PyObject *self, PyObject *args)
{
	const char *data;
	Py_ssize_t len = -1;

	(void)self;
	if (!PyArg_ParseTuple(args, "y#", &data, &len))
		return NULL;
	return PyLong_FromSsize_t(len);
}

static PyMethodDef legacy_methods[] = {
	{ "read", legacy_read, METH_O, "PyObject_AsReadBuffer" },
	{ "char", legacy_char, METH_O, "PyObject_AsCharBuffer" },
	{ "check", legacy_check, METH_O, "PyObject_CheckReadBuffer" },
	{ "checked_read", legacy_checked_read, METH_O, "check, then read" },
	{ "fill", legacy_fill, METH_VARARGS, "PyObject_AsWriteBuffer" },
	{ "length", legacy_length, METH_VARARGS, "PY_SSIZE_T_CLEAN in use" },
	{ NULL, NULL, 0, NULL }
};

#ifdef Py_TARGET_ABI3T
/*
 * abi3t (3.15, PEP 803: the Limited API of a free-threaded build), where
 * PyModuleDef is opaque: the module exports its slots (PEP 793).
 */
PyABIInfo_VAR(legacy_abi);

static PySlot legacy_slots[] = {
	PySlot_STATIC_DATA(Py_mod_abi, &legacy_abi),
	PySlot_STATIC_DATA(Py_mod_name, LEGACY_STRING(LEGACY_MODULE)),
	PySlot_STATIC_DATA(Py_mod_methods, legacy_methods),
	PySlot_END,
};

PyMODEXPORT_FUNC LEGACY_PASTE(PyModExport_, LEGACY_MODULE)(void);

PyMODEXPORT_FUNC
LEGACY_PASTE(PyModExport_, LEGACY_MODULE)(void)
{
	return legacy_slots;
}
#else
static struct PyModuleDef legacy_module = {
	PyModuleDef_HEAD_INIT, LEGACY_STRING(LEGACY_MODULE),
	"The legacy buffer API, the old way.",
	-1, legacy_methods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC LEGACY_PASTE(PyInit_, LEGACY_MODULE)(void);

PyMODINIT_FUNC
LEGACY_PASTE(PyInit_, LEGACY_MODULE)(void)
{
	return PyModule_Create(&legacy_module);
}
#endif
