/*
 * relay: the later half of a program's work done by a second thread, a
 * batch at a time, in the order the batches are handed over.  The first
 * thread makes batch k+1 ready while the second works on batch k.
 *
 * Until relay_start() has made the second thread (and where it could
 * not, or in a fuzz harness that never calls it), a batch handed over is
 * worked on at once, in the thread that hands it.
 */
#ifndef INK_RELAY_H
#define INK_RELAY_H

#include <stdbool.h>

void	relay_start(void);
/* wait until the batch handed over before is done, then hand over b */
void	relay_hand(void (*fn)(void *), void *b);
/* is the batch handed over not done yet? */
bool	relay_busy(void);
/* wait until the batch handed over is done */
void	relay_wait(void);
/* is this the second thread? */
bool	relay_worker(void);

#endif
