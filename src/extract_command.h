/* `retl --extract FILE`: the article text of a saved web page. */
#ifndef RETL_EXTRACT_COMMAND_H
#define RETL_EXTRACT_COMMAND_H

#include <stddef.h>

#include "refresh.h"

/* Prints the main text of the HTML page in file ("-": standard input),
 * paragraphs separated by blank lines; with verbosity VERBOSE, how it was
 * found on standard error.  Returns the exit status: 0 printed, 1 the
 * file is unreadable, too large or has no article text. */
int extract_command(const char *file, size_t max_size, enum verbosity verbosity);

#endif
