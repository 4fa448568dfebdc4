/* SPDX-License-Identifier: MIT */
/*
 * Copyright (c) 2026 The libpyoldbuf authors
 *
 * Permission is hereby granted, free of charge, to any person obtaining a
 * copy of this software and associated documentation files (the
 * "Software"), to deal in the Software without restriction, including
 * without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit
 * persons to whom the Software is furnished to do so, subject to the
 * following conditions:
 *
 * The above copyright notice and this permission notice shall be included
 * in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
 * OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
 * MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
 * NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 * DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 * OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
 * USE OR OTHER DEALINGS IN THE SOFTWARE.
 */
/**
 * @file oldbuffer.h
 * @brief The legacy ("old") buffer protocol for every Python 3.
 *
 * CPython 3.13 removed four functions from its headers:
 * PyObject_AsCharBuffer(), PyObject_AsReadBuffer(),
 * PyObject_CheckReadBuffer() and PyObject_AsWriteBuffer().  libpyoldbuf
 * implements them again, with the interpreter's exact behaviour, under its
 * own names (pyoldbuf_as_char_buffer() and so on), and this header maps the
 * legacy names onto them with object-like macros, so that
 * `&PyObject_AsReadBuffer` still works.  Each function has a page of its
 * own.
 *
 * Include it after `<Python.h>`, compile with the target Python's include
 * flags plus `pkg-config --cflags oldbuffer`, and link with
 * `pkg-config --libs oldbuffer`.  The pkg-config module names no Python on
 * purpose: an extension built for one CPython must not get another one's
 * `Python.h`.
 *
 * @par Zero-patch builds
 * An unmodified source can also get the functions with
 * `cc -include oldbuffer.h`, before its own `#include <Python.h>`: then
 * this header includes nothing, so that Python.h still sees the source's
 * own `PY_SSIZE_T_CLEAN` and feature macros.
 *
 * @par Only the library's names
 * Define `PYOLDBUF_NO_LEGACY_NAMES` before including the header to get
 * only the pyoldbuf_ names.
 *
 * @par Header-only mode
 * Define `PYOLDBUF_HEADER_ONLY` before including the header, and it
 * defines the four functions itself as `static inline`, with the same
 * names, prototypes and behaviour, so that nothing is linked: for
 * extensions shipped as wheels, which can copy this one file into their
 * tree.  It is the library's own implementation (the library is compiled
 * from this header).  In this mode the header needs `<Python.h>`: if it
 * comes first, it defines `PY_SSIZE_T_CLEAN` and includes `<Python.h>`
 * itself.  With `Py_LIMITED_API`, header-only mode needs 3.11 or later
 * (`Py_LIMITED_API >= 0x030B0000`, where the buffer protocol joined the
 * Limited API) and stops with an error below it.  With this header first
 * (`-include`), a source that defines `Py_LIMITED_API` itself stops
 * compiling with a message where it uses a legacy name (the header had to
 * include Python.h with the full API): give `-DPy_LIMITED_API=...` on the
 * command line too.
 *
 * @par Supported Pythons
 * CPython 3.6 to 3.15, with the GIL or free-threaded (3.13t to 3.15t),
 * and PyPy.  The library built with the Limited API (from a CPython 3.11
 * or later with the GIL) serves every CPython >= 3.11, GIL or
 * free-threaded; in a free-threaded one it leaves its shortcuts for exact
 * bytes and bytearray off.  A library built for one Python serves that
 * version and build only: from any other, each function raises
 * `SystemError: libpyoldbuf was built for CPython X.Y ... and cannot serve
 * Python ...`.  Header-only mode works on each of them, also with
 * `Py_LIMITED_API` >= 0x030B0000, and on 3.15t with abi3t
 * (`Py_LIMITED_API` 0x030F0000).
 *
 * @par Pointer lifetime
 * Every pointer these functions return is valid only while the object
 * lives and its storage does not move; pyoldbuf-porting(3) shows code that
 * holds a buffer view instead.
 *
 * @par Example
 * A program that embeds Python and measures two objects, example.c:
 * @code
 * #define PY_SSIZE_T_CLEAN
 * #include <Python.h>
 * #include <oldbuffer.h>
 * #include <stdio.h>
 *
 * #if OLDBUFFER_VERSION_HEX < 0x010000
 * #error "libpyoldbuf 1.0 or later is needed"
 * #endif
 *
 * // The length of obj's bytes, or -1 with an exception set.
 * static Py_ssize_t
 * byte_length(PyObject *obj)
 * {
 *     const void *data;
 *     Py_ssize_t len;
 *
 *     if (PyObject_AsReadBuffer(obj, &data, &len) < 0)
 *         return -1;
 *     return len;
 * }
 *
 * int
 * main(void)
 * {
 *     PyObject *bytes, *text;
 *
 *     Py_Initialize();
 *     bytes = PyBytes_FromString("legacy");
 *     text = PyUnicode_FromString("legacy");
 *     printf("bytes: %zd\n", byte_length(bytes));
 *     if (byte_length(text) < 0 && PyErr_ExceptionMatches(PyExc_TypeError)) {
 *         PyErr_Clear();
 *         printf("str: TypeError\n");
 *     }
 *     Py_DECREF(bytes);
 *     Py_DECREF(text);
 *     Py_Finalize();
 *     return 0;
 * }
 * @endcode
 * Built and run:
 * @code
 * cc -o example example.c $(python3-config --includes) \
 *     $(pkg-config --cflags --libs oldbuffer) $(python3-config --embed --ldflags)
 * ./example
 * @endcode
 * it prints:
 * @code
 * bytes: 6
 * str: TypeError
 * @endcode
 *
 * @see PyObject_AsCharBuffer(3), PyObject_AsReadBuffer(3),
 *      PyObject_CheckReadBuffer(3), PyObject_AsWriteBuffer(3),
 *      pyoldbuf-porting(3), pyoldbuf-scan(1)
 */
#ifndef OLDBUFFER_H
#define OLDBUFFER_H

/*
 * Version of this header.  build-aux/version.sh reads these three lines:
 * they are the one place where the version number is written.
 */
/** Major version of libpyoldbuf; a new one may break the API. */
#define OLDBUFFER_VERSION_MAJOR 1
/** Minor version of libpyoldbuf; a new one only adds to the API. */
#define OLDBUFFER_VERSION_MINOR 0
/** Patch level of libpyoldbuf; a new one changes no interface. */
#define OLDBUFFER_VERSION_PATCH 0

/**
 * The version as one number, 0xMMmmpp, for comparisons in `#if`:
 * `#if OLDBUFFER_VERSION_HEX >= 0x010000`.
 */
#define OLDBUFFER_VERSION_HEX \
	((OLDBUFFER_VERSION_MAJOR << 16) | (OLDBUFFER_VERSION_MINOR << 8) \
	 | OLDBUFFER_VERSION_PATCH)
/** @cond PYOLDBUF_INTERNAL */
#define OLDBUFFER_STRINGIFY_(n) #n
#define OLDBUFFER_STRINGIFY(n) OLDBUFFER_STRINGIFY_(n)
/** @endcond */
/** The version as a string, such as `"1.0.0"`. */
#define OLDBUFFER_VERSION_STRING \
	OLDBUFFER_STRINGIFY(OLDBUFFER_VERSION_MAJOR) "." \
	OLDBUFFER_STRINGIFY(OLDBUFFER_VERSION_MINOR) "." \
	OLDBUFFER_STRINGIFY(OLDBUFFER_VERSION_PATCH)

/** @cond PYOLDBUF_INTERNAL */
#if defined(__cplusplus) \
    || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L)
# define PYOLDBUF_INLINE_ inline
#elif defined(__GNUC__)
# define PYOLDBUF_INLINE_ __inline__
#else
# define PYOLDBUF_INLINE_
#endif

#ifdef PYOLDBUF_HEADER_ONLY
# ifndef Py_PYTHON_H
#  ifndef PY_SSIZE_T_CLEAN
#   define PY_SSIZE_T_CLEAN
#  endif
#  include <Python.h>
#  ifndef Py_LIMITED_API
/* Python.h is in, with the full API; see the legacy names below. */
#   define PYOLDBUF_FULL_API_FIRST_ 1
#  endif
# endif
# if defined(Py_LIMITED_API) && Py_LIMITED_API + 0 < 0x030B0000
#  error "PYOLDBUF_HEADER_ONLY with Py_LIMITED_API needs Py_LIMITED_API >= 0x030B0000 (3.11): below it the Limited API has no buffer protocol; link libpyoldbuf instead"
# endif
#endif

/*
 * How the four functions are declared: static inline in header-only mode,
 * exported by the library's own build (which defines PYOLDBUF_BUILDING),
 * extern for everyone else.
 */
#if defined(PYOLDBUF_HEADER_ONLY)
# define PYOLDBUF_API static PYOLDBUF_INLINE_
#elif defined(PYOLDBUF_BUILDING) && defined(__GNUC__)
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
/** @endcond */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup PyObject_AsCharBuffer PyObject_AsCharBuffer()
 * @brief Get a read-only char pointer to an object's bytes.
 *
 * PyObject_AsCharBuffer() is pyoldbuf_as_char_buffer().
 * @{
 */

/**
 * @brief Get a read-only `char` pointer to the bytes of an object that
 * exports a C-contiguous buffer.
 *
 * PyObject_AsCharBuffer() is the legacy name of this function.  It is
 * PyObject_AsReadBuffer() with a `const char **` pointer, as in CPython:
 * it asks @p obj for a buffer with
 * `PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE)`, copies `view.buf` to
 * @p *buffer and `view.len` (bytes) to @p *buffer_len, releases the view
 * at once and returns 0.  The reference count of @p obj is unchanged and
 * no export stays outstanding.
 *
 * @pyoldbuf_pending
 *
 * @param[in] obj          the object (borrowed; may not be NULL)
 * @param[out] buffer      set to the start of the object's bytes, on success
 * @param[out] buffer_len  set to their length in bytes, on success
 *
 * @retval 0   success: @p *buffer and @p *buffer_len are set.
 * @retval -1  failure, with an exception set; nothing is written.
 *
 * @pyoldbuf_read_errors
 *
 * @pyoldbuf_lifetime
 *
 * @pyoldbuf_old_doc
 *
 * @pyoldbuf_attributes
 *
 * @pyoldbuf_history
 *
 * @par Modern replacement
 * `PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE)`, use `(const char
 * *)view.buf` and `view.len`, then `PyBuffer_Release(&view)`; see
 * pyoldbuf-porting(3).
 *
 * @par Example
 * A program that embeds Python and reads the first byte of three objects, example.c:
 * @code
 * #define PY_SSIZE_T_CLEAN
 * #include <Python.h>
 * #include <oldbuffer.h>
 * #include <stdio.h>
 *
 * // The first byte of obj, or -1 with an exception set.
 * static int
 * first_byte(PyObject *obj)
 * {
 *     const char *text;
 *     Py_ssize_t len;
 *
 *     if (PyObject_AsCharBuffer(obj, &text, &len) < 0)
 *         return -1;
 *     if (len == 0) {
 *         PyErr_SetString(PyExc_ValueError, "empty");
 *         return -1;
 *     }
 *     return (unsigned char)text[0];
 * }
 *
 * int
 * main(void)
 * {
 *     const char *names[] = { "b'abc'", "bytearray()", "'abc'" };
 *     PyObject *objects[3];
 *     int i, byte;
 *
 *     Py_Initialize();
 *     objects[0] = PyBytes_FromString("abc");
 *     objects[1] = PyByteArray_FromStringAndSize("", 0);
 *     objects[2] = PyUnicode_FromString("abc");
 *     for (i = 0; i < 3; i++) {
 *         byte = first_byte(objects[i]);
 *         if (byte >= 0)
 *             printf("%s: %d\n", names[i], byte);
 *         else if (PyErr_ExceptionMatches(PyExc_ValueError))
 *             printf("%s: ValueError\n", names[i]);
 *         else if (PyErr_ExceptionMatches(PyExc_TypeError))
 *             printf("%s: TypeError\n", names[i]);
 *         PyErr_Clear();
 *         Py_DECREF(objects[i]);
 *     }
 *     Py_Finalize();
 *     return 0;
 * }
 * @endcode
 * Built and run:
 * @code
 * cc -o example example.c $(python3-config --includes) \
 *     $(pkg-config --cflags --libs oldbuffer) $(python3-config --embed --ldflags)
 * ./example
 * @endcode
 * it prints:
 * @code
 * b'abc': 97
 * bytearray(): ValueError
 * 'abc': TypeError
 * @endcode
 *
 * @see PyObject_AsReadBuffer(3), PyObject_CheckReadBuffer(3),
 *      PyObject_AsWriteBuffer(3), pyoldbuf-porting(3), oldbuffer.h(3)
 */
PYOLDBUF_API int pyoldbuf_as_char_buffer(PYOLDBUF_OBJECT *obj,
                                         const char **buffer,
                                         PYOLDBUF_SSIZE *buffer_len);
/** @} */

/**
 * @defgroup PyObject_AsReadBuffer PyObject_AsReadBuffer()
 * @brief Get a read-only pointer to an object's bytes.
 *
 * PyObject_AsReadBuffer() is pyoldbuf_as_read_buffer().
 * @{
 */

/**
 * @brief Get a read-only pointer to the bytes of an object that exports a
 * C-contiguous buffer.
 *
 * PyObject_AsReadBuffer() is the legacy name of this function.  It asks
 * @p obj for a buffer with `PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE)`,
 * copies `view.buf` to @p *buffer and `view.len` to @p *buffer_len,
 * releases the view at once and returns 0.  The length is in bytes,
 * whatever the item format (an <code>array('i')</code> of 3 items gives
 * 12).  The reference count of @p obj is unchanged and no export stays
 * outstanding: a bytearray can be resized right after the call.
 *
 * Any object that exports a C-contiguous buffer works: bytes, bytearray,
 * contiguous memoryviews (sliced, cast or multi-dimensional), array.array,
 * mmap, and on Python 3.12+ classes with a `__buffer__` method.
 *
 * @pyoldbuf_pending
 *
 * @param[in] obj          the object (borrowed; may not be NULL)
 * @param[out] buffer      set to the start of the object's bytes, on success
 * @param[out] buffer_len  set to their length in bytes, on success
 *
 * @retval 0   success: @p *buffer and @p *buffer_len are set.
 * @retval -1  failure, with an exception set; nothing is written.
 *
 * @pyoldbuf_read_errors
 *
 * @pyoldbuf_lifetime
 *
 * @pyoldbuf_old_doc
 *
 * @pyoldbuf_attributes
 *
 * @pyoldbuf_history
 *
 * @par Modern replacement
 * `PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE)`, use `view.buf` and
 * `view.len` for as long as needed, then `PyBuffer_Release(&view)`; see
 * pyoldbuf-porting(3).
 *
 * @par Example
 * A program that embeds Python and counts the zero bytes of three objects, example.c:
 * @code
 * #define PY_SSIZE_T_CLEAN
 * #include <Python.h>
 * #include <oldbuffer.h>
 * #include <stdio.h>
 *
 * // The number of zero bytes in obj, or -1 with an exception set.
 * static Py_ssize_t
 * count_zeros(PyObject *obj)
 * {
 *     const void *data;
 *     Py_ssize_t len, i, zeros = 0;
 *
 *     if (PyObject_AsReadBuffer(obj, &data, &len) < 0)
 *         return -1;
 *     for (i = 0; i < len; i++)
 *         zeros += ((const unsigned char *)data)[i] == 0;
 *     return zeros;
 * }
 *
 * int
 * main(void)
 * {
 *     const char *names[] = { "b'a\\0b\\0'", "bytearray(3)", "'abc'" };
 *     PyObject *objects[3];
 *     Py_ssize_t zeros;
 *     int i;
 *
 *     Py_Initialize();
 *     objects[0] = PyBytes_FromStringAndSize("a\0b\0", 4);
 *     objects[1] = PyByteArray_FromStringAndSize("\0\0\0", 3);
 *     objects[2] = PyUnicode_FromString("abc");
 *     for (i = 0; i < 3; i++) {
 *         zeros = count_zeros(objects[i]);
 *         if (zeros >= 0)
 *             printf("%s: %zd\n", names[i], zeros);
 *         else if (PyErr_ExceptionMatches(PyExc_TypeError))
 *             printf("%s: TypeError\n", names[i]);
 *         PyErr_Clear();
 *         Py_DECREF(objects[i]);
 *     }
 *     Py_Finalize();
 *     return 0;
 * }
 * @endcode
 * Built and run:
 * @code
 * cc -o example example.c $(python3-config --includes) \
 *     $(pkg-config --cflags --libs oldbuffer) $(python3-config --embed --ldflags)
 * ./example
 * @endcode
 * it prints:
 * @code
 * b'a\0b\0': 2
 * bytearray(3): 3
 * 'abc': TypeError
 * @endcode
 *
 * @see PyObject_AsCharBuffer(3), PyObject_CheckReadBuffer(3),
 *      PyObject_AsWriteBuffer(3), pyoldbuf-porting(3), oldbuffer.h(3)
 */
PYOLDBUF_API int pyoldbuf_as_read_buffer(PYOLDBUF_OBJECT *obj,
                                         const void **buffer,
                                         PYOLDBUF_SSIZE *buffer_len);
/** @} */

/**
 * @defgroup PyObject_CheckReadBuffer PyObject_CheckReadBuffer()
 * @brief Tell whether PyObject_AsReadBuffer() would succeed.
 *
 * PyObject_CheckReadBuffer() is pyoldbuf_check_read_buffer().
 * @{
 */

/**
 * @brief Tell whether an object exports a C-contiguous buffer, that is,
 * whether PyObject_AsReadBuffer() would succeed on it.
 *
 * PyObject_CheckReadBuffer() is the legacy name of this function.  It
 * returns 0 at once when the type of @p obj has no buffer support;
 * otherwise it asks for a buffer with `PyBUF_SIMPLE`, exactly as
 * PyObject_AsReadBuffer() does, releases it and returns 1, or returns 0
 * if the exporter refused.
 *
 * This is not `PyObject_CheckBuffer()`, which only looks for buffer
 * support: it says yes for <code>memoryview(b'abc')[::2]</code>, for
 * which this function returns 0.
 *
 * @param[in] obj  the object (borrowed), or NULL
 *
 * @retval 1  @p obj exports a C-contiguous buffer.
 * @retval 0  it does not, or @p obj is NULL.
 *
 * @par Errors
 * But for the SystemError below, none: the function never fails and
 * leaves no exception set.  When the
 * exporter refuses, it calls `PyErr_Clear()`, as CPython does: this also
 * wipes an exception that was pending before the call.  When the type has
 * no buffer support, the error state is left as it was.
 *
 * @exception SystemError <code>libpyoldbuf was built for CPython X.Y ...
 *   and cannot serve Python ...</code>: set, with 0 returned, when a
 *   library built for one CPython (<code>configure
 *   \--disable-limited-api</code>) is called from another version or
 *   build.  The Limited-API library and header-only mode never set it.
 *
 * @par Differences from CPython and its old documentation
 * A NULL @p obj returns 0; CPython dereferences it and crashes.  This is
 * libpyoldbuf's only deliberate difference from CPython.  The old page did
 * not say that an exception pending before the call may be cleared.
 *
 * @pyoldbuf_attributes
 *
 * @pyoldbuf_history
 *
 * @par Modern replacement
 * There is none that never fails: call `PyObject_GetBuffer()` and handle
 * its error; see pyoldbuf-porting(3).
 *
 * @par Example
 * A program that embeds Python and asks which of four objects export a
 * C-contiguous buffer: a strided memoryview of one item still does, example.c:
 * @code
 * #define PY_SSIZE_T_CLEAN
 * #include <Python.h>
 * #include <oldbuffer.h>
 * #include <stdio.h>
 *
 * // memoryview(bytes)[::2]: strided, not C-contiguous if 2 items or more.
 * static PyObject *
 * every_other(const char *bytes)
 * {
 *     PyObject *data = PyBytes_FromString(bytes);
 *     PyObject *view = PyMemoryView_FromObject(data);
 *     PyObject *two = PyLong_FromLong(2);
 *     PyObject *slice = PySlice_New(NULL, NULL, two);
 *     PyObject *strided = PyObject_GetItem(view, slice);
 *
 *     Py_DECREF(slice);
 *     Py_DECREF(two);
 *     Py_DECREF(view);
 *     Py_DECREF(data);
 *     return strided;
 * }
 *
 * int
 * main(void)
 * {
 *     const char *names[] = {
 *         "b'abc'", "memoryview(b'abc')[::2]", "memoryview(b'ab')[::2]", "'abc'"
 *     };
 *     PyObject *objects[4];
 *     int i;
 *
 *     Py_Initialize();
 *     objects[0] = PyBytes_FromString("abc");
 *     objects[1] = every_other("abc");
 *     objects[2] = every_other("ab");
 *     objects[3] = PyUnicode_FromString("abc");
 *     for (i = 0; i < 4; i++) {
 *         printf("%s: %d\n", names[i], PyObject_CheckReadBuffer(objects[i]));
 *         Py_DECREF(objects[i]);
 *     }
 *     Py_Finalize();
 *     return 0;
 * }
 * @endcode
 * Built and run:
 * @code
 * cc -o example example.c $(python3-config --includes) \
 *     $(pkg-config --cflags --libs oldbuffer) $(python3-config --embed --ldflags)
 * ./example
 * @endcode
 * it prints:
 * @code
 * b'abc': 1
 * memoryview(b'abc')[::2]: 0
 * memoryview(b'ab')[::2]: 1
 * 'abc': 0
 * @endcode
 *
 * @see PyObject_AsReadBuffer(3), PyObject_AsCharBuffer(3),
 *      PyObject_AsWriteBuffer(3), pyoldbuf-porting(3), oldbuffer.h(3)
 */
PYOLDBUF_API int pyoldbuf_check_read_buffer(PYOLDBUF_OBJECT *obj);
/** @} */

/**
 * @defgroup PyObject_AsWriteBuffer PyObject_AsWriteBuffer()
 * @brief Get a writable pointer to an object's bytes.
 *
 * PyObject_AsWriteBuffer() is pyoldbuf_as_write_buffer().
 * @{
 */

/**
 * @brief Get a writable pointer to the bytes of an object that exports a
 * writable, C-contiguous buffer.
 *
 * PyObject_AsWriteBuffer() is the legacy name of this function.  It asks
 * @p obj for a buffer with `PyBUF_WRITABLE`, copies `view.buf` to
 * @p *buffer and `view.len` (bytes) to @p *buffer_len, releases the view
 * at once and returns 0.  Writes through the pointer reach the object.
 * The reference count of @p obj is unchanged and no export stays
 * outstanding.
 *
 * Works for bytearray, memoryviews of writable memory, array.array, mmap
 * opened for writing, and any other writable C-contiguous exporter.
 *
 * @pyoldbuf_pending
 *
 * @param[in] obj          the object (borrowed; may not be NULL)
 * @param[out] buffer      set to the start of the object's bytes, on success
 * @param[out] buffer_len  set to their length in bytes, on success
 *
 * @retval 0   success: @p *buffer and @p *buffer_len are set.
 * @retval -1  failure, with an exception set; nothing is written.
 *
 * @pyoldbuf_null_error
 * @exception TypeError <code>expected a writable bytes-like object</code>: anything
 *   else, be it no buffer support, a read-only object such as bytes, a
 *   buffer that is not C-contiguous or an exporter that raises.  The
 *   exporter's own exception is replaced, with no `__context__`.
 * @pyoldbuf_version_error
 *
 * @pyoldbuf_lifetime
 *
 * @pyoldbuf_attributes
 *
 * @pyoldbuf_history
 *
 * @par Modern replacement
 * `PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE)`, write through
 * `view.buf`, then `PyBuffer_Release(&view)`; see pyoldbuf-porting(3).
 *
 * @par Example
 * A program that embeds Python and clears a bytearray, then tries bytes,
 * which is read-only, example.c:
 * @code
 * #define PY_SSIZE_T_CLEAN
 * #include <Python.h>
 * #include <oldbuffer.h>
 * #include <stdio.h>
 * #include <string.h>
 *
 * // Fill obj (a bytearray, say) with zeros; 0, or -1 with an exception.
 * static int
 * clear(PyObject *obj)
 * {
 *     void *data;
 *     Py_ssize_t len;
 *
 *     if (PyObject_AsWriteBuffer(obj, &data, &len) < 0)
 *         return -1;
 *     memset(data, 0, (size_t)len);
 *     return 0;
 * }
 *
 * int
 * main(void)
 * {
 *     PyObject *array, *bytes;
 *
 *     Py_Initialize();
 *     array = PyByteArray_FromStringAndSize("abc", 3);
 *     bytes = PyBytes_FromString("abc");
 *     if (clear(array) == 0)
 *         printf("bytearray(b'abc'): %d %d %d\n", PyByteArray_AsString(array)[0],
 *                PyByteArray_AsString(array)[1], PyByteArray_AsString(array)[2]);
 *     if (clear(bytes) < 0 && PyErr_ExceptionMatches(PyExc_TypeError)) {
 *         PyErr_Clear();
 *         printf("b'abc': TypeError, read-only\n");
 *     }
 *     Py_DECREF(array);
 *     Py_DECREF(bytes);
 *     Py_Finalize();
 *     return 0;
 * }
 * @endcode
 * Built and run:
 * @code
 * cc -o example example.c $(python3-config --includes) \
 *     $(pkg-config --cflags --libs oldbuffer) $(python3-config --embed --ldflags)
 * ./example
 * @endcode
 * it prints:
 * @code
 * bytearray(b'abc'): 0 0 0
 * b'abc': TypeError, read-only
 * @endcode
 *
 * @see PyObject_AsReadBuffer(3), PyObject_AsCharBuffer(3),
 *      PyObject_CheckReadBuffer(3), pyoldbuf-porting(3), oldbuffer.h(3)
 */
PYOLDBUF_API int pyoldbuf_as_write_buffer(PYOLDBUF_OBJECT *obj,
                                          void **buffer,
                                          PYOLDBUF_SSIZE *buffer_len);
/** @} */

#ifdef __cplusplus
}
#endif

/*
 * Compiled for PyPy against the library: ask for the PyPy build's version
 * node (lib/libpyoldbuf-pypy.map), so that linking against a CPython build
 * of the library, which cannot serve PyPy, fails at once ("no symbol
 * version section for versioned symbol ...@PYOLDBUF_PYPY_1.0").
 */
#if defined(PYPY_VERSION) && !defined(PYOLDBUF_HEADER_ONLY) \
    && !defined(PYOLDBUF_BUILDING) && defined(__GNUC__) && defined(__ELF__)
/** @cond PYOLDBUF_INTERNAL */
__asm__(".symver pyoldbuf_as_char_buffer, pyoldbuf_as_char_buffer@PYOLDBUF_PYPY_1.0");
__asm__(".symver pyoldbuf_as_read_buffer, pyoldbuf_as_read_buffer@PYOLDBUF_PYPY_1.0");
__asm__(".symver pyoldbuf_check_read_buffer, pyoldbuf_check_read_buffer@PYOLDBUF_PYPY_1.0");
__asm__(".symver pyoldbuf_as_write_buffer, pyoldbuf_as_write_buffer@PYOLDBUF_PYPY_1.0");
/** @endcond */
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
/** @cond PYOLDBUF_INTERNAL */
# undef PyObject_AsCharBuffer
# undef PyObject_AsReadBuffer
# undef PyObject_CheckReadBuffer
# undef PyObject_AsWriteBuffer
/** @endcond */
# ifdef PYOLDBUF_FULL_API_FIRST_
/** @cond PYOLDBUF_INTERNAL */
/*
 * Header-only mode, this header first (cc -DPYOLDBUF_HEADER_ONLY -include
 * oldbuffer.h): it has included Python.h with the full API, before the
 * source's own lines, so a "#define Py_LIMITED_API" there comes too late
 * to matter.  Where the legacy names are used, Py_LIMITED_API is the
 * source's macro by then, spelt as its value, or else spelt as itself
 * (OLDBUFFER_STRINGIFY tells); if it is a macro the source stops compiling
 * with the message below, rather than build against a full API that it did
 * not ask for.  The cure is to give Py_LIMITED_API on the command line as
 * well.  (In this mode a legacy name is not a constant expression: it
 * cannot initialise a variable outside a function.)
 */
#  define PYOLDBUF_NO_LIMITED_API_ \
	(sizeof(OLDBUFFER_STRINGIFY(Py_LIMITED_API)) == sizeof("Py_LIMITED_API"))
#  if defined(__cplusplus) && __cplusplus >= 201103L
#   define PYOLDBUF_LEGACY_(f) \
	(*([] { static_assert(PYOLDBUF_NO_LIMITED_API_, "oldbuffer.h: this source " \
	    "defines Py_LIMITED_API after -include oldbuffer.h has included " \
	    "Python.h with the full API: give -DPy_LIMITED_API=... on the " \
	    "command line too"); }(), &f))
#  elif defined(__cplusplus)
#   define PYOLDBUF_LEGACY_(f) f
#  else
#   define PYOLDBUF_LEGACY_(f) (*((void)sizeof(struct { \
	char Py_LIMITED_API_came_after_oldbuffer_h_included_Python_h_give_it_on_the_command_line \
		[PYOLDBUF_NO_LIMITED_API_ ? 1 : -1]; }), &f))
#  endif
#  define PyObject_AsCharBuffer PYOLDBUF_LEGACY_(pyoldbuf_as_char_buffer)
#  define PyObject_AsReadBuffer PYOLDBUF_LEGACY_(pyoldbuf_as_read_buffer)
#  define PyObject_CheckReadBuffer PYOLDBUF_LEGACY_(pyoldbuf_check_read_buffer)
#  define PyObject_AsWriteBuffer PYOLDBUF_LEGACY_(pyoldbuf_as_write_buffer)
/** @endcond */
# elif !defined(Py_PYTHON_H)
/** @cond PYOLDBUF_INTERNAL */
/*
 * This header first (cc -include oldbuffer.h), Python.h to come.  PyPy's
 * Python.h will map each legacy name onto its own PyPyObject_ function, so
 * here the legacy names map onto those same names (PyPy's definitions then
 * repeat these and change nothing), and those onto libpyoldbuf's.
 */
#  define PyObject_AsCharBuffer PyPyObject_AsCharBuffer
#  define PyObject_AsReadBuffer PyPyObject_AsReadBuffer
#  define PyObject_CheckReadBuffer PyPyObject_CheckReadBuffer
#  define PyObject_AsWriteBuffer PyPyObject_AsWriteBuffer
#  define PyPyObject_AsCharBuffer pyoldbuf_as_char_buffer
#  define PyPyObject_AsReadBuffer pyoldbuf_as_read_buffer
#  define PyPyObject_CheckReadBuffer pyoldbuf_check_read_buffer
#  define PyPyObject_AsWriteBuffer pyoldbuf_as_write_buffer
/** @endcond */
# else
/**
 * @ingroup PyObject_AsCharBuffer
 * The legacy name of pyoldbuf_as_char_buffer().
 */
#  define PyObject_AsCharBuffer pyoldbuf_as_char_buffer
/**
 * @ingroup PyObject_AsReadBuffer
 * The legacy name of pyoldbuf_as_read_buffer().
 */
#  define PyObject_AsReadBuffer pyoldbuf_as_read_buffer
/**
 * @ingroup PyObject_CheckReadBuffer
 * The legacy name of pyoldbuf_check_read_buffer().
 */
#  define PyObject_CheckReadBuffer pyoldbuf_check_read_buffer
/**
 * @ingroup PyObject_AsWriteBuffer
 * The legacy name of pyoldbuf_as_write_buffer().
 */
#  define PyObject_AsWriteBuffer pyoldbuf_as_write_buffer
# endif
#endif

/*
 * The implementation: in header-only mode, and for the library's own build
 * (lib/oldbuffer.c), which compiles it once and exports the functions.
 */
#if defined(PYOLDBUF_HEADER_ONLY) || defined(PYOLDBUF_BUILDING)
/** @cond PYOLDBUF_INTERNAL */
#ifdef __cplusplus
extern "C" {
#endif

/*
 * The helpers are static, and marked so that a file that uses only some of
 * the functions gets no unused-function warning: in line, out of line
 * (the slow paths, so that the shortcuts need no stack frame), or left to
 * the compiler.
 */
#define PYOLDBUF_HELPER_ static PYOLDBUF_INLINE_
#if defined(__GNUC__)
# define PYOLDBUF_IN_LINE_ \
	static PYOLDBUF_INLINE_ __attribute__((__always_inline__))
# define PYOLDBUF_OUT_OF_LINE_ static __attribute__((__noinline__, __unused__))
#else
# define PYOLDBUF_IN_LINE_ PYOLDBUF_HELPER_
# define PYOLDBUF_OUT_OF_LINE_ static
#endif

#if defined(__GNUC__)
# define PYOLDBUF_NULL_(p) __builtin_expect((p) == NULL, 0)
#else
# define PYOLDBUF_NULL_(p) ((p) == NULL)
#endif

#if defined(__ATOMIC_RELAXED)
# define PYOLDBUF_LOAD_(var) __atomic_load_n(&(var), __ATOMIC_RELAXED)
# define PYOLDBUF_STORE_(var, value) \
	__atomic_store_n(&(var), (value), __ATOMIC_RELAXED)
#else
# define PYOLDBUF_LOAD_(var) (var)
# define PYOLDBUF_STORE_(var, value) ((var) = (value))
#endif

/*
 * What the code may assume about the interpreter's objects; each only
 * where the interpreter it is compiled for guarantees it.
 *
 * PYOLDBUF_SLOTS_: the type's buffer slots are called directly, as
 * CPython's own CheckReadBuffer and AsWriteBuffer do.  Only in a build for
 * one CPython version: the Limited API hides PyTypeObject, and PyPy's
 * cpyext is reached through its functions.
 *
 * PYOLDBUF_BYTES_SHORTCUT_ and PYOLDBUF_BYTEARRAY_SHORTCUT_: an exact bytes
 * or bytearray (never a subclass: from 3.12 on a subclass can override
 * __buffer__) is answered from its own fields, which is what the
 * interpreter's getbuffer gives, without holding and dropping an export.
 * Not on PyPy, whose cpyext does not keep a bytearray's ob_size up to
 * date; not for abi3t (the Limited API of a free-threaded build, 3.15+),
 * where objects are opaque; and for bytearray not on a free-threaded
 * build, where its size can change under a reader and its getbuffer takes
 * the object's critical section (3.14+): there the slot is called.
 */
#if !defined(Py_LIMITED_API) && !defined(PYPY_VERSION)
# define PYOLDBUF_SLOTS_ 1
#endif
#if !defined(PYPY_VERSION) \
    && !(defined(Py_LIMITED_API) && defined(Py_GIL_DISABLED))
# define PYOLDBUF_BYTES_SHORTCUT_ 1
# ifndef Py_GIL_DISABLED
#  define PYOLDBUF_BYTEARRAY_SHORTCUT_ 1
# endif
#endif

/*
 * The library is one file that any interpreter on the system may load,
 * whatever it was built with; an extension module (header-only mode) is
 * loaded only by the interpreter it was built for.  So the library asks,
 * once, which interpreter calls it, without reading any object:
 * Py_GetVersion() is "3.14.0 (main, ...) [GCC ...]" from a build with the
 * GIL and "3.14.0 free-threading build (main, ...)" ("experimental
 * free-threading build" in 3.13) from one without, whose objects have
 * another layout.
 *
 * - The Limited-API library (built with the GIL, from 3.11 on) serves
 *   every CPython >= 3.11: in a free-threaded one it leaves the shortcuts
 *   off and reaches the objects through the interpreter's functions only.
 * - A library built for one CPython version serves that version and
 *   build only; called by any other, it raises a SystemError that names
 *   both, rather than read objects through the wrong layout.
 */
#if defined(PYOLDBUF_BUILDING) && !defined(PYPY_VERSION)
# define PYOLDBUF_CHECK_INTERPRETER_ 1
#endif

#ifdef PYOLDBUF_CHECK_INTERPRETER_
# ifdef Py_GIL_DISABLED
#  define PYOLDBUF_FREE_THREADED_ 1
#  define PYOLDBUF_BUILD_NAME_ "free-threaded"
# else
#  define PYOLDBUF_FREE_THREADED_ 0
#  define PYOLDBUF_BUILD_NAME_ "with the GIL"
# endif
/* "3.13.", the start of Py_GetVersion() for this build's Python. */
# define PYOLDBUF_PYTHON_X_Y_ \
	OLDBUFFER_STRINGIFY(PY_MAJOR_VERSION) "." \
	OLDBUFFER_STRINGIFY(PY_MINOR_VERSION) "."

/* 1: the caller is an interpreter this was built for; -1: it is not;
 * 0: not asked yet. */
static int pyoldbuf_interpreter_;

/*
 * Whether text starts with prefix.  (No libc: in a sanitizer build its
 * string functions are the sanitizer's, which the exports test would not
 * take for libc's.)
 */
PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_starts_with_(const char *text, const char *prefix)
{
	for (; *prefix != '\0'; text++, prefix++)
		if (*text != *prefix)
			return 0;
	return 1;
}

PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_learn_interpreter_(void)
{
	const char *version = Py_GetVersion(), *at;
	int free_threaded = 0, same;

	/* "free-threading" before the build information in parentheses. */
	for (at = version; *at != '\0' && *at != '('; at++)
		if (pyoldbuf_starts_with_(at, "free-threading"))
			free_threaded = 1;
	same = free_threaded == PYOLDBUF_FREE_THREADED_;
# ifndef Py_LIMITED_API
	same = same && pyoldbuf_starts_with_(version, PYOLDBUF_PYTHON_X_Y_);
# endif
	PYOLDBUF_STORE_(pyoldbuf_interpreter_, same ? 1 : -1);
	return same ? 1 : -1;
}

# if defined(__GNUC__)
/*
 * Asked once, when the library is loaded (Py_GetVersion() needs no
 * interpreter state), so that a call only reads the answer and the
 * shortcuts need no stack frame.
 */
__attribute__((__constructor__)) static void
pyoldbuf_ask_interpreter_(void)
{
	(void)pyoldbuf_learn_interpreter_();
}

PYOLDBUF_IN_LINE_ int
pyoldbuf_interpreter_ok_(void)
{
	return PYOLDBUF_LOAD_(pyoldbuf_interpreter_) > 0;
}
# else
PYOLDBUF_IN_LINE_ int
pyoldbuf_interpreter_ok_(void)
{
	int known = PYOLDBUF_LOAD_(pyoldbuf_interpreter_);

	if (known == 0)
		known = pyoldbuf_learn_interpreter_();
	return known > 0;
}
# endif
#endif

/*
 * PYOLDBUF_FIELDS_OK_(): the shortcuts may read this interpreter's objects.
 * PYOLDBUF_WRONG_INTERPRETER_(): nothing may; pyoldbuf_wrong_interpreter_()
 * raises the SystemError.
 */
#if defined(PYOLDBUF_CHECK_INTERPRETER_) && defined(Py_LIMITED_API)
# define PYOLDBUF_FIELDS_OK_() pyoldbuf_interpreter_ok_()
# define PYOLDBUF_WRONG_INTERPRETER_() 0
#elif defined(PYOLDBUF_CHECK_INTERPRETER_)
# define PYOLDBUF_FIELDS_OK_() 1
# define PYOLDBUF_WRONG_INTERPRETER_() (!pyoldbuf_interpreter_ok_())

/* The version build's refusal, raised on every call from another Python. */
PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_wrong_interpreter_(void)
{
	PyErr_Format(PyExc_SystemError,
	             "libpyoldbuf was built for CPython %d.%d " PYOLDBUF_BUILD_NAME_
	             " and cannot serve Python %.100s: rebuild libpyoldbuf with"
	             " ./configure PYTHON=<this python>, or use its Limited-API"
	             " build (Python 3.11 or later, with the GIL)",
	             PY_MAJOR_VERSION, PY_MINOR_VERSION, Py_GetVersion());
	return -1;
}
#else
# define PYOLDBUF_FIELDS_OK_() 1
# define PYOLDBUF_WRONG_INTERPRETER_() 0
#endif
#if !defined(PYOLDBUF_CHECK_INTERPRETER_) || defined(Py_LIMITED_API)
/* Never called: PYOLDBUF_WRONG_INTERPRETER_() is 0. */
PYOLDBUF_IN_LINE_ int
pyoldbuf_wrong_interpreter_(void)
{
	return -1;
}
#endif

#ifdef PYOLDBUF_BYTES_SHORTCUT_
# define PYOLDBUF_IS_BYTES_(obj) PyBytes_CheckExact(obj)
#else
# define PYOLDBUF_IS_BYTES_(obj) 0
#endif
/*
 * Only a bytearray that is not empty: an empty one gives the interpreter's
 * shared empty string, whose name (_PyByteArray_empty_string up to 3.14)
 * would tie the library to the CPython versions that export it; the slot
 * gives it instead.
 */
#ifdef PYOLDBUF_BYTEARRAY_SHORTCUT_
# define PYOLDBUF_IS_BYTEARRAY_(obj) \
	(PyByteArray_CheckExact(obj) && PYOLDBUF_VAR_SIZE_(obj) != 0)
#else
# define PYOLDBUF_IS_BYTEARRAY_(obj) 0
#endif

#ifdef PYOLDBUF_BYTES_SHORTCUT_
/* Py_SIZE() without the assertions that some Python.h versions add. */
# define PYOLDBUF_VAR_SIZE_(obj) (((PyVarObject *)(obj))->ob_size)
#endif

/*
 * The shortcuts: pyoldbuf_bytes_fields_() and pyoldbuf_bytearray_fields_()
 * set *buffer and *buffer_len from an exact bytes or a bytearray that is
 * not empty and return 0.  For a bytearray that is not empty,
 * PyByteArray_AS_STRING() is ob_start, and it is what bytearray's
 * getbuffer gives.  The Limited API has functions for the two; a call
 * into the interpreter is made out of line, so that the other paths need
 * no stack frame.
 */
#if defined(PYOLDBUF_BYTES_SHORTCUT_) && defined(Py_LIMITED_API)
/*
 * PyBytes_AS_STRING() is ob_sval, at the same offset in every bytes
 * object; the Limited API does not say where.  The first exact bytes
 * object asks the interpreter, PyBytes_AsString(), and the answer is kept.
 */
static Py_ssize_t pyoldbuf_bytes_offset_;

PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_learn_bytes_fields_(PyObject *obj, const void **buffer,
                             Py_ssize_t *buffer_len)
{
	char *string = PyBytes_AsString(obj);

	PYOLDBUF_STORE_(pyoldbuf_bytes_offset_, string - (char *)obj);
	*buffer = string;
	*buffer_len = PYOLDBUF_VAR_SIZE_(obj);
	return 0;
}
#endif

PYOLDBUF_IN_LINE_ int
pyoldbuf_bytes_fields_(PyObject *obj, const void **buffer,
                       Py_ssize_t *buffer_len)
{
#if !defined(PYOLDBUF_BYTES_SHORTCUT_)
	/* Never reached, but compiled: abi3t has none of the fields. */
	(void)obj, (void)buffer, (void)buffer_len;
#elif defined(Py_LIMITED_API)
	Py_ssize_t offset = PYOLDBUF_LOAD_(pyoldbuf_bytes_offset_);

	if (offset == 0)
		return pyoldbuf_learn_bytes_fields_(obj, buffer, buffer_len);
	*buffer = (char *)obj + offset;
	*buffer_len = PYOLDBUF_VAR_SIZE_(obj);
#else
	*buffer = PyBytes_AS_STRING(obj);
	*buffer_len = PYOLDBUF_VAR_SIZE_(obj);
#endif
	return 0;
}

#if defined(PYOLDBUF_BYTES_SHORTCUT_) && defined(Py_LIMITED_API)
PYOLDBUF_OUT_OF_LINE_ int
#else
PYOLDBUF_IN_LINE_ int
#endif
pyoldbuf_bytearray_fields_(PyObject *obj, const void **buffer,
                           Py_ssize_t *buffer_len)
{
#if !defined(PYOLDBUF_BYTES_SHORTCUT_)
	(void)obj, (void)buffer, (void)buffer_len;
#elif defined(Py_LIMITED_API)
	*buffer_len = PYOLDBUF_VAR_SIZE_(obj);
	*buffer = PyByteArray_AsString(obj);
#else
	*buffer = ((PyByteArrayObject *)obj)->ob_start;
	*buffer_len = PYOLDBUF_VAR_SIZE_(obj);
#endif
	return 0;
}

/*
 * A free-threaded Py_DECREF() imports _Py_DecRefShared and
 * _Py_MergeZeroLocalRefcount, which only free-threaded CPythons export:
 * with it, a CPython with the GIL could not even load a free-threaded
 * library, and would not hear what to rebuild.  The library calls the
 * function every CPython has instead.
 */
#if defined(PYOLDBUF_CHECK_INTERPRETER_) && defined(Py_GIL_DISABLED)
# define PYOLDBUF_DECREF_(obj) Py_DecRef(obj)
#else
# define PYOLDBUF_DECREF_(obj) Py_DECREF(obj)
#endif

/*
 * pyoldbuf_has_buffer_(), pyoldbuf_get_buffer_() and
 * pyoldbuf_release_buffer_(): PyObject_CheckBuffer(),
 * PyObject_GetBuffer() and PyBuffer_Release(), whose bodies are the same in
 * CPython 3.6 to 3.15 but for a check of flags that never applies here.
 * With the slots, they are written out; otherwise they are the
 * interpreter's functions, and outside the Limited API (PyPy) the TypeError
 * of a type without buffer support is CPython's own, not the interpreter's.
 */
#ifndef PYOLDBUF_SLOTS_
PYOLDBUF_IN_LINE_ int
pyoldbuf_has_buffer_(PyObject *obj)
{
	return PyObject_CheckBuffer(obj);
}

/* pyoldbuf_get_buffer_() for a type known to have buffer support. */
PYOLDBUF_IN_LINE_ int
pyoldbuf_slot_get_buffer_(PyObject *obj, Py_buffer *view, int flags)
{
	return PyObject_GetBuffer(obj, view, flags);
}

PYOLDBUF_IN_LINE_ void
pyoldbuf_release_buffer_(Py_buffer *view)
{
	PyBuffer_Release(view);
}
#else
PYOLDBUF_IN_LINE_ int
pyoldbuf_has_buffer_(PyObject *obj)
{
	PyBufferProcs *procs = Py_TYPE(obj)->tp_as_buffer;

	return procs != NULL && procs->bf_getbuffer != NULL;
}

/* pyoldbuf_get_buffer_() for a type known to have the slot. */
PYOLDBUF_IN_LINE_ int
pyoldbuf_slot_get_buffer_(PyObject *obj, Py_buffer *view, int flags)
{
	return Py_TYPE(obj)->tp_as_buffer->bf_getbuffer(obj, view, flags);
}

PYOLDBUF_IN_LINE_ void
pyoldbuf_release_buffer_(Py_buffer *view)
{
	PyObject *obj = view->obj;
	PyBufferProcs *procs;

	if (obj == NULL)
		return;
	procs = Py_TYPE(obj)->tp_as_buffer;
	if (procs != NULL && procs->bf_releasebuffer != NULL)
		procs->bf_releasebuffer(obj, view);
	view->obj = NULL;
	PYOLDBUF_DECREF_(obj);
}
#endif

#ifdef Py_LIMITED_API
PYOLDBUF_IN_LINE_ int
pyoldbuf_get_buffer_(PyObject *obj, Py_buffer *view, int flags)
{
	return PyObject_GetBuffer(obj, view, flags);
}
#else
PYOLDBUF_IN_LINE_ int
pyoldbuf_get_buffer_(PyObject *obj, Py_buffer *view, int flags)
{
	if (!pyoldbuf_has_buffer_(obj)) {
#ifdef PYPY_VERSION
		/* PyPy's PyErr_Format() ignores the precision of %s. */
		char name[101];

		strncpy(name, Py_TYPE(obj)->tp_name, sizeof name - 1);
		name[sizeof name - 1] = '\0';
		PyErr_Format(PyExc_TypeError,
		             "a bytes-like object is required, not '%s'", name);
#else
		PyErr_Format(PyExc_TypeError,
		             "a bytes-like object is required, not '%.100s'",
		             Py_TYPE(obj)->tp_name);
#endif
		return -1;
	}
	return pyoldbuf_slot_get_buffer_(obj, view, flags);
}
#endif

/*
 * CPython's null_error(): keep an exception that is already pending.  Like
 * every slow path, out of line, so that the shortcuts need no stack frame.
 */
PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_null_error_(void)
{
	if (!PyErr_Occurred())
		PyErr_SetString(PyExc_SystemError,
		                "null argument to internal routine");
	return -1;
}

/* The request and release of CPython's as_read_buffer(). */
PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_read_view_(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len)
{
	Py_buffer view;

	if (pyoldbuf_get_buffer_(obj, &view, PyBUF_SIMPLE) != 0)
		return -1;
	*buffer = view.buf;
	*buffer_len = view.len;
	pyoldbuf_release_buffer_(&view);
	return 0;
}

/* CPython's as_read_buffer(), shared by AsCharBuffer and AsReadBuffer. */
PYOLDBUF_HELPER_ int
pyoldbuf_as_read_buffer_(PyObject *obj, const void **buffer,
                         Py_ssize_t *buffer_len)
{
	if (PYOLDBUF_NULL_(obj) || PYOLDBUF_NULL_(buffer) || PYOLDBUF_NULL_(buffer_len))
		return pyoldbuf_null_error_();
	if (PYOLDBUF_WRONG_INTERPRETER_())
		return pyoldbuf_wrong_interpreter_();
	if (PYOLDBUF_FIELDS_OK_()) {
		if (PYOLDBUF_IS_BYTES_(obj))
			return pyoldbuf_bytes_fields_(obj, buffer, buffer_len);
		if (PYOLDBUF_IS_BYTEARRAY_(obj))
			return pyoldbuf_bytearray_fields_(obj, buffer, buffer_len);
	}
	return pyoldbuf_read_view_(obj, buffer, buffer_len);
}

PYOLDBUF_API int
pyoldbuf_as_char_buffer(PyObject *obj, const char **buffer,
                        Py_ssize_t *buffer_len)
{
	return pyoldbuf_as_read_buffer_(obj, (const void **)buffer, buffer_len);
}

PYOLDBUF_API int
pyoldbuf_as_read_buffer(PyObject *obj, const void **buffer,
                        Py_ssize_t *buffer_len)
{
	return pyoldbuf_as_read_buffer_(obj, buffer, buffer_len);
}

/* The request of CheckReadBuffer, for a type that has a buffer slot. */
PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_check_view_(PyObject *obj)
{
	Py_buffer view;

	/*
	 * Only -1 means failure here, as in CPython.  view.obj starts NULL so
	 * that an exporter returning another non-zero value without filling
	 * the view cannot make the release read garbage.
	 */
	view.obj = NULL;
	if (pyoldbuf_slot_get_buffer_(obj, &view, PyBUF_SIMPLE) == -1) {
		PyErr_Clear();
		return 0;
	}
	pyoldbuf_release_buffer_(&view);
	return 1;
}

PYOLDBUF_API int
pyoldbuf_check_read_buffer(PyObject *obj)
{
	/* CPython dereferences a NULL obj; we answer 0. */
	if (obj == NULL)
		return 0;
	/* It cannot fail: from the wrong interpreter, 0 and the SystemError. */
	if (PYOLDBUF_WRONG_INTERPRETER_()) {
		(void)pyoldbuf_wrong_interpreter_();
		return 0;
	}
	if (PYOLDBUF_FIELDS_OK_()
	    && (PYOLDBUF_IS_BYTES_(obj) || PYOLDBUF_IS_BYTEARRAY_(obj)))
		return 1;
	/* No buffer slot: 0, and a pending exception stays pending. */
	if (!pyoldbuf_has_buffer_(obj))
		return 0;
	return pyoldbuf_check_view_(obj);
}

/* AsWriteBuffer's one error. */
PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_not_writable_(void)
{
	PyErr_SetString(PyExc_TypeError, "expected a writable bytes-like object");
	return -1;
}

/* The request and release of AsWriteBuffer. */
PYOLDBUF_OUT_OF_LINE_ int
pyoldbuf_write_view_(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)
{
	Py_buffer view;

	/* Whatever the exporter raised is replaced, as in CPython. */
	if (!pyoldbuf_has_buffer_(obj)
	    || pyoldbuf_slot_get_buffer_(obj, &view, PyBUF_WRITABLE) != 0)
		return pyoldbuf_not_writable_();
	*buffer = view.buf;
	*buffer_len = view.len;
	pyoldbuf_release_buffer_(&view);
	return 0;
}

/*
 * Its first checks are pyoldbuf_as_read_buffer_()'s, written out again: in
 * a helper, whose error functions' results the caller must test, they
 * would cost the build for one version a stack frame on every call.
 */
PYOLDBUF_API int
pyoldbuf_as_write_buffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)
{
	if (PYOLDBUF_NULL_(obj) || PYOLDBUF_NULL_(buffer) || PYOLDBUF_NULL_(buffer_len))
		return pyoldbuf_null_error_();
	if (PYOLDBUF_WRONG_INTERPRETER_())
		return pyoldbuf_wrong_interpreter_();
	if (PYOLDBUF_FIELDS_OK_()) {
		if (PYOLDBUF_IS_BYTEARRAY_(obj))
			return pyoldbuf_bytearray_fields_(obj, (const void **)buffer,
			                                  buffer_len);
		/*
		 * Exact bytes is read-only: its getbuffer would raise a
		 * BufferError that the TypeError then replaces, leaving no
		 * trace of it.
		 */
		if (PYOLDBUF_IS_BYTES_(obj))
			return pyoldbuf_not_writable_();
	}
	return pyoldbuf_write_view_(obj, buffer, buffer_len);
}

#ifdef __cplusplus
}
#endif

/* The implementation's macros: nothing after it needs them. */
#undef PYOLDBUF_HELPER_
#undef PYOLDBUF_IN_LINE_
#undef PYOLDBUF_OUT_OF_LINE_
#undef PYOLDBUF_NULL_
#undef PYOLDBUF_LOAD_
#undef PYOLDBUF_STORE_
#undef PYOLDBUF_FIELDS_OK_
#undef PYOLDBUF_WRONG_INTERPRETER_
#undef PYOLDBUF_IS_BYTES_
#undef PYOLDBUF_IS_BYTEARRAY_
#undef PYOLDBUF_VAR_SIZE_
#undef PYOLDBUF_DECREF_
/** @endcond */
#endif /* PYOLDBUF_HEADER_ONLY || PYOLDBUF_BUILDING */

/* The declarations' macros: no includer needs them. */
#undef PYOLDBUF_API
#undef PYOLDBUF_OBJECT
#undef PYOLDBUF_SSIZE
#undef PYOLDBUF_INLINE_

#endif /* OLDBUFFER_H */
