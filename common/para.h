/*
 * para: paragraphs rebuilt from the lines of a page (inknorm's heuristic).
 *
 * Lines come in one by one, already normalized (norm.h), with blank lines
 * and hard breaks between them; paragraphs go out through a callback as
 * soon as they are complete.  Whether two lines join is decided from the
 * lines themselves, in this order:
 *
 *   1. a heading (Markdown #), a line the caller marks as standing alone
 *      (markup, a bold headline), or a line that is a dateline, byline,
 *      credit, caption or note on its own, or starts one: never joined;
 *      a line the caller marks as a start (a list item) joins nothing
 *      before it;
 *   2. an indented line (U+3000, two spaces, a TAB) starts a paragraph,
 *      unless every line of its block is indented;
 *   3. a line ending a sentence (。！？…… . ! ? and closing quotes after
 *      them) ends its paragraph;
 *   4. a line ending in clause punctuation (，、；： , ; : —— -) goes on;
 *   5. across a blank line or a page break, only a paragraph that reads as
 *      body text goes on: one that stopped at a comma, or one that has
 *      ended a sentence before and stopped with no punctuation at all
 *      where the next text can go on (ideograph to ideograph, a letter
 *      or digit to a lower-case letter); list items ending in ；stay
 *      apart;
 *   6. a line much shorter than the widest of its paragraph and the next
 *      line (a headline, the end of a paragraph) ends its paragraph;
 *   7. otherwise it was wrapped: the lines join.
 *
 * Ideographs join with no space, Latin text with one; a line ending in a
 * hyphen joins with none.  Memory holds the current paragraph only, and a
 * paragraph that grows past the limit is cut there (para_out.cut).
 */
#ifndef INK_PARA_H
#define INK_PARA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct para_out {
	const char *text;
	size_t	 len;
	uint64_t first, last;	/* the SEQ range of its lines */
	int	 level;		/* Markdown heading level, 0 for a paragraph */
	const char *tags;	/* its lines' tags, "\tKEY=VALUE" each */
	size_t	 tagslen;
	bool	 cut;		/* it reached the limit and was cut there */
};

typedef void para_emit_fn(void *ctx, const struct para_out *p);

struct para {
	para_emit_fn *emit;
	void	*ctx;
	struct buf text, tags;	/* the paragraph so far */
	uint64_t first, last;
	int	 level;
	size_t	 nlines;
	size_t	 lastoff;	/* where its last line starts in text */
	size_t	 lastcols;	/* and how wide that line is */
	bool	 lastalone;	/* and whether it stands alone */
	size_t	 cols;		/* the width of all its lines */
	size_t	 max;		/* the longest paragraph; a longer one is cut */
	size_t	 width;		/* its widest line, in columns */
	bool	 blockindent;	/* every line of the block so far indented */
	bool	 gap;		/* a blank line or page break since the last */
};

/* max: paragraphs longer than this many bytes are cut, and say so */
void	para_init(struct para *b, size_t max, para_emit_fn *emit, void *ctx);
void	para_free(struct para *b);
/* a line (not empty), as norm made it, and what is known about it */
struct para_line {
	const char *text;
	size_t	 len;
	size_t	 cols;		/* its width in columns */
	uint64_t seq;		/* the SEQ it came from */
	bool	 indent;	/* it was indented */
	int	 level;		/* its Markdown heading level, 0 if none */
	bool	 alone;		/* never joined: markup, a bold headline */
	bool	 starts;	/* starts a paragraph: a list item */
	const char *tags;	/* its tags, "\tKEY=VALUE" each */
	size_t	 tagslen;
};

void	para_line(struct para *b, const struct para_line *l);
/* a blank line; a hard break (page or paragraph separator) */
void	para_blank(struct para *b);
void	para_break(struct para *b);
/* the end of the document: out with what is held */
void	para_flush(struct para *b);
/* does the text look like the start of a dateline, byline, credit...? */
bool	para_item(const char *p, size_t n);

#endif
