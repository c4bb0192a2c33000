/*
 * rec: the ink record (ink(5)): parse, look up tags, write.
 *
 *	DOC TAB ART TAB SEQ TAB KIND TAB TEXT [TAB KEY=VALUE ...] NEWLINE
 *
 * A parsed record is a set of slices into the caller's line: nothing is
 * copied and nothing is allocated per field (the tag array is reused from
 * record to record).  DOC, TEXT and tag values stay escaped as they were
 * in the stream, so passing a field on is a plain copy; rec_unesc() gives
 * the bytes when a program needs them.
 */
#ifndef INK_REC_H
#define INK_REC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct slice {
	const char *p;
	size_t	 n;
};

struct rec {
	struct slice key;		/* rec_each_keyed()'s: before DOC */
	struct slice doc, kind, text;	/* escaped, as in the stream */
	uint64_t art, seq;
	bool	 plain;		/* TEXT holds no escape: its bytes as they are */
	struct slice *tag;		/* each "KEY=VALUE", escaped */
	size_t	 ntag, tagcap;
	size_t	*tab, ntab, tabcap;	/* rec_parse's: where the TABs are */
};

void	rec_init(struct rec *r);
void	rec_free(struct rec *r);
/* parse one line (without its newline); NULL, or why it is malformed */
const char *rec_parse(struct rec *r, const char *line, size_t len);
/* the key and the (escaped) value of tag i */
struct slice tag_key(struct slice tag);
struct slice tag_value(struct slice tag);
/* index of the first tag named key at or after from, or -1 */
long	rec_tag(const struct rec *r, const char *key, size_t from);
bool	slice_eq(struct slice s, const char *str);
/*
 * Unescape n bytes into dst, which has room for n; returns the length.
 * The input must have passed rec_parse().
 */
size_t	rec_unesc(const char *p, size_t n, char *dst);
/*
 * The line r was parsed from, written again around a new TEXT: all before
 * its TEXT field, then (after the caller's out_esc() of the new text) all
 * after it, its tags; no newline.
 */
void	rec_write_before_text(const struct rec *r, const char *line);
void	rec_write_after_text(const struct rec *r, const char *line,
	    size_t len);
/* write "DOC TAB ART TAB SEQ TAB KIND TAB" (DOC and KIND as in the stream) */
void	rec_write_head(struct slice doc, uint64_t art, uint64_t seq,
	    struct slice kind);

/*
 * Read records from fd to its end and hand each good one to fn, with the
 * line it was parsed from.  A malformed or over-long line is reported
 * with its line number ("PROG: line N: ...") and skipped.
 */
typedef void rec_fn(void *ctx, const struct rec *r, const char *line,
    size_t len);
void	rec_each(int fd, size_t maxrec, rec_fn *fn, void *ctx);
/*
 * The same for lines of "KEY TAB record" (inkdedup --keys): r->key is
 * KEY, and line the record after it; a line with no TAB is reported.
 */
void	rec_each_keyed(int fd, size_t maxrec, rec_fn *fn, void *ctx);

#endif
