/* ps [-f]: the processes, from /proc.  For each directory of /proc whose
   name is a number (a process id), in increasing order, it reads
   /proc/PID/status and prints:

     PID   the process id
     PPID  its parent's (the "PPid:" line)
     S     its state, the letter of the "State:" line: R running,
           S sleeping, D uninterruptible, T stopped, Z zombie
     THR   its number of threads (the "Threads:" line)
     CMD   its name (the "Name:" line, at most 15 characters), or with -f
           its whole command line from /proc/PID/cmdline ([name] when
           that is empty, as for a zombie)

   like this:

       PID  PPID S THR CMD
         1     0 S   1 init

   A process that ends while ps looks at it is left out. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct proc {
	int pid, ppid, threads;
	char state;
	char name[64];
};

/* Read a small /proc file whole; its length, or -1. */
static ssize_t read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += (size_t)n;
	close(fd);
	buf[len] = '\0';
	return (ssize_t)len;
}

/* The value after "key:" and tabs on its own line of status, or NULL. */
static const char *field(const char *status, const char *key)
{
	size_t n = strlen(key);
	const char *p = status;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, key, n) == 0 && p[n] == ':') {
			p += n + 1;
			while (*p == '\t' || *p == ' ')
				p++;
			return p;
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return NULL;
}

static int read_status(int pid, struct proc *p)
{
	char path[64], status[4096];
	const char *v;
	size_t n;

	snprintf(path, sizeof path, "/proc/%d/status", pid);
	if (read_file(path, status, sizeof status) < 0)
		return -1;
	p->pid = pid;
	v = field(status, "Name");
	n = v != NULL ? strcspn(v, "\n") : 0;
	if (n >= sizeof p->name)
		n = sizeof p->name - 1;
	memcpy(p->name, v != NULL ? v : "", n);
	p->name[n] = '\0';
	v = field(status, "State");
	p->state = v != NULL && *v != '\0' && *v != '\n' ? *v : '?';
	v = field(status, "PPid");
	p->ppid = v != NULL ? atoi(v) : 0;
	v = field(status, "Threads");
	p->threads = v != NULL ? atoi(v) : 1;
	return 0;
}

/* /proc/PID/cmdline: the arguments, each ended by a NUL. */
static void print_cmdline(const struct proc *p)
{
	char path[64], buf[4096];
	ssize_t n, i;

	snprintf(path, sizeof path, "/proc/%d/cmdline", p->pid);
	n = read_file(path, buf, sizeof buf);
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	if (n <= 0) {
		printf("[%s]\n", p->name);
		return;
	}
	for (i = 0; i < n; i++)
		putchar(buf[i] == '\0' ? ' ' : buf[i]);
	putchar('\n');
}

static int by_pid(const void *a, const void *b)
{
	const struct proc *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

int main(int argc, char **argv)
{
	struct proc *procs = NULL;
	size_t count = 0, room = 0, i;
	struct dirent *d;
	int full = 0, c;
	DIR *dir;

	while ((c = getopt(argc, argv, "f")) != -1) {
		if (c != 'f') {
			fprintf(stderr, "Usage: ps [-f]\n");
			return 1;
		}
		full = 1;
	}
	dir = opendir("/proc");
	if (dir == NULL) {
		fprintf(stderr, "ps: /proc: %s\n", strerror(errno));
		return 1;
	}
	while ((d = readdir(dir)) != NULL) {
		struct proc p;

		if (!isdigit((unsigned char)d->d_name[0]) || read_status(atoi(d->d_name), &p) < 0)
			continue;
		if (count == room) {
			struct proc *bigger;

			room = room == 0 ? 32 : 2 * room;
			bigger = realloc(procs, room * sizeof *procs);
			if (bigger == NULL) {
				fprintf(stderr, "ps: out of memory\n");
				return 1;
			}
			procs = bigger;
		}
		procs[count++] = p;
	}
	closedir(dir);
	qsort(procs, count, sizeof *procs, by_pid);

	printf("%5s %5s S THR CMD\n", "PID", "PPID");
	for (i = 0; i < count; i++) {
		printf("%5d %5d %c %3d ", procs[i].pid, procs[i].ppid, procs[i].state,
		       procs[i].threads);
		if (full)
			print_cmdline(&procs[i]);
		else
			printf("%s\n", procs[i].name);
	}
	free(procs);
	return 0;
}
