/*
 * spawn.c: run a program N times the way a web server starts a CGI: one
 * posix_spawn each, no shell, the environment given here, stdin from a
 * file, stdout and stderr to /dev/null. Prints one line:
 *   runs N  median_us M  mean_us A  minflt F  maxrss_kb R  fails X
 * (F: the median minor page faults, R: the largest resident set, both from
 * wait4's rusage). Nothing else runs between two runs.
 *   spawn -n N [-i STDIN] [-e VAR=VALUE]... -- PROGRAM [ARG...]
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXENV 64

static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int
main(int argc, char *argv[])
{
	char *envp[MAXENV + 1], *in = NULL;
	long long *t, *flt, sum = 0, maxrss = 0;
	int ch, n = 100, ne = 0, i, fails = 0, status;
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	pid_t pid;

	while ((ch = getopt(argc, argv, "n:i:e:")) != -1) {
		if (ch == 'n')
			n = atoi(optarg);
		else if (ch == 'i')
			in = optarg;
		else if (ch == 'e' && ne < MAXENV)
			envp[ne++] = optarg;
		else {
			fprintf(stderr, "usage: spawn -n N [-i FILE] [-e V=X]... -- "
			    "PROGRAM [ARG...]\n");
			return 2;
		}
	}
	envp[ne] = NULL;
	if (optind >= argc || n < 1)
		return 2;
	t = calloc((size_t)n, sizeof(*t));
	flt = calloc((size_t)n, sizeof(*flt));
	if (t == NULL || flt == NULL)
		return 2;
	for (i = 0; i < n; i++) {
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null",
		    O_RDONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
		t[i] = now_ns();
		if (posix_spawn(&pid, argv[optind], &fa, NULL, argv + optind,
		    envp) != 0 || wait4(pid, &status, 0, &ru) == -1) {
			perror(argv[optind]);
			return 2;
		}
		t[i] = now_ns() - t[i];
		posix_spawn_file_actions_destroy(&fa);
		sum += t[i];
		flt[i] = ru.ru_minflt;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		fails += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_ll);
	qsort(flt, (size_t)n, sizeof(*flt), cmp_ll);
	printf("runs %d median_us %lld mean_us %lld minflt %lld maxrss_kb %lld "
	    "fails %d\n", n, t[n / 2] / 1000, sum / n / 1000, flt[n / 2], maxrss,
	    fails);
	return 0;
}
