/* fs_check: files, directories and descriptors (open flags, the stat
   family, the *at calls, links, permissions, times, directory streams,
   pipes, poll and select, sendfile, readv/writev), and the small helpers
   programs use with them (getopt, the environment, gmtime, case-blind
   comparisons).  Everything happens in a fresh directory under /tmp whose
   name is not printed, so the output is the same on every run.  `make
   check` compares the output of this library's build with glibc's. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>

static char top[64];

/* "0" or "-1 ENOENT"-style: the result and, on failure, errno's text. */
static void show(const char *what, long r)
{
	if (r < 0)
		printf("%s: %ld (%s)\n", what, r, strerror(errno));
	else
		printf("%s: %ld\n", what, r);
}

static void write_file(const char *name, const char *text)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	write(fd, text, strlen(text));
	close(fd);
}

static const char *type_of(mode_t m)
{
	return S_ISREG(m) ? "reg" : S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "lnk" : S_ISFIFO(m) ? "fifo"
	       : S_ISCHR(m) ? "chr" : "other";
}

static void check_open(void)
{
	struct stat st;
	char buf[32];
	int fd, r;

	printf("umask old %03o\n", (unsigned)umask(022));
	printf("umask now %03o\n", (unsigned)umask(022));
	fd = open("f", O_WRONLY | O_CREAT | O_EXCL, 0666);
	printf("open excl %d\n", fd >= 0);
	fstat(fd, &st);
	printf("mode %s %04o size %lld nlink %u mine %d\n", type_of(st.st_mode),
	       (unsigned)(st.st_mode & 07777), (long long)st.st_size, (unsigned)st.st_nlink,
	       st.st_uid == getuid() && st.st_gid == getgid());
	write(fd, "hello\n", 6);
	close(fd);
	show("open excl again", open("f", O_WRONLY | O_CREAT | O_EXCL, 0666));
	fd = open("f", O_WRONLY | O_APPEND);
	write(fd, "world\n", 6);
	printf("append offset %ld\n", (long)lseek(fd, 0, SEEK_CUR));
	printf("getfl %o\n", fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK));
	close(fd);
	fd = open("f", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	printf("getfl %o getfd %d\n", fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
	       fcntl(fd, F_GETFD));
	r = (int)read(fd, buf, sizeof buf);
	printf("read %d [%.*s]\n", r, r > 0 ? r - 1 : 0, buf);
	close(fd);
	show("open dir flag on file", open("f", O_RDONLY | O_DIRECTORY));
	show("open missing", open("missing", O_RDONLY));
	show("open missing dir", open("missing/f", O_WRONLY | O_CREAT, 0644));
	symlink("f", "lnk");
	show("open nofollow", open("lnk", O_RDONLY | O_NOFOLLOW));
	fd = open("f", O_RDWR | O_TRUNC);
	fstat(fd, &st);
	printf("trunc size %lld\n", (long long)st.st_size);
	close(fd);
	fd = creat("c", 0600);
	fstat(fd, &st);
	printf("creat %04o getfl %o\n", (unsigned)(st.st_mode & 07777),
	       fcntl(fd, F_GETFL) & O_ACCMODE);
	close(fd);
	fd = openat(AT_FDCWD, "f", O_RDONLY);
	printf("openat %d\n", fd >= 0);
	close(fd);
	show("fstat -1", fstat(-1, &st));
}

static void check_stat(void)
{
	struct stat st;
	int dirfd;

	write_file("s", "0123456789");
	symlink("s", "sl");
	symlink("nowhere", "dangling");
	mkdir("sub", 0750);
	stat("s", &st);
	printf("stat s %s size %lld blksize>0 %d\n", type_of(st.st_mode), (long long)st.st_size,
	       st.st_blksize > 0);
	stat("sl", &st);
	printf("stat sl %s size %lld\n", type_of(st.st_mode), (long long)st.st_size);
	lstat("sl", &st);
	printf("lstat sl %s size %lld %04o\n", type_of(st.st_mode), (long long)st.st_size,
	       (unsigned)(st.st_mode & 07777));
	show("stat dangling", stat("dangling", &st));
	show("lstat dangling", lstat("dangling", &st));
	stat("sub", &st);
	printf("stat sub %s %04o nlink %u\n", type_of(st.st_mode), (unsigned)(st.st_mode & 07777),
	       (unsigned)st.st_nlink);
	show("stat missing", stat("missing", &st));
	show("stat through file", stat("s/x", &st));
	show("stat empty", stat("", &st));
	dirfd = open(".", O_RDONLY | O_DIRECTORY);
	fstatat(dirfd, "sl", &st, 0);
	printf("fstatat sl %s\n", type_of(st.st_mode));
	fstatat(dirfd, "sl", &st, AT_SYMLINK_NOFOLLOW);
	printf("fstatat nofollow sl %s\n", type_of(st.st_mode));
	show("fstatat bad flag", fstatat(dirfd, "sl", &st, 0x4000000));
	fstatat(dirfd, "", &st, AT_EMPTY_PATH);
	printf("fstatat empty path %s\n", type_of(st.st_mode));
	close(dirfd);
	stat("/dev/null", &st);
	printf("/dev/null %s rdev %u,%u\n", type_of(st.st_mode),
	       (unsigned)((st.st_rdev >> 8) & 0xfff), (unsigned)(st.st_rdev & 0xff));
}

static void check_names(void)
{
	struct stat st;
	char buf[64];
	ssize_t n;
	int dirfd;

	write_file("a", "aaa");
	show("link", link("a", "a2"));
	stat("a", &st);
	printf("nlink %u\n", (unsigned)st.st_nlink);
	show("link exists", link("a", "a2"));
	show("unlink a2", unlink("a2"));
	show("unlink a2 again", unlink("a2"));
	show("rename", rename("a", "b"));
	show("rename missing", rename("a", "b"));
	show("access b", access("b", F_OK));
	show("access a", access("a", F_OK));
	show("access b R", access("b", R_OK));
	show("access b X", access("b", X_OK));
	show("faccessat b", faccessat(AT_FDCWD, "b", R_OK | W_OK, 0));
	show("faccessat eaccess", faccessat(AT_FDCWD, "b", R_OK, AT_EACCESS));
	show("faccessat X", faccessat(AT_FDCWD, "b", X_OK, AT_EACCESS));
	show("symlink", symlink("b", "to-b"));
	show("symlink exists", symlink("b", "to-b"));
	n = readlink("to-b", buf, sizeof buf);
	printf("readlink %zd [%.*s]\n", n, (int)(n > 0 ? n : 0), buf);
	n = readlink("to-b", buf, 0);
	printf("readlink size 0 %zd\n", n);
	show("readlink not a link", readlink("b", buf, sizeof buf));
	mkdir("d", 0755);
	dirfd = open("d", O_RDONLY | O_DIRECTORY);
	show("mkdirat", mkdirat(dirfd, "inner", 0700));
	show("mkdir exists", mkdir("d", 0755));
	show("symlinkat", symlinkat("../b", dirfd, "up"));
	n = readlinkat(dirfd, "up", buf, sizeof buf);
	printf("readlinkat %zd [%.*s]\n", n, (int)(n > 0 ? n : 0), buf);
	show("linkat", linkat(AT_FDCWD, "b", dirfd, "hard", 0));
	show("renameat", renameat(dirfd, "hard", AT_FDCWD, "hard"));
	show("unlinkat", unlinkat(AT_FDCWD, "hard", 0));
	show("unlinkat dir", unlinkat(dirfd, "inner", 0));
	show("unlinkat removedir", unlinkat(dirfd, "inner", AT_REMOVEDIR));
	show("rmdir not empty", rmdir("d"));
	unlinkat(dirfd, "up", 0);
	close(dirfd);
	show("rmdir", rmdir("d"));
	show("rmdir file", rmdir("b"));
	mkdir("r", 0755);
	show("remove dir", remove("r"));
	show("remove file", remove("to-b"));
	show("remove missing", remove("to-b"));
	show("chroot missing", chroot("missing"));
}

static void check_modes(void)
{
	struct stat st;
	int fd;

	write_file("m", "x");
	show("chmod", chmod("m", 0751));
	stat("m", &st);
	printf("mode %04o\n", (unsigned)(st.st_mode & 07777));
	fd = open("m", O_RDONLY);
	show("fchmod", fchmod(fd, 0640));
	fstat(fd, &st);
	printf("mode %04o\n", (unsigned)(st.st_mode & 07777));
	show("fchmodat", fchmodat(AT_FDCWD, "m", 0604, 0));
	stat("m", &st);
	printf("mode %04o\n", (unsigned)(st.st_mode & 07777));
	show("fchmodat bad flag", fchmodat(AT_FDCWD, "m", 0604, 0x8000));
	show("chown self", chown("m", getuid(), getgid()));
	show("fchown self", fchown(fd, (uid_t)-1, (gid_t)-1));
	symlink("m", "ml");
	show("lchown self", lchown("ml", getuid(), getgid()));
	show("fchownat self", fchownat(AT_FDCWD, "ml", getuid(), getgid(), AT_SYMLINK_NOFOLLOW));
	show("chown missing", chown("missing", 0, 0));
	close(fd);
}

static void check_times(void)
{
	struct timespec ts[2] = { { 1000000000, 5 }, { 1234567890, 0 } };
	struct stat st;
	int fd;

	write_file("t", "x");
	show("utimensat", utimensat(AT_FDCWD, "t", ts, 0));
	stat("t", &st);
	printf("atime %ld.%ld mtime %ld.%ld\n", (long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
	       (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = 1500000000;
	utimensat(AT_FDCWD, "t", ts, 0);
	stat("t", &st);
	printf("atime %ld mtime %ld\n", (long)st.st_atime, (long)st.st_mtime);
	fd = open("t", O_RDONLY);
	ts[0].tv_sec = 42;
	ts[0].tv_nsec = 0;
	ts[1].tv_nsec = UTIME_OMIT;
	show("futimens", futimens(fd, ts));
	fstat(fd, &st);
	printf("atime %ld mtime %ld\n", (long)st.st_atime, (long)st.st_mtime);
	show("futimens -1", futimens(-1, ts));
	show("utimensat NULL path", utimensat(fd, NULL, ts, 0));
	show("utimensat now", utimensat(AT_FDCWD, "t", NULL, 0));
	fstat(fd, &st);
	printf("recent %d\n", st.st_mtime > 1600000000);
	close(fd);
}

static void check_offsets(void)
{
	struct iovec iov[3];
	char a[4], b[8], buf[32];
	struct stat st;
	int fd, p[2];
	ssize_t n;

	fd = open("o", O_RDWR | O_CREAT | O_TRUNC, 0644);
	iov[0].iov_base = "one ";
	iov[0].iov_len = 4;
	iov[1].iov_base = "two ";
	iov[1].iov_len = 4;
	iov[2].iov_base = "three\n";
	iov[2].iov_len = 6;
	printf("writev %zd\n", writev(fd, iov, 3));
	printf("lseek cur %ld", (long)lseek(fd, 0, SEEK_CUR));
	printf(" end %ld", (long)lseek(fd, 0, SEEK_END));
	printf(" set %ld\n", (long)lseek(fd, 2, SEEK_SET));
	show("lseek negative", lseek(fd, -10, SEEK_SET));
	show("lseek bad whence", lseek(fd, 0, 7));
	printf("lseek64 %lld\n", (long long)lseek64(fd, 4, SEEK_SET));
	iov[0].iov_base = a;
	iov[0].iov_len = sizeof a;
	iov[1].iov_base = b;
	iov[1].iov_len = sizeof b;
	n = readv(fd, iov, 2);
	printf("readv %zd [%.4s] [%.*s]\n", n, a, (int)(n - 4), b);
	n = pread(fd, buf, 3, 4);
	printf("pread %zd [%.3s] offset %ld\n", n, buf, (long)lseek(fd, 0, SEEK_CUR));
	printf("pwrite %zd\n", pwrite(fd, "TWO", 3, 4));
	n = pread(fd, buf, sizeof buf, 0);
	printf("file [%.*s]\n", (int)n - 1, buf);
	show("ftruncate", ftruncate(fd, 3));
	fstat(fd, &st);
	printf("size %lld\n", (long long)st.st_size);
	show("truncate grow", truncate("o", 100));
	stat("o", &st);
	printf("size %lld\n", (long long)st.st_size);
	show("truncate missing", truncate("missing", 0));
	show("fsync", fsync(fd));
	close(fd);
	pipe(p);
	show("lseek pipe", lseek(p[0], 0, SEEK_CUR));
	show("pread pipe", pread(p[0], buf, 1, 0));
	close(p[0]);
	close(p[1]);
}

static void check_descriptors(void)
{
	int fd, p[2], r;
	char c;

	fd = dup(1);
	printf("dup >2 %d\n", fd > 2);
	r = dup2(fd, 20);
	printf("dup2 %d getfd %d\n", r, fcntl(20, F_GETFD));
	r = dup3(fd, 21, O_CLOEXEC);
	printf("dup3 %d getfd %d\n", r, fcntl(21, F_GETFD));
	show("dup3 same", dup3(21, 21, 0));
	show("dup2 same", dup2(21, 21));
	show("dup2 bad", dup2(99, 22));
	close(fd);
	close(20);
	close(21);
	show("close closed", close(21));
	pipe2(p, O_NONBLOCK | O_CLOEXEC);
	printf("pipe2 getfd %d getfl %o\n", fcntl(p[0], F_GETFD),
	       fcntl(p[0], F_GETFL) & (O_ACCMODE | O_NONBLOCK));
	show("read empty nonblocking", read(p[0], &c, 1));
	close(p[1]);
	show("read after close", read(p[0], &c, 1));
	close(p[0]);
	fd = open("f", O_RDONLY);
	show("isatty file", isatty(fd));
	printf("isatty errno %s\n", strerror(errno));
	errno = 0;
	printf("ttyname file %s", ttyname(fd) ? "?" : "NULL");
	printf(" (%s)\n", strerror(errno));
	printf("ttyname_r file %s\n", strerror(ttyname_r(fd, (char[64]){ 0 }, 64)));
	printf("ttyname_r small %s\n", strerror(ttyname_r(fd, (char[4]){ 0 }, 4)));
	close(fd);
	errno = 0;
	printf("ttyname bad %s", ttyname(99) ? "?" : "NULL");
	printf(" (%s)\n", strerror(errno));
}

static void check_sendfile(void)
{
	char buf[32];
	off_t off = 2;
	int in, out, p[2];
	ssize_t n;

	write_file("src", "0123456789");
	in = open("src", O_RDONLY);
	pipe(p);
	n = sendfile(p[1], in, &off, 5);
	printf("sendfile %zd off %ld pos %ld\n", n, (long)off, (long)lseek(in, 0, SEEK_CUR));
	n = read(p[0], buf, sizeof buf);
	printf("got [%.*s]\n", (int)n, buf);
	out = open("dst", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	n = sendfile(out, in, NULL, 100);
	printf("sendfile %zd pos %ld\n", n, (long)lseek(in, 0, SEEK_CUR));
	close(out);
	in = open("dst", O_RDONLY);
	n = read(in, buf, sizeof buf);
	printf("dst [%.*s]\n", (int)n, buf);
	show("sendfile bad", sendfile(p[1], 99, NULL, 1));
	close(in);
	close(p[0]);
	close(p[1]);
}

static void check_poll(void)
{
	struct pollfd fds[2];
	struct timeval tv;
	fd_set rs, ws;
	int p[2], r;

	pipe(p);
	fds[0].fd = p[0];
	fds[0].events = POLLIN;
	fds[1].fd = p[1];
	fds[1].events = POLLOUT;
	r = poll(fds, 2, 0);
	printf("poll %d revents %x %x\n", r, fds[0].revents, fds[1].revents);
	write(p[1], "x", 1);
	r = poll(fds, 2, 100);
	printf("poll %d revents %x %x\n", r, fds[0].revents, fds[1].revents);
	fds[1].fd = -1;
	close(p[1]);
	r = poll(fds, 2, 0);
	printf("poll %d revents %x %x\n", r, fds[0].revents, fds[1].revents);
	fds[0].fd = 99;
	r = poll(fds, 1, 0);
	printf("poll bad fd %d revents %x\n", r, fds[0].revents);
	close(p[0]);

	pipe(p);
	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_SET(p[0], &rs);
	FD_SET(p[1], &ws);
	tv.tv_sec = 0;
	tv.tv_usec = 1000;
	r = select(p[1] + 1, &rs, &ws, NULL, &tv);
	printf("select %d read %d write %d\n", r, FD_ISSET(p[0], &rs), FD_ISSET(p[1], &ws));
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	tv.tv_sec = 0;
	tv.tv_usec = 2000;
	r = select(p[0] + 1, &rs, NULL, NULL, &tv);
	printf("select timeout %d read %d left %ld.%06ld\n", r, FD_ISSET(p[0], &rs),
	       (long)tv.tv_sec, (long)tv.tv_usec);
	write(p[1], "y", 1);
	FD_SET(p[0], &rs);
	r = select(p[0] + 1, &rs, NULL, NULL, NULL);
	printf("select %d read %d\n", r, FD_ISSET(p[0], &rs));
	tv.tv_sec = -1;
	show("select negative", select(1, NULL, NULL, NULL, &tv));
	FD_ZERO(&rs);
	FD_SET(60, &rs);
	tv.tv_sec = 0;
	tv.tv_usec = 0;
	show("select bad fd", select(61, &rs, NULL, NULL, &tv));
	close(p[0]);
	close(p[1]);
}

static int no_dots(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static const char *dtype(unsigned char t)
{
	return t == DT_REG ? "reg" : t == DT_DIR ? "dir" : t == DT_LNK ? "lnk" : t == DT_UNKNOWN
	       ? "unknown" : "other";
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(DIR *dirp)
{
	char *names[64];
	struct dirent *d;
	int n = 0, i;

	errno = 0;
	while ((d = readdir(dirp)) != NULL && n < 64) {
		char *s = malloc(300);

		snprintf(s, 300, "%s:%s", d->d_name, dtype(d->d_type));
		names[n++] = s;
	}
	printf("end errno %d\n", errno);
	qsort(names, (size_t)n, sizeof names[0], by_name);
	for (i = 0; i < n; i++) {
		printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

static void check_dirs(void)
{
	struct dirent **list;
	DIR *dirp;
	int fd, n, i;

	mkdir("dir", 0755);
	write_file("dir/one", "1");
	write_file("dir/two", "2");
	mkdir("dir/sub", 0755);
	symlink("one", "dir/link");
	dirp = opendir("dir");
	printf("opendir %d dirfd cloexec %d\n", dirp != NULL, fcntl(dirfd(dirp), F_GETFD));
	list_dir(dirp);
	rewinddir(dirp);
	n = 0;
	while (readdir(dirp) != NULL)
		n++;
	printf("after rewind %d entries\n", n);
	printf("readdir at end %d\n", readdir(dirp) == NULL);
	show("closedir", closedir(dirp));
	errno = 0;
	dirp = opendir("f");
	printf("opendir file %d (%s)\n", dirp != NULL, strerror(errno));
	dirp = opendir("missing");
	printf("opendir missing %d (%s)\n", dirp != NULL, strerror(errno));
	dirp = opendir("");
	printf("opendir empty %d (%s)\n", dirp != NULL, strerror(errno));
	fd = open("dir", O_RDONLY | O_DIRECTORY);
	dirp = fdopendir(fd);
	printf("fdopendir %d same fd %d cloexec %d\n", dirp != NULL, dirfd(dirp) == fd,
	       fcntl(fd, F_GETFD));
	list_dir(dirp);
	closedir(dirp);
	show("fd closed", fcntl(fd, F_GETFD));
	fd = open("f", O_RDONLY);
	dirp = fdopendir(fd);
	printf("fdopendir file %d (%s)\n", dirp != NULL, strerror(errno));
	close(fd);
	n = scandir("dir", &list, no_dots, alphasort);
	printf("scandir %d:", n);
	for (i = 0; i < n; i++) {
		printf(" %s", list[i]->d_name);
		free(list[i]);
	}
	printf("\n");
	free(list);
	n = scandir("missing", &list, NULL, alphasort);
	printf("scandir missing %d (%s)\n", n, strerror(errno));
}

static void check_cwd(void)
{
	char buf[256], *p;
	int fd;

	p = getcwd(buf, sizeof buf);
	printf("getcwd is top %d\n", p != NULL && strcmp(buf, top) == 0);
	show("getcwd small", getcwd(buf, 3) == NULL ? -1 : 0);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	show("chdir sub", chdir("sub"));
	p = getcwd(NULL, 0);
	printf("getcwd sub ends %s\n", strrchr(p, '/'));
	free(p);
	show("chdir missing", chdir("missing"));
	show("chdir file", chdir("../f"));
	show("fchdir", fchdir(fd));
	p = getcwd(NULL, 0);
	printf("back at top %d\n", strcmp(p, top) == 0);
	free(p);
	close(fd);
}

static void check_getopt(void)
{
	static const char *const vectors[][8] = {
		{ "prog", "-a", "-b", "x", "file", NULL },
		{ "prog", "-ab", "-bvalue", "--", "-a", NULL },
		{ "prog", "one", "-a", "two", "-b", "arg", "three", NULL },
		{ "prog", "-z", "-b", NULL },
		{ "prog", "-a", "-", "-c", NULL },
		{ "prog", "-ca", "-cvalue", NULL },
	};
	size_t v;
	int c, i;

	for (v = 0; v < sizeof vectors / sizeof vectors[0]; v++) {
		char *argv[8];
		int argc = 0;

		while (vectors[v][argc] != NULL) {
			argv[argc] = (char *)vectors[v][argc];
			argc++;
		}
		argv[argc] = NULL;
		optind = 0;
		printf("getopt %zu:", v);
		fflush(stdout);
		while ((c = getopt(argc, argv, "ab:c::")) != -1)
			printf(" %c[%s]", c, optarg ? optarg : "-");
		printf(" optind %d optopt %c rest:", optind, optopt);
		for (i = optind; i < argc; i++)
			printf(" %s", argv[i]);
		printf("\n");
	}
	{
		char *argv[] = { "prog", "-b", NULL };

		optind = 0;
		c = getopt(2, argv, ":b:");
		printf("getopt colon %c optopt %c\n", c, optopt);
		optind = 0;
		c = getopt(2, argv, "+x");
		printf("getopt plus %c optopt %c\n", c, optopt);
	}
	{
		char *argv[] = { "prog", "a", "-x", "b", NULL };

		optind = 0;
		printf("getopt in order:");
		while ((c = getopt(4, argv, "-x")) != -1)
			printf(" %d[%s]", c, optarg ? optarg : "-");
		printf("\n");
		optind = 0;
		c = getopt(4, argv, "+x");
		printf("getopt require order %d optind %d\n", c, optind);
	}
}

static void check_env(void)
{
	char **e;
	int n = 0;

	n = setenv("FS_CHECK", "one", 0);
	printf("setenv %d [%s]\n", n, getenv("FS_CHECK"));
	n = setenv("FS_CHECK", "two", 0);
	printf("setenv keep %d [%s]\n", n, getenv("FS_CHECK"));
	n = setenv("FS_CHECK", "three", 1);
	printf("setenv overwrite %d [%s]\n", n, getenv("FS_CHECK"));
	n = setenv("FS_EMPTY", "", 1);
	printf("setenv empty value %d [%s]\n", n, getenv("FS_EMPTY"));
	n = setenv("A=B", "x", 1);
	printf("setenv bad %d %d\n", n, errno);
	errno = 0;
	n = setenv("", "x", 1);
	printf("setenv empty %d %d\n", n, errno);
	n = 0;
	n = putenv("FS_PUT=yes");
	printf("putenv %d [%s]\n", n, getenv("FS_PUT"));
	for (e = environ; *e != NULL; e++)
		n += strncmp(*e, "FS_", 3) == 0;
	printf("FS_ variables %d\n", n);
	n = unsetenv("FS_CHECK");
	printf("unsetenv %d %d\n", n, getenv("FS_CHECK") == NULL);
	printf("unsetenv missing %d\n", unsetenv("FS_NONE"));
	errno = 0;
	printf("unsetenv bad %d", unsetenv("A=B"));
	printf(" %d\n", errno);
	n = putenv("FS_PUT");
	printf("putenv remove %d %d\n", n, getenv("FS_PUT") == NULL);
	n = clearenv();
	printf("clearenv %d %d\n", n, getenv("PATH") == NULL);
	n = setenv("X", "1", 1);
	printf("setenv after clear %d [%s] %s %d\n", n, getenv("X"), environ[0], environ[1] == NULL);
}

static void check_time(void)
{
	static const time_t times[] = { 0, 86399, 86400, 951782400, 951868800, 978307199,
		1234567890, 1700000000, 2147483647, -1, -86401, -2147483647 - 1, 68169600,
		68256000, 1709164800 };
	size_t i;

	for (i = 0; i < sizeof times / sizeof times[0]; i++) {
		struct tm tm;

		gmtime_r(&times[i], &tm);
		printf("gmtime %ld: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d dst %d\n",
		       (long)times[i], tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		       tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday, tm.tm_isdst);
	}
}

static void check_strings(void)
{
	printf("strcasecmp %d %d %d %d\n", strcasecmp("Hello", "hELLO"),
	       strcasecmp("abc", "ABD") < 0, strcasecmp("b", "A") > 0, strcasecmp("", ""));
	printf("strncasecmp %d %d\n", strncasecmp("HELLOx", "helloY", 5),
	       strncasecmp("abc", "abd", 3) < 0);
	printf("strcoll %d %d\n", strcoll("a", "b") < 0, strcoll("same", "same"));
}

static void check_host(void)
{
	struct utsname u;
	char name[128], tiny[2];

	uname(&u);
	int r = gethostname(name, sizeof name);

	printf("gethostname %d same %d\n", r, strcmp(name, u.nodename) == 0);
	show("gethostname tiny", strlen(u.nodename) >= 2 ? gethostname(tiny, sizeof tiny) : -1);
}

int main(void)
{
	snprintf(top, sizeof top, "/tmp/fs_check.%d", (int)getpid());
	if (mkdir(top, 0755) < 0 || chdir(top) < 0) {
		perror(top);
		return 1;
	}
	check_open();
	check_stat();
	check_names();
	check_modes();
	check_times();
	check_offsets();
	check_descriptors();
	check_sendfile();
	check_poll();
	check_dirs();
	check_cwd();
	check_getopt();
	check_time();
	check_strings();
	check_host();
	check_env();
	fflush(stdout);
	/* Clean up with the shell's help would need one; do it by hand. */
	{
		static const char *const files[] = { "f", "lnk", "c", "s", "sl", "dangling", "b",
			"m", "ml", "t", "o", "src", "dst", "dir/one", "dir/two", "dir/link" };
		size_t i;

		for (i = 0; i < sizeof files / sizeof files[0]; i++)
			unlink(files[i]);
		rmdir("dir/sub");
		rmdir("dir");
		rmdir("sub");
		chdir("/");
		if (rmdir(top) < 0)
			perror("rmdir");
	}
	return 0;
}
