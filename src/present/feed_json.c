#include "config.h"

#include "present/feed_json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "parse/date.h"
#include "present/json.h"

struct printer {
	struct json json;
	bool started; /* the object and its "entries" array are open */
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

/* Opens the object: the format is known once the root element is read,
 * which is before any entry. */
static void start_output(struct printer *pr, const struct feed_info *info)
{
	struct json *j = &pr->json;
	json_object_begin(j);
	json_key(j, "format");
	json_string(j, feed_format_name(info->format));
	json_key(j, "entries");
	json_array_begin(j);
	pr->started = true;
}

static bool print_entry(void *arg, const struct feed_entry *e, const struct feed_info *info)
{
	struct printer *pr = arg;
	struct json *j = &pr->json;

	if (!pr->started)
		start_output(pr, info);

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

enum feed_status feed_json_print(const char *path, const struct feed_options *opts, FILE *out,
				 char **reason)
{
	struct printer pr = {.started = false};

	/* Entries are written as they are parsed, so memory stays bounded
	 * whatever the feed's size; the feed's own fields come after them,
	 * since a feed may set them anywhere, even after its last item. */
	json_init(&pr.json, out);
	*reason = NULL;
	struct feed_parser *p = feed_parser_new(opts, print_entry, &pr);
	enum feed_status status = feed_parse_file(p, path);
	if (status != FEED_OK) {
		*reason = xstrdup(feed_parser_reason(p) != NULL ? feed_parser_reason(p) : "?");
		feed_parser_free(p);
		return status;
	}

	const struct feed_info *info = feed_parser_info(p);
	struct json *j = &pr.json;
	if (!pr.started)
		start_output(&pr, info);
	json_array_end(j);
	json_key(j, "title");
	json_string(j, info->title);
	json_key(j, "link");
	json_string(j, info->link);
	json_key(j, "subtitle");
	json_string(j, info->subtitle);
	json_key(j, "updated");
	write_time(j, info->has_updated, info->updated);
	write_errors(j, info);
	json_object_end(j);
	fputc('\n', out);
	feed_parser_free(p);
	return FEED_OK;
}
