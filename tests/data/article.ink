page.md	1	1	kicker	沿江物流走廊
page.md	1	2	title	江河新城启用首批智慧泊位
page.md	1	3	deck	——一季度吞吐量同比增长一成
page.md	1	4	body	新华社江城3月2日电（记者 林若溪 周启明）首批泊位启用。	dl=新华社江城3月2日电	dl.agency=新华社	dl.place=江城	dl.date=--03-02	dl.pos=lead	by.reporter=林若溪	by.reporter=周启明	src=5-6
page.md	1	5	section	多式联运提速
page.md	1	6	body	今年以来开行班列超400列。	figs=1
page.md	2	7	title	Riverton opens automated berths
page.md	2	8	byline	By JANE MORROW	by.reporter=JANE MORROW
page.md	2	9	body	RIVERTON, March 2 (Xinhua) -- Berths opened.\tTab and \\ backslash.
page.md	2	10	caption	Cranes at the new berths.
page.md	2	11	credit	Xinhua photo
