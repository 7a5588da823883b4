/* actors.conf: the actors retl knows, their aliases and their people;
 * and finding their mentions in a text. */
#ifndef RETL_ACTORS_H
#define RETL_ACTORS_H

#include <stdbool.h>
#include <stddef.h>

#include "analyse/analysis.h"

enum actor_kind { ACTOR_COUNTRY, ACTOR_AGENCY, ACTOR_ORGANISATION, ACTOR_PERSON };

struct person {
	char *name; /* "Scott Bessent" */
	char *role; /* "Treasury Secretary", or NULL */
	char **aliases; /* other names that are theirs: "President Trump" */
	size_t naliases;
};

struct actor {
	char *name;	/* canonical: "MOFCOM" */
	enum actor_kind kind;
	char *country;	/* "China", or NULL */
	char **aliases; /* "Ministry of Commerce", "Commerce Ministry", ... */
	size_t naliases;
	struct person *people;
	size_t npeople;
};

struct actors; /* opaque: the table plus its matcher */

/* Loads the files in order (later ones add actors, aliases and people,
 * and may extend an actor named again); a NULL path ends the list and a
 * path that does not exist is skipped.  On error returns NULL with *error
 * "PATH:LINE: what is wrong" (to free). */
struct actors *actors_load(const char *const *paths, char **error);
/* The same for text in memory (tests, fuzzing); path names it. */
struct actors *actors_parse(const char *path, const char *text, size_t len, char **error);
void actors_free(struct actors *a);

size_t actors_count(const struct actors *a);
const struct actor *actors_get(const struct actors *a, int index);

/* The actor whose canonical name or alias is name (case-insensitive,
 * white space and apostrophes folded, a leading "the" ignored), or -1. */
int actors_lookup(const struct actors *a, const char *name);
/* The actor a person (full name or one of their aliases,
 * case-insensitive) speaks for, or -1; *person gets the person when not
 * NULL. */
int actors_person(const struct actors *a, const char *name, const struct person **person);

/* Every mention of an actor or of one of its people in d: whole words,
 * case-aware (acronyms exact), possessives ("China's"), longest match
 * first, no overlaps; in text order.  Appends to *out (xrealloc'd). */
void actors_find_mentions(const struct actors *a, const struct doc *d, struct mention **out,
			  size_t *n);

#endif
