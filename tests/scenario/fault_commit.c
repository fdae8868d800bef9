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
 * MARAC_FAULT_STALL (a file): while it exists, every SQL "COMMIT" waits
 * (a disk that hangs fsync): the writer is stuck until it is removed.
 *
 * MARAC_FAULT_CLOCK (a file): while it exists, the whole seconds it holds
 * (signed) are added to CLOCK_REALTIME: the wall clock stepped (NTP, a VM
 * resumed) under a running daemon.
 *
 * MARAC_WAL_RACE (a file): watches for the preconditions of SQLite's
 * WAL-reset race (sqlite.org/wal.html#walresetbug: SQLite 3.7.0 to 3.51.2,
 * Debian 12 has 3.40.1): a checkpoint starting on one connection while
 * another holds a write transaction begun after a checkpoint had copied
 * the whole WAL, which that transaction's commit may restart. Each such
 * overlap appends a line to the file. To open the window wide, the first
 * write transaction after such a checkpoint is held 150 ms after BEGIN.
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t race_mu = PTHREAD_MUTEX_INITIALIZER;
static int wal_complete;  /* a checkpoint copied the whole WAL; no commit since */
static sqlite3 *late_txn; /* the connection whose write transaction began after it */

static void race_note(const char *what)
{
	FILE *f = fopen(getenv("MARAC_WAL_RACE"), "a");
	if (f) {
		fprintf(f, "%s\n", what);
		fclose(f);
	}
}

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
	const char *stall = getenv("MARAC_FAULT_STALL");
	while (stall && sql && strcmp(sql, "COMMIT") == 0 && access(stall, F_OK) == 0)
		usleep(50000);
	if (getenv("MARAC_WAL_RACE") == NULL || sql == NULL)
		return real(db, sql, cb, arg, errmsg);
	int rc = real(db, sql, cb, arg, errmsg), late = 0;
	pthread_mutex_lock(&race_mu);
	if (strcmp(sql, "BEGIN IMMEDIATE") == 0 && rc == SQLITE_OK && wal_complete) {
		late_txn = db;
		late = 1;
	} else if (strcmp(sql, "COMMIT") == 0 || strcmp(sql, "ROLLBACK") == 0) {
		if (db == late_txn)
			late_txn = NULL;
		if (rc == SQLITE_OK && strcmp(sql, "COMMIT") == 0)
			wal_complete = 0;
	}
	pthread_mutex_unlock(&race_mu);
	if (late)
		usleep(150000);
	return rc;
}

int sqlite3_wal_checkpoint_v2(sqlite3 *db, const char *name, int mode, int *log, int *done)
{
	static int (*real)(sqlite3 *, const char *, int, int *, int *);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_wal_checkpoint_v2");
	if (getenv("MARAC_WAL_RACE") == NULL)
		return real(db, name, mode, log, done);
	pthread_mutex_lock(&race_mu);
	if (late_txn && late_txn != db)
		race_note("checkpoint started inside a write transaction begun on a complete WAL");
	pthread_mutex_unlock(&race_mu);
	int l = -1, d = -1;
	int rc = real(db, name, mode, &l, &d);
	if (log)
		*log = l;
	if (done)
		*done = d;
	pthread_mutex_lock(&race_mu);
	if (rc == SQLITE_OK && l > 0 && l == d)
		wal_complete = 1;
	else if (rc == SQLITE_OK && l == 0)
		wal_complete = 0; /* truncated: restarted by the checkpoint itself */
	pthread_mutex_unlock(&race_mu);
	return rc;
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
