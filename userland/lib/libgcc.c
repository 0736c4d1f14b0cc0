/* The helpers gcc calls for operations the i386 cannot do in one
   instruction (gcc's libgcc2.c has the same names and contracts): 64-bit
   division and remainder, and the 64-bit bit counts.  They are here because
   a 32-bit libgcc.a is not installed everywhere, and every program must link
   with the library alone. */
#include <stdint.h>

typedef unsigned long long UDWtype;
typedef long long DWtype;

/* Dividing by zero must trap like the hardware divide does (SIGFPE), so do
   a 32-bit division by zero that the compiler cannot remove. */
static UDWtype divide_by_zero(void)
{
	volatile unsigned int zero = 0;

	return 1u / zero;
}

/* Number of leading zero bits of a nonzero 64-bit value. */
static int clz64(UDWtype x)
{
	uint32_t high = (uint32_t)(x >> 32);

	return high != 0 ? __builtin_clz(high) : 32 + __builtin_clz((uint32_t)x);
}

/* Unsigned 64-bit division with remainder.  With a divisor that fits in 32
   bits, two hardware divides (high word, then remainder:low word) do it;
   otherwise the quotient fits in 32 bits and shift-and-subtract finds it. */
UDWtype __udivmoddi4(UDWtype n, UDWtype d, UDWtype *rp)
{
	UDWtype q;

	if (d == 0) {
		if (rp != 0)
			*rp = 0;
		return divide_by_zero();
	}
	if ((d >> 32) == 0) {
		uint32_t dl = (uint32_t)d;
		uint32_t nh = (uint32_t)(n >> 32), nl = (uint32_t)n;
		uint32_t qh = nh / dl, r = nh % dl, ql;

		/* r < dl, so (r:nl) / dl fits in 32 bits: divl cannot overflow. */
		__asm__("divl %4" : "=a"(ql), "=d"(r) : "a"(nl), "d"(r), "rm"(dl));
		q = ((UDWtype)qh << 32) | ql;
		if (rp != 0)
			*rp = r;
		return q;
	}
	q = 0;
	if (n >= d) {
		int shift = clz64(d) - clz64(n);

		d <<= shift;
		for (; shift >= 0; shift--) {
			q <<= 1;
			if (n >= d) {
				n -= d;
				q |= 1;
			}
			d >>= 1;
		}
	}
	if (rp != 0)
		*rp = n;
	return q;
}

UDWtype __udivdi3(UDWtype n, UDWtype d)
{
	return __udivmoddi4(n, d, 0);
}

UDWtype __umoddi3(UDWtype n, UDWtype d)
{
	UDWtype r;

	__udivmoddi4(n, d, &r);
	return r;
}

/* Signed forms: C truncates toward zero, so the quotient is negative when
   the signs differ and the remainder takes the sign of the dividend. */
DWtype __divmoddi4(DWtype a, DWtype b, DWtype *rp)
{
	UDWtype ua = a < 0 ? 0 - (UDWtype)a : (UDWtype)a;
	UDWtype ub = b < 0 ? 0 - (UDWtype)b : (UDWtype)b;
	UDWtype r;
	UDWtype q = __udivmoddi4(ua, ub, &r);

	if (rp != 0)
		*rp = a < 0 ? (DWtype)(0 - r) : (DWtype)r;
	return (a < 0) != (b < 0) ? (DWtype)(0 - q) : (DWtype)q;
}

DWtype __divdi3(DWtype a, DWtype b)
{
	return __divmoddi4(a, b, 0);
}

DWtype __moddi3(DWtype a, DWtype b)
{
	DWtype r;

	__divmoddi4(a, b, &r);
	return r;
}

int __clzdi2(UDWtype x)
{
	return clz64(x);
}

int __ctzdi2(UDWtype x)
{
	uint32_t low = (uint32_t)x;

	return low != 0 ? __builtin_ctz(low) : 32 + __builtin_ctz((uint32_t)(x >> 32));
}

int __ffsdi2(DWtype x)
{
	return x == 0 ? 0 : __ctzdi2((UDWtype)x) + 1;
}

int __popcountsi2(uint32_t x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0f0f0f0fu;
	return (int)((x * 0x01010101u) >> 24);
}

int __popcountdi2(UDWtype x)
{
	return __popcountsi2((uint32_t)x) + __popcountsi2((uint32_t)(x >> 32));
}

int __paritysi2(uint32_t x)
{
	return __popcountsi2(x) & 1;
}

int __paritydi2(UDWtype x)
{
	return __popcountdi2(x) & 1;
}
