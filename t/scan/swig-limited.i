// SPDX-License-Identifier: MIT
// A fixture of t/scan-t.sh: under the Limited API, SWIG 4.3 and earlier
// generate PyObject_AsReadBuffer and PyObject_AsWriteBuffer calls from
// pybuffer.i's macros.
%module limited

%begin %{
#define Py_LIMITED_API 0x03060000
%}

%include <pybuffer.i>
%pybuffer_binary(const char *data, size_t size);
%pybuffer_mutable_string(char *text);

%inline %{
size_t count(const char *data, size_t size) { return size + (data != 0); }
void upper(char *text) { (void)text; }
%}
