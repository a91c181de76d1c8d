/* dispatch.c: the routes of ddns.cgi, as one table (action x method). */
#include <stdio.h>
#include <string.h>

#include "cgi.h"

/* Each body field's form name, by its enum (a field of the host form's
 * is its HOST_FIELDS row's name): reordering either enum moves nothing. */
static const char *const body_names[B__MAX] = {
#define NAME(e, n, ...) [HF_##e] = #n,
	HOST_FIELDS(NAME)
#undef NAME
	[B_ID] = "id", [B_CSRF] = "csrf_token", [B_VERSION] = "version",
};

const char *
body_name(enum bfield f)
{
	return body_names[f];
}

#define HOST_FORM	((BODY(HF__MAX) - 1) | VERSIONED_FORM)	/* every hfield */
#define ID_FORM		(BODY(B_ID) | BODY(B_CSRF))
#define VERSIONED_FORM	(ID_FORM | BODY(B_VERSION))
#define CSRF_FORM	BODY(B_CSRF)
#define NO_FORM		0

static const struct route routes[] = {
	{ "list",	M_GET,	page_list,		NO_FORM },
	{ "edit",	M_GET,	page_edit,		NO_FORM },
	{ "save",	M_POST,	page_save,		HOST_FORM },
	{ "delete",	M_GET,	page_delete_confirm,	NO_FORM },
	{ "delete",	M_POST,	page_delete,		VERSIONED_FORM },
	{ "enable",	M_POST,	page_enable,		ID_FORM },
	{ "disable",	M_POST,	page_disable,		ID_FORM },
	{ "update",	M_POST,	page_update,		ID_FORM },
	{ "history",	M_GET,	page_history,		NO_FORM },
	{ "import",	M_POST,	page_import,		CSRF_FORM },
	{ "config",	M_GET,	page_config,		NO_FORM },
	{ "status",	M_GET,	page_status,		NO_FORM },
	{ "host",	M_GET,	page_timeline,		NO_FORM },
	{ "dnscheck",	M_POST,	page_dnscheck,		ID_FORM },
};

const struct route *
dispatch(const char *action, enum method m, char *allow, size_t asz,
    struct dd_err *e)
{
	size_t i;
	int known = 0;

	allow[0] = '\0';
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (strcmp(routes[i].action, action) != 0)
			continue;
		known = 1;
		if (routes[i].method == m)
			return &routes[i];
		snprintf(allow + strlen(allow), asz - strlen(allow), "%s%s",
		    *allow ? ", " : "", routes[i].method == M_GET ? "GET" :
		    "POST");
	}
	if (known)
		dd_fail(e, DD_EMETHOD, NULL, MSG_req_method_page,
		    m == M_POST ? "POST" : "GET");
	else
		dd_fail(e, DD_ENOTFOUND, NULL, MSG_req_page);
	return NULL;
}
