/*
 * signal_stop.c - stopping and continuing a process, as a shell's job
 * control does.
 *
 *   SIGSTOP      the child stops: wait4(WUNTRACED) reports it once
 *                (WIFSTOPPED, WSTOPSIG), /proc says "T (stopped)", and it
 *                runs no more (a counter it bumps stays still)
 *   SIGCONT      it runs again: wait4(WCONTINUED) reports it once, and a
 *                SIGCONT handler runs in it
 *   SIGTSTP      with a handler it does not stop; with SIG_DFL it does
 *   SIGCHLD      the parent's SA_SIGINFO handler sees CLD_STOPPED and
 *                CLD_CONTINUED; SA_NOCLDSTOP turns both off
 *   SIGKILL      ends a stopped process
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

static volatile int *counter;
static volatile int child_codes[8], nchild;
static volatile int conts;

static void nap(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    if (nchild < 8)
        child_codes[nchild++] = si->si_code;
}

static void on_cont(int sig)
{
    (void)sig;
    conts++;
    counter[1] = conts;
}

static void on_tstp(int sig)
{
    (void)sig;
    counter[2]++;
}

static const char *state_of(pid_t pid)
{
    static char line[128];
    char path[64];
    FILE *f;

    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    f = fopen(path, "r");
    if (f == NULL)
        return "?";
    while (fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "State:", 6) == 0) {
            line[strcspn(line, "\n")] = '\0';
            fclose(f);
            return line + 7;
        }
    fclose(f);
    return "?";
}

static void chld_handler(int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
}

static const char *code(int c)
{
    return c == CLD_STOPPED ? "CLD_STOPPED" : c == CLD_CONTINUED ? "CLD_CONTINUED" : c == CLD_KILLED ? "CLD_KILLED"
           : c == CLD_EXITED ? "CLD_EXITED" : "?";
}

int main(void)
{
    int status, before, i;
    pid_t pid, r;

    setvbuf(stdout, NULL, _IONBF, 0);
    counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    chld_handler(0);
    pid = fork();
    if (pid == 0) {
        signal(SIGCONT, on_cont);
        signal(SIGTSTP, on_tstp);
        for (;;) {
            counter[0]++;
            nap(1);
        }
    }
    while (counter[0] < 5)
        nap(1);

    kill(pid, SIGTSTP);
    nap(50);
    printf("SIGTSTP with a handler: handled %d, not stopped %d\n", counter[2], state_of(pid)[0] != 'T');

    kill(pid, SIGSTOP);
    r = waitpid(pid, &status, WUNTRACED);
    printf("SIGSTOP: waitpid %s, stopped %d by %d, state %s\n", r == pid ? "the child" : "?",
           WIFSTOPPED(status), WSTOPSIG(status), state_of(pid));
    before = counter[0];
    nap(100);
    printf("while stopped its counter stays %d\n", counter[0] == before);
    r = waitpid(pid, &status, WUNTRACED | WNOHANG);
    printf("a second waitpid(WUNTRACED|WNOHANG): %d\n", (int)r);

    kill(pid, SIGCONT);
    r = waitpid(pid, &status, WCONTINUED);
    printf("SIGCONT: waitpid %s, continued %d\n", r == pid ? "the child" : "?", WIFCONTINUED(status));
    for (i = 0; i < 1000 && counter[1] == 0; i++)
        nap(1);
    before = counter[0];
    nap(50);
    printf("its SIGCONT handler ran %d, it runs again %d, not stopped %d\n", counter[1], counter[0] > before,
           state_of(pid)[0] != 'T');

    signal(SIGCHLD, SIG_DFL);
    kill(pid, SIGUSR2);
    waitpid(pid, &status, 0);
    printf("SIGUSR2 ends it: signaled %d by %d\n", WIFSIGNALED(status), WTERMSIG(status));

    printf("the parent's SIGCHLD codes:");
    for (i = 0; i < nchild; i++)
        printf(" %s", code(child_codes[i]));
    printf("\n");

    chld_handler(SA_NOCLDSTOP);
    nchild = 0;
    pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    printf("SA_NOCLDSTOP: SIGCHLD codes:");
    for (i = 0; i < nchild; i++)
        printf(" %s", code(child_codes[i]));
    printf("; SIGKILL ended the stopped child: %d\n", WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    return 0;
}
