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
 */
#include <dlfcn.h>
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
