// SPDX-License-Identifier: MIT
// A fixture of t/scan-t.sh: C++ that names the legacy functions.
#include <Python.h>

#include <cstddef>

namespace {

const char *doc = R"doc(call PyObject_AsCharBuffer("x") here)doc";
const long big = 1'000'000;

int
length(PyObject *obj)
{
	const char *c = nullptr;
	Py_ssize_t n = 0;

	if (::PyObject_AsCharBuffer(obj, &c, &n) != 0)
		return -1;
	auto f = reinterpret_cast<void *>(&PyObject_AsReadBuffer);
	return static_cast<int>(n) + static_cast<int>(big % 2)
		+ (f != nullptr)
		+ static_cast<int>(PyObject_AsWriteBuffer(obj, nullptr, &n));
}

}  // namespace
