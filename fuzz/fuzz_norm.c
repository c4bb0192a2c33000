/*
 * fuzz_norm: inknorm's text path on arbitrary bytes.  The input is cut
 * into lines; each is normalized, read as Markdown and fed to the
 * paragraph builder.  What comes out must be valid UTF-8 with no control
 * character, trimmed, and normalizing it again must give it back
 * (inknorm is idempotent).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "md.h"
#include "norm.h"
#include "para.h"
#include "utf8.h"

static const struct norm_opts opts = { .fold_ascii = true };
static struct norm_out again, renorm;

static void
check(void *ctx, const struct para_out *p)
{
	(void)ctx;
	if (p->len == 0 || p->text[0] == ' ' || p->text[p->len - 1] == ' ' ||
	    utf8_count_invalid(p->text, p->len) != 0 || p->first > p->last)
		abort();
	for (size_t i = 0; i < p->len; i++)
		if ((unsigned char)p->text[i] < 0x20)
			abort();
	norm_text(&opts, p->text, p->len, &again);
	if (again.nseg != 1 || again.seg[0].len != p->len ||
	    memcmp(again.text.p + again.seg[0].off, p->text, p->len) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct norm_out norm;
	static struct md md;
	struct para b;
	const char *p = (const char *)data, *end = p + size, *nl;
	uint64_t seq = 0;

	para_init(&b, 1 << 16, check, NULL);
	md_reset(&md);
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		seq++;
		norm_text(&opts, p, (size_t)(nl - p), &norm);
		for (size_t i = 0; i < norm.nseg; i++) {
			const struct norm_seg *s = &norm.seg[i];
			struct md_line m;

			md_read(&md, norm.text.p + s->off, s->len, s->markup,
			    &m);
			if (m.blank) {
				para_blank(&b);
			} else {
				/* as inknorm does: markup off, normalize again */
				norm_text(&opts, m.text, m.len, &renorm);
				struct para_line l = { renorm.text.p,
				    renorm.nseg ? renorm.seg[0].len : 0,
				    renorm.nseg ? renorm.seg[0].cols : 0, seq,
				    s->indent, m.level, m.alone, m.starts, "", 0 };

				if (l.len > 0)
					para_line(&b, &l);
			}
			if (s->end == SEG_PARA)
				para_break(&b);
		}
	}
	para_flush(&b);
	para_free(&b);
	return 0;
}
