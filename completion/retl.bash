# bash completion for retl                                   -*- shell-script -*-
#
# Installed as $(datadir)/bash-completion/completions/retl, where the
# bash-completion package loads it the first time retl is completed.
# Without that package, source it from ~/.bashrc:  . /path/to/retl
#
# Completes the options; --format's formats; --actor's names from the
# store (retl --list-actors, with a --db given on the line); --feed's and
# --tag's from the feed list in use (retl --export-opml, with a --config
# given on the line); file names after --parse, --analyze, --extract,
# --import-opml (*.opml and *.xml first), --db and --config; the settings
# after --add-feed URL.  Names with spaces come back quoted.

_retl_options='--refresh -r --force --wait --jobs -j --verbose -v --quiet -q
--import-opml --export-opml --add-feed --parse -p --url --max-size --analyze
--extract --date --reanalyze --list-actors --demo --since --until --actor
--feed --tag --grep --format --limit --db --config --help -h --version -V'

_retl_formats='text markdown json csv svg'

_retl_feed_keys='name= actor= tags= interval= fulltext= user-agent='

# _retl_dequote WORD: WORD as the shell would read it (quotes and
# backslashes removed, a leading ~ expanded) in REPLY; a word that could
# run something when evaluated ($, `, (, ;, &, |, <, >) is left as it is.
_retl_dequote()
{
	REPLY=$1
	case $1 in
	*[\$\`\(\)\;\&\|\<\>]* | *$'\n'*) return 1 ;;
	esac
	eval "REPLY=$1" 2>/dev/null || REPLY=$1
}

# _retl_run ARGS...: runs the retl being completed, with a --db or
# --config already on the command line passed on; nothing on stderr.
_retl_run()
{
	local prog=${_retl_words[0]} i w v
	_retl_dequote "$prog"
	prog=$REPLY
	if [[ $prog != */* ]] && ! type -P -- "$prog" >/dev/null; then
		prog=retl
	fi
	local -a pass=()
	for ((i = 1; i < ${#_retl_words[@]}; i++)); do
		((i == _retl_cword)) && continue
		w=${_retl_words[i]}
		case $w in
		--db | --config)
			v=$((i + 1))
			# Without bash-completion, --db=PATH is --db, =, PATH.
			[[ ${_retl_words[v]-} == = ]] && ((v++))
			((v < ${#_retl_words[@]} && v != _retl_cword)) || continue
			_retl_dequote "${_retl_words[v]}"
			pass+=("$w" "$REPLY")
			;;
		--db=* | --config=*)
			_retl_dequote "${w#*=}"
			pass+=("${w%%=*}" "$REPLY")
			;;
		esac
	done
	"$prog" "${pass[@]}" "$@" 2>/dev/null </dev/null
}

# _retl_names CUR: COMPREPLY gets the lines of standard input that start
# with CUR (as typed: unquoted, or after an opening ' or "), quoted for
# the command line.
_retl_names()
{
	local cur=$1 quote='' line q
	case $cur in
	\'*) quote=\' cur=${cur#\'} ;;
	\"*) quote=\" cur=${cur#\"} ;;
	*)
		_retl_dequote "$cur"
		cur=$REPLY
		;;
	esac
	COMPREPLY=()
	while IFS= read -r line; do
		[[ -n $line && $line == "$cur"* ]] || continue
		if [[ -n $quote ]]; then
			# Inside quotes the shell reads the name as it is (bar
			# what would end a double-quoted word).
			[[ $quote == \" ]] && line=${line//\\/\\\\} && line=${line//\"/\\\"} &&
				line=${line//\$/\\\$} && line=${line//\`/\\\`}
			COMPREPLY+=("$line")
		else
			printf -v q '%q' "$line"
			# : and = break words for completion (COMP_WORDBREAKS).
			if [[ $q != \$\'* ]]; then
				q=${q//:/\\:}
				q=${q//=/\\=}
			fi
			COMPREPLY+=("$q")
		fi
	done
}

# The store's actors, most events first.
_retl_actors()
{
	local line
	_retl_run --list-actors | while IFS= read -r line; do
		printf '%s\n' "${line%$'\t'*}"
	done
}

# _retl_feeds ATTR: the feeds' names (ATTR title) or tags (ATTR retl:tags)
# in the feed list in use, read from retl --export-opml: one feed an
# outline element on a line, its values with XML's five escapes.
_retl_feeds()
{
	local attr=$1 line v
	_retl_run --export-opml | while IFS= read -r line; do
		[[ $line == *'<outline type="rss" '* && $line == *" $attr=\""* ]] || continue
		v=${line#*" $attr=\""}
		v=${v%%\"*}
		v=${v//&quot;/\"}
		v=${v//&apos;/\'}
		v=${v//&lt;/<}
		v=${v//&gt;/>}
		v=${v//&#9;/ }
		v=${v//'&amp;'/'&'}
		if [[ $attr == retl:tags ]]; then
			local -a tags
			local t
			IFS=, read -ra tags <<<"$v"
			for t in "${tags[@]}"; do
				t=${t#"${t%%[! ]*}"}
				t=${t%"${t##*[! ]}"}
				[[ -n $t ]] && printf '%s\n' "$t"
			done
		else
			printf '%s\n' "$v"
		fi
	done | awk '!seen[$0]++'
}

# _retl_files [opml]: file names for CUR; with opml, *.opml and *.xml (and
# directories) when there are any, else every file; "-" for standard input.
_retl_files()
{
	if [[ $cur == - ]]; then
		COMPREPLY=(-)
		return
	fi
	if declare -F _filedir >/dev/null; then
		if [[ ${1-} == opml ]]; then
			_filedir 'opml|xml'
			((${#COMPREPLY[@]})) && return
		fi
		_filedir
		return
	fi
	# Without bash-completion.
	local f
	local -a all=() some=()
	while IFS= read -r f; do
		all+=("$f")
		[[ $f == *.[oO][pP][mM][lL] || $f == *.[xX][mM][lL] || -d $f ]] && some+=("$f")
	done < <(compgen -f -- "$cur")
	if [[ ${1-} == opml && ${#some[@]} -gt 0 ]]; then
		COMPREPLY=("${some[@]}")
	else
		COMPREPLY=("${all[@]}")
	fi
	((${#COMPREPLY[@]})) && compopt -o filenames 2>/dev/null
	return 0
}

# _retl_words_init: _retl_words, _retl_cword, cur and prev, with
# bash-completion when it is loaded (--opt=value split), else from
# COMP_WORDS (where = is a word of its own).
_retl_words_init()
{
	if declare -F _init_completion >/dev/null; then
		# shellcheck disable=SC2034 # split: set by _init_completion
		local words cword split
		# -s: --opt=value gives prev --opt and cur value.
		_init_completion -s || return 1
		_retl_words=("${words[@]}")
		_retl_cword=$cword
		return 0
	fi
	_retl_words=("${COMP_WORDS[@]}")
	_retl_cword=$COMP_CWORD
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# "--opt=" and "--opt=val" arrive as --opt, =, val.
	if [[ $cur == = && $prev == --* ]]; then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi
	return 0
}

_retl()
{
	local cur prev REPLY
	local -a _retl_words=()
	local _retl_cword=0
	COMPREPLY=()
	_retl_words_init || return 0

	case $prev in
	--format)
		mapfile -t COMPREPLY < <(compgen -W "$_retl_formats" -- "$cur")
		return 0
		;;
	--actor)
		_retl_names "$cur" < <(_retl_actors)
		return 0
		;;
	--feed)
		_retl_names "$cur" < <(_retl_feeds title)
		return 0
		;;
	--tag)
		_retl_names "$cur" < <(_retl_feeds retl:tags)
		return 0
		;;
	--import-opml)
		_retl_files opml
		return 0
		;;
	--parse | -p | --analyze | --extract | --db | --config)
		_retl_files
		return 0
		;;
	--date)
		mapfile -t COMPREPLY < <(compgen -W "$(date +%Y-%m-%d)" -- "$cur")
		return 0
		;;
	--since | --until)
		mapfile -t COMPREPLY < <(compgen -W "$(date '+%Y %Y-%m %Y-%m-%d')" -- "$cur")
		return 0
		;;
	--url | --max-size | --jobs | -j | --grep | --limit | --add-feed)
		return 0
		;;
	esac

	# The settings after --add-feed URL: key=, then some keys' values.
	local i key=
	for ((i = 1; i < _retl_cword - 1; i++)); do
		[[ ${_retl_words[i]} == --add-feed ]] || continue
		[[ $cur == -* ]] && break
		if [[ $cur == = ]]; then # without bash-completion: key, =
			key=${_retl_words[_retl_cword - 1]} cur=''
		elif [[ ${_retl_words[_retl_cword - 1]} == = ]]; then # ... or key, =, value
			key=${_retl_words[_retl_cword - 2]}
		elif [[ $cur == *=* ]]; then
			key=${cur%%=*} cur=${cur#*=}
		fi
		case $key in
		'')
			mapfile -t COMPREPLY < <(compgen -W "$_retl_feed_keys" -- "$cur")
			compopt -o nospace 2>/dev/null
			;;
		actor) _retl_names "$cur" < <(_retl_actors) ;;
		fulltext) mapfile -t COMPREPLY < <(compgen -W 'yes no' -- "$cur") ;;
		esac
		return 0
	done

	if [[ $cur == -* || -z $cur ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$_retl_options" -- "$cur")
	fi
	return 0
} &&
	complete -F _retl retl

# ex: filetype=sh
