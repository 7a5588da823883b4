/* Adding feeds to the user's feeds.conf without ever leaving it half
 * written or unreadable: the new text is checked whole, written beside the
 * file and renamed over it. */
#ifndef RETL_FEEDS_EDIT_H
#define RETL_FEEDS_EDIT_H

#include <stdbool.h>

#include "common/util.h"
#include "conf/feeds_conf.h"

struct feeds_edit {
	char *path;		 /* the file written (symbolic links followed) */
	bool exists;		 /* path existed before */
	bool from_shipped;	 /* it starts as a copy of the shipped list */
	struct buf text;	 /* its text so far */
	struct feeds_conf conf;	 /* the feeds it held before the edit */
	char **added;		 /* URLs added by this edit */
	size_t nadded;
};

/* Opens the feeds.conf at path for additions.  A missing file starts as a
 * copy of base_path when that is given and readable (the list retl was
 * using), else empty.  False with *error (to free) when the existing file
 * cannot be read or does not parse: an edit never builds on a broken file. */
bool feeds_edit_open(struct feeds_edit *e, const char *path, const char *base_path,
		     char **error);

/* Whether url is listed already (before or by this edit). */
bool feeds_edit_has(const struct feeds_edit *e, const char *url);

/* Appends a comment line; its text is cleaned of control characters. */
void feeds_edit_comment(struct feeds_edit *e, const char *text);

/* Appends the feed line for l.  False with *reason (to free) when the line
 * would not read back as one feed (the reason says why). */
bool feeds_edit_add(struct feeds_edit *e, const struct feed_line *l, char **reason);

/* Writes the file: 0600 for a new one, the old mode otherwise.  False with
 * *error (to free) naming the file; the old file is then untouched. */
bool feeds_edit_commit(struct feeds_edit *e, char **error);

void feeds_edit_free(struct feeds_edit *e);

#endif
