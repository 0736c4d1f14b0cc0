/*
 * args_env.c - what execve puts on the initial stack: argc, argv, envp and
 * the auxiliary vector (see fs/binfmt_elf.c: create_elf_tables()).
 *
 * Prints only what is the same on every run and every loader: argv[0] and
 * all addresses are left out, auxv entries are compared rather than printed.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>

/* Values from include/uapi/linux/auxvec.h, in case a libc's sys/auxv.h lacks them. */
#ifndef AT_PHDR
#define AT_PHDR 3
#endif
#ifndef AT_PHENT
#define AT_PHENT 4
#endif
#ifndef AT_PHNUM
#define AT_PHNUM 5
#endif
#ifndef AT_PAGESZ
#define AT_PAGESZ 6
#endif
#ifndef AT_ENTRY
#define AT_ENTRY 9
#endif
#ifndef AT_UID
#define AT_UID 11
#endif
#ifndef AT_EUID
#define AT_EUID 12
#endif
#ifndef AT_GID
#define AT_GID 13
#endif
#ifndef AT_EGID
#define AT_EGID 14
#endif
#ifndef AT_SECURE
#define AT_SECURE 23
#endif
#ifndef AT_RANDOM
#define AT_RANDOM 25
#endif

/* Elf32_Phdr, spelled out so the test needs no <elf.h>. */
struct phdr32 {
    unsigned int p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};
#define PT_LOAD_ 1
#define PF_X_ 1

extern char _start[];

static void show(const char *name, const char *value)
{
    printf("%s: %s\n", name, value ? value : "(unset)");
}

static const char *ok(int good)
{
    return good ? "OK" : "FAIL";
}

int main(int argc, char **argv, char **envp)
{
    int i, count = 0;

    printf("argc: %d\n", argc);
    for (i = 1; i < argc; i++)
        printf("argv[%d]: %s\n", i, argv[i]);
    printf("argv-terminated: %s\n", ok(argv[argc] == NULL));

    show("TESTVAR", getenv("TESTVAR"));
    show("HOME", getenv("HOME"));
    show("NO_SUCH_VARIABLE", getenv("NO_SUCH_VARIABLE"));
    while (envp[count])
        count++;
    printf("envp-count: %d\n", count);
    /* The ABI puts envp right after argv's NULL. */
    printf("envp-follows-argv: %s\n", ok(envp == argv + argc + 1));

    printf("pagesz: %lu\n", getauxval(AT_PAGESZ));
    printf("uid-match: %s\n", ok(getauxval(AT_UID) == (unsigned long)getuid()));
    printf("euid-match: %s\n", ok(getauxval(AT_EUID) == (unsigned long)geteuid()));
    printf("gid-match: %s\n", ok(getauxval(AT_GID) == (unsigned long)getgid()));
    printf("egid-match: %s\n", ok(getauxval(AT_EGID) == (unsigned long)getegid()));
    printf("secure: %lu\n", getauxval(AT_SECURE));
    printf("random-present: %s\n", ok(getauxval(AT_RANDOM) != 0));
    printf("entry-is-_start: %s\n", ok(getauxval(AT_ENTRY) == (unsigned long)_start));
    printf("phent: %lu\n", getauxval(AT_PHENT));

    {
        const struct phdr32 *ph = (const struct phdr32 *)getauxval(AT_PHDR);
        unsigned long phnum = getauxval(AT_PHNUM);
        unsigned long entry = (unsigned long)_start;
        int covers_entry = 0;

        printf("phnum-positive: %s\n", ok(phnum > 0));
        /* AT_PHDR must point at the loaded program headers: one PT_LOAD is the text holding _start. */
        for (i = 0; ph && i < (int)phnum; i++)
            if (ph[i].p_type == PT_LOAD_ && (ph[i].p_flags & PF_X_) && entry >= ph[i].p_vaddr
                && entry < ph[i].p_vaddr + ph[i].p_memsz)
                covers_entry = 1;
        printf("phdr-text-covers-entry: %s\n", ok(covers_entry));
    }
    return 0;
}
