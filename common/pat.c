/*
 * pat: see pat.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "pat.h"

pcre2_code *
pat_compile(const char *pattern, uint32_t flags, const char *what)
{
	pcre2_code *re;
	PCRE2_SIZE at;
	PCRE2_UCHAR msg[120];
	int e;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_DUPNAMES | flags, &e, &at,
	    NULL);
	if (re == NULL) {
		pcre2_get_error_message(e, msg, sizeof msg);
		err_fatal("%s: pattern does not compile at offset %zu: %s",
		    what, (size_t)at, (char *)msg);
	}
	/* without JIT the interpreter still matches */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

void
pat_alt(struct buf *alt, const char *p, size_t n)
{
	buf_add(alt, alt->n ? "|(?:" : "(?:", alt->n ? 4 : 3);
	buf_add(alt, p, n);
	buf_add(alt, ")", 1);
}

void
pat_file(struct buf *alt, const char *file)
{
	char *line = NULL, what[64];
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	FILE *f;

	if ((f = fopen(file, "r")) == NULL)
		err_fatal("%s: %s", file, strerror(errno));
	while ((n = getline(&line, &cap, f)) != -1) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		snprintf(what, sizeof what, "%s:%ld", file, lineno);
		pcre2_code_free(pat_compile(line, 0, what));
		pat_alt(alt, line, (size_t)n);
	}
	if (ferror(f))
		err_fatal("%s: %s", file, strerror(errno));
	fclose(f);
	free(line);
}

pcre2_match_data *
pat_match_data(pcre2_code *const *re, size_t n)
{
	uint32_t most = 0, count;
	pcre2_match_data *md;

	for (size_t i = 0; i < n; i++)
		if (pcre2_pattern_info(re[i], PCRE2_INFO_CAPTURECOUNT, &count) ==
		    0 && count > most)
			most = count;
	if ((md = pcre2_match_data_create(most + 1, NULL)) == NULL)
		err_fatal("out of memory");
	return md;
}

const char *
pat_group(const pcre2_code *re, pcre2_match_data *md, const char *subject,
    const char *name, size_t *n)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	PCRE2_SPTR first, last;
	uint32_t size;

	*n = 0;
	if (pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first,
	    &last) < 0)
		return subject;
	pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &size);
	for (PCRE2_SPTR e = first; e <= last; e += size) {
		unsigned k = (unsigned)e[0] << 8 | e[1];

		if (k < pcre2_get_ovector_count(md) && ov[2 * k] !=
		    PCRE2_UNSET) {
			*n = ov[2 * k + 1] - ov[2 * k];
			return subject + ov[2 * k];
		}
	}
	return subject;
}
