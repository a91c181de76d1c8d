/* fileio.h: whole-file reads and crash-safe whole-file writes. */
#ifndef DDNS_FILEIO_H
#define DDNS_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

#include "err.h"

/*
 * file_write_atomic: replace path with the n bytes at data so that a
 * reader (or a crash) sees the old file or the new one, never a mix: a
 * temp file in the same directory, mode, write, fsync, rename, fsync of
 * the directory. On any failure the old file stays, the temp file is
 * removed, and -1 is returned with e set. owner, when not NULL, names a
 * file whose uid and gid the new file takes (when we may chown).
 */
int file_write_atomic(const char *path, const void *data, size_t n,
    mode_t mode, const char *owner, struct dd_err *e);

/*
 * file_clean_temps: remove the temp files that file_write_atomic leaves
 * beside path when it is killed between mkstemp and rename. Call it only
 * while holding the lock that serialises writers of path.
 */
void file_clean_temps(const char *path);

/*
 * file_read: read the whole of path (at most max bytes) into a malloc'd,
 * NUL-terminated *data of *n bytes. Returns 0, or -1 with e set
 * (DD_ENOTFOUND when it does not exist).
 */
int file_read(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e);

#endif
