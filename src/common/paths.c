#include "config.h"

#include "common/paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/util.h"

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	if (home != NULL && *home == '/')
		return home;
	const struct passwd *pw = getpwuid(getuid());
	return pw != NULL && pw->pw_dir != NULL ? pw->pw_dir : "/";
}

/* $VAR when it is an absolute path (the XDG rule), else ~/FALLBACK;
 * then /retl/NAME. */
static char *xdg_path(const char *var, const char *fallback, const char *name)
{
	const char *base = getenv(var);
	struct buf b;

	buf_init(&b);
	if (base != NULL && *base == '/') {
		buf_puts(&b, base);
	} else {
		buf_puts(&b, home_dir());
		buf_putc(&b, '/');
		buf_puts(&b, fallback);
	}
	buf_puts(&b, "/retl/");
	buf_puts(&b, name);
	return buf_steal(&b);
}

char *default_db_path(void)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", "retl.db");
}

char *user_config_path(const char *name)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", name);
}

static char *join(const char *dir, const char *name)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, dir);
	buf_putc(&b, '/');
	buf_puts(&b, name);
	return buf_steal(&b);
}

char *shipped_config_path(const char *name)
{
	char *installed = join(PKGDATADIR, name);
	if (access(installed, F_OK) == 0)
		return installed;
	/* Not installed: run from the build tree, as the quick start does. */
	char *source = join(SRCDIR, name);
	/* SRCDIR may hold "..": say the file's own path */
	char *real = realpath(source, NULL);
	free(source);
	if (real != NULL) {
		free(installed);
		return real;
	}
	return installed;
}

bool make_parent_dirs(const char *path)
{
	char *copy = xstrdup(path);
	bool ok = true;

	for (char *p = copy + 1; *p && ok; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST)
			ok = false;
		*p = '/';
	}
	free(copy);
	return ok;
}
