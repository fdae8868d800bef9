/*
 * fault_commit.c: an LD_PRELOAD shim for the daemon in scenario tests
 * (STYLE.md 20, fault injection). When the file named by MARAC_FAULT_COMMIT
 * exists, the next SQL "COMMIT" fails with SQLITE_IOERR without reaching
 * SQLite (the transaction stays open, as after a real I/O error) and the
 * file is removed: one failure per trigger.
 *
 * Likewise MARAC_FAULT_STEP (a file) with MARAC_FAULT_STEP_SQL (a prefix):
 * the next sqlite3_step of a statement whose SQL starts with that prefix
 * fails with SQLITE_IOERR without running, and the file is removed: a job
 * failing inside its batch.
 *
 * MARAC_FAULT_CLOCK (a file): while it exists, the whole seconds it holds
 * (signed) are added to CLOCK_REALTIME: the wall clock stepped (NTP, a VM
 * resumed) under a running daemon.
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <time.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int sqlite3_exec(sqlite3 *db, const char *sql, int (*cb)(void *, int, char **, char **),
		 void *arg, char **errmsg)
{
	static int (*real)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *,
			   char **);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_exec");
	const char *trigger = getenv("MARAC_FAULT_COMMIT");
	if (trigger && sql && strcmp(sql, "COMMIT") == 0 && unlink(trigger) == 0)
		return SQLITE_IOERR;
	return real(db, sql, cb, arg, errmsg);
}

int sqlite3_step(sqlite3_stmt *st)
{
	static int (*real)(sqlite3_stmt *);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_step");
	const char *trigger = getenv("MARAC_FAULT_STEP");
	const char *prefix = getenv("MARAC_FAULT_STEP_SQL");
	const char *sql = sqlite3_sql(st);
	if (trigger && prefix && sql && strncmp(sql, prefix, strlen(prefix)) == 0 &&
	    unlink(trigger) == 0)
		return SQLITE_IOERR;
	return real(st);
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
	static int (*real)(clockid_t, struct timespec *);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "clock_gettime");
	int rc = real(id, ts);
	const char *step = getenv("MARAC_FAULT_CLOCK");
	if (rc != 0 || id != CLOCK_REALTIME || step == NULL)
		return rc;
	int fd = open(step, O_RDONLY);
	if (fd < 0)
		return rc;
	char b[32];
	ssize_t n = read(fd, b, sizeof b - 1);
	close(fd);
	if (n > 0) {
		b[n] = '\0';
		ts->tv_sec += (time_t)strtoll(b, NULL, 10);
	}
	return rc;
}
