/* SPDX-License-Identifier: MIT */
/*
 * oldbuffer.h - the legacy ("old") buffer protocol for every Python 3
 *
 * Copyright (c) 2026 The libpyoldbuf authors
 *
 * CPython 3.13 removed PyObject_AsCharBuffer(), PyObject_AsReadBuffer(),
 * PyObject_CheckReadBuffer() and PyObject_AsWriteBuffer() from its headers.
 * libpyoldbuf implements them again, with the interpreter's exact behaviour,
 * under its own names, and this header maps the legacy names onto them.
 *
 * Include it after <Python.h>, compile with `pkg-config --cflags oldbuffer`
 * plus the target Python's include flags, and link with
 * `pkg-config --libs oldbuffer`.  An unmodified source can also get it with
 * `cc -include oldbuffer.h`, before its own #include <Python.h>: then this
 * header includes nothing, so that Python.h still sees the source's own
 * PY_SSIZE_T_CLEAN and feature macros.
 */
#ifndef OLDBUFFER_H
#define OLDBUFFER_H

/*
 * Version of this header.  build-aux/version.sh reads these three lines:
 * they are the one place where the version number is written.
 */
#define OLDBUFFER_VERSION_MAJOR 1
#define OLDBUFFER_VERSION_MINOR 0
#define OLDBUFFER_VERSION_PATCH 0

#define OLDBUFFER_VERSION_HEX \
	((OLDBUFFER_VERSION_MAJOR << 16) | (OLDBUFFER_VERSION_MINOR << 8) \
	 | OLDBUFFER_VERSION_PATCH)
#define OLDBUFFER_STRINGIFY_(n) #n
#define OLDBUFFER_STRINGIFY(n) OLDBUFFER_STRINGIFY_(n)
#define OLDBUFFER_VERSION_STRING \
	OLDBUFFER_STRINGIFY(OLDBUFFER_VERSION_MAJOR) "." \
	OLDBUFFER_STRINGIFY(OLDBUFFER_VERSION_MINOR) "." \
	OLDBUFFER_STRINGIFY(OLDBUFFER_VERSION_PATCH)

/* Only the library's own build defines PYOLDBUF_BUILDING. */
#if defined(PYOLDBUF_BUILDING) && defined(__GNUC__)
# define PYOLDBUF_API extern __attribute__((__visibility__("default")))
#else
# define PYOLDBUF_API extern
#endif

/*
 * The prototypes' types.  Before Python.h they are spelled with what the
 * compiler alone provides: PyObject is struct _object, and Py_ssize_t is
 * ssize_t, which is the type of pointer differences on every platform that
 * GCC and Clang build CPython for.  Python.h, included next, then declares
 * (3.6 to 3.12) or uses the same types.
 */
#ifdef Py_PYTHON_H
# define PYOLDBUF_OBJECT PyObject
# define PYOLDBUF_SSIZE Py_ssize_t
#elif defined(__PTRDIFF_TYPE__)
struct _object;
# define PYOLDBUF_OBJECT struct _object
# define PYOLDBUF_SSIZE __PTRDIFF_TYPE__
#else
# error "include <Python.h> before <oldbuffer.h>"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Get a read-only pointer to the bytes of a C-contiguous buffer exporter.
 * Same behaviour as CPython's PyObject_AsCharBuffer().
 */
PYOLDBUF_API int pyoldbuf_as_char_buffer(PYOLDBUF_OBJECT *obj,
                                         const char **buffer,
                                         PYOLDBUF_SSIZE *buffer_len);

/*
 * Get a read-only pointer to the bytes of a C-contiguous buffer exporter.
 * Same behaviour as CPython's PyObject_AsReadBuffer().
 */
PYOLDBUF_API int pyoldbuf_as_read_buffer(PYOLDBUF_OBJECT *obj,
                                         const void **buffer,
                                         PYOLDBUF_SSIZE *buffer_len);

/*
 * Return 1 if obj exports a C-contiguous buffer, else 0; never fails.
 * Same behaviour as CPython's PyObject_CheckReadBuffer(), except that a
 * NULL obj returns 0 where CPython crashes.
 */
PYOLDBUF_API int pyoldbuf_check_read_buffer(PYOLDBUF_OBJECT *obj);

/*
 * Get a writable pointer to the bytes of a C-contiguous, writable buffer
 * exporter.  Same behaviour as CPython's PyObject_AsWriteBuffer().
 */
PYOLDBUF_API int pyoldbuf_as_write_buffer(PYOLDBUF_OBJECT *obj,
                                          void **buffer,
                                          PYOLDBUF_SSIZE *buffer_len);

#ifdef __cplusplus
}
#endif

/*
 * The legacy names.  Object-like macros, so that taking a function's address
 * (&PyObject_AsReadBuffer) keeps working.  They also replace the declarations
 * that Python 3.8 to 3.12 mark Py_DEPRECATED, so -Werror builds stay clean
 * (when this header comes first, Python.h's deprecated declarations come
 * after the macros and still warn on 3.8 to 3.12).
 * Define PYOLDBUF_NO_LEGACY_NAMES to keep only the pyoldbuf_ names.
 */
#ifndef PYOLDBUF_NO_LEGACY_NAMES
# undef PyObject_AsCharBuffer
# undef PyObject_AsReadBuffer
# undef PyObject_CheckReadBuffer
# undef PyObject_AsWriteBuffer
# define PyObject_AsCharBuffer pyoldbuf_as_char_buffer
# define PyObject_AsReadBuffer pyoldbuf_as_read_buffer
# define PyObject_CheckReadBuffer pyoldbuf_check_read_buffer
# define PyObject_AsWriteBuffer pyoldbuf_as_write_buffer
#endif

#endif /* OLDBUFFER_H */
