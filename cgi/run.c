/* run.c: start ddns-apply (and wait) or ddns-checkip (detached), never
 * through a shell: the command is split on spaces (conf_split_cmd) and
 * exec'd. Around apply, the database writes apply may not do: unqueue,
 * trim. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "apply.h"
#include "buf.h"
#include "cgi.h"

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

/* The most ddns-apply --import may print: a file of IMP_HOSTS_MAX hosts. */
#define IMPORT_OUT_MAX	(4 << 20)

/*
 * exec_apply: run the apply command with extra and wait. Its stderr goes
 * to the web server's error log, like ours; its stdout into *out when out
 * is not NULL (else to stderr: it must never be our response).
 */
static int
exec_apply(struct req *r, const char *extra, struct buf *out)
{
	int fd, status, p[2] = { -1, -1 };
	char chunk[4096];
	ssize_t got;
	pid_t pid;

	fflush(stdout);
	if (out != NULL && pipe2(p, O_CLOEXEC) == -1)
		return APPLY_ESTART;
	if ((pid = fork()) == -1) {
		if (out != NULL) {
			close(p[0]);
			close(p[1]);
		}
		return APPLY_ESTART;
	}
	if (pid == 0) {
		/* No exec unless the descriptors are in place. */
		if ((fd = open("/dev/null", O_RDONLY)) == -1 ||
		    dup2(fd, STDIN_FILENO) == -1 ||
		    dup2(out != NULL ? p[1] : STDERR_FILENO, STDOUT_FILENO) == -1)
			_exit(APPLY_ESTART);
		exec_child(r->conf.apply, extra, r->config_path);
	}
	if (out != NULL) {
		close(p[1]);
		/* Read it all (a child blocked on a full pipe never exits);
		 * past the cap it is kept out, and the reader refuses it. */
		while ((got = read(p[0], chunk, sizeof(chunk))) != 0) {
			if (got == -1 && errno == EINTR)
				continue;
			if (got == -1)
				break;
			if (out->len + (size_t)got <= IMPORT_OUT_MAX)
				buf_add(out, chunk, (size_t)got);
			else
				out->oom = 1;
		}
		close(p[0]);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return APPLY_ESTART;
	return WIFEXITED(status) ? WEXITSTATUS(status) : APPLY_ESTART;
}

/*
 * The queue is read before apply starts: apply reads it again under its
 * lock, later, so it saw every name read here. They leave the queue only
 * if apply dropped them and nothing changed since (store_pending_done).
 */
int
run_import(struct req *r, struct buf *out)
{
	return exec_apply(r, "--import", out);
}

static int
apply_with(struct req *r, const char *extra)
{
	struct dd_err e = { 0 };
	char **names = NULL;
	size_t n = 0;
	long long mark = 0;
	const struct apply_outcome *o;
	int code, have;

	have = store_change_mark(r->store, &mark, &e) == 0 &&
	    store_pending(r->store, &names, &n, &e) == 0;
	code = exec_apply(r, extra, NULL);
	o = apply_outcome(code);
	if (have && o != NULL && o->dropped &&
	    store_pending_done(r->store, names, n, mark, &e) == -1)
		fprintf(stderr, "ddns.cgi: %s: %s\n", __func__, e.msg);
	store_free_names(names, n);
	/* apply only reads; the trail is trimmed here, after the change. */
	if (store_audit_trim(r->store, r->conf.history_max, &e) == -1)
		fprintf(stderr, "ddns.cgi: %s: %s\n", __func__, e.msg);
	return code;
}

int
run_apply(struct req *r)
{
	return apply_with(r, NULL);
}

int
run_apply_take_over(struct req *r)
{
	return apply_with(r, "--take-over");
}

void
run_checkip_detached(struct req *r)
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
		exec_child(r->conf.checkip, NULL, r->config_path);
	}
	waitpid(pid, &status, 0);
}
