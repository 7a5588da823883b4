/* Where retl keeps its files: the XDG base directories. */
#ifndef RETL_PATHS_H
#define RETL_PATHS_H

#include <stdbool.h>

/* $XDG_DATA_HOME/retl/retl.db, or ~/.local/share/retl/retl.db.  Fresh. */
char *default_db_path(void);
/* $XDG_CONFIG_HOME/retl/NAME, or ~/.config/retl/NAME.  Fresh. */
char *user_config_path(const char *name);
/* The shipped default of a config file: PKGDATADIR/NAME, or the source
 * tree's copy when retl runs uninstalled.  Fresh. */
char *shipped_config_path(const char *name);

/* Creates the folders above path (mode 0700) as needed; false with errno
 * set when one cannot be made. */
bool make_parent_dirs(const char *path);

#endif
