/* `retl --refresh`: fetch every feed, parse it, store what is new. */
#ifndef RETL_REFRESH_H
#define RETL_REFRESH_H

#include <stdbool.h>

enum verbosity { VERBOSITY_QUIET, VERBOSITY_NORMAL, VERBOSITY_VERBOSE };

struct refresh_args {
	const char *db_path;	 /* NULL: RETL_DB, then the default */
	const char *config_path; /* NULL: RETL_CONFIG, then the user's, then shipped */
	enum verbosity verbosity;
	bool force;		 /* ignore interval= */
	bool wait;		 /* wait for a running refresh instead of leaving */
	int jobs;		 /* 0: feeds.conf's, else 8 */
};

/* Returns the exit status: 0 all feeds fine, 1 some failed, 2 bad config. */
int refresh_run(const struct refresh_args *args);

/* The feeds.conf to use, as refresh_run chooses it.  Fresh. */
char *refresh_config_path(const char *given);
/* The database to use.  Fresh. */
char *refresh_db_path(const char *given);

#endif
