/* floor.c: the fork+exec floor: a CGI that prints a fixed page. */
#include <stdio.h>

int
main(void)
{
	fputs("Status: 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n", stdout);
	return 0;
}
