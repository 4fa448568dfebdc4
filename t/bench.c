/* SPDX-License-Identifier: MIT */
/*
 * bench.c - what one call of each legacy function costs, for libpyoldbuf,
 * for the interpreter's own exported function (found with dlsym()) and for
 * a plain PyObject_GetBuffer() + PyBuffer_Release() doing the same request,
 * on bytes, bytearray, memoryview, array.array, mmap and _testbuffer's
 * ndarray.  All three are called the same way, through a function pointer,
 * in the same loop.
 *
 *   bench time    the median time per call of several runs, in ns
 *   bench count   run under callgrind --collect-atstart=no: one profile
 *                 dump per case, named after it, each of COUNT_CALLS calls
 *
 * Each output line is "object function implementation value".  t/bench.sh
 * (make bench) runs both and prints the table.  Not a test: no timing is
 * ever asserted.
 */
#include <Python.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef HAVE_VALGRIND_CALLGRIND_H
# include <valgrind/callgrind.h>
#endif

#include "tap/basic.h"
#include "tap/legacy.h"
#include "tap/python.h"

/* The objects measured; each is C-contiguous and writable but bytes. */
static const struct {
	const char *name;
	const char *expr;
} objects[] = {
	{ "bytes", "b'x' * 64" },
	{ "bytearray", "bytearray(64)" },
	{ "memoryview", "memoryview(bytearray(64))" },
	{ "array.array", "array.array('i', range(16))" },
	{ "mmap", "mmap.mmap(-1, 64)" },
	{ "ndarray", "ndarray(list(range(64)), shape=[64], format='B', "
	             "flags=ND_WRITABLE)" },
};
#define OBJECT_COUNT (sizeof(objects) / sizeof(objects[0]))

/* The baseline: the request each function makes, and nothing else. */
static int
getbuffer_simple(PyObject *obj, const void **buffer, Py_ssize_t *len)
{
	Py_buffer view;

	if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0)
		return -1;
	*buffer = view.buf;
	*len = view.len;
	PyBuffer_Release(&view);
	return 0;
}

static int
getbuffer_char(PyObject *obj, const char **buffer, Py_ssize_t *len)
{
	return getbuffer_simple(obj, (const void **)buffer, len);
}

static int
getbuffer_check(PyObject *obj)
{
	const void *buffer;
	Py_ssize_t len;

	if (getbuffer_simple(obj, &buffer, &len) != 0) {
		PyErr_Clear();
		return 0;
	}
	return 1;
}

static int
getbuffer_writable(PyObject *obj, void **buffer, Py_ssize_t *len)
{
	Py_buffer view;

	if (PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) != 0)
		return -1;
	*buffer = view.buf;
	*len = view.len;
	PyBuffer_Release(&view);
	return 0;
}

static const struct legacy_api getbuffer_api = {
	"GetBuffer", getbuffer_char, getbuffer_simple, getbuffer_check,
	getbuffer_writable,
};

enum { LIBRARY, INTERPRETER, GETBUFFER, API_COUNT };
static const char *const api_label[API_COUNT] = {
	"library", "interpreter", "getbuffer"
};

static volatile Py_ssize_t sink;

/*
 * n calls of fn of api on obj; a failed call's exception is cleared.  A
 * loop for each function, not dispatch_call() (t/tap/legacy.c) in one loop:
 * its switch in every iteration would be timed with the call.
 */
static void __attribute__((noinline))
calls(const struct legacy_api *api, enum legacy_fn fn, PyObject *obj, long n)
{
	const char *cbuf;
	const void *rbuf;
	void *wbuf;
	Py_ssize_t len = 0;
	long i;

	switch (fn) {
	case AS_CHAR_BUFFER:
		for (i = 0; i < n; i++) {
			if (api->as_char_buffer(obj, &cbuf, &len) != 0)
				PyErr_Clear();
			sink = len;
		}
		break;
	case AS_READ_BUFFER:
		for (i = 0; i < n; i++) {
			if (api->as_read_buffer(obj, &rbuf, &len) != 0)
				PyErr_Clear();
			sink = len;
		}
		break;
	case CHECK_READ_BUFFER:
		for (i = 0; i < n; i++)
			sink = api->check_read_buffer(obj);
		break;
	case AS_WRITE_BUFFER:
		for (i = 0; i < n; i++) {
			if (api->as_write_buffer(obj, &wbuf, &len) != 0)
				PyErr_Clear();
			sink = len;
		}
		break;
	default:
		bail("no function %d", (int)fn);
	}
}

#define TIME_CALLS 200000L
#define TIME_RUNS 7
#define COUNT_CALLS 10000L

static double
seconds(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median over TIME_RUNS runs of the time per call, in ns. */
static double
time_per_call(const struct legacy_api *api, enum legacy_fn fn, PyObject *obj)
{
	double runs[TIME_RUNS], start;
	int r;

	calls(api, fn, obj, TIME_CALLS / 10);    /* warm up */
	for (r = 0; r < TIME_RUNS; r++) {
		start = seconds();
		calls(api, fn, obj, TIME_CALLS);
		runs[r] = (seconds() - start) * 1e9 / TIME_CALLS;
	}
	qsort(runs, TIME_RUNS, sizeof(runs[0]), compare_doubles);
	return runs[TIME_RUNS / 2];
}

/* One callgrind dump of COUNT_CALLS calls, labelled with the case. */
static void
count_calls(const struct legacy_api *api, enum legacy_fn fn, PyObject *obj,
            const char *label)
{
#ifdef HAVE_VALGRIND_CALLGRIND_H
	calls(api, fn, obj, 10);                /* resolve lazy bindings */
	CALLGRIND_ZERO_STATS;
	CALLGRIND_TOGGLE_COLLECT;
	calls(api, fn, obj, COUNT_CALLS);
	CALLGRIND_TOGGLE_COLLECT;
	CALLGRIND_DUMP_STATS_AT(label);
#else
	(void)api, (void)fn, (void)obj, (void)label;
	bail("built without valgrind/callgrind.h: no instruction counts");
#endif
}

int
main(int argc, char **argv)
{
	const struct legacy_api *apis[API_COUNT];
	int counting;
	size_t o;
	int fn, a;

	if (argc != 2 || (strcmp(argv[1], "time") && strcmp(argv[1], "count")))
		bail("usage: bench time|count");
	counting = strcmp(argv[1], "count") == 0;
	py_start();
	apis[LIBRARY] = &library_api;
	apis[INTERPRETER] = interpreter_api();
	apis[GETBUFFER] = &getbuffer_api;
	if (counting)
		printf("calls %ld\n", COUNT_CALLS);

	for (o = 0; o < OBJECT_COUNT; o++) {
		PyObject *obj = py_eval(objects[o].expr);

		for (fn = 0; fn < LEGACY_FN_COUNT; fn++)
			for (a = 0; a < API_COUNT; a++) {
				char label[128];

				snprintf(label, sizeof(label), "%s %s %s",
				         objects[o].name, legacy_fn_name[fn],
				         api_label[a]);
				if (counting)
					count_calls(apis[a], (enum legacy_fn)fn,
					            obj, label);
				else
					printf("%s %.2f\n", label,
					       time_per_call(apis[a],
					                     (enum legacy_fn)fn,
					                     obj));
				fflush(stdout);
			}
		Py_DECREF(obj);
	}
	if (Py_FinalizeEx() < 0)
		return 1;
	return 0;
}
