# SPDX-License-Identifier: MIT
"""fuzz-generator.py - random buffer exporters for t/fuzz-t.

Run in the fuzzer's __main__ after the corpus prelude (which defines
BytesSub, ByteArraySub, Exporter, released and imports array, mmap and
_testbuffer's ndarray).  make_case(seed) returns (object, description); the
same seed gives the same object, so a divergence can be replayed.
"""
import random
import struct
import sys

FORMATS = "BbhHiIlLqQfd"
NDARRAY_FLAGS = (ND_WRITABLE, ND_FORTRAN, ND_PIL, ND_GETBUF_FAIL)


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
    for flag in NDARRAY_FLAGS:
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
