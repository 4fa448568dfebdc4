/* SPDX-License-Identifier: MIT */
/*
 * plain.c - a module of the same package that calls none of the four
 * legacy functions: built with the same flags, it must not need
 * libpyoldbuf.so.0.
 */
#include <Python.h>

static struct PyModuleDef plain_module = {
	PyModuleDef_HEAD_INIT, "plain", "No legacy buffer call.",
	-1, NULL, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_plain(void);

PyMODINIT_FUNC
PyInit_plain(void)
{
	return PyModule_Create(&plain_module);
}
