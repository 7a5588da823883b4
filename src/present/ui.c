#include "config.h"

#include "present/ui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

#include "analyse/text.h"
#include "common/i18n.h"
#include "common/paths.h"
#include "common/util.h"
#include "present/ui_text.h"
#include "present/ui_welcome.h"
#include "refresh.h"
#include "store/store.h"
#include "store/timeline.h"

/* The timeline is held as a window of rows around the cursor, read a
 * page at a time: memory stays the same whatever the database holds. */
#define PAGE 128
#define WINDOW_ROWS (4 * PAGE)
#define WEEKS 52
#define SPARSE_EVENTS 20000
#define MIN_COLS 40
#define MIN_LINES 10

enum view { VIEW_TIMELINE, VIEW_ARTICLE, VIEW_QUOTES, VIEW_ACTORS, VIEW_HELP };

enum color_role {
	C_DATE = 1,
	C_ACTORS,
	C_SOURCE,
	C_QUOTE,
	C_STATUS,
	C_UNREAD,
	C_TITLE,
	C_SPARK,
	C_ROLES
};

/* A line of the article view: its characters and, per character,
 * whether it is quoted. */
struct line {
	wchar_t *text;
	unsigned char *quoted;
	size_t n;
	attr_t attr;
	size_t offset; /* byte offset in the text of its first character */
};

struct ui {
	struct store *store;
	const char *db_path, *config_path;
	char *welcome; /* what an empty timeline says, made once */
	enum view view, back;
	bool oldest_first;
	bool feed_text; /* the reader shows the feed's text, not the page's */
	struct tl_filter filter;
	char filter_names[256]; /* the actors of the filter, for the status */
	/* the timeline window */
	struct tl_row rows[WINDOW_ROWS];
	int nrows, cur, top;
	bool at_start, at_end;
	int weeks[WEEKS];
	long weeks_end; /* the week the sparkline ends in: the cursor's */
	int64_t count;
	/* the article */
	struct tl_article *article;
	struct line *lines;
	size_t nlines, lines_cap, line_top;
	/* the quotes */
	struct tl_quote_row quotes[PAGE];
	int nquotes, quote_cur, quote_offset;
	/* the actor picker */
	struct tl_actor *actors;
	size_t nactors;
	int actor_cur;
	char actor_typed[64];
	bool picked[512];
	/* help */
	int help_top;
	char status[256];
	char last_refresh[128]; /* "last refresh 2025-11-21 08:00, 2 feeds failing" */
	pid_t refresh_pid;
	time_t refresh_started;
	bool colors;
	bool quit;
};

/* ---- keys -------------------------------------------------------------- */

enum action {
	ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_TOP, ACT_BOTTOM, ACT_OPEN, ACT_BACK, ACT_SORT,
	ACT_ACTORS, ACT_CLEAR_ACTORS, ACT_DATES, ACT_SEARCH, ACT_NEXT_MATCH, ACT_PREV_MATCH, ACT_QUOTES,
	ACT_HELP, ACT_REFRESH, ACT_BROWSER, ACT_NEXT_ARTICLE, ACT_PREV_ARTICLE, ACT_REDRAW,
	ACT_FEED_TEXT,
};

#define V_TL (1u << VIEW_TIMELINE)
#define V_AR (1u << VIEW_ARTICLE)
#define V_QU (1u << VIEW_QUOTES)
#define V_HE (1u << VIEW_HELP)
#define V_LISTS (V_TL | V_AR | V_QU | V_HE)

/* One table drives both the keys and the help screen. */
struct key {
	int key;
	const char *name;
	unsigned views;
	enum action action;
	const char *help;
};

static const struct key keys[] = {
	{'j', "j, Down", V_LISTS, ACT_DOWN, N_("move down (scroll in an article)")},
	{KEY_DOWN, NULL, V_LISTS, ACT_DOWN, NULL},
	{'k', "k, Up", V_LISTS, ACT_UP, N_("move up")},
	{KEY_UP, NULL, V_LISTS, ACT_UP, NULL},
	{' ', "Space, PgDn, ^F", V_LISTS, ACT_PAGE_DOWN, N_("next page")},
	{KEY_NPAGE, NULL, V_LISTS, ACT_PAGE_DOWN, NULL},
	{6, NULL, V_LISTS, ACT_PAGE_DOWN, NULL},
	{'b', "b, PgUp, ^B", V_LISTS, ACT_PAGE_UP, N_("previous page")},
	{KEY_PPAGE, NULL, V_LISTS, ACT_PAGE_UP, NULL},
	{2, NULL, V_LISTS, ACT_PAGE_UP, NULL},
	{'g', "g, Home", V_LISTS, ACT_TOP, N_("first row")},
	{KEY_HOME, NULL, V_LISTS, ACT_TOP, NULL},
	{'G', "G, End", V_LISTS, ACT_BOTTOM, N_("last row")},
	{KEY_END, NULL, V_LISTS, ACT_BOTTOM, NULL},
	{'\n', "Enter", V_TL | V_QU, ACT_OPEN, N_("open the article (from a quote: at the quote)")},
	{KEY_ENTER, NULL, V_TL | V_QU, ACT_OPEN, NULL},
	{'q', "q", V_LISTS, ACT_BACK, N_("back; quit from the timeline")},
	{'s', "s", V_TL, ACT_SORT, N_("newest or oldest first")},
	{'a', "a", V_TL | V_QU, ACT_ACTORS, N_("filter by actors")},
	{'A', "A", V_TL | V_QU, ACT_CLEAR_ACTORS, N_("clear the actor filter")},
	{'d', "d", V_TL | V_QU, ACT_DATES, N_("date range (YYYY, YYYY-MM, YYYY-MM-DD; empty: all)")},
	{'/', "/", V_TL | V_QU, ACT_SEARCH, N_("search titles, text and quotes (empty: clear)")},
	{'n', "n", V_TL, ACT_NEXT_MATCH, N_("next row with the searched words")},
	{'N', "N", V_TL, ACT_PREV_MATCH, N_("previous row with the searched words")},
	{'"', "\"", V_TL | V_AR, ACT_QUOTES, N_("the quotes under the filter")},
	{'t', "t", V_QU, ACT_BACK, N_("back to the timeline")},
	{'?', "?", V_TL | V_AR | V_QU, ACT_HELP, N_("this help")},
	{'R', "R", V_TL | V_QU, ACT_REFRESH, N_("refresh the feeds in the background")},
	{'o', "o", V_AR, ACT_BROWSER, N_("open the link in $BROWSER")},
	{'n', "n", V_AR, ACT_NEXT_ARTICLE, N_("next article")},
	{'p', "p", V_AR, ACT_PREV_ARTICLE, N_("previous article")},
	{'f', "f", V_AR, ACT_FEED_TEXT, N_("the page's full text, or the feed's own text")},
	{12, "^L", V_LISTS, ACT_REDRAW, N_("redraw the screen")},
};

/* ---- drawing ----------------------------------------------------------- */

static attr_t role(const struct ui *u, enum color_role r)
{
	if (!u->colors)
		return r == C_STATUS || r == C_TITLE ? A_REVERSE : r == C_QUOTE ? A_BOLD : A_NORMAL;
	attr_t extra = r == C_STATUS || r == C_TITLE ? A_BOLD : A_NORMAL;
	return COLOR_PAIR(r) | extra;
}

/* Draws s cleaned at (y, x) in at most cols columns, then pads with
 * spaces up to cols when pad.  Returns the columns drawn. */
static int put_text(int y, int x, const char *s, int cols, attr_t attr, bool pad)
{
	size_t n;
	int used = 0;
	if (cols <= 0)
		return 0;
	wchar_t *w = ui_text_clean(s != NULL ? s : "", &n);
	size_t fit = ui_text_fit(w, n, cols, &used);
	attron(attr);
	mvaddnwstr(y, x, w, (int)fit);
	if (pad)
		for (int i = used; i < cols; i++)
			addch(' ');
	attroff(attr);
	free(w);
	return pad ? cols : used;
}

static const char *const spark_marks[] = {" ", "\u2581", "\u2582", "\u2583", "\u2584",
					  "\u2585", "\u2586", "\u2587", "\u2588"};

/* Events per week as a sparkline, oldest week on the left. */
static void draw_sparkline(const struct ui *u, int y)
{
	int max = 0, width = COLS - 32;
	int nweeks = width < WEEKS ? width : WEEKS;
	for (int i = 0; i < nweeks; i++)
		if (u->weeks[i] > max)
			max = u->weeks[i];
	move(y, 0);
	clrtoeol();
	if (u->nrows == 0)
		return;
	attron(role(u, C_SPARK));
	bool utf8 = MB_CUR_MAX > 1;
	for (int i = nweeks - 1; i >= 0; i--) {
		int level = max > 0 ? (u->weeks[i] * 8 + max - 1) / max : 0;
		if (utf8)
			addstr(spark_marks[level]);
		else
			addch(level == 0 ? ' ' : level < 4 ? '.' : level < 7 ? ':' : '|');
	}
	attroff(role(u, C_SPARK));
	char label[64];
	snprintf(label, sizeof(label), _(" %d weeks to %s, max %d"), nweeks,
		 u->nrows > 0 ? u->rows[u->cur].day : "", max);
	put_text(y, nweeks, label, COLS - nweeks, A_NORMAL, false);
}

static void draw_title(const struct ui *u, const char *what)
{
	char line[512];
	snprintf(line, sizeof(line), "retl  %s", what);
	put_text(0, 0, line, COLS, role(u, C_TITLE), true);
}

static void draw_status(const struct ui *u)
{
	char line[768];
	char filter[400] = "";
	if (u->filter.nactors > 0)
		snprintf(filter + strlen(filter), sizeof(filter) - strlen(filter), _("actors: %s  "),
			 u->filter_names);
	if (u->filter.from[0] != '\0' || u->filter.to[0] != '\0')
		snprintf(filter + strlen(filter), sizeof(filter) - strlen(filter), _("dates: %s..%s  "),
			 u->filter.from, u->filter.to);
	if (u->filter.search[0] != '\0')
		snprintf(filter + strlen(filter), sizeof(filter) - strlen(filter), _("search: %s  "),
			 u->filter.search);
	int done, total;
	if (u->refresh_pid > 0 &&
	    timeline_feeds_done(u->store, (int64_t)u->refresh_started, &done, &total))
		snprintf(line, sizeof(line), _("%srefreshing: %d of %d feeds, %lds"), filter, done,
			 total, (long)(time(NULL) - u->refresh_started));
	else if (u->refresh_pid > 0)
		snprintf(line, sizeof(line), _("%srefreshing... %lds"), filter,
			 (long)(time(NULL) - u->refresh_started));
	else if (u->status[0] != '\0')
		snprintf(line, sizeof(line), "%s%s", filter, u->status);
	else
		snprintf(line, sizeof(line), "%s%s  %s", filter, u->last_refresh, _("? help  q quit"));
	put_text(LINES - 1, 0, line, COLS, role(u, C_STATUS), true);
}

/* Columns of the timeline: marker, date, actors, text, source. */
static void draw_row(const struct ui *u, int y, const struct tl_row *r, bool selected)
{
	int x = 0, actors_w = COLS >= 100 ? 24 : COLS >= 60 ? 16 : 0;
	int source_w = COLS >= 80 ? 16 : 0;
	attr_t sel = selected ? A_REVERSE : A_NORMAL;
	move(y, 0);
	attron(sel);
	x += put_text(y, x, r->unread ? (MB_CUR_MAX > 1 ? "\u25cf" : "*") : " ", 2,
		      role(u, C_UNREAD) | sel, true);
	x += put_text(y, x, r->date, 11, role(u, C_DATE) | sel, true);
	/* each column but the last ends in a blank */
	if (actors_w > 0)
		x += put_text(y, x, r->actors, actors_w - 1, role(u, C_ACTORS) | sel, true) +
		     put_text(y, x + actors_w - 1, " ", 1, sel, true);
	int text_w = COLS - x - source_w;
	x += put_text(y, x, r->text, source_w > 0 ? text_w - 1 : text_w,
		      (r->published ? A_BOLD : A_NORMAL) | sel, true);
	if (source_w > 0) {
		x += put_text(y, x, " ", 1, sel, true);
		put_text(y, x, r->source, source_w, role(u, C_SOURCE) | sel, true);
	}
	attroff(sel);
}

static int list_height(void)
{
	return LINES - 3; /* title, sparkline, status */
}

static bool filtered(const struct ui *u)
{
	return u->filter.nactors > 0 || u->filter.from[0] != '\0' || u->filter.to[0] != '\0' ||
	       u->filter.search[0] != '\0';
}

/* Text wrapped at spaces (or anywhere, for scripts without them) to cols;
 * returns the next free row. */
static int put_wrapped(int y, int x, const char *s, int cols, int last, attr_t attr)
{
	size_t n;
	wchar_t *w = ui_text_clean(s, &n);
	size_t at = 0;
	while (at < n && y <= last) {
		while (at < n && w[at] == L' ')
			at++;
		if (at == n)
			break;
		size_t k = ui_text_break(w + at, n - at, cols);
		attron(attr);
		mvaddnwstr(y, x, w + at, (int)k);
		attroff(attr);
		at += k;
		y++;
	}
	free(w);
	return y;
}

/* An empty timeline (no filter): where the feeds come from, how to add
 * and fetch them. */
static void draw_welcome(struct ui *u, int y, int rows)
{
	if (u->welcome == NULL)
		u->welcome = ui_welcome_text(u->config_path);
	int last = y + rows - 2, cols = COLS - 4;
	const char *p = u->welcome;
	bool first = true;
	while (*p && y <= last) {
		const char *end = strstr(p, "\n\n");
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, len);
		y = put_wrapped(y, 2, para, cols, last, first ? A_BOLD : A_NORMAL) + 1;
		free(para);
		first = false;
		p += len;
		if (*p)
			p += 2;
	}
}

static void draw_timeline(struct ui *u)
{
	char what[128];
	if (u->count >= 0)
		snprintf(what, sizeof(what), _("timeline, %lld events, %s first"),
			 (long long)u->count, u->oldest_first ? _("oldest") : _("newest"));
	else
		snprintf(what, sizeof(what), _("timeline, %s first"),
			 u->oldest_first ? _("oldest") : _("newest"));
	draw_title(u, what);
	draw_sparkline(u, 1);
	int h = list_height();
	for (int i = 0; i < h; i++) {
		int r = u->top + i;
		move(2 + i, 0);
		clrtoeol();
		if (r < u->nrows)
			draw_row(u, 2 + i, &u->rows[r], r == u->cur);
		else if (i == 0 && u->nrows == 0 && filtered(u))
			put_text(2, 0, _("No events under this filter."), COLS, A_NORMAL, false);
	}
	if (u->nrows == 0 && !filtered(u))
		draw_welcome(u, 3, h);
}

static void draw_article(struct ui *u)
{
	draw_title(u, u->article != NULL ? u->article->source : "");
	int h = LINES - 2;
	for (int i = 0; i < h; i++) {
		size_t k = u->line_top + (size_t)i;
		move(1 + i, 0);
		clrtoeol();
		if (k >= u->nlines)
			continue;
		const struct line *l = &u->lines[k];
		move(1 + i, 1);
		for (size_t c = 0; c < l->n; c++) {
			attr_t a = l->attr | (l->quoted[c] ? role(u, C_QUOTE) : A_NORMAL);
			attron(a);
			addnwstr(&l->text[c], 1);
			attroff(a);
		}
	}
}

static void draw_quotes(struct ui *u)
{
	draw_title(u, _("quotes"));
	int h = LINES - 2;
	for (int i = 0; i < h; i++) {
		move(1 + i, 0);
		clrtoeol();
		if (i >= u->nquotes) {
			if (i == 0)
				put_text(1, 0, _("No quotes under this filter."), COLS, A_NORMAL, false);
			continue;
		}
		const struct tl_quote_row *q = &u->quotes[i];
		attr_t sel = i == u->quote_cur ? A_REVERSE : A_NORMAL;
		char who[160];
		snprintf(who, sizeof(who), "%s%s%s%s", q->speaker, q->actor[0] ? " (" : "", q->actor,
			 q->actor[0] ? ")" : "");
		int x = put_text(1 + i, 0, q->date, 11, role(u, C_DATE) | sel, true);
		int who_w = COLS >= 80 ? 30 : 18;
		x += put_text(1 + i, x, who, who_w - 1, role(u, C_ACTORS) | sel, true);
		x += put_text(1 + i, x, " ", 1, sel, true);
		put_text(1 + i, x, q->text, COLS - x, role(u, C_QUOTE) | sel, true);
	}
}

static void draw_actors(struct ui *u)
{
	char what[160];
	snprintf(what, sizeof(what), _("actors: %s_   (type to filter, Space selects, Enter applies)"),
		 u->actor_typed);
	draw_title(u, what);
	int h = LINES - 2, row = 0, shown = 0;
	for (size_t i = 0; i < u->nactors && row < h; i++) {
		if (u->actor_typed[0] && strcasestr(u->actors[i].name, u->actor_typed) == NULL)
			continue;
		if (shown++ < u->actor_cur - h + 1)
			continue;
		char line[256];
		snprintf(line, sizeof(line), "[%c] %-40s %8lld", u->picked[i % 512] ? 'x' : ' ',
			 u->actors[i].name, (long long)u->actors[i].events);
		put_text(1 + row, 0, line, COLS,
			 shown - 1 == u->actor_cur ? A_REVERSE : A_NORMAL, true);
		row++;
	}
	for (; row < h; row++) {
		move(1 + row, 0);
		clrtoeol();
	}
}

static void draw_help(struct ui *u)
{
	draw_title(u, _("help: every key (q to go back)"));
	int h = LINES - 2, row = 0, line = 0;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]) && row < h; i++) {
		if (keys[i].name == NULL)
			continue;
		if (line++ < u->help_top)
			continue;
		const char *views = keys[i].views == V_AR				? _("article")
				    : keys[i].views == V_QU				? _("quotes")
				    : keys[i].views == V_TL				? _("timeline")
				    : (keys[i].views & V_LISTS) == V_LISTS ? _("all")
											: _("timeline, quotes");
		/* Three columns placed by screen position: text is cleaned (runs
		 * of blanks folded), and a view's name may be wide or accented. */
		move(1 + row, 0);
		clrtoeol();
		put_text(1 + row, 0, keys[i].name, 16, A_NORMAL, false);
		put_text(1 + row, 17, views, 16, A_NORMAL, false);
		put_text(1 + row, 34, _(keys[i].help), COLS - 34, A_NORMAL, false);
		row++;
	}
	for (; row < h; row++) {
		move(1 + row, 0);
		clrtoeol();
	}
}

static void draw(struct ui *u)
{
	erase();
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		put_text(0, 0, _("The window is too small for retl."), COLS, A_NORMAL, false);
		refresh();
		return;
	}
	switch (u->view) {
	case VIEW_TIMELINE:
		draw_timeline(u);
		break;
	case VIEW_ARTICLE:
		draw_article(u);
		break;
	case VIEW_QUOTES:
		draw_quotes(u);
		break;
	case VIEW_ACTORS:
		draw_actors(u);
		break;
	case VIEW_HELP:
		draw_help(u);
		break;
	}
	draw_status(u);
	refresh();
}

/* ---- the timeline window ----------------------------------------------- */

static void clear_rows(struct ui *u)
{
	for (int i = 0; i < u->nrows; i++)
		tl_row_free(&u->rows[i]);
	u->nrows = u->cur = u->top = 0;
}

static struct tl_key key_of(const struct tl_row *r)
{
	struct tl_key k;
	memcpy(k.day, r->day, sizeof(k.day));
	k.id = r->id;
	return k;
}

/* Reads the first page (or, at_bottom, the last) under the filter. */
static void load_rows(struct ui *u, bool at_bottom)
{
	struct tl_row page[PAGE];
	clear_rows(u);
	int n = timeline_page(u->store, &u->filter, u->oldest_first, NULL, at_bottom, PAGE, page);
	if (n < 0) {
		snprintf(u->status, sizeof(u->status), _("cannot read the timeline: %s"),
			 store_error(u->store));
		n = 0;
	}
	for (int i = 0; i < n; i++)
		u->rows[i] = page[at_bottom ? n - 1 - i : i];
	u->nrows = n;
	u->at_start = !at_bottom || n < PAGE;
	u->at_end = at_bottom || n < PAGE;
	u->cur = at_bottom && n > 0 ? n - 1 : 0;
	u->top = at_bottom && n > list_height() ? n - list_height() : 0;
}

/* More rows after the window; the oldest of it dropped when full. */
static void extend_down(struct ui *u)
{
	if (u->at_end || u->nrows == 0)
		return;
	struct tl_row page[PAGE];
	struct tl_key k = key_of(&u->rows[u->nrows - 1]);
	int n = timeline_page(u->store, &u->filter, u->oldest_first, &k, false, PAGE, page);
	if (n < PAGE)
		u->at_end = true;
	if (n <= 0)
		return;
	if (u->nrows + n > WINDOW_ROWS) {
		int drop = u->nrows + n - WINDOW_ROWS;
		for (int i = 0; i < drop; i++)
			tl_row_free(&u->rows[i]);
		memmove(u->rows, u->rows + drop, (size_t)(u->nrows - drop) * sizeof(u->rows[0]));
		u->nrows -= drop;
		u->cur -= drop;
		u->top -= drop;
		u->at_start = false;
	}
	memcpy(u->rows + u->nrows, page, (size_t)n * sizeof(page[0]));
	u->nrows += n;
}

/* More rows before the window; the newest dropped when full. */
static void extend_up(struct ui *u)
{
	if (u->at_start || u->nrows == 0)
		return;
	struct tl_row page[PAGE];
	struct tl_key k = key_of(&u->rows[0]);
	int n = timeline_page(u->store, &u->filter, u->oldest_first, &k, true, PAGE, page);
	if (n < PAGE)
		u->at_start = true;
	if (n <= 0)
		return;
	if (u->nrows + n > WINDOW_ROWS) {
		int drop = u->nrows + n - WINDOW_ROWS;
		for (int i = u->nrows - drop; i < u->nrows; i++)
			tl_row_free(&u->rows[i]);
		u->nrows -= drop;
		u->at_end = false;
	}
	memmove(u->rows + n, u->rows, (size_t)u->nrows * sizeof(u->rows[0]));
	for (int i = 0; i < n; i++)
		u->rows[i] = page[n - 1 - i];
	u->nrows += n;
	u->cur += n;
	u->top += n;
}

static void move_cursor(struct ui *u, int by)
{
	if (u->nrows == 0)
		return;
	int want = u->cur + by;
	if (want >= u->nrows - 1)
		extend_down(u), want = u->cur + by;
	if (want < 0)
		extend_up(u), want = u->cur + by;
	if (want >= u->nrows)
		want = u->nrows - 1;
	if (want < 0)
		want = 0;
	u->cur = want;
	int h = list_height();
	if (u->cur < u->top)
		u->top = u->cur;
	if (u->cur >= u->top + h)
		u->top = u->cur - h + 1;
}

/* Counts and the sparkline for the filter: read after the first screen
 * is drawn, as they read more than one window. */
/* The sparkline: the weeks up to the one of the row under the cursor (or
 * the end of the date range), read again when the cursor enters another
 * week. */
static void load_weeks(struct ui *u)
{
	char day[11];
	if (u->nrows > 0)
		memcpy(day, u->rows[u->cur].day, sizeof(day));
	else if (u->filter.to[0] != '\0')
		memcpy(day, u->filter.to, sizeof(day));
	else
		snprintf(day, sizeof(day), "1970-01-01");
	if (strlen(day) != 10)
		return;
	u->weeks_end = timeline_week_of(day);
	if (!timeline_weeks(u->store, &u->filter, day, WEEKS, u->weeks))
		memset(u->weeks, 0, sizeof(u->weeks));
}

static void follow_weeks(struct ui *u)
{
	if (u->view == VIEW_TIMELINE && u->nrows > 0 && strlen(u->rows[u->cur].day) == 10 &&
	    timeline_week_of(u->rows[u->cur].day) != u->weeks_end)
		load_weeks(u);
}

/* Counts and the sparkline for the filter: read after the first screen
 * is drawn, as they read more than one window. */
static void load_stats(struct ui *u)
{
	load_weeks(u);
	u->count = timeline_count(u->store, &u->filter);
	int64_t when;
	int failing;
	u->last_refresh[0] = '\0';
	if (timeline_last_refresh(u->store, &when, &failing) && when > 0) {
		char at[32];
		time_t t = (time_t)when;
		struct tm tm;
		strftime(at, sizeof(at), "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
		if (failing > 0)
			snprintf(u->last_refresh, sizeof(u->last_refresh),
				 ngettext("last refresh %s, %d feed failing",
					  "last refresh %s, %d feeds failing", (unsigned long)failing),
				 at, failing);
		else
			snprintf(u->last_refresh, sizeof(u->last_refresh), _("last refresh %s"), at);
	}
}

static void reload(struct ui *u)
{
	load_rows(u, false);
	u->count = -1;
	draw(u);
	load_stats(u);
}

/* ---- the article view -------------------------------------------------- */

static void free_lines(struct ui *u)
{
	for (size_t i = 0; i < u->nlines; i++) {
		free(u->lines[i].text);
		free(u->lines[i].quoted);
	}
	free(u->lines);
	u->lines = NULL;
	u->nlines = u->lines_cap = u->line_top = 0;
}

static void add_line(struct ui *u, const wchar_t *w, const unsigned char *q, size_t n,
		     attr_t attr, size_t offset)
{
	if (u->nlines == u->lines_cap) {
		u->lines_cap = u->lines_cap ? 2 * u->lines_cap : 64;
		u->lines = xrealloc(u->lines, u->lines_cap * sizeof(*u->lines));
	}
	struct line *l = &u->lines[u->nlines++];
	l->text = xmalloc((n + 1) * sizeof(*l->text));
	l->quoted = xmalloc(n + 1);
	memcpy(l->text, w, n * sizeof(*w));
	if (q != NULL)
		memcpy(l->quoted, q, n);
	else
		memset(l->quoted, 0, n);
	l->n = n;
	l->attr = attr;
	l->offset = offset;
}

/* Wraps w (n characters, with their quoted flags and byte offsets) to the
 * window's width. */
static void add_wrapped(struct ui *u, const wchar_t *w, const unsigned char *q,
			const size_t *offsets, size_t n, attr_t attr)
{
	int cols = COLS - 2;
	if (n == 0) {
		add_line(u, L"", NULL, 0, attr, 0);
		return;
	}
	while (n > 0) {
		size_t cut = ui_text_break(w, n, cols);
		add_line(u, w, q, cut, attr, offsets != NULL ? offsets[0] : 0);
		while (cut < n && w[cut] == L' ')
			cut++;
		w += cut;
		if (q != NULL)
			q += cut;
		if (offsets != NULL)
			offsets += cut;
		n -= cut;
	}
}

static void add_plain(struct ui *u, const char *s, attr_t attr)
{
	size_t n;
	wchar_t *w = ui_text_clean(s, &n);
	add_wrapped(u, w, NULL, NULL, n, attr);
	free(w);
}

/* One paragraph [start, end) of the text: its characters cleaned, each
 * marked when a quote covers its byte. */
static void add_paragraph(struct ui *u, const char *text, const unsigned char *in_quote,
			  size_t start, size_t end)
{
	size_t cap = end - start + 1, n = 0;
	wchar_t *w = xmalloc(cap * sizeof(*w));
	unsigned char *q = xmalloc(cap);
	size_t *off = xmalloc(cap * sizeof(*off));
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	bool space = true;
	for (size_t i = start; i < end;) {
		wchar_t c;
		size_t r = mbrtowc(&c, text + i, end - i, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			memset(&st, 0, sizeof(st));
			i++;
			continue;
		}
		size_t at = i;
		i += r;
		bool quoted = in_quote[at] != 0;
		if (iswspace((wint_t)c)) {
			if (!space)
				w[n] = L' ', q[n] = quoted, off[n] = at, n++;
			space = true;
			continue;
		}
		if (ui_char_hidden(c))
			continue;
		w[n] = c, q[n] = quoted, off[n] = at, n++;
		space = false;
	}
	add_wrapped(u, w, q, off, n, A_NORMAL);
	free(w);
	free(q);
	free(off);
}

/* Text of paragraphs separated by blank lines; mark[b] set: byte b is
 * quoted. */
static void add_paragraphs(struct ui *u, const char *t, size_t len, const unsigned char *mark)
{
	for (size_t i = 0; i < len;) {
		const char *p = strstr(t + i, "\n\n");
		size_t end = p != NULL ? (size_t)(p - t) : len;
		add_paragraph(u, t, mark, i, end);
		add_line(u, L"", NULL, 0, A_NORMAL, end);
		i = p != NULL ? end + 2 : len;
	}
}

/* The article's text, its paragraphs apart and its quotes marked. */
static void add_marked_text(struct ui *u, const struct tl_article *a)
{
	size_t len = strlen(a->text);
	/* which bytes are quoted, marked once: a lookup a character */
	unsigned char *in_quote = xcalloc(len + 1, 1);
	for (size_t k = 0; k < a->nquotes; k++)
		for (size_t b = a->quotes[k].start; b < a->quotes[k].end && b < len; b++)
			in_quote[b] = 1;
	add_paragraphs(u, a->text, len, in_quote);
	free(in_quote);
}

/* The feed's own text (its summary or content), unmarked: the analysis
 * read the page's. */
static void add_feed_text(struct ui *u, const struct tl_article *a)
{
	size_t len;
	char *t = text_from_html(a->feed_html, strlen(a->feed_html), &len);
	unsigned char *none = xcalloc(len + 1, 1);
	add_paragraphs(u, t, len, none);
	free(none);
	free(t);
}

/* For fulltext=yes feeds: where the text shown comes from. */
static void add_text_source(struct ui *u, const struct tl_article *a)
{
	char line[1024], day[16] = "";
	if (!a->has_page)
		return;
	time_t when = (time_t)a->page_fetched;
	struct tm tm;
	if (when > 0 && localtime_r(&when, &tm) != NULL)
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	if (a->page_text && u->feed_text)
		snprintf(line, sizeof(line), _("Text: the feed's own (f: the page's full text)"));
	else if (a->page_text)
		snprintf(line, sizeof(line), _("Text: the page's full text, fetched %s (f: the feed's own)"),
			 day);
	else if (a->page_error != NULL)
		snprintf(line, sizeof(line), _("Text: the feed's own; the page: %.800s"),
			 a->page_error);
	else
		snprintf(line, sizeof(line),
			 _("Text: the feed's own; the page's is fetched at the next refresh"));
	add_plain(u, line, role(u, C_DATE));
}

static void build_article(struct ui *u)
{
	const struct tl_article *a = u->article;
	char line[1024];
	free_lines(u);
	add_plain(u, a->title, A_BOLD);
	snprintf(line, sizeof(line), "%s  %s", a->date, a->source);
	add_plain(u, line, role(u, C_SOURCE));
	add_plain(u, a->link, role(u, C_DATE));
	if (a->actors[0] != '\0') {
		snprintf(line, sizeof(line), _("Actors: %s"), a->actors);
		add_plain(u, line, role(u, C_ACTORS));
	}
	if (a->documents[0] != '\0') {
		snprintf(line, sizeof(line), _("Documents: %s"), a->documents);
		add_plain(u, line, A_NORMAL);
	}
	add_text_source(u, a);
	add_line(u, L"", NULL, 0, A_NORMAL, 0);
	if (u->feed_text && a->page_text) {
		add_feed_text(u, a);
	} else if (a->text == NULL) {
		add_plain(u, _("(This article has not been analysed yet; its text shows after the "
			       "next refresh.)"),
			  A_NORMAL);
	} else {
		add_marked_text(u, a);
	}
	if (a->nquotes > 0) {
		add_plain(u, _("Quotes"), A_BOLD);
		for (size_t i = 0; i < a->nquotes; i++) {
			const struct tl_quote *q = &a->quotes[i];
			snprintf(line, sizeof(line), "%s%s%s%s: \u201c%.600s\u201d", q->speaker,
				 q->actor[0] ? " (" : "", q->actor, q->actor[0] ? ")" : "", q->text);
			add_plain(u, line, role(u, C_QUOTE));
		}
	}
}

/* f in the reader: the page's full text or the feed's own, kept for the
 * next articles too. */
static void toggle_feed_text(struct ui *u)
{
	if (u->article == NULL || !u->article->page_text) {
		snprintf(u->status, sizeof(u->status), _("this article has no full text"));
		return;
	}
	u->feed_text = !u->feed_text;
	build_article(u);
	u->line_top = 0;
}

static void open_article(struct ui *u, int64_t id, size_t at_byte)
{
	tl_article_free(u->article);
	u->article = timeline_article(u->store, id);
	if (u->article == NULL) {
		snprintf(u->status, sizeof(u->status), _("the article is gone"));
		return;
	}
	timeline_mark_read(u->store, id);
	for (int i = 0; i < u->nrows; i++)
		if (u->rows[i].article_id == id)
			u->rows[i].unread = false;
	build_article(u);
	u->line_top = 0;
	if (at_byte > 0)
		for (size_t i = 0; i < u->nlines; i++)
			if (u->lines[i].offset > 0 && u->lines[i].offset <= at_byte)
				u->line_top = i;
	if (u->view != VIEW_ARTICLE)
		u->back = u->view;
	u->view = VIEW_ARTICLE;
}

/* The next or previous row of another article, from the timeline. */
static void step_article(struct ui *u, int dir)
{
	if (u->article == NULL)
		return;
	int64_t id = u->article->id;
	for (int guard = 0; guard < 4 * WINDOW_ROWS; guard++) {
		int before = u->cur;
		move_cursor(u, dir);
		if (u->cur == before)
			return;
		if (u->rows[u->cur].article_id != id) {
			open_article(u, u->rows[u->cur].article_id, 0);
			return;
		}
	}
}

/* ---- prompts, pickers, commands ---------------------------------------- */

/* Reads a line on the status line; false when cancelled with Escape. */
static bool prompt(struct ui *u, const char *question, char *out, size_t size)
{
	size_t len = strlen(out);
	for (;;) {
		char line[512];
		snprintf(line, sizeof(line), "%s%s", question, out);
		put_text(LINES - 1, 0, line, COLS, role(u, C_STATUS), true);
		move(LINES - 1, (int)strlen(question) + (int)len < COLS ? (int)strlen(question) + (int)len
									: COLS - 1);
		curs_set(1);
		refresh();
		wint_t c;
		int kind = get_wch(&c);
		curs_set(0);
		if (kind == ERR)
			continue;
		if (kind == OK && (c == 27)) /* Escape */
			return false;
		if ((kind == OK && (c == '\n' || c == '\r')) || (kind == KEY_CODE_YES && c == KEY_ENTER))
			return true;
		if ((kind == KEY_CODE_YES && c == KEY_BACKSPACE) || (kind == OK && (c == 127 || c == 8))) {
			while (len > 0 && ((unsigned char)out[len - 1] & 0xC0) == 0x80)
				len--;
			if (len > 0)
				len--;
			out[len] = '\0';
			continue;
		}
		if (kind == OK && c >= 0x20 && !ui_char_hidden((wchar_t)c)) {
			char mb[MB_LEN_MAX];
			mbstate_t st;
			memset(&st, 0, sizeof(st));
			size_t r = wcrtomb(mb, (wchar_t)c, &st);
			if (r != (size_t)-1 && len + r < size) {
				memcpy(out + len, mb, r);
				len += r;
				out[len] = '\0';
			}
		}
	}
}

static void ask_dates(struct ui *u)
{
	char answer[64] = "";
	if (!prompt(u, _("Dates (FROM [TO]): "), answer, sizeof(answer)))
		return;
	char from[64] = "", to[64] = "", first[11], last[11], ignore[11];
	int n = sscanf(answer, "%63s %63s", from, to);
	if (n <= 0) {
		u->filter.from[0] = u->filter.to[0] = '\0';
		reload(u);
		return;
	}
	if (!timeline_day_range(from, first, last) ||
	    (n == 2 && !timeline_day_range(to, ignore, last))) {
		snprintf(u->status, sizeof(u->status),
			 _("not a date: %s (try YYYY, YYYY-MM or YYYY-MM-DD)"), answer);
		return;
	}
	memcpy(u->filter.from, first, sizeof(first));
	memcpy(u->filter.to, last, sizeof(last));
	u->status[0] = '\0';
	reload(u);
}

static void ask_search(struct ui *u)
{
	char answer[sizeof(u->filter.search)];
	memcpy(answer, u->filter.search, sizeof(answer));
	if (!prompt(u, "/", answer, sizeof(answer)))
		return;
	memcpy(u->filter.search, answer, sizeof(answer));
	u->status[0] = '\0';
	reload(u);
}

/* The row's text holds the first searched word? */
static bool row_matches(const struct tl_row *r, const char *search)
{
	char word[128];
	if (sscanf(search, "%127s", word) != 1)
		return false;
	return strcasestr(r->text, word) != NULL;
}

static void next_match(struct ui *u, int dir)
{
	if (u->filter.search[0] == '\0') {
		snprintf(u->status, sizeof(u->status), _("no search: / to search"));
		return;
	}
	for (int guard = 0; guard < 4 * WINDOW_ROWS; guard++) {
		int before = u->cur;
		move_cursor(u, dir);
		if (u->cur == before) {
			snprintf(u->status, sizeof(u->status), _("no more matches"));
			return;
		}
		if (row_matches(&u->rows[u->cur], u->filter.search))
			return;
	}
}

static void load_quotes(struct ui *u)
{
	for (int i = 0; i < u->nquotes; i++)
		tl_quote_row_free(&u->quotes[i]);
	u->nquotes = timeline_quotes(u->store, &u->filter, u->quote_offset, LINES - 2 > 0 && LINES - 2 < PAGE ? LINES - 2 : PAGE, u->quotes);
	if (u->nquotes < 0)
		u->nquotes = 0;
	if (u->quote_cur >= u->nquotes)
		u->quote_cur = u->nquotes > 0 ? u->nquotes - 1 : 0;
}

static void quotes_move(struct ui *u, int by)
{
	int want = u->quote_cur + by, h = LINES - 2;
	if (want >= u->nquotes && u->nquotes == h) {
		u->quote_offset += h / 2;
		u->quote_cur = want - h / 2;
		load_quotes(u);
	} else if (want < 0 && u->quote_offset > 0) {
		int back = u->quote_offset < h / 2 ? u->quote_offset : h / 2;
		u->quote_offset -= back;
		u->quote_cur = want + back;
		load_quotes(u);
	} else {
		u->quote_cur = want;
	}
	if (u->quote_cur < 0)
		u->quote_cur = 0;
	if (u->quote_cur >= u->nquotes)
		u->quote_cur = u->nquotes > 0 ? u->nquotes - 1 : 0;
}

static void open_picker(struct ui *u)
{
	tl_actors_free(u->actors, u->nactors);
	u->actors = timeline_actors(u->store, &u->filter, &u->nactors);
	memset(u->picked, 0, sizeof(u->picked));
	for (size_t i = 0; i < u->nactors && i < 512; i++)
		for (size_t k = 0; k < u->filter.nactors; k++)
			if (u->actors[i].id == u->filter.actors[k])
				u->picked[i] = true;
	u->actor_typed[0] = '\0';
	u->actor_cur = 0;
	u->back = u->view;
	u->view = VIEW_ACTORS;
}

/* The index of the shown actor at position pos under the typed filter. */
static long picker_index(const struct ui *u, int pos)
{
	int shown = 0;
	for (size_t i = 0; i < u->nactors && i < 512; i++) {
		if (u->actor_typed[0] && strcasestr(u->actors[i].name, u->actor_typed) == NULL)
			continue;
		if (shown++ == pos)
			return (long)i;
	}
	return -1;
}

static void apply_picker(struct ui *u)
{
	u->filter.nactors = 0;
	u->filter_names[0] = '\0';
	bool any = false;
	for (size_t i = 0; i < u->nactors && i < 512; i++)
		any = any || u->picked[i];
	if (!any) { /* Enter on an actor without picking: that one */
		long k = picker_index(u, u->actor_cur);
		if (k >= 0)
			u->picked[k] = true;
	}
	int64_t events = 0;
	for (size_t i = 0; i < u->nactors && i < 512 && u->filter.nactors < TL_MAX_ACTORS; i++) {
		if (!u->picked[i])
			continue;
		events += u->actors[i].events;
		u->filter.actors[u->filter.nactors++] = u->actors[i].id;
		size_t used = strlen(u->filter_names);
		snprintf(u->filter_names + used, sizeof(u->filter_names) - used, "%s%s",
			 used > 0 ? ", " : "", u->actors[i].name);
	}
	/* Below this many events, sorting an actor's events costs less than
	 * walking the timeline for them. */
	u->filter.sparse_actors = events < SPARSE_EVENTS;
	u->view = u->back;
	if (u->view == VIEW_QUOTES) {
		u->quote_offset = u->quote_cur = 0;
		load_quotes(u);
	}
	reload(u);
}

static void picker_key(struct ui *u, int kind, wint_t c)
{
	size_t len = strlen(u->actor_typed);
	if (kind == OK && c == 27) {
		u->view = u->back;
	} else if ((kind == OK && (c == '\n' || c == '\r')) || (kind == KEY_CODE_YES && c == KEY_ENTER)) {
		apply_picker(u);
	} else if (kind == OK && c == ' ') {
		long k = picker_index(u, u->actor_cur);
		if (k >= 0)
			u->picked[k] = !u->picked[k];
	} else if (kind == KEY_CODE_YES && c == KEY_DOWN) {
		if (picker_index(u, u->actor_cur + 1) >= 0)
			u->actor_cur++;
	} else if (kind == KEY_CODE_YES && c == KEY_UP) {
		if (u->actor_cur > 0)
			u->actor_cur--;
	} else if ((kind == KEY_CODE_YES && c == KEY_BACKSPACE) || (kind == OK && (c == 127 || c == 8))) {
		if (len > 0)
			u->actor_typed[len - 1] = '\0';
		u->actor_cur = 0;
	} else if (kind == OK && c >= 0x20 && c < 0x7F && len + 1 < sizeof(u->actor_typed)) {
		u->actor_typed[len] = (char)c;
		u->actor_typed[len + 1] = '\0';
		u->actor_cur = 0;
	}
}

/* R: a refresh in a child process, this very binary, so the screen never
 * freezes; its end is noticed in the key loop. */
static void start_refresh(struct ui *u)
{
	if (u->refresh_pid > 0) {
		snprintf(u->status, sizeof(u->status), _("a refresh is already running"));
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(u->status, sizeof(u->status),
			 _("cannot start a refresh: %s (press R to try again)"), strerror(errno));
		return;
	}
	if (pid == 0) {
		const char *argv[8];
		int n = 0;
		argv[n++] = "retl";
		argv[n++] = "--refresh";
		argv[n++] = "--quiet";
		argv[n++] = "--db";
		argv[n++] = u->db_path;
		if (u->config_path != NULL) {
			argv[n++] = "--config";
			argv[n++] = u->config_path;
		}
		argv[n] = NULL;
		int devnull = open("/dev/null", 0);
		if (devnull >= 0) {
			dup2(devnull, 0);
			dup2(devnull, 1);
			dup2(devnull, 2);
		}
		execv("/proc/self/exe", (char *const *)argv);
		_exit(127);
	}
	u->refresh_pid = pid;
	u->refresh_started = time(NULL);
}

static void check_refresh(struct ui *u)
{
	int status;
	if (u->refresh_pid <= 0 || waitpid(u->refresh_pid, &status, WNOHANG) != u->refresh_pid)
		return;
	u->refresh_pid = 0;
	int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	if (rc == 0)
		snprintf(u->status, sizeof(u->status), _("refresh done"));
	else
		snprintf(u->status, sizeof(u->status),
			 _("refresh done, some feeds failed (retl --refresh -v tells which)"));
	if (u->view == VIEW_TIMELINE)
		reload(u);
}

/* o: $BROWSER with the link as its one argument, no shell. */
static void open_browser(struct ui *u)
{
	const char *browser = getenv("BROWSER");
	if (u->article == NULL || u->article->link[0] == '\0')
		return;
	if (browser == NULL || *browser == '\0') {
		snprintf(u->status, sizeof(u->status), _("set BROWSER to open links"));
		return;
	}
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		execlp(browser, browser, u->article->link, (char *)NULL);
		_exit(127);
	}
	int status = 0;
	if (pid > 0)
		waitpid(pid, &status, 0);
	reset_prog_mode();
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		snprintf(u->status, sizeof(u->status),
			 _("%s could not open the link (check BROWSER)"), browser);
}

/* ---- the key loop ------------------------------------------------------- */

static void list_action(struct ui *u, enum action a)
{
	int page = list_height() > 1 ? list_height() - 1 : 1;
	if (u->view == VIEW_ARTICLE) {
		int h = LINES - 2;
		long top = (long)u->line_top;
		long max = (long)u->nlines > h ? (long)u->nlines - h : 0;
		top += a == ACT_DOWN ? 1 : a == ACT_UP ? -1 : a == ACT_PAGE_DOWN ? h - 1
			 : a == ACT_PAGE_UP	   ? -(h - 1)
			 : a == ACT_TOP	   ? -top
			 : a == ACT_BOTTOM    ? max
					     : 0;
		u->line_top = (size_t)(top < 0 ? 0 : top > max ? max : top);
		return;
	}
	if (u->view == VIEW_HELP) {
		u->help_top += a == ACT_DOWN ? 1 : a == ACT_UP ? -1 : 0;
		if (u->help_top < 0)
			u->help_top = 0;
		return;
	}
	if (u->view == VIEW_QUOTES) {
		int h = LINES - 2;
		if (a == ACT_TOP) {
			u->quote_offset = u->quote_cur = 0;
			load_quotes(u);
		} else {
			quotes_move(u, a == ACT_DOWN ? 1 : a == ACT_UP ? -1 : a == ACT_PAGE_DOWN ? h - 1
				       : a == ACT_PAGE_UP ? -(h - 1) : a == ACT_BOTTOM ? h : 0);
		}
		return;
	}
	switch (a) {
	case ACT_DOWN:
		move_cursor(u, 1);
		break;
	case ACT_UP:
		move_cursor(u, -1);
		break;
	case ACT_PAGE_DOWN:
		move_cursor(u, page);
		break;
	case ACT_PAGE_UP:
		move_cursor(u, -page);
		break;
	case ACT_TOP:
		load_rows(u, false);
		break;
	case ACT_BOTTOM:
		load_rows(u, true);
		break;
	default:
		break;
	}
}

static void act(struct ui *u, enum action a)
{
	u->status[0] = '\0'; /* a message lasts until the next key */
	switch (a) {
	case ACT_DOWN:
	case ACT_UP:
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
	case ACT_TOP:
	case ACT_BOTTOM:
		list_action(u, a);
		break;
	case ACT_OPEN:
		if (u->view == VIEW_TIMELINE && u->nrows > 0)
			open_article(u, u->rows[u->cur].article_id, 0);
		else if (u->view == VIEW_QUOTES && u->nquotes > 0)
			open_article(u, u->quotes[u->quote_cur].article_id,
				     u->quotes[u->quote_cur].start);
		break;
	case ACT_BACK:
		if (u->view == VIEW_TIMELINE)
			u->quit = true;
		else if (u->view == VIEW_ARTICLE || u->view == VIEW_HELP)
			u->view = u->back == VIEW_ARTICLE ? VIEW_TIMELINE : u->back;
		else
			u->view = VIEW_TIMELINE;
		break;
	case ACT_SORT:
		u->oldest_first = !u->oldest_first;
		reload(u);
		break;
	case ACT_ACTORS:
		open_picker(u);
		break;
	case ACT_CLEAR_ACTORS:
		u->filter.nactors = 0;
		u->filter_names[0] = '\0';
		if (u->view == VIEW_QUOTES)
			load_quotes(u);
		reload(u);
		break;
	case ACT_DATES:
		ask_dates(u);
		if (u->view == VIEW_QUOTES)
			u->quote_offset = u->quote_cur = 0, load_quotes(u);
		break;
	case ACT_SEARCH:
		ask_search(u);
		if (u->view == VIEW_QUOTES)
			u->quote_offset = u->quote_cur = 0, load_quotes(u);
		break;
	case ACT_NEXT_MATCH:
		next_match(u, 1);
		break;
	case ACT_PREV_MATCH:
		next_match(u, -1);
		break;
	case ACT_QUOTES:
		u->quote_offset = u->quote_cur = 0;
		load_quotes(u);
		u->view = VIEW_QUOTES;
		break;
	case ACT_HELP:
		u->back = u->view;
		u->help_top = 0;
		u->view = VIEW_HELP;
		break;
	case ACT_REFRESH:
		start_refresh(u);
		break;
	case ACT_BROWSER:
		open_browser(u);
		break;
	case ACT_NEXT_ARTICLE:
		step_article(u, 1);
		break;
	case ACT_PREV_ARTICLE:
		step_article(u, -1);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_FEED_TEXT:
		toggle_feed_text(u);
		break;
	}
}

static void handle_mouse(struct ui *u)
{
	MEVENT m;
	if (getmouse(&m) != OK)
		return;
	if (m.bstate & BUTTON4_PRESSED)
		act(u, ACT_UP), act(u, ACT_UP), act(u, ACT_UP);
#ifdef BUTTON5_PRESSED
	else if (m.bstate & BUTTON5_PRESSED)
		act(u, ACT_DOWN), act(u, ACT_DOWN), act(u, ACT_DOWN);
#endif
}

static void handle_key(struct ui *u, int kind, wint_t c)
{
	if (u->view == VIEW_ACTORS) {
		picker_key(u, kind, c);
		return;
	}
	if (kind == KEY_CODE_YES && c == KEY_MOUSE) {
		handle_mouse(u);
		return;
	}
	if (kind == KEY_CODE_YES && c == KEY_RESIZE) {
		if (u->view == VIEW_ARTICLE && u->article != NULL) {
			size_t top = u->line_top;
			build_article(u);
			u->line_top = top < u->nlines ? top : 0;
		}
		move_cursor(u, 0);
		return;
	}
	int code = kind == OK && c == '\r' ? '\n' : (int)c;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].key == code && (keys[i].views & (1u << u->view))) {
			act(u, keys[i].action);
			return;
		}
}

/* ---- colours ------------------------------------------------------------ */

static const char *const role_names[C_ROLES] = {
	NULL, "date", "actors", "source", "quote", "status", "unread", "title", "sparkline",
};
static const char *const color_names[] = {"black", "red",     "green", "yellow",
					  "blue",  "magenta", "cyan",  "white"};

static int color_of(const char *s)
{
	if (strcmp(s, "default") == 0)
		return -1;
	for (int i = 0; i < 8; i++)
		if (strcmp(s, color_names[i]) == 0)
			return i;
	char *end;
	long v = strtol(s, &end, 10);
	return *s != '\0' && *end == '\0' && v >= 0 && v < COLORS ? (int)v : -2;
}

/* $XDG_CONFIG_HOME/retl/ui.conf: "color ROLE FOREGROUND [BACKGROUND]". */
static void read_colors(short fg[C_ROLES], short bg[C_ROLES])
{
	char *path = user_config_path("ui.conf");
	FILE *f = path != NULL ? fopen(path, "r") : NULL;
	char line[256];
	int lineno = 0;
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		char word[32], name[32], fore[32], back[32] = "default";
		lineno++;
		int n = sscanf(line, "%31s %31s %31s %31s", word, name, fore, back);
		if (n <= 0 || word[0] == '#')
			continue;
		int r = 1;
		while (r < C_ROLES && (n < 3 || strcmp(role_names[r], name) != 0))
			r++;
		int fc = n >= 3 ? color_of(fore) : -2, bc = n >= 3 ? color_of(back) : -2;
		if (strcmp(word, "color") != 0 || r == C_ROLES || fc == -2 || bc == -2) {
			fprintf(stderr,
				_("retl: %s:%d: not understood, ignored (see THE USER INTERFACE in "
				  "retl(1))\n"),
				path, lineno);
			continue;
		}
		fg[r] = (short)fc;
		bg[r] = (short)bc;
	}
	if (f != NULL)
		fclose(f);
	free(path);
}

static bool setup_colors(void)
{
	const char *no = getenv("NO_COLOR");
	if ((no != NULL && *no != '\0') || !has_colors())
		return false;
	start_color();
	use_default_colors();
	short fg[C_ROLES] = {0, COLOR_CYAN, COLOR_GREEN, COLOR_MAGENTA, COLOR_YELLOW, COLOR_WHITE,
			     COLOR_YELLOW, COLOR_WHITE, COLOR_CYAN};
	short bg[C_ROLES] = {0, -1, -1, -1, -1, COLOR_BLUE, -1, COLOR_BLUE, -1};
	read_colors(fg, bg);
	for (int r = 1; r < C_ROLES; r++)
		init_pair((short)r, fg[r], bg[r]);
	return true;
}

/* ---- main -------------------------------------------------------------- */

int ui_run(const char *db_path, const char *config_path)
{
	struct ui *u = xcalloc(1, sizeof(*u));
	char *path = refresh_db_path(db_path);
	char *error = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("retl: the user interface needs a terminal (see retl --help)\n"));
		free(path);
		free(u);
		return 2;
	}
	u->store = store_open(path, true, &error);
	if (u->store == NULL) {
		fprintf(stderr, "retl: %s\n", error); /* it names the store */
		free(error);
		free(path);
		free(u);
		return 1;
	}
	u->db_path = path;
	u->config_path = config_path;
	u->count = -1;

	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	u->colors = setup_colors();
	timeout(250);

	load_rows(u, false);
	draw(u);
	load_stats(u);
	while (!u->quit) {
		draw(u);
		wint_t c;
		int kind = get_wch(&c);
		check_refresh(u);
		if (kind == ERR)
			continue;
		handle_key(u, kind, c);
		follow_weeks(u);
	}
	endwin();

	if (u->refresh_pid > 0)
		waitpid(u->refresh_pid, NULL, 0); /* it holds its lock; let it finish */
	clear_rows(u);
	for (int i = 0; i < u->nquotes; i++)
		tl_quote_row_free(&u->quotes[i]);
	tl_actors_free(u->actors, u->nactors);
	free_lines(u);
	tl_article_free(u->article);
	free(u->welcome);
	store_close(u->store);
	free(path);
	free(u);
	return 0;
}
