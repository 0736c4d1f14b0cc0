/*
 * read_stdin.c - reading standard input to its end.
 *
 *   read_stdin        read() in chunks of at most 7 bytes, echoed with write()
 *   read_stdin fgets  line by line through stdio's buffer
 *
 * The number of read() calls is not printed: a pipe may hand over fewer bytes
 * than asked for, depending on how the writer's data arrived.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int by_read(void)
{
    char chunk[7];
    long total = 0;
    int too_big = 0;
    ssize_t n;

    while ((n = read(0, chunk, sizeof chunk)) > 0) {
        if (n > (ssize_t)sizeof chunk)
            too_big = 1;
        write(1, chunk, (size_t)n);
        total += n;
    }
    printf("\nread-returned: %ld\n", (long)n);
    printf("bytes: %ld\n", total);
    printf("chunks-at-most-7: %s\n", too_big ? "FAIL" : "OK");
    return n < 0;
}

static int by_fgets(void)
{
    char line[32];
    int lines = 0, pieces = 0;

    /* A line longer than the buffer comes back in pieces, each NUL-terminated. */
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);

        pieces++;
        if (len > 0 && line[len - 1] == '\n') {
            lines++;
            line[--len] = '\0';
        }
        printf("piece %d (%lu bytes): [%s]\n", pieces, (unsigned long)len, line);
    }
    printf("complete lines: %d\n", lines);
    printf("eof-stays: %s\n", getchar() == EOF ? "OK" : "FAIL");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "fgets") == 0)
        return by_fgets();
    return by_read();
}
