/*
 * fuzz_dateline: inkdateline, through tagger.h; the first byte sets -s
 * and -y, and every dl.date must be --MM-DD or YYYY-MM-DD with a real
 * month and day.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define main inkdateline_main
#include "../cmd/inkdateline.c"
#undef main

static void
tagger_init(void)
{
	err_init("inkdateline");
	compile_all(NULL, false);
}

static void
tagger_options(uint8_t b)
{
	strip = b & 1;
	year = b & 2 ? 2026 : 0;
}

static void
check_date(struct slice v)
{
	char s[11];
	int y, m, d;

	/* the value is no C string: a copy that ends */
	if (v.n > 10)
		abort();
	memcpy(s, v.p, v.n);
	s[v.n] = '\0';
	if (v.n == 7 && sscanf(s, "--%2d-%2d", &m, &d) == 2)
		y = 2000;
	else if (v.n != 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
		abort();
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
		abort();
}

static void
tagger_check(const struct rec *r)
{
	long i = rec_tag(r, "dl.date", 0);

	if (i >= 0)
		check_date(tag_value(r->tag[i]));
}

#include "tagger.h"
