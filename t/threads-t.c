/* SPDX-License-Identifier: MIT */
/*
 * threads-t.c - the functions from several threads at once
 *
 * Four threads call the four functions on objects shared by all (the
 * corpus's THREADS_T objects: bytes, bytearray, memoryview,
 * array.array, str) and on objects of their own,
 * dropping and re-taking the GIL between calls; two more threads do the
 * same in sub-interpreters of their own (sharing the GIL, and on 3.12+
 * with a GIL of its own, running truly in parallel).  Every call must give
 * what a single-threaded call gave before the threads started: return
 * value, pointer (for the shared objects), length, exception.  The four
 * threads also call them on a bytearray that one more thread keeps
 * resizing: each call must give what a single-threaded call gives for one
 * of its sizes.  On a free-threaded CPython the GIL is off (PYTHON_GIL=0,
 * checked), so all of this runs in parallel.  An alarm turns a deadlock
 * into a failure.
 */
#include <Python.h>

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap/basic.h"
#include "tap/corpus.h"
#include "tap/legacy.h"
#include "tap/python.h"

#define THREADS 4
#define ROUNDS 300
#define DEADLINE 120   /* seconds */

/* The shared objects: at most this many from the corpus. */
#define SHARED_MAX 8

/* What one call gives, to compare with the single-threaded answer. */
struct result {
	int ret;
	const void *buf;
	Py_ssize_t len;
	char exc[200];
};

static void
call(enum legacy_fn fn, PyObject *obj, struct result *r)
{
	int context;

	r->buf = NULL;
	r->len = -1;
	r->ret = dispatch_call(&library_api, fn, obj, &r->buf, &r->len);
	py_take_exception(r->exc, sizeof(r->exc), &context);
}

static int
same(const struct result *a, const struct result *b, int compare_buf)
{
	return a->ret == b->ret && a->len == b->len
		&& (!compare_buf || a->buf == b->buf)
		&& strcmp(a->exc, b->exc) == 0;
}

static PyObject *shared[SHARED_MAX];
static struct result shared_want[SHARED_MAX][LEGACY_FN_COUNT];
static size_t shared_count;

/*
 * ROUNDS rounds over the objects, the GIL dropped and re-taken around each
 * call; count the calls that disagree with want.  Run with the GIL held.
 */
static long
rounds(PyObject **objs, struct result (*want)[LEGACY_FN_COUNT], size_t count,
       int compare_buf)
{
	long wrong = 0;
	size_t o;
	int r, fn;

	for (r = 0; r < ROUNDS; r++)
		for (o = 0; o < count; o++)
			for (fn = 0; fn < LEGACY_FN_COUNT; fn++) {
				struct result got;

				Py_BEGIN_ALLOW_THREADS
				Py_END_ALLOW_THREADS
				call((enum legacy_fn)fn, objs[o], &got);
				wrong += !same(&got, &want[o][fn], compare_buf);
			}
	return wrong;
}

/*
 * The bytearray that the resizer thread grows and shrinks between these
 * lengths while the threads call the functions on it.
 */
static PyObject *resized;
static const Py_ssize_t resized_len[2] = { 16, 4096 };
static int stop_resizing;

/* Whether got is what one call on resized gives when it is alone. */
static int
resized_answer(enum legacy_fn fn, const struct result *got)
{
	if (got->exc[0] != '\0')
		return 0;
	if (fn == CHECK_READ_BUFFER)
		return got->ret == 1;
	return got->ret == 0 && got->buf != NULL
		&& (got->len == resized_len[0] || got->len == resized_len[1]);
}

static long
resized_rounds(void)
{
	long wrong = 0;
	int r, fn;

	for (r = 0; r < ROUNDS; r++)
		for (fn = 0; fn < LEGACY_FN_COUNT; fn++) {
			struct result got;

			Py_BEGIN_ALLOW_THREADS
			Py_END_ALLOW_THREADS
			call((enum legacy_fn)fn, resized, &got);
			wrong += !resized_answer((enum legacy_fn)fn, &got);
		}
	return wrong;
}

/*
 * The resizer: resizes until told to stop.  A resize while another thread
 * holds a view of the bytearray fails with BufferError, as it must; any
 * other error is counted in *failed.
 */
struct resizes {
	long done, refused, failed;
};

static void *
resizer(void *arg)
{
	struct resizes *count = arg;
	PyGILState_STATE gil = PyGILState_Ensure();

	while (!__atomic_load_n(&stop_resizing, __ATOMIC_RELAXED)) {
		if (PyByteArray_Resize(resized, resized_len[count->done % 2]) == 0)
			count->done++;
		else if (PyErr_ExceptionMatches(PyExc_BufferError))
			count->refused++;
		else
			count->failed++;
		PyErr_Clear();
		/*
		 * Yield with the GIL dropped: a resizer that takes the GIL
		 * back at once starves the workers where threads are not
		 * scheduled fairly (under valgrind: the run took minutes).
		 */
		Py_BEGIN_ALLOW_THREADS
		sched_yield();
		Py_END_ALLOW_THREADS
	}
	PyGILState_Release(gil);
	return NULL;
}

/* Objects of one thread's own, and their single-threaded answers. */
static long
private_rounds(int id)
{
	PyObject *objs[2];
	struct result want[2][LEGACY_FN_COUNT];
	char data[32];
	long wrong;
	int fn, i;

	snprintf(data, sizeof(data), "thread %d data", id);
	objs[0] = PyBytes_FromString(data);
	objs[1] = PyByteArray_FromStringAndSize(data, (Py_ssize_t)strlen(data));
	if (objs[0] == NULL || objs[1] == NULL)
		return -1;
	for (i = 0; i < 2; i++)
		for (fn = 0; fn < LEGACY_FN_COUNT; fn++)
			call((enum legacy_fn)fn, objs[i], &want[i][fn]);
	wrong = rounds(objs, want, 2, 1);
	Py_DECREF(objs[0]);
	Py_DECREF(objs[1]);
	return wrong;
}

struct job {
	int id;
	int subinterpreter;   /* 0: none, 1: shared GIL, 2: own GIL */
	long wrong;           /* calls that disagreed; -1: could not run */
};

static void *
worker(void *arg)
{
	struct job *job = arg;
	PyGILState_STATE gil = PyGILState_Ensure();
	PyThreadState *main_state = PyThreadState_Get(), *sub = NULL;

	job->wrong = -1;
	if (job->subinterpreter == 1) {
		sub = Py_NewInterpreter();
	}
#if PY_VERSION_HEX >= 0x030C0000
	else if (job->subinterpreter == 2) {
		PyInterpreterConfig config = {
			.use_main_obmalloc = 0,
			.allow_fork = 0,
			.allow_exec = 0,
			.allow_threads = 1,
			.allow_daemon_threads = 0,
			.check_multi_interp_extensions = 1,
			.gil = PyInterpreterConfig_OWN_GIL,
		};
		PyStatus status = Py_NewInterpreterFromConfig(&sub, &config);

		if (PyStatus_Exception(status))
			sub = NULL;
	}
#endif
	if (job->subinterpreter != 0 && sub == NULL) {
		PyGILState_Release(gil);
		return NULL;
	}
	if (job->subinterpreter == 0) {
		long wrong = rounds(shared, shared_want, shared_count, 1);
		long own = private_rounds(job->id);

		wrong += resized_rounds();
		job->wrong = own < 0 ? -1 : wrong + own;
	} else {
		job->wrong = private_rounds(job->id);
		Py_EndInterpreter(sub);
		PyThreadState_Swap(main_state);
	}
	PyGILState_Release(gil);
	return NULL;
}

int
main(void)
{
	struct job jobs[THREADS + 2];
	pthread_t threads[THREADS + 2], resizer_thread;
	struct resizes resizes = { 0, 0, 0 };
	int count = THREADS + 1, i, fn;
	size_t o;

#ifdef Py_GIL_DISABLED
	/* Free-threaded: the GIL stays off, whatever the modules say. */
	setenv("PYTHON_GIL", "0", 1);
#endif
	py_start();
	alarm(DEADLINE);
	resized = PyByteArray_FromStringAndSize(NULL, resized_len[0]);
	if (resized == NULL)
		bail("cannot make the bytearray to resize");
	for (o = 0; o < corpus_size; o++) {
		PyObject *obj;

		if (!(corpus[o].uses & THREADS_T))
			continue;
		if (shared_count == SHARED_MAX)
			bail("more than %d THREADS_T objects", SHARED_MAX);
		obj = shared[shared_count] = py_eval(corpus[o].expr);
		for (fn = 0; fn < LEGACY_FN_COUNT; fn++)
			call((enum legacy_fn)fn, obj,
			     &shared_want[shared_count][fn]);
		shared_count++;
	}
#if PY_VERSION_HEX >= 0x030C0000
	count = THREADS + 2;
#endif
#ifdef Py_GIL_DISABLED
	plan((unsigned long)count + 2);
	{
		PyObject *enabled = py_eval("__import__('sys')._is_gil_enabled()");

		ok(enabled == Py_False, "free-threaded: the GIL is off "
		   "(PYTHON_GIL=0)");
		Py_XDECREF(enabled);
	}
#else
	plan((unsigned long)count + 1);
#endif

	for (i = 0; i < count; i++) {
		jobs[i].id = i;
		jobs[i].subinterpreter = i < THREADS ? 0 : i - THREADS + 1;
	}
	Py_BEGIN_ALLOW_THREADS
	if (pthread_create(&resizer_thread, NULL, resizer, &resizes) != 0)
		bail("cannot start the resizer");
	for (i = 0; i < count; i++)
		if (pthread_create(&threads[i], NULL, worker, &jobs[i]) != 0)
			bail("cannot start a thread");
	for (i = 0; i < count; i++)
		pthread_join(threads[i], NULL);
	__atomic_store_n(&stop_resizing, 1, __ATOMIC_RELAXED);
	pthread_join(resizer_thread, NULL);
	Py_END_ALLOW_THREADS

	ok(resizes.done > 0 && resizes.failed == 0, "the resizer resized the "
	   "bytearray %ld times during the calls (%ld refused with BufferError "
	   "while a view was held, %ld other errors)", resizes.done,
	   resizes.refused, resizes.failed);

	for (i = 0; i < count; i++) {
		static const char *const where[] = {
			"", " in a sub-interpreter",
			" in a sub-interpreter with its own GIL"
		};

		ok(jobs[i].wrong == 0, "thread %d%s: %d rounds of calls as "
		   "single-threaded (%ld differ)", i,
		   where[jobs[i].subinterpreter], ROUNDS, jobs[i].wrong);
	}
	for (o = 0; o < shared_count; o++)
		Py_DECREF(shared[o]);
	Py_DECREF(resized);
	return 0;
}
