/* retl --since: the command around the report and its formats. */
#ifndef RETL_SUMMARISE_H
#define RETL_SUMMARISE_H

struct summarise_args {
	const char *db_path;
	const char *since, *until;
	const char *actors[16];
	int nactors;
	const char *feed, *tag, *grep, *format;
	int limit;
};

/* Returns the exit status: 0, 1 (the store could not be read), 2 (bad
 * usage: a date, an unknown actor or format). */
int summarise_run(const struct summarise_args *a);

#endif
