#include "config.h"

#include "parse/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Bytes looked at to find a byte-order mark and the XML declaration. */
#define SNIFF_LEN 1024
#define REPLACEMENT "\xEF\xBF\xBD"

struct decoder {
	char *hint;
	bool started;
	bool use_iconv;
	iconv_t cd;
	char charset[32];
	size_t unit; /* bytes per code unit: 2 in UTF-16, 4 in UTF-32, else 1 */
	char *unknown;
	size_t replaced;
	/* Input held back: the sniffing window, or an incomplete sequence. */
	struct buf pending;
};

struct decoder *decoder_new(const char *charset_hint)
{
	struct decoder *d = xcalloc(1, sizeof(*d));
	d->hint = charset_hint != NULL && *charset_hint ? xstrdup(charset_hint) : NULL;
	buf_init(&d->pending);
	strcpy(d->charset, "UTF-8");
	d->unit = 1;
	return d;
}

void decoder_free(struct decoder *d)
{
	if (d == NULL)
		return;
	if (d->use_iconv)
		iconv_close(d->cd);
	buf_free(&d->pending);
	free(d->hint);
	free(d->unknown);
	free(d);
}

const char *decoder_charset(const struct decoder *d)
{
	return d->charset;
}

size_t decoder_replacements(const struct decoder *d)
{
	return d->replaced;
}

const char *decoder_unknown_charset(const struct decoder *d)
{
	return d->unknown;
}

/* Is c allowed in an XML 1.0 document?  (Only called for c < 0x80.) */
static bool xml_ascii_ok(unsigned char c)
{
	return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

/* Length of the valid UTF-8 sequence at s (1..4).  Otherwise 0 for an
 * invalid one, with *bad set to the bytes that one U+FFFD replaces (the
 * "maximal subpart" of Unicode's chapter 3, as browsers and Python do: a
 * truncated "\xE4\xB8" is one replacement, not two); or -1 if s holds only
 * the valid start of a sequence cut off by the end (*bad = avail). */
static int utf8_seq_len(const unsigned char *s, size_t avail, size_t *bad)
{
	unsigned char c = s[0];
	int need;
	unsigned char lo = 0x80, hi = 0xBF;

	*bad = 1;
	if (c >= 0xC2 && c <= 0xDF)
		need = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		if (c == 0xE0)
			lo = 0xA0; /* no overlong forms */
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F; /* nothing above U+10FFFF */
	} else
		return 0;
	for (int i = 1; i < need; i++) {
		if ((size_t)i >= avail) {
			*bad = avail;
			return -1;
		}
		unsigned char n = s[i];
		if (n < (i == 1 ? lo : 0x80) || n > (i == 1 ? hi : 0xBF)) {
			*bad = (size_t)i;
			return 0;
		}
	}
	/* U+FFFE and U+FFFF are not XML characters. */
	if (need == 3 && c == 0xEF && s[1] == 0xBF && s[2] >= 0xBE) {
		*bad = 3;
		return 0;
	}
	return need;
}

/* The length of the longest prefix of s that is valid UTF-8 made only of
 * characters XML allows, ending on a character boundary.  Feeds are mostly
 * ASCII, so it checks eight bytes at a time while it can: a word with no
 * byte of 0x80 or more and none below 0x20 needs no closer look. */
static size_t valid_prefix(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, sizeof(w));
			if (((w | (w - UINT64_C(0x2020202020202020))) & UINT64_C(0x8080808080808080)) != 0)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (s[i] < 0x80) {
			if (!xml_ascii_ok(s[i]))
				break;
			i++;
			continue;
		}
		size_t bad;
		int n = utf8_seq_len(s + i, len - i, &bad);
		if (n <= 0)
			break;
		i += (size_t)n;
	}
	return i;
}

bool utf8_well_formed(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t bad;
		int n = utf8_seq_len(u + i, len - i, &bad);
		if (n == 0)
			return false;
		if (n < 0)
			return true; /* cut off by the end: the rest was valid */
		i += (size_t)n;
	}
	return true;
}

/* Copies valid UTF-8 from in to out and replaces the rest.  Stops before a
 * sequence cut off at the end unless final; returns the bytes consumed. */
static size_t sanitize_run(struct buf *out, const unsigned char *in, size_t len,
			   bool final, size_t *replaced)
{
	size_t i = 0;

	/* Room for the common case of nothing to replace. */
	buf_reserve(out, len);
	while (i < len) {
		size_t valid = valid_prefix(in + i, len - i);
		buf_append(out, (const char *)in + i, valid);
		i += valid;
		if (i >= len)
			break;
		size_t bad = 1;
		if (in[i] >= 0x80 && utf8_seq_len(in + i, len - i, &bad) < 0 && !final)
			break; /* cut off: the rest comes with the next push */
		buf_puts(out, REPLACEMENT);
		(*replaced)++;
		i += bad;
	}
	return i;
}

size_t utf8_sanitize(struct buf *out, const char *s, size_t len)
{
	size_t replaced = 0;
	sanitize_run(out, (const unsigned char *)s, len, true, &replaced);
	return replaced;
}

/* Maps a declared charset name to the one iconv should use, or NULL for
 * UTF-8.  Like browsers, ISO-8859-1 is read as its superset windows-1252
 * and GB2312/GBK as GB18030, since feeds that say the one use the other. */
static const char *canonical_charset(const char *name)
{
	static const struct {
		const char *alias;
		const char *iconv_name;
	} aliases[] = {
		{"utf-8", NULL},	   {"utf8", NULL},
		{"us-ascii", NULL},	   {"ascii", NULL},
		{"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
		{"latin1", "WINDOWS-1252"},	   {"l1", "WINDOWS-1252"},
		{"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
		{"gb2312", "GB18030"},	   {"gbk", "GB18030"},
		{"x-gbk", "GB18030"},	   {"cp936", "GB18030"},
		{"euc-cn", "GB18030"},	   {"gb18030", "GB18030"},
		{"big5", "BIG5-HKSCS"},	   {"big5-hkscs", "BIG5-HKSCS"},
		{"shift_jis", "CP932"},	   {"shift-jis", "CP932"},
		{"sjis", "CP932"},	   {"x-sjis", "CP932"},
		{"windows-31j", "CP932"},	   {"ms_kanji", "CP932"},
		{"euc-kr", "CP949"},	   {"ks_c_5601-1987", "CP949"},
	};
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcasecmp(name, aliases[i].alias) == 0)
			return aliases[i].iconv_name;
	return name;
}

/* Is name a UTF-16 or UTF-32 label?  Such a label on bytes that read as
 * ASCII (the declaration itself was found that way) is a mistake, common
 * on servers that re-encode their feeds without editing them: the bytes
 * are UTF-8, as browsers also conclude. */
static bool is_wide_unicode(const char *name)
{
	return strncasecmp(name, "utf-16", 6) == 0 || strncasecmp(name, "utf-32", 6) == 0 ||
	       strncasecmp(name, "ucs-2", 5) == 0 || strncasecmp(name, "ucs-4", 5) == 0 ||
	       strncasecmp(name, "utf16", 5) == 0 || strncasecmp(name, "utf32", 5) == 0;
}

/* Finds encoding="..." in an XML declaration at the start of s. */
static bool sniff_declared(const char *s, size_t len, char *name, size_t size)
{
	if (len < 6 || memcmp(s, "<?xml", 5) != 0)
		return false;
	const char *end = memmem(s, len, "?>", 2);
	if (end == NULL)
		end = s + len;
	const char *p = memmem(s, (size_t)(end - s), "encoding", 8);
	if (p == NULL)
		return false;
	p += 8;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p >= end || *p++ != '=')
		return false;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return false;
	char quote = *p++;
	size_t n = 0;
	while (p < end && *p != quote && n + 1 < size)
		name[n++] = *p++;
	name[n] = '\0';
	return p < end && *p == quote && n > 0;
}

/* Looks at the first bytes and picks the encoding; returns how many bytes
 * of byte-order mark to skip. */
static size_t detect(struct decoder *d, const unsigned char *s, size_t len)
{
	char declared[32];
	const char *from = NULL;
	size_t skip = 0;

	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		skip = 3;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		from = "UTF-16LE";
		skip = 2;
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		from = "UTF-16BE";
		skip = 2;
	} else if (len >= 4 && s[0] == '<' && s[1] == 0 && s[2] == '?' && s[3] == 0) {
		from = "UTF-16LE";
	} else if (len >= 4 && s[0] == 0 && s[1] == '<' && s[2] == 0 && s[3] == '?') {
		from = "UTF-16BE";
	} else if (d->hint != NULL) {
		from = canonical_charset(d->hint);
	} else if (sniff_declared((const char *)s, len, declared, sizeof(declared))) {
		from = canonical_charset(declared);
		if (from == declared) {
			/* Not an alias: keep the declared name for iconv. */
			snprintf(d->charset, sizeof(d->charset), "%s", declared);
			from = d->charset;
		}
	}
	if (from != NULL && skip == 0 && len >= 2 && s[0] != 0 && s[1] != 0 &&
	    is_wide_unicode(from))
		from = NULL;
	if (from != NULL) {
		d->cd = iconv_open("UTF-8", from);
		if ((intptr_t)d->cd == -1) { /* iconv_open's (iconv_t)-1 */
			d->unknown = xstrdup(from);
			from = NULL;
		} else {
			d->use_iconv = true;
			if (from != d->charset)
				snprintf(d->charset, sizeof(d->charset), "%s", from);
			if (is_wide_unicode(from))
				d->unit = strstr(from, "32") != NULL || strstr(from, "-4") != NULL ? 4 : 2;
		}
	}
	if (from == NULL)
		strcpy(d->charset, "UTF-8");
	return skip;
}

/* Converts in through iconv; returns the bytes consumed (an incomplete
 * sequence at the end is left unless final). */
static size_t convert_run(struct decoder *d, const char *in, size_t len, bool final,
			  struct buf *out)
{
	char chunk[16384];
	char *src = (char *)in;
	size_t left = len;

	while (left > 0) {
		char *dst = chunk;
		size_t room = sizeof(chunk);
		size_t rc = iconv(d->cd, &src, &left, &dst, &room);
		int err = rc == (size_t)-1 ? errno : 0;
		d->replaced += utf8_sanitize(out, chunk, (size_t)(dst - chunk));
		if (err == EINVAL && final) {
			/* A sequence cut off by the end: one replacement. */
			buf_puts(out, REPLACEMENT);
			d->replaced++;
			src += left;
			left = 0;
		} else if (err == EILSEQ) {
			/* Skip a whole code unit: one byte of UTF-16 would put
			 * the rest of the document out of step. */
			size_t skip = d->unit < left ? d->unit : left;
			buf_puts(out, REPLACEMENT);
			d->replaced++;
			src += skip;
			left -= skip;
		} else if (err == EINVAL) {
			break;
		} else if (err != 0 && err != E2BIG) {
			/* Any other failure: drop the byte rather than loop. */
			src++;
			left--;
		}
	}
	return len - left;
}

static size_t convert(struct decoder *d, const char *in, size_t len, bool final,
		      struct buf *out)
{
	if (d->use_iconv)
		return convert_run(d, in, len, final, out);
	return sanitize_run(out, (const unsigned char *)in, len, final, &d->replaced);
}

size_t decoder_passthrough(const struct decoder *d, const char *in, size_t len)
{
	if (!d->started || d->use_iconv || d->pending.len > 0)
		return 0;
	return valid_prefix((const unsigned char *)in, len);
}

void decoder_push(struct decoder *d, const char *in, size_t len, bool final,
		  struct buf *out)
{
	const char *src = in;
	size_t srclen = len;
	bool from_pending = !d->started || d->pending.len > 0;

	if (from_pending) {
		buf_append(&d->pending, in, len);
		if (!d->started && d->pending.len < SNIFF_LEN && !final)
			return;
		src = d->pending.data;
		srclen = d->pending.len;
	}
	if (!d->started) {
		size_t skip = detect(d, (const unsigned char *)src, srclen);
		src += skip;
		srclen -= skip;
		d->started = true;
	}
	size_t used = convert(d, src, srclen, final, out);
	size_t rest = srclen - used;
	if (!from_pending) {
		if (rest > 0) /* src is NULL when the last push brings nothing */
			buf_append(&d->pending, src + used, rest);
	} else {
		memmove(d->pending.data, src + used, rest);
		d->pending.len = rest;
		d->pending.data[rest] = '\0';
	}
}
