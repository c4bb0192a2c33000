/*
 * fuzz_byline: inkbyline, through tagger.h; the first byte sets -s, and
 * every by. tag must have a role and a name that are not empty.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define main inkbyline_main
#include "../cmd/inkbyline.c"
#undef main

static void
tagger_init(void)
{
	err_init("inkbyline");
}

static void
tagger_options(uint8_t b)
{
	strip = b & 1;
}

static void
tagger_check(const struct rec *r)
{
	for (size_t i = 0; i < r->ntag; i++) {
		struct slice k = tag_key(r->tag[i]);

		if (k.n >= 3 && memcmp(k.p, "by.", 3) == 0 &&
		    (k.n == 3 || tag_value(r->tag[i]).n == 0))
			abort();
	}
}

#include "tagger.h"
