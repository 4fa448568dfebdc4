/* SPDX-License-Identifier: MIT */
/*
 * python.h - the embedded interpreter of the test programs
 */
#ifndef TAP_PYTHON_H
#define TAP_PYTHON_H

#include <Python.h>
#include <stddef.h>

/*
 * Start the interpreter, with everything of t/objects.py (in TEST_SRCDIR)
 * imported into __main__.
 */
void py_start(void);

/* Evaluate a Python expression in __main__: a new reference, or bail out. */
PyObject *py_eval(const char *expr);

/* Call a function of __main__ with one argument: a new reference, or bail. */
PyObject *py_call(const char *function, PyObject *arg);

/*
 * Take the pending exception, if any: write "Type: message" to text ("" when
 * none is pending) and whether it carries a __context__.  The error
 * indicator is clear afterwards.
 */
void py_take_exception(char *text, size_t size, int *has_context);

/* Raise KeyError('pending'): the exception tests leave pending. */
void py_set_pending(void);

#endif /* TAP_PYTHON_H */
