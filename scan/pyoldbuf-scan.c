/* SPDX-License-Identifier: MIT */
/*
 * pyoldbuf-scan - find the legacy buffer API in sources and built modules
 *
 * Sources: C and C++ (calls, declarations and other uses of the four
 * legacy names, not what comments and string literals say), Cython (the
 * extern declarations and the calls) and SWIG interfaces (the C they
 * embed, and pybuffer.i's macros, which generate legacy calls under
 * Py_LIMITED_API).  Built modules: ELF files whose dynamic symbol table
 * imports a legacy name (bound to libpython's ABI-only copy: the silent
 * case) or a pyoldbuf_ one (already using libpyoldbuf), read with
 * elfutils' libelf.  One finding per line, as grep -n prints them, or
 * JSON.  Exit status as a linter's: 0 when nothing needs doing, 1 when
 * something needs fixing (a call, address or SWIG macro in a source with
 * no fix in place, a module bound to libpython's copies, a module that
 * imports pyoldbuf_ names without needing libpyoldbuf), 2 on error.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LEGACY_COUNT 4

static const char *const legacy_names[LEGACY_COUNT] = {
	"PyObject_AsCharBuffer", "PyObject_AsReadBuffer",
	"PyObject_CheckReadBuffer", "PyObject_AsWriteBuffer",
};
static const char *const library_names[LEGACY_COUNT] = {
	"pyoldbuf_as_char_buffer", "pyoldbuf_as_read_buffer",
	"pyoldbuf_check_read_buffer", "pyoldbuf_as_write_buffer",
};

/* What was found, for the exit status and --advice. */
enum {
	FOUND_SOURCE = 1,         /* a use in a source */
	FOUND_ABI_ONLY = 2,       /* a module bound to libpython's copy */
	FOUND_LIBRARY = 4,        /* a module using libpyoldbuf */
	FOUND_LIMITED = 8,        /* a source under Py_LIMITED_API */
	FOUND_COVERED = 16,       /* a use in a source with a fix in place */
	FOUND_UNLINKED = 32,      /* pyoldbuf_ imports, no libpyoldbuf NEEDED */
};

static int json, advice, found, errors, findings;
/* The findings that need fixing: exit status 1. */
static int to_fix;
/*
 * Whether the uses in the file being scanned have a fix in place: the
 * file includes oldbuffer.h, or the walk is inside a tree whose
 * debian/rules includes buildflags.mk (a count of such trees).
 */
static int covered_file, covered_trees;
static const char *program = "pyoldbuf-scan";

static void
warn_file(const char *file, const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", program, file, what);
	errors = 1;
}

/* s as a JSON string. */
static void
json_string(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* One finding; line 0 for a built module, which has none. */
static void
report(const char *file, long line, const char *name, const char *kind)
{
	if (json) {
		printf("%s\n  {\"file\": ", findings ? "," : "");
		json_string(file);
		if (line > 0)
			printf(", \"line\": %ld", line);
		else
			printf(", \"line\": null");
		printf(", \"name\": \"%s\", \"kind\": \"%s\"}", name, kind);
	} else if (line > 0) {
		printf("%s:%ld: %s %s\n", file, line, name, kind);
	} else {
		printf("%s: %s %s\n", file, name, kind);
	}
	findings++;
}

/* The index of name (of length n) among names, or -1. */
static int
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
enum language { C_LIKE, CYTHON, SWIG };

/* The last significant token before the current one. */
struct token {
	char kind;            /* 0: none, 'i': identifier, else the character */
	const char *text;     /* an identifier's text */
	size_t len;
	const char *opener;   /* for ')': the identifier before its '(' */
	size_t opener_len;
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
			const char *close = strstr(p + 2, "*/");

			p = close ? close + 2 : s->end;
			continue;
		}
		break;
	}
	*at = p;
	return p < s->end ? (unsigned char)*p : -1;
}

/* Whether the use of a legacy name just read is a declaration. */
static int
is_declaration(const struct scanner *s)
{
	const struct token *t = &s->prev;

	if (s->lang == CYTHON) {
		if (s->in_cimport)
			return 1;
		return t->kind == 'i' && !among(t->text, t->len, CYTHON_CALLERS);
	}
	if (t->kind == 'i')
		return !among(t->text, t->len, C_CALLERS);
	/* PyAPI_FUNC(int) name(...), Py_DEPRECATED(3.0) name(...) */
	return t->kind == ')' && t->opener != NULL
		&& !among(t->opener, t->opener_len, CONTROL);
}

/*
 * What a use of KIND in a source means: a declaration binds nothing; a
 * call, an address or a SWIG macro needs a fix, unless one is in place.
 */
static void
source_use(const char *kind)
{
	if (covered_file || covered_trees > 0)
		found |= FOUND_COVERED;
	else if (strcmp(kind, "declaration") != 0) {
		found |= FOUND_SOURCE;
		to_fix++;
	}
}

/* The legacy name just read (which: its index): report its use. */
static void
legacy_use(struct scanner *s, int which)
{
	const char *next;
	const char *kind;
	int c = peek_significant(s, &next);

	if (c == '(')
		kind = is_declaration(s) ? "declaration" : "call";
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

/* A C++ raw string literal R"delim( ... )delim" at s->p (the quote). */
static void
skip_raw_string(struct scanner *s)
{
	const char *open = s->p + 1;
	const char *paren = memchr(open, '(', (size_t)(s->end - open));
	char close[20];
	size_t dlen;
	const char *q;

	if (paren == NULL || (dlen = (size_t)(paren - open)) > 16) {
		skip_quoted(s);
		return;
	}
	close[0] = ')';
	memcpy(close + 1, open, dlen);
	close[dlen + 1] = '"';
	close[dlen + 2] = '\0';
	for (q = paren + 1; q < s->end; q++) {
		if (*q == '\n')
			s->line++;
		if (strncmp(q, close, dlen + 2) == 0) {
			s->p = q + dlen + 2;
			return;
		}
	}
	s->p = s->end;
}

/* Skip to the end of the logical line (a preprocessor directive). */
static void
skip_directive(struct scanner *s)
{
	while (s->p < s->end && *s->p != '\n') {
		if (*s->p == '\\' && s->p + 1 < s->end && s->p[1] == '\n') {
			s->line++;
			s->p += 2;
		} else if (s->p + 1 < s->end && s->p[0] == '/' && s->p[1] == '*') {
			const char *close = strstr(s->p + 2, "*/");
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
	while (s->p < s->end && is_ident(*s->p))
		s->p++;
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

static void
scan_source(const char *file, const char *text, size_t size,
            enum language lang)
{
	struct scanner s;
	int line_start = 1;

	memset(&s, 0, sizeof(s));
	s.file = file;
	s.p = text;
	s.end = text + size;
	s.line = 1;
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
				const char *close = strstr(s.p + 2, "*/");
				const char *stop = close ? close + 2 : s.end;

				for (; s.p < stop; s.p++)
					s.line += *s.p == '\n';
			}
			continue;
		}
		if (lang != CYTHON && c == '#' && line_start) {
			directive(&s);
			continue;
		}
		line_start = 0;
		if (c == '"' || c == '\'') {
			skip_quoted(&s);
			set_prev(&s, '"', NULL, 0);
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
			if (which >= 0)
				legacy_use(&s, which);
			if (lang == CYTHON && n == 7
			    && memcmp(word, "cimport", 7) == 0)
				s.in_cimport = 1;
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
		s.p++;
		set_prev(&s, c, NULL, 0);
	}
}

/*
 * SWIG: pybuffer.i's macros generate PyObject_AsReadBuffer or
 * PyObject_AsWriteBuffer calls when Py_LIMITED_API is defined (SWIG 4.3
 * and earlier; later ones only below 3.11).  Each macro used in an
 * interface that includes pybuffer.i and defines Py_LIMITED_API is one
 * finding.
 */
static void
scan_swig(const char *file, const char *text)
{
	static const struct {
		const char *macro;
		int which;
	} macros[] = {
		{ "%pybuffer_mutable_binary", 3 },
		{ "%pybuffer_mutable_string", 3 },
		{ "%pybuffer_binary", 1 },
		{ "%pybuffer_string", 1 },
	};
	const char *p;
	long line = 1;

	if (strstr(text, "pybuffer.i") == NULL
	    || strstr(text, "Py_LIMITED_API") == NULL)
		return;
	for (p = text; *p != '\0'; p++) {
		size_t i;

		if (*p == '\n')
			line++;
		if (*p != '%' || (p > text && p[-1] != '\n' && p[-1] != ' '
		                  && p[-1] != '\t'))
			continue;
		for (i = 0; i < sizeof(macros) / sizeof(macros[0]); i++) {
			size_t n = strlen(macros[i].macro);

			if (strncmp(p, macros[i].macro, n) == 0 && !is_ident(p[n])) {
				report(file, line, legacy_names[macros[i].which],
				       "swig-pybuffer");
				source_use("swig-pybuffer");
			}
		}
	}
}

/* The language of a file, by its name; -1 for none of them. */
static int
language_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');

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

/* Whether the ELF file's dynamic section has a NEEDED libpyoldbuf.so.N. */
static int
needs_libpyoldbuf(Elf *elf)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr shdr;
		Elf_Data *data;
		size_t i, count;

		if (gelf_getshdr(scn, &shdr) == NULL
		    || shdr.sh_type != SHT_DYNAMIC || shdr.sh_entsize == 0
		    || (data = elf_getdata(scn, NULL)) == NULL)
			continue;
		count = shdr.sh_size / shdr.sh_entsize;
		for (i = 0; i < count; i++) {
			GElf_Dyn dyn;
			const char *name;

			if (gelf_getdyn(data, (int)i, &dyn) == NULL
			    || dyn.d_tag != DT_NEEDED)
				continue;
			name = elf_strptr(elf, shdr.sh_link, dyn.d_un.d_val);
			if (name != NULL && strncmp(name, "libpyoldbuf.so", 14) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * A built module: the legacy and pyoldbuf_ names its dynamic symbol table
 * imports (undefined there).  pyoldbuf_ names are provided only where the
 * module needs libpyoldbuf: without it (compiled with -include oldbuffer.h,
 * linked without the library) the module fails to import.
 */
static void
scan_elf(const char *path, int fd)
{
	Elf *elf;
	Elf_Scn *scn = NULL;
	int linked;

	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (elf == NULL || elf_kind(elf) != ELF_K_ELF) {
		warn_file(path, elf_errmsg(-1));
		if (elf != NULL)
			elf_end(elf);
		return;
	}
	linked = needs_libpyoldbuf(elf);
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr shdr;
		Elf_Data *data;
		size_t i, count;

		if (gelf_getshdr(scn, &shdr) == NULL
		    || shdr.sh_type != SHT_DYNSYM || shdr.sh_entsize == 0)
			continue;
		data = elf_getdata(scn, NULL);
		if (data == NULL) {
			warn_file(path, elf_errmsg(-1));
			break;
		}
		count = shdr.sh_size / shdr.sh_entsize;
		for (i = 1; i < count; i++) {
			GElf_Sym sym;
			const char *name;
			int which;

			if (gelf_getsym(data, (int)i, &sym) == NULL
			    || sym.st_shndx != SHN_UNDEF)
				continue;
			name = elf_strptr(elf, shdr.sh_link, sym.st_name);
			if (name == NULL)
				continue;
			which = lookup(legacy_names, name, strlen(name));
			if (which >= 0) {
				report(path, 0, name, "abi-only-import");
				found |= FOUND_ABI_ONLY;
				to_fix++;
			}
			which = lookup(library_names, name, strlen(name));
			if (which >= 0 && linked) {
				report(path, 0, name, "libpyoldbuf-import");
				found |= FOUND_LIBRARY;
			} else if (which >= 0) {
				report(path, 0, name, "unlinked-pyoldbuf-import");
				found |= FOUND_UNLINKED;
				to_fix++;
			}
		}
	}
	elf_end(elf);
}

/* The whole of a file, NUL-terminated; NULL on error (reported). */
static char *
slurp(const char *path, int fd, size_t *size)
{
	struct stat st;
	char *text;
	size_t done = 0;

	if (fstat(fd, &st) != 0) {
		warn_file(path, strerror(errno));
		return NULL;
	}
	text = malloc((size_t)st.st_size + 1);
	if (text == NULL) {
		warn_file(path, "out of memory");
		return NULL;
	}
	while (done < (size_t)st.st_size) {
		ssize_t n = read(fd, text + done, (size_t)st.st_size - done);

		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				warn_file(path, strerror(errno));
				free(text);
				return NULL;
			}
			break;
		}
		done += (size_t)n;
	}
	text[done] = '\0';
	*size = done;
	return text;
}

static void scan_path(const char *path, int named);

/*
 * Whether DIR is a Debian source tree whose debian/rules includes
 * buildflags.mk: the zero-patch fix is in place for all of it.
 */
static int
rules_include_buildflags(const char *dir)
{
	char rules[4096];
	char *text;
	size_t size;
	int fd, yes = 0;

	if ((size_t)snprintf(rules, sizeof(rules), "%s/debian/rules", dir)
	    >= sizeof(rules))
		return 0;
	fd = open(rules, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
	if (fd < 0)
		return 0;
	text = slurp(rules, fd, &size);
	if (text != NULL)
		yes = strstr(text, "/usr/share/libpyoldbuf/buildflags.mk") != NULL;
	free(text);
	close(fd);
	return yes;
}

/*
 * Whether a source includes oldbuffer.h itself: #include <oldbuffer.h>
 * or "oldbuffer.h", or Cython's cdef extern from "oldbuffer.h".
 */
static int
includes_oldbuffer(const char *text)
{
	const char *p = text;

	while ((p = strstr(p, "oldbuffer.h")) != NULL) {
		const char *line = p;

		while (line > text && line[-1] != '\n')
			line--;
		line += strspn(line, " \t");
		if (p > text && (p[-1] == '<' || p[-1] == '"')
		    && (p[11] == '>' || p[11] == '"')
		    && ((line[0] == '#' && strncmp(line + 1 + strspn(line + 1, " \t"),
		                                   "include", 7) == 0)
		        || strstr(line, "extern from") != NULL))
			return 1;
		p += 11;
	}
	return 0;
}

/*
 * A directory's entries; with no path given (path NULL), the current
 * directory's, named without "./", as grep -r does.
 */
static void
scan_directory(const char *path)
{
	const char *shown = path;
	struct dirent **entries;
	int n, i;

	int covers;

	if (path == NULL)
		path = ".";
	/* In name order, so that two runs print the same. */
	n = scandir(path, &entries, NULL, alphasort);
	if (n < 0) {
		warn_file(path, strerror(errno));
		return;
	}
	covers = rules_include_buildflags(path);
	covered_trees += covers;
	for (i = 0; i < n; i++) {
		const char *name = entries[i]->d_name;

		if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0
		    && strcmp(name, ".git") != 0 && strcmp(name, ".pc") != 0) {
			size_t len = strlen(path) + strlen(name) + 2;
			char *child = malloc(len);

			if (child == NULL) {
				warn_file(path, "out of memory");
			} else {
				if (shown == NULL)
					snprintf(child, len, "%s", name);
				else
					snprintf(child, len, "%s%s%s", path,
					         path[strlen(path) - 1] == '/'
					         ? "" : "/", name);
				scan_path(child, 0);
				free(child);
			}
		}
		free(entries[i]);
	}
	free(entries);
	covered_trees -= covers;
}

/*
 * One path: a directory is walked (symbolic links inside it are not
 * followed); a file is a source by its name, or a built module by its ELF
 * magic.  Other files are passed over, unless named on the command line,
 * when not being either is an error.
 */
static void
scan_path(const char *path, int named)
{
	struct stat st;
	int lang, fd;
	unsigned char magic[4];

	if ((named ? stat(path, &st) : lstat(path, &st)) != 0) {
		warn_file(path, strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		scan_directory(path);
		return;
	}
	if (!S_ISREG(st.st_mode))
		return;
	lang = language_of(path);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		warn_file(path, strerror(errno));
		return;
	}
	if (lang < 0) {
		if (read(fd, magic, 4) == 4 && memcmp(magic, ELFMAG, 4) == 0)
			scan_elf(path, fd);
		else if (named)
			warn_file(path, "neither a C, C++, Cython or SWIG "
			          "source nor an ELF file");
	} else {
		size_t size;
		char *text = slurp(path, fd, &size);

		if (text != NULL) {
			covered_file = includes_oldbuffer(text);
			scan_source(path, text, size, lang == SWIG ? SWIG
			            : (enum language)lang);
			if (lang == SWIG)
				scan_swig(path, text);
			if (strstr(text, "Py_LIMITED_API") != NULL)
				found |= FOUND_LIMITED;
			free(text);
		}
	}
	close(fd);
}

/* --advice: the rebuild that fits what was found. */
static void
print_advice(void)
{
	if (found & FOUND_COVERED)
		puts("\nThe sources' uses have a fix in place (they include "
		     "oldbuffer.h, or\ndebian/rules includes buildflags.mk).");
	if (found & FOUND_LIBRARY)
		puts("\nA module takes the functions from libpyoldbuf: its "
		     "package needs libpyoldbuf0,\nwhich dpkg-shlibdeps adds.");
	if (found & FOUND_UNLINKED)
		puts("\nA module imports pyoldbuf_ names but does not need "
		     "libpyoldbuf.so.0: it was\ncompiled with -include "
		     "oldbuffer.h and linked without the library, and fails\n"
		     "to import (\"undefined symbol: pyoldbuf_...\").  Link it "
		     "with the zero-patch link\nflags below (GCC's specs file; "
		     "clang ignores it), or with\n$(pkg-config --libs "
		     "oldbuffer) after its objects.");
	if (!(found & (FOUND_SOURCE | FOUND_ABI_ONLY | FOUND_UNLINKED))) {
		puts(found & ~FOUND_LIMITED ? "Nothing to rebuild." : "\nNo legacy buffer call "
		     "here: nothing to do.");
		return;
	}
	puts("");
	if (found & FOUND_ABI_ONLY)
		puts("A module imports a legacy name: it was compiled without "
		     "a declaration\n(Python 3.13 headers, a compiler that "
		     "only warns, or -w) and binds\nlibpython's ABI-only "
		     "copy, unchecked.  With gcc 14 its source stops\n"
		     "building.  Rebuild it as below.\n");
	puts("Rebuild with libpyoldbuf, no source change (the zero-patch "
	     "flags):\n"
	     "  debian/rules  include $(or $(wildcard /usr/share/libpyoldbuf/buildflags.mk), \\\n"
	     "                    $(error libpyoldbuf-dev is not installed: add it to Build-Depends))\n"
	     "                before any other include, and Build-Depends: libpyoldbuf-dev\n"
	     "  setup.py      CFLAGS=\"$(pkg-config --variable=zero_patch_cflags oldbuffer)\" \\\n"
	     "                LDFLAGS=\"$(pkg-config --variable=zero_patch_libs oldbuffer)\" \\\n"
	     "                python3 setup.py build_ext\n"
	     "  meson         meson setup build \\\n"
	     "                -Dc_args=\"$(pkg-config --variable=zero_patch_cflags oldbuffer)\" \\\n"
	     "                -Dc_link_args=\"$(pkg-config --variable=zero_patch_libs oldbuffer)\"\n"
	     "                (-Dcpp_args and -Dcpp_link_args for C++)\n"
	     "  autotools     ./configure CFLAGS=\"-O2 $(pkg-config --variable=zero_patch_cflags oldbuffer)\" \\\n"
	     "                LDFLAGS=\"$(pkg-config --variable=zero_patch_libs oldbuffer)\"\n"
	     "\nWithout a run-time dependency (a wheel, a vendored copy), "
	     "header-only:\nthe same compile flags with -DPYOLDBUF_HEADER_ONLY, "
	     "and no link flags.");
	if (found & FOUND_LIMITED)
		puts("Under Py_LIMITED_API, header-only needs 3.11 or later "
		     "(0x030B0000), given\non the command line "
		     "(-DPy_LIMITED_API=...), not in the source.");
	puts("\nTo port the source for good, to PyObject_GetBuffer(): "
	     "pyoldbuf-porting(3).");
}

static void
usage(FILE *out)
{
	fprintf(out, "Usage: %s [--json] [--advice] [PATH...]\n"
	        "Find the legacy buffer API (PyObject_AsCharBuffer, "
	        "PyObject_AsReadBuffer,\nPyObject_CheckReadBuffer, "
	        "PyObject_AsWriteBuffer) in C, C++, Cython and SWIG\n"
	        "sources and in built ELF modules below each PATH "
	        "(default: .).\n"
	        "Exit status: 0 nothing to fix, 1 something to fix, 2 an "
	        "error.\nSee pyoldbuf-scan(1).\n", program);
}

int
main(int argc, char **argv)
{
	int i, paths = 0, options = 1;

	if (elf_version(EV_CURRENT) == EV_NONE) {
		fprintf(stderr, "%s: libelf: %s\n", program, elf_errmsg(-1));
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0)
			options = 0;
		else if (options && strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (options && strcmp(argv[i], "--advice") == 0)
			advice = 1;
		else if (options && strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (options && argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "%s: unknown option %s\n", program,
			        argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (json)
		putchar('[');
	options = 1;
	for (i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0) {
			options = 0;
			continue;
		}
		if (options && argv[i][0] == '-' && argv[i][1] != '\0')
			continue;
		scan_path(argv[i], 1);
		paths++;
	}
	if (paths == 0)
		scan_directory(NULL);
	if (json)
		printf("%s]\n", findings ? "\n" : "");
	if (advice && !json)
		print_advice();
	if (fflush(stdout) != 0) {
		fprintf(stderr, "%s: standard output: %s\n", program,
		        strerror(errno));
		return 2;
	}
	return errors ? 2 : to_fix ? 1 : 0;
}
