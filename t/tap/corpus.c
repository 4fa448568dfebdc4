/* SPDX-License-Identifier: MIT */
/* corpus.c - objects to call the legacy functions on, with what CPython does */
#include "tap/corpus.h"

#define NOT_CONTIGUOUS "BufferError: memoryview: underlying buffer is not C-contiguous"
#define NDARRAY_NOT_CONTIGUOUS "BufferError: ndarray is not C-contiguous"
#define BYTES_LIKE "TypeError: a bytes-like object is required, not "
#define X10 "XXXXXXXXXX"
#define PY312 0x030C0000UL

/* CPython truncates the type name to 100 characters (%.100s). */
const struct corpus_case corpus[] = {
	{ "b'abc'", 0, 3, NULL, 0, ALLOC_T | THREADS_T },
	{ "b''", 0, 0, NULL, 0, ALLOC_T },
	{ "BytesSub(b'hello')", 0, 5, NULL, 0, ALLOC_T },
	{ "bytearray(b'abcd')", 0, 4, NULL, 1, ALLOC_T | THREADS_T },
	{ "bytearray()", 0, 0, NULL, 1, ALLOC_T },
	{ "ByteArraySub(b'xyz')", 0, 3, NULL, 1, ALLOC_T },
	{ "grown(bytearray(b'abc'))", 0, 4096, NULL, 1, 0 },
	{ "shifted(bytearray(b'abcdef'))", 0, 4, NULL, 1, ALLOC_T },
	{ "BytesOverride(b'hello')", PY312, 6, NULL, 0, 0 },
	{ "ByteArrayOverride(b'xyz')", PY312, 6, NULL, 1, 0 },
	{ "memoryview(b'abcdef')", 0, 6, NULL, 0, 0 },
	{ "memoryview(b'abcdef')[1:4]", 0, 3, NULL, 0, ALLOC_T | THREADS_T },
	{ "memoryview(bytearray(b'abcdef'))", 0, 6, NULL, 1, 0 },
	{ "memoryview(bytearray(b'abcdef'))[2:]", 0, 4, NULL, 1, 0 },
	{ "memoryview(bytearray(b'abcdef')).toreadonly()", 0x03080000UL, 6,
	  NULL, 0, 0 },
	{ "memoryview(b'abcdef')[::2]", 0, 0, NOT_CONTIGUOUS, 0, 0 },
	{ "memoryview(bytearray(b'abcdef'))[::2]", 0, 0, NOT_CONTIGUOUS, 0, 0 },
	{ "memoryview(b'abcdef')[::-1]", 0, 0, NOT_CONTIGUOUS, 0, 0 },
	{ "memoryview(bytearray(8)).cast('H')", 0, 8, NULL, 1, ALLOC_T },
	{ "memoryview(b'abcdefgh').cast('I')", 0, 8, NULL, 0, 0 },
	{ "memoryview(bytearray(12)).cast('B', shape=[3, 4])", 0, 12, NULL, 1, 0 },
	{ "memoryview(bytearray(24)).cast('i', shape=[2, 3])", 0, 24, NULL, 1, 0 },
	{ "released(b'ab')", 0, 0,
	  "ValueError: operation forbidden on released memoryview object", 0, 0 },
	{ "released(bytearray(b'ab'))", 0, 0,
	  "ValueError: operation forbidden on released memoryview object", 0, 0 },
	{ "array.array('i', [1, 2, 3])", 0, 12, NULL, 1, ALLOC_T | THREADS_T },
	{ "array.array('d', [1.5, 2.5])", 0, 16, NULL, 1, 0 },
	{ "array.array('b')", 0, 0, NULL, 1, 0 },
	{ "mmap.mmap(-1, 16)", 0, 16, NULL, 1, ALLOC_T },
	{ "mmap.mmap(-1, 16, access=mmap.ACCESS_READ)", 0, 16, NULL, 0, 0 },
	{ "'text'", 0, 0, BYTES_LIKE "'str'", 0, THREADS_T },
	{ "None", 0, 0, BYTES_LIKE "'NoneType'", 0, 0 },
	{ "42", 0, 0, BYTES_LIKE "'int'", 0, 0 },
	{ "[1, 2]", 0, 0, BYTES_LIKE "'list'", 0, 0 },
	{ "Unnamed()", 0, 0,
	  BYTES_LIKE "'" X10 X10 X10 X10 X10 X10 X10 X10 X10 X10 "'", 0, 0 },
	{ "ndarray(list(range(12)), shape=[3, 4], format='i', "
	  "flags=ND_WRITABLE)", 0, 48, NULL, 1, 0 },
	{ "ndarray(list(range(12)), shape=[3, 4], format='B')", 0, 12, NULL, 0, 0 },
	{ "ndarray(list(range(12)), shape=[6], strides=[2], format='B')", 0, 0,
	  NDARRAY_NOT_CONTIGUOUS, 0, 0 },
	{ "ndarray(list(range(12)), shape=[6], strides=[2], format='B', "
	  "flags=ND_WRITABLE)", 0, 0, NDARRAY_NOT_CONTIGUOUS, 0, 0 },
	{ "ndarray(list(range(12)), shape=[3, 4], format='B', "
	  "flags=ND_FORTRAN)", 0, 0, NDARRAY_NOT_CONTIGUOUS, 0, 0 },
	{ "ndarray(list(range(12)), shape=[3, 4], format='B', flags=ND_PIL)",
	  0, 0, "BufferError: ndarray cannot be represented without suboffsets",
	  0, 0 },
	{ "ndarray([1, 2, 3], shape=[3], format='B', flags=ND_GETBUF_FAIL)",
	  0, 0, "BufferError: ND_GETBUF_FAIL: forced test exception", 0, 0 },
	{ "Exporter(b'abc')", PY312, 3, NULL, 0, 0 },
	{ "Exporter(bytearray(b'abc'))", PY312, 3, NULL, 1, 0 },
	{ "Exporter(memoryview(b'abcdef')[::2])", PY312, 0, NOT_CONTIGUOUS,
	  0, 0 },
	{ "Exporter(b'', BufferError, 'refused')", PY312, 0,
	  "BufferError: refused", 0, 0 },
	{ "Exporter(b'', ValueError, 'nope')", PY312, 0, "ValueError: nope", 0, 0 },
	{ "Exporter(b'', KeyError, 'k')", PY312, 0, "KeyError: 'k'", 0, 0 },
};

const size_t corpus_size = sizeof(corpus) / sizeof(corpus[0]);

int
corpus_applies(const struct corpus_case *c)
{
	return PY_VERSION_HEX >= c->since;
}
