/*
 * clock.h: the gateway's one clock for deadlines (action due dates, marker
 * reviews, escalations), settable for tests.
 *
 * mgw_now_ms() is the wall clock (CLOCK_REALTIME, Unix ms) plus an offset
 * of whole days; mgw_today() is the UTC day number (caldate.h) of that
 * instant. In production the offset is 0 and cannot change.
 *
 * The test clock. It is on only if the environment variable
 * MARAC_CLOCK_OFFSET_DAYS is set when mgw_clock_init() runs (the daemon's
 * start): its value, an integer in [-MGW_CLOCK_OFFSET_MAX_DAYS,
 * MGW_CLOCK_OFFSET_MAX_DAYS], is the first offset. Only then does
 * mgw_clock_refresh() read the offset again from the file
 * STATE_DIR/test_clock_offset_days (one integer), so a scenario test can
 * move a running daemon forward by days. Nothing in gateway.yaml, no
 * frame and no signal can turn it on: a production unit that does not set
 * the variable always runs on the real clock. When it is on, start-up and
 * every change log "test_clock_enabled" at WARN, with the offset, and the
 * sweep logs it again every hour, so it cannot go unnoticed.
 *
 * Thread safety: any thread may call mgw_now_ms, mgw_today, mgw_clock_test;
 * the offset is one atomic. mgw_clock_init runs once, before the threads.
 */
#ifndef MARAC_CLOCK_H
#define MARAC_CLOCK_H

#include <stdint.h>

/* Ten years either way is every deadline the tests need, and keeps dates in caldate's range. */
#define MGW_CLOCK_OFFSET_MAX_DAYS 3650

/* Unix ms of the gateway clock (wall clock + offset). */
int64_t mgw_now_ms(void);

/* Days since 1970-01-01 (UTC) of mgw_now_ms(). */
int32_t mgw_today(void);

/*
 * Read MARAC_CLOCK_OFFSET_DAYS. Returns 0 (off, or on with a valid offset)
 * or MGW_E_INVALID (set but not an integer in range: the daemon refuses to
 * start rather than run on a clock nobody meant).
 */
int mgw_clock_init(void);

/* 1 if the test clock is on. */
int mgw_clock_test(void);

/* The current offset in days (0 when off). */
int32_t mgw_clock_offset_days(void);

/*
 * Test clock only (else a no-op returning 0): re-read
 * state_dir/test_clock_offset_days if it changed since the last call. Returns 1 if
 * the offset changed, 0 if not (also: no file), MGW_E_INVALID if the file
 * holds no valid offset (logged; the offset stays).
 */
int mgw_clock_refresh(const char *state_dir);

/* Tests of the library: set the offset directly and turn the test clock on. */
void mgw_clock_set_offset_days(int32_t days);

#endif
