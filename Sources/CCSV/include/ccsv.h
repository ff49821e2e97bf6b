#ifndef CCSV_H
#define CCSV_H

#include <stddef.h>
#include <stdint.h>

/// Looks at the record that starts at `text` (the `length` bytes to the end of the text)
/// sixteen bytes at a time. When the record ends with a line feed before the end of the
/// text and holds nothing that needs a closer look (no quote mark, no byte below 0x20 but
/// a carriage return just before that line feed, no DEL, no byte of 0x80 or more), writes
/// the offset of each comma in it to `commas` (at most `capacity` of them), the offset of
/// the end of its last field (the carriage return or line feed) to `content_end`, and
/// returns the offset just past the line feed. Otherwise returns -1, and the caller reads
/// the record byte by byte; or -2 when the record has more than `capacity` commas.
long ccsv_plain_record(
    const uint8_t *text, long length, uint32_t *commas, long capacity, long *comma_count,
    long *content_end);

/// The number of line ends in the `length` bytes at `text`, counted as the CSV scanner
/// counts lines: each line feed, and each carriage return that no line feed follows.
/// `has_next` and `next` give the byte after the last (a carriage return at the very end
/// ends a line unless that byte is a line feed).
long ccsv_count_line_ends(const uint8_t *text, long length, int has_next, uint8_t next);

/// The length of the run of ASCII bytes (below 0x80) that starts the `length` bytes at
/// `text`.
long ccsv_ascii_prefix(const uint8_t *text, long length);

/// 1 when the `length` bytes at `text` are valid UTF-8, else 0.
int ccsv_valid_utf8(const uint8_t *text, long length);

#endif
