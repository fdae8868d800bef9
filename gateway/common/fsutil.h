/*
 * fsutil.h: the one way the gateway replaces a file.
 *
 * write_file_atomic: after it returns 0, path holds exactly buf[0..len)
 * with mode `mode`, and survives a crash or power cut; if it fails (or the
 * machine dies half way) path still holds its old contents, or does not
 * exist if it did not before. Never a torn or empty file.
 *
 * How: a temporary file in the same directory with an unpredictable name
 * (mkstemp: O_CREAT|O_EXCL, so a planted file or symlink is never written
 * through, also when run as root in a shared directory), fchmod, write,
 * fsync, rename over path, fsync of the directory (so the rename itself
 * is durable). The temporary file is removed on every failure.
 *
 * Returns 0, MGW_E_INVALID (path too long or without a file name),
 * MGW_E_IO (a system call failed; errno is kept from it).
 * Thread-safe; not async-signal-safe.
 */
#ifndef MARAC_FSUTIL_H
#define MARAC_FSUTIL_H

#include <stddef.h>
#include <sys/types.h>

int write_file_atomic(const char *path, const void *buf, size_t len, mode_t mode);

/*
 * write_file_atomic that never replaces: path must not exist (a no-replace
 * rename, or link(2) where the filesystem lacks it). For secrets that must
 * never be overwritten (the audit signing key). If the final fsync of the
 * directory fails, path is removed again: nothing rather than a maybe.
 * Returns 0, MGW_E_CONFLICT (path exists), MGW_E_INVALID, MGW_E_IO.
 */
int write_file_new(const char *path, const void *buf, size_t len, mode_t mode);

#endif
