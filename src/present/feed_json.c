#include "config.h"

#include "present/feed_json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "parse/date.h"
#include "present/json.h"

struct spool {
	FILE *file;
	struct json json;
	size_t count;
};

static void write_time(struct json *j, bool set, int64_t t)
{
	char iso[DATE_ISO_LEN];
	if (!set) {
		json_null(j);
		return;
	}
	date_format_iso(t, iso);
	json_string(j, iso);
}

static bool spool_entry(void *arg, const struct feed_entry *e, const struct feed_info *info)
{
	struct spool *s = arg;
	struct json *j = &s->json;
	(void)info;

	json_object_begin(j);
	json_key(j, "id");
	json_string(j, e->id);
	json_key(j, "title");
	json_string(j, e->title);
	json_key(j, "link");
	json_string(j, e->link);
	json_key(j, "author");
	json_string(j, e->author);
	json_key(j, "published");
	write_time(j, e->has_published, e->published);
	json_key(j, "updated");
	write_time(j, e->has_updated, e->updated);
	json_key(j, "summary");
	json_string(j, e->summary);
	json_key(j, "content");
	json_string(j, e->content);
	json_key(j, "categories");
	json_array_begin(j);
	for (size_t i = 0; i < e->ncategories; i++)
		json_string(j, e->categories[i]);
	json_array_end(j);
	json_object_end(j);
	s->count++;
	return true;
}

static void write_errors(struct json *j, const struct feed_info *info)
{
	json_key(j, "errors");
	json_array_begin(j);
	for (size_t i = 0; i < info->nerrors; i++)
		json_string(j, info->errors[i]);
	if (info->errors_dropped > 0) {
		char msg[96];
		snprintf(msg, sizeof(msg), "... %zu more", info->errors_dropped);
		json_string(j, msg);
	}
	json_array_end(j);
}

/* Copies the spooled entries into the open "entries" array. */
static bool copy_spool(FILE *from, FILE *to)
{
	char chunk[65536];
	size_t n;

	rewind(from);
	while ((n = fread(chunk, 1, sizeof(chunk), from)) > 0)
		if (fwrite(chunk, 1, n, to) != n)
			return false;
	return !ferror(from);
}

enum feed_status feed_json_print(const char *path, const struct feed_options *opts, FILE *out,
				 char **reason)
{
	struct spool s = {0};

	*reason = NULL;
	/* The entries stream to a temporary file, so memory stays bounded
	 * whatever the feed's size while the feed's own fields still come
	 * first in the output. */
	s.file = tmpfile();
	if (s.file == NULL) {
		*reason = xstrdup(strerror(errno));
		return FEED_NOT_A_FEED;
	}
	json_init_nested(&s.json, s.file, 2, true);

	struct feed_parser *p = feed_parser_new(opts, spool_entry, &s);
	enum feed_status status = feed_parse_file(p, path);
	if (status != FEED_OK) {
		*reason = xstrdup(feed_parser_reason(p) != NULL ? feed_parser_reason(p) : "?");
		feed_parser_free(p);
		fclose(s.file);
		return status;
	}

	const struct feed_info *info = feed_parser_info(p);
	struct json j;
	json_init(&j, out);
	json_object_begin(&j);
	json_key(&j, "format");
	json_string(&j, feed_format_name(info->format));
	json_key(&j, "title");
	json_string(&j, info->title);
	json_key(&j, "link");
	json_string(&j, info->link);
	json_key(&j, "subtitle");
	json_string(&j, info->subtitle);
	json_key(&j, "updated");
	write_time(&j, info->has_updated, info->updated);
	write_errors(&j, info);
	json_key(&j, "entries");
	json_array_begin(&j);
	fflush(s.file);
	copy_spool(s.file, out);
	if (s.count > 0)
		j.empty[j.depth] = false;
	json_array_end(&j);
	json_object_end(&j);
	fputc('\n', out);
	feed_parser_free(p);
	fclose(s.file);
	return FEED_OK;
}
