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
#include "cgi.h"

static void
exec_child(const char *cmd, const char *config)
{
	char buf[CONF_CMD_SZ], envbuf[1100], *argv[CONF_CMD_WORDS + 1];
	char *envp[] = { envbuf, "PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL };

	snprintf(envbuf, sizeof(envbuf), "DDNS_ADMIN_CONFIG=%s", config);
	/* conf_load refused a command that does not split whole. */
	if (conf_split_cmd(cmd, buf, argv, NULL) > 0)
		execve(argv[0], argv, envp);
	_exit(APPLY_ESTART);
}

static int
exec_apply(struct req *r)
{
	int fd, status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == -1)
		return APPLY_ESTART;
	if (pid == 0) {
		/* Its stderr goes to the web server's error log, like ours.
		 * Its stdout must not be our response: no exec unless the
		 * descriptors are in place. */
		if ((fd = open("/dev/null", O_RDONLY)) == -1 ||
		    dup2(fd, STDIN_FILENO) == -1 ||
		    dup2(STDERR_FILENO, STDOUT_FILENO) == -1)
			_exit(APPLY_ESTART);
		exec_child(r->conf.apply, r->config_path);
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
run_apply(struct req *r)
{
	struct dd_err e = { 0 };
	char **names = NULL;
	size_t n = 0;
	long long mark = 0;
	const struct apply_outcome *o;
	int code, have;

	have = store_change_mark(r->store, &mark, &e) == 0 &&
	    store_pending(r->store, &names, &n, &e) == 0;
	code = exec_apply(r);
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
		exec_child(r->conf.checkip, r->config_path);
	}
	waitpid(pid, &status, 0);
}
