# SPDX-License-Identifier: MIT
"""extension-t.py - the legacy extension against the interpreter's own functions.

For each object, the extension's result (address, bytes or exception) must
equal that of the interpreter's exported PyObject_As*Buffer, called through
ctypes.pythonapi.  Prints TAP.
"""
import ctypes
import sys

import legacy

# The objects of every test (t/objects.py, beside this file): OBJECTS are
# written with its names.  No bytecode is written into the source tree.
sys.dont_write_bytecode = True
from objects import *  # noqa: E402,F403

PYPY = sys.implementation.name == "pypy"

if PYPY:
    # No ctypes.pythonapi: the oracle is t/legacymodule.c built without
    # oldbuffer.h, whose calls go to PyPy's own functions (PyPyObject_*).
    import native
    ORACLE = {"PyObject_AsReadBuffer": native.read,
              "PyObject_AsCharBuffer": native.char}

    def interpreter(name, obj):
        return ORACLE[name](obj)

    def interpreter_check(obj):
        return native.check(obj)

    def interpreter_fill(obj, byte):
        return native.fill(obj, byte)
else:
    api = ctypes.pythonapi
    for name in ("PyObject_AsCharBuffer", "PyObject_AsReadBuffer",
                 "PyObject_AsWriteBuffer"):
        getattr(api, name).argtypes = [ctypes.py_object,
                                       ctypes.POINTER(ctypes.c_void_p),
                                       ctypes.POINTER(ctypes.c_ssize_t)]
    api.PyObject_CheckReadBuffer.argtypes = [ctypes.py_object]

    def interpreter(name, obj):
        """(address, bytes) from the interpreter's own function."""
        address, length = ctypes.c_void_p(), ctypes.c_ssize_t()
        getattr(api, name)(obj, ctypes.byref(address), ctypes.byref(length))
        return (address.value or 0, ctypes.string_at(address, length.value))

    def interpreter_check(obj):
        return api.PyObject_CheckReadBuffer(obj)

    def interpreter_fill(obj, byte):
        """(address, length) from the interpreter's AsWriteBuffer; no fill."""
        address, data = interpreter("PyObject_AsWriteBuffer", obj)
        return (address, len(data))


# Where PyPy's own functions differ from CPython's: the TypeError messages
# (README lists them).  libpyoldbuf keeps CPython's, so where PyPy's says
# one of these, CPython's is wanted instead.
PYPY_MESSAGES = {
    "PyObject_AsReadBuffer": "expected an object with a buffer interface",
    "PyObject_AsCharBuffer": "expected an object with the buffer interface",
    "PyObject_AsWriteBuffer": "expected an object with a writable buffer interface",
}


def as_cpython(name, obj, wanted):
    """The interpreter's outcome of name(obj), with CPython's message."""
    if PYPY and wanted == ("raised", "TypeError", PYPY_MESSAGES[name]):
        if name == "PyObject_AsWriteBuffer":
            message = "expected a writable bytes-like object"
        else:
            message = ("a bytes-like object is required, not '%.100s'"
                       % type(obj).__name__)
        return ("raised", "TypeError", message)
    return wanted


def outcome(function, *args):
    try:
        return ("returned", function(*args))
    except Exception as error:  # the exception is what is compared
        return ("raised", type(error).__name__, str(error))


OBJECTS = [
    "b'legacy'", "b''", "bytearray(b'abcdef')", "bytearray()",
    "memoryview(b'abcdef')[1:4]", "memoryview(b'abcdef')[::2]",
    "memoryview(bytearray(16)).cast('i', shape=[2, 2])",
    "array.array('h', [1, 2, 3])", "mmap.mmap(-1, 8)",
    "mmap.mmap(-1, 8, access=mmap.ACCESS_READ)",
    "'text'", "None", "3.5",
    "Exporter(bytearray(b'xyz'))", "Exporter(b'', BufferError, 'no')",
    "Exporter(b'', ValueError, 'nope')",
]
if ndarray is not None:
    OBJECTS += [
        "ndarray(list(range(6)), shape=[2, 3], format='B', flags=ND_WRITABLE)",
        "ndarray(list(range(6)), shape=[2, 3], format='B', flags=ND_FORTRAN)",
        "ndarray([1, 2], shape=[2], format='B', flags=ND_GETBUF_FAIL)",
    ]

results = []


def check(description, seen, wanted):
    results.append((seen == wanted, description, seen, wanted))


def skip(description, reason):
    results.append((None, "%s # SKIP %s" % (description, reason), None, None))


for expr in OBJECTS:
    obj = eval(expr)
    for function, name in ((legacy.read, "PyObject_AsReadBuffer"),
                           (legacy.char, "PyObject_AsCharBuffer")):
        check("%s(%s)" % (function.__name__, expr), outcome(function, obj),
              as_cpython(name, obj, outcome(interpreter, name, obj)))
    check("check(%s)" % expr, legacy.check(obj), interpreter_check(obj))
    wanted = as_cpython("PyObject_AsWriteBuffer", obj,
                        outcome(interpreter_fill, obj, 0x5a))
    check("fill(%s)" % expr, outcome(legacy.fill, obj, 0x5a), wanted)
    if wanted[0] == "returned" and wanted[1][1] > 0:
        check("fill(%s) reached the object" % expr,
              set(memoryview(obj).tobytes()), {0x5a})

# Idioms of real callers.
check("checked_read(b'abc')", legacy.checked_read(b"abc"), b"abc")
check("checked_read('abc') takes the check's no",
      legacy.checked_read("abc"), None)
check("PY_SSIZE_T_CLEAN holds: length(b'abcde') parsed with y#",
      legacy.length(b"abcde"), 5)
# A bytearray's length as the functions see it, after each way of sizing
# it (PyPy's cpyext does not keep ob_size up to date: the lengths come from
# its functions there).
sized = bytearray(3)
for step, change in (("bytearray(3)", None),
                     ("bytearray(0)", lambda b: b.clear()),
                     ("grown by 5000", lambda b: b.extend(b"x" * 5000)),
                     ("shrunk to 100", lambda b: b.__delitem__(slice(100, None))),
                     ("del b[:40]", lambda b: b.__delitem__(slice(None, 40))),
                     ("appended 1", lambda b: b.append(1))):
    if change is not None:
        change(sized)
    check("read, bytearray %s: length %d" % (step, len(sized)),
          len(legacy.read(sized)[1]), len(sized))
    check("fill, bytearray %s: length %d" % (step, len(sized)),
          legacy.fill(sized, 0x41)[1], len(sized))
resized = bytearray(b"abc")
legacy.read(resized)
resized.extend(b"def")
check("a bytearray resizes after a call", bytes(resized), b"abcdef")
check("a pending-free failure: read(None) raises TypeError",
      outcome(legacy.read, None)[:2], ("raised", "TypeError"))

# What the pages say of the objects they name (oldbuffer.h's comments,
# doc/porting.dox), held against the library and the interpreter alike.
# Each claim: the function, the object, and the outcome the page gives:
# ("length", N), ("returned", 0 or 1) for the check, or the exception.
MESSAGE_STR = "a bytes-like object is required, not 'str'"
NOT_CONTIGUOUS = "memoryview: underlying buffer is not C-contiguous"
WRITABLE = "expected a writable bytes-like object"
CLAIMS = [
    ("read", "array.array('i', [1, 2, 3])", ("length", 12)),
    ("read", "b'abc'", ("length", 3)),
    ("read", "bytearray(b'abc')", ("length", 3)),
    ("read", "memoryview(b'abcdef')[1:4]", ("length", 3)),
    ("read", "memoryview(b'abcdef').cast('B', shape=[2, 3])", ("length", 6)),
    ("read", "mmap.mmap(-1, 8)", ("length", 8)),
    ("read", "'abc'", ("raised", "TypeError", MESSAGE_STR)),
    ("read", "None", ("raised", "TypeError",
                      "a bytes-like object is required, not 'NoneType'")),
    ("read", "3", ("raised", "TypeError",
                   "a bytes-like object is required, not 'int'")),
    ("read", "Unnamed()", ("raised", "TypeError",
                           "a bytes-like object is required, not '%s'"
                           % ("X" * 100))),
    ("read", "memoryview(b'abc')[::2]",
     ("raised", "BufferError", NOT_CONTIGUOUS)),
    ("char", "memoryview(b'abc')[::2]",
     ("raised", "BufferError", NOT_CONTIGUOUS)),
    ("read", "released(b'abc')", ("raised", "ValueError",
                                  "operation forbidden on released "
                                  "memoryview object")),
    ("check", "memoryview(b'abc')[::2]", ("returned", 0)),
    ("check", "memoryview(b'ab')[::2]", ("returned", 1)),
    ("check", "'abc'", ("returned", 0)),
    ("fill", "b'abc'", ("raised", "TypeError", WRITABLE)),
    ("fill", "'abc'", ("raised", "TypeError", WRITABLE)),
    ("fill", "memoryview(bytearray(b'abc'))[::2]",
     ("raised", "TypeError", WRITABLE)),
    ("fill", "bytearray(b'abc')", ("length", 3)),
]
if sys.version_info >= (3, 12) and not PYPY:
    CLAIMS += [
        ("read", "Exporter(b'xyz')", ("length", 3)),
        ("read", "Exporter(b'', ValueError, 'nope')",
         ("raised", "ValueError", "nope")),
    ]
NAMES = {"read": "PyObject_AsReadBuffer", "char": "PyObject_AsCharBuffer",
         "fill": "PyObject_AsWriteBuffer"}


def as_page(function, result):
    """An outcome in the pages' terms."""
    if result[0] == "returned" and function != "check":
        data = result[1][1]
        return ("length", data if function == "fill" else len(data))
    return result


# PyPy's cpyext differs on two of them, before the library is reached: a
# memoryview that is not C-contiguous exports its items copied, and a
# released memoryview crashes any C function it is passed to (PACKAGERS).
PYPY_OTHERWISE = ("memoryview(b'abc')[::2]", "memoryview(bytearray(b'abc'))[::2]",
                  "released(b'abc')")

for function, expr, said in CLAIMS:
    if PYPY and expr in PYPY_OTHERWISE:
        skip("the pages: %s(%s)" % (function, expr),
             "PyPy's cpyext differs from CPython here")
        continue
    if function == "check":
        seen = ("returned", legacy.check(eval(expr)))
        oracle = ("returned", interpreter_check(eval(expr)))
    else:
        name = NAMES[function]
        seen = outcome(getattr(legacy, function), eval(expr),
                       *((0x5a,) if function == "fill" else ()))
        if function == "fill":
            reached = outcome(interpreter_fill, eval(expr), 0x5a)
        else:
            reached = outcome(interpreter, name, eval(expr))
        oracle = as_cpython(name, eval(expr), reached)
    check("the pages: %s(%s) gives %r" % (function, expr, said),
          as_page(function, seen), said)
    check("the pages: the interpreter's %s(%s) gives %r too"
          % (function, expr, said), as_page(function, oracle), said)
try:
    legacy.fill(b"abc", 0x5a)
except TypeError as error:
    check("the pages: fill(b'abc')'s TypeError has no __context__",
          error.__context__, None)

print("1..%d" % len(results))
for number, (good, description, seen, wanted) in enumerate(results, 1):
    print("%s %d - %s" % ("not ok" if good is False else "ok", number,
                          description))
    if good is False:
        print("# seen:   %r\n# wanted: %r" % (seen, wanted))
sys.exit(0 if all(r[0] is not False for r in results) else 1)
