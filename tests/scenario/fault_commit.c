/*
 * fault_commit.c: an LD_PRELOAD shim for the daemon in scenario tests
 * (STYLE.md 20, fault injection). When the file named by MARAC_FAULT_COMMIT
 * exists, the next SQL "COMMIT" fails with SQLITE_IOERR without reaching
 * SQLite (the transaction stays open, as after a real I/O error) and the
 * file is removed: one failure per trigger.
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
