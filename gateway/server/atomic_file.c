/*
 * atomic_file.c: the daemon's one way to replace a file (STYLE.md 11):
 * a temporary file beside it with an unpredictable name (mkstemp, O_EXCL,
 * so a link planted at a guessable name cannot redirect the write), the
 * data, fsync, the final mode, rename over the target, fsync of the
 * directory. A reader sees the old file or the new one, never a part.
 * Used for the port file and audit.vkey. Any thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gw.h"
#include "mgw_err.h"

static int fsync_dir_of(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	close(fd);
	return r;
}

int gw_write_file_atomic(const char *path, const void *data, size_t n, mode_t mode)
{
	char tmp[4200];
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
		return MGW_E_INVALID;
	int fd = mkstemp(tmp);
	if (fd < 0)
		return MGW_E_IO;
	const char *p = data;
	size_t left = n;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		p += w;
		left -= (size_t)w;
	}
	if (fchmod(fd, mode) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	return fsync_dir_of(path) == 0 ? MGW_OK : MGW_E_IO;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return MGW_E_IO;
}
