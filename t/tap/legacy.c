/* SPDX-License-Identifier: MIT */
/* legacy.c - call one legacy function and observe everything it did. */
#include "tap/legacy.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include <oldbuffer.h>

#include "tap/basic.h"
#include "tap/python.h"

const char *const legacy_fn_name[LEGACY_FN_COUNT] = {
	"AsCharBuffer", "AsReadBuffer", "CheckReadBuffer", "AsWriteBuffer"
};

const struct legacy_api library_api = {
	"libpyoldbuf",
	PyObject_AsCharBuffer,
	PyObject_AsReadBuffer,
	PyObject_CheckReadBuffer,
	PyObject_AsWriteBuffer,
};

static void *
symbol(const char *name)
{
	void *address = dlsym(RTLD_DEFAULT, name);

	if (address == NULL)
		bail("no symbol %s in the process", name);
	return address;
}

const struct legacy_api *
interpreter_api(void)
{
	static struct legacy_api api = { "the interpreter", 0, 0, 0, 0 };

	/* POSIX's way to turn dlsym()'s void * into a function pointer. */
	if (api.as_char_buffer == NULL) {
		*(void **)&api.as_char_buffer =
			symbol("PyObject_AsCharBuffer");
		*(void **)&api.as_read_buffer =
			symbol("PyObject_AsReadBuffer");
		*(void **)&api.check_read_buffer =
			symbol("PyObject_CheckReadBuffer");
		*(void **)&api.as_write_buffer =
			symbol("PyObject_AsWriteBuffer");
	}
	return &api;
}

int
dispatch_call(const struct legacy_api *api, enum legacy_fn fn, PyObject *obj,
              const void **buffer, Py_ssize_t *buffer_len)
{
	const char *cbuf = buffer ? (const char *)*buffer : NULL;
	void *wbuf = buffer ? (void *)*buffer : NULL;
	int ret;

	switch (fn) {
	case AS_CHAR_BUFFER:
		ret = api->as_char_buffer(obj, buffer ? &cbuf : NULL,
		                          buffer_len);
		if (buffer != NULL)
			*buffer = cbuf;
		return ret;
	case AS_READ_BUFFER:
		return api->as_read_buffer(obj, buffer, buffer_len);
	case CHECK_READ_BUFFER:
		return api->check_read_buffer(obj);
	case AS_WRITE_BUFFER:
		ret = api->as_write_buffer(obj, buffer ? &wbuf : NULL,
		                           buffer_len);
		if (buffer != NULL)
			*buffer = wbuf;
		return ret;
	default:
		bail("no legacy function %d", (int)fn);
	}
}

/* Three pointer arguments, then CheckReadBuffer's one. */
static const struct call_case three_pointers[] = {
	{ 0, 0 }, { 0, 1 },
	{ NULL_OBJ, 0 }, { NULL_OBJ, 1 },
	{ NULL_BUFFER, 0 }, { NULL_BUFFER, 1 },
	{ NULL_LEN, 0 }, { NULL_LEN, 1 },
};
static const struct call_case one_pointer[] = {
	{ 0, 0 }, { 0, 1 }, { NULL_OBJ, 0 }, { NULL_OBJ, 1 },
};

size_t
call_cases(enum legacy_fn fn, const struct call_case **cases)
{
	if (fn == CHECK_READ_BUFFER) {
		*cases = one_pointer;
		return sizeof(one_pointer) / sizeof(one_pointer[0]);
	}
	*cases = three_pointers;
	return sizeof(three_pointers) / sizeof(three_pointers[0]);
}

int
interpreter_survives(enum legacy_fn fn, const struct call_case *c)
{
	return fn != CHECK_READ_BUFFER || !(c->nulls & NULL_OBJ);
}

/* What the output parameters hold before the call. */
static char sentinel[] = "untouched";
#define SENTINEL_LEN ((Py_ssize_t)-12345)

/* Whether buf holds the len bytes of obj's buffer. */
static int
shows_contents(PyObject *obj, const void *buf, Py_ssize_t len)
{
	PyObject *contents = py_call("contents", obj);
	int same = PyBytes_GET_SIZE(contents) == len
		&& memcmp(buf, PyBytes_AS_STRING(contents), (size_t)len) == 0;

	Py_DECREF(contents);
	return same;
}

void
observe_call(const struct legacy_api *api, enum legacy_fn fn, PyObject *obj,
             unsigned nulls, int pending, struct outcome *out)
{
	PyObject *arg = (nulls & NULL_OBJ) ? NULL : obj;
	const void *buf = sentinel;
	Py_ssize_t len = SENTINEL_LEN;
	Py_ssize_t refcnt = Py_REFCNT(obj);

	memset(out, 0, sizeof(*out));
	if (pending)
		py_set_pending();
	out->ret = dispatch_call(api, fn, arg,
	                         (nulls & NULL_BUFFER) ? NULL : &buf,
	                         (nulls & NULL_LEN) ? NULL : &len);
	out->buf = buf;
	out->wrote_buffer = (out->buf != sentinel);
	out->wrote_len = (len != SENTINEL_LEN);
	out->len = len;
	py_take_exception(out->exc, sizeof(out->exc), &out->exc_context);
	out->refcnt_delta = Py_REFCNT(obj) - refcnt;
	out->shows_contents = -1;
	if (out->ret == 0 && out->wrote_buffer && out->wrote_len && len > 0)
		out->shows_contents = shows_contents(obj, out->buf, len);
}

/*
 * Whether obj can be resized after the calls, so that no buffer export is
 * left: 1 or 0, or -1 when its type cannot tell (only bytearray and
 * array.array can).  Resizing may move the object's bytes.
 */
static int
exports_released(PyObject *obj)
{
	PyObject *released = py_call("exports_released", obj);
	int answer = (released == Py_None) ? -1 : PyObject_IsTrue(released);

	Py_DECREF(released);
	return answer;
}

int
same_outcome(const struct outcome *a, const struct outcome *b,
             const char *what)
{
	int same = 1;

#define DIFFER(cond, format, x, y)                                      \
	do {                                                            \
		if (cond) {                                             \
			same = 0;                                       \
			if (what != NULL)                               \
				diag("%s: " format, what, x, y);        \
		}                                                       \
	} while (0)

	DIFFER(a->ret != b->ret, "returned %d, not %d", a->ret, b->ret);
	DIFFER(a->wrote_buffer != b->wrote_buffer,
	       "wrote *buffer: %d, not %d", a->wrote_buffer, b->wrote_buffer);
	DIFFER(a->wrote_buffer && b->wrote_buffer && a->buf != b->buf,
	       "*buffer %p, not %p", a->buf, b->buf);
	DIFFER(a->wrote_len != b->wrote_len, "wrote *buffer_len: %d, not %d",
	       a->wrote_len, b->wrote_len);
	DIFFER(a->wrote_len && b->wrote_len && a->len != b->len,
	       "*buffer_len %ld, not %ld", (long)a->len, (long)b->len);
	DIFFER(strcmp(a->exc, b->exc) != 0, "exception \"%s\", not \"%s\"",
	       a->exc, b->exc);
	DIFFER(a->exc_context != b->exc_context,
	       "exception __context__ set: %d, not %d", a->exc_context,
	       b->exc_context);
	DIFFER(a->refcnt_delta != b->refcnt_delta,
	       "reference count changed by %ld, not %ld",
	       (long)a->refcnt_delta, (long)b->refcnt_delta);
	DIFFER(a->shows_contents != b->shows_contents,
	       "*buffer shows the object's bytes: %d, not %d",
	       a->shows_contents, b->shows_contents);
#undef DIFFER
	return same;
}

/* The outcome the corpus promises for fn on case c. */
static void
expected_outcome(enum legacy_fn fn, const struct corpus_case *c,
                 const struct outcome *seen, struct outcome *want)
{
	int reads = (fn != AS_WRITE_BUFFER);
	int success = reads ? (c->read_error == NULL) : c->writable;

	memset(want, 0, sizeof(*want));
	want->shows_contents = -1;
	if (fn == CHECK_READ_BUFFER) {
		want->ret = success;
		return;
	}
	if (success) {
		want->wrote_buffer = want->wrote_len = 1;
		want->buf = seen->buf;
		want->len = c->len;
		want->shows_contents = (c->len > 0) ? 1 : -1;
	} else {
		want->ret = -1;
		snprintf(want->exc, sizeof(want->exc), "%s",
		         reads ? c->read_error : WRITE_ERROR);
	}
}

/* A write through the pointer of AsWriteBuffer reaches the object. */
static int
writes_reach(PyObject *obj, const struct outcome *out)
{
	unsigned char *p = (unsigned char *)out->buf;
	PyObject *contents;
	int reached;

	p[0] ^= 0xff;
	contents = py_call("contents", obj);
	reached = (unsigned char)PyBytes_AS_STRING(contents)[0] == p[0];
	p[0] ^= 0xff;
	Py_DECREF(contents);
	if (!reached)
		diag("a write through the pointer did not reach the object");
	return reached;
}

void
skip_case(enum legacy_fn fn, const struct corpus_case *c)
{
	skip("%s(%s): needs Python %lu.%lu or later", legacy_fn_name[fn],
	     c->expr, c->since >> 24, (c->since >> 16) & 0xff);
}

/*
 * One TAP result: call fn of the library on a fresh object of case c and
 * check the outcome against the corpus.  A case the running Python lacks is
 * a SKIP.
 */
static void
expect_case(enum legacy_fn fn, const struct corpus_case *c)
{
	PyObject *obj;
	struct outcome seen, want;
	int good;

	if (!corpus_applies(c)) {
		skip_case(fn, c);
		return;
	}
	obj = py_eval(c->expr);
	observe_call(&library_api, fn, obj, 0, 0, &seen);
	expected_outcome(fn, c, &seen, &want);
	good = same_outcome(&seen, &want, c->expr);
	if (good && fn == AS_WRITE_BUFFER && seen.shows_contents == 1)
		good = writes_reach(obj, &seen);
	if (exports_released(obj) == 0) {
		diag("%s: an export is left: the object cannot be resized",
		     c->expr);
		good = 0;
	}
	ok(good, "%s(%s) -> %s", legacy_fn_name[fn], c->expr,
	   seen.ret == 0 || fn == CHECK_READ_BUFFER ? "" : want.exc);
	Py_DECREF(obj);
}

/* The change from before to after, of each count. */
static struct exporter_counts
counts_change(struct exporter_counts before, struct exporter_counts after)
{
	struct exporter_counts change;

	change.gets = after.gets - before.gets;
	change.releases = after.releases - before.releases;
	return change;
}

int
implementations_agree(const struct legacy_api *a, const struct legacy_api *b,
                      enum legacy_fn fn, PyObject *obj, const char *expr,
                      struct exporter_counts (*counts)(PyObject *))
{
	const struct call_case *cases;
	size_t count = call_cases(fn, &cases), i;
	struct outcome seen_a, seen_b;
	struct exporter_counts start = { 0, 0 }, after_a = start, after_b = start;
	struct exporter_counts by_a, by_b;
	char what[512];
	int same = 1;

	for (i = 0; i < count; i++) {
		if (!interpreter_survives(fn, &cases[i]))
			continue;
		if (counts != NULL)
			start = counts(obj);
		observe_call(a, fn, obj, cases[i].nulls, cases[i].pending,
		             &seen_a);
		if (counts != NULL)
			after_a = counts(obj);
		observe_call(b, fn, obj, cases[i].nulls, cases[i].pending,
		             &seen_b);
		if (counts != NULL)
			after_b = counts(obj);
		snprintf(what, sizeof(what), "%s(%s) nulls=%u pending=%d",
		         legacy_fn_name[fn], expr ? expr : "", cases[i].nulls,
		         cases[i].pending);
		same &= same_outcome(&seen_a, &seen_b, expr ? what : NULL);
		if (exports_released(obj) == 0) {
			if (expr != NULL)
				diag("%s: an export is left", what);
			same = 0;
		}
		by_a = counts_change(start, after_a);
		by_b = counts_change(after_a, after_b);
		if (by_a.gets != by_b.gets || by_a.releases != by_b.releases) {
			if (expr != NULL)
				diag("%s: %ld views taken and %ld released, not %ld "
				     "and %ld", what, by_a.gets, by_a.releases,
				     by_b.gets, by_b.releases);
			same = 0;
		}
	}
	return same;
}

/* The name of the one argument that is NULL in nulls. */
static const char *
null_name(unsigned nulls)
{
	return nulls == NULL_OBJ ? "obj"
		: nulls == NULL_BUFFER ? "buffer" : "buffer_len";
}

static void
expect_null_arguments(enum legacy_fn fn)
{
	const struct call_case *cases;
	size_t count = call_cases(fn, &cases), i;
	PyObject *obj = py_eval("bytearray(b'abc')");
	struct outcome seen, want;

	for (i = 0; i < count; i++) {
		const char *name = null_name(cases[i].nulls);

		if (cases[i].nulls == 0)
			continue;
		observe_call(&library_api, fn, obj, cases[i].nulls,
		             cases[i].pending, &seen);
		memset(&want, 0, sizeof(want));
		want.shows_contents = -1;
		want.ret = (fn == CHECK_READ_BUFFER) ? 0 : -1;
		if (cases[i].pending)
			strcpy(want.exc, "KeyError: 'pending'");
		else if (fn != CHECK_READ_BUFFER)
			strcpy(want.exc, "SystemError: null argument "
			       "to internal routine");
		ok(same_outcome(&seen, &want, name),
		   "%s with %s NULL%s -> %s", legacy_fn_name[fn], name,
		   cases[i].pending ? ", an exception pending" : "",
		   want.exc[0] ? want.exc : "0, nothing raised");
	}
	Py_DECREF(obj);
}

/* The address of fn in api, as a data pointer (POSIX allows the cast). */
static void *
address_of(const struct legacy_api *api, enum legacy_fn fn)
{
	void *const addresses[LEGACY_FN_COUNT] = {
		*(void *const *)&api->as_char_buffer,
		*(void *const *)&api->as_read_buffer,
		*(void *const *)&api->check_read_buffer,
		*(void *const *)&api->as_write_buffer,
	};

	return addresses[fn];
}

void
expect_legacy_name(enum legacy_fn fn)
{
	static const char *const exported[LEGACY_FN_COUNT] = {
		"pyoldbuf_as_char_buffer", "pyoldbuf_as_read_buffer",
		"pyoldbuf_check_read_buffer", "pyoldbuf_as_write_buffer"
	};
	static const struct legacy_api own = {
		"oldbuffer.h's", pyoldbuf_as_char_buffer,
		pyoldbuf_as_read_buffer, pyoldbuf_check_read_buffer,
		pyoldbuf_as_write_buffer,
	};
	void *named = address_of(&library_api, fn);

#ifdef PYOLDBUF_HEADER_ONLY
	/* Header-only: this file's own copy, and nothing exported. */
	ok(named == address_of(&own, fn)
	   && named != address_of(interpreter_api(), fn)
	   && dlsym(RTLD_DEFAULT, exported[fn]) == NULL,
	   "&PyObject_%s is this file's static %s, not the interpreter's",
	   legacy_fn_name[fn], exported[fn]);
#else
	ok(named == symbol(exported[fn]) && named == address_of(&own, fn)
	   && named != address_of(interpreter_api(), fn),
	   "&PyObject_%s is libpyoldbuf's %s, not the interpreter's",
	   legacy_fn_name[fn], exported[fn]);
#endif
}

unsigned long
expect_all_count(enum legacy_fn fn)
{
	const struct call_case *cases;

	/* The call cases but the two with every argument given. */
	return corpus_size + call_cases(fn, &cases) - 2;
}

void
expect_all(enum legacy_fn fn)
{
	size_t i;

	for (i = 0; i < corpus_size; i++)
		expect_case(fn, &corpus[i]);
	expect_null_arguments(fn);
}

void
expect_with_pending(enum legacy_fn fn, const char *expr, int ret,
                    const char *exc)
{
	PyObject *obj = py_eval(expr);
	struct outcome seen;
	int good;

	observe_call(&library_api, fn, obj, 0, 1, &seen);
	good = seen.ret == ret && strcmp(seen.exc, exc) == 0
		&& seen.refcnt_delta == 0;
	ok(good, "%s(%s), an exception pending -> %d, %s", legacy_fn_name[fn],
	   expr, ret, exc[0] ? exc : "nothing pending after");
	if (!good)
		diag("seen: %d, \"%s\", reference count changed by %ld",
		     seen.ret, seen.exc, (long)seen.refcnt_delta);
	Py_DECREF(obj);
}
