#!/bin/sh
# Translations: every message of the sources is in po/zh_CN.po and
# po/de.po, translated, none fuzzy; with the locale generated here
# (localedef, into the test's own folder) retl speaks Chinese and German:
# --help, the summaries' headings, the user interface (tmux).
. "${top_srcdir:-.}/tests/lib.sh"

PO="$top_srcdir/po"
LANGS="zh_CN de"

for tool in msgfmt msgcmp xgettext localedef; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool not installed"
		exit 0
	fi
done

# ---- the catalogues ---------------------------------------------------------
# A fresh template from the sources, as make update-po would make it.
(cd "$top_srcdir" && xgettext --default-domain=retl --from-code=UTF-8 --add-comments=TRANSLATORS: \
	--keyword=_ --keyword=N_ --keyword=ngettext:1,2 --files-from=po/POTFILES.in \
	-o "$WORK/retl.pot" 2>"$WORK/xgettext.err")
check "xgettext reads every source listed in po/POTFILES.in" test -s "$WORK/retl.pot"
missing=
for f in $(cd "$top_srcdir" && grep -l '_("\|N_("\|ngettext(' src/*.c src/*/*.c); do
	grep -qx "$f" "$PO/POTFILES.in" || missing="$missing $f"
done
expect_eq "every source with a message is in po/POTFILES.in" "$missing" ""
for lang in $LANGS; do
	check "$lang: po/$lang.po exists and is listed in po/LINGUAS" \
		sh -c "test -f '$PO/$lang.po' && grep -qw '$lang' '$PO/LINGUAS'"
	msgfmt -c --statistics -o "$WORK/$lang.mo" "$PO/$lang.po" 2>"$WORK/$lang.stats"
	expect_eq "$lang: msgfmt -c accepts it (formats match their msgid)" "$?" 0
	expect_eq "$lang: no fuzzy or untranslated message" \
		"$(grep -c 'fuzzy\|untranslated' "$WORK/$lang.stats")" 0
	msgcmp "$PO/$lang.po" "$WORK/retl.pot" >"$WORK/$lang.cmp" 2>&1
	expect_eq "$lang: every message of the sources is in it (msgcmp)" "$?" 0
	[ -s "$WORK/$lang.cmp" ] && sed 's/^/# /' "$WORK/$lang.cmp" | head -5
	mkdir -p "$WORK/mo/$lang/LC_MESSAGES"
	cp "$WORK/$lang.mo" "$WORK/mo/$lang/LC_MESSAGES/retl.mo"
done

# glibc's setlocale keeps its LOCPATH list (42 bytes) past exit, which
# LeakSanitizer reports in a --enable-sanitizers build: not retl's leak.
NO_LEAKS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0

# ---- the locales ------------------------------------------------------------
mkdir -p "$WORK/loc"
localedef -i zh_CN -f UTF-8 "$WORK/loc/zh_CN.UTF-8" 2>/dev/null
localedef -i de_DE -f UTF-8 "$WORK/loc/de_DE.UTF-8" 2>/dev/null
check "the zh_CN.UTF-8 and de_DE.UTF-8 locales are generated for the test" \
	test -d "$WORK/loc/zh_CN.UTF-8" -a -d "$WORK/loc/de_DE.UTF-8"

# in LANG CMD...: runs CMD in that language, the catalogue from $WORK/mo.
in_lang() {
	lang=$1
	shift
	case $lang in
	zh_CN) loc=zh_CN.UTF-8 ;;
	de) loc=de_DE.UTF-8 ;;
	esac
	env LOCPATH="$WORK/loc" LC_ALL="$loc" LANGUAGE="$lang" TEXTDOMAINDIR="$WORK/mo" \
		ASAN_OPTIONS="$NO_LEAKS" "$@"
}
# tr_of LANG MSGID: the translation of a one-line message.
tr_of() {
	in_lang "$1" gettext -d retl -s -- "$2"
}
# has_cjk FILE: how many lines hold a Chinese character.
cjk_lines() {
	python3 -c "import sys,re; print(sum(1 for l in open(sys.argv[1], encoding='utf-8') if re.search('[\u4e00-\u9fff]', l)))" "$1"
}

# ---- --help -----------------------------------------------------------------
in_lang zh_CN "$RETL" --help >"$WORK/help.zh" 2>&1
expect_eq "LANGUAGE=zh_CN: --help exits 0" "$?" 0
expect_in "... its first line is the Chinese one" "$WORK/help.zh" "$(tr_of zh_CN 'Usage: %s [OPTION]...
' | sed 's/%s/retl/')"
expect_eq "... Chinese on most of its lines" "$(test "$(cjk_lines "$WORK/help.zh")" -ge 15 && echo yes)" yes
expect_eq "... still on one screen" "$(test "$(wc -l <"$WORK/help.zh")" -le 23 && echo yes)" yes
check "... of at most 80 columns (a Chinese character takes two)" python3 - "$WORK/help.zh" <<'PY'
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n"))
    assert w <= 80, (w, line)
PY
in_lang de "$RETL" --help >"$WORK/help.de" 2>&1
expect_in "LANGUAGE=de: --help is German" "$WORK/help.de" "$(tr_of de 'Follow trade policy in a terminal: who did what, when, and who said what.
')"
check "... on one screen too" test "$(wc -l <"$WORK/help.de")" -le 23
check "... of at most 80 columns (characters, not bytes)" python3 - "$WORK/help.de" <<'PY'
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    assert len(line.rstrip("\n")) <= 80, line
PY

# ---- summaries --------------------------------------------------------------
export RETL_ACTORS="$top_srcdir/actors.conf"
DEMO=$(cd "$top_srcdir/data/demo" && pwd)
for f in "$DEMO"/0*.xml; do echo "file://$f"; done >"$WORK/feeds.conf"
"$RETL" --refresh -q --config "$WORK/feeds.conf" --db "$WORK/s.db"
in_lang zh_CN "$RETL" --db "$WORK/s.db" --since 2025-10 --until 2025-10 >"$WORK/sum.zh" 2>&1
expect_in "zh_CN: the summary's title is Chinese" "$WORK/sum.zh" \
	"$(tr_of zh_CN 'Trade-policy summary, %s' | sed 's/%s.*//')"
expect_in "... and so is its heading of actors" "$WORK/sum.zh" "$(tr_of zh_CN 'Actors by events: ')"
expect_in "... and of quotes" "$WORK/sum.zh" "$(tr_of zh_CN 'Quotes:')"
expect_in "... and the month names" "$WORK/sum.zh" "$(tr_of zh_CN 'October')"
in_lang zh_CN "$RETL" --db "$WORK/s.db" --since 2025-10 --until 2025-10 --format markdown >"$WORK/sum.md" 2>&1
expect_in "zh_CN: the Markdown summary's headings are Chinese" "$WORK/sum.md" "## $(tr_of zh_CN 'Actors by events')"
in_lang de "$RETL" --db "$WORK/s.db" --since 2025-10 --until 2025-10 >"$WORK/sum.de" 2>&1
expect_in "de: the summary's title is German" "$WORK/sum.de" \
	"$(tr_of de 'Trade-policy summary, %s' | sed 's/%s.*//')"
in_lang zh_CN "$RETL" --db "$WORK/s.db" --since 1990 --until 1990 >"$WORK/none.zh" 2>&1
check "zh_CN: an error message is Chinese too" test "$(cjk_lines "$WORK/none.zh")" -ge 1

# ---- the user interface -----------------------------------------------------
if command -v tmux >/dev/null 2>&1; then
	SOCK="$WORK/tmux.sock"
	trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
	tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
		"env LOCPATH='$WORK/loc' LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN TEXTDOMAINDIR='$WORK/mo' ASAN_OPTIONS='$NO_LEAKS' \
		TERM=xterm-256color XDG_CONFIG_HOME='$WORK/cfg' '$RETL' --db '$WORK/s.db'; \
		echo \"EXIT=\$?\"; sleep 30"
	sleep 1
	wait_for "$(tr_of zh_CN '? help  q quit')"
	expect_eq "zh_CN: the UI's status line is Chinese" "$?" 0
	screen >"$WORK/ui.zh"
	expect_eq "... and its title" "$(head -1 "$WORK/ui.zh" | python3 -c "import sys,re; print(bool(re.search('[\u4e00-\u9fff]', sys.stdin.read())))")" True
	keys '?'
	screen >"$WORK/uihelp.zh"
	check "... the help lists the keys in Chinese" test "$(cjk_lines "$WORK/uihelp.zh")" -ge 10
	keys q q
	wait_for "EXIT=0"
	expect_eq "... and quits with 0" "$?" 0
	tmux -S "$SOCK" kill-server 2>/dev/null
	# a server on a socket of its own: reusing the one just killed races
	SOCK="$WORK/tmux2.sock"
	mkdir -p "$WORK/fresh"
	tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
		"env -u RETL_CONFIG LOCPATH='$WORK/loc' LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN ASAN_OPTIONS='$NO_LEAKS' \
		TEXTDOMAINDIR='$WORK/mo' TERM=xterm-256color HOME='$WORK/fresh' \
		XDG_CONFIG_HOME='$WORK/fresh/cfg' '$RETL' --db '$WORK/empty.db'; \
		echo \"EXIT=\$?\"; sleep 30"
	sleep 1
	wait_for "$(tr_of zh_CN 'Welcome to retl. The timeline is empty: nothing has been fetched yet.')"
	screen >"$WORK/welcome.zh"
	check "zh_CN: the first-run screen is Chinese" test "$(cjk_lines "$WORK/welcome.zh")" -ge 5
	keys q
else
	printf 'ok %d - # SKIP tmux not installed\n' "$((TAP_N += 1))"
fi

done_testing
