#!/bin/sh
# shellcheck disable=SC2154 # the inst_* directories come from make check
# make install into a staging folder (DESTDIR) from the build tree: each
# file where configure's directories say (make check passes them in
# AM_TESTS_ENVIRONMENT as inst_*), the same as its source, nothing outside
# the prefix; the installed program runs; bash-completion finds the
# completion by the command's name; make uninstall leaves no file and no
# folder of retl's own.  Works in make distcheck too: only the stage is
# written.
. "${top_srcdir:-.}/tests/lib.sh"

if [ -z "${inst_bindir:-}" ] || [ -z "${top_builddir:-}" ]; then
	echo "1..0 # SKIP needs configure's directories: run it from make check"
	exit 0
fi
MAKE=${MAKE:-make}
STAGE="$WORK/stage"
# A make of its own: not the jobserver, the level or the command-line
# variables of the make that runs the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL GNUMAKEFLAGS
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share"

# same NAME INSTALLED SOURCE: the file is installed, identical.
same() {
	if [ ! -f "$2" ]; then
		fail "$1" "$2 is missing"
	elif cmp -s "$2" "$3"; then
		pass "$1"
	else
		fail "$1" "$2 differs from $3"
	fi
}

$MAKE -C "$top_builddir" install DESTDIR="$STAGE" >"$WORK/install.log" 2>&1
rc=$?
expect_eq "make install DESTDIR=stage: status 0" "$rc" 0
[ "$rc" -eq 0 ] || sed 's/^/# /' "$WORK/install.log" | tail -20

P="$STAGE$inst_pkgdatadir"
BIN="$STAGE$inst_bindir/retl$inst_exeext"
check "the program: bindir/retl, executable" test -x "$BIN"
expect_eq "the installed program runs: --version as the built one" \
	"$("$BIN" --version 2>&1)" "$("$RETL" --version 2>&1)"
same "man: man1/retl.1" "$STAGE$inst_mandir/man1/retl.1" "$top_srcdir/man/retl.1"
same "man: man5/feeds.conf.5" "$STAGE$inst_mandir/man5/feeds.conf.5" "$top_srcdir/man/feeds.conf.5"
same "man: man5/actors.conf.5" "$STAGE$inst_mandir/man5/actors.conf.5" "$top_srcdir/man/actors.conf.5"
same "the default feed list: pkgdatadir/feeds.conf" "$P/feeds.conf" "$top_srcdir/feeds.conf"
same "the known actors: pkgdatadir/actors.conf" "$P/actors.conf" "$top_srcdir/actors.conf"
for f in "$top_srcdir"/data/demo/*.xml; do
	n=$(basename "$f")
	same "the demo corpus: pkgdatadir/demo/$n" "$P/demo/$n" "$f"
done
expect_eq "the demo corpus: nothing else in pkgdatadir/demo" \
	"$(cd "$P/demo" && find . -type f | sort | sed 's|^\./||' | tr '\n' ' ')" \
	"$(cd "$top_srcdir/data/demo" && for f in *.xml; do printf '%s ' "$f"; done)"

if [ "${inst_use_nls:-no}" = yes ]; then
	for lang in $(grep -v '^#' "$top_srcdir/po/LINGUAS"); do
		mo="$STAGE$inst_localedir/$lang/LC_MESSAGES/retl.mo"
		same "translation: $lang/LC_MESSAGES/retl.mo" "$mo" "$top_srcdir/po/$lang.gmo"
		if command -v msgunfmt >/dev/null 2>&1; then
			expect_eq "translation $lang: a valid catalogue with messages" \
				"$(msgunfmt "$mo" 2>/dev/null | grep -c '^msgid ' | awk '$1 > 10 { print "yes" }')" yes
		fi
	done
else
	pass "# SKIP translations: configured with --disable-nls"
fi

if [ -n "${inst_bashcompletiondir:-}" ]; then
	same "the bash completion: bashcompletiondir/retl" "$STAGE$inst_bashcompletiondir/retl" \
		"$top_srcdir/completion/retl.bash"
	BC=/usr/share/bash-completion/bash_completion
	if [ "$inst_bashcompletiondir" = "$inst_datadir/bash-completion/completions" ] && [ -r "$BC" ] &&
		command -v bash >/dev/null 2>&1; then
		# bash-completion looks in DIR/bash-completion/completions for
		# each DIR of XDG_DATA_DIRS: the prefix's datadir, once installed.
		got=$(XDG_DATA_DIRS="$STAGE$inst_datadir" BASH_COMPLETION_USER_DIR="$WORK/none" \
			bash --norc --noprofile -c '. "$1"; __load_completion retl && complete -p retl' sh "$BC" 2>&1)
		expect_eq "bash-completion loads it for retl from the prefix" "$got" "complete -F _retl retl"
	else
		pass "# SKIP loading by bash-completion: not installed, or a custom completion directory"
	fi
else
	pass "# SKIP the bash completion: configured with --without-bash-completion-dir"
fi

find "$STAGE" -type f -o -type l | sort >"$WORK/installed"
grep -v -e "^$STAGE$inst_bindir/" -e "^$STAGE$inst_mandir/" -e "^$STAGE$inst_pkgdatadir/" \
	-e "^$STAGE$inst_localedir/" ${inst_bashcompletiondir:+-e "^$STAGE$inst_bashcompletiondir/"} \
	"$WORK/installed" >"$WORK/stray"
expect_eq "every installed file is in one of configure's directories" "$(head -5 "$WORK/stray")" ""
printf '# %s\n' "$(wc -l <"$WORK/installed" | tr -d ' ') files installed"

# ---- make uninstall ----
$MAKE -C "$top_builddir" uninstall DESTDIR="$STAGE" >"$WORK/uninstall.log" 2>&1
rc=$?
expect_eq "make uninstall DESTDIR=stage: status 0" "$rc" 0
[ "$rc" -eq 0 ] || sed 's/^/# /' "$WORK/uninstall.log" | tail -20
expect_eq "make uninstall: no file is left" "$(find "$STAGE" -type f -o -type l | head -5)" ""
check "make uninstall: no pkgdatadir folder is left" test ! -e "$P"

done_testing
