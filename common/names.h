/*
 * names: Chinese personal names run together (孙辰茜潘洁), split.
 *
 * A name is a surname from a table (one character, or two: 欧阳, 司马)
 * and a given name of one or two characters.  Every way to cut a run of
 * ideographs into such names is scored: given names of two characters
 * are three times as common as those of one, and a common surname counts
 * more than a rare one.  The best cut wins when it scores at least three
 * times the next; otherwise the run is ambiguous and left whole.
 */
#ifndef INK_NAMES_H
#define INK_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#define NAMES_MAX 8

struct names {
	size_t	 n;			/* names found */
	size_t	 len[NAMES_MAX];	/* the byte length of each, in order */
	bool	 ambiguous;		/* no cut won: len[0] is the whole run */
};

/*
 * Cut p[0, n), ideographs only, into names.  A run of two or three
 * characters is one name; one that no cut explains is one name, not
 * ambiguous.
 */
void	names_split(const char *p, size_t n, struct names *out);
/* does the character at p (3 bytes of UTF-8) open a known surname? */
bool	names_surname(const char *p, size_t n);
/* do p's first two characters make a compound surname (欧阳)? */
bool	names_compound(const char *p, size_t n);

#endif
