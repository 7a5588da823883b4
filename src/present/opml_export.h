/* The feeds of a feeds.conf as an OPML 2.0 subscription list. */
#ifndef RETL_OPML_EXPORT_H
#define RETL_OPML_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "conf/feeds_conf.h"

/* Writes conf's feeds to out: each under a folder named by its first tag
 * (what other readers show), its tags also in OPML's category, and all it
 * has that OPML lacks in retl's namespace, so that --import-opml reads it
 * back unchanged.  False when out could not be written. */
bool opml_export(const struct feeds_conf *conf, FILE *out);

#endif
