/* SPDX-License-Identifier: MIT */
/*
 * hostile-t.c - exporters that do odd but legal things, or fail in every
 * way a getbuffer can
 *
 * Hostile is a C type whose getbuffer, chosen per object: gives a NULL
 * buf of length 0; gives a read-only view even when asked for a writable
 * one; fails with -1 and a BufferError; fails with -1 and no exception;
 * returns 2 after filling the view; returns 2 without touching it.  Its
 * releasebuffer counts calls.  libpyoldbuf must do what the interpreter's
 * own functions do (results, exceptions, reference counts, and how many
 * views were taken and released), with every argument NULL in turn and
 * with and without a pending exception.  One case is not compared:
 * CheckReadBuffer on the last kind, where CPython releases a view that
 * was never filled; libpyoldbuf must answer 1, release nothing and not
 * crash.
 */
#include <Python.h>

#include <stdio.h>
#include <string.h>

#include <oldbuffer.h>

#include "tap/basic.h"
#include "tap/legacy.h"
#include "tap/python.h"

enum mode {
	NULL_BUF,
	READ_ONLY,
	FAIL_WITH_ERROR,
	FAIL_WITHOUT_ERROR,
	RETURN_2_FILLED,
	RETURN_2_UNFILLED,
	MODE_COUNT
};

static const char *const mode_name[MODE_COUNT] = {
	"NULL buf, len 0", "read-only view even for writing",
	"-1 with BufferError", "-1 with no exception",
	"2 after filling the view", "2 without filling the view",
};

typedef struct {
	PyObject_HEAD
	enum mode mode;
	long gets;          /* views handed out */
	long releases;      /* releasebuffer calls */
	char data[8];
} Hostile;

/* A view of the object's 8 bytes, always read-only. */
static void
fill(Hostile *self, Py_buffer *view)
{
	view->buf = self->data;
	view->obj = (PyObject *)self;
	Py_INCREF(view->obj);
	view->len = sizeof(self->data);
	view->itemsize = 1;
	view->readonly = 1;
	view->format = NULL;
	view->ndim = 1;
	view->shape = NULL;
	view->strides = NULL;
	view->suboffsets = NULL;
	view->internal = NULL;
	self->gets++;
}

static int
hostile_getbuffer(PyObject *obj, Py_buffer *view, int flags)
{
	Hostile *self = (Hostile *)obj;

	switch (self->mode) {
	case NULL_BUF:
		if (PyBuffer_FillInfo(view, obj, NULL, 0, 0, flags) != 0)
			return -1;
		self->gets++;
		return 0;
	case READ_ONLY:
		fill(self, view);
		return 0;
	case FAIL_WITH_ERROR:
		PyErr_SetString(PyExc_BufferError, "hostile: refused");
		return -1;
	case FAIL_WITHOUT_ERROR:
		return -1;
	case RETURN_2_FILLED:
		fill(self, view);
		return 2;
	case RETURN_2_UNFILLED:
	default:
		return 2;
	}
}

static void
hostile_releasebuffer(PyObject *obj, Py_buffer *view)
{
	(void)view;
	((Hostile *)obj)->releases++;
}

static PyBufferProcs hostile_as_buffer = {
	hostile_getbuffer, hostile_releasebuffer
};

static PyTypeObject hostile_type = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "hostile.Hostile",
	.tp_basicsize = sizeof(Hostile),
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_as_buffer = &hostile_as_buffer,
};

static struct exporter_counts
hostile_counts(PyObject *obj)
{
	struct exporter_counts counts;

	counts.gets = ((Hostile *)obj)->gets;
	counts.releases = ((Hostile *)obj)->releases;
	return counts;
}

/* Both implementations do the same to a Hostile of this mode. */
static void
compare(enum mode mode, enum legacy_fn fn)
{
	Hostile *obj = PyObject_New(Hostile, &hostile_type);
	char what[100];

	if (obj == NULL)
		bail("cannot create a Hostile");
	obj->mode = mode;
	obj->gets = obj->releases = 0;
	memcpy(obj->data, "hostile", 8);
	snprintf(what, sizeof(what), "Hostile(%s)", mode_name[mode]);
	ok(implementations_agree(&library_api, interpreter_api(), fn,
	                         (PyObject *)obj, what, hostile_counts),
	   "%s on a getbuffer giving %s: as the interpreter",
	   legacy_fn_name[fn], mode_name[mode]);
	Py_DECREF(obj);
}

int
main(void)
{
	Hostile *obj;
	char text[512];
	int context, fn, mode, ret;

	py_start();
	if (PyType_Ready(&hostile_type) < 0)
		bail("PyType_Ready(Hostile) failed");
	plan(MODE_COUNT * LEGACY_FN_COUNT);

	for (mode = 0; mode < MODE_COUNT; mode++)
		for (fn = 0; fn < LEGACY_FN_COUNT; fn++)
			if (mode != RETURN_2_UNFILLED || fn != CHECK_READ_BUFFER)
				compare((enum mode)mode, (enum legacy_fn)fn);

	obj = PyObject_New(Hostile, &hostile_type);
	if (obj == NULL)
		bail("cannot create a Hostile");
	obj->mode = RETURN_2_UNFILLED;
	obj->gets = obj->releases = 0;
	ret = PyObject_CheckReadBuffer((PyObject *)obj);
	py_take_exception(text, sizeof(text), &context);
	ok(ret == 1 && obj->releases == 0 && text[0] == '\0',
	   "CheckReadBuffer on a getbuffer giving %s: 1, nothing released "
	   "(returned %d, %ld releases, exception \"%s\")",
	   mode_name[RETURN_2_UNFILLED], ret, obj->releases, text);
	Py_DECREF(obj);
	return 0;
}
