/* SPDX-License-Identifier: MIT */
/*
 * oldbuffer.c - the four legacy buffer functions
 *
 * Copyright (c) 2026 The libpyoldbuf authors
 *
 * Each function does what CPython's Objects/abstract.c does (identical in
 * 3.6 to 3.13): a PyBUF_SIMPLE or PyBUF_WRITABLE request, the pointer and
 * length copied out, the view released at once.  Two things make it
 * faster than the interpreter's own:
 *
 *  - exact bytes and bytearray take a shortcut to the same pointer and
 *    length, without a frame or a buffer export;
 *  - in a build for one Python version, the type's buffer slots are called
 *    directly, as CPython's own CheckReadBuffer and AsWriteBuffer do, with
 *    PyObject_GetBuffer()'s and PyBuffer_Release()'s bodies written out.
 *
 * On Python >= 3.11 this file is compiled against the Limited API, so one
 * build serves every later CPython; the slots are hidden there, and the
 * functions are called instead.
 */
#define PYOLDBUF_BUILDING 1
#include <Python.h>

#include "oldbuffer.h"

#if defined(__GNUC__)
# define NOINLINE __attribute__((__noinline__))
# define INLINE __inline__ __attribute__((__always_inline__))
#else
# define NOINLINE
# define INLINE
#endif

/*
 * The shortcuts.  For an exact bytes or bytearray (never a subclass: from
 * 3.12 on a subclass can override __buffer__) the interpreter's getbuffer
 * gives the object's own storage and size, holds and drops one export and
 * one reference, and cannot fail.  PyByteArray_AS_STRING() is what
 * bytearray's getbuffer gives, including the shared empty string of an
 * empty bytearray.  The Limited API has functions for the two macros.
 */
#ifdef Py_LIMITED_API
# define BYTES_STRING(obj) bytes_string(obj)
# define BYTEARRAY_STRING(obj) PyByteArray_AsString(obj)

/*
 * PyBytes_AS_STRING() is ob_sval, at the same offset in every bytes
 * object; the Limited API does not say where.  The first exact bytes
 * object asks the interpreter, PyBytes_AsString(), and the answer is kept.
 */
static Py_ssize_t bytes_offset;

static NOINLINE Py_ssize_t
learn_bytes_offset(PyObject *obj)
{
	Py_ssize_t offset = PyBytes_AsString(obj) - (char *)obj;

# if defined(__ATOMIC_RELAXED)
	__atomic_store_n(&bytes_offset, offset, __ATOMIC_RELAXED);
# else
	bytes_offset = offset;
# endif
	return offset;
}

static char *
bytes_string(PyObject *obj)
{
# if defined(__ATOMIC_RELAXED)
	Py_ssize_t offset = __atomic_load_n(&bytes_offset, __ATOMIC_RELAXED);
# else
	Py_ssize_t offset = bytes_offset;
# endif

	if (offset == 0)
		offset = learn_bytes_offset(obj);
	return (char *)obj + offset;
}
#else
# define BYTES_STRING(obj) PyBytes_AS_STRING(obj)
# define BYTEARRAY_STRING(obj) PyByteArray_AS_STRING(obj)
#endif
/* Py_SIZE() without the assertions that some Python.h versions add. */
#define VAR_SIZE(obj) (((PyVarObject *)(obj))->ob_size)

/*
 * has_buffer(), get_buffer() and release_buffer(): PyObject_CheckBuffer(),
 * PyObject_GetBuffer() and PyBuffer_Release(), whose bodies are the same in
 * CPython 3.6 to 3.13 but for a check of flags that never applies here.
 */
#ifdef Py_LIMITED_API
# define has_buffer(obj) PyObject_CheckBuffer(obj)
# define get_buffer(obj, view, flags) PyObject_GetBuffer(obj, view, flags)
# define slot_get_buffer(obj, view, flags) PyObject_GetBuffer(obj, view, flags)
# define release_buffer(view) PyBuffer_Release(view)
#else
static INLINE int
has_buffer(PyObject *obj)
{
	PyBufferProcs *procs = Py_TYPE(obj)->tp_as_buffer;

	return procs != NULL && procs->bf_getbuffer != NULL;
}

/* get_buffer() for a type known to have the slot. */
static INLINE int
slot_get_buffer(PyObject *obj, Py_buffer *view, int flags)
{
	return Py_TYPE(obj)->tp_as_buffer->bf_getbuffer(obj, view, flags);
}

static INLINE int
get_buffer(PyObject *obj, Py_buffer *view, int flags)
{
	if (!has_buffer(obj)) {
		PyErr_Format(PyExc_TypeError,
		             "a bytes-like object is required, not '%.100s'",
		             Py_TYPE(obj)->tp_name);
		return -1;
	}
	return slot_get_buffer(obj, view, flags);
}

static INLINE void
release_buffer(Py_buffer *view)
{
	PyObject *obj = view->obj;
	PyBufferProcs *procs;

	if (obj == NULL)
		return;
	procs = Py_TYPE(obj)->tp_as_buffer;
	if (procs != NULL && procs->bf_releasebuffer != NULL)
		procs->bf_releasebuffer(obj, view);
	view->obj = NULL;
	Py_DECREF(obj);
}
#endif

/*
 * CPython's null_error(): keep an exception that is already pending.  Like
 * every slow path, out of line, so that the shortcuts need no stack frame.
 */
static NOINLINE int
null_error(void)
{
	if (!PyErr_Occurred())
		PyErr_SetString(PyExc_SystemError,
		                "null argument to internal routine");
	return -1;
}

/* The request and release of CPython's as_read_buffer(). */
static NOINLINE int
read_view(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len)
{
	Py_buffer view;

	if (get_buffer(obj, &view, PyBUF_SIMPLE) != 0)
		return -1;
	*buffer = view.buf;
	*buffer_len = view.len;
	release_buffer(&view);
	return 0;
}

/* CPython's as_read_buffer(), shared by AsCharBuffer and AsReadBuffer. */
static int
as_read_buffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len)
{
	if (obj == NULL || buffer == NULL || buffer_len == NULL)
		return null_error();
	if (PyBytes_CheckExact(obj)) {
		*buffer = BYTES_STRING(obj);
		*buffer_len = VAR_SIZE(obj);
		return 0;
	}
	if (PyByteArray_CheckExact(obj)) {
		*buffer = BYTEARRAY_STRING(obj);
		*buffer_len = VAR_SIZE(obj);
		return 0;
	}
	return read_view(obj, buffer, buffer_len);
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

/* The request of CheckReadBuffer, for a type that has a buffer slot. */
static NOINLINE int
check_view(PyObject *obj)
{
	Py_buffer view;

	/*
	 * Only -1 means failure here, as in CPython.  view.obj starts NULL so
	 * that an exporter returning another non-zero value without filling
	 * the view cannot make the release read garbage.
	 */
	view.obj = NULL;
	if (slot_get_buffer(obj, &view, PyBUF_SIMPLE) == -1) {
		PyErr_Clear();
		return 0;
	}
	release_buffer(&view);
	return 1;
}

int
pyoldbuf_check_read_buffer(PyObject *obj)
{
	/* CPython dereferences a NULL obj; we answer 0. */
	if (obj == NULL)
		return 0;
	if (PyBytes_CheckExact(obj) || PyByteArray_CheckExact(obj))
		return 1;
	/* No buffer slot: 0, and a pending exception stays pending. */
	if (!has_buffer(obj))
		return 0;
	return check_view(obj);
}

/* AsWriteBuffer's one error. */
static NOINLINE int
not_writable(void)
{
	PyErr_SetString(PyExc_TypeError, "expected a writable bytes-like object");
	return -1;
}

/* The request and release of AsWriteBuffer. */
static NOINLINE int
write_view(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)
{
	Py_buffer view;

	/* Whatever the exporter raised is replaced, as in CPython. */
	if (!has_buffer(obj)
	    || slot_get_buffer(obj, &view, PyBUF_WRITABLE) != 0)
		return not_writable();
	*buffer = view.buf;
	*buffer_len = view.len;
	release_buffer(&view);
	return 0;
}

int
pyoldbuf_as_write_buffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)
{
	if (obj == NULL || buffer == NULL || buffer_len == NULL)
		return null_error();
	if (PyByteArray_CheckExact(obj)) {
		*buffer = BYTEARRAY_STRING(obj);
		*buffer_len = VAR_SIZE(obj);
		return 0;
	}
	/*
	 * Exact bytes is read-only: its getbuffer would raise a BufferError
	 * that the TypeError then replaces, leaving no trace of it.
	 */
	if (PyBytes_CheckExact(obj))
		return not_writable();
	return write_view(obj, buffer, buffer_len);
}
