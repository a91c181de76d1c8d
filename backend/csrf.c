/* csrf.c: HMAC-SHA256 form tokens (nettle: 0.3 ms of start-up, against
 * libcrypto's 2-3 ms; README, Speed). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <nettle/hmac.h>
#include <nettle/memops.h>

#include "csrf.h"
#include "fileio.h"
#include "num.h"

static int
read_key(const char *path, unsigned char key[CSRF_KEY_LEN], struct dd_err *e)
{
	char *data;
	size_t n;

	if (file_read(path, CSRF_KEY_LEN, &data, &n, e) == -1 &&
	    e->code != DD_ETOOBIG)
		return -1;
	if (data == NULL || n != CSRF_KEY_LEN) {
		free(data);
		return dd_failf(e, DD_ESYS, NULL, "%s is damaged: remove it and "
		    "a new one is made (open forms then need a reload)", path);
	}
	memcpy(key, data, CSRF_KEY_LEN);
	free(data);
	return 0;
}

int
csrf_secret(const char *path, unsigned char key[CSRF_KEY_LEN],
    struct dd_err *e)
{
	if (read_key(path, key, e) == 0)
		return 0;
	if (e->code != DD_ENOTFOUND)
		return -1;
	if (getrandom(key, CSRF_KEY_LEN, 0) != CSRF_KEY_LEN)
		return dd_failf(e, DD_ESYS, NULL, "getrandom: %s",
		    strerror(errno));
	/* Two first requests may race here; each re-reads the file that won,
	 * and a form made from the loser asks for one reload. */
	if (file_write_atomic(path, key, CSRF_KEY_LEN, 0600, NULL, e) == -1)
		return -1;
	return read_key(path, key, e);
}

static void
mac_hex(const unsigned char key[CSRF_KEY_LEN], const char *user,
    const char *expiry, char hex[2 * SHA256_DIGEST_SIZE + 1])
{
	static const char domain[] = "ddns-admin csrf v1";
	struct hmac_sha256_ctx ctx;
	unsigned char mac[SHA256_DIGEST_SIZE];
	size_t i;

	hmac_sha256_set_key(&ctx, CSRF_KEY_LEN, key);
	hmac_sha256_update(&ctx, sizeof(domain), (const uint8_t *)domain);
	hmac_sha256_update(&ctx, strlen(user) + 1, (const uint8_t *)user);
	hmac_sha256_update(&ctx, strlen(expiry), (const uint8_t *)expiry);
	hmac_sha256_digest(&ctx, sizeof(mac), mac);
	for (i = 0; i < sizeof(mac); i++)
		snprintf(hex + 2 * i, 3, "%02x", mac[i]);
}

void
csrf_make(const unsigned char key[CSRF_KEY_LEN], const char *user,
    long long now, char out[CSRF_TOKEN_SZ])
{
	char expiry[24], hex[2 * SHA256_DIGEST_SIZE + 1];

	snprintf(expiry, sizeof(expiry), "%lld", now + CSRF_TTL);
	mac_hex(key, user, expiry, hex);
	snprintf(out, CSRF_TOKEN_SZ, "%s.%s", expiry, hex);
}

int
csrf_check(const unsigned char key[CSRF_KEY_LEN], const char *user,
    const char *token, long long now)
{
	char expiry[24], hex[2 * SHA256_DIGEST_SIZE + 1];
	const char *dot;
	long long t;

	if (token == NULL || (dot = strchr(token, '.')) == NULL ||
	    (size_t)(dot - token) >= sizeof(expiry))
		return -1;
	memcpy(expiry, token, (size_t)(dot - token));
	expiry[dot - token] = '\0';
	if (num_parse(expiry, 0, 1LL << 40, &t) == -1 || t < now ||
	    strlen(dot + 1) != sizeof(hex) - 1)
		return -1;
	mac_hex(key, user, expiry, hex);
	return memeql_sec(hex, dot + 1, sizeof(hex) - 1) ? 0 : -1;
}
