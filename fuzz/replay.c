/*
 * replay: run a fuzz harness over saved inputs without libFuzzer, so the
 * corpus is a regression suite in "make check".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char *argv[])
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t n = 0, cap = 0, r;

		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		do {
			if (n == cap) {
				uint8_t *more;

				cap = cap ? 2 * cap : 65536;
				if ((more = realloc(buf, cap)) == NULL) {
					perror("replay");
					return 2;
				}
				buf = more;
			}
			r = fread(buf + n, 1, cap - n, f);
			n += r;
		} while (r > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
		free(buf);
	}
	printf("replay: %d inputs\n", argc - 1);
	return 0;
}
