/* SPDX-License-Identifier: MIT */
/*
 * legacy.h - call one legacy function and observe everything it did
 *
 * Every test goes through observe_call(): the per-function tests compare the
 * outcome with the corpus, the differential test compares the library's
 * outcome with the interpreter's own.
 */
#ifndef TAP_LEGACY_H
#define TAP_LEGACY_H

#include <Python.h>

#include "tap/corpus.h"

enum legacy_fn {
	AS_CHAR_BUFFER,
	AS_READ_BUFFER,
	CHECK_READ_BUFFER,
	AS_WRITE_BUFFER,
	LEGACY_FN_COUNT
};

/* "AsCharBuffer" and so on, for test descriptions. */
extern const char *const legacy_fn_name[LEGACY_FN_COUNT];

/* One implementation of the four functions. */
struct legacy_api {
	const char *name;
	int (*as_char_buffer)(PyObject *, const char **, Py_ssize_t *);
	int (*as_read_buffer)(PyObject *, const void **, Py_ssize_t *);
	int (*check_read_buffer)(PyObject *);
	int (*as_write_buffer)(PyObject *, void **, Py_ssize_t *);
};

/* libpyoldbuf, taken by the legacy names that oldbuffer.h maps. */
extern const struct legacy_api library_api;

/* The interpreter's own exported functions, found with dlsym(). */
const struct legacy_api *interpreter_api(void);

/*
 * fn of api on obj: the one place that tells the four functions apart.
 * buffer and buffer_len are passed on, NULL as NULL; *buffer goes in as
 * the function's own pointer type and comes back out, so a caller sees
 * whether the function wrote it.  (t/bench.c keeps loops of its own.)
 */
int dispatch_call(const struct legacy_api *api, enum legacy_fn fn,
                  PyObject *obj, const void **buffer, Py_ssize_t *buffer_len);

/* Arguments that observe_call() passes as NULL. */
enum { NULL_OBJ = 1, NULL_BUFFER = 2, NULL_LEN = 4 };

/*
 * The ways the tests call a function: with every argument given, then
 * with each pointer argument NULL in turn; each with no exception pending,
 * then with one.
 */
struct call_case {
	unsigned nulls;   /* NULL_* */
	int pending;      /* KeyError('pending') raised before the call */
};

/* fn's call cases, in *cases; returns how many. */
size_t call_cases(enum legacy_fn fn, const struct call_case **cases);

/*
 * Whether the interpreter's own fn survives this case: CPython's
 * CheckReadBuffer crashes on a NULL obj, so that call is never compared.
 */
int interpreter_survives(enum legacy_fn fn, const struct call_case *c);

/* What one call did. */
struct outcome {
	int ret;                   /* return value */
	int wrote_buffer;          /* *buffer was written */
	int wrote_len;             /* *buffer_len was written */
	const void *buf;           /* *buffer after the call */
	Py_ssize_t len;            /* *buffer_len after the call */
	char exc[512];             /* "Type: message" pending after, or "" */
	int exc_context;           /* that exception has a __context__ */
	int shows_contents;        /* *buffer holds obj's bytes: 1, 0, or -1
	                              when nothing (or nothing long) came out */
	Py_ssize_t refcnt_delta;   /* obj's reference count, after - before */
};

/*
 * Call fn of api on obj.  nulls says which arguments are NULL instead; with
 * pending, KeyError('pending') is raised before the call.  The error
 * indicator is clear afterwards.
 */
void observe_call(const struct legacy_api *api, enum legacy_fn fn,
                  PyObject *obj, unsigned nulls, int pending,
                  struct outcome *out);

/*
 * Whether two outcomes are the same; if not, diag() names each difference
 * (labelled with what) and return 0.
 */
int same_outcome(const struct outcome *a, const struct outcome *b,
                 const char *what);

/*
 * What an exporter written for a test saw: the views it gave and those
 * released to it.
 */
struct exporter_counts {
	long gets, releases;
};

/*
 * Whether implementations a and b do the same for fn(obj), called with each
 * argument NULL in turn (not obj for CheckReadBuffer, where CPython
 * crashes) and with and without a pending exception, and leave no export.
 * If counts is not NULL, it reads obj's exporter_counts, and each call of
 * a must change them as the same call of b does.  Differences are
 * diag()nosed, labelled with expr, unless expr is NULL.
 */
int implementations_agree(const struct legacy_api *a,
                          const struct legacy_api *b, enum legacy_fn fn,
                          PyObject *obj, const char *expr,
                          struct exporter_counts (*counts)(PyObject *));

/* The TAP SKIP for fn on a case the running Python lacks. */
void skip_case(enum legacy_fn fn, const struct corpus_case *c);

/*
 * The tests every function gets: expect_case() for each corpus case, then one
 * TAP result per argument set to NULL, with and without a pending exception.
 * expect_all_count() says how many results expect_all() gives.
 */
unsigned long expect_all_count(enum legacy_fn fn);
void expect_all(enum legacy_fn fn);

/*
 * One TAP result: with KeyError('pending') raised before the call, fn of the
 * library on expr returns ret and leaves exc pending ("" for nothing).
 */
void expect_with_pending(enum legacy_fn fn, const char *expr, int ret,
                         const char *exc);

/*
 * One TAP result: the legacy name of fn, through oldbuffer.h's macro, has
 * the address of libpyoldbuf's export, not of the interpreter's function.
 */
void expect_legacy_name(enum legacy_fn fn);

#endif /* TAP_LEGACY_H */
