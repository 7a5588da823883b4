/* Feed dates: RFC 822 and its descendants (RSS), RFC 3339 / ISO 8601
 * (Atom, W3CDTF, Dublin Core) and asctime, turned into Unix time.
 *
 * The parser is a hand-written scanner over [p, end) rather than sscanf or
 * strptime: those depend on the locale, accept more than they should and
 * overflow silently on long digit runs.  Every number is read from a run
 * of digits whose length was checked first, so no input can overflow, and
 * the calendar arithmetic is done here, independent of the C library's
 * time zone handling. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "parse/date.h"

#include <stddef.h>
#include <string.h>

#define SECONDS_PER_DAY 86400
#define MIN_YEAR 1900
#define MAX_YEAR 9999

/* The range date_format_iso can write: 0000-01-01T00:00:00Z and
 * 9999-12-31T23:59:59Z. */
#define FORMAT_MIN_TIME INT64_C(-62167219200)
#define FORMAT_MAX_TIME INT64_C(253402300799)

/* The unread part of the input; end is one past the last character that
 * is not trailing white space, so reaching it means the input is used up. */
struct cursor {
	const char *p;
	const char *end;
};

/* What the scanners found, before range checks. */
struct date_fields {
	int year;
	int month;
	int day;
	int hour;
	int minute;
	int second;
	bool fraction;     /* the seconds had a nonzero fraction */
	int offset;        /* minutes east of UTC */
};

struct zone_name {
	const char *name;  /* lower case */
	int offset;        /* minutes east of UTC */
};

/* Zone names seen in feeds.  Only names with one dominant meaning are
 * here; the few ambiguous ones that are too common to refuse take their
 * usual feed meaning: CST is US Central (RFC 822), IST is India, BST is
 * British Summer Time.  Anything else is rejected rather than guessed. */
static const struct zone_name zone_names[] = {
	{ "ut", 0 },      { "utc", 0 },     { "gmt", 0 },
	{ "est", -300 },  { "edt", -240 },  { "cst", -360 },  { "cdt", -300 },
	{ "mst", -420 },  { "mdt", -360 },  { "pst", -480 },  { "pdt", -420 },
	{ "akst", -540 }, { "akdt", -480 }, { "hst", -600 },
	{ "wet", 0 },     { "west", 60 },   { "bst", 60 },
	{ "cet", 60 },    { "cest", 120 },  { "eet", 120 },   { "eest", 180 },
	{ "msk", 180 },   { "ist", 330 },
	{ "sgt", 480 },   { "hkt", 480 },   { "awst", 480 },
	{ "jst", 540 },   { "kst", 540 },
	{ "acst", 570 },  { "acdt", 630 },
	{ "aest", 600 },  { "aedt", 660 },
	{ "nzst", 720 },  { "nzdt", 780 },
};

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

static const char *const weekday_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

/* Character classes, spelt out so that the locale cannot change them and
 * so that negative chars are harmless. */
static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool is_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
	       ch == '\v' || ch == '\f';
}

static char to_lower(char ch)
{
	return (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
}

static bool at_end(const struct cursor *c)
{
	return c->p >= c->end;
}

static char peek(const struct cursor *c)
{
	return at_end(c) ? '\0' : *c->p;
}

static bool take_char(struct cursor *c, char ch)
{
	if (at_end(c) || *c->p != ch)
		return false;
	c->p++;
	return true;
}

static bool take_sign(struct cursor *c, int *sign)
{
	if (take_char(c, '+'))
		*sign = 1;
	else if (take_char(c, '-'))
		*sign = -1;
	else
		return false;
	return true;
}

static size_t skip_spaces(struct cursor *c)
{
	size_t n = 0;

	while (!at_end(c) && is_space(*c->p)) {
		c->p++;
		n++;
	}
	return n;
}

/* Feeds scatter commas around RFC 822 dates ("Fri,, 21 Nov 2025, 08:00"),
 * so where a comma can appear any mix of commas and spaces is taken. */
static size_t skip_spaces_commas(struct cursor *c)
{
	size_t n = 0;

	while (!at_end(c) && (is_space(*c->p) || *c->p == ',')) {
		c->p++;
		n++;
	}
	return n;
}

static size_t digit_run(const struct cursor *c)
{
	const char *q = c->p;

	while (q < c->end && is_digit(*q))
		q++;
	return (size_t)(q - c->p);
}

static size_t alpha_run(const struct cursor *c)
{
	const char *q = c->p;

	while (q < c->end && is_alpha(*q))
		q++;
	return (size_t)(q - c->p);
}

/* Consumes n digits, which the caller has seen are there; n is at most 8,
 * so the value fits an int. */
static int take_number(struct cursor *c, size_t n)
{
	int value = 0;

	while (n-- > 0)
		value = value * 10 + (*c->p++ - '0');
	return value;
}

/* Reads a number written with min to max digits.  A longer run is an
 * error, not something to read part of: "123:45" is no time. */
static bool read_number(struct cursor *c, size_t min, size_t max, int *out)
{
	size_t n = digit_run(c);

	if (n < min || n > max)
		return false;
	*out = take_number(c, n);
	return true;
}

/* Whether the n letters at w are name (lower case), ignoring case. */
static bool word_is(const char *w, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (name[i] == '\0' || to_lower(w[i]) != name[i])
			return false;
	return name[n] == '\0';
}

/* Whether the n letters at w abbreviate name: at least three letters
 * and a prefix of it, which takes "Sep", "Sept", "Thurs" and "Wednesday"
 * alike.  Three letters are enough to tell months and weekdays apart. */
static bool word_abbreviates(const char *w, size_t n, const char *name)
{
	size_t i;

	if (n < 3)
		return false;
	for (i = 0; i < n; i++)
		if (name[i] == '\0' || to_lower(w[i]) != name[i])
			return false;
	return true;
}

static bool is_weekday(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(weekday_names) / sizeof(weekday_names[0]); i++)
		if (word_abbreviates(w, n, weekday_names[i]))
			return true;
	return false;
}

static bool parse_month_name(struct cursor *c, int *month)
{
	size_t n = alpha_run(c);
	int i;

	for (i = 0; i < 12; i++) {
		if (word_abbreviates(c->p, n, month_names[i])) {
			c->p += n;
			*month = i + 1;
			return true;
		}
	}
	return false;
}

/* RFC 822 section 5.1 military zones: Z is UT, A to M (skipping J) are
 * -1 to -12 hours and N to Y are +1 to +12.  RFC 1123 notes that these
 * signs are the reverse of real military usage, and RFC 2822 therefore
 * says to read the letters as "unknown" (-0000).  We follow RFC 822 as
 * written, since that is the definition a feed using them claims to
 * follow; they are rare enough in practice that the choice matters little. */
static bool military_zone(char letter, int *offset)
{
	char l = to_lower(letter);
	int hours;

	if (l == 'z')
		hours = 0;
	else if (l >= 'a' && l <= 'i')
		hours = -(l - 'a' + 1);
	else if (l >= 'k' && l <= 'm')
		hours = -(l - 'a');  /* 'j' is skipped, so 'k' is -10 */
	else if (l >= 'n' && l <= 'y')
		hours = l - 'n' + 1;
	else
		return false;
	*offset = hours * 60;
	return true;
}

static bool lookup_zone_name(const char *w, size_t n, int *offset)
{
	size_t i;

	for (i = 0; i < sizeof(zone_names) / sizeof(zone_names[0]); i++) {
		if (word_is(w, n, zone_names[i].name)) {
			*offset = zone_names[i].offset;
			return true;
		}
	}
	return false;
}

/* The digits of a numeric offset, after its sign: "hhmm", "hh:mm" or
 * "hh"; after "GMT" or "UTC" a one-digit hour too ("GMT+8"). */
static bool parse_offset_digits(struct cursor *c, bool short_hour,
				int *offset)
{
	size_t n = digit_run(c);
	int hours;
	int minutes = 0;

	if (n == 4) {
		hours = take_number(c, 2);
		minutes = take_number(c, 2);
	} else if (n == 2 || (n == 1 && short_hour)) {
		hours = take_number(c, n);
		if (take_char(c, ':') && !read_number(c, 2, 2, &minutes))
			return false;
	} else {
		return false;
	}
	if (hours > 23 || minutes > 59)
		return false;
	*offset = hours * 60 + minutes;
	return true;
}

static bool parse_signed_offset(struct cursor *c, bool short_hour,
				int *offset)
{
	int sign;

	if (!take_sign(c, &sign) || !parse_offset_digits(c, short_hour, offset))
		return false;
	*offset *= sign;
	return true;
}

/* A time zone: a numeric offset, "Z", a name from zone_names, "GMT",
 * "UTC" or "UT" followed by an offset ("GMT+08:00"), or, where
 * allow_military is set, an RFC 822 military letter. */
static bool parse_zone(struct cursor *c, bool allow_military, int *offset)
{
	const char *word = c->p;
	size_t n;

	if (peek(c) == '+' || peek(c) == '-')
		return parse_signed_offset(c, false, offset);

	n = alpha_run(c);
	if (n == 0)
		return false;
	c->p += n;

	if ((word_is(word, n, "gmt") || word_is(word, n, "utc") ||
	     word_is(word, n, "ut")) &&
	    (peek(c) == '+' || peek(c) == '-'))
		return parse_signed_offset(c, true, offset);
	if (lookup_zone_name(word, n, offset))
		return true;
	if (n == 1 && (allow_military || to_lower(*word) == 'z'))
		return military_zone(*word, offset);
	return false;
}

/* Fractions of a second are dropped, but remembered when nonzero so that
 * "24:00:00.5" can be refused. */
static bool skip_fraction(struct cursor *c, struct date_fields *f)
{
	if (!take_char(c, '.'))
		return true;
	if (digit_run(c) == 0)
		return false;
	while (!at_end(c) && is_digit(*c->p)) {
		if (*c->p != '0')
			f->fraction = true;
		c->p++;
	}
	return true;
}

/* "HH:MM" or "HH:MM:SS[.fff]"; RFC 822 feeds also write one-digit hours,
 * which min_hour_digits of 1 allows. */
static bool parse_clock(struct cursor *c, size_t min_hour_digits,
			struct date_fields *f)
{
	if (!read_number(c, min_hour_digits, 2, &f->hour) ||
	    !take_char(c, ':') || !read_number(c, 2, 2, &f->minute))
		return false;
	if (take_char(c, ':')) {
		if (!read_number(c, 2, 2, &f->second))
			return false;
		return skip_fraction(c, f);
	}
	return true;
}

/* RFC 2822 allows a comment after the zone, and mail-derived feeds carry
 * one: "+0000 (UTC)".  Nested comments are not worth supporting. */
static bool skip_comment(struct cursor *c)
{
	skip_spaces(c);
	if (!take_char(c, '('))
		return true;
	while (!at_end(c) && *c->p != ')') {
		if (*c->p == '(')
			return false;
		c->p++;
	}
	if (!take_char(c, ')'))
		return false;
	skip_spaces(c);
	return true;
}

/* Two-digit years follow the usual pivot; three digits are RFC 2822's
 * obsolete form, a struct tm year written as is (2025 as "125"). */
static bool parse_rfc_year(struct cursor *c, int *year)
{
	size_t n = digit_run(c);
	int y;

	if (n < 2 || n > 4)
		return false;
	y = take_number(c, n);
	if (n == 2)
		y += y < 50 ? 2000 : 1900;
	else if (n == 3)
		y += 1900;
	*year = y;
	return true;
}

/* "21 Nov 2025", and RFC 850's "21-Nov-25". */
static bool parse_day_month_year(struct cursor *c, struct date_fields *f)
{
	bool dashes;

	if (!read_number(c, 1, 2, &f->day))
		return false;
	dashes = take_char(c, '-');
	if (!dashes && skip_spaces(c) == 0)
		return false;
	if (!parse_month_name(c, &f->month))
		return false;
	if (dashes ? !take_char(c, '-') : skip_spaces(c) == 0)
		return false;
	return parse_rfc_year(c, &f->year);
}

/* After an RFC 822 date: an optional time, an optional zone (UTC when
 * missing) and an optional comment, and nothing else. */
static bool parse_rfc_tail(struct cursor *c, struct date_fields *f)
{
	if (at_end(c))
		return true;
	if (skip_spaces_commas(c) == 0)
		return false;
	if (is_digit(peek(c)) && !parse_clock(c, 1, f))
		return false;
	skip_spaces(c);
	if (at_end(c))
		return true;
	if (!parse_zone(c, true, &f->offset))
		return false;
	return skip_comment(c) && at_end(c);
}

/* asctime order, "Oct  9 08:00:00 2025", also with a zone before or
 * after the year as date(1) and some servers write it. */
static bool parse_month_day_time_year(struct cursor *c,
				      struct date_fields *f)
{
	bool have_zone = false;

	if (!parse_month_name(c, &f->month) || skip_spaces(c) == 0 ||
	    !read_number(c, 1, 2, &f->day) || skip_spaces(c) == 0 ||
	    !parse_clock(c, 1, f) || skip_spaces(c) == 0)
		return false;
	if (!is_digit(peek(c))) {
		if (!parse_zone(c, true, &f->offset) || skip_spaces(c) == 0)
			return false;
		have_zone = true;
	}
	if (!read_number(c, 4, 4, &f->year))
		return false;
	if (at_end(c))
		return true;
	if (have_zone || skip_spaces(c) == 0)
		return false;
	return parse_zone(c, true, &f->offset) && at_end(c);
}

/* Everything that is not ISO 8601: RFC 822 style with or without a
 * weekday, and asctime.  The weekday is skipped unchecked; feeds get it
 * wrong often enough that it cannot be used to reject a date. */
static bool parse_textual(struct cursor *c, struct date_fields *f)
{
	size_t n = alpha_run(c);

	if (n > 0 && is_weekday(c->p, n)) {
		c->p += n;
		if (skip_spaces_commas(c) == 0)
			return false;
		n = alpha_run(c);
	}
	if (n > 0)
		return parse_month_day_time_year(c, f);
	return parse_day_month_year(c, f) && parse_rfc_tail(c, f);
}

/* An optional zone after an ISO 8601 time: "Z", "+hh:mm", "+hhmm", "+hh",
 * or, after a space, a zone name.  Military letters other than Z are not
 * ISO 8601 and are refused. */
static bool parse_iso_zone(struct cursor *c, struct date_fields *f)
{
	if (at_end(c))
		return true;
	skip_spaces(c);
	return parse_zone(c, false, &f->offset) && at_end(c);
}

/* "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fff]][zone]";
 * the caller has seen the four digits of the year. */
static bool parse_iso_extended(struct cursor *c, struct date_fields *f)
{
	f->year = take_number(c, 4);
	if (at_end(c))
		return true;
	if (!take_char(c, '-') || !read_number(c, 2, 2, &f->month))
		return false;
	if (at_end(c))
		return true;
	if (!take_char(c, '-') || !read_number(c, 2, 2, &f->day))
		return false;
	if (at_end(c))
		return true;
	if (!take_char(c, 'T') && !take_char(c, 't') && !take_char(c, ' '))
		return false;
	return parse_clock(c, 2, f) && parse_iso_zone(c, f);
}

/* "YYYYMMDD" or "YYYYMMDDTHHMM[SS[.fff]][zone]"; the caller has seen the
 * eight digits of the date. */
static bool parse_iso_basic(struct cursor *c, struct date_fields *f)
{
	size_t n;

	f->year = take_number(c, 4);
	f->month = take_number(c, 2);
	f->day = take_number(c, 2);
	if (at_end(c))
		return true;
	if (!take_char(c, 'T') && !take_char(c, 't'))
		return false;
	n = digit_run(c);
	if (n != 4 && n != 6)
		return false;
	f->hour = take_number(c, 2);
	f->minute = take_number(c, 2);
	if (n == 6) {
		f->second = take_number(c, 2);
		if (!skip_fraction(c, f))
			return false;
	}
	return parse_iso_zone(c, f);
}

static bool is_leap_year(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (month == 2 && is_leap_year(year))
		return 29;
	return days[month - 1];
}

/* Leap years among 1..y, for y >= 0. */
static int64_t leap_years_through(int64_t y)
{
	return y / 4 - y / 100 + y / 400;
}

/* Days from 1970-01-01 to the given date of the proleptic Gregorian
 * calendar, for years >= 1. */
static int64_t days_from_civil(int year, int month, int day)
{
	static const int days_before_month[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
	};
	int64_t days = INT64_C(365) * (year - 1970) +
		       leap_years_through(year - 1) - leap_years_through(1969) +
		       days_before_month[month - 1] + (day - 1);

	if (month > 2 && is_leap_year(year))
		days++;
	return days;
}

static bool fields_to_time(const struct date_fields *f, int64_t *out)
{
	int second = f->second;

	if (f->year < MIN_YEAR || f->year > MAX_YEAR || f->month < 1 ||
	    f->month > 12 || f->day < 1 ||
	    f->day > days_in_month(f->year, f->month) || f->hour > 24 ||
	    f->minute > 59 || second > 60)
		return false;
	/* 24:00:00 is ISO 8601's end of the day, the next midnight; the sum
	 * below carries it into the next day by itself. */
	if (f->hour == 24 && (f->minute != 0 || second != 0 || f->fraction))
		return false;
	/* POSIX time has no leap seconds; keeping 23:59:60 in its own minute
	 * is better than spilling it into the next day. */
	if (second == 60)
		second = 59;
	*out = days_from_civil(f->year, f->month, f->day) * SECONDS_PER_DAY +
	       (int64_t)f->hour * 3600 + (int64_t)f->minute * 60 + second -
	       (int64_t)f->offset * 60;
	return true;
}

bool date_parse(const char *s, int64_t *out)
{
	struct cursor c;
	struct date_fields f = { .month = 1, .day = 1 };
	size_t n;
	bool ok;
	int64_t t;

	if (s == NULL || out == NULL)
		return false;
	c.p = s;
	c.end = s + strlen(s);
	while (c.end > c.p && is_space(c.end[-1]))
		c.end--;
	skip_spaces(&c);
	if (at_end(&c))
		return false;

	/* ISO 8601 dates open with a four-digit year (or eight digits in the
	 * basic format); RFC 822 ones with a weekday or a short day number. */
	n = digit_run(&c);
	if (n == 4)
		ok = parse_iso_extended(&c, &f);
	else if (n == 8)
		ok = parse_iso_basic(&c, &f);
	else
		ok = parse_textual(&c, &f);
	if (!ok || !fields_to_time(&f, &t))
		return false;
	*out = t;
	return true;
}

/* Writes value as exactly width decimal digits, zero-padded. */
static char *put_digits(char *p, int64_t value, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + value % 10);
		value /= 10;
	}
	return p + width;
}

/* Times beyond the four-digit years the format can hold are clamped to its
 * first or last second, which keeps the output well-formed and of fixed
 * length for any input. */
void date_format_iso(int64_t t, char *buf)
{
	/* Cumulative day counts of a year that starts on 1 March, so that the
	 * leap day is the year's last day and months need no leap test. */
	static const int march_month_start[12] = {
		0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337,
	};
	int64_t days, secs, n, year;
	int64_t q400, q100, q4, q1;
	int mi, month, day;
	char *p = buf;

	if (t < FORMAT_MIN_TIME)
		t = FORMAT_MIN_TIME;
	else if (t > FORMAT_MAX_TIME)
		t = FORMAT_MAX_TIME;

	days = t / SECONDS_PER_DAY;
	secs = t % SECONDS_PER_DAY;
	if (secs < 0) {
		secs += SECONDS_PER_DAY;
		days--;
	}

	/* Count from -0400-03-01, 719468 + 146097 days before the epoch, so
	 * that n is never negative.  Then peel off 400-, 100-, 4- and 1-year
	 * spans; the last day of a 400-year or 4-year span is a leap day,
	 * which the caps at 3 keep in the span it belongs to. */
	n = days + 719468 + 146097;
	q400 = n / 146097;
	n %= 146097;
	q100 = n / 36524;
	if (q100 > 3)
		q100 = 3;
	n -= q100 * 36524;
	q4 = n / 1461;
	n %= 1461;
	q1 = n / 365;
	if (q1 > 3)
		q1 = 3;
	n -= q1 * 365;
	year = q400 * 400 + q100 * 100 + q4 * 4 + q1 - 400;

	mi = 11;
	while (mi > 0 && n < march_month_start[mi])
		mi--;
	day = (int)(n - march_month_start[mi]) + 1;
	month = mi < 10 ? mi + 3 : mi - 9;
	if (month <= 2)
		year++;

	p = put_digits(p, year, 4);
	*p++ = '-';
	p = put_digits(p, month, 2);
	*p++ = '-';
	p = put_digits(p, day, 2);
	*p++ = 'T';
	p = put_digits(p, secs / 3600, 2);
	*p++ = ':';
	p = put_digits(p, secs / 60 % 60, 2);
	*p++ = ':';
	p = put_digits(p, secs % 60, 2);
	*p++ = 'Z';
	*p = '\0';
}
