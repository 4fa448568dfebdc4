/* SPDX-License-Identifier: MIT */
/*
 * consumer.c - a program that embeds Python and uses the legacy names the
 * ways real code does: size_t and ssize_t lengths cast to Py_ssize_t *,
 * typed pointers passed as (void **)&p, results used as booleans, and each
 * function taken by address.  It is C and C++ at once: t/consumer-t.sh builds it
 * with g++ and clang++ (-x c++ -std=c++11 -Wall -Wextra -Werror), and the
 * Debian package's autopkgtest builds it as C against the installed
 * library.  Prints TAP; exits non-zero if a check fails.
 */

#include <Python.h>

#include <oldbuffer.h>

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

static int count;
static int failed;

static void
ok(int good, const char *what)
{
	++count;
	if (!good)
		++failed;
	printf("%sok %d - %s\n", good ? "" : "not ", count, what);
}

/* The pending exception is of type `type`; clear it. */
static int
raised(PyObject *type)
{
	int match = PyErr_Occurred() != NULL && PyErr_ExceptionMatches(type);

	PyErr_Clear();
	return match;
}

int
main(void)
{
	PyObject *bytes, *array, *number;
	const char *chars = NULL;
	const unsigned char *octets = NULL;
	char *writable = NULL;
	size_t size = 0;
	ssize_t length = 0;
	Py_ssize_t array_len = 0, n = 0;
	int (*as_char)(PyObject *, const char **, Py_ssize_t *) =
	    &PyObject_AsCharBuffer;
	int (*as_read)(PyObject *, const void **, Py_ssize_t *) =
	    &PyObject_AsReadBuffer;
	int (*check)(PyObject *) = &PyObject_CheckReadBuffer;
	int (*as_write)(PyObject *, void **, Py_ssize_t *) =
	    &PyObject_AsWriteBuffer;

	Py_Initialize();
	bytes = PyBytes_FromStringAndSize("hello", 5);
	array = PyByteArray_FromStringAndSize("abc", 3);
	number = PyLong_FromLong(42);
	if (bytes == NULL || array == NULL || number == NULL) {
		printf("Bail out! cannot create the test objects\n");
		return 1;
	}
	printf("1..12\n");

	ok(PyObject_AsCharBuffer(bytes, &chars, (Py_ssize_t *)&size) == 0
	   && size == 5 && memcmp(chars, "hello", 5) == 0,
	   "AsCharBuffer with a size_t length cast to Py_ssize_t *");

	ok(PyObject_AsReadBuffer(bytes, (const void **)&octets,
	                         (Py_ssize_t *)&length) == 0
	   && length == 5 && octets[4] == 'o',
	   "AsReadBuffer with (const void **)&typed and an ssize_t length");

	ok(PyObject_AsWriteBuffer(array, (void **)&writable, &array_len) == 0
	   && array_len == 3,
	   "AsWriteBuffer with (void **)&typed on a bytearray");
	writable[0] = 'X';
	ok(memcmp(PyByteArray_AsString(array), "Xbc", 3) == 0,
	   "the write went into the bytearray");

	if (PyObject_AsReadBuffer(number, (const void **)&octets,
	                          (Py_ssize_t *)&length))
		ok(raised(PyExc_TypeError),
		   "if (AsReadBuffer(int)) is taken, with TypeError");
	else
		ok(0, "if (AsReadBuffer(int)) is taken, with TypeError");
	if (!PyObject_AsWriteBuffer(bytes, (void **)&writable, &array_len))
		ok(0, "!AsWriteBuffer(bytes) is not taken, TypeError");
	else
		ok(raised(PyExc_TypeError),
		   "!AsWriteBuffer(bytes) is not taken, TypeError");
	ok(PyObject_CheckReadBuffer(bytes) && !PyObject_CheckReadBuffer(number)
	   && !PyErr_Occurred(),
	   "CheckReadBuffer as a boolean: bytes yes, int no, no exception");

	ok(as_char == &pyoldbuf_as_char_buffer
	   && as_read == &pyoldbuf_as_read_buffer
	   && check == &pyoldbuf_check_read_buffer
	   && as_write == &pyoldbuf_as_write_buffer,
	   "&PyObject_As...Buffer is the library's function");
	ok(as_char(bytes, &chars, &n) == 0 && n == 5,
	   "AsCharBuffer through its address");
	ok(as_read(array, (const void **)&octets, &n) == 0 && n == 3
	   && octets[0] == 'X',
	   "AsReadBuffer through its address");
	ok(check(array) == 1, "CheckReadBuffer through its address");
	ok(as_write(bytes, (void **)&writable, &n) == -1
	   && raised(PyExc_TypeError),
	   "AsWriteBuffer through its address refuses bytes");

	Py_DECREF(number);
	Py_DECREF(array);
	Py_DECREF(bytes);
	if (Py_FinalizeEx() < 0)
		return 1;
	return failed == 0 ? 0 : 1;
}
