/* batchpick.c: the writer's choice of a batch (batchpick.h). */
#include "batchpick.h"

#include <string.h>

size_t batch_pick(const struct pick_job *q, size_t n, size_t max, unsigned char *take)
{
	uint64_t held[BATCH_HELD_MAX];
	size_t nheld = 0, taken = 0, i = 0;
	int heavy = 0;
	memset(take, 0, n);
	for (; i < n && taken < max; i++) {
		int hold = 0;
		for (size_t k = 0; k < nheld && !hold; k++)
			hold = q[i].session == held[k];
		if (!hold && heavy && q[i].heavy) {
			if (q[i].session == 0 || nheld == BATCH_HELD_MAX)
				break; /* no session to hold back: the batch ends here */
			held[nheld++] = q[i].session;
			hold = 1;
		}
		if (hold)
			continue;
		heavy |= q[i].heavy;
		take[i] = 1;
		taken++;
	}
	return taken;
}
