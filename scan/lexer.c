/* SPDX-License-Identifier: MIT */
/*
 * lexer.c - pyoldbuf-scan's reader of sources: C and C++ (calls,
 * declarations and other uses of the four legacy names, not what comments
 * and string literals say), Cython (the extern declarations and the
 * calls) and SWIG interfaces (the C they embed, and pybuffer.i's macros).
 */
#include <string.h>

#include "scan.h"

/*
 * The end of the block comment whose text starts at from, or NULL: a
 * search bounded by the file's end, not by a NUL byte, which a source
 * may hold.
 */
static const char *
comment_close(const char *from, const char *end)
{
	return from < end ? memmem(from, (size_t)(end - from), "*/", 2) : NULL;
}

const char *const legacy_names[LEGACY_COUNT] = {
	"PyObject_AsCharBuffer", "PyObject_AsReadBuffer",
	"PyObject_CheckReadBuffer", "PyObject_AsWriteBuffer",
};
const char *const library_names[LEGACY_COUNT] = {
	"pyoldbuf_as_char_buffer", "pyoldbuf_as_read_buffer",
	"pyoldbuf_check_read_buffer", "pyoldbuf_as_write_buffer",
};

/* The index of name (of length n) among names, or -1. */
int
lookup(const char *const *names, const char *name, size_t n)
{
	int i;

	for (i = 0; i < LEGACY_COUNT; i++)
		if (strlen(names[i]) == n && memcmp(names[i], name, n) == 0)
			return i;
	return -1;
}

static int
is_ident_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
is_ident(int c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

/* Whether the n characters at word are one of the space-separated words. */
static int
among(const char *word, size_t n, const char *words)
{
	const char *p = words;

	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		if (len == n && memcmp(p, word, n) == 0)
			return 1;
		p += len;
		p += strspn(p, " ");
	}
	return 0;
}

/*
 * The source scanner, one file in memory.  It knows the language's
 * comments and string literals, skips them, and classifies each legacy
 * name by the tokens around it.
 */

/* The last significant token before the current one. */
struct token {
	char kind;            /* 0: none, 'i': identifier, else the character */
	const char *text;     /* an identifier's text */
	size_t len;
	const char *opener;   /* for ')': the identifier before its '(' */
	size_t opener_len;
	long line;
};

/* A Cython name bound to a legacy function: int alias 'PyObject_...'(...) */
#define ALIASES 16
struct alias {
	const char *text;
	size_t len;
	int which;
};

#define PAREN_DEPTH 64

struct scanner {
	const char *file;
	const char *p, *end;
	long line;
	enum language lang;
	struct token prev;
	struct token before_paren[PAREN_DEPTH];   /* the token before each '(' */
	int depth;
	int in_cimport;       /* Cython: in a "from ... cimport" line */
	/*
	 * A raw string's closing sequence that is nowhere after raw_unclosed:
	 * the next raw string with it need not look again (linear time).
	 */
	char raw_close[20];
	const char *raw_unclosed;
	struct alias aliases[ALIASES];
	int alias_count;
	/* Cython: how far "extern from * :" has come (3: a C block may follow). */
	int extern_star;
	/* SWIG: pybuffer.i macros used; whether Py_LIMITED_API is defined. */
	int swig_macros, limited;
};

/* Words after which "name(" is a call, not a declaration. */
#define C_CALLERS "return else case do goto throw sizeof new delete co_return co_yield"
#define CYTHON_CALLERS "return not and or if elif while in is else lambda yield await assert del print with nogil gil cdef cpdef"
/* Words before a '(' whose ')' is not a declaration's attribute. */
#define CONTROL "if while for switch sizeof return alignof _Alignof decltype typeof __typeof__ static_assert _Static_assert"

static void
set_prev(struct scanner *s, char kind, const char *text, size_t len)
{
	s->prev.kind = kind;
	s->prev.text = text;
	s->prev.len = len;
	s->prev.opener = NULL;
	s->prev.opener_len = 0;
	s->prev.line = s->line;
}

/* Skip whitespace and comments, counting lines; return the next char. */
static int
peek_significant(struct scanner *s, const char **at)
{
	const char *p = s->p;

	for (;;) {
		while (p < s->end && (*p == ' ' || *p == '\t' || *p == '\n'
		                      || *p == '\r' || *p == '\f' || *p == '\v'
		                      || (*p == '\\' && p + 1 < s->end
		                          && p[1] == '\n')))
			p++;
		if (s->lang != CYTHON && p + 1 < s->end && p[0] == '/'
		    && p[1] == '*') {
			const char *close = comment_close(p + 2, s->end);

			p = close ? close + 2 : s->end;
			continue;
		}
		if (s->lang != CYTHON && p + 1 < s->end && p[0] == '/'
		    && p[1] == '/') {
			while (p < s->end && *p != '\n')
				p++;
			continue;
		}
		break;
	}
	*at = p;
	return p < s->end ? (unsigned char)*p : -1;
}

static void skip_quoted(struct scanner *s);

/*
 * Whether a word is written as a macro's name: capitals, digits and _,
 * after a short prefix such as Py_ (Py_BEGIN_ALLOW_THREADS).
 */
static int
is_macro_name(const char *word, size_t n)
{
	const char *underscore = memchr(word, '_', n < 5 ? n : 5);
	size_t i = underscore != NULL ? (size_t)(underscore - word) + 1 : 0;
	int capitals = 0;

	for (; i < n; i++) {
		if (word[i] >= 'a' && word[i] <= 'z')
			return 0;
		capitals += word[i] >= 'A' && word[i] <= 'Z';
	}
	return capitals > 1;
}

/*
 * Whether the parenthesis at p (C) closes on a function body: "name(...)
 * {" is a definition.
 */
static int
opens_body(struct scanner *s, const char *p)
{
	struct scanner look = *s;
	int depth = 0;
	const char *next;

	for (; p < s->end; p++) {
		if (*p == '"' || *p == '\'') {
			look.p = p;
			skip_quoted(&look);
			p = look.p - 1;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')' && --depth == 0) {
			look.p = p + 1;
			return peek_significant(&look, &next) == '{';
		} else if (*p == ';' || *p == '{') {
			return 0;
		}
	}
	return 0;
}

/* Whether the use of a legacy name just read is a declaration. */
static int
is_declaration(const struct scanner *s)
{
	const struct token *t = &s->prev;

	if (s->lang == CYTHON) {
		if (s->in_cimport)
			return 1;
		/* A Cython statement ends with its line. */
		return t->kind == 'i' && t->line == s->line
			&& !among(t->text, t->len, CYTHON_CALLERS);
	}
	/*
	 * An all-capitals word on an earlier line is a statement macro
	 * (Py_BEGIN_ALLOW_THREADS), not a declaration's type.
	 */
	if (t->kind == 'i' && t->line != s->line && is_macro_name(t->text, t->len))
		return 0;
	if (t->kind == 'i')
		return !among(t->text, t->len, C_CALLERS);
	/* PyAPI_FUNC(int) name(...), Py_DEPRECATED(3.0) name(...) */
	return t->kind == ')' && t->opener != NULL
		&& !among(t->opener, t->opener_len, CONTROL);
}

/* The legacy name just read (which: its index): report its use. */
static void
legacy_use(struct scanner *s, int which)
{
	const char *next;
	const char *kind;
	int c = peek_significant(s, &next);

	if (c == '(' && is_declaration(s))
		kind = s->lang != CYTHON && opens_body(s, next) ? "definition"
			: "declaration";
	else if (c == '(')
		kind = "call";
	else if (s->lang == CYTHON && s->in_cimport)
		kind = "declaration";
	else
		kind = "address";
	report(s->file, s->line, legacy_names[which], kind);
	source_use(kind);
}

/* Skip a quoted literal that starts at s->p (the quote). */
static void
skip_quoted(struct scanner *s)
{
	char quote = *s->p;
	int triple = s->lang == CYTHON && s->end - s->p >= 3
		&& s->p[1] == quote && s->p[2] == quote;

	s->p += triple ? 3 : 1;
	while (s->p < s->end) {
		if (*s->p == '\\' && s->p + 1 < s->end) {
			if (s->p[1] == '\n')
				s->line++;
			s->p += 2;
			continue;
		}
		if (*s->p == '\n') {
			if (!triple)
				return;   /* an unterminated literal ends here */
			s->line++;
		}
		if (*s->p == quote && (!triple || (s->end - s->p >= 3
		                                   && s->p[1] == quote
		                                   && s->p[2] == quote))) {
			s->p += triple ? 3 : 1;
			return;
		}
		s->p++;
	}
}

/*
 * A C++ raw string literal R"delim( ... )delim" at s->p (the quote).  The
 * delimiter is at most 16 characters, none of them a space, a
 * parenthesis, a backslash, a quote or a control character; anything
 * else, or a raw string that never closes, is read as a plain literal,
 * so that a stray R"x" cannot swallow the rest of the file.
 */
static void
skip_raw_string(struct scanner *s)
{
	const char *open = s->p + 1;
	const char *paren = open;
	char close[20];
	size_t dlen;
	const char *q;

	while (paren < s->end && paren - open <= 16
	       && strchr(" ()\\\"\t\v\f\r\n", *paren) == NULL)
		paren++;
	if (paren >= s->end || *paren != '(' || (dlen = (size_t)(paren - open)) > 16) {
		skip_quoted(s);
		return;
	}
	close[0] = ')';
	memcpy(close + 1, open, dlen);
	close[dlen + 1] = '"';
	close[dlen + 2] = '\0';
	q = paren + 1;
	if (s->raw_unclosed != NULL && q >= s->raw_unclosed
	    && strcmp(close, s->raw_close) == 0)
		q = NULL;
	else
		q = memmem(q, (size_t)(s->end - q), close, dlen + 2);
	if (q == NULL) {
		strcpy(s->raw_close, close);
		s->raw_unclosed = paren + 1;
		skip_quoted(s);
		return;
	}
	for (; open < q; open++)
		s->line += *open == '\n';
	s->p = q + dlen + 2;
}

/* Skip to the end of the logical line (a preprocessor directive). */
static void
skip_directive(struct scanner *s)
{
	while (s->p < s->end && *s->p != '\n') {
		if (*s->p == '\\' && s->p + 1 < s->end && s->p[1] == '\n') {
			s->line++;
			s->p += 2;
		} else if (s->p + 1 < s->end && s->p[0] == '/' && s->p[1] == '/') {
			/* A line comment: a "/" "*" in it opens nothing. */
			while (s->p < s->end && *s->p != '\n')
				s->p++;
		} else if (s->p + 1 < s->end && s->p[0] == '/' && s->p[1] == '*') {
			const char *close = comment_close(s->p + 2, s->end);
			const char *q;

			for (q = s->p; q < (close ? close : s->end); q++)
				s->line += *q == '\n';
			s->p = close ? close + 2 : s->end;
		} else {
			s->p++;
		}
	}
}

/*
 * A preprocessor directive at s->p (the '#').  A conditional, #include
 * or #undef names no use: it is skipped.  In a #define, the macro's name
 * and parameters are skipped and its body is scanned: a macro that wraps
 * a legacy call is a use where it is defined.
 */
static void
directive(struct scanner *s)
{
	const char *word;
	size_t n;

	s->p++;
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
		s->p++;
	word = s->p;
	while (s->p < s->end && is_ident(*s->p))
		s->p++;
	n = (size_t)(s->p - word);
	set_prev(s, 0, NULL, 0);
	if (!(n == 6 && memcmp(word, "define", 6) == 0)) {
		skip_directive(s);
		return;
	}
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
		s->p++;
	word = s->p;
	while (s->p < s->end && is_ident(*s->p))
		s->p++;
	if (s->p - word == 14 && memcmp(word, "Py_LIMITED_API", 14) == 0)
		s->limited = 1;
	if (s->p < s->end && *s->p == '(') {
		while (s->p < s->end && *s->p != ')' && *s->p != '\n')
			s->p++;
		if (s->p < s->end && *s->p == ')')
			s->p++;
	}
}

/* A pp-number (1'000, 0x1p-3, 1e+5): skipped whole. */
static void
skip_number(struct scanner *s)
{
	while (s->p < s->end) {
		char c = *s->p;

		if ((c == '+' || c == '-') && strchr("eEpP", s->p[-1]) != NULL)
			s->p++;
		else if (is_ident(c) || c == '.'
		         || (c == '\'' && s->lang != CYTHON && s->p + 1 < s->end
		             && is_ident(s->p[1])))
			s->p++;
		else
			break;
	}
}

/*
 * SWIG: pybuffer.i's macros, which make SWIG generate
 * PyObject_AsReadBuffer (the read-only ones) or PyObject_AsWriteBuffer
 * calls: SWIG 3.0 always, 4.0 and 4.1 never, 4.2 and 4.3 under
 * Py_LIMITED_API, 4.4 and later never.  The index of the legacy function
 * of the macro named by the n characters at word, or -1.
 */
static int
swig_macro(const char *word, size_t n)
{
	static const struct {
		const char *name;
		int which;
	} macros[] = {
		{ "pybuffer_mutable_binary", 3 },
		{ "pybuffer_mutable_string", 3 },
		{ "pybuffer_binary", 1 },
		{ "pybuffer_string", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(macros) / sizeof(macros[0]); i++)
		if (strlen(macros[i].name) == n && memcmp(macros[i].name, word, n) == 0)
			return macros[i].which;
	return -1;
}

/*
 * Cython: a string literal just skipped (from start) after an identifier,
 * that names a legacy function and is followed by '(', binds that
 * identifier to it: "int alias 'PyObject_AsWriteBuffer'(object, ...)".
 */
static void
cython_cname(struct scanner *s, const char *start)
{
	const char *next;
	int which;

	if (s->prev.kind != 'i' || s->p - start < 2 || start[1] == start[0]
	    || peek_significant(s, &next) != '(')
		return;
	which = lookup(legacy_names, start + 1, (size_t)(s->p - start - 2));
	if (which < 0)
		return;
	report(s->file, s->line, legacy_names[which], "declaration");
	source_use("declaration");
	if (s->alias_count < ALIASES) {
		s->aliases[s->alias_count].text = s->prev.text;
		s->aliases[s->alias_count].len = s->prev.len;
		s->aliases[s->alias_count].which = which;
		s->alias_count++;
	}
}

/* The legacy function a Cython alias of n characters at word stands for. */
static int
cython_alias(const struct scanner *s, const char *word, size_t n)
{
	int i;

	for (i = 0; i < s->alias_count; i++)
		if (s->aliases[i].len == n && memcmp(s->aliases[i].text, word, n) == 0)
			return s->aliases[i].which;
	return -1;
}

static void scan_text(const char *file, const char *text, size_t size,
                      enum language lang, long first_line);

/*
 * Cython: a triple-quoted string just skipped (from start, on line) after
 * "cdef extern from *:" is C code, which Cython copies into its output.
 */
static void
cython_verbatim_c(struct scanner *s, const char *start, long line)
{
	if (s->extern_star == 3 && s->p - start >= 6 && start[1] == start[0]
	    && start[2] == start[0])
		scan_text(s->file, start + 3, (size_t)(s->p - start - 6), C_LIKE,
		          line);
}

void
scan_source(const char *file, const char *text, size_t size,
            enum language lang)
{
	scan_text(file, text, size, lang, 1);
}

static void
scan_text(const char *file, const char *text, size_t size,
          enum language lang, long first_line)
{
	struct scanner s;
	int line_start = 1;
	long line;

	memset(&s, 0, sizeof(s));
	s.file = file;
	s.p = text;
	s.end = text + size;
	s.line = first_line;
	s.lang = lang;
	while (s.p < s.end) {
		char c = *s.p;

		if (c == '\n') {
			s.line++;
			s.p++;
			line_start = 1;
			s.in_cimport = 0;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f'
		    || c == '\v') {
			s.p++;
			continue;
		}
		if (c == '\\' && s.p + 1 < s.end && s.p[1] == '\n') {
			s.line++;
			s.p += 2;
			continue;
		}
		if (lang == CYTHON && c == '#') {
			while (s.p < s.end && *s.p != '\n')
				s.p++;
			continue;
		}
		if (lang != CYTHON && c == '/' && s.p + 1 < s.end
		    && (s.p[1] == '*' || s.p[1] == '/')) {
			if (s.p[1] == '/') {
				while (s.p < s.end && *s.p != '\n')
					s.p++;
			} else {
				const char *close = comment_close(s.p + 2, s.end);
				const char *stop = close ? close + 2 : s.end;

				for (; s.p < stop; s.p++)
					s.line += *s.p == '\n';
			}
			continue;
		}
		if (lang != CYTHON && c == '#' && line_start) {
			directive(&s);
			/* A #define's body goes on: its "#x" is no directive. */
			line_start = 0;
			continue;
		}
		line_start = 0;
		if (c == '"' || c == '\'') {
			const char *start = s.p;

			line = s.line;
			skip_quoted(&s);
			if (lang == CYTHON) {
				cython_verbatim_c(&s, start, line);
				cython_cname(&s, start);
			}
			s.extern_star = 0;
			set_prev(&s, '"', NULL, 0);
			continue;
		}
		if (lang == SWIG && c == '%' && s.p + 1 < s.end && is_ident_start(s.p[1])) {
			const char *word = ++s.p;
			int which;

			while (s.p < s.end && is_ident(*s.p))
				s.p++;
			which = swig_macro(word, (size_t)(s.p - word));
			if (which >= 0) {
				report(s.file, s.line, legacy_names[which], "swig-pybuffer");
				s.swig_macros++;
			}
			set_prev(&s, '%', NULL, 0);
			continue;
		}
		if (c >= '0' && c <= '9') {
			skip_number(&s);
			set_prev(&s, '0', NULL, 0);
			continue;
		}
		if (is_ident_start(c)) {
			const char *word = s.p;
			size_t n;
			int which;

			while (s.p < s.end && is_ident(*s.p))
				s.p++;
			n = (size_t)(s.p - word);
			if (s.p < s.end && (*s.p == '"' || *s.p == '\'')
			    && n <= 3 && strspn(word, "rRbBuUfFL8") >= n) {
				/* A literal's prefix: u8"", L'', R"(...)", rb''. */
				if (lang != CYTHON && word[n - 1] == 'R'
				    && *s.p == '"')
					skip_raw_string(&s);
				else
					skip_quoted(&s);
				set_prev(&s, '"', NULL, 0);
				continue;
			}
			which = lookup(legacy_names, word, n);
			if (which < 0 && lang == CYTHON)
				which = cython_alias(&s, word, n);
			if (which >= 0)
				legacy_use(&s, which);
			if (lang == CYTHON && n == 7
			    && memcmp(word, "cimport", 7) == 0)
				s.in_cimport = 1;
			s.extern_star = n == 4 && memcmp(word, "from", 4) == 0
				&& s.prev.kind == 'i' && s.prev.len == 6
				&& memcmp(s.prev.text, "extern", 6) == 0;
			set_prev(&s, 'i', word, n);
			continue;
		}
		if (c == '(') {
			if (s.depth < PAREN_DEPTH)
				s.before_paren[s.depth] = s.prev;
			s.depth++;
		} else if (c == ')') {
			if (s.depth > 0)
				s.depth--;
			s.p++;
			set_prev(&s, ')', NULL, 0);
			if (s.depth < PAREN_DEPTH
			    && s.before_paren[s.depth].kind == 'i') {
				s.prev.opener = s.before_paren[s.depth].text;
				s.prev.opener_len = s.before_paren[s.depth].len;
			}
			continue;
		}
		if (c == '*' || c == ':')
			s.extern_star = s.extern_star == (c == '*' ? 1 : 2)
				? s.extern_star + 1 : 0;
		else
			s.extern_star = 0;
		s.p++;
		set_prev(&s, c, NULL, 0);
	}
	/* The macros generate calls for certain under Py_LIMITED_API only. */
	for (; s.swig_macros > 0; s.swig_macros--) {
		found |= FOUND_SWIG;
		if (s.limited)
			source_use("swig-pybuffer");
	}
}

/* The language of a file, by its name; -1 for none of them. */
int
language_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	const char *slash = strrchr(name, '/');

	if (dot == NULL || (slash != NULL && dot < slash))
		return -1;
	dot++;
	if (among(dot, strlen(dot), "c h cc cpp cxx c++ hpp hh hxx h++ C H inl ipp tcc"))
		return C_LIKE;
	if (among(dot, strlen(dot), "pyx pxd pxi"))
		return CYTHON;
	if (among(dot, strlen(dot), "i swg"))
		return SWIG;
	return -1;
}

/*
 * Whether a source includes oldbuffer.h itself: #include <oldbuffer.h>
 * or "oldbuffer.h", or Cython's cdef extern from "oldbuffer.h".
 */
int
includes_oldbuffer(const char *text, size_t size)
{
	const char *end = text + size, *p = text;

	while ((p = memmem(p, (size_t)(end - p), "oldbuffer.h", 11)) != NULL) {
		const char *line = p;

		while (line > text && line[-1] != '\n')
			line--;
		line += strspn(line, " \t");
		if (p > text && (p[-1] == '<' || p[-1] == '"')
		    && p + 11 < end && (p[11] == '>' || p[11] == '"')
		    && ((line[0] == '#' && strncmp(line + 1 + strspn(line + 1, " \t"),
		                                   "include", 7) == 0)
		        || memmem(line, (size_t)(p - line), "extern from", 11) != NULL))
			return 1;
		p += 11;
	}
	return 0;
}

