/* What the user interface says on an empty timeline: where the feeds come
 * from, how to add feeds, how to refresh. */
#ifndef RETL_UI_WELCOME_H
#define RETL_UI_WELCOME_H

/* Paragraphs separated by blank lines ("\n\n"), to wrap to the screen;
 * config_given is --config (NULL: RETL_CONFIG, the user's, the shipped
 * list).  Fresh. */
char *ui_welcome_text(const char *config_given);

#endif
