/*
 * exit_status.c - how a process ends: exit(), return from main, _exit(),
 * atexit handlers, stdio flushing, abort().
 *
 *   exit_status N          exit(N): the parent sees N & 0xff (256 -> 0)
 *   exit_status return N   return N from main
 *   exit_status atexit     three handlers run in reverse order of registration
 *   exit_status exit-flushes   exit() flushes a line without its newline
 *   exit_status _exit-discards _exit() leaves unflushed stdio data behind (status 3)
 *   exit_status abort      abort() kills the process with SIGABRT (status 134)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
    write(1, s, strlen(s));
}

static void first(void) { printf("atexit: first registered, runs last\n"); }
static void second(void) { printf("atexit: second registered\n"); }
static void third(void) { printf("atexit: third registered, runs first\n"); }

int main(int argc, char **argv)
{
    if (argc < 2) {
        say("usage: exit_status N | return N | atexit | exit-flushes | _exit-discards | abort\n");
        return 2;
    }
    if (strcmp(argv[1], "return") == 0 && argc > 2)
        return (int)strtol(argv[2], NULL, 10);
    if (strcmp(argv[1], "atexit") == 0) {
        atexit(first);
        atexit(second);
        atexit(third);
        printf("main: returning\n");
        return 0;
    }
    if (strcmp(argv[1], "exit-flushes") == 0) {
        printf("buffered without newline");
        exit(0);
    }
    if (strcmp(argv[1], "_exit-discards") == 0) {
        say("written with write()\n");
        printf("buffered, never flushed");
        _exit(3);
    }
    if (strcmp(argv[1], "abort") == 0) {
        say("calling abort\n");
        abort();
    }
    exit((int)strtol(argv[1], NULL, 10));
}
