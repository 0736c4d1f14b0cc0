/* <termios.h> and the terminal calls of <unistd.h>: everything is an
   ioctl(2) on the terminal (drivers/tty/tty_ioctl.c, tty_jobctrl.c). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "sysdep.h"

/* The kernel's struct termios for TCGETS/TCSETS (asm-generic/termbits.h):
   19 control characters and no speed fields. */
#define KERNEL_NCCS 19

struct kernel_termios {
	tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
	cc_t c_line;
	cc_t c_cc[KERNEL_NCCS];
};

/* glibc's private c_iflag bit: "input speed 0 means the output speed". */
#define IBAUD0 020000000000

int tcgetattr(int fd, struct termios *termios_p)
{
	struct kernel_termios k;

	if (__syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, (long)&k)) < 0)
		return -1;
	termios_p->c_iflag = k.c_iflag;
	termios_p->c_oflag = k.c_oflag;
	termios_p->c_cflag = k.c_cflag;
	termios_p->c_lflag = k.c_lflag;
	termios_p->c_line = k.c_line;
	termios_p->c_ispeed = k.c_cflag & (CBAUD | CBAUDEX);
	termios_p->c_ospeed = k.c_cflag & (CBAUD | CBAUDEX);
	memcpy(termios_p->c_cc, k.c_cc, KERNEL_NCCS);
	memset(termios_p->c_cc + KERNEL_NCCS, _POSIX_VDISABLE, NCCS - KERNEL_NCCS);
	return 0;
}

/* tcsetattr(3): TCSETS, TCSETSW (after the output drains) or TCSETSF
   (and discard pending input).  Debian's glibc 2.36 reads the settings
   before and, after a successful set, again to compare them with what was
   asked; we make the same calls, and the answer is the set's. */
int tcsetattr(int fd, int optional_actions, const struct termios *termios_p)
{
	struct kernel_termios k, current;
	int saved;
	long r;

	__syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, (long)&current));
	if (optional_actions < TCSANOW || optional_actions > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	k.c_iflag = termios_p->c_iflag & ~IBAUD0;
	k.c_oflag = termios_p->c_oflag;
	k.c_cflag = termios_p->c_cflag;
	k.c_lflag = termios_p->c_lflag;
	k.c_line = termios_p->c_line;
	memcpy(k.c_cc, termios_p->c_cc, KERNEL_NCCS);
	r = __syscall3(SYS_ioctl, fd, TCSETS + optional_actions, (long)&k);
	if (__syscall_ret(r) < 0)
		return -1;
	saved = errno;
	__syscall3(SYS_ioctl, fd, TCGETS, (long)&current);
	errno = saved;
	return 0;
}

int tcflush(int fd, int queue_selector)
{
	return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TCFLSH, queue_selector));
}

/* TCSBRK with a non-zero argument waits for the output and sends no break. */
int tcdrain(int fd)
{
	return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TCSBRK, 1));
}

speed_t cfgetospeed(const struct termios *termios_p)
{
	return termios_p->c_cflag & (CBAUD | CBAUDEX);
}

speed_t cfgetispeed(const struct termios *termios_p)
{
	return (termios_p->c_iflag & IBAUD0) ? 0 : cfgetospeed(termios_p);
}

static int valid_speed(speed_t speed)
{
	return (speed & ~CBAUD) == 0 || (speed >= B57600 && speed <= B460800);
}

int cfsetospeed(struct termios *termios_p, speed_t speed)
{
	if (!valid_speed(speed)) {
		errno = EINVAL;
		return -1;
	}
	termios_p->c_ospeed = speed;
	termios_p->c_cflag = (termios_p->c_cflag & ~(CBAUD | CBAUDEX)) | speed;
	return 0;
}

int cfsetispeed(struct termios *termios_p, speed_t speed)
{
	if (!valid_speed(speed)) {
		errno = EINVAL;
		return -1;
	}
	termios_p->c_ispeed = speed;
	if (speed == 0) {
		termios_p->c_iflag |= IBAUD0;
	} else {
		termios_p->c_iflag &= ~IBAUD0;
		termios_p->c_cflag = (termios_p->c_cflag & ~(CBAUD | CBAUDEX)) | speed;
	}
	return 0;
}

/* cfmakeraw(3): bytes in and out unchanged, one at a time, no echo, no
   signals from keys. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

/* The terminal's foreground process group: the one whose reads it
   allows, and to which it sends the signals of ^C and ^Z. */
pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (__syscall_ret(__syscall3(SYS_ioctl, fd, TIOCGPGRP, (long)&pgrp)) < 0)
		return -1;
	return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TIOCSPGRP, (long)&pgrp));
}

pid_t tcgetsid(int fd)
{
	pid_t sid;

	if (__syscall_ret(__syscall3(SYS_ioctl, fd, TIOCGSID, (long)&sid)) < 0)
		return -1;
	return sid;
}

/* Is name the terminal st describes? */
static int is_mytty(const struct stat *st, const char *name)
{
	struct stat other;

	return stat(name, &other) == 0 && S_ISCHR(other.st_mode) && other.st_rdev == st->st_rdev;
}

/* Look in dir for the character device st is. */
static int search_dir(const char *dir, const struct stat *st, char *buf, size_t buflen)
{
	struct dirent *d;
	DIR *dirp = opendir(dir);
	int found = 0;

	if (dirp == NULL)
		return 0;
	while (!found && (d = readdir(dirp)) != NULL) {
		if (d->d_type != DT_CHR && d->d_type != DT_UNKNOWN)
			continue;
		if (strlen(dir) + 1 + strlen(d->d_name) + 1 > buflen)
			continue;
		snprintf(buf, buflen, "%s/%s", dir, d->d_name);
		found = is_mytty(st, buf);
	}
	closedir(dirp);
	return found;
}

/* ttyname_r(3) as glibc's: the name /proc/self/fd gives for the
   descriptor, if it is really that terminal; otherwise a search of
   /dev/pts and /dev.  Returns an error number. */
int ttyname_r(int fd, char *buf, size_t buflen)
{
	struct termios term;
	char link[32];
	struct stat st;
	ssize_t n;

	if (buf == NULL)
		return EINVAL;
	if (buflen < sizeof "/dev/pts/")
		return ERANGE;
	if (tcgetattr(fd, &term) < 0 || fstat(fd, &st) < 0)
		return errno;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, buf, buflen);
	if (n >= 0 && (size_t)n < buflen) {
		buf[n] = '\0';
		if (is_mytty(&st, buf))
			return 0;
	} else if (n < 0 && errno == ENAMETOOLONG) {
		return ERANGE;
	}
	if (search_dir("/dev/pts", &st, buf, buflen) || search_dir("/dev", &st, buf, buflen))
		return 0;
	return ENODEV;
}

/* ttyname(3): the same in a buffer of its own (4096 bytes, as glibc's). */
char *ttyname(int fd)
{
	static char *name;
	struct termios term;
	int r;

	if (tcgetattr(fd, &term) < 0)
		return NULL;
	if (name == NULL && (name = malloc(4096)) == NULL)
		return NULL;
	r = ttyname_r(fd, name, 4095);
	if (r != 0) {
		errno = r;
		return NULL;
	}
	return name;
}
