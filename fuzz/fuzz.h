/* The entry point every fuzz target defines: libFuzzer calls it with one
 * input; tests/fuzz_replay.c calls it with each file it is given. */
#ifndef RETL_FUZZ_H
#define RETL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
