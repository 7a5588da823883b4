/* bench/extract_speed: how fast extract_page() reads a folder of saved web
 * pages, on one thread.  Part of bench/extract (see bench/README.md).
 *
 *   extract_speed [-n PASSES] PAGEDIR
 *   extract_speed --check TEXTDIR PAGEDIR
 *
 * Every *.html file of PAGEDIR is read into memory first; then the timed
 * part calls extract_page() on each page in turn (PASSES times over the
 * whole folder, default 1) and frees its result.  It prints one line:
 *
 *   extract_speed: pages N bytes N passes N cpu SECONDS wall SECONDS cpu_mbps MB/S wall_mbps MB/S
 *
 * (CPU time of the process, CLOCK_PROCESS_CPUTIME_ID, and wall time,
 * CLOCK_MONOTONIC; MB = 10^6 bytes).  With --check, one pass writes each
 * page's text to TEXTDIR/NAME.txt (an empty file when no text was found)
 * and the line ends with no_text N, the pages without text. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parse/extract.h"

struct page {
	char *name; /* the file name without ".html" */
	char *data;
	size_t len;
};

struct pages {
	struct page *v;
	size_t n, cap;
	size_t bytes;
};

static void *xalloc(void *p, size_t n)
{
	void *q = realloc(p, n);
	if (q == NULL) {
		fprintf(stderr, "extract_speed: out of memory\n");
		exit(3);
	}
	return q;
}

static bool read_whole(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return false;
	size_t cap = 1 << 16;
	size_t n = 0;
	char *buf = xalloc(NULL, cap);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = xalloc(buf, cap);
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	bool ok = !ferror(f);
	fclose(f);
	if (!ok) {
		free(buf);
		return false;
	}
	*data = buf;
	*len = n;
	return true;
}

static int by_name(const void *a, const void *b)
{
	const struct page *x = a;
	const struct page *y = b;
	return strcmp(x->name, y->name);
}

static bool load(const char *dir, struct pages *ps)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "extract_speed: %s: %s\n", dir, strerror(errno));
		return false;
	}
	const struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t nl = strlen(e->d_name);
		if (nl <= 5 || strcmp(e->d_name + nl - 5, ".html") != 0)
			continue;
		size_t plen = strlen(dir) + nl + 2;
		char *path = xalloc(NULL, plen);
		snprintf(path, plen, "%s/%s", dir, e->d_name);
		struct page p;
		if (!read_whole(path, &p.data, &p.len)) {
			fprintf(stderr, "extract_speed: %s: %s\n", path, strerror(errno));
			free(path);
			closedir(d);
			return false;
		}
		free(path);
		p.name = xalloc(NULL, nl - 4);
		memcpy(p.name, e->d_name, nl - 5);
		p.name[nl - 5] = '\0';
		if (ps->n == ps->cap) {
			ps->cap = ps->cap ? ps->cap * 2 : 512;
			ps->v = xalloc(ps->v, ps->cap * sizeof(*ps->v));
		}
		ps->v[ps->n++] = p;
		ps->bytes += p.len;
	}
	closedir(d);
	if (ps->n == 0) {
		fprintf(stderr, "extract_speed: no *.html files in %s\n", dir);
		return false;
	}
	qsort(ps->v, ps->n, sizeof(*ps->v), by_name);
	return true;
}

static void pages_free(struct pages *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free(ps->v[i].name);
		free(ps->v[i].data);
	}
	free(ps->v);
	memset(ps, 0, sizeof(*ps));
}

static double seconds(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool write_text(const char *dir, const char *name, const struct extracted *x)
{
	size_t plen = strlen(dir) + strlen(name) + 6;
	char *path = xalloc(NULL, plen);
	snprintf(path, plen, "%s/%s.txt", dir, name);
	FILE *f = fopen(path, "wb");
	bool ok = f != NULL;
	if (ok && x->text != NULL)
		ok = fwrite(x->text, 1, x->len, f) == x->len;
	if (f != NULL && fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "extract_speed: cannot write %s: %s\n", path, strerror(errno));
	free(path);
	return ok;
}

static void usage(FILE *to)
{
	fputs("Usage: extract_speed [-n PASSES] PAGEDIR\n"
	      "       extract_speed --check TEXTDIR PAGEDIR\n",
	      to);
}

int main(int argc, char **argv)
{
	long passes = 1;
	const char *check = NULL;
	const char *dir = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
			char *end;
			passes = strtol(argv[++i], &end, 10);
			if (*end != '\0' || passes < 1) {
				usage(stderr);
				return 2;
			}
		} else if (strcmp(argv[i], "--check") == 0 && i + 1 < argc) {
			check = argv[++i];
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] != '-' && dir == NULL) {
			dir = argv[i];
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (dir == NULL) {
		usage(stderr);
		return 2;
	}
	if (check != NULL)
		passes = 1;

	struct pages ps = {0};
	if (!load(dir, &ps)) {
		pages_free(&ps);
		return 3;
	}

	struct extract_options o = {.charset = NULL, .max_size = 0};
	size_t no_text = 0;
	int status = 0;
	double c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	double w0 = seconds(CLOCK_MONOTONIC);
	for (long pass = 0; pass < passes; pass++) {
		for (size_t i = 0; i < ps.n; i++) {
			struct extracted x;
			if (!extract_page(ps.v[i].data, ps.v[i].len, &o, &x)) {
				fprintf(stderr, "extract_speed: %s: extract_page failed\n", ps.v[i].name);
				status = 3;
				continue;
			}
			if (x.text == NULL || x.len == 0)
				no_text++;
			if (check != NULL && !write_text(check, ps.v[i].name, &x))
				status = 3;
			extracted_free(&x);
		}
	}
	double cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
	double wall = seconds(CLOCK_MONOTONIC) - w0;
	double mb = (double)ps.bytes * (double)passes / 1e6;

	printf("extract_speed: pages %zu bytes %zu passes %ld cpu %.6f wall %.6f cpu_mbps %.2f "
	       "wall_mbps %.2f",
	       ps.n, ps.bytes, passes, cpu, wall, cpu > 0 ? mb / cpu : 0.0,
	       wall > 0 ? mb / wall : 0.0);
	if (check != NULL)
		printf(" no_text %zu", no_text);
	putchar('\n');

	pages_free(&ps);
	if (fflush(stdout) != 0)
		status = 3;
	return status;
}
