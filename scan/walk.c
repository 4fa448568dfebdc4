/* SPDX-License-Identifier: MIT */
/*
 * walk.c - pyoldbuf-scan's paths
 *
 * A path named on the command line is read whatever it is: a directory
 * is walked; a regular file, a FIFO, a pipe (/dev/stdin, <(...)) or a
 * device is read to its end ("-" is standard input); an ELF file by its
 * magic number is a module, any other by its name a source, and a stream
 * whose name says no language a C source.  A named regular file that is
 * neither is an error: never a silent skip.
 *
 * A walk (fts, which goes into each directory, so depth has no limit)
 * opens only what can be a candidate: sources by their name, and modules
 * (*.so, *.so.N).  It opens them with O_NOFOLLOW and O_NONBLOCK and reads
 * them only if fstat() still says regular file, so a file swapped for a
 * link or a FIFO meanwhile is passed over; symbolic links are not
 * followed.  Hidden directories (.git, .pc, .pybuild, .tox, .venv...) and
 * __pycache__ are not walked unless --hidden; --exclude=GLOB leaves out
 * the files and directories whose base name matches.
 */
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <fts.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan.h"

/* All of fd, NUL-terminated; NULL on error (reported). */
static char *
slurp(const char *path, int fd, size_t *size)
{
	size_t done = 0, room = 8192;
	char *text = malloc(room + 1);

	if (text == NULL) {
		warn_file(path, "out of memory");
		return NULL;
	}
	for (;;) {
		ssize_t n;

		if (done == room) {
			char *more = room > ((size_t)-1 - 1) / 2 ? NULL
				: realloc(text, room * 2 + 1);

			if (more == NULL) {
				warn_file(path, "out of memory");
				free(text);
				return NULL;
			}
			text = more;
			room *= 2;
		}
		n = read(fd, text + done, room - done);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn_file(path, strerror(errno));
			free(text);
			return NULL;
		}
		done += (size_t)n;
	}
	text[done] = '\0';
	*size = done;
	return text;
}

/*
 * The contents of a file: a module, or a source of lang (-1: none known).
 * named: a path from the command line, where a regular file that is
 * neither is an error; stream: not a regular file.
 */
static void
scan_contents(const char *path, char *text, size_t size, int lang,
              int named, int stream)
{
	if (is_elf(text, size)) {
		scan_elf(path, text, size);
		return;
	}
	if (lang < 0 && stream)
		lang = C_LIKE;
	if (lang < 0) {
		if (named)
			warn_file(path, "neither a C, C++, Cython or SWIG "
			          "source nor an ELF file");
		return;
	}
	covered_file = includes_oldbuffer(text, size);
	scan_source(path, text, size, (enum language)lang);
	if (memmem(text, size, "Py_LIMITED_API", 14) != NULL)
		found |= FOUND_LIMITED;
	covered_file = 0;
}

/* Whether a base name is left out by --exclude. */
static int
excluded(const char *name)
{
	size_t i;

	for (i = 0; i < options.excludes; i++)
		if (fnmatch(options.exclude[i], name, 0) == 0)
			return 1;
	return 0;
}

/* Whether a walk opens a file of this name: a source or a module. */
static int
candidate(const char *name)
{
	size_t n = strlen(name);

	return language_of(name) >= 0
		|| (n > 3 && strcmp(name + n - 3, ".so") == 0)
		|| strstr(name, ".so.") != NULL;
}

/*
 * Whether accpath (a directory, from the walk's current directory) is a
 * Debian source tree whose debian/rules includes buildflags.mk: the
 * zero-patch fix is in place for all of it.
 */
static int
rules_include_buildflags(const char *accpath)
{
	size_t len = strlen(accpath) + sizeof("/debian/rules");
	char *rules = malloc(len);
	char *text = NULL;
	size_t size;
	int fd, yes = 0;
	struct stat st;

	if (rules == NULL)
		return 0;
	snprintf(rules, len, "%s/debian/rules", accpath);
	fd = open(rules, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
	    && (text = slurp(rules, fd, &size)) != NULL)
		yes = memmem(text, size, "/usr/share/libpyoldbuf/buildflags.mk",
		             36) != NULL;
	free(text);
	free(rules);
	if (fd >= 0)
		close(fd);
	return yes;
}

/* A candidate of a walk: read only if it is still a regular file. */
static void
scan_walked(const char *path, const char *accpath, const char *name)
{
	int fd = open(accpath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
	              | O_NOCTTY);
	struct stat st;
	char *text;
	size_t size;

	if (fd < 0) {
		if (errno != ELOOP)
			warn_file(path, strerror(errno));
		return;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
	    && (text = slurp(path, fd, &size)) != NULL) {
		scan_contents(path, text, size, language_of(name), 0, 0);
		free(text);
	}
	close(fd);
}

/* Directory entries in byte order of their names, so runs agree. */
static int
by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

/*
 * Walk the directory root; implicit: the current directory, given by no
 * path, whose entries are named without "./", as grep -r names them.
 */
static void
walk(const char *root, int implicit)
{
	char *roots[2];
	FTS *fts;
	FTSENT *e;

	roots[0] = (char *)root;
	roots[1] = NULL;
	fts = fts_open(roots, FTS_PHYSICAL, by_name);
	if (fts == NULL) {
		warn_file(root, strerror(errno));
		return;
	}
	for (;;) {
		const char *path;

		errno = 0;
		e = fts_read(fts);
		if (e == NULL)
			break;
		path = e->fts_path;
		if (implicit && strncmp(path, "./", 2) == 0)
			path += 2;
		switch (e->fts_info) {
		case FTS_D:
			if (e->fts_level > 0
			    && ((!options.hidden && (e->fts_name[0] == '.'
			                             || strcmp(e->fts_name, "__pycache__") == 0))
			        || excluded(e->fts_name))) {
				fts_set(fts, e, FTS_SKIP);
				break;
			}
			e->fts_number = rules_include_buildflags(e->fts_accpath);
			covered_trees += (int)e->fts_number;
			break;
		case FTS_DP:
			covered_trees -= (int)e->fts_number;
			break;
		case FTS_F:
			if (candidate(e->fts_name) && !excluded(e->fts_name))
				scan_walked(path, e->fts_accpath, e->fts_name);
			break;
		case FTS_DNR:
		case FTS_ERR:
		case FTS_NS:
			warn_file(path, strerror(e->fts_errno));
			break;
		default:
			break;
		}
	}
	if (errno != 0)
		warn_file(root, strerror(errno));
	fts_close(fts);
}

void
scan_named(const char *path)
{
	const char *base = strrchr(path, '/');
	int fd;
	struct stat st;
	char *text;
	size_t size;

	base = base != NULL ? base + 1 : path;
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = "(standard input)";
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			warn_file(path, strerror(errno));
			return;
		}
	}
	if (fstat(fd, &st) != 0) {
		warn_file(path, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		walk(path, 0);
	} else if ((text = slurp(path, fd, &size)) != NULL) {
		scan_contents(path, text, size, fd == STDIN_FILENO ? -1
		              : language_of(base), 1,
		              fd == STDIN_FILENO || !S_ISREG(st.st_mode));
		free(text);
	}
	if (fd != STDIN_FILENO)
		close(fd);
}

void
scan_current_directory(void)
{
	walk(".", 1);
}
