/* source.c: read and check one family of a named address source. */
#include <sys/stat.h>

#include <stdio.h>
#include <string.h>

#include "source.h"

#define LOWER	"abcdefghijklmnopqrstuvwxyz"
#define UPPER	"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGIT	"0123456789"

/* The bytes of each kind's argument; none needs a quote in ddclient's
 * configuration or means anything to a shell but as a word. */
#define NAME_CHARS	LOWER DIGIT "_-"
#define IF_CHARS	UPPER LOWER DIGIT "._-"
#define URL_CHARS	UPPER LOWER DIGIT "-._~:/?&=%+@[]"
#define PATH_CHARS	UPPER LOWER DIGIT "/._-"

int
source_name_ok(const char *v)
{
	size_t n = strlen(v);

	return n > 0 && n < SOURCE_NAME_SZ && strspn(v, NAME_CHARS) == n;
}

/* only: 1 if v is 1 to max bytes, all of set. */
static int
only(const char *v, const char *set, size_t max)
{
	size_t n = strlen(v);

	return n > 0 && n <= max && strspn(v, set) == n;
}

/* check_if: an interface name as the kernel takes it (IFNAMSIZ - 1). */
static enum msg_id
check_if(const char *v)
{
	return only(v, IF_CHARS, 15) && strcmp(v, ".") && strcmp(v, "..") ?
	    MSG_none : MSG_src_if;
}

static enum msg_id
check_url(const char *v)
{
	const char *host = strncmp(v, "https://", 8) == 0 ? v + 8 :
	    strncmp(v, "http://", 7) == 0 ? v + 7 : NULL;

	return host != NULL && *host != '\0' && *host != '/' &&
	    only(v, URL_CHARS, SOURCE_ARG_SZ - 1) ? MSG_none : MSG_src_url;
}

/*
 * check_cmd: a program ddclient runs as root through a shell, without
 * arguments: its path holds no shell character and no "." or ".."
 * component, and the file is root's own, a regular file (lstat: no link),
 * executable, and writable by nobody else.
 */
static enum msg_id
check_cmd(const char *v)
{
	struct stat st;

	if (v[0] != '/' || !only(v, PATH_CHARS, SOURCE_ARG_SZ - 1) ||
	    strstr(v, "/./") || strstr(v, "/../") ||
	    strcmp(v + strlen(v) - 2, "/.") == 0 ||
	    strcmp(v + strlen(v) - 3, "/..") == 0)
		return MSG_src_cmd_path;
	if (lstat(v, &st) == -1)
		return MSG_src_cmd_missing;
	if (S_ISLNK(st.st_mode))
		return MSG_src_cmd_link;
	if (!S_ISREG(st.st_mode))
		return MSG_src_cmd_missing;
	if (st.st_uid != 0)
		return MSG_src_cmd_owner;
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return MSG_src_cmd_writable;
	if (!(st.st_mode & S_IXUSR))
		return MSG_src_cmd_exec;
	return MSG_none;
}

/* The kinds, their words in the configuration and ddclient's. */
static const struct {
	enum src_kind	 kind;
	const char	*word;		/* in the module configuration */
	enum msg_id	 (*check)(const char *);
	const char	*ddv[3];	/* 3.10's use=, 3.11's usev4=, usev6= */
} kinds[] = {
	{ SRC_NONE, "none", NULL, { "no", "disabled", "disabled" } },
	{ SRC_IF, "if", check_if, { "if", "ifv4", "ifv6" } },
	{ SRC_WEB, "web", check_url, { "web", "webv4", "webv6" } },
	{ SRC_CMD, "cmd", check_cmd, { "cmd", "cmdv4", "cmdv6" } },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

int
source_parse(const char *v, struct source_fam *f, enum msg_id *why)
{
	size_t i, n = strcspn(v, " \t");
	const char *arg = v + n + strspn(v + n, " \t"), *via;

	f->kind = SRC_NONE;
	f->arg[0] = '\0';
	for (i = 0; i < NKINDS; i++)
		if (strlen(kinds[i].word) == n &&
		    strncmp(v, kinds[i].word, n) == 0)
			break;
	if (i == NKINDS || (kinds[i].check == NULL) != (*arg == '\0')) {
		*why = MSG_src_kind;
		return -1;
	}
	f->iface[0] = f->helper[0] = '\0';
	/* A web check bound to an interface: "URL via IFACE". */
	if (kinds[i].kind == SRC_WEB && (via = strstr(arg, " via ")) != NULL) {
		if ((*why = check_if(via + 5)) != MSG_none)
			return -1;
		if ((size_t)(via - arg) >= sizeof(f->arg)) {
			*why = MSG_src_url;
			return -1;
		}
		snprintf(f->iface, sizeof(f->iface), "%s", via + 5);
		snprintf(f->arg, sizeof(f->arg), "%.*s", (int)(via - arg), arg);
		arg = f->arg;
	}
	if (kinds[i].check != NULL &&
	    (*why = kinds[i].check(arg)) != MSG_none)
		return -1;
	if (arg != f->arg)
		snprintf(f->arg, sizeof(f->arg), "%s", arg);
	f->kind = kinds[i].kind;
	*why = MSG_none;
	return 0;
}

const char *
source_kind_word(enum src_kind k, int fam)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (kinds[i].kind == k)
			return kinds[i].ddv[fam + 1];
	return "no";
}

const char *
source_label(const struct source *s, const char *lang)
{
	int i = lang_find(lang);

	if (i < 0 || s->label[i][0] == '\0')
		return s->name;
	return s->label[i];
}
