/* SPDX-License-Identifier: MIT */
/* python.c - the embedded interpreter of the test programs. */
#include "tap/python.h"

#include <stdio.h>

#include "tap/basic.h"

static PyObject *main_dict;

static void
bail_on_exception(const char *what)
{
	char text[512];
	int context;

	py_take_exception(text, sizeof(text), &context);
	bail("%s: %s", what, text);
}

void
py_start(void)
{
	PyObject *main_module, *result;

	Py_Initialize();
	main_module = PyImport_AddModule("__main__");
	if (main_module == NULL)
		bail_on_exception("no __main__ module");
	main_dict = PyModule_GetDict(main_module);
	result = PyRun_String("import sys\n"
	                      "sys.dont_write_bytecode = True\n"
	                      "sys.path.insert(0, '" TEST_SRCDIR "')\n"
	                      "from objects import *\n",
	                      Py_file_input, main_dict, main_dict);
	if (result == NULL)
		bail_on_exception(TEST_SRCDIR "/objects.py");
	Py_DECREF(result);
}

PyObject *
py_eval(const char *expr)
{
	PyObject *result;

	result = PyRun_String(expr, Py_eval_input, main_dict, main_dict);
	if (result == NULL)
		bail_on_exception(expr);
	return result;
}

PyObject *
py_call(const char *function, PyObject *arg)
{
	PyObject *callable, *result;

	callable = PyDict_GetItemString(main_dict, function);
	if (callable == NULL)
		bail("no function %s in t/objects.py", function);
	result = PyObject_CallFunctionObjArgs(callable, arg, NULL);
	if (result == NULL)
		bail_on_exception(function);
	return result;
}

void
py_take_exception(char *text, size_t size, int *has_context)
{
	PyObject *value, *str, *context;
	const char *message;

#if PY_VERSION_HEX >= 0x030C0000
	value = PyErr_GetRaisedException();
#else
	PyObject *type, *traceback;

	PyErr_Fetch(&type, &value, &traceback);
	PyErr_NormalizeException(&type, &value, &traceback);
	if (value != NULL && traceback != NULL)
		PyException_SetTraceback(value, traceback);
	Py_XDECREF(type);
	Py_XDECREF(traceback);
#endif
	*has_context = 0;
	if (value == NULL) {
		snprintf(text, size, "%s", "");
		return;
	}
	context = PyException_GetContext(value);
	*has_context = (context != NULL);
	Py_XDECREF(context);
	str = PyObject_Str(value);
	message = str ? PyUnicode_AsUTF8(str) : NULL;
	snprintf(text, size, "%s: %s", Py_TYPE(value)->tp_name,
	         message ? message : "<str() failed>");
	Py_XDECREF(str);
	Py_DECREF(value);
	PyErr_Clear();
}

void
py_set_pending(void)
{
	PyErr_SetString(PyExc_KeyError, "pending");
}
