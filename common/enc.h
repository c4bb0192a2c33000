/*
 * enc: a document's bytes, whatever their encoding, turned into UTF-8.
 *
 * Detection, unless an encoding is forced: a UTF-16 byte order mark
 * selects UTF-16; otherwise bytes pass through while they are ASCII (the
 * same in UTF-8 and GB18030), and at the first byte past ASCII the next
 * stretch of text decides: UTF-8 if it decodes as UTF-8 (a few stray
 * invalid bytes allowed), GB18030 if it decodes as that with far fewer
 * errors, UTF-8 otherwise.  UTF-8 passes through untouched, invalid bytes
 * and all; converted text has each undecodable byte replaced by U+FFFD,
 * counted in enc.bad.  Conversion is iconv(3), which is in the C library.
 */
#ifndef INK_ENC_H
#define INK_ENC_H

#include <iconv.h>
#include "buf.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void enc_out_fn(void *ctx, const char *p, size_t n);

struct enc {
	const char *forced;	/* -e ENCODING, or NULL to detect */
	int	 state;
	iconv_t	 cd;
	const char *name;	/* the encoding converted from, or NULL */
	size_t	 unit;		/* bytes skipped past an undecodable one */
	struct buf hold;	/* bytes held back until they can be decided */
	char	*obuf;
	uint64_t bad;		/* bytes replaced by U+FFFD in this document */
	enc_out_fn *out;
	void	*ctx;
};

/* forced: an iconv(3) name, "utf-8" for no conversion, NULL to detect */
void	enc_init(struct enc *e, const char *forced, enc_out_fn *out, void *ctx);
void	enc_free(struct enc *e);
/* true when iconv knows the name */
bool	enc_known(const char *name);
void	enc_begin(struct enc *e);
void	enc_feed(struct enc *e, const char *p, size_t n);
void	enc_end(struct enc *e);

#endif
