#!/bin/sh
# Privacy and permissions: the store and its folders are private even
# under umask 0; a password in a feed's URL never shows (refresh, -v,
# errors, every summary format, the UI); feed text never reaches a shell:
# o gives $BROWSER the link as one argument.
. "${top_srcdir:-.}/tests/lib.sh"

export RETL_ACTORS="$top_srcdir/actors.conf"
WWW="$WORK/www"
mkdir -p "$WWW"
PWNED="$WORK/pwned"
cat >"$WWW/feed.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>On October 9, 2025, MOFCOM said \$(touch $PWNED) \`touch $PWNED\`; touch $PWNED | touch $PWNED</title>
<guid>p1</guid><pubDate>Thu, 09 Oct 2025 08:00:00 GMT</pubDate>
<link>https://example.org/a?q=\$(touch%20$PWNED)&amp;b=\`touch%20$PWNED\`;touch%20$PWNED|x'y"z</link>
<description>On October 9, 2025, China's Ministry of Commerce said it would act. \$(touch $PWNED)</description></item>
</channel></rss>
XML
start_httpd "$WWW"
HOSTPORT=${BASE#http://}

# A fresh home: nothing exists yet, and umask 0 would leave files open.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config"
unset RETL_DB RETL_CONFIG
mkdir -p "$WORK/conf"
printf 'http://reader:s3cret@%s/auth/feed.xml name=wire\nhttp://reader:hunter2pw@%s/status/500 name=broken\nhttp://reader:wr0ngpw@%s/auth/feed.xml name=wrong\n' \
	"$HOSTPORT" "$HOSTPORT" "$HOSTPORT" >"$WORK/conf/feeds.conf"
(umask 0 && "$RETL" -r --config "$WORK/conf/feeds.conf" >"$WORK/out" 2>"$WORK/err")
RC=$?
expect_rc "a refresh with a failing feed: status 1" 1
STORE="$XDG_DATA_HOME/retl"
expect_eq "the data folder is created 0700 (umask 0)" "$(stat -c %a "$XDG_DATA_HOME")" 700
expect_eq "the store's folder is created 0700 (umask 0)" "$(stat -c %a "$STORE")" 700
expect_eq "the store is created 0600 (umask 0)" "$(stat -c %a "$STORE/retl.db")" 600
expect_eq "its lock and analysis lock are 0600" \
	"$(stat -c %a "$STORE/retl.db.lock") $(stat -c %a "$STORE/retl.db.analysis.lock" 2>/dev/null || echo 600)" "600 600"
expect_eq "the good feed is stored" "$(sql "$STORE/retl.db" "SELECT count(*) FROM articles")" 1
check "no other file is readable by others" sh -c "[ -z \"\$(find '$XDG_DATA_HOME' -perm /077)\" ]"
check "the config folder is not created, or private" \
	sh -c "[ ! -e '$XDG_CONFIG_HOME' ] || [ \"\$(stat -c %a '$XDG_CONFIG_HOME/retl')\" = 700 ]"

no_password() { # no_password FILE...
	! grep -qE 's3cret|hunter2pw|wr0ngpw' "$@"
}
check "refresh: no password on stdout or stderr" no_password "$WORK/out" "$WORK/err"
expect_in "refresh: the failing feed is named, password hidden" "$WORK/err" "reader:***@$HOSTPORT/status/500"
"$RETL" -r -v --force --config "$WORK/conf/feeds.conf" >"$WORK/out" 2>"$WORK/err"
check "refresh -v: no password" no_password "$WORK/out" "$WORK/err"
expect_in "refresh -v: the good feed is shown, password hidden" "$WORK/err" "reader:***@$HOSTPORT/auth/feed.xml"
expect_in "refresh -v: the wrong password's error names the feed" "$WORK/err" "wrong (http://reader:***@"
for fmt in text markdown json csv svg; do
	"$RETL" --since 2025 --format $fmt >"$WORK/sum.$fmt" 2>&1
	RC=$?
	expect_rc "--since --format $fmt: succeeds" 0
	check "--since --format $fmt: no password" no_password "$WORK/sum.$fmt"
done
check "--since: the summary has the event" grep -q "Ministry of Commerce" "$WORK/sum.text"

if command -v tmux >/dev/null 2>&1; then
	SOCK="$WORK/tmux.sock"
	trap 'tmux -S "$SOCK" kill-server 2>/dev/null; kill $HTTPD_PID 2>/dev/null; rm -rf "$WORK"' EXIT
	cat >"$WORK/browser" <<SH
#!/bin/sh
printf '%s\n' "\$#" >"$WORK/argv"
for a in "\$@"; do printf '%s\n' "\$a" >>"$WORK/argv"; done
SH
	chmod +x "$WORK/browser"
	export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8
	tmux -S "$SOCK" -f /dev/null new-session -d -x 160 -y 30 \
		"BROWSER='$WORK/browser' '$RETL' --config '$WORK/conf/feeds.conf'; echo \"EXIT=\$?\"; sleep 30"
	wait_for "MOFCOM said"
	expect_eq "UI: the item is shown" "$?" 0
	screen >"$WORK/ui.1"
	keys R
	wait_for "refresh done"
	screen >"$WORK/ui.2"
	keys Enter
	wait_for "example.org/a"
	expect_eq "UI: the article opens" "$?" 0
	screen >"$WORK/ui.3"
	keys o
	sleep 1
	check "UI: no password on any screen" no_password "$WORK/ui.1" "$WORK/ui.2" "$WORK/ui.3"
	expect_eq "o: the browser got one argument" "$(head -1 "$WORK/argv" 2>/dev/null)" 1
	expect_eq "o: the argument is the stored link, whole" "$(sed -n 2p "$WORK/argv" 2>/dev/null)" \
		"$(sql "$STORE/retl.db" "SELECT link FROM articles WHERE guid = 'p1'")"
	keys q q
	sleep 0.5
	expect_eq "UI: quits cleanly" "$(screen | grep -c 'EXIT=0')" 1
fi
check "no feed text reached a shell (nothing was touched)" test ! -e "$PWNED"
expect_eq "the title with shell syntax is stored as text" \
	"$(sql "$STORE/retl.db" "SELECT count(*) FROM articles WHERE instr(title, '\$(touch $PWNED) \`touch $PWNED\`; touch') > 0")" 1

done_testing
