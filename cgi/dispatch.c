/* dispatch.c: the routes of ddns.cgi, as one table (action x method). */
#include <stdio.h>
#include <string.h>

#include "cgi.h"

/* The host form: its fields in enum hfield order, then enum bfield's. */
static const char *const host_fields[] = {
#define NAME(e, n, ...) #n,
	HOST_FIELDS(NAME)
#undef NAME
	[B_ID] = "id", [B_CSRF] = "csrf_token", [B_VERSION] = "version",
};
_Static_assert(sizeof(host_fields) / sizeof(host_fields[0]) == B__MAX,
    "the host form names every body field once");
static const char *const id_fields[] = { "id", "csrf_token", "version" };
static const char *const csrf_fields[] = { "csrf_token" };

#define HOST_FORM host_fields, B__MAX, 0
#define ID_FORM id_fields, 2, B_ID
#define VERSIONED_FORM id_fields, 3, B_ID	/* id_fields start at B_ID */
#define CSRF_FORM csrf_fields, 1, B_CSRF
#define NO_FORM NULL, 0, 0

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
