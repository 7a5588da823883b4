/* A small streaming JSON writer.  Its layout is exactly that of Python's
 * json.dumps(indent=2, ensure_ascii=False), so that output can be compared
 * byte for byte with files any tool can produce. */
#ifndef RETL_JSON_H
#define RETL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
	FILE *out;
	int depth;
	bool empty[JSON_MAX_DEPTH]; /* nothing written yet in this container */
	bool after_key;
};

void json_init(struct json *j, FILE *out);
/* Starts as if already inside depth open containers that have items, so a
 * fragment can be written apart and spliced in later. */
void json_init_nested(struct json *j, FILE *out, int depth, bool empty);

void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, int64_t v);
void json_null(struct json *j);
void json_bool(struct json *j, bool v);
/* Writes text that is already JSON (a value) as the next item. */
void json_raw_value(struct json *j, const char *text);

/* Writes s as a quoted JSON string (s must be valid UTF-8). */
void json_write_string(FILE *out, const char *s);
struct buf;
/* The same, appended to b. */
void json_buf_string(struct buf *b, const char *s);

#endif
