/* <sys/utsname.h>: uname(2), with Linux's struct new_utsname. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#define _UTSNAME_LENGTH 65

struct utsname {
	char sysname[_UTSNAME_LENGTH];      /* "Linux" */
	char nodename[_UTSNAME_LENGTH];     /* host name */
	char release[_UTSNAME_LENGTH];      /* kernel release */
	char version[_UTSNAME_LENGTH];      /* kernel version */
	char machine[_UTSNAME_LENGTH];      /* "i686" */
	char domainname[_UTSNAME_LENGTH];   /* NIS domain name */
};

int uname(struct utsname *buf);

#endif
