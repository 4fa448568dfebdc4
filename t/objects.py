# SPDX-License-Identifier: MIT
"""objects.py - the Python side of the tests: the objects they call the
legacy functions on.

The test programs import everything of it into their __main__ (t/tap/python.c),
where the corpus's expressions (t/tap/corpus.c) are evaluated;
t/extension-t.py imports it too.  make_case(seed) is the fuzzer's
(t/fuzz-t.c): a random buffer exporter and its description, the same for
the same seed, so that a divergence can be replayed.
"""
import array
import mmap
import random
import struct
import sys

try:
    from _testbuffer import (ndarray, ND_WRITABLE, ND_FORTRAN, ND_PIL,
                             ND_GETBUF_FAIL)
except ImportError:  # PyPy has no _testbuffer
    ndarray = None


class BytesSub(bytes):
    pass


class ByteArraySub(bytearray):
    pass


# Subclasses whose __buffer__ (3.12+) exports other memory: they must not
# take the exact-type shortcuts.
class BytesOverride(bytes):
    other = b'other!'

    def __buffer__(self, flags):
        return memoryview(self.other)


class ByteArrayOverride(bytearray):
    other = bytearray(b'other!')

    def __buffer__(self, flags):
        return memoryview(self.other)


def grown(data):
    data.extend(bytes(4096 - len(data)))
    return data


def shifted(data):
    # Deleting from the front moves a bytearray's start, not its block.
    del data[:2]
    return data


class Unnamed:
    pass


Unnamed.__name__ = 'X' * 120


def released(data):
    view = memoryview(data)
    view.release()
    return view


class Exporter:
    """A Python-level exporter: only Python >= 3.12 sees __buffer__."""

    def __init__(self, data, error=None, message=''):
        self.data, self.error, self.message = data, error, message

    def __buffer__(self, flags):
        if self.error is not None:
            raise self.error(self.message)
        return memoryview(self.data)


def contents(obj):
    return memoryview(obj).tobytes()


def exports_released(obj):
    """True when obj can be resized, so no export is left; None when the
    type cannot tell."""
    if not isinstance(obj, (bytearray, array.array)):
        return None
    try:
        obj.append(0)
    except BufferError:
        return False
    obj.pop()
    return True


# The fuzzer's random exporters.

FORMATS = "BbhHiIlLqQfd"


def random_bytes(rng, size):
    return bytes(rng.getrandbits(8) for _ in range(size))


def items(rng, fmt, count):
    if fmt in "fd":
        return [rng.uniform(-10, 10) for _ in range(count)]
    bits = struct.calcsize(fmt) * 8
    if fmt.isupper():
        return [rng.randrange(0, 1 << min(bits, 16)) for _ in range(count)]
    return [rng.randrange(-(1 << min(bits - 1, 15)), 1 << min(bits - 1, 15))
            for _ in range(count)]


def make_ndarray(rng):
    """An ndarray of random shape, strides, offset, format and flags."""
    fmt = rng.choice(FORMATS)
    itemsize = struct.calcsize(fmt)
    ndim = rng.randint(1, 3)
    shape = [rng.randint(1, 4) for _ in range(ndim)]
    flags = 0
    for flag in (ND_WRITABLE, ND_FORTRAN, ND_PIL, ND_GETBUF_FAIL):
        if rng.random() < 0.2:
            flags |= flag
    count = 1
    for n in shape:
        count *= n
    if rng.random() < 0.5:
        # Strides over a larger buffer, maybe negative, with an offset.
        steps = [rng.choice((1, 2, -1)) for _ in range(ndim)]
        strides, span = [], itemsize
        for n, step in reversed(list(zip(shape, steps))):
            strides.insert(0, step * span)
            span *= n * abs(step)
        total = span // itemsize
        offset = sum((n - 1) * -s for n, s in zip(shape, strides) if s < 0)
        description = ("ndarray(%d items, shape=%r, strides=%r, offset=%d, "
                       "format=%r, flags=%#x)"
                       % (total, shape, strides, offset, fmt, flags))
        return ndarray(items(rng, fmt, total), shape=shape, strides=strides,
                       offset=offset, format=fmt, flags=flags), description
    description = "ndarray(%d items, shape=%r, format=%r, flags=%#x)" % (
        count, shape, fmt, flags)
    return ndarray(items(rng, fmt, count), shape=shape, format=fmt,
                   flags=flags), description


def make_base(rng):
    """A plain exporter: bytes, bytearray, a subclass, array, mmap."""
    size = rng.choice((0, 1, 2, 7, 16, 64, rng.randint(0, 5000)))
    kind = rng.randrange(7)
    data = random_bytes(rng, size)
    if kind == 0:
        return data, "bytes(%d)" % size
    if kind == 1:
        return bytearray(data), "bytearray(%d)" % size
    if kind == 2:
        return BytesSub(data), "BytesSub(%d)" % size
    if kind == 3:
        return ByteArraySub(data), "ByteArraySub(%d)" % size
    if kind == 4:
        fmt = rng.choice("bBhHiIlLqQfd")
        return (array.array(fmt, items(rng, fmt, size % 50)),
                "array.array(%r, %d items)" % (fmt, size % 50))
    if kind == 5:
        access = rng.choice((mmap.ACCESS_WRITE, mmap.ACCESS_READ))
        buffer = mmap.mmap(-1, max(size, 1), access=access)
        return buffer, "mmap(%d, access=%d)" % (max(size, 1), access)
    return make_ndarray(rng)


def make_view(rng, obj, description):
    """A memoryview of obj, sliced, cast, made read-only or released."""
    view = memoryview(obj)
    description = "memoryview(%s)" % description
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(5)
        if op == 0 and view.ndim == 1:
            n = len(view)
            start = rng.randint(0, n)
            stop = rng.randint(start, n)
            step = rng.choice((1, 1, 2, 3, -1))
            if step < 0:
                start, stop = stop - 1, start - 1 if start > 0 else None
            view = view[start:stop:step]
            description += "[%r:%r:%d]" % (start, stop, step)
        elif op == 1 and view.c_contiguous:
            view = view.cast("B")
            description += ".cast('B')"
            fmt = rng.choice("BHIc")
            size = struct.calcsize(fmt)
            if view.nbytes % size == 0:
                view = view.cast(fmt)
                description += ".cast(%r)" % fmt
        elif op == 2 and sys.version_info >= (3, 8):
            view = view.toreadonly()
            description += ".toreadonly()"
        elif op == 3 and rng.random() < 0.2:
            view.release()
            description += ".release()"
            break
    return view, description


def make_case(seed):
    rng = random.Random(seed)
    kind = rng.randrange(10)
    for _ in range(20):
        try:
            if kind < 4:
                return make_base(rng)
            if kind < 7:
                return make_view(rng, *make_base(rng))
            if kind < 9 and sys.version_info >= (3, 12):
                # __buffer__ over persistent data, or raising.
                error = rng.choice((None, None, BufferError, ValueError,
                                    KeyError, RuntimeError))
                obj, description = (make_view(rng, *make_base(rng))
                                    if rng.random() < 0.5 else make_base(rng))
                name = error.__name__ if error else None
                return (Exporter(obj, error, "fuzz"),
                        "Exporter(%s, %s)" % (description, name))
            return make_ndarray(rng)
        except (ValueError, TypeError, BufferError, OverflowError,
                struct.error):
            continue
    return b"fallback", "b'fallback'"
