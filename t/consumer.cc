// SPDX-License-Identifier: MIT
//
// consumer.cc - a C++ program that uses the legacy names the ways real C++
// code does: size_t and ssize_t lengths cast to Py_ssize_t *, typed pointers
// passed as (void **)&p, results used as booleans, and each function taken
// by address.  Built by t/cxx-t.sh with g++ and clang++ under
// -std=c++11 -Wall -Wextra -Werror; prints TAP.

#include <Python.h>

#include <oldbuffer.h>

#include <cstdio>
#include <cstring>
#include <sys/types.h>

static int count;
static int failed;

static void
ok(bool good, const char *what)
{
	++count;
	if (!good)
		++failed;
	std::printf("%sok %d - %s\n", good ? "" : "not ", count, what);
}

// The pending exception is of type `type`; clear it.
static bool
raised(PyObject *type)
{
	bool match = PyErr_Occurred() != NULL && PyErr_ExceptionMatches(type);

	PyErr_Clear();
	return match;
}

int
main()
{
	Py_Initialize();
	PyObject *bytes = PyBytes_FromStringAndSize("hello", 5);
	PyObject *array = PyByteArray_FromStringAndSize("abc", 3);
	PyObject *number = PyLong_FromLong(42);
	if (bytes == NULL || array == NULL || number == NULL) {
		std::printf("Bail out! cannot create the test objects\n");
		return 1;
	}
	std::printf("1..12\n");

	const char *chars = NULL;
	size_t size = 0;
	ok(PyObject_AsCharBuffer(bytes, &chars, (Py_ssize_t *)&size) == 0
	   && size == 5 && std::memcmp(chars, "hello", 5) == 0,
	   "AsCharBuffer with a size_t length cast to Py_ssize_t *");

	const unsigned char *octets = NULL;
	ssize_t length = 0;
	ok(PyObject_AsReadBuffer(bytes, (const void **)&octets,
	                         (Py_ssize_t *)&length) == 0
	   && length == 5 && octets[4] == 'o',
	   "AsReadBuffer with (const void **)&typed and an ssize_t length");

	char *writable = NULL;
	Py_ssize_t array_len = 0;
	ok(PyObject_AsWriteBuffer(array, (void **)&writable, &array_len) == 0
	   && array_len == 3,
	   "AsWriteBuffer with (void **)&typed on a bytearray");
	writable[0] = 'X';
	ok(std::memcmp(PyByteArray_AsString(array), "Xbc", 3) == 0,
	   "the write went into the bytearray");

	if (PyObject_AsReadBuffer(number, (const void **)&octets,
	                          (Py_ssize_t *)&length))
		ok(raised(PyExc_TypeError),
		   "if (AsReadBuffer(int)) is taken, with TypeError");
	else
		ok(false, "if (AsReadBuffer(int)) is taken, with TypeError");
	if (!PyObject_AsWriteBuffer(bytes, (void **)&writable, &array_len))
		ok(false, "!AsWriteBuffer(bytes) is not taken, TypeError");
	else
		ok(raised(PyExc_TypeError),
		   "!AsWriteBuffer(bytes) is not taken, TypeError");
	ok(PyObject_CheckReadBuffer(bytes) && !PyObject_CheckReadBuffer(number)
	   && !PyErr_Occurred(),
	   "CheckReadBuffer as a boolean: bytes yes, int no, no exception");

	int (*as_char)(PyObject *, const char **, Py_ssize_t *) =
	    &PyObject_AsCharBuffer;
	int (*as_read)(PyObject *, const void **, Py_ssize_t *) =
	    &PyObject_AsReadBuffer;
	int (*check)(PyObject *) = &PyObject_CheckReadBuffer;
	int (*as_write)(PyObject *, void **, Py_ssize_t *) =
	    &PyObject_AsWriteBuffer;
	ok(as_char == &pyoldbuf_as_char_buffer
	   && as_read == &pyoldbuf_as_read_buffer
	   && check == &pyoldbuf_check_read_buffer
	   && as_write == &pyoldbuf_as_write_buffer,
	   "&PyObject_As...Buffer is the library's function");
	Py_ssize_t n = 0;
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
