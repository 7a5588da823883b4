#include "config.h"

#include "conf/feeds_conf.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "common/util.h"

#define MAX_LINE 8192
#define MAX_JOBS 64

struct reader {
	const char *path;
	int line;
	char *error;
};

__attribute__((format(printf, 2, 3))) static bool conf_error(struct reader *r, const char *fmt,
							       ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct buf b;
	buf_init(&b);
	if (r->path != NULL) {
		buf_puts(&b, r->path);
		char where[32];
		snprintf(where, sizeof(where), ":%d: ", r->line);
		buf_puts(&b, where);
	}
	buf_puts(&b, msg);
	free(r->error);
	r->error = buf_steal(&b);
	return false;
}

bool parse_interval(const char *s, long *seconds)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || end == s || v < 0 || *s == '-' || *s == '+')
		return false;
	long mult;
	if (*end == '\0' || strcmp(end, "s") == 0)
		mult = 1;
	else if (strcmp(end, "m") == 0)
		mult = 60;
	else if (strcmp(end, "h") == 0)
		mult = 3600;
	else if (strcmp(end, "d") == 0)
		mult = 86400;
	else
		return false;
	if (v > LONG_MAX / mult)
		return false;
	*seconds = v * mult;
	return true;
}

/* Delays between requests to one host are at most ten minutes. */
#define MAX_DELAY_MS (600L * 1000)

bool parse_delay_ms(const char *s, long *ms)
{
	size_t n = strlen(s);
	if (n > 2 && strcmp(s + n - 2, "ms") == 0) {
		char *end;
		errno = 0;
		long v = strtol(s, &end, 10);
		if (errno != 0 || end != s + n - 2 || *s == '-' || *s == '+' || v > MAX_DELAY_MS)
			return false;
		*ms = v;
		return true;
	}
	long seconds;
	if (!parse_interval(s, &seconds) || seconds > MAX_DELAY_MS / 1000)
		return false;
	*ms = seconds * 1000;
	return true;
}

bool parse_size(const char *s, size_t *bytes)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *s == '-' || *s == '+')
		return false;
	unsigned long long mult = 1;
	if (*end == 'k' || *end == 'K')
		mult = 1ULL << 10;
	else if (*end == 'm' || *end == 'M')
		mult = 1ULL << 20;
	else if (*end == 'g' || *end == 'G')
		mult = 1ULL << 30;
	if (mult > 1)
		end++;
	if (*end != '\0' || v == 0 || v > SIZE_MAX / mult)
		return false;
	*bytes = (size_t)(v * mult);
	return true;
}

static bool parse_bool(const char *s, bool *out)
{
	if (strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0 ||
	    strcasecmp(s, "on") == 0)
		*out = true;
	else if (strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0 || strcmp(s, "0") == 0 ||
		 strcasecmp(s, "off") == 0)
		*out = false;
	else
		return false;
	return true;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Reads one word at *p into out: a bare word ends at white space, a quoted
 * one ("...") may hold spaces and \" and \\ escapes.  A '#' after white
 * space starts a comment, so URLs keep their fragments. */
static bool read_word(struct reader *r, const char **p, struct buf *out)
{
	const char *s = *p;

	buf_reset(out);
	buf_reserve(out, 0); /* so that "" reads as an empty word, not NULL */
	while (*s && !is_blank(*s)) {
		if (*s == '"') {
			s++;
			while (*s && *s != '"') {
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
					s++;
				buf_putc(out, *s++);
			}
			if (*s != '"')
				return conf_error(
				    r, _("unterminated quoted value (add the closing quote)"));
			s++;
		} else {
			buf_putc(out, *s++);
		}
	}
	*p = s;
	return true;
}

static bool valid_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static bool valid_url(const char *url)
{

	/* a local file: file:///absolute/path */
	if (strncasecmp(url, "file:///", 8) == 0)
		return url[8] != '\0' && valid_text(url);
	if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0)
		return false;
	const char *host = strstr(url, "://") + 3;
	return *host != '\0' && *host != '/' && valid_text(url);
}

static void set_string(char **field, const char *value)
{
	free(*field);
	*field = *value ? xstrdup(value) : NULL;
}

/* Applies key=value to a feed, or to the defaults when feed is NULL. */
static bool apply_setting(struct reader *r, struct feeds_conf *conf, struct feed_conf *feed,
			  const char *key, const char *value)
{
	if (!valid_text(value))
		return conf_error(r, _("control character in the value of '%s'"), key);
	if (feed != NULL && strcmp(key, "name") == 0) {
		set_string(&feed->name, value);
	} else if (feed != NULL && strcmp(key, "actor") == 0) {
		set_string(&feed->actor, value);
	} else if (feed != NULL && strcmp(key, "tags") == 0) {
		set_string(&feed->tags, value);
	} else if (strcmp(key, "interval") == 0) {
		long *target = feed != NULL ? &feed->interval : &conf->interval;
		if (!parse_interval(value, target))
			return conf_error(r, _("invalid interval '%s' (try 30m, 2h or 1d)"), value);
		if (feed != NULL)
			feed->interval_set = true;
	} else if (strcmp(key, "user-agent") == 0) {
		set_string(feed != NULL ? &feed->user_agent : &conf->user_agent, value);
		if (feed != NULL)
			feed->user_agent_set = *value != '\0';
	} else if (strcmp(key, "fulltext") == 0) {
		if (!parse_bool(value, feed != NULL ? &feed->fulltext : &conf->fulltext))
			return conf_error(r, _("invalid value '%s' for fulltext (yes or no)"), value);
		if (feed != NULL)
			feed->fulltext_set = true;
	} else if (feed == NULL && strcmp(key, "timeout") == 0) {
		if (!parse_interval(value, &conf->timeout) || conf->timeout == 0)
			return conf_error(r, _("invalid timeout '%s' (try 60 or 2m)"), value);
	} else if (feed == NULL && strcmp(key, "max-size") == 0) {
		if (!parse_size(value, &conf->max_size))
			return conf_error(r, _("invalid size '%s' (try 32M)"), value);
	} else if (feed == NULL && strcmp(key, "host-delay") == 0) {
		if (!parse_delay_ms(value, &conf->host_delay_ms))
			return conf_error(r, _("invalid host-delay '%s' (try 500ms, 2s or 1m)"),
					  value);
	} else if (feed == NULL && strcmp(key, "jobs") == 0) {
		char *end;
		long jobs = strtol(value, &end, 10);
		if (*end != '\0' || end == value || jobs < 1 || jobs > MAX_JOBS)
			return conf_error(r, _("invalid jobs '%s' (1 to %d)"), value, MAX_JOBS);
		conf->jobs = (int)jobs;
	} else {
		return conf_error(r,
				  feed != NULL ? _("unknown feed setting '%s' (see feeds.conf(5))")
					       : _("unknown setting '%s' (see feeds.conf(5))"),
				  key);
	}
	return true;
}

/* Reads the key=value settings that follow on the line. */
static bool read_settings(struct reader *r, struct feeds_conf *conf, struct feed_conf *feed,
			  const char *p)
{
	struct buf word;
	bool ok = true;

	buf_init(&word);
	for (;;) {
		while (is_blank(*p))
			p++;
		if (*p == '\0' || *p == '#')
			break;
		if (!read_word(r, &p, &word)) {
			ok = false;
			break;
		}
		char *eq = strchr(word.data, '=');
		if (eq == NULL || eq == word.data) {
			ok = conf_error(
			    r, _("expected key=value, found '%s' (quote a value with spaces)"),
			    word.data);
			break;
		}
		*eq = '\0';
		if (!apply_setting(r, conf, feed, word.data, eq + 1)) {
			ok = false;
			break;
		}
	}
	buf_free(&word);
	return ok;
}

static struct feed_conf *add_feed(struct feeds_conf *conf)
{
	conf->feeds = xrealloc(conf->feeds, (conf->nfeeds + 1) * sizeof(*conf->feeds));
	struct feed_conf *f = &conf->feeds[conf->nfeeds++];
	memset(f, 0, sizeof(*f));
	f->interval = -1; /* not set: the default applies */
	return f;
}

static bool read_line(struct reader *r, struct feeds_conf *conf, const char *line)
{
	const char *p = line;
	struct buf url;
	bool ok;

	while (is_blank(*p))
		p++;
	if (*p == '\0' || *p == '#')
		return true;
	if (strncmp(p, "set", 3) == 0 && is_blank(p[3]))
		return read_settings(r, conf, NULL, p + 3);

	buf_init(&url);
	ok = read_word(r, &p, &url);
	/* a blank or a quote in a URL is a mistake that curl would only
	 * report at every refresh */
	if (ok && strpbrk(url.data, " \t\"") != NULL)
		ok = conf_error(r, _("'%s' holds a space or a quote: not a URL (write %%20 for "
				     "a space)"),
				url.data);
	else if (ok && !valid_url(url.data))
		ok = conf_error(r, _("'%s' is not an http or https URL"), url.data);
	for (size_t i = 0; ok && i < conf->nfeeds; i++)
		if (strcmp(conf->feeds[i].url, url.data) == 0)
			ok = conf_error(r, _("feed already listed on line %d (remove one)"),
					conf->feeds[i].line);
	if (ok) {
		struct feed_conf *f = add_feed(conf);
		f->url = buf_steal(&url);
		f->line = r->line;
		ok = read_settings(r, conf, f, p);
	}
	buf_free(&url);
	return ok;
}

/* A word as read_word reads it back: quoted when it holds a blank, a
 * quote or a backslash, or is empty. */
static void format_word(struct buf *b, const char *s)
{
	if (*s != '\0' && strpbrk(s, " \t\"\\") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void format_setting(struct buf *b, const char *key, const char *value)
{
	if (value == NULL)
		return;
	buf_putc(b, ' ');
	buf_puts(b, key);
	buf_putc(b, '=');
	format_word(b, value);
}

void feeds_conf_format_line(struct buf *b, const struct feed_line *l)
{
	format_word(b, l->url);
	format_setting(b, "name", l->name);
	format_setting(b, "actor", l->actor);
	format_setting(b, "tags", l->tags);
	format_setting(b, "interval", l->interval);
	format_setting(b, "fulltext", l->fulltext);
	format_setting(b, "user-agent", l->user_agent);
}

/* Fills in what each feed did not set from the "set" defaults. */
static void apply_defaults(struct feeds_conf *conf)
{
	for (size_t i = 0; i < conf->nfeeds; i++) {
		struct feed_conf *f = &conf->feeds[i];
		if (f->interval < 0)
			f->interval = conf->interval;
		if (!f->fulltext_set)
			f->fulltext = conf->fulltext;
		if (f->user_agent == NULL && conf->user_agent != NULL)
			f->user_agent = xstrdup(conf->user_agent);
	}
}

bool feeds_conf_parse(const char *path, const char *text, size_t len, struct feeds_conf *conf,
		      char **error)
{
	struct reader r = {path, 0, NULL};
	const char *p = text, *end = text + len;
	char line[MAX_LINE];
	bool ok = true;

	memset(conf, 0, sizeof(*conf));
	conf->path = xstrdup(path);
	conf->jobs = 8;
	while (ok && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		r.line++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n >= sizeof(line)) {
			ok = conf_error(&r, _("line longer than %d bytes"), MAX_LINE - 1);
			break;
		}
		if (memchr(p, '\0', n) != NULL) {
			ok = conf_error(&r, _("NUL byte in the line"));
			break;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		ok = read_line(&r, conf, line);
		p = nl != NULL ? nl + 1 : end;
	}
	if (!ok) {
		feeds_conf_free(conf);
		*error = r.error;
		return false;
	}
	apply_defaults(conf);
	return true;
}

bool feeds_conf_check_line(const char *line, char **reason)
{
	struct reader r = {NULL, 1, NULL};
	struct feeds_conf conf;

	*reason = NULL;
	if (strlen(line) >= MAX_LINE || strchr(line, '\n') != NULL) {
		conf_error(&r, _("line longer than %d bytes"), MAX_LINE - 1);
		*reason = r.error;
		return false;
	}
	memset(&conf, 0, sizeof(conf));
	bool ok = read_line(&r, &conf, line);
	if (ok && conf.nfeeds != 1)
		ok = conf_error(&r, _("not a feed line"));
	feeds_conf_free(&conf);
	*reason = r.error;
	return ok;
}

bool feeds_conf_load(const char *path, struct feeds_conf *conf, char **error)
{
	FILE *f = fopen(path, "r");
	struct buf text;
	char chunk[8192];
	size_t n;

	if (f == NULL) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, path);
		buf_puts(&b, ": ");
		buf_puts(&b, strerror(errno));
		buf_puts(&b, _(" (see feeds.conf(5))"));
		*error = buf_steal(&b);
		return false;
	}
	buf_init(&text);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && text.len <= FEEDS_CONF_MAX_SIZE)
		buf_append(&text, chunk, n);
	bool too_big = text.len > FEEDS_CONF_MAX_SIZE;
	fclose(f);
	bool ok;
	if (too_big) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, path);
		buf_puts(&b, ": ");
		buf_puts(&b, _("file too large for a configuration file (at most 4 MiB)"));
		*error = buf_steal(&b);
		ok = false;
	} else {
		ok = feeds_conf_parse(path, text.data != NULL ? text.data : "", text.len, conf,
				      error);
	}
	buf_free(&text);
	return ok;
}

void feeds_conf_free(struct feeds_conf *conf)
{
	for (size_t i = 0; i < conf->nfeeds; i++) {
		struct feed_conf *f = &conf->feeds[i];
		free(f->url);
		free(f->name);
		free(f->actor);
		free(f->tags);
		free(f->user_agent);
	}
	free(conf->feeds);
	free(conf->path);
	free(conf->user_agent);
	memset(conf, 0, sizeof(*conf));
}
