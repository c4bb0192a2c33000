/*
 * src: see src.h.
 *
 * The formats are named one by one rather than with
 * archive_read_support_format_all(): that would also bid mtree and WARC,
 * which a plain text file can look like.  A file no format claims is read
 * as it is (the "raw" format), after any compression is undone.
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "enc.h"
#include "err.h"
#include "in.h"
#include "src.h"

#define BLOCK (128 * 1024)
/* below this many bytes out, no member is taken for a bomb */
#define BOMB_FLOOR ((int64_t)64 << 20)

struct src {
	const struct src_opts *o;
	const struct src_sink *sink;
	struct enc enc;
	struct buf name;	/* the document's name */
	uint64_t seq;		/* lines begun so far */
	struct buf line;	/* a line cut by the end of a chunk */
	bool	 toolong;	/* the current line is past max_line */
	uint64_t longlen;	/* and this long so far */
};

/* what the read callbacks need to read a file descriptor */
struct fdin {
	int	 fd;
	char	 buf[BLOCK];
	size_t	 npre;		/* bytes in buf read while sniffing */
};

/*
 * Magic numbers of the archive and compression formats whose first bytes
 * could pass for a line of text.
 */
static const struct {
	const char *magic;
	size_t	 len;
} magics[] = {
	{ "BZh", 3 }, { "LZIP", 4 }, { "LRZI", 4 }, { "\x89LZO", 4 },
	{ "PK", 2 }, { "7z\xbc\xaf", 4 }, { "!<arch>", 7 }, { "xar!", 4 },
	{ "Rar!", 4 }, { "MSCF", 4 }, { "07070", 5 }, { "\x28\xb5\x2f\xfd", 4 },
	{ "\xfd" "7zXZ", 5 }, { "\xed\xab\xee\xdb", 4 },
};

enum sniff { TEXT, NOT_TEXT, MORE };

/*
 * Is this the start of a plain text file?  It is when its first line is
 * complete and holds no control byte but TAB, CR and ESC, and it opens
 * with no archive or compression magic; a UTF-16 byte order mark also
 * says text.  libarchive could tell as much, but its bidders wait for up
 * to 48 KiB of input first, and a line from "tail -f" must come out now.
 */
static enum sniff
sniff(const unsigned char *p, size_t n, bool eof)
{
	size_t i;

	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff)))
		return TEXT;
	for (i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (n >= magics[i].len &&
		    memcmp(p, magics[i].magic, magics[i].len) == 0)
			return NOT_TEXT;
	for (i = 0; i < n && i < 512; i++) {
		if (p[i] == '\n')
			return TEXT;
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' &&
		    p[i] != 0x1b) || p[i] == 0x7f)
			return NOT_TEXT;
	}
	return i == 512 || eof ? TEXT : MORE;
}

static void
set_name(struct src *s, const char *path, const char *member)
{
	s->name.n = 0;
	buf_add(&s->name, path, strlen(path));
	if (member != NULL) {
		buf_add(&s->name, "#", 1);
		buf_add(&s->name, member, strlen(member));
	}
}

static void
emit(struct src *s, const char *p, size_t n, bool noeol)
{
	s->seq++;
	if (s->toolong) {
		err_input(s->name.p, s->name.n, s->seq,
		    "line of %llu bytes is longer than --max-record (%zu); "
		    "skipped", (unsigned long long)s->longlen, s->o->max_line);
		s->toolong = false;
		s->longlen = 0;
		return;
	}
	s->sink->line(s->sink->ctx, s->seq, p, n, noeol);
}

static void
keep(struct src *s, const char *p, size_t n)
{
	if (s->toolong || s->line.n + n > s->o->max_line) {
		s->longlen += s->toolong ? n : s->line.n + n;
		s->toolong = true;
		s->line.n = 0;
		return;
	}
	buf_add(&s->line, p, n);
}

/* the decoder's output: cut it into lines */
static void
take(void *ctx, const char *p, size_t n)
{
	struct src *s = ctx;
	const char *end = p + n, *nl;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		/* past a line held over from the last chunk: whole lines */
		if (s->line.n == 0 && !s->toolong && s->sink->lines != NULL &&
		    (size_t)(end - p) <= s->o->max_line) {
			nl = memrchr(p, '\n', (size_t)(end - p));
			s->seq += s->sink->lines(s->sink->ctx, s->seq + 1, p,
			    (size_t)(nl + 1 - p));
			p = nl + 1;
			break;
		}
		if (s->line.n == 0 && !s->toolong) {
			if ((size_t)(nl - p) > s->o->max_line) {
				s->toolong = true;
				s->longlen = (size_t)(nl - p);
			}
			emit(s, p, (size_t)(nl - p), false);
		} else {
			keep(s, p, (size_t)(nl - p));
			emit(s, s->line.p, s->line.n, false);
			s->line.n = 0;
		}
		p = nl + 1;
	}
	if (p < end)
		keep(s, p, (size_t)(end - p));
}

static void
begin_doc(struct src *s)
{
	s->seq = 0;
	s->line.n = 0;
	s->toolong = false;
	s->longlen = 0;
	enc_begin(&s->enc);
	s->sink->begin(s->sink->ctx, s->name.p, s->name.n);
}

static void
end_doc(struct src *s)
{
	enc_end(&s->enc);
	if (s->line.n > 0 || s->toolong)
		emit(s, s->line.p, s->line.n, true);
	if (s->enc.name != NULL && s->o->verbose)
		err_warn(s->name.p, s->name.n, 0, "%s, converted to UTF-8",
		    s->enc.name);
	if (s->enc.bad > 0)
		err_input(s->name.p, s->name.n, 0, "%llu bytes not valid %s, "
		    "each replaced by U+FFFD", (unsigned long long)s->enc.bad,
		    s->enc.name);
}

bool
src_selected(const struct src_opts *o, const char *name)
{
	size_t i;

	for (i = 0; i < o->nexclude; i++)
		if (fnmatch(o->exclude[i], name, 0) == 0)
			return false;
	if (o->ninclude == 0)
		return true;
	for (i = 0; i < o->ninclude; i++)
		if (fnmatch(o->include[i], name, 0) == 0)
			return true;
	return false;
}

/* feed n zero bytes: the hole of a sparse member */
static void
feed_zeros(struct src *s, uint64_t n)
{
	static const char zeros[4096];

	while (n > 0) {
		size_t k = n < sizeof zeros ? (size_t)n : sizeof zeros;

		enc_feed(&s->enc, zeros, k);
		n -= k;
	}
}

/*
 * Has a member grown past max_ratio times the compressed bytes read for
 * it?  Only past BOMB_FLOOR, so that a small, very repetitive file is no
 * bomb.
 */
static bool
bomb(const struct src *s, int64_t out, int64_t packed)
{
	return s->o->max_ratio > 0 && out > BOMB_FLOOR &&
	    (uint64_t)out / s->o->max_ratio > (uint64_t)(packed > 0 ? packed : 0);
}

/* read the current entry's data; false when the archive is unusable */
static bool
read_member(struct src *s, struct archive *a)
{
	const void *buf;
	size_t size;
	int64_t offset, at = 0;
	int64_t packed0 = archive_filter_bytes(a, -1);
	int r;

	begin_doc(s);
	while ((r = archive_read_data_block(a, &buf, &size, &offset)) ==
	    ARCHIVE_OK || r == ARCHIVE_WARN) {
		/* a damaged member (bad CRC, say) */
		if (r == ARCHIVE_WARN)
			err_input(s->name.p, s->name.n, s->seq + 1, "%s",
			    archive_error_string(a) ? archive_error_string(a) :
			    "damaged data");
		if (offset > at)
			feed_zeros(s, (uint64_t)(offset - at));
		at = offset + (int64_t)size;
		if ((uint64_t)at > s->o->max_member) {
			err_input(s->name.p, s->name.n, s->seq + 1,
			    "longer than --max-member (%llu bytes); "
			    "rest skipped", (unsigned long long)s->o->max_member);
			s->line.n = 0;
			s->toolong = false;
			return true;
		}
		if (bomb(s, at, archive_filter_bytes(a, -1) - packed0)) {
			err_input(s->name.p, s->name.n, s->seq + 1,
			    "expands more than %llu times (--max-ratio): a "
			    "decompression bomb?; rest skipped",
			    (unsigned long long)s->o->max_ratio);
			s->line.n = 0;
			s->toolong = false;
			return true;
		}
		enc_feed(&s->enc, buf, size);
		if (s->sink->progress != NULL)
			s->sink->progress(s->sink->ctx,
			    (uint64_t)archive_filter_bytes(a, -1));
	}
	if (r != ARCHIVE_EOF) {
		err_input(s->name.p, s->name.n, s->seq + 1, "%s; rest skipped",
		    archive_error_string(a) ? archive_error_string(a) :
		    "read error");
		s->line.n = 0;
		s->toolong = false;
		return r != ARCHIVE_FATAL;
	}
	end_doc(s);
	return true;
}

static void
read_archive(struct src *s, struct archive *a, const char *path)
{
	struct archive_entry *e;
	unsigned ft;
	int r;

	while ((r = archive_read_next_header(a, &e)) != ARCHIVE_EOF) {
		const char *member = archive_entry_pathname(e);

		if (r == ARCHIVE_RETRY)
			continue;
		if (r == ARCHIVE_WARN && archive_error_string(a) != NULL &&
		    s->o->verbose)
			err_warn(path, strlen(path), 0, "%s",
			    archive_error_string(a));
		if (r < ARCHIVE_WARN) {
			set_name(s, path, member);
			err_input(path, strlen(path), 0, "%s%s",
			    archive_error_string(a) ? archive_error_string(a) :
			    "cannot read archive",
			    r == ARCHIVE_FATAL ? "" : "; member skipped");
			if (r == ARCHIVE_FATAL)
				return;
			continue;
		}
		if (archive_format(a) == ARCHIVE_FORMAT_RAW) {
			set_name(s, path, NULL);
		} else {
			/* ar(1) members carry no file type at all */
			ft = archive_entry_filetype(e);
			if ((ft != AE_IFREG && ft != 0) ||
			    archive_entry_hardlink(e) != NULL)
				continue;
			if (member == NULL)
				member = "?";
			if (!src_selected(s->o, member))
				continue;
			set_name(s, path, member);
			if (archive_entry_size_is_set(e) &&
			    (uint64_t)archive_entry_size(e) > s->o->max_member) {
				err_input(s->name.p, s->name.n, 0,
				    "%lld bytes, longer than --max-member "
				    "(%llu); skipped",
				    (long long)archive_entry_size(e),
				    (unsigned long long)s->o->max_member);
				continue;
			}
		}
		if (!read_member(s, a))
			return;
	}
}

static struct archive *
new_reader(void)
{
	struct archive *a = archive_read_new();

	if (a == NULL)
		err_fatal("out of memory");
	archive_read_support_filter_all(a);
	archive_read_support_format_7zip(a);
	archive_read_support_format_ar(a);
	archive_read_support_format_cab(a);
	archive_read_support_format_cpio(a);
	archive_read_support_format_iso9660(a);
	archive_read_support_format_lha(a);
	archive_read_support_format_rar(a);
	archive_read_support_format_rar5(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_xar(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_empty(a);
	archive_read_support_format_raw(a);
	return a;
}

static void
init(struct src *s, const struct src_opts *o, const struct src_sink *sink)
{
	memset(s, 0, sizeof *s);
	s->o = o;
	s->sink = sink;
	enc_init(&s->enc, o->encoding, take, s);
}

static void
fini(struct src *s, struct archive *a)
{
	archive_read_free(a);
	enc_free(&s->enc);
	buf_free(&s->name);
	buf_free(&s->line);
}

static la_ssize_t
fd_read(struct archive *a, void *ctx, const void **buf)
{
	struct fdin *f = ctx;
	ssize_t r;

	*buf = f->buf;
	if (f->npre > 0) {
		/* what sniffing read first */
		r = (ssize_t)f->npre;
		f->npre = 0;
		return r;
	}
	r = in_read(f->fd, f->buf, sizeof f->buf);
	if (r < 0)
		archive_set_error(a, errno, "read error: %s", strerror(errno));
	return r;
}

static la_int64_t
fd_seek(struct archive *a, void *ctx, la_int64_t off, int whence)
{
	struct fdin *f = ctx;
	off_t r = lseek(f->fd, off, whence);

	if (r < 0) {
		archive_set_error(a, errno, "seek error: %s", strerror(errno));
		return ARCHIVE_FATAL;
	}
	return r;
}

static la_int64_t
fd_skip(struct archive *a, void *ctx, la_int64_t n)
{
	struct fdin *f = ctx;
	off_t here = lseek(f->fd, 0, SEEK_CUR);

	(void)a;
	if (here < 0 || lseek(f->fd, n, SEEK_CUR) < 0)
		return 0;
	return n;
}

/* a plain text file: no libarchive, the bytes go straight to the decoder */
static void
read_text(struct src *s, struct fdin *f, const char *path)
{
	ssize_t r;

	set_name(s, path, NULL);
	begin_doc(s);
	enc_feed(&s->enc, f->buf, f->npre);
	while ((r = in_read(f->fd, f->buf, sizeof f->buf)) > 0)
		enc_feed(&s->enc, f->buf, (size_t)r);
	if (r < 0) {
		err_input(s->name.p, s->name.n, s->seq + 1, "read error: %s; "
		    "rest skipped", strerror(errno));
		return;
	}
	end_doc(s);
}

/* read the first bytes into f->buf until sniff() can tell */
static enum sniff
read_start(struct fdin *f)
{
	enum sniff what;
	ssize_t r;

	f->npre = 0;
	do {
		r = in_read(f->fd, f->buf + f->npre, sizeof f->buf - f->npre);
		if (r < 0)
			return NOT_TEXT;
		f->npre += (size_t)r;
		what = sniff((unsigned char *)f->buf, f->npre, r == 0);
	} while (what == MORE);
	return what;
}

bool
src_file(const char *path, const struct src_opts *o,
    const struct src_sink *sink)
{
	struct fdin *f;
	struct archive *a;
	struct stat st;
	struct src s;
	bool std = strcmp(path, "-") == 0;

	f = xmalloc(sizeof *f);
	f->fd = std ? STDIN_FILENO : open(path, O_RDONLY);
	if (f->fd < 0 || fstat(f->fd, &st) < 0) {
		err_input(path, strlen(path), 0, "%s", strerror(errno));
		if (f->fd >= 0)
			close(f->fd);
		free(f);
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		err_input(path, strlen(path), 0, "is a directory");
		close(f->fd);
		free(f);
		return false;
	}
	init(&s, o, sink);
	a = new_reader();
	if (read_start(f) == TEXT) {
		read_text(&s, f, path);
		goto done;
	}
	/* a seekable file is read again from its start */
	if (S_ISREG(st.st_mode) && lseek(f->fd, 0, SEEK_SET) == 0)
		f->npre = 0;
	archive_read_set_read_callback(a, fd_read);
	if (S_ISREG(st.st_mode)) {
		archive_read_set_seek_callback(a, fd_seek);
		archive_read_set_skip_callback(a, fd_skip);
	}
	archive_read_set_callback_data(a, f);
	if (archive_read_open1(a) != ARCHIVE_OK)
		err_input(path, strlen(path), 0, "%s",
		    archive_error_string(a) ? archive_error_string(a) :
		    "cannot read");
	else
		read_archive(&s, a, path);
done:
	fini(&s, a);
	if (!std)
		close(f->fd);
	free(f);
	return true;
}

void
src_memory(const void *buf, size_t n, const char *name,
    const struct src_opts *o, const struct src_sink *sink)
{
	struct archive *a;
	struct src s;

	init(&s, o, sink);
	a = new_reader();
	if (sniff(buf, n, true) == TEXT) {
		set_name(&s, name, NULL);
		begin_doc(&s);
		enc_feed(&s.enc, buf, n);
		end_doc(&s);
	} else if (archive_read_open_memory(a, buf, n) != ARCHIVE_OK)
		err_input(name, strlen(name), 0, "%s",
		    archive_error_string(a) ? archive_error_string(a) :
		    "cannot read");
	else
		read_archive(&s, a, name);
	fini(&s, a);
}
