/*
 * pat: PCRE2 patterns as ink compiles them: UTF-8, names that may repeat
 * across an alternation, JIT where it works; tables and files of them
 * joined into one alternation.
 */
#ifndef INK_PAT_H
#define INK_PAT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "buf.h"

/*
 * Compile a pattern (NUL-terminated) or die, naming what it is (a
 * program, FILE:LINE) with PCRE2's own reason.
 */
pcre2_code *pat_compile(const char *pattern, uint32_t flags, const char *what);
/* add "(?:p)" to the alternation in alt, "|" before it if not the first */
void	pat_alt(struct buf *alt, const char *p, size_t n);
/*
 * Add each pattern of a file to alt: one a line, blank lines and lines
 * opening with '#' skipped, each compiled alone first so that a bad one
 * is a fatal error naming its line.
 */
void	pat_file(struct buf *alt, const char *file);
/* match data with room for every group of any of the n patterns */
pcre2_match_data *pat_match_data(pcre2_code *const *re, size_t n);
/* the text of the first group named name that is set in md, or n = 0 */
const char *pat_group(const pcre2_code *re, pcre2_match_data *md,
	    const char *subject, const char *name, size_t *n);

#endif
