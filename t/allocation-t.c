/* SPDX-License-Identifier: MIT */
/*
 * allocation-t.c - no call allocates memory
 *
 * With the interpreter's three allocators (raw, mem, object) wrapped by
 * counting hooks, 100 successful calls of each function on the corpus's
 * ALLOC_T objects, exact bytes and bytearray (the shortcuts),
 * subclasses, memoryviews, array.array and mmap (the buffer request),
 * allocate nothing.  (AsWriteBuffer on a read-only object fails, and its
 * TypeError is an allocation.)
 */
#include <Python.h>

#include "tap/basic.h"
#include "tap/corpus.h"
#include "tap/legacy.h"
#include "tap/python.h"

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
	unsigned long objects = 0;
	size_t o;
	int fn, i;

	py_start();
	for (o = 0; o < corpus_size; o++)
		objects += (corpus[o].uses & ALLOC_T) != 0;
	plan(objects * LEGACY_FN_COUNT + 1);
	count_allocations();

	/* The hooks themselves: a new bytes object is an allocation. */
	{
		unsigned long before = allocations;
		PyObject *bytes = PyBytes_FromStringAndSize(NULL, 100);

		ok(bytes != NULL && allocations > before,
		   "the hooks count the allocation of a new bytes object");
		Py_XDECREF(bytes);
	}

	for (o = 0; o < corpus_size; o++) {
		const struct corpus_case *c = &corpus[o];
		PyObject *obj;

		if (!(c->uses & ALLOC_T))
			continue;
		obj = py_eval(c->expr);
		for (fn = 0; fn < LEGACY_FN_COUNT; fn++) {
			unsigned long before = allocations;
			int failed = 0;

			if (fn == AS_WRITE_BUFFER && !c->writable) {
				skip("AsWriteBuffer(%s) fails by design",
				     c->expr);
				continue;
			}
			for (i = 0; i < 100; i++) {
				const void *buf = NULL;
				Py_ssize_t len;

				failed |= dispatch_call(&library_api,
				                        (enum legacy_fn)fn, obj,
				                        &buf, &len)
					!= (fn == CHECK_READ_BUFFER);
			}
			ok(!failed && allocations == before,
			   "100 calls of %s(%s): %lu allocations",
			   legacy_fn_name[fn], c->expr, allocations - before);
			PyErr_Clear();
		}
		Py_DECREF(obj);
	}
	return 0;
}
