#!/usr/bin/env bats
# Every EXAMPLES pipeline in man/ runs, on files made here, and succeeds.

load helper

setup() {
	cd_tmp
	cp "$DATA/demo/zh-page.md" page.md
	mkdir feeds
	cp "$DATA/demo/zh-page.md" "$DATA/demo/en-wire.txt" feeds/
	printf '<item><title>Harbor city opens berths</title></item>\n' > feeds/item.xml
	cp "$DATA/feed/rss.xml" feeds/
	tar -C feeds -czf feeds.tar.gz zh-page.md en-wire.txt item.xml rss.xml
	iconv -f UTF-8 -t GB18030 "$DATA/demo/zh-page.md" > old-wire.txt
}

examples() {
	awk '/^\.Sh /{ex = ($2 == "EXAMPLES")} ex && /^\.Dl /{sub(/^\.Dl /, ""); print}' "$1" |
	    sed 's/\\e/\\/g'
}

@test "EXAMPLES in every man page run cleanly" {
	n=0
	for m in "$REPO"/man/*.[157]; do
		while IFS= read -r ex; do
			if [[ "$ex" == *parallel* ]] && ! command -v parallel > /dev/null; then
				echo "# skipped (no GNU parallel): $ex" >&3
				continue
			fi
			run -0 retry_hung bash -o pipefail -c "$ex"
			[ -n "$output" ] || [[ "$ex" == *"> "* ]] || [[ "$ex" == *cmp* ]] || {
				echo "no output: $ex"; false; }
			n=$((n + 1))
		done < <(examples "$m")
	done
	[ "$n" -ge 10 ]
}
