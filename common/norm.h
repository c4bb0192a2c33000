/*
 * norm: the text of one record made clean: Unicode white space to one
 * ASCII space, invisible junk removed, full-width ASCII folded, Kangxi
 * radicals and CJK compatibility ideographs unified, NFC for the rest.
 *
 * Full NFKC is never applied: it damages Chinese (…… to ..., ① to 1).
 * Line and paragraph breaks inside the text (LF, CR, U+2028; form feed,
 * U+2029) cut it into segments, each with the break that ends it.
 */
#ifndef INK_NORM_H
#define INK_NORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum autospace { AUTOSPACE_KEEP, AUTOSPACE_INSERT, AUTOSPACE_STRIP };

struct norm_opts {
	bool	 fold_ascii;	/* full-width ASCII to ASCII */
	bool	 keep_cjk_punct; /* but ，。：；！？（） stay full-width */
	enum autospace autospace; /* spaces between CJK and Latin */
};

enum seg_end { SEG_LINE, SEG_PARA };

struct norm_seg {
	size_t	 off, len;	/* in norm_out.text */
	size_t	 cols;		/* its width: ideographs take two columns */
	bool	 indent;	/* opened with U+3000 or two or more spaces */
	bool	 markup;	/* holds * _ ` [ or |, maybe Markdown */
	enum seg_end end;	/* what ended it */
};

struct norm_out {
	struct buf text;
	struct norm_seg *seg;
	size_t	 nseg, segcap;
	uint64_t invalid;	/* invalid UTF-8 bytes, now U+FFFD */
};

/* normalize n bytes of text into out (emptied first) */
void	norm_text(const struct norm_opts *o, const char *p, size_t n,
	    struct norm_out *out);
void	norm_free(struct norm_out *out);
/* the width of a text in columns: CJK characters take two */
size_t	norm_columns(const char *p, size_t n);
/* Han ideographs, and CJK in the wider sense (kana, CJK punctuation) */
bool	is_han(uint32_t cp);
bool	is_cjk(uint32_t cp);
/*
 * The bytes of the ideographs U+4E00 to U+9FFF that open p[0, n), copied
 * to dst, which has room for them and sixteen bytes more.
 */
size_t	han_copy(char *dst, const unsigned char *p, size_t n);

#endif
