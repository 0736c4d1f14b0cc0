/*
 * errno_name.h - the symbolic name of an errno value, for test output.
 *
 * The guest programs print `check: errno=EFAULT` rather than a number so a
 * mismatch between minikernel and Linux reads at a glance. Only the codes the
 * tests expect are named; anything else prints as its number.
 */
#ifndef MINIKERNEL_TESTS_ERRNO_NAME_H
#define MINIKERNEL_TESTS_ERRNO_NAME_H

#include <errno.h>
#include <stdio.h>

static const char *errno_name(int e)
{
    static char other[16];

    switch (e) {
    case 0: return "0";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case E2BIG: return "E2BIG";
    case ENOEXEC: return "ENOEXEC";
    case ESRCH: return "ESRCH";
    case EINTR: return "EINTR";
    case EBADF: return "EBADF";
    case ECHILD: return "ECHILD";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    case ENOTTY: return "ENOTTY";
    case ESPIPE: return "ESPIPE";
    case EPIPE: return "EPIPE";
    case ERANGE: return "ERANGE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case EOVERFLOW: return "EOVERFLOW";
    case ENOSYS: return "ENOSYS";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EIDRM: return "EIDRM";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EOWNERDEAD: return "EOWNERDEAD";
    case ENOTRECOVERABLE: return "ENOTRECOVERABLE";
    default:
        snprintf(other, sizeof other, "%d", e);
        return other;
    }
}

#endif
