/* fsutil.c: see fsutil.h. */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mgw_err.h"

/* fsync the directory holding path, so a rename into it is durable. */
static int sync_dir(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return MGW_E_IO;
	int rc = fsync(fd) == 0 ? MGW_OK : MGW_E_IO;
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

/*
 * Write buf to a new temporary file beside path (name in tmp), with mode,
 * fsynced and closed. On failure nothing is left behind.
 */
static int write_temp(const char *path, const void *buf, size_t len, mode_t mode,
		      char tmp[PATH_MAX])
{
	size_t plen = strlen(path);
	if (plen == 0 || path[plen - 1] == '/' ||
	    snprintf(tmp, PATH_MAX, "%s.XXXXXX", path) >= PATH_MAX)
		return MGW_E_INVALID;
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return MGW_E_IO;
	const char *p = buf;
	size_t left = len;
	if (fchmod(fd, mode) != 0)
		goto fail;
	while (left > 0) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		p += w;
		left -= (size_t)w;
	}
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return MGW_OK;
fail:;
	int saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
	return MGW_E_IO;
}

int write_file_atomic(const char *path, const void *buf, size_t len, mode_t mode)
{
	char tmp[PATH_MAX];
	int rc = write_temp(path, buf, len, mode, tmp);
	if (rc != MGW_OK)
		return rc;
	if (rename(tmp, path) != 0) {
		int saved = errno;
		unlink(tmp);
		errno = saved;
		return MGW_E_IO;
	}
	return sync_dir(path);
}

int write_file_new(const char *path, const void *buf, size_t len, mode_t mode)
{
	char tmp[PATH_MAX];
	if (access(path, F_OK) == 0) /* early answer only; the no-replace rename is the guard */
		return MGW_E_CONFLICT;
	int rc = write_temp(path, buf, len, mode, tmp);
	if (rc != MGW_OK)
		return rc;
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) != 0) {
		/* Filesystems without RENAME_NOREPLACE: link(2) never replaces either. */
		if (errno == EEXIST)
			rc = MGW_E_CONFLICT;
		else if ((errno == EINVAL || errno == ENOSYS) && link(tmp, path) == 0)
			rc = MGW_OK;
		else
			rc = errno == EEXIST ? MGW_E_CONFLICT : MGW_E_IO;
		unlink(tmp);
		if (rc != MGW_OK)
			return rc;
	}
	if (sync_dir(path) != MGW_OK) {
		unlink(path); /* not durable: leave nothing rather than a maybe */
		return MGW_E_IO;
	}
	return MGW_OK;
}
