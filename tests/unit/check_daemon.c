/* check_daemon.c: recognising ddclient from /proc/PID/cmdline, and never
 * signalling a process that a pid file names unless it is ddclient. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <check.h>

#include "daemon.h"
#include "testutil.h"

/* sizeof - 1 drops the literal's own NUL: each case spells its NULs. */
#define C(s, want) { s, sizeof(s) - 1, want }

static const struct {
	const char	*cmdline;
	size_t		 n;
	int		 want;
} cmdlines[] = {
	C("ddclient\0", 1),
	C("/usr/bin/ddclient\0-daemon\0", 1),
	C("/usr/sbin/ddclient\0-daemon\0300\0-pid\0/run/ddclient.pid\0", 1),
	C("ddclient - sleeping for 300 seconds\0", 1),
	C("ddclient - updating host\0", 1),
	C("ddclient - Curl system cmd sending to http://127.0.0.1:8245\0", 1),
	C("ddclient - Curl system cmd sending to https://dyn.example/nic/ddclient\0", 1),
	C("/usr/bin/perl\0-w\0/usr/bin/ddclient\0-file\0x\0", 1),
	C("perl\0/usr/bin/ddclient\0", 1),
	C("sh\0", 0),
	C("/usr/bin/perl\0other.pl\0", 0),
	C("/usr/bin/perl\0-w\0/tmp/ddclient.pl\0", 0),
	C("ddclientx\0", 0),
	C("/usr/bin/ddclient-helper\0", 0),
	C("notddclient\0", 0),
	C("/bin/sh\0-c\0ddclient\0", 0),
	C("", 0),
	C("ddclient", 0),	/* no trailing NUL */
	C("/usr/bin/perl\0/usr/bin/ddclient", 0),
};
#define NCMD (sizeof(cmdlines) / sizeof(cmdlines[0]))

START_TEST(is_ddclient_recognises_its_command_lines)
{
	ck_assert_msg(daemon_is_ddclient(cmdlines[_i].cmdline, cmdlines[_i].n)
	    == cmdlines[_i].want, "case %d: want %d", _i, cmdlines[_i].want);
}
END_TEST

/* ---- pid files ---- */

static char dir[TU_PATH_SZ], pidfile[TU_PATH_SZ];

static void
setup(void)
{
	tu_tmpdir(dir);
	tu_path(pidfile, dir, "ddclient.pid");
}

static void
teardown(void)
{
	tu_rmrf(dir);
}

static void
write_pid(long pid)
{
	char text[32];

	snprintf(text, sizeof(text), "%ld\n", pid);
	tu_write_str(pidfile, text);
}

static volatile sig_atomic_t hups;

static void
on_hup(int sig)
{
	(void)sig;
	hups++;
}

START_TEST(check_missing_pid_file_is_nopid)
{
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_NOPID);
	ck_assert_int_eq(daemon_reload(pidfile), DAEMON_NOPID);
}
END_TEST

/* Unreadable is not "no permission" unless it is: the errno decides. */
static const struct {
	int			err;
	enum daemon_state	want;
} pid_errnos[] = {
	{ ENOENT, DAEMON_NOPID }, { EACCES, DAEMON_PIDEACCES },
	{ EPERM, DAEMON_PIDEACCES }, { EISDIR, DAEMON_PIDEREAD },
	{ EIO, DAEMON_PIDEREAD }, { ELOOP, DAEMON_PIDEREAD },
	{ ENOTDIR, DAEMON_PIDEREAD },
};
#define NERRNO (sizeof(pid_errnos) / sizeof(pid_errnos[0]))

START_TEST(pid_error_distinguishes_missing_forbidden_and_other)
{
	ck_assert_int_eq(daemon_pid_error(pid_errnos[_i].err),
	    pid_errnos[_i].want);
}
END_TEST

START_TEST(check_unreadable_pid_file_is_pideread)
{
	/* A directory opens but does not read (EISDIR). */
	ck_assert_int_eq(mkdir(pidfile, 0700), 0);
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_PIDEREAD);
	ck_assert_int_eq(daemon_reload(pidfile), DAEMON_PIDEREAD);
}
END_TEST

START_TEST(check_forbidden_pid_file_is_pideaccess)
{
	/* root reads a mode-000 file anyway: nothing to see then. */
	if (geteuid() == 0)
		return;
	write_pid(12345);
	ck_assert_int_eq(chmod(pidfile, 0), 0);
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_PIDEACCES);
	ck_assert_int_eq(daemon_reload(pidfile), DAEMON_PIDEACCES);
}
END_TEST

static const char *const garbage[] = {
	"", "\n", "abc\n", "12abc\n", "0\n", "-1\n", "-12345\n", "+42\n",
	"99999999999999999999\n", "4.2\n",
};
#define NGARBAGE (sizeof(garbage) / sizeof(garbage[0]))

START_TEST(check_garbage_pid_file_is_badpid)
{
	tu_write_str(pidfile, garbage[_i]);
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_BADPID);
	ck_assert_int_eq(daemon_reload(pidfile), DAEMON_BADPID);
}
END_TEST

START_TEST(check_dead_process_is_stale)
{
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(pid, NULL, 0), pid);
	write_pid((long)pid);
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_STALE);
	ck_assert_int_eq(daemon_reload(pidfile), DAEMON_STALE);
}
END_TEST

START_TEST(check_other_program_is_notddclient_and_not_signalled)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_hup;
	sigemptyset(&sa.sa_mask);
	ck_assert_int_eq(sigaction(SIGHUP, &sa, NULL), 0);
	hups = 0;
	write_pid((long)getpid());
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_NOTDDCLIENT);
	ck_assert_int_eq(daemon_reload(pidfile), DAEMON_NOTDDCLIENT);
	ck_assert_int_eq(hups, 0);
	/* The handler works: a HUP we send ourselves is counted. */
	kill(getpid(), SIGHUP);
	ck_assert_int_eq(hups, 1);
}
END_TEST

/* What the message names when the pid file names another program: its
 * argv[0] (this test's), cut to fit; nothing for no process. */
START_TEST(title_names_the_other_program)
{
	char t[64], small[6];

	write_pid((long)getpid());
	daemon_title(pidfile, t, sizeof(t));
	ck_assert_msg(strstr(t, "check_daemon") != NULL, "title \"%s\"", t);
	daemon_title(pidfile, small, sizeof(small));
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	ck_assert(strncmp(small, t, sizeof(small) - 1) == 0);
	write_pid(4194303L);
	daemon_title(pidfile, t, sizeof(t));
	ck_assert_str_eq(t, "");
}
END_TEST

/* A child whose cmdline reads "ddclient - sleeping for 300 seconds". */
static pid_t
fake_ddclient(void)
{
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		execl("/bin/sleep", "ddclient - sleeping for 300 seconds", "30",
		    (char *)NULL);
		_exit(127);
	}
	return pid;
}

/* wait_cmdline: until the child has exec'd (its cmdline changed). */
static void
wait_exec(pid_t pid)
{
	char path[64], *cmd;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	for (i = 0; i < 200; i++) {
		cmd = tu_read(path, NULL);
		if (cmd != NULL && strncmp(cmd, "ddclient", 8) == 0) {
			free(cmd);
			return;
		}
		free(cmd);
		usleep(10000);
	}
	ck_abort_msg("the child did not exec");
}

START_TEST(reload_signals_a_running_ddclient)
{
	pid_t pid = fake_ddclient();
	int status;

	wait_exec(pid);
	write_pid((long)pid);
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_OK);
	ck_assert_int_eq(daemon_reload(pidfile), DAEMON_OK);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGHUP);
}
END_TEST

START_TEST(check_sends_no_signal)
{
	pid_t pid = fake_ddclient();
	int status;

	wait_exec(pid);
	write_pid((long)pid);
	ck_assert_int_eq(daemon_check(pidfile), DAEMON_OK);
	usleep(50000);
	ck_assert_int_eq(waitpid(pid, &status, WNOHANG), 0);	/* alive */
	kill(pid, SIGKILL);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(WTERMSIG(status), SIGKILL);
}
END_TEST

/* Only the title of ddclient between passes counts as idle: a drop of a
 * cache entry during a pass would be written back at its end. */
START_TEST(is_sleeping_only_between_passes)
{
	static const char sleeping[] = "ddclient - sleeping for 300 seconds";
	static const char updating[] = "ddclient - updating a.example.com";
	static const char connecting[] = "ddclient - connecting to x";
	static const char plain[] = "/usr/bin/ddclient\0-daemon";
	static const char bare[] = "ddclient - sleeping";

	/* sizeof counts each literal's final NUL, as /proc/PID/cmdline has. */
	ck_assert_int_eq(daemon_is_sleeping(sleeping, sizeof(sleeping)), 1);
	ck_assert_int_eq(daemon_is_sleeping(updating, sizeof(updating)), 0);
	ck_assert_int_eq(daemon_is_sleeping(connecting, sizeof(connecting)), 0);
	ck_assert_int_eq(daemon_is_sleeping(plain, sizeof(plain)), 0);
	ck_assert_int_eq(daemon_is_sleeping(bare, sizeof(bare) - 1), 0);
}
END_TEST

static Suite *
daemon_suite(void)
{
	Suite *s = suite_create("daemon");
	TCase *tc;

	tc = tcase_create("cmdline");
	tcase_add_loop_test(tc, is_ddclient_recognises_its_command_lines, 0,
	    (int)NCMD);
	tcase_add_test(tc, is_sleeping_only_between_passes);
	suite_add_tcase(s, tc);

	tc = tcase_create("pidfile");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, check_missing_pid_file_is_nopid);
	tcase_add_loop_test(tc, pid_error_distinguishes_missing_forbidden_and_other,
	    0, (int)NERRNO);
	tcase_add_test(tc, check_unreadable_pid_file_is_pideread);
	tcase_add_test(tc, check_forbidden_pid_file_is_pideaccess);
	tcase_add_loop_test(tc, check_garbage_pid_file_is_badpid, 0,
	    (int)NGARBAGE);
	tcase_add_test(tc, check_dead_process_is_stale);
	tcase_add_test(tc, check_other_program_is_notddclient_and_not_signalled);
	tcase_add_test(tc, title_names_the_other_program);
	tcase_add_test(tc, reload_signals_a_running_ddclient);
	tcase_add_test(tc, check_sends_no_signal);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(daemon_suite());
}
