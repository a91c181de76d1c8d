/* fileio.h: whole-file reads and crash-safe whole-file writes, opening
 * nothing through a link (boundary.h: the trust boundary). */
#ifndef DDNS_FILEIO_H
#define DDNS_FILEIO_H

#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "err.h"

/*
 * file_open_safe: open(2) path with flags (and mode, for O_CREAT) such
 * that the web server's user cannot steer it: O_NOFOLLOW (a link as the
 * last component fails), O_CLOEXEC, O_NONBLOCK while opening (a planted
 * FIFO must not hang us), then fstat of what was opened: it must be a
 * regular file with one link (a hard link would name someone else's file)
 * owned by the effective uid or by the owner of the directory that holds
 * it (who could replace it anyway, so trusting that owner grants nothing
 * the directory does not). O_TRUNC is refused: it would act before the
 * checks. Returns the descriptor (the caller closes it), or -1 with e set
 * (DD_ENOTFOUND when path does not exist).
 */
int file_open_safe(const char *path, int flags, mode_t mode,
    struct dd_err *e);

/*
 * file_write_atomic: replace path with the n bytes at data so that a
 * reader (or a crash) sees the old file or the new one, never a mix: a
 * temp file in the same directory (named .<base>.ddns-admin.XXXXXX, a
 * name only this module makes), mode, write, fsync, rename, fsync of the
 * directory. On any failure the old file stays, the temp file is removed,
 * and -1 is returned with e set. owner, when not NULL, names a regular
 * file (not followed if a link) whose uid and gid the new file takes
 * (when we may chown).
 */
int file_write_atomic(const char *path, const void *data, size_t n,
    mode_t mode, const char *owner, struct dd_err *e);

/*
 * file_write_buf: file_write_atomic of what b holds (no owner), or
 * MSG_oom when b ran out of memory while it was filled; frees b either
 * way. Returns 0 or -1.
 */
int file_write_buf(const char *path, struct buf *b, mode_t mode,
    struct dd_err *e);

/*
 * file_write_new: as file_write_atomic, but path is never replaced: the
 * temp file is hard-linked to it (link(2) neither follows nor replaces
 * an existing name). Returns 0, or -1 with e set: DD_EEXIST when path
 * exists already (it is left as it is).
 */
int file_write_new(const char *path, const void *data, size_t n,
    mode_t mode, const char *owner, struct dd_err *e);

/*
 * file_clean_temps: remove the temp files that file_write_atomic leaves
 * beside path when it is killed between mkstemp and rename: regular files
 * named exactly .<base>.ddns-admin.XXXXXX, nothing else (an administrator's
 * <base>.backup stays). Call it only while holding the lock that
 * serialises writers of path.
 */
void file_clean_temps(const char *path);

/*
 * file_line: the line at *p (data ending before end) into line (sz
 * bytes, NUL-terminated, without its '\n'), *p then past it. A strict
 * file's line: it must end in '\n', hold no NUL and fit. Returns 0, or -1
 * (*p unchanged). Pure.
 */
int file_line(const char **p, const char *end, char *line, size_t sz);

/*
 * file_read: read the whole of path, opened by file_open_safe, into a
 * malloc'd, NUL-terminated *data of *n bytes. A file over max bytes is
 * never cut: -1 with DD_ETOOBIG. Returns 0, or -1 with e set
 * (DD_ENOTFOUND when it does not exist).
 */
int file_read(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e);

/*
 * file_read_prefix: the first max bytes (or fewer) of path, opened as
 * file_read opens it (file_open_safe), into a malloc'd, NUL-terminated
 * *data (caller frees): for telling a file by its first line without
 * reading the rest. Returns 0, or -1 with e set.
 */
int file_read_prefix(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e);

/*
 * file_read_head: the first max bytes (or fewer) of path, a file that the
 * module configuration names (links are followed: it is the integrator's
 * word, and it is only read), into a malloc'd, NUL-terminated *data
 * (caller frees). Returns 0, or -1 with e set.
 */
int file_read_head(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e);

#endif
