// The CSV scanner's fast paths, sixteen bytes at a time with SSE2 (every x86-64 has it),
// byte by byte elsewhere. Swift cannot reach these vector instructions portably.
#include "ccsv.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

long ccsv_plain_record(
    const uint8_t *text, long length, uint32_t *commas, long capacity, long *comma_count,
    long *content_end) {
    long count = 0;
    long offset = 0;
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i del = _mm_set1_epi8(0x7F);
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i feed = _mm_set1_epi8('\n');
    while (offset + 16 <= length) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + offset));
        // A signed compare below 0x20 flags the controls and every byte of 0x80 or more.
        unsigned odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmplt_epi8(block, space), _mm_cmpeq_epi8(block, quote)),
            _mm_cmpeq_epi8(block, del)));
        unsigned commaBits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, comma));
        unsigned feeds = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, feed));
        if (feeds != 0) {
            int at = __builtin_ctz(feeds);
            unsigned before = (1u << at) - 1;
            commaBits &= before;
            odd &= before;
            long end = offset + at;
            // A carriage return just before the line feed is the CRLF line end.
            if (odd != 0) {
                if (odd != (1u << (at - 1)) || text[end - 1] != '\r') return -1;
                end -= 1;
            } else if (at == 0 && end > 0 && text[end - 1] == '\r') {
                // The CR was the last byte of the previous block, where it was odd.
                return -1;
            }
            while (commaBits != 0) {
                if (count == capacity) return -2;
                commas[count++] = (uint32_t)(offset + __builtin_ctz(commaBits));
                commaBits &= commaBits - 1;
            }
            *comma_count = count;
            *content_end = end;
            return offset + at + 1;
        }
        if (odd != 0) {
            // A CR as the block's last byte may start the CRLF line end.
            if (odd != 0x8000u || text[offset + 15] != '\r' || offset + 16 >= length ||
                text[offset + 16] != '\n')
                return -1;
            commaBits &= 0x7FFFu;
            while (commaBits != 0) {
                if (count == capacity) return -2;
                commas[count++] = (uint32_t)(offset + __builtin_ctz(commaBits));
                commaBits &= commaBits - 1;
            }
            *comma_count = count;
            *content_end = offset + 15;
            return offset + 17;
        }
        while (commaBits != 0) {
            if (count == capacity) return -2;
            commas[count++] = (uint32_t)(offset + __builtin_ctz(commaBits));
            commaBits &= commaBits - 1;
        }
        offset += 16;
    }
#endif
    for (; offset < length; offset++) {
        uint8_t byte = text[offset];
        if (byte == ',') {
            if (count == capacity) return -2;
            commas[count++] = (uint32_t)offset;
        } else if (byte == '\n') {
            *comma_count = count;
            *content_end = offset;
            return offset + 1;
        } else if (byte == '\r' && offset + 1 < length && text[offset + 1] == '\n') {
            *comma_count = count;
            *content_end = offset;
            return offset + 2;
        } else if (byte < 0x20 || byte == '"' || byte >= 0x7F) {
            return -1;
        }
    }
    return -1;
}

long ccsv_count_line_ends(const uint8_t *text, long length, int has_next, uint8_t next) {
    long lines = 0;
    long offset = 0;
#if defined(__SSE2__) && defined(__x86_64__)
    const __m128i feed = _mm_set1_epi8('\n');
    const __m128i ret = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    // Whole blocks up to one short of the end, so that the byte after a CR is in the text,
    // in runs of at most 255: each byte of `feeds` counts the line feeds in its place of
    // the run's blocks (a match compares as -1, which is subtracted), and the run's sum is
    // taken once at its end. Carriage returns are only looked for; a run that has one is
    // gone over again byte by byte, to count those no line feed follows (drops have none).
    while (offset + 17 <= length) {
        long blocks = (length - 1 - offset) / 16;
        if (blocks > 255) blocks = 255;
        const long start = offset;
        __m128i feeds = zero;
        __m128i returns = zero;
        for (long block = 0; block < blocks; block++) {
            __m128i bytes = _mm_loadu_si128((const __m128i *)(text + offset));
            feeds = _mm_sub_epi8(feeds, _mm_cmpeq_epi8(bytes, feed));
            returns = _mm_or_si128(returns, _mm_cmpeq_epi8(bytes, ret));
            offset += 16;
        }
        __m128i sums = _mm_sad_epu8(feeds, zero);
        lines += _mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
        if (_mm_movemask_epi8(returns) != 0) {
            for (long at = start; at < offset; at++) {
                if (text[at] == '\r' && text[at + 1] != '\n') lines += 1;
            }
        }
    }
#endif
    for (; offset < length; offset++) {
        uint8_t byte = text[offset];
        if (byte == '\n') {
            lines += 1;
        } else if (byte == '\r') {
            int followed = offset + 1 < length ? text[offset + 1] == '\n' : (has_next && next == '\n');
            if (!followed) lines += 1;
        }
    }
    return lines;
}

long ccsv_ascii_prefix(const uint8_t *text, long length) {
    long offset = 0;
#if defined(__SSE2__)
    while (offset + 16 <= length) {
        unsigned high = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(text + offset)));
        if (high != 0) return offset + __builtin_ctz(high);
        offset += 16;
    }
#endif
    while (offset < length && text[offset] < 0x80) offset++;
    return offset;
}

int ccsv_valid_utf8(const uint8_t *text, long length) {
    long offset = 0;
    while (offset < length) {
        offset += ccsv_ascii_prefix(text + offset, length - offset);
        if (offset >= length) return 1;
        uint8_t lead = text[offset];
        long size;
        uint8_t low = 0x80, high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            size = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            size = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            size = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return 0;
        }
        if (offset + size > length) return 0;
        // The second byte's range depends on the lead (no overlong form, no surrogate,
        // nothing past U+10FFFF); the others are any continuation byte.
        if (text[offset + 1] < low || text[offset + 1] > high) return 0;
        for (long index = 2; index < size; index++) {
            if ((text[offset + index] & 0xC0) != 0x80) return 0;
        }
        offset += size;
    }
    return 1;
}
