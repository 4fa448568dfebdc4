# SPDX-License-Identifier: MIT
#
# PYOLDBUF_CFLAGS_PROBE(VARIABLE, FLAGS)
# --------------------------------------
# Append to VARIABLE each of FLAGS that $CC accepts without a warning.
AC_DEFUN([PYOLDBUF_CFLAGS_PROBE], [
for pyoldbuf_flag in $2; do
	AS_VAR_PUSHDEF([pyoldbuf_cache], [pyoldbuf_cv_cflag_$pyoldbuf_flag])
	AC_CACHE_CHECK([whether $CC accepts $pyoldbuf_flag], [pyoldbuf_cache], [
		pyoldbuf_save_CFLAGS=$CFLAGS
		CFLAGS="$CFLAGS -Werror $pyoldbuf_flag"
		AC_COMPILE_IFELSE([AC_LANG_PROGRAM()],
		                  [AS_VAR_SET([pyoldbuf_cache], [yes])],
		                  [AS_VAR_SET([pyoldbuf_cache], [no])])
		CFLAGS=$pyoldbuf_save_CFLAGS])
	AS_VAR_IF([pyoldbuf_cache], [yes], [$1="$$1 $pyoldbuf_flag"])
	AS_VAR_POPDEF([pyoldbuf_cache])
done
AC_SUBST([$1])
])

# PYOLDBUF_LD_VERSION_SCRIPT
# --------------------------
# Set pyoldbuf_cv_ld_version_script to yes when the linker takes
# -Wl,--version-script.
AC_DEFUN([PYOLDBUF_LD_VERSION_SCRIPT], [
AC_CACHE_CHECK([whether the linker accepts --version-script],
               [pyoldbuf_cv_ld_version_script], [
	printf 'CONFTEST_1.0 {\n global: *;\n};\n' > conftest.map
	pyoldbuf_save_LDFLAGS=$LDFLAGS
	LDFLAGS="$LDFLAGS -Wl,--version-script=conftest.map"
	AC_LINK_IFELSE([AC_LANG_PROGRAM()],
	               [pyoldbuf_cv_ld_version_script=yes],
	               [pyoldbuf_cv_ld_version_script=no])
	LDFLAGS=$pyoldbuf_save_LDFLAGS
	rm -f conftest.map])
])

# PYOLDBUF_ZERO_PATCH_DIRS
# ------------------------
# The directory flags of the zero-patch flags (oldbuffer.pc,
# share/oldbuffer.specs): ZERO_PATCH_INCLUDEDIR is "-I<includedir> " and
# ZERO_PATCH_LIBDIR "-L<libdir> ", each empty where $CC searches that
# directory already (/usr/include, /usr/lib/<triplet>): a system
# directory in CFLAGS or LDFLAGS would come before a package's own.
AC_DEFUN([PYOLDBUF_ZERO_PATCH_DIRS], [
pyoldbuf_save_prefix=$prefix pyoldbuf_save_exec_prefix=$exec_prefix
test "x$prefix" = xNONE && prefix=$ac_default_prefix
test "x$exec_prefix" = xNONE && exec_prefix=$prefix
# libdir is ${exec_prefix}/lib, includedir ${prefix}/include: two rounds.
eval pyoldbuf_libdir=\"$libdir\" pyoldbuf_includedir=\"$includedir\"
eval pyoldbuf_libdir=\"$pyoldbuf_libdir\" pyoldbuf_includedir=\"$pyoldbuf_includedir\"
prefix=$pyoldbuf_save_prefix exec_prefix=$pyoldbuf_save_exec_prefix
# pyoldbuf_searched DIR LIST: DIR is one of the directories of LIST
# (one a line), once each is resolved.
pyoldbuf_searched() {
	pyoldbuf_dir=`cd "$[1]" 2>/dev/null && pwd -P` || return 1
	echo "$[2]" | while read -r pyoldbuf_d; do
		test -n "$pyoldbuf_d" || continue
		test "`cd "$pyoldbuf_d" 2>/dev/null && pwd -P`" = "$pyoldbuf_dir" && echo yes
	done | grep -q yes
}
AC_MSG_CHECKING([whether $CC searches $pyoldbuf_includedir])
AS_IF([pyoldbuf_searched "$pyoldbuf_includedir" \
         "`echo | $CC -E -v - 2>&1 >/dev/null | sed -n '/^ \//s/^ //p'`"],
      [AC_MSG_RESULT([yes]); ZERO_PATCH_INCLUDEDIR=],
      [AC_MSG_RESULT([no]); ZERO_PATCH_INCLUDEDIR='-I${includedir} '])
AC_MSG_CHECKING([whether $CC searches $pyoldbuf_libdir])
AS_IF([pyoldbuf_searched "$pyoldbuf_libdir" \
         "`$CC -print-search-dirs | sed -n 's/^libraries: =//p' | tr : '\n'`"],
      [AC_MSG_RESULT([yes]); ZERO_PATCH_LIBDIR=],
      [AC_MSG_RESULT([no]); ZERO_PATCH_LIBDIR="-L$pyoldbuf_libdir "])
AC_SUBST([ZERO_PATCH_INCLUDEDIR])
AC_SUBST([ZERO_PATCH_LIBDIR])
])
