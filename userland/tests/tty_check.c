/* tty_check: the terminal calls (tcgetattr, tcsetattr, the speeds,
   tcgetpgrp/tcsetpgrp, tcgetsid, isatty, ttyname) on whatever standard
   input and output are: `make check` runs it on a pipe, a file and a
   terminal and compares the output of this library's build with glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void check_fd(int fd)
{
	struct termios t, raw;
	char name[64];
	int r;

	printf("fd %d: isatty %d\n", fd, isatty(fd));
	memset(&t, 0xab, sizeof t);
	errno = 0;
	r = tcgetattr(fd, &t);
	printf("  tcgetattr %d %s\n", r, strerror(errno));
	if (r == 0) {
		printf("  icanon %d echo %d isig %d icrnl %d opost %d cs8 %d\n",
		       (t.c_lflag & ICANON) != 0, (t.c_lflag & ECHO) != 0, (t.c_lflag & ISIG) != 0,
		       (t.c_iflag & ICRNL) != 0, (t.c_oflag & OPOST) != 0,
		       (t.c_cflag & CSIZE) == CS8);
		printf("  intr %d eof %d susp %d min %d time %d tail %d %d\n", t.c_cc[VINTR],
		       t.c_cc[VEOF], t.c_cc[VSUSP], t.c_cc[VMIN], t.c_cc[VTIME], t.c_cc[19],
		       t.c_cc[NCCS - 1]);
		printf("  speeds %u %u same as cflag %d\n", cfgetispeed(&t), cfgetospeed(&t),
		       t.c_ospeed == (t.c_cflag & (CBAUD | CBAUDEX)));
		printf("  tcsetattr same %d\n", tcsetattr(fd, TCSANOW, &t));
		raw = t;
		cfmakeraw(&raw);
		printf("  raw lflag %o iflag %o oflag %o cflag-size %o\n", raw.c_lflag & (ECHO | ICANON | ISIG | IEXTEN),
		       raw.c_iflag & (ICRNL | IXON), raw.c_oflag & OPOST, raw.c_cflag & CSIZE);
		printf("  tcsetattr raw drain %d\n", tcsetattr(fd, TCSADRAIN, &raw));
		tcgetattr(fd, &raw);
		printf("  now icanon %d\n", (raw.c_lflag & ICANON) != 0);
		printf("  tcsetattr back flush %d\n", tcsetattr(fd, TCSAFLUSH, &t));
		tcgetattr(fd, &raw);
		printf("  now icanon %d\n", (raw.c_lflag & ICANON) != 0);
	}
	errno = 0;
	r = tcsetattr(fd, 5, &t);
	printf("  tcsetattr bad action %d %s\n", r, strerror(errno));
	errno = 0;
	r = tcgetpgrp(fd);
	printf("  tcgetpgrp is ours %d %s\n", r == getpgrp(), strerror(errno));
	errno = 0;
	r = tcsetpgrp(fd, getpgrp());
	printf("  tcsetpgrp ours %d %s\n", r, strerror(errno));
	errno = 0;
	r = tcgetsid(fd);
	printf("  tcgetsid is ours %d %s\n", r == getsid(0), strerror(errno));
	errno = 0;
	r = ttyname_r(fd, name, sizeof name);
	printf("  ttyname_r %s pts %d\n", strerror(r), r == 0 && strncmp(name, "/dev/pts/", 9) == 0);
	r = ttyname_r(fd, name, 9);
	printf("  ttyname_r small %s\n", strerror(r));
	errno = 0;
	printf("  ttyname %s", ttyname(fd) != NULL ? "found" : "NULL");
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("  tcdrain %d", tcdrain(fd));
	printf(" %s\n", strerror(errno));
	errno = 0;
	printf("  tcflush %d", tcflush(fd, TCIFLUSH));
	printf(" %s\n", strerror(errno));
}

int main(void)
{
	struct termios t;

	memset(&t, 0, sizeof t);
	printf("sizeof termios %zu\n", sizeof t);
	printf("cfsetospeed %d", cfsetospeed(&t, B9600));
	printf(" cfsetispeed 0 %d", cfsetispeed(&t, 0));
	printf(" ospeed %u ispeed %u cflag %o\n", cfgetospeed(&t), cfgetispeed(&t), t.c_cflag);
	errno = 0;
	printf("cfsetospeed bad %d", cfsetospeed(&t, 12345));
	printf(" %s\n", strerror(errno));
	printf("cfsetispeed %d ispeed %u\n", cfsetispeed(&t, B115200), cfgetispeed(&t));
	fflush(stdout);
	check_fd(0);
	check_fd(1);
	check_fd(open("/dev/null", O_RDONLY));
	check_fd(99);
	return 0;
}
