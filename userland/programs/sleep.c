/* sleep NUMBER[smhd]...: pause for the sum of the times given, each a
   number of seconds (a decimal fraction is allowed), minutes, hours or
   days. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* "1.5m" to nanoseconds; -1 if it is not a time. */
static long long parse(const char *s)
{
	long long sec = 0, nsec = 0, scale = 1, unit;
	const char *p = s;
	int digits = 0;

	while (isdigit((unsigned char)*p)) {
		sec = sec * 10 + (*p++ - '0');
		digits++;
	}
	if (*p == '.') {
		long long place = 100000000;

		for (p++; isdigit((unsigned char)*p); p++, digits++) {
			nsec += (*p - '0') * place;
			place /= 10;
		}
	}
	if (digits == 0)
		return -1;
	switch (*p) {
	case '\0': case 's': unit = 1; break;
	case 'm': unit = 60; break;
	case 'h': unit = 3600; break;
	case 'd': unit = 86400; break;
	default: return -1;
	}
	if (*p != '\0' && p[1] != '\0')
		return -1;
	scale = unit;
	return sec * scale * 1000000000LL + nsec * scale;
}

int main(int argc, char **argv)
{
	long long total = 0;
	struct timespec ts;
	int i;

	if (argc < 2) {
		fprintf(stderr, "sleep: missing operand\n");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		long long t = parse(argv[i]);

		if (t < 0) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[i]);
			return 1;
		}
		total += t;
	}
	ts.tv_sec = (time_t)(total / 1000000000LL);
	ts.tv_nsec = (long)(total % 1000000000LL);
	while (nanosleep(&ts, &ts) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "sleep: %s\n", strerror(errno));
			return 1;
		}
	}
	return 0;
}
