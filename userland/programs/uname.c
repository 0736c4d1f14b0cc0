/* uname [-asnrvmpio]: system information from uname(2), in coreutils'
   order: kernel name (-s, the default), node name (-n), release (-r),
   version (-v), machine (-m), processor (-p) and hardware platform (-i)
   (both "unknown", and left out of -a), operating system (-o). */
#include <stdio.h>
#include <unistd.h>
#include <sys/utsname.h>

enum { S = 1, N = 2, R = 4, V = 8, M = 16, P = 32, I = 64, O = 128 };

static int printed;

static void field(const char *s)
{
	printf("%s%s", printed++ ? " " : "", s);
}

int main(int argc, char **argv)
{
	struct utsname u;
	int which = 0, c;

	while ((c = getopt(argc, argv, "asnrvmpio")) != -1) {
		switch (c) {
		case 'a': which |= S | N | R | V | M | O; break;
		case 's': which |= S; break;
		case 'n': which |= N; break;
		case 'r': which |= R; break;
		case 'v': which |= V; break;
		case 'm': which |= M; break;
		case 'p': which |= P; break;
		case 'i': which |= I; break;
		case 'o': which |= O; break;
		default:
			fprintf(stderr, "Usage: uname [-asnrvmpio]\n");
			return 1;
		}
	}
	if (which == 0)
		which = S;
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	if (which & S)
		field(u.sysname);
	if (which & N)
		field(u.nodename);
	if (which & R)
		field(u.release);
	if (which & V)
		field(u.version);
	if (which & M)
		field(u.machine);
	if (which & P)
		field("unknown");
	if (which & I)
		field("unknown");
	if (which & O)
		field("GNU/Linux");
	putchar('\n');
	return 0;
}
