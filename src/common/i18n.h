/* gettext glue: every user-facing string goes through _() or N_(). */
#ifndef RETL_I18N_H
#define RETL_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s) /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#else
#define _(s) (s) /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
