/* For the store's own files only: the connection behind a struct store. */
#ifndef RETL_STORE_DB_H
#define RETL_STORE_DB_H

#include <sqlite3.h>

#include "store/store.h"

sqlite3 *store_db(struct store *s);

/* Binds a string, or NULL when v is NULL (SQLITE_STATIC: v must outlive
 * the step). */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);

#endif
