/*
 * md: what a line of Markdown is, and its text without the markup.
 *
 * Headings "#" to "######" give their level; emphasis, code and links are
 * reduced to their text, an image to its alt text and source; a thematic
 * break or a code fence is a blank; the lines of a fenced block, HTML
 * lines, table rows, shortcodes and lines in bold from end to end stand
 * alone; list items and quotes start a paragraph.  Plain text comes
 * through as it is.  Text with inline markup taken off (changed) may need
 * normalizing again: a ZWJ that now stands between two ideographs, a space
 * at an end.
 */
#ifndef INK_MD_H
#define INK_MD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct md {
	bool	 fenced;	/* inside a fenced code block */
	struct buf plain, img;	/* scratch for the line read last */
};

struct md_line {
	const char *text;	/* the text, markup taken off */
	size_t	 len;
	int	 level;		/* heading level, 0 if none */
	bool	 blank;		/* counts as a blank line */
	bool	 alone;		/* never joined to a neighbour */
	bool	 starts;	/* starts a paragraph */
	bool	 changed;	/* inline markup was taken off */
	const char *img;	/* an image's source, or NULL */
	size_t	 imglen;
};

/*
 * Read one line (normalized text); l points into p or into m.  marks: the
 * line may hold markup (* _ ` [ |); false spares the look.
 */
void	md_read(struct md *m, const char *p, size_t n, bool marks,
	    struct md_line *l);
/* a new document: no fence open */
void	md_reset(struct md *m);
void	md_free(struct md *m);

#endif
