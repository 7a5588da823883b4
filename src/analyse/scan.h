/* Byte scans shared by the analysers: sixteen bytes at a time with SSE2
 * (part of every x86-64), so that finding the end of a word costs no
 * branch per letter and no mispredicted one where it ends.  Callers keep
 * a portable fallback for compilers without __SSE2__. */
#ifndef RETL_SCAN_H
#define RETL_SCAN_H

#ifdef __SSE2__
#include <emmintrin.h>

/* One bit per byte of the sixteen at p (bit k for p[k]) that is not an
 * ASCII letter or digit; bytes from 0x80 compare as negative and count. */
static inline unsigned not_alnum16(const void *p)
{
	const __m128i case_bit = _mm_set1_epi8(0x20), before_a = _mm_set1_epi8('a' - 1),
		      after_z = _mm_set1_epi8('z' + 1), before_0 = _mm_set1_epi8('0' - 1),
		      after_9 = _mm_set1_epi8('9' + 1);
	__m128i x = _mm_loadu_si128((const __m128i *)p);
	__m128i lower = _mm_or_si128(x, case_bit);
	__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, before_a), _mm_cmplt_epi8(lower, after_z));
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, before_0), _mm_cmplt_epi8(x, after_9));
	return ~(unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit)) & 0xFFFFu;
}
#endif

#endif
