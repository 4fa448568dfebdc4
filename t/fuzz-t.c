/* SPDX-License-Identifier: MIT */
/*
 * fuzz-t.c - differential fuzzing: random exporters from make_case() of
 * t/objects.py, each function called through libpyoldbuf and
 * through the interpreter's own exported symbol and compared as in
 * differential-t (return value, exception and message, pointer, length,
 * reference count, exports left), with every argument NULL in turn and
 * with and without a pending exception.
 *
 *   fuzz-t                       make check: FUZZ_CASES cases from the
 *                                fixed seed FUZZ_SEED, as TAP
 *   fuzz-t --seed S --cases N    N cases from seed S (make fuzz)
 *   fuzz-t --seed S --seconds T  as many cases as fit in T seconds
 *
 * Case i uses the seed S + i; a divergence prints that seed, and
 * "fuzz-t --seed SEED --cases 1" replays it.
 */
#include <Python.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <oldbuffer.h>

#include "tap/basic.h"
#include "tap/legacy.h"
#include "tap/python.h"

#define FUZZ_SEED 20261125UL
#define FUZZ_CASES 2000UL
#define FUZZ_BLOCK 250UL   /* cases per TAP result in make check */

static PyObject *make_case;

/* t/objects.py's make_case(), which py_start() put in __main__. */
static void
load_generator(void)
{
	PyObject *main_dict = PyModule_GetDict(PyImport_AddModule("__main__"));

	make_case = PyDict_GetItemString(main_dict, "make_case");
	if (make_case == NULL)
		bail("t/objects.py defines no make_case()");
}

/*
 * Case seed: both implementations agree on all four functions.  On a
 * divergence, say which case it was and how to replay it.
 */
static int
run_case(unsigned long seed)
{
	PyObject *made, *obj;
	const char *description;
	int fn, same = 1;

	made = PyObject_CallFunction(make_case, "k", seed);
	if (made == NULL || !PyTuple_Check(made) || PyTuple_GET_SIZE(made) != 2) {
		PyErr_Print();
		bail("make_case(%lu) failed", seed);
	}
	obj = PyTuple_GET_ITEM(made, 0);
	description = PyUnicode_AsUTF8(PyTuple_GET_ITEM(made, 1));
	for (fn = 0; fn < LEGACY_FN_COUNT; fn++)
		same &= implementations_agree(&library_api, interpreter_api(),
		                              (enum legacy_fn)fn, obj,
		                              description, NULL);
	if (!same)
		diag("divergence on %s; replay: fuzz-t --seed %lu --cases 1",
		     description, seed);
	Py_DECREF(made);
	return same;
}

static void
usage(void)
{
	fprintf(stderr, "usage: fuzz-t [--seed S] [--cases N | --seconds T]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	unsigned long seed = FUZZ_SEED, cases = 0, done = 0, diverged = 0;
	double seconds = 0;
	time_t start;
	int i;

	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--seed") == 0)
			seed = strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--cases") == 0)
			cases = strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--seconds") == 0)
			seconds = strtod(argv[++i], NULL);
		else
			usage();
	}
	if (argc > 1 && cases == 0 && seconds <= 0)
		cases = FUZZ_CASES;
	py_start();
	load_generator();

	if (argc == 1) {
		/* make check: a fixed run, one TAP result per block. */
		plan(FUZZ_CASES / FUZZ_BLOCK);
		for (done = 0; done < FUZZ_CASES; done += FUZZ_BLOCK) {
			unsigned long bad = 0, c;

			for (c = 0; c < FUZZ_BLOCK; c++)
				bad += !run_case(seed + done + c);
			ok(bad == 0, "cases %lu to %lu of seed %lu: %lu "
			   "divergences", done, done + FUZZ_BLOCK - 1, seed,
			   bad);
		}
		return 0;
	}

	start = time(NULL);
	while ((cases == 0 || done < cases)
	       && (seconds <= 0 || difftime(time(NULL), start) < seconds)) {
		diverged += !run_case(seed + done);
		done++;
		if (done % 100000 == 0)
			fprintf(stderr, "fuzz-t: %lu cases, %lu divergences\n",
			        done, diverged);
	}
	printf("fuzz-t: Python %s, seeds %lu to %lu: %lu cases, "
	       "%lu divergences\n", Py_GetVersion(), seed, seed + done - 1,
	       done, diverged);
	return diverged == 0 ? 0 : 1;
}
