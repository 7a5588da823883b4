#include "config.h"

#include "conf/feeds_edit.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/paths.h"
#include "common/safetext.h"

/* "PATH: what" as a fresh string. */
static char *path_error(const char *path, const char *what)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, path);
	buf_puts(&b, ": ");
	buf_puts(&b, what);
	return buf_steal(&b);
}

/* Reads a whole config file into text; false with errno set, or with
 * errno EFBIG when it is over the size any config file may have. */
static bool read_text(const char *path, struct buf *text)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return false;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && text->len <= FEEDS_CONF_MAX_SIZE)
		buf_append(text, chunk, n);
	bool failed = ferror(f) != 0;
	fclose(f);
	if (text->len > FEEDS_CONF_MAX_SIZE) {
		errno = EFBIG;
		return false;
	}
	if (failed)
		errno = EIO;
	return !failed;
}

static void end_line(struct buf *text)
{
	if (text->len > 0 && text->data[text->len - 1] != '\n')
		buf_putc(text, '\n');
}

bool feeds_edit_open(struct feeds_edit *e, const char *path, const char *base_path,
		     char **error)
{
	memset(e, 0, sizeof(*e));
	buf_init(&e->text);
	*error = NULL;
	/* Edit the file a symbolic link points at, not the link. */
	char *real = realpath(path, NULL);
	e->exists = real != NULL;
	e->path = real != NULL ? real : xstrdup(path);
	if (e->exists) {
		if (!read_text(e->path, &e->text)) {
			*error = path_error(path, errno == EFBIG
							  ? _("file too large for a configuration file")
							  : strerror(errno));
			feeds_edit_free(e);
			return false;
		}
	} else if (errno != ENOENT) {
		*error = path_error(path, strerror(errno));
		feeds_edit_free(e);
		return false;
	} else if (base_path != NULL && read_text(base_path, &e->text)) {
		e->from_shipped = true;
	} else {
		buf_reset(&e->text);
	}
	const char *data = e->text.data != NULL ? e->text.data : "";
	if (!feeds_conf_parse(e->from_shipped ? base_path : path, data, e->text.len, &e->conf, error)) {
		feeds_edit_free(e);
		return false;
	}
	end_line(&e->text);
	return true;
}

bool feeds_edit_has(const struct feeds_edit *e, const char *url)
{
	for (size_t i = 0; i < e->conf.nfeeds; i++)
		if (strcmp(e->conf.feeds[i].url, url) == 0)
			return true;
	for (size_t i = 0; i < e->nadded; i++)
		if (strcmp(e->added[i], url) == 0)
			return true;
	return false;
}

void feeds_edit_comment(struct feeds_edit *e, const char *text)
{
	char *clean = safe_text(text);
	buf_puts(&e->text, "# ");
	buf_puts(&e->text, clean);
	buf_putc(&e->text, '\n');
	free(clean);
}

bool feeds_edit_add(struct feeds_edit *e, const struct feed_line *l, char **reason)
{
	struct buf line;
	buf_init(&line);
	feeds_conf_format_line(&line, l);
	buf_putc(&line, '\0');
	bool ok = feeds_conf_check_line(line.data, reason);
	if (ok) {
		buf_puts(&e->text, line.data);
		buf_putc(&e->text, '\n');
		e->added = xrealloc(e->added, (e->nadded + 1) * sizeof(*e->added));
		e->added[e->nadded++] = xstrdup(l->url);
	}
	buf_free(&line);
	return ok;
}

/* Writes all of data to fd; false with errno set. */
static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* The folder holding path, synced so that the rename survives a crash. */
static void sync_parent(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash != NULL) {
		*(slash == dir ? slash + 1 : slash) = '\0';
		int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0) {
			fsync(fd);
			close(fd);
		}
	}
	free(dir);
}

bool feeds_edit_commit(struct feeds_edit *e, char **error)
{
	struct feeds_conf check;
	const char *data = e->text.data != NULL ? e->text.data : "";

	*error = NULL;
	/* The whole new file must read back; if not, it is not written. */
	if (!feeds_conf_parse(e->path, data, e->text.len, &check, error))
		return false;
	feeds_conf_free(&check);
	if (!make_parent_dirs(e->path)) {
		*error = path_error(e->path, strerror(errno));
		return false;
	}
	mode_t mode = 0600;
	struct stat st;
	if (e->exists && stat(e->path, &st) == 0)
		mode = st.st_mode & 07777;

	struct buf tmp;
	buf_init(&tmp);
	buf_puts(&tmp, e->path);
	buf_puts(&tmp, ".XXXXXX");
	int fd = mkstemp(tmp.data);
	bool ok = fd >= 0;
	if (ok)
		ok = fchmod(fd, mode) == 0 && write_all(fd, data, e->text.len) && fsync(fd) == 0;
	int saved = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (ok && rename(tmp.data, e->path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		if (fd >= 0)
			unlink(tmp.data);
		*error = path_error(e->path, strerror(saved));
	} else {
		sync_parent(e->path);
		e->exists = true;
	}
	buf_free(&tmp);
	return ok;
}

void feeds_edit_free(struct feeds_edit *e)
{
	free(e->path);
	buf_free(&e->text);
	feeds_conf_free(&e->conf);
	for (size_t i = 0; i < e->nadded; i++)
		free(e->added[i]);
	free(e->added);
	memset(e, 0, sizeof(*e));
}
