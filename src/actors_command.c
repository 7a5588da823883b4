#include "config.h"

#include "actors_command.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/safetext.h"
#include "refresh.h"
#include "store/store.h"
#include "store/timeline.h"

int list_actors_command(const char *db_path)
{
	char *path = refresh_db_path(db_path);
	char *error = NULL;
	struct store *s = store_open(path, false, &error);
	if (s == NULL) {
		/* The error names the store already. */
		if (access(path, F_OK) != 0)
			fprintf(stderr, _("retl: %s (run retl --refresh first)\n"),
				error != NULL ? error : path);
		else
			fprintf(stderr, "retl: %s\n", error != NULL ? error : path);
		free(error);
		free(path);
		return 1;
	}
	struct tl_filter all = {0};
	size_t n = 0;
	struct tl_actor *actors = timeline_actors(s, &all, &n);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *name = safe_text(actors[i].name != NULL ? actors[i].name : "");
		printf("%s\t%" PRId64 "\n", name, actors[i].events);
		free(name);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("retl: cannot write the output: %s\n"), strerror(errno));
		rc = 1;
	}
	tl_actors_free(actors, n);
	store_close(s);
	free(path);
	return rc;
}
