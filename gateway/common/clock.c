/*
 * clock.c: see clock.h.
 */
#include "clock.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "log.h"
#include "mgw_err.h"

#define DAY_MS (86400LL * 1000)

static int32_t g_offset;   /* days; atomic */
static int g_test;         /* set once at init (or by a unit test) */
static int64_t g_file_mtime_ns = -1; /* refresh: last file seen (caller's thread only) */

static int parse_days(const char *s, int32_t *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
		end++;
	if (errno || end == s || *end || v < -MGW_CLOCK_OFFSET_MAX_DAYS ||
	    v > MGW_CLOCK_OFFSET_MAX_DAYS)
		return -1;
	*out = (int32_t)v;
	return 0;
}

static void log_on(int32_t days)
{
	char d[16];
	snprintf(d, sizeof d, "%d", (int)days);
	log_event(LOG_WARN, "test_clock_enabled", "offset_days", d, "note",
		  "MARAC_CLOCK_OFFSET_DAYS is set: deadlines run on a shifted clock; never in production",
		  NULL);
}

int64_t mgw_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	return ms + (int64_t)__atomic_load_n(&g_offset, __ATOMIC_RELAXED) * DAY_MS;
}

int32_t mgw_today(void)
{
	int64_t ms = mgw_now_ms();
	return (int32_t)(ms >= 0 ? ms / DAY_MS : -((-ms + DAY_MS - 1) / DAY_MS));
}

int mgw_clock_init(void)
{
	const char *s = getenv("MARAC_CLOCK_OFFSET_DAYS");
	if (s == NULL)
		return MGW_OK;
	int32_t d;
	if (parse_days(s, &d) != 0) {
		log_event(LOG_ERROR, "test_clock_invalid", "detail",
			  "MARAC_CLOCK_OFFSET_DAYS: an integer number of days within +-3650", NULL);
		return MGW_E_INVALID;
	}
	g_test = 1;
	__atomic_store_n(&g_offset, d, __ATOMIC_RELAXED);
	log_on(d);
	return MGW_OK;
}

int mgw_clock_test(void)
{
	return g_test;
}

int32_t mgw_clock_offset_days(void)
{
	return __atomic_load_n(&g_offset, __ATOMIC_RELAXED);
}

void mgw_clock_set_offset_days(int32_t days)
{
	g_test = 1;
	__atomic_store_n(&g_offset, days, __ATOMIC_RELAXED);
}

int mgw_clock_refresh(const char *state_dir)
{
	if (!g_test || state_dir == NULL)
		return 0;
	char path[4096];
	snprintf(path, sizeof path, "%s/test_clock_offset_days", state_dir);
	struct stat sb;
	if (stat(path, &sb) != 0)
		return 0;
	int64_t mt = (int64_t)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	if (mt == g_file_mtime_ns)
		return 0;
	g_file_mtime_ns = mt;
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return 0;
	char buf[32] = "";
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	int32_t d;
	if (parse_days(buf, &d) != 0) {
		log_event(LOG_ERROR, "test_clock_invalid", "detail",
			  "test_clock_offset_days: an integer number of days within +-3650", NULL);
		return MGW_E_INVALID;
	}
	if (d == mgw_clock_offset_days())
		return 0;
	__atomic_store_n(&g_offset, d, __ATOMIC_RELAXED);
	log_on(d);
	return 1;
}
