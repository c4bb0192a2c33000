/*
 * src: read a file, an archive or a compressed stream with libarchive and
 * hand each document in it, decoded to UTF-8 and cut into physical lines,
 * to a sink.
 *
 * A plain or compressed single file is one document named by its path; an
 * archive gives one document per regular member, named "PATH#MEMBER".  A
 * line keeps everything but its newline (CR, NUL and invalid UTF-8 stay),
 * and the last line says whether the document ended without a newline,
 * so the input can be rebuilt byte for byte.  Problems are reported
 * through err (naming the document and line) and the rest goes on.
 */
#ifndef INK_SRC_H
#define INK_SRC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct src_sink {
	/* a new document; name is not escaped */
	void	(*begin)(void *ctx, const char *name, size_t len);
	void	(*line)(void *ctx, uint64_t seq, const char *p, size_t n,
		    bool noeol);
	/*
	 * Optional: a run of whole lines, each ending in a newline and none
	 * longer than max_line, numbered from seq; returns how many there
	 * were.  Without it, line() gets each line of the run.
	 */
	uint64_t (*lines)(void *ctx, uint64_t seq, const char *p, size_t n);
	/* bytes read from the input so far, for progress reports */
	void	(*progress)(void *ctx, uint64_t bytes);
	void	*ctx;
};

struct src_opts {
	const char *encoding;	/* forced encoding, or NULL to detect */
	uint64_t max_member;	/* largest member, in bytes */
	uint64_t max_ratio;	/* most a member may expand, 0 for no limit */
	size_t	 max_line;	/* longest line */
	char	**include;	/* member globs to keep (all if none) */
	size_t	 ninclude;
	char	**exclude;	/* member globs to drop */
	size_t	 nexclude;
	bool	 verbose;	/* note converted encodings on stderr */
};

/* read path ("-" for stdin); returns false when it could not be opened */
bool	src_file(const char *path, const struct src_opts *o,
	    const struct src_sink *sink);
/* the same on bytes in memory, for the fuzzers */
void	src_memory(const void *buf, size_t n, const char *name,
	    const struct src_opts *o, const struct src_sink *sink);
/* does the member name pass --include and --exclude? */
bool	src_selected(const struct src_opts *o, const char *name);

#endif
