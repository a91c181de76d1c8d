/* run.c: start ddns-apply (and wait) or ddns-checkip (detached), never
 * through a shell: the command is split on spaces and exec'd. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgi.h"

#define MAXARGS 16

/* Split cmd into argv (in buf); the first word must be an absolute path. */
static int
split(const char *cmd, char *buf, size_t bufsz, char **argv)
{
	char *p, *save = NULL;
	int n = 0;

	snprintf(buf, bufsz, "%s", cmd);
	for (p = strtok_r(buf, " \t", &save); p && n < MAXARGS - 1;
	    p = strtok_r(NULL, " \t", &save))
		argv[n++] = p;
	argv[n] = NULL;
	return n > 0 && argv[0][0] == '/' ? 0 : -1;
}

static void
exec_child(const char *cmd, const char *config)
{
	char buf[1024], envbuf[1100], *argv[MAXARGS];
	char *envp[] = { envbuf, "PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL };

	snprintf(envbuf, sizeof(envbuf), "DDNS_ADMIN_CONFIG=%s", config);
	if (split(cmd, buf, sizeof(buf), argv) == 0)
		execve(argv[0], argv, envp);
	_exit(127);
}

int
run_apply(struct req *r)
{
	int fd, status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == -1)
		return 127;
	if (pid == 0) {
		/* Its stderr goes to the web server's error log, like ours.
		 * Its stdout must not be our response: no exec unless the
		 * descriptors are in place. */
		if ((fd = open("/dev/null", O_RDONLY)) == -1 ||
		    dup2(fd, STDIN_FILENO) == -1 ||
		    dup2(STDERR_FILENO, STDOUT_FILENO) == -1)
			_exit(127);
		exec_child(r->conf.apply, r->config_path);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
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
			_exit(127);
		exec_child(r->conf.checkip, r->config_path);
	}
	waitpid(pid, &status, 0);
}
