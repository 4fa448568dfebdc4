/* SPDX-License-Identifier: MIT */
/*
 * corpus.h - objects to call the legacy functions on, with what CPython does
 *
 * The rows are what CPython's own functions do (the tests hold the library
 * to these rows, and t/differential-t to CPython): for each object, the length that
 * AsCharBuffer/AsReadBuffer report or the exception they raise, and whether
 * AsWriteBuffer succeeds.  CheckReadBuffer answers 1 exactly when reading
 * succeeds; AsWriteBuffer fails always with the same TypeError.
 */
#ifndef TAP_CORPUS_H
#define TAP_CORPUS_H

#include <Python.h>
#include <stddef.h>

struct corpus_case {
	const char *expr;        /* Python expression that builds the object,
	                            with the names of t/objects.py */
	unsigned long since;     /* oldest PY_VERSION_HEX that has it, or 0 */
	Py_ssize_t len;          /* length in bytes, where reading succeeds */
	const char *read_error;  /* "Type: message" of a failed read, or NULL */
	int writable;            /* AsWriteBuffer succeeds */
	unsigned uses;           /* which other tests take it: *_T */
};

/* Taken by t/allocation-t: reading it (and writing, if writable)
   allocates nothing. */
#define ALLOC_T 1u
/* Taken by t/threads-t: one of the objects that all threads share. */
#define THREADS_T 2u

extern const struct corpus_case corpus[];
extern const size_t corpus_size;

/* The message of every AsWriteBuffer failure. */
#define WRITE_ERROR "TypeError: expected a writable bytes-like object"

/* Whether the running interpreter has the case's object. */
int corpus_applies(const struct corpus_case *c);

#endif /* TAP_CORPUS_H */
