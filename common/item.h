/*
 * item: the paragraphs of a page that are not running text.
 *
 * Datelines, bylines, credits, captions and notes open (or, for a credit,
 * end) with words a table of PCRE2 patterns knows: 新华社北京1月25日电,
 * (记者 李晓婷), 新华社发 X 作, 图为…, 下转第8版, WASHINGTON (AP) —,
 * By JANE DOE.  inknorm glues no such line to its neighbours; inksplit
 * gives them their roles.  The table is in item.c: extending it touches
 * no logic.
 */
#ifndef INK_ITEM_H
#define INK_ITEM_H

#include <stdbool.h>
#include <stddef.h>

enum item {
	ITEM_NONE,
	ITEM_DATELINE,	/* 新华社北京1月25日电, 据新华社电, LONDON (Reuters) - */
	ITEM_BYLINE,	/* □新华社记者, (记者 李晓婷), By JANE DOE */
	ITEM_CREDIT,	/* 新华社发, 新华社记者 X 摄, 新华社发 X 作 */
	ITEM_CAPTION,	/* 图为…, 图: …, Photo: … */
	ITEM_JUMP,	/* 上接第4版: an article going on from another page */
	ITEM_NOTE,	/* 下转第8版, 转载自…, 责任编辑: … */
};

/* where in the text the item was found: bytes [start, end) */
struct item_span {
	enum item kind;
	size_t	 start, end;
	bool	 invalid;	/* where the patterns look is not UTF-8 */
};

/*
 * The item the normalized text p[0, n) opens with, or a credit it ends
 * with (start > 0 then); ITEM_NONE if neither, or if the bytes the
 * patterns would read (its first 192 and last 64) are not valid UTF-8
 * (span->invalid then), which is checked only where a pattern may match.
 */
enum item item_find(const char *p, size_t n, struct item_span *span);

#endif
