/* The analysis of one article: who is mentioned, who said what, what
 * happened when, and which documents are cited.  Every stage works on the
 * same plain text and refers to it by byte offsets. */
#ifndef RETL_ANALYSIS_H
#define RETL_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct actors; /* actors.h: the known actors and their aliases */

/* A stretch of the text, [start, end) in bytes. */
struct span {
	size_t start;
	size_t end;
};

/* A civil date (no time of day). */
struct ymd {
	int year, month, day;
};

/* TimeML-style precision of an event date. */
enum precision {
	PRECISION_DAY,	 /* 2025-11-20 */
	PRECISION_WEEK,	 /* 2025-W47 (ISO week) */
	PRECISION_MONTH, /* 2025-11 */
	PRECISION_YEAR,	 /* 2025 */
};

/* The article as the stages see it: plain text, split once. */
struct doc {
	const char *text; /* UTF-8, paragraphs separated by "\n\n" */
	size_t len;
	struct ymd date; /* the article's publication date */
	struct span *paragraphs;
	size_t nparagraphs;
	struct span *sentences; /* in order; never across paragraphs */
	size_t nsentences;
};

/* One actor mentioned: index into the actors table, where. */
struct mention {
	int actor;
	struct span where;
};

/* A resolved time expression. */
struct time_expr {
	struct span where;	 /* the expression, e.g. "last week" */
	enum precision precision;
	struct ymd value;	 /* day precision: all three; week: year and
				  * day = ISO week number; month: year, month */
	bool is_duration;	 /* "for 90 days": not an event */
};

enum quote_kind { QUOTE_DIRECT, QUOTE_INDIRECT, QUOTE_MIXED };

struct quote {
	char *speaker;	  /* full name, or the described source */
	int actor;	  /* index into actors, or -1 */
	enum quote_kind kind;
	char *cue;	  /* the verb: "said", "stated", "according to"... */
	struct span text; /* the words, without quotation marks */
};

/* Bounds that keep one hostile article from costing more than its size
 * several times over: the text of an event (a sentence of 1 MB is no
 * sentence), the span of one quote, and the bytes of all quotes of an
 * article against its own. */
#define EVENT_TEXT_MAX 480
#define QUOTE_TEXT_MAX 8192
#define QUOTES_PER_TEXT 2

struct event {
	struct time_expr when;
	size_t sentence; /* index into doc.sentences */
	struct span text; /* the sentence, or the part of a long one around
			   * the expression (at most EVENT_TEXT_MAX bytes) */
	int *actors;	 /* indexes into actors */
	size_t nactors;
};

struct docref {
	char *name; /* normalised: "Announcement No. 62 of 2025" */
	struct span where;
};

struct analysis {
	struct mention *mentions;
	size_t nmentions;
	struct quote *quotes;
	size_t nquotes;
	struct time_expr *timexes;
	size_t ntimexes;
	struct event *events;
	size_t nevents;
	struct docref *docrefs;
	size_t ndocrefs;
};

#endif
