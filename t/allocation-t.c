/* SPDX-License-Identifier: MIT */
/*
 * allocation-t.c - no call allocates memory
 *
 * With the interpreter's three allocators (raw, mem, object) wrapped by
 * counting hooks, 100 successful calls of each function on exact bytes and
 * bytearray (the shortcuts) and on subclasses, memoryviews, array.array
 * and mmap (the buffer request) allocate nothing.  (AsWriteBuffer on a
 * read-only object fails, and its TypeError is an allocation.)
 */
#include <Python.h>

#include <oldbuffer.h>

#include "tap/basic.h"
#include "tap/legacy.h"
#include "tap/python.h"

static const struct {
	const char *expr;
	int writable;
} objects[] = {
	{ "b'abc'", 0 }, { "b''", 0 }, { "BytesSub(b'hello')", 0 },
	{ "bytearray(b'abcd')", 1 }, { "bytearray()", 1 },
	{ "ByteArraySub(b'xyz')", 1 }, { "shifted(bytearray(b'abcdef'))", 1 },
	{ "memoryview(b'abcdef')[1:4]", 0 },
	{ "memoryview(bytearray(8)).cast('H')", 1 },
	{ "array.array('i', [1, 2, 3])", 1 }, { "mmap.mmap(-1, 16)", 1 },
};
#define OBJECT_COUNT (sizeof(objects) / sizeof(objects[0]))

static const PyMemAllocatorDomain domains[] = {
	PYMEM_DOMAIN_RAW, PYMEM_DOMAIN_MEM, PYMEM_DOMAIN_OBJ
};
#define DOMAIN_COUNT (sizeof(domains) / sizeof(domains[0]))

static PyMemAllocatorEx wrapped[DOMAIN_COUNT];
static unsigned long allocations;

static void *
count_malloc(void *ctx, size_t size)
{
	PyMemAllocatorEx *next = ctx;

	allocations++;
	return next->malloc(next->ctx, size);
}

static void *
count_calloc(void *ctx, size_t nelem, size_t elsize)
{
	PyMemAllocatorEx *next = ctx;

	allocations++;
	return next->calloc(next->ctx, nelem, elsize);
}

static void *
count_realloc(void *ctx, void *ptr, size_t size)
{
	PyMemAllocatorEx *next = ctx;

	allocations++;
	return next->realloc(next->ctx, ptr, size);
}

static void
pass_free(void *ctx, void *ptr)
{
	PyMemAllocatorEx *next = ctx;

	next->free(next->ctx, ptr);
}

/* Wrap each allocator in a counting hook, as tracemalloc does. */
static void
count_allocations(void)
{
	size_t d;

	for (d = 0; d < DOMAIN_COUNT; d++) {
		PyMemAllocatorEx hook;

		PyMem_GetAllocator(domains[d], &wrapped[d]);
		hook.ctx = &wrapped[d];
		hook.malloc = count_malloc;
		hook.calloc = count_calloc;
		hook.realloc = count_realloc;
		hook.free = pass_free;
		PyMem_SetAllocator(domains[d], &hook);
	}
}

int
main(void)
{
	size_t o;
	int fn, i;

	py_start();
	plan(OBJECT_COUNT * LEGACY_FN_COUNT + 1);
	count_allocations();

	/* The hooks themselves: a new bytes object is an allocation. */
	{
		unsigned long before = allocations;
		PyObject *bytes = PyBytes_FromStringAndSize(NULL, 100);

		ok(bytes != NULL && allocations > before,
		   "the hooks count the allocation of a new bytes object");
		Py_XDECREF(bytes);
	}

	for (o = 0; o < OBJECT_COUNT; o++) {
		PyObject *obj = py_eval(objects[o].expr);

		for (fn = 0; fn < LEGACY_FN_COUNT; fn++) {
			unsigned long before = allocations;
			int failed = 0;

			if (fn == AS_WRITE_BUFFER && !objects[o].writable) {
				skip("AsWriteBuffer(%s) fails by design",
				     objects[o].expr);
				continue;
			}
			for (i = 0; i < 100; i++) {
				const char *cbuf;
				const void *rbuf;
				void *wbuf;
				Py_ssize_t len;

				switch (fn) {
				case AS_CHAR_BUFFER:
					failed |= PyObject_AsCharBuffer(
						obj, &cbuf, &len) != 0;
					break;
				case AS_READ_BUFFER:
					failed |= PyObject_AsReadBuffer(
						obj, &rbuf, &len) != 0;
					break;
				case CHECK_READ_BUFFER:
					failed |= PyObject_CheckReadBuffer(
						obj) != 1;
					break;
				default:
					failed |= PyObject_AsWriteBuffer(
						obj, &wbuf, &len) != 0;
				}
			}
			ok(!failed && allocations == before,
			   "100 calls of %s(%s): %lu allocations",
			   legacy_fn_name[fn], objects[o].expr,
			   allocations - before);
			PyErr_Clear();
		}
		Py_DECREF(obj);
	}
	return 0;
}
