/* write_file_atomic: contents, mode, replacement, failures leave the old file. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "mgw_err.h"

static char dir[64];

static void setup(void)
{
	strcpy(dir, "/tmp/marac-fsutil-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+w %s; rm -rf %s", dir, dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(fsutil, .init = setup, .fini = teardown);

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	return buf;
}

static int entries(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

Test(fsutil, writes_replaces_and_sets_the_mode)
{
	char path[128];
	snprintf(path, sizeof path, "%s/port", dir);
	cr_assert_eq(write_file_atomic(path, "8443\n", 5, 0644), MGW_OK);
	cr_assert_str_eq(slurp(path), "8443\n");
	struct stat st;
	stat(path, &st);
	cr_assert_eq(st.st_mode & 07777, 0644);
	cr_assert_eq(write_file_atomic(path, "9", 1, 0600), MGW_OK);
	cr_assert_str_eq(slurp(path), "9");
	stat(path, &st);
	cr_assert_eq(st.st_mode & 07777, 0600);
	cr_assert_eq(entries(), 1, "no temporary file is left behind");
}

Test(fsutil, a_symlink_at_the_old_predictable_temp_name_is_not_followed)
{
	char path[128], trap[128], target[128];
	snprintf(path, sizeof path, "%s/port", dir);
	snprintf(trap, sizeof trap, "%s/port.tmp", dir);
	snprintf(target, sizeof target, "%s/victim", dir);
	FILE *f = fopen(target, "w");
	fputs("precious", f);
	fclose(f);
	cr_assert_eq(symlink(target, trap), 0);
	cr_assert_eq(write_file_atomic(path, "1", 1, 0644), MGW_OK);
	cr_assert_str_eq(slurp(target), "precious");
	cr_assert_str_eq(slurp(path), "1");
}

Test(fsutil, a_failure_keeps_the_old_contents_and_leaves_nothing)
{
	char path[128];
	snprintf(path, sizeof path, "%s/cp", dir);
	cr_assert_eq(write_file_atomic(path, "old", 3, 0644), MGW_OK);
	cr_assert_eq(write_file_atomic("", "x", 1, 0644), MGW_E_INVALID);
	char missing[128], isdir[128];
	snprintf(missing, sizeof missing, "%s/no/such/dir/f", dir);
	cr_assert_eq(write_file_atomic(missing, "x", 1, 0644), MGW_E_IO);
	/* The rename fails (a directory is in the way): the temporary file goes too. */
	snprintf(isdir, sizeof isdir, "%s/sub", dir);
	cr_assert_eq(mkdir(isdir, 0700), 0);
	char inner[160];
	snprintf(inner, sizeof inner, "%s/x", isdir);
	FILE *f = fopen(inner, "w");
	fclose(f);
	cr_assert_eq(write_file_atomic(isdir, "new", 3, 0644), MGW_E_IO);
	cr_assert_eq(entries(), 2, "old and sub, no temporary file");
	cr_assert_str_eq(slurp(path), "old");
	if (geteuid() == 0)
		cr_skip_test("root ignores directory permissions");
	chmod(dir, 0500);
	cr_assert_eq(write_file_atomic(path, "new", 3, 0644), MGW_E_IO);
	chmod(dir, 0700);
	cr_assert_str_eq(slurp(path), "old");
}

Test(fsutil, write_file_new_never_replaces)
{
	char path[128];
	snprintf(path, sizeof path, "%s/audit.key", dir);
	cr_assert_eq(write_file_new(path, "secret-1\n", 9, 0600), MGW_OK);
	struct stat st;
	stat(path, &st);
	cr_assert_eq(st.st_mode & 07777, 0600);
	cr_assert_eq(write_file_new(path, "secret-2\n", 9, 0600), MGW_E_CONFLICT);
	cr_assert_str_eq(slurp(path), "secret-1\n");
	cr_assert_eq(entries(), 1, "no temporary file is left behind");
}
