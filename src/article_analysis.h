/* The analysis of stored articles: what a refresh runs on every new or
 * changed entry, and what --reanalyze runs on all of them. */
#ifndef RETL_ARTICLE_ANALYSIS_H
#define RETL_ARTICLE_ANALYSIS_H

#include <stdbool.h>
#include <stdint.h>

#include "analyse/actors.h"
#include "store/store.h"

struct analyser;

/* Loads actors.conf (the shipped or RETL_ACTORS one, then the user's) and
 * prepares to write analyses into s.  On a bad actors.conf returns NULL
 * with *error naming file and line (to free), *config_error set. */
struct analyser *analyser_new(struct store *s, char **error, bool *config_error);
void analyser_free(struct analyser *an);

/* Analyses one article (HTML, or plain text when plain is set: a page's
 * extracted text; written at date, UTC seconds) and stores the result,
 * inside the caller's transaction; fresh: it was never analysed before. */
bool analyser_run(struct analyser *an, int64_t article_id, bool fresh, const char *html,
		  bool plain, int64_t date);

/* Analyses the stored articles in batches, one transaction each: all of
 * them, or those pending (new or changed since their last analysis). */
bool analyser_run_stored(struct analyser *an, struct store *s, bool pending_only, bool progress);

/* Analyses the pending articles of the database at db_path in a detached
 * process, so that the caller need not wait: at most one at a time. */
void analyse_pending_detached(const char *db_path);

/* `retl --analyze FILE --date YYYY-MM-DD`: exit status. */
int analyze_file_command(const char *path, const char *date);

/* `retl --reanalyze`: exit status.  verbosity is the refresh's: quiet
 * says nothing, verbose adds where the time went. */
int reanalyze_command(const char *db_path, int verbosity);

#endif
