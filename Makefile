# ink: plain GNU make.  make, make check, make check SAN=1, make demo,
# make bench, make fuzz, make install PREFIX=..., make clean.

VERSION  = 0.1.0
PROGS    = inkcat inkfeed inkfmt inknorm inksplit inkdateline inkbyline \
           inkdedup inkfigs
PREFIX  ?= /usr/local
CC      ?= cc
PKG     ?= pkg-config

CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -D_GNU_SOURCE -DINK_VERSION='"$(VERSION)"' -Icommon -Iobj
ifeq ($(SAN),1)
CFLAGS  += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

# libraries, each linked only into the programs that need it
LIBS_inkcat = $(shell $(PKG) --libs libarchive)
LIBS_inkfmt = $(shell $(PKG) --libs jansson)
LIBS_inknorm = $(shell $(PKG) --libs libutf8proc libpcre2-8)
LIBS_inksplit = $(shell $(PKG) --libs libutf8proc libpcre2-8)
LIBS_inkdateline = $(shell $(PKG) --libs libpcre2-8)
LIBS_inkbyline = $(shell $(PKG) --libs libpcre2-8)
LIBS_inkdedup = $(shell $(PKG) --libs libutf8proc libxxhash) -pthread
LIBS_inkfigs =
LIBS_inkfeed = $(shell $(PKG) --libs libxml-2.0 jansson) -pthread
CFLAGS_LIBS = $(shell $(PKG) --cflags libarchive jansson libutf8proc libpcre2-8 \
              libxml-2.0)

COMMON  = err out in buf rec utf8 enc src lines norm item para md opt names pat \
          relay
OBJ     = $(COMMON:%=obj/common/%.o)
BINS    = $(PROGS:%=bin/%)
MANS    = $(wildcard man/*.[157])

all: $(BINS)

# rebuild everything when the flags change (SAN=1 and back)
obj/.flags: FORCE
	@mkdir -p obj/common obj/cmd obj/fuzz
	@echo '$(CC) $(CFLAGS) $(LDFLAGS)' | cmp -s - $@ || \
	    echo '$(CC) $(CFLAGS) $(LDFLAGS)' > $@

obj/%.o: %.c obj/.flags
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CFLAGS_LIBS) -MMD -MP -c -o $@ $<

obj/libink.a: $(OBJ)
	rm -f $@
	$(AR) rcs $@ $(OBJ)

# inkfigs' table (data/figs.tab), built in as a C string
obj/figs.tab.h: data/figs.tab
	@mkdir -p obj
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' \
	    data/figs.tab > $@
obj/cmd/inkfigs.o obj/fuzz/fuzz_figs.o: obj/figs.tab.h

bin/%: obj/cmd/%.o obj/libink.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $< obj/libink.a $(LIBS_$*)

# the fuzz harnesses, replayed over their saved corpora without clang
FUZZ      = record inkcat lines norm split dateline byline dedup figs feed
FUZZ_LIBS = $(shell $(PKG) --libs libarchive libutf8proc libpcre2-8 libxxhash \
            libxml-2.0 jansson) -pthread
obj/fuzz/replay-%: obj/fuzz/fuzz_%.o obj/fuzz/replay.o obj/libink.a
	$(CC) $(LDFLAGS) -o $@ $^ $(FUZZ_LIBS)

deps:
	@tools/deps test

check: deps
	@$(MAKE) --no-print-directory test

test: $(BINS) $(FUZZ:%=obj/fuzz/replay-%)
	@for m in $(MANS); do mandoc -Tlint -Wwarning $$m || exit 1; done
	@echo "mandoc -Tlint: $(words $(MANS)) pages clean"
	@for f in $(FUZZ); do \
	    obj/fuzz/replay-$$f fuzz/corpus/$$f/* 2> obj/fuzz/replay-$$f.log || \
	    { cat obj/fuzz/replay-$$f.log; exit 1; }; \
	done
	bats tests

demo:
	@tools/deps build
	@$(MAKE) --no-print-directory all
	@tools/demo

bench:
	@tools/deps bench
	@$(MAKE) --no-print-directory all
	bench/inkcat.sh
	bench/inknorm.sh
	bench/inksplit.sh
	bench/split-eval.sh
	bench/inktag.sh
	bench/tag-eval.sh
	bench/dedup.sh
	bench/figs.sh
	bench/figs-conformance
	bench/figs-news
	bench/feed.sh
	bench/feed-eval

# libFuzzer, FUZZTIME seconds per harness (needs clang)
FUZZTIME ?= 60
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
              -fno-sanitize-recover=all -D_GNU_SOURCE -DINK_VERSION='"$(VERSION)"' \
              -Icommon -Iobj $(shell $(PKG) --cflags libarchive libxml-2.0)
fuzz:
	@mkdir -p obj/fuzz
	for f in $(FUZZ); do \
	    clang $(FUZZ_CFLAGS) -o obj/fuzz/fuzz-$$f fuzz/fuzz_$$f.c \
	        $(COMMON:%=common/%.c) $(FUZZ_LIBS) || exit 1; \
	    mkdir -p obj/fuzz/corpus-$$f; \
	    obj/fuzz/fuzz-$$f -max_total_time=$(FUZZTIME) \
	        obj/fuzz/corpus-$$f fuzz/corpus/$$f || exit 1; \
	done

install: $(BINS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man7
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin
	for m in $(MANS); do \
	    install -m 644 $$m $(DESTDIR)$(PREFIX)/share/man/man$${m##*.}; \
	done

clean:
	rm -rf bin obj

.PHONY: all deps check test demo bench fuzz install clean FORCE
.SECONDARY:
-include $(wildcard obj/*/*.d)
