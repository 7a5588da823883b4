/* The terminal UI: the timeline, an article, the quotes, the actor
 * picker, date range, search and help (retl(1), "THE USER INTERFACE"). */
#ifndef RETL_UI_H
#define RETL_UI_H

/* Runs the UI on the database at db_path (NULL: the default) until the
 * user quits.  config_path is passed on to refreshes (R).  Returns the
 * exit status. */
int ui_run(const char *db_path, const char *config_path);

#endif
