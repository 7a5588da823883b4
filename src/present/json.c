#include "config.h"

#include "present/json.h"

#include "common/util.h"

/* A JSON document is written by one thread (the refresh's storing thread
 * writes none), so the stdio calls here skip the stream's lock: on
 * outputs of many short items, locking would cost more than writing. */

#include <inttypes.h>
#include <string.h>

void json_init(struct json *j, FILE *out)
{
	json_init_nested(j, out, 0, true);
}

void json_init_nested(struct json *j, FILE *out, int depth, bool empty)
{
	j->out = out;
	j->depth = depth;
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		j->empty[i] = empty;
	j->after_key = false;
}

static void newline_indent(struct json *j, int depth)
{
	/* A newline and up to JSON_MAX_DEPTH levels of two spaces, in one
	 * write: big outputs are mostly short lines. */
	static const char spaces[] = "\n                                                                ";
	size_t n = 1 + 2 * (size_t)depth;
	if (n > sizeof(spaces) - 1)
		n = sizeof(spaces) - 1;
	fwrite_unlocked(spaces, 1, n, j->out);
}

/* Called before any value or key: writes the separator it needs. */
static void before_item(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (!j->empty[j->depth])
		fputc_unlocked(',', j->out);
	j->empty[j->depth] = false;
	newline_indent(j, j->depth);
}

static void open_container(struct json *j, char c)
{
	before_item(j);
	fputc_unlocked(c, j->out);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->empty[j->depth] = true;
}

static void close_container(struct json *j, char c)
{
	bool was_empty = j->empty[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (!was_empty)
		newline_indent(j, j->depth);
	fputc_unlocked(c, j->out);
}

void json_object_begin(struct json *j)
{
	open_container(j, '{');
}

void json_object_end(struct json *j)
{
	close_container(j, '}');
}

void json_array_begin(struct json *j)
{
	open_container(j, '[');
}

void json_array_end(struct json *j)
{
	close_container(j, ']');
}

void json_key(struct json *j, const char *key)
{
	before_item(j);
	json_write_string(j->out, key);
	fputs_unlocked(": ", j->out);
	j->after_key = true;
}

/* Which bytes a JSON string must escape: '"', '\\' and C0 controls. */
static bool needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* Do the eight bytes at p need no escape?  A byte is flagged when it is
 * below 0x20, or zero after XOR with '"' or with '\\' (the classic
 * "has a zero byte" test on 64-bit words). */
static bool plain_word(const unsigned char *p)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t highs = UINT64_C(0x8080808080808080);
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	uint64_t quote = w ^ (ones * '"');
	uint64_t backslash = w ^ (ones * '\\');
	uint64_t flags = ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
			 ((backslash - ones) & ~backslash);
	return (flags & highs) == 0;
}

void json_buf_string(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	const unsigned char *end = p + n;

	buf_reserve(b, 6 * n + 3); /* \u00XX at worst: written in place */
	char *o = b->data + b->len;
	*o++ = '"';
	while (p < end) {
		const unsigned char *run = p;
		while (end - p >= 8 && plain_word(p))
			p += 8;
		while (p < end && !needs_escape(*p))
			p++;
		memcpy(o, run, (size_t)(p - run));
		o += p - run;
		if (p == end)
			break;
		unsigned char c = *p++;
		*o++ = '\\';
		switch (c) {
		case '"':
		case '\\':
			*o++ = (char)c;
			break;
		case '\n':
			*o++ = 'n';
			break;
		case '\r':
			*o++ = 'r';
			break;
		case '\t':
			*o++ = 't';
			break;
		case '\b':
			*o++ = 'b';
			break;
		case '\f':
			*o++ = 'f';
			break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
	}
	*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->data);
}

void json_write_string(FILE *out, const char *s)
{
	struct buf b;
	buf_init(&b);
	json_buf_string(&b, s);
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

void json_string(struct json *j, const char *s)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	before_item(j);
	json_write_string(j->out, s);
}

void json_int(struct json *j, int64_t v)
{
	before_item(j);
	fprintf(j->out, "%" PRId64, v);
}

void json_null(struct json *j)
{
	before_item(j);
	fputs_unlocked("null", j->out);
}

void json_bool(struct json *j, bool v)
{
	before_item(j);
	fputs_unlocked(v ? "true" : "false", j->out);
}

void json_raw_value(struct json *j, const char *text)
{
	before_item(j);
	fputs_unlocked(text, j->out);
}
