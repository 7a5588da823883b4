#!/bin/sh
# The man pages are clean and complete: groff and mandoc's linters say
# nothing about them, and retl(1) documents every option of src/main.c,
# every key of the user interface's table (src/present/ui.c) and every
# environment variable the program reads with getenv().
. "${top_srcdir:-.}/tests/lib.sh"

MAN="$top_srcdir/man"
RETL1="$MAN/retl.1"

# skip NAME REASON
skip() {
	TAP_N=$((TAP_N + 1))
	printf 'ok %d - %s # SKIP %s\n' "$TAP_N" "$1" "$2"
}

# expect_quiet NAME STATUS OUTPUT: a linter that exited 0 and said nothing.
expect_quiet() {
	if [ "$2" -eq 0 ] && [ -z "$3" ]; then
		pass "$1"
	else
		fail "$1" "status $2" "$3"
	fi
}

# section HEADING < PAGE: the lines of ".SH HEADING", up to the next .SH.
section() {
	awk -v h=".SH $1" '/^\.SH / { on = ($0 == h); next } on'
}

# subsection HEADING < PAGE: the lines of ".SS HEADING", up to the next
# .SS or .SH.
subsection() {
	awk -v h=".SS $1" '/^\.S[HS] / { on = ($0 == h); next } on'
}

# words < TEXT: the words, one a line; commas and blanks separate them.
words() {
	awk '{ n = split($0, w, /[ ,\t]+/); for (i = 1; i <= n; i++) if (w[i] != "") print w[i] }'
}

# tag_words < ROFF: the words of the tags of .TP items (the line after
# each .TP), one a line, as they read on the page: the macro, argument
# quotes and font escapes dropped, \- and \(dq made - and ", commas and
# blanks separating words.
tag_words() {
	awk 'prev == ".TP" { print } { prev = $0 }' |
		sed -e 's/^\.[A-Z][A-Z]* *//' -e 's/"//g' -e 's/\\f[BIRP]//g' \
			-e 's/\\-/-/g' -e 's/\\(dq/"/g' -e 's/\\(en/-/g' -e 's/\\&//g' \
			-e 's/\\e/\\/g' |
		words
}

# ---- the linters ---------------------------------------------------------

for tool in groff mandoc; do
	if grep -Eqx "$tool(-base)?" "$top_srcdir/.ci/packages"; then
		pass ".ci/packages installs $tool"
	else
		fail ".ci/packages installs $tool" "no line '$tool' in .ci/packages"
	fi
done

for page in retl.1 feeds.conf.5 actors.conf.5; do
	if command -v groff >/dev/null 2>&1; then
		out=$(groff -man -ww -z "$MAN/$page" 2>&1)
		expect_quiet "groff -man -ww -z man/$page: no warning" $? "$out"
	else
		skip "groff -man -ww -z man/$page: no warning" "groff is not installed"
	fi
	if command -v mandoc >/dev/null 2>&1; then
		out=$(mandoc -Tlint "$MAN/$page" 2>&1)
		expect_quiet "mandoc -Tlint man/$page: no message" $? "$out"
	else
		skip "mandoc -Tlint man/$page: no message" "mandoc is not installed"
	fi
done

# ---- every option ----------------------------------------------------------

# The tags of retl(1)'s items, but for those of EXIT STATUS, which name
# commands without documenting them.
awk '/^\.SH / { skip = ($0 == ".SH EXIT STATUS") } !skip' "$RETL1" | tag_words >"$WORK/tags"

sed -n '/longopts\[\] = {/,/^[[:space:]]*};/p' "$top_srcdir/src/main.c" |
	sed -nE 's/^[[:space:]]*\{"([a-z][a-z-]*)",.*/\1/p' >"$WORK/longopts"
n=$(wc -l <"$WORK/longopts")
check "src/main.c's longopts table reads ($n options)" test "$n" -ge 20
while read -r opt; do
	if grep -qxF -- "--$opt" "$WORK/tags"; then
		pass "retl(1) has an item for --$opt"
	else
		fail "retl(1) has an item for --$opt" "no .TP item whose tag names --$opt"
	fi
done <"$WORK/longopts"

shortopts=$(sed -nE 's/.*getopt_long\(argc, argv, "([^"]*)".*/\1/p' "$top_srcdir/src/main.c" | tr -d ':')
check "src/main.c's short options read ($shortopts)" test "${#shortopts}" -ge 5
for opt in $(printf '%s' "$shortopts" | sed 's/./& /g'); do
	if grep -qxF -- "-$opt" "$WORK/tags"; then
		pass "retl(1) has an item for -$opt"
	else
		fail "retl(1) has an item for -$opt" "no .TP item whose tag names -$opt"
	fi
done

# ---- every key ---------------------------------------------------------------

# The entries of keys[]: {KEY, "NAME", ...} or {KEY, NULL, ...} (a second
# key for the same entry of the help screen).  No KEY holds a comma.
sed -n '/^static const struct key keys\[\] = {/,/^};/p' "$top_srcdir/src/present/ui.c" >"$WORK/keys.c"
entries=$(grep -cE '^[[:space:]]*\{' "$WORK/keys.c")
nulls=$(grep -cE '^[[:space:]]*\{[^,]*, NULL,' "$WORK/keys.c")
sed -nE 's/^[[:space:]]*\{[^,]*, "(([^"\\]|\\.)*)",.*/\1/p' "$WORK/keys.c" |
	sed -e 's/\\"/"/g' -e 's/\\\\/\\/g' >"$WORK/key-names"
named=$(wc -l <"$WORK/key-names")
check "src/present/ui.c's keys[] reads ($named named entries of $entries)" \
	test "$named" -ge 20 -a "$((named + nulls))" -eq "$entries"
subsection Keys <"$RETL1" | tag_words >"$WORK/key-tags"
words <"$WORK/key-names" | sort -u >"$WORK/keys"
while read -r key; do
	if grep -qxF -- "$key" "$WORK/key-tags"; then
		pass "retl(1)'s Keys has an item for $key"
	else
		fail "retl(1)'s Keys has an item for $key" "no .TP item in Keys whose tag names $key"
	fi
done <"$WORK/keys"

# ---- every environment variable ----------------------------------------------

# getenv("X") itself, and the XDG variables that src/common/paths.c
# hands to getenv() through xdg_path("X", ...).
grep -rhoE '(getenv|xdg_path)\("[A-Za-z_][A-Za-z0-9_]*"' "$top_srcdir/src" --include='*.c' |
	sed -E 's/.*\("(.*)"/\1/' | sort -u >"$WORK/vars"
n=$(wc -l <"$WORK/vars")
check "src/ reads $n variables with getenv()" test "$n" -ge 8
check "... among them XDG_CONFIG_HOME and XDG_DATA_HOME" \
	test "$(grep -c '^XDG_' "$WORK/vars")" -eq 2
# Read for retl by its libraries: ncurses, setlocale() and gettext.
for var in TERM LANGUAGE LC_ALL LANG; do
	echo "$var"
done >>"$WORK/vars"
section ENVIRONMENT <"$RETL1" | tag_words >"$WORK/env-tags"
while read -r var; do
	if grep -qxF -- "$var" "$WORK/env-tags"; then
		pass "retl(1)'s ENVIRONMENT has an item for $var"
	else
		fail "retl(1)'s ENVIRONMENT has an item for $var" "no .TP item in ENVIRONMENT names $var"
	fi
done <"$WORK/vars"

done_testing
