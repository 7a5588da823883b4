#!/bin/sh
# The bash completion (completion/retl.bash): the real _retl function run
# by bash on set COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT, once with
# bash-completion loaded first (as installed) and once without it: options,
# formats, actor names from a real store (quoted, honouring --db and
# RETL_DB), feed names and tags from the feed list in use, files, the
# settings after --add-feed URL; silence when there is no store.
. "${top_srcdir:-.}/tests/lib.sh"

if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash not installed"
	exit 0
fi
COMPLETION=$(cd "$top_srcdir/completion" && pwd)/retl.bash
BASH_COMPLETION=${BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
export COMPLETION BASH_COMPLETION RETL
export RETL_ACTORS="${top_srcdir:-.}/actors.conf" XDG_CONFIG_HOME="$WORK/cfg" HOME="$WORK/home"
unset RETL_DB RETL_CONFIG
mkdir -p "$WORK/home"

# The store of the demo corpus, loaded through the real refresh path.
DEMO=$(cd "${top_srcdir:-.}/data/demo" && pwd)
for f in "$DEMO"/0*.xml; do
	n=$(basename "$f" .xml)
	echo "file://$f name=${n#??-}"
done >"$WORK/feeds.conf"
DB="$WORK/s.db"
"$RETL" --refresh -q --config "$WORK/feeds.conf" --db "$DB"
expect_eq "the demo store is built" "$?" 0

# comp MODE WORD...: the completions of the command line WORD... (the
# words as bash splits them, = and : apart; the cursor at the end of the
# last), one a line; MODE bc loads bash-completion first, plain does not.
# Standard error goes to $WORK/comp.err, and is kept in $WORK/all.err.
comp() {
	# shellcheck disable=SC2016
	bash --norc --noprofile -c '
		mode=$1
		shift
		if [ "$mode" = bc ]; then
			. "$BASH_COMPLETION" || exit 3
		fi
		. "$COMPLETION" || exit 3
		[ "$mode" = plain ] && declare -F _init_completion >/dev/null && exit 4
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE=
		for ((i = 0; i < $#; i++)); do
			w=${COMP_WORDS[i]}
			((i > 0)) && [[ $w != [=:] && ${COMP_WORDS[i - 1]} != [=:] ]] && COMP_LINE+=" "
			COMP_LINE+=$w
		done
		COMP_POINT=${#COMP_LINE}
		_retl
		((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}"
		exit 0
	' comp "$@" 2>"$WORK/comp.err"
	cat "$WORK/comp.err" >>"$WORK/all.err"
}
# comp1 MODE WORD...: the same, on one line, space-separated.
comp1() {
	comp "$@" | tr '\n' ' ' | sed 's/ $//'
}

expect_eq "the file registers _retl for retl" \
	"$(bash --norc --noprofile -c '. "$COMPLETION" && complete -p retl' 2>&1)" "complete -F _retl retl"

MODES=plain
if [ -r "$BASH_COMPLETION" ]; then
	MODES="bc plain"
else
	pass "# SKIP with bash-completion: $BASH_COMPLETION not installed"
fi

for m in $MODES; do
	# ---- options ----
	expect_eq "$m: --im completes to --import-opml" "$(comp1 "$m" retl --im)" "--import-opml"
	expect_eq "$m: --li completes to --limit and --list-actors" "$(comp1 "$m" retl --li)" \
		"--list-actors --limit"
	expect_eq "$m: -V is an option" "$(comp1 "$m" retl -V)" "-V"
	comp "$m" retl -- >"$WORK/opts"
	missing=
	for o in $(LC_ALL=C "$RETL" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -qx -- "$o" "$WORK/opts" || missing="$missing $o"
	done
	expect_eq "$m: every long option of --help is completed" "$missing" ""
	expect_eq "$m: --add-feed is completed" "$(grep -cx -- --add-feed "$WORK/opts")" 1
	expect_eq "$m: an empty word lists the options" "$(comp "$m" retl '' | grep -c '^-')" \
		"$(comp "$m" retl '-' | wc -l | tr -d ' ')"

	# ---- values ----
	expect_eq "$m: --format lists the five formats" "$(comp1 "$m" retl --format '')" \
		"text markdown json csv svg"
	expect_eq "$m: --format j" "$(comp1 "$m" retl --format j)" "json"
	expect_eq "$m: nothing for --url" "$(comp1 "$m" retl --url '')" ""
	expect_eq "$m: nothing for --jobs" "$(comp1 "$m" retl -j '')" ""
	expect_eq "$m: --since offers this year, month and day" "$(comp1 "$m" retl --since '')" \
		"$(date '+%Y %Y-%m %Y-%m-%d')"

	# ---- actors ----
	RETL_DB="$DB" comp "$m" "$RETL" --actor '' >"$WORK/actors"
	"$RETL" --db "$DB" --list-actors | cut -f1 | while IFS= read -r a; do
		printf '%s\n' "$a" | sed 's/ /\\ /g'
	done >"$WORK/actors.want"
	if [ -s "$WORK/actors.want" ] && cmp -s "$WORK/actors" "$WORK/actors.want"; then
		pass "$m: --actor lists the store's actors (RETL_DB), most events first, quoted"
	else
		fail "$m: --actor lists the store's actors (RETL_DB), most events first, quoted" \
			"$(diff "$WORK/actors.want" "$WORK/actors" | head -6)"
	fi
	expect_eq "$m: --actor Whi is White\\ House" \
		"$(RETL_DB="$DB" comp1 "$m" "$RETL" --actor Whi)" 'White\ House'
	expect_eq "$m: --actor US\\ T is US\\ Treasury" \
		"$(RETL_DB="$DB" comp1 "$m" "$RETL" --actor 'US\ T')" 'US\ Treasury'
	expect_eq "$m: --actor \"Whi gives White House (inside the quotes)" \
		"$(RETL_DB="$DB" comp1 "$m" "$RETL" --actor '"Whi')" 'White House'
	expect_eq "$m: --actor 'US gives the US names as they are" \
		"$(RETL_DB="$DB" comp "$m" "$RETL" --actor "'US" | tr ' \n' '_ ')" \
		'US_Treasury USTR US_Commerce_Department '
	expect_eq "$m: --db DB --actor uses DB" \
		"$(RETL_DB="$WORK/none.db" comp1 "$m" "$RETL" --db "$DB" --actor Whi)" 'White\ House'
	expect_eq "$m: --db=DB --actor=Whi" \
		"$(comp1 "$m" "$RETL" --db = "$DB" --actor = Whi)" 'White\ House'
	expect_eq "$m: --actor= lists the actors" \
		"$(comp "$m" "$RETL" --db = "$DB" --actor = | wc -l | tr -d ' ')" "$(wc -l <"$WORK/actors.want" | tr -d ' ')"
	: >"$WORK/all.err"
	expect_eq "$m: no store: no actor" "$(RETL_DB="$WORK/none.db" comp1 "$m" "$RETL" --actor '')" ""
	expect_eq "$m: no store given by --db: no actor" \
		"$(comp1 "$m" "$RETL" --db "$WORK/none.db" --actor W)" ""
	expect_eq "$m: no store: nothing on standard error" "$(cat "$WORK/all.err")" ""
	check "$m: no store: none is created" test ! -e "$WORK/none.db"

	# ---- feeds and tags, from the feed list in use ----
	cat >"$WORK/w.conf" <<-'EOF'
		https://a.example/f name="A & B \"q\" <x>" tags=" press , us" actor=X
		https://b.example/f name="Federal Register: USTR" tags=us,official
		https://c.example/f
	EOF
	expect_eq "$m: --config CONF --feed Fed: the name with : escaped" \
		"$(comp1 "$m" "$RETL" --config "$WORK/w.conf" --feed Fed)" 'Federal\ Register\:\ USTR'
	expect_eq "$m: --feed A: XML escapes undone, shell quoting" \
		"$(RETL_CONFIG="$WORK/w.conf" comp1 "$m" "$RETL" --feed A)" 'A\ \&\ B\ \"q\"\ \<x\>'
	expect_eq "$m: --feed \"A: inside double quotes" \
		"$(RETL_CONFIG="$WORK/w.conf" comp1 "$m" "$RETL" --feed '"A')" 'A & B \"q\" <x>'
	expect_eq "$m: --tag: each tag once, trimmed" \
		"$(RETL_CONFIG="$WORK/w.conf" comp1 "$m" "$RETL" --tag '')" "press us official"
	expect_eq "$m: a bad feed list: no feed, nothing on standard error" \
		"$(comp1 "$m" "$RETL" --config "$WORK/none.conf" --feed '' 2>&1)$(cat "$WORK/comp.err")" ""

	# ---- files ----
	mkdir -p "$WORK/files/sub" "$WORK/other"
	: >"$WORK/files/a.opml"
	: >"$WORK/files/b.xml"
	: >"$WORK/files/c.txt"
	: >"$WORK/other/d.txt"
	expect_eq "$m: --import-opml: *.opml, *.xml and folders" \
		"$(cd "$WORK/files" && comp "$m" "$RETL" --import-opml '' | sort | tr '\n' ' ')" "a.opml b.xml sub "
	expect_eq "$m: --import-opml: any file when there is no OPML" \
		"$(cd "$WORK/other" && comp1 "$m" "$RETL" --import-opml '')" "d.txt"
	expect_eq "$m: --import-opml: a path" \
		"$(comp1 "$m" "$RETL" --import-opml "$WORK/files/a")" "$WORK/files/a.opml"
	expect_eq "$m: --import-opml -: standard input" "$(comp1 "$m" "$RETL" --import-opml -)" "-"
	expect_eq "$m: --db: every file" \
		"$(cd "$WORK/files" && comp "$m" "$RETL" --db '' | sort | tr '\n' ' ')" "a.opml b.xml c.txt sub "
	expect_eq "$m: --config: every file" \
		"$(cd "$WORK/files" && comp1 "$m" "$RETL" --config c)" "c.txt"
	expect_eq "$m: --parse: every file" "$(cd "$WORK/files" && comp1 "$m" "$RETL" -p b)" "b.xml"

	# ---- --add-feed URL key=value... ----
	expect_eq "$m: --add-feed URL: the settings" \
		"$(comp1 "$m" "$RETL" --add-feed https : //x.example/f '')" \
		"name= actor= tags= interval= fulltext= user-agent="
	expect_eq "$m: --add-feed: nothing for the URL" "$(comp1 "$m" "$RETL" --add-feed '')" ""
	expect_eq "$m: --add-feed URL act" \
		"$(comp1 "$m" "$RETL" --add-feed https : //x.example/f name=x act)" "actor="
	ft=$(comp1 "$m" "$RETL" --add-feed https : //x.example/f fulltext =)
	ac=$(comp1 "$m" "$RETL" --db "$DB" --add-feed https : //x.example/f actor = 'US\ T')
	expect_eq "$m: --add-feed URL fulltext=" "$ft" "yes no"
	expect_eq "$m: --add-feed URL actor=US\\ T" "$ac" 'US\ Treasury'
	expect_eq "$m: --add-feed URL then an option" \
		"$(comp1 "$m" "$RETL" --add-feed https : //x.example/f --forc)" "--force"

	expect_eq "$m: nothing on standard error" "$(cat "$WORK/all.err")" ""
done

done_testing
