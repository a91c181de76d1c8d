/* run.c: start ddns-apply (and wait), ddns-checkip or ddns-dnscheck
 * (detached), never
 * through a shell: the command is split on spaces (conf_split_cmd) and
 * exec'd. ddns-apply gets the rows as one message on its standard input
 * (boundary.h); around it, the database writes it may not do: unqueue,
 * trim. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "boundary.h"
#include "buf.h"
#include "cgi.h"
#include "dnsstate.h"
#include "fileio.h"
#include "handover.h"

/* exec_child: the command, with the fixed word extra (or none) after
 * its own: a sudo rule names the whole line, extra included. */
static void
exec_child(const char *cmd, const char *extra, const char *config)
{
	char buf[CONF_CMD_SZ], envbuf[1100], *argv[CONF_CMD_WORDS + 2];
	char *envp[] = { envbuf, "PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL };
	int n;

	snprintf(envbuf, sizeof(envbuf), "DDNS_ADMIN_CONFIG=%s", config);
	/* conf_load refused a command that does not split whole. */
	if ((n = conf_split_cmd(cmd, buf, argv, NULL)) > 0) {
		argv[n] = (char *)extra;
		argv[n + 1] = NULL;
		execve(argv[0], argv, envp);
	}
	_exit(APPLY_ESTART);
}


/* put_all: write the n bytes at p to fd; -1 when the reader is gone. */
static int
put_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* read_all: what fd gives until its end into out, past IMP_REPLY_MAX
 * kept out (and out->oom set: the reader refuses it). A child blocked on
 * a full pipe never exits, so everything is read. */
static void
read_all(int fd, struct buf *out)
{
	char chunk[4096];
	ssize_t got;

	while ((got = read(fd, chunk, sizeof(chunk))) != 0) {
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			break;
		if (out->len + (size_t)got <= IMP_REPLY_MAX)
			buf_add(out, chunk, (size_t)got);
		else
			out->oom = 1;
	}
}

/*
 * exec_apply: run the apply command with the word arg and wait. in, when
 * not NULL, is its standard input (else /dev/null); its stdout goes into
 * *out when out is not NULL (else to stderr: it must never be our
 * response); its stderr to the web server's error log, like ours.
 */
static int
exec_apply(struct req *r, const char *arg, const struct buf *in,
    struct buf *out)
{
	int fd, status, p[2] = { -1, -1 }, q[2] = { -1, -1 };
	void (*was)(int);
	pid_t pid;

	fflush(stdout);
	if ((out != NULL && pipe2(p, O_CLOEXEC) == -1) ||
	    (in != NULL && pipe2(q, O_CLOEXEC) == -1) || (pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		close(q[0]);
		close(q[1]);
		return APPLY_ESTART;
	}
	if (pid == 0) {
		/* No exec unless the descriptors are in place. */
		if ((fd = in != NULL ? q[0] : open("/dev/null", O_RDONLY)) == -1 ||
		    dup2(fd, STDIN_FILENO) == -1 ||
		    dup2(out != NULL ? p[1] : STDERR_FILENO, STDOUT_FILENO) == -1)
			_exit(APPLY_ESTART);
		exec_child(r->conf.apply, arg, r->config_path);
	}
	if (in != NULL) {
		close(q[0]);
		/* A ddns-apply that refuses early closes its end: that is its
		 * exit code to report, not a signal to die of. */
		was = signal(SIGPIPE, SIG_IGN);
		put_all(q[1], in->p ? in->p : "", in->len);
		close(q[1]);
		signal(SIGPIPE, was);
	}
	if (out != NULL) {
		close(p[1]);
		read_all(p[0], out);
		close(p[0]);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return APPLY_ESTART;
	return WIFEXITED(status) ? WEXITSTATUS(status) : APPLY_ESTART;
}

int
run_import(struct req *r, struct buf *out)
{
	return exec_apply(r, WIRE_ARG_IMPORT, NULL, out);
}

/* web_lock: the web side's own lock (state_dir, its user's): one
 * handover at a time, so the last message ddns-apply gets holds the last
 * change. Only the web server's user waits on it. -1 if it cannot be
 * taken (then the handover goes on unserialised, as a last resort). */
static int
web_lock(struct req *r)
{
	char path[PATH_MAX];
	struct dd_err e;
	int fd;

	snprintf(path, sizeof(path), "%s/apply.lock", r->conf.state_dir);
	if ((fd = file_open_safe(path, O_RDWR | O_CREAT, 0600, &e)) == -1)
		return -1;
	while (flock(fd, LOCK_EX) == -1)
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	return fd;
}

/*
 * The queue is read with the rows: the names leave the queue only if
 * ddns-apply dropped them and nothing changed since (store_pending_done).
 */
static int
apply_with(struct req *r, int take_over)
{
	struct dd_err e = { 0 };
	struct buf msg = { 0 };
	char **names = NULL;
	size_t n = 0;
	long long mark = 0;
	const struct apply_outcome *o;
	int code, have, lk;

	lk = web_lock(r);
	have = store_change_mark(r->store, &mark, &e) == 0;
	if (handover_message(r->store, take_over, &msg, &names, &n, &e) == -1) {
		fprintf(stderr, "ddns.cgi: %s: %s\n", __func__, e.msg);
		code = APPLY_EMSG;
	} else
		code = exec_apply(r, WIRE_ARG_MESSAGE, &msg, NULL);
	o = apply_outcome(code);
	if (have && o != NULL && o->dropped &&
	    store_pending_done(r->store, names, n, mark, &e) == -1)
		fprintf(stderr, "ddns.cgi: %s: %s\n", __func__, e.msg);
	store_free_names(names, n);
	buf_free(&msg);
	if (lk != -1)
		close(lk);
	/* apply only reads; the trail is trimmed here, after the change. */
	if (store_audit_trim(r->store, r->conf.history_max, &e) == -1)
		fprintf(stderr, "ddns.cgi: %s: %s\n", __func__, e.msg);
	return code;
}

int
run_apply(struct req *r)
{
	return apply_with(r, 0);
}

int
run_apply_take_over(struct req *r)
{
	return apply_with(r, 1);
}

/* run_detached: cmd in its own session, its output closed; the page
 * never waits for it. The helper takes its own lock (one at a time). */
static void
run_detached(struct req *r, const char *cmd)
{
	int fd, status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == -1)
		return;
	if (pid == 0) {
		/* Double fork: the page never waits, and lighttpd sees no
		 * child holding its pipes open. */
		setsid();
		if (fork() != 0)
			_exit(0);
		if ((fd = open("/dev/null", O_RDWR)) == -1 ||
		    dup2(fd, STDIN_FILENO) == -1 ||
		    dup2(fd, STDOUT_FILENO) == -1 ||
		    dup2(fd, STDERR_FILENO) == -1)
			_exit(APPLY_ESTART);
		exec_child(cmd, NULL, r->config_path);
	}
	waitpid(pid, &status, 0);
}

void
run_checkip_detached(struct req *r)
{
	run_detached(r, r->conf.checkip);
}

void
run_dnscheck_detached(struct req *r)
{
	char path[PATH_MAX];
	struct dd_err e;
	int fd;

	if (strcmp(r->conf.dns_check, "off") == 0)
		return;
	/* A check already running holds the lock: no fork for nothing. */
	snprintf(path, sizeof(path), "%s/%s", r->conf.state_dir, DNSSTATE_LOCK);
	if ((fd = file_open_safe(path, O_RDWR | O_CREAT, 0600, &e)) != -1) {
		if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
			close(fd);
			return;
		}
		close(fd);
	}
	run_detached(r, r->conf.dnscheck);
}
