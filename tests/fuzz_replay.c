/* A main() for a fuzz target without libFuzzer: runs its entry point once
 * on each file named on the command line, so that inputs the fuzzers found
 * stay fixed (tests/fuzz-regressions.sh).  Exit 0 means every input
 * returned; a crash, or a sanitizer's report in a sanitized build, fails. */
#include <stdio.h>
#include <stdlib.h>

#include "../fuzz/fuzz.h"

static unsigned char *read_input(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, n;

	if (f == NULL)
		return NULL;
	do {
		if (len == cap) {
			cap = cap > 0 ? cap * 2 : 4096;
			unsigned char *bigger = realloc(data, cap);
			if (bigger == NULL) {
				free(data);
				fclose(f);
				return NULL;
			}
			data = bigger;
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		free(data);
		data = NULL;
	}
	fclose(f);
	*size = len;
	return data;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		size_t size = 0;
		unsigned char *data = read_input(argv[i], &size);
		if (data == NULL) {
			perror(argv[i]);
			return 2;
		}
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	return 0;
}
