#include "config.h"

#include "store/forward.h"

#include <string.h>


#define FORWARD_STEPS 32 /* rows to step before a lookup is the cheaper */

bool forward_open(sqlite3 *db, const char *sql, struct forward *f)
{
	memset(f, 0, sizeof(*f));
	return sqlite3_prepare_v2(db, sql, -1, &f->st, NULL) == SQLITE_OK;
}

void forward_close(struct forward *f)
{
	sqlite3_finalize(f->st);
}

void forward_step(struct forward *f)
{
	int rc = sqlite3_step(f->st);
	f->failed = f->failed || (rc != SQLITE_ROW && rc != SQLITE_DONE);
	f->at = rc == SQLITE_ROW ? sqlite3_column_int64(f->st, 0) : INT64_MAX;
}

bool forward_ok(const struct forward *f)
{
	return !f->failed;
}

bool forward_to(struct forward *f, int64_t id)
{
	if (f->started && id >= f->from) {
		for (int k = 0; f->at < id && k < FORWARD_STEPS; k++)
			forward_step(f);
		if (f->at >= id) {
			f->from = id;
			return f->at == id;
		}
	}
	sqlite3_reset(f->st);
	sqlite3_bind_int64(f->st, 1, id);
	f->started = true;
	f->from = id;
	forward_step(f);
	return f->at == id;
}
