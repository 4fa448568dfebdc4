/* SPDX-License-Identifier: MIT */
/*
 * scan.h - what the parts of pyoldbuf-scan share: the names it looks for,
 * its options, the tally of what it found, and each part's entry points.
 *
 *   lexer.c   C, C++, Cython and SWIG sources
 *   elf.c     built modules, read as the dynamic loader reads them
 *   walk.c    paths: files, streams and directory trees
 *   output.c  findings as lines or JSON, errors, --advice
 *   main.c    the command line
 */
#ifndef PYOLDBUF_SCAN_H
#define PYOLDBUF_SCAN_H

#include <stddef.h>
#include <stdio.h>

#define LEGACY_COUNT 4
extern const char *const legacy_names[LEGACY_COUNT];
extern const char *const library_names[LEGACY_COUNT];

/* The index of the n characters at name among names, or -1. */
int lookup(const char *const *names, const char *name, size_t n);

/* The command line's choices. */
struct options {
	int json;             /* --json */
	int advice;           /* --advice */
	int quiet;            /* -q: the exit status only */
	int list;             /* -l: the names of the files with findings */
	int null;             /* -Z: a NUL after each file name */
	int hidden;           /* --hidden: walk hidden directories too */
	char **exclude;       /* --exclude=GLOB, on base names */
	size_t excludes;
};
extern struct options options;

/* What was found, for the exit status and --advice. */
enum {
	FOUND_SOURCE = 1,         /* a use in a source, to fix */
	FOUND_ABI_ONLY = 2,       /* a module bound to libpython's copy */
	FOUND_LIBRARY = 4,        /* a module using libpyoldbuf */
	FOUND_LIMITED = 8,        /* a source under Py_LIMITED_API */
	FOUND_COVERED = 16,       /* a use in a source with a fix in place */
	FOUND_UNLINKED = 32,      /* pyoldbuf_ imports, no libpyoldbuf NEEDED */
	FOUND_OLD_PYTHON = 64,    /* an abi-only module built for <= 3.12 */
	FOUND_NEW_PYTHON = 128,   /* one built for >= 3.13, or unknown */
	FOUND_SWIG = 256,         /* pybuffer.i's macros */
};
extern int found;
/*
 * Whether the uses in the source being scanned have a fix in place: it
 * includes oldbuffer.h, or the walk is inside a tree whose debian/rules
 * includes buildflags.mk (a count of such trees).
 */
extern int covered_file, covered_trees;

/* output.c */
extern const char *program;
void warn_file(const char *file, const char *what);
void report(const char *file, long line, const char *name, const char *kind);
void source_use(const char *kind);
void module_import(const char *kind);
void output_begin(void);
int output_end(void);

/* lexer.c */
enum language { C_LIKE, CYTHON, SWIG };
int language_of(const char *name);
void scan_source(const char *file, const char *text, size_t size,
                 enum language lang);
int includes_oldbuffer(const char *text, size_t size);

/* elf.c */
int is_elf(const char *image, size_t size);
void scan_elf(const char *file, char *image, size_t size);

/* walk.c */
void scan_named(const char *path);
void scan_current_directory(void);

#endif /* PYOLDBUF_SCAN_H */
