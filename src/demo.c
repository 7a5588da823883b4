#include "config.h"

#include "demo.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/util.h"
#include "present/ui.h"
#include "refresh.h"

/* Where the demo feeds are: $RETL_DEMO_DIR, the installed copy, else the
 * source tree's (an uninstalled build). */
static char *demo_dir(void)
{
	const char *env = getenv("RETL_DEMO_DIR");
	struct stat st;
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (stat(PKGDATADIR "/demo/01-mofcom.xml", &st) == 0)
		return xstrdup(PKGDATADIR "/demo");
	return xstrdup(SRCDIR "/data/demo");
}

/* The actor each official demo source speaks for, by its file's name. */
static const char *actor_of(const char *file)
{
	static const char *const sources[][2] = {
		{"mofcom", "MOFCOM"},	 {"ustr", "USTR"},
		{"treasury", "US Treasury"}, {"whitehouse", "White House"},
		{"commerce", "US Commerce Department"},
	};
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		if (strstr(file, sources[i][0]) != NULL)
			return sources[i][1];
	return NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* feeds.conf: one file:// feed per NN-name.xml of the demo directory. */
static int write_feeds(const char *dir, const char *conf)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	char *names[64] = {NULL};
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 64) {
		size_t len = strlen(e->d_name);
		if (len > 7 && e->d_name[0] >= '0' && e->d_name[0] <= '9' &&
		    strcmp(e->d_name + len - 4, ".xml") == 0)
			names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof(names[0]), by_name);
	FILE *f = fopen(conf, "w");
	if (f == NULL) {
		for (int i = 0; i < n; i++)
			free(names[i]);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char *name = xstrndup(names[i] + 3, strlen(names[i]) - 7);
		const char *actor = actor_of(names[i]);
		fprintf(f, "file://%s/%s name=%s%s%s%s\n", dir, names[i], name,
			actor != NULL ? " actor=\"" : "", actor != NULL ? actor : "",
			actor != NULL ? "\"" : "");
		free(name);
		free(names[i]);
	}
	fclose(f);
	return n;
}

int demo_run(void)
{
	char *dir = demo_dir();
	char *abs = realpath(dir, NULL);
	char tmp[64], conf[96], db[96];
	snprintf(tmp, sizeof(tmp), "/tmp/retl-demo-%ld", (long)getpid());
	snprintf(conf, sizeof(conf), "%s/feeds.conf", tmp);
	snprintf(db, sizeof(db), "%s/retl.db", tmp);
	if (abs == NULL) {
		fprintf(stderr, _("retl: %s: cannot find the demo feeds: %s (set RETL_DEMO_DIR)\n"),
			dir, strerror(errno));
		free(dir);
		return 1;
	}
	free(dir);
	if (mkdir(tmp, 0700) != 0) {
		fprintf(stderr, _("retl: %s: cannot create the demo's directory: %s\n"), tmp,
			strerror(errno));
		free(abs);
		return 1;
	}
	int rc = 1;
	int nfeeds = write_feeds(abs, conf);
	if (nfeeds > 0) {
		struct refresh_args r = {.db_path = db, .config_path = conf,
					 .verbosity = VERBOSITY_QUIET, .force = true};
		fprintf(stderr, _("retl: loading the demo feeds...\n"));
		rc = refresh_run(&r);
		if (rc == 0)
			rc = ui_run(db, conf);
	} else if (nfeeds == 0) {
		fprintf(stderr,
			_("retl: %s: no demo feeds there (set RETL_DEMO_DIR to their directory)\n"),
			abs);
	} else {
		fprintf(stderr, _("retl: cannot read %s or write %s: %s\n"), abs, conf,
			strerror(errno));
	}
	char path[160];
	static const char *const files[] = {"retl.db", "retl.db-wal", "retl.db-shm", "retl.db.lock",
					    "feeds.conf"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", tmp, files[i]);
		unlink(path);
	}
	rmdir(tmp);
	free(abs);
	return rc;
}
