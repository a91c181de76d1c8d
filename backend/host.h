/* host.h: one dynamic hostname as stored, validated and rendered. */
#ifndef DDNS_HOST_H
#define DDNS_HOST_H

/* The fields of the Create/Modify form, in form order. */
enum hfield {
	HF_HOSTNAME,
	HF_DESCRIPTION,
	HF_LOGIN,
	HF_PASSWORD,
	HF_MX,
	HF_PROVIDER,
	HF_SERVER,
	HF_PROTOCOL,
	HF_ZONE,
	HF__MAX
};

/* Size caps, in bytes with the NUL; the validator enforces them. */
#define HOSTNAME_SZ	254	/* 253 characters */
#define DESC_CHARS	200	/* characters, not bytes */
#define DESC_SZ		(DESC_CHARS * 4 + 1)
#define LOGIN_SZ	129
#define PASSWORD_SZ	257
#define PROVIDER_SZ	24
#define SERVER_SZ	262	/* host name and :port */
#define PROTOCOL_SZ	24

struct host {
	long long	 id;
	char		 hostname[HOSTNAME_SZ];
	char		 description[DESC_SZ];
	char		 login[LOGIN_SZ];
	char		 password[PASSWORD_SZ];
	char		 mx[HOSTNAME_SZ];
	char		 provider[PROVIDER_SZ];
	char		 server[SERVER_SZ];
	char		 protocol[PROTOCOL_SZ];
	char		 zone[HOSTNAME_SZ];
	int		 enabled;
	long long	 created;
	long long	 updated;
};

/* host_field_name: the form/column name of f ("hostname", ...). */
const char *host_field_name(enum hfield f);

/* host_field: a pointer to the text of field f in h, and its size. */
char *host_field(struct host *h, enum hfield f, size_t *size);

#endif
