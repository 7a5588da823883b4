#ifndef RETL_DATE_H
#define RETL_DATE_H
#include <stdbool.h>
#include <stdint.h>
/* Parses a date as feeds write it into seconds since the Unix epoch, UTC.
 * Returns false (and leaves *out alone) when the string is not a date it
 * can read with confidence; never substitutes the current time. */
bool date_parse(const char *s, int64_t *out);
/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" (ISO 8601 UTC) into buf; buf holds
 * at least DATE_ISO_LEN bytes. */
#define DATE_ISO_LEN 21
void date_format_iso(int64_t t, char *buf);
#endif
