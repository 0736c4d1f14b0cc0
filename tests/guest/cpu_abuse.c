/* cpu_abuse.c - what a program gets for instructions it may not run: privileged ones
   (hlt, cli, sti, in, out, mov to a control register, lgdt), invalid opcodes, int with
   every vector, jumps into memory that is not there, self-modifying code, and recursion
   past the stack limit. Each case runs in a child; the parent prints how the child
   ended, which must be the signal Linux sends, and only to that task. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void hlt(void) { __asm__ volatile("hlt"); }
static void cli(void) { __asm__ volatile("cli"); }
static void sti(void) { __asm__ volatile("sti"); }
static void in_port(void) { __asm__ volatile("inb $0x60, %%al" ::: "eax"); }
static void out_port(void) { __asm__ volatile("outb %%al, $0x80" ::: "memory"); }
static void mov_cr0(void) { __asm__ volatile("mov %%eax, %%cr0" ::: "memory"); }
static void lgdt(void) { static char gdtr[6]; __asm__ volatile("lgdt %0" :: "m"(gdtr)); }
static void ud2(void) { __asm__ volatile("ud2"); }
static void bad_opcode(void) { __asm__ volatile(".byte 0x0f, 0xff"); }      /* ud0 */
static void int3(void) { __asm__ volatile("int3"); }
static void into(void) { __asm__ volatile("mov $0x7fffffff, %%eax; add $1, %%eax; .byte 0xce" ::: "eax", "cc"); }
static void jump_null(void) { ((void (*)(void))0)(); }
static void jump_high(void) { ((void (*)(void))0xfffff000u)(); }
static void jump_kernel(void) { ((void (*)(void))0xc0000000u)(); }

static int depth(int n)
{
	volatile char pad[256];
	pad[0] = (char)n;
	return depth(n + 1) + pad[0];
}

static void recurse(void) { depth(0); }

/* Code written at run time and run: the CPU must see the new bytes, not the old ones. */
static void self_modifying(void)
{
	unsigned char *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static const unsigned char ret1[] = {0xb8, 1, 0, 0, 0, 0xc3};    /* mov $1, %eax; ret */
	memcpy(code, ret1, sizeof ret1);
	int first = ((int (*)(void))code)();
	code[1] = 2;                                                     /* now mov $2, %eax */
	int second = ((int (*)(void))code)();
	_exit(first * 10 + second);
}

struct abuse {
	const char *name;
	void (*run)(void);
};

static const struct abuse cases[] = {
	{"hlt", hlt}, {"cli", cli}, {"sti", sti}, {"in", in_port}, {"out", out_port}, {"mov-cr0", mov_cr0},
	{"lgdt", lgdt}, {"ud2", ud2}, {"ud0", bad_opcode}, {"int3", int3}, {"into", into},
	{"jump-null", jump_null}, {"jump-0xfffff000", jump_high}, {"jump-0xc0000000", jump_kernel},
	{"recursion", recurse}, {"self-modifying", self_modifying},
};

static void report(const char *name, int status)
{
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d (%s)\n", name, WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		printf("%s: exited with %d\n", name, WEXITSTATUS(status));
	fflush(stdout);
}

static void run_case(const char *name, void (*fn)(void))
{
	pid_t pid = fork();
	if (pid == 0) {
		fn();
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	report(name, status);
}

/* int $N for every vector but 0x80 (the system call), each in its own child. */
static unsigned char int_code[256][3];

static void int_vector(int v)
{
	unsigned char *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	code[0] = 0xcd;               /* int imm8 */
	code[1] = (unsigned char)v;
	code[2] = 0xc3;               /* ret, if it comes back */
	((void (*)(void))code)();
	_exit(0);
}

int main(void)
{
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
		run_case(cases[i].name, cases[i].run);
	/* Group the vectors by outcome: one line per run of vectors that ended alike. */
	int first = 0, last_status = -1;
	for (int v = 0; v <= 256; v++) {
		int status = -2;
		if (v < 256 && v != 0x80) {
			pid_t pid = fork();
			if (pid == 0)
				int_vector(v);
			waitpid(pid, &status, 0);
		} else if (v == 0x80) {
			status = last_status;    /* skipped: extends the current run */
		}
		if (status != last_status) {
			if (v > 0 && last_status != -1) {
				char name[32];
				snprintf(name, sizeof name, "int 0x%02x-0x%02x", first, v - 1);
				report(name, last_status);
			}
			first = v;
			last_status = status;
		}
	}
	(void)int_code;
	printf("the parent is untouched\n");
	return 0;
}
