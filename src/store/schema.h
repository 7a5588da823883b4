/* The timeline's SQL schema, as a list of forward migrations. */
#ifndef RETL_SCHEMA_H
#define RETL_SCHEMA_H

#include <sqlite3.h>
#include <stdbool.h>

/* The version a database has once store_open is done with it. */
int schema_latest_version(void);

/* Brings db from its PRAGMA user_version to the latest, one migration per
 * transaction.  On error returns false with *error set (to free). */
bool schema_migrate(sqlite3 *db, char **error);

#endif
