#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the x86 SHA extensions (and SSSE3 and SSE4.1), else 0.
int csha256_accelerated(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, with the
/// SHA extensions. Call only when `csha256_accelerated()` is 1.
void csha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
