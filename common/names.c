/*
 * names: see names.h.
 */
#include <stdint.h>
#include <string.h>

#include "names.h"

/*
 * Surnames, the most common first (about nine in ten people carry one of
 * these), with the usual traditional forms; then rarer ones.  Characters
 * that are far more common inside given names than as surnames (明, 利,
 * 年) are left out on purpose: a cut through them would be a guess.
 */
static const char common[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖"
    "田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付"
    "方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
    "汤温康施牛樊葛邢"
    "陳張劉楊黃趙吳鄭謝許韓馮鄧葉蘇呂盧鍾譚陸範賈韋鄒賀顧龔萬錢嚴溫";
static const char rare[] =
    "常安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
    "房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼"
    "蔺楼满闻厉伊仝郜阚权帅屠朴盖练廉禹井祖漆巴支卿狄计索宣晋初门云容敬"
    "扈晁芮阙浦戈伏鹿薄邸雍辜裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇"
    "湛宾戎勾茅揭尉冶檀衣展阴昝幸奉衡尧文";
static const char compound[] =
    "欧阳司马诸葛上官东方皇甫尉迟公孙慕容长孙宇文司徒夏侯令狐端木独孤南宫"
    "轩辕闻人申屠澹台公羊太史呼延万俟钟离宗政濮阳淳于单于赫连东郭西门百里"
    "司空左丘歐陽諸葛";

/* is the 3-byte character at p one of the characters of set? */
static bool
in(const char *set, size_t setlen, const char *p, size_t width)
{
	for (size_t i = 0; i + width <= setlen; i += width)
		if (memcmp(set + i, p, width) == 0)
			return true;
	return false;
}

/* the code point of the 3-byte character at p */
static uint32_t
cp3(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 |
	    (u[2] & 0x3f);
}

/* the weight of a surname of `chars` characters at p, 0 if none */
static double
surname(const char *p, size_t n, size_t *chars)
{
	/* the single surnames as a table by code point, made once */
	static uint8_t tier[0x10000];
	static bool made;

	if (!made) {
		for (size_t i = 0; i + 3 <= sizeof rare - 1; i += 3)
			tier[cp3(rare + i)] = 1;
		for (size_t i = 0; i + 3 <= sizeof common - 1; i += 3)
			tier[cp3(common + i)] = 2;
		made = true;
	}
	if (n >= 6 && in(compound, sizeof compound - 1, p, 6)) {
		*chars = 2;
		return 1.0;
	}
	*chars = 1;
	if (n < 3 || ((unsigned char)p[0] & 0xf0) != 0xe0)
		return 0;
	switch (tier[cp3(p)]) {
	case 2:
		return 1.0;
	case 1:
		return 0.3;
	default:
		return 0;
	}
}

bool
names_surname(const char *p, size_t n)
{
	size_t c;

	return surname(p, n, &c) > 0;
}

bool
names_compound(const char *p, size_t n)
{
	return n >= 6 && in(compound, sizeof compound - 1, p, 6);
}

/* the search for the best cut of the run and the best after it */
struct cut {
	const char *p;
	size_t	 chars;		/* the run's length in characters */
	size_t	 len[NAMES_MAX], n;
	double	 best, second;
	size_t	 bestlen[NAMES_MAX], bestn;
};

static void
search(struct cut *c, size_t at, double score)
{
	size_t sc;
	double w;

	if (at == c->chars) {
		if (score > c->best) {
			c->second = c->best;
			c->best = score;
			memcpy(c->bestlen, c->len, sizeof c->len);
			c->bestn = c->n;
		} else if (score > c->second) {
			c->second = score;
		}
		return;
	}
	if (c->n == NAMES_MAX ||
	    (w = surname(c->p + 3 * at, 3 * (c->chars - at), &sc)) == 0)
		return;
	/* a given name of one character, or of two: three times as common */
	for (size_t g = 1; g <= 2 && at + sc + g <= c->chars; g++) {
		c->len[c->n++] = 3 * (sc + g);
		search(c, at + sc + g, score * w * (g == 2 ? 0.75 : 0.25));
		c->n--;
	}
}

void
names_split(const char *p, size_t n, struct names *out)
{
	struct cut c = { .p = p, .chars = n / 3 };

	out->ambiguous = false;
	out->n = 1;
	out->len[0] = n;
	/* two or three characters: one name; past 24, not a run of names */
	if (n % 3 != 0 || c.chars < 4 || c.chars > 3 * NAMES_MAX)
		return;
	search(&c, 0, 1.0);
	if (c.best == 0)
		return;
	if (c.best < 3 * c.second) {
		out->ambiguous = true;
		return;
	}
	out->n = c.bestn;
	memcpy(out->len, c.bestlen, sizeof c.bestlen);
}
