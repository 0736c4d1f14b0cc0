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
    case ENXIO: return "ENXIO";
    case EINTR: return "EINTR";
    case EBADF: return "EBADF";
    case ECHILD: return "ECHILD";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EEXIST: return "EEXIST";
    case EXDEV: return "EXDEV";
    case ENODEV: return "ENODEV";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ENFILE: return "ENFILE";
    case EMFILE: return "EMFILE";
    case ENOTTY: return "ENOTTY";
    case ETXTBSY: return "ETXTBSY";
    case EFBIG: return "EFBIG";
    case ENOSPC: return "ENOSPC";
    case ESPIPE: return "ESPIPE";
    case EROFS: return "EROFS";
    case EMLINK: return "EMLINK";
    case EPIPE: return "EPIPE";
    case ERANGE: return "ERANGE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ELOOP: return "ELOOP";
    case EOVERFLOW: return "EOVERFLOW";
    case ENOSYS: return "ENOSYS";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EIDRM: return "EIDRM";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EOWNERDEAD: return "EOWNERDEAD";
    case ENOTRECOVERABLE: return "ENOTRECOVERABLE";
    default:
        snprintf(other, sizeof other, "%d", e);
        return other;
    }
}

#endif
