/* unseen.h: the characters a page would not show as themselves (unseen.c). */
#ifndef DDNS_UNSEEN_H
#define DDNS_UNSEEN_H

#include <stdint.h>

#include "msg.h"

/* unseen_name: the key naming code point c (msg.h, u_...), or MSG_none
 * for a character shown. */
enum msg_id unseen_name(uint32_t c);

#endif
