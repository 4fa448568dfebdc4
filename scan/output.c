/* SPDX-License-Identifier: MIT */
/*
 * output.c - pyoldbuf-scan's findings, errors and advice
 *
 * A finding is a line, "file:line: name kind" (a built module has no
 * line: "file: name kind"), with the file name's control characters
 * escaped as \ooo, so that no name can forge a line; with -Z the ':'
 * after the name is a NUL and the name is printed as it is.  With --json
 * the findings are an array of objects, whose strings are valid JSON for
 * any name: a byte that is not part of valid UTF-8 is written \udcXX
 * (XX the byte), as Python's surrogateescape decodes it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

const char *program = "pyoldbuf-scan";
/* What scan.h shares between the parts (main.c sets the options). */
struct options options;
int found, covered_file, covered_trees;
static int errors, findings, to_fix;
/* -l: the file whose name was printed last. */
static char *listed;

void
warn_file(const char *file, const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", program, file, what);
	errors = 1;
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t
utf8_length(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned long c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* No overlong form, surrogate, or code point past U+10FFFF. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000)
	    || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return len;
}

/* The n bytes at s as a JSON string, on out. */
static void
json_string(FILE *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + n;

	putc('"', out);
	while (p < end) {
		size_t len = utf8_length(p, (size_t)(end - p));

		if (len == 0)
			fprintf(out, "\\udc%02x", *p++);
		else if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p++);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p++);
		else {
			fwrite(p, 1, len, out);
			p += len;
		}
	}
	putc('"', out);
}

/* A file name in a finding line: control characters as \ooo, or raw. */
static void
print_name(const char *file)
{
	const unsigned char *p;

	if (options.null) {
		fputs(file, stdout);
		return;
	}
	for (p = (const unsigned char *)file; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			printf("\\%03o", *p);
		else
			putchar(*p);
	}
}

void
report(const char *file, long line, const char *name, const char *kind)
{
	findings++;
	if (options.quiet)
		return;
	if (options.json) {
		printf("%s\n  {\"file\": ", findings > 1 ? "," : "");
		json_string(stdout, file, strlen(file));
		if (line > 0)
			printf(", \"line\": %ld", line);
		else
			printf(", \"line\": null");
		printf(", \"name\": \"%s\", \"kind\": \"%s\"}", name, kind);
		return;
	}
	if (options.list) {
		if (listed != NULL && strcmp(listed, file) == 0)
			return;
		free(listed);
		listed = strdup(file);
		print_name(file);
		putchar(options.null ? '\0' : '\n');
		return;
	}
	print_name(file);
	putchar(options.null ? '\0' : ':');
	if (line > 0)
		printf("%ld: %s %s\n", line, name, kind);
	else
		printf(" %s %s\n", name, kind);
}

void
source_use(const char *kind)
{
	if (covered_file || covered_trees > 0)
		found |= FOUND_COVERED;
	else if (strcmp(kind, "declaration") != 0
	         && strcmp(kind, "definition") != 0) {
		found |= FOUND_SOURCE;
		to_fix++;
	}
}

void
module_import(const char *kind)
{
	if (strcmp(kind, "abi-only-import") == 0) {
		found |= FOUND_ABI_ONLY;
		to_fix++;
	} else if (strcmp(kind, "unlinked-pyoldbuf-import") == 0) {
		found |= FOUND_UNLINKED;
		to_fix++;
	} else {
		found |= FOUND_LIBRARY;
	}
}

/* --advice: the rebuild that fits what was found, on out. */
static void
print_advice(FILE *out)
{
	if (found & FOUND_COVERED)
		fputs("\nThe sources' uses have a fix in place (they include "
		      "oldbuffer.h, or\ndebian/rules includes buildflags.mk).\n",
		      out);
	if (found & FOUND_LIBRARY)
		fputs("\nA module takes the functions from libpyoldbuf: its "
		      "package needs libpyoldbuf0,\nwhich dpkg-shlibdeps adds.\n",
		      out);
	if (found & FOUND_UNLINKED)
		fputs("\nA module imports pyoldbuf_ names but does not need "
		      "libpyoldbuf.so.0: it was\ncompiled with -include "
		      "oldbuffer.h and linked without the library, and fails\n"
		      "to import (\"undefined symbol: pyoldbuf_...\").  Link it "
		      "with the zero-patch link\nflags below (GCC's specs file; "
		      "clang ignores it), or with\n$(pkg-config --libs "
		      "oldbuffer) after its objects.\n", out);
	if (found & FOUND_SWIG)
		fputs("\nSWIG generates legacy calls from pybuffer.i's %pybuffer_* "
		      "macros (swig-pybuffer):\nSWIG 3.0 always, 4.0 and 4.1 "
		      "never, 4.2 and 4.3 under Py_LIMITED_API, 4.4 and\n"
		      "later never; swig -version says which one builds the "
		      "package.  They need a\nfix for certain where the "
		      "interface defines Py_LIMITED_API.\n", out);
	if (!(found & (FOUND_SOURCE | FOUND_ABI_ONLY | FOUND_UNLINKED))) {
		fputs(found & ~FOUND_LIMITED ? "Nothing to rebuild.\n"
		      : "\nNo legacy buffer call here: nothing to do.\n", out);
		return;
	}
	fputs("\n", out);
	if ((found & FOUND_ABI_ONLY) && (found & FOUND_NEW_PYTHON))
		fputs("A module built for Python 3.13 or later imports a legacy "
		      "name: it was compiled\nwithout a declaration (a "
		      "compiler that only warns, or -w) and binds\n"
		      "libpython's ABI-only copy, unchecked.  With gcc 14 its "
		      "source stops\nbuilding.  Rebuild it as below.\n\n", out);
	if ((found & FOUND_ABI_ONLY) && (found & FOUND_OLD_PYTHON))
		fputs("A module built for Python 3.12 or earlier imports a "
		      "legacy name from libpython,\nwhose headers still "
		      "declared it: it works there.  Rebuilt for 3.13 or "
		      "later,\nits source no longer compiles as it is: "
		      "rebuild it as below then.\n\n", out);
	fputs("Rebuild with libpyoldbuf, no source change (the zero-patch "
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
	      "and no link flags.\n", out);
	if (found & FOUND_LIMITED)
		fputs("Under Py_LIMITED_API, header-only needs 3.11 or later "
		      "(0x030B0000), given\non the command line "
		      "(-DPy_LIMITED_API=...), not in the source.\n", out);
	fputs("\nTo port the source for good, to PyObject_GetBuffer(): "
	      "pyoldbuf-porting(3).\n", out);
}

/* Before the first finding. */
void
output_begin(void)
{
	if (options.quiet)
		return;
	if (options.json && options.advice)
		fputs("{\"findings\": [", stdout);
	else if (options.json)
		putchar('[');
}

/*
 * After the last one: the end of the JSON, the advice; the exit status,
 * as a linter's: 2 on an error, 1 when something needs fixing, else 0.
 */
int
output_end(void)
{
	if (!options.quiet && options.json) {
		printf("%s]", findings ? "\n" : "");
		if (options.advice) {
			char *text = NULL;
			size_t size = 0;
			FILE *advice = open_memstream(&text, &size);

			if (advice == NULL) {
				warn_file("--advice", strerror(errno));
			} else {
				print_advice(advice);
				fclose(advice);
				fputs(",\n \"advice\": ", stdout);
				json_string(stdout, text, size);
				putchar('}');
				free(text);
			}
		}
		putchar('\n');
	} else if (!options.quiet && options.advice) {
		print_advice(stdout);
	}
	if (fflush(stdout) != 0) {
		warn_file("standard output", strerror(errno));
		return 2;
	}
	return errors ? 2 : to_fix ? 1 : 0;
}
