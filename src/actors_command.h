/* `retl --list-actors`: the actors of the store, for people and for shell
 * completion. */
#ifndef RETL_ACTORS_COMMAND_H
#define RETL_ACTORS_COMMAND_H

/* Prints "NAME<TAB>EVENTS" for each actor of the store at db_path (NULL:
 * the default), most events first.  Returns the exit status. */
int list_actors_command(const char *db_path);

#endif
