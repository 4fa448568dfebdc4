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
