/* printf's floating-point conversions, with glibc's output
   (stdio-common/printf_fp.c and printf_fphex.c):

     %f %F  [-]ddd.dddddd             %e %E  [-]d.dddddde+dd
     %g %G  %e or %f, whichever is shorter, trailing zeros removed
     %a %A  [-]0x1.hhhhp+d            inf, nan (INF, NAN for the capitals)

   The decimal forms are exact.  A binary value is mant * 2^exp, so it has a
   finite decimal expansion: mant * 2^exp for exp >= 0, and
   mant * 5^-exp / 10^-exp otherwise.  That integer is computed in base 10^9,
   written out in full, and rounded at the requested digit to the nearest,
   ties to even, as glibc does in the default rounding mode.  A long double
   is the x87 80-bit format; as in glibc its %La shows the top four bits of
   the significand before the point ("0x8p-3" for 1.0L). */
#include <stdint.h>
#include <string.h>
#include "printf.h"

enum fp_kind { FP_FINITE, FP_INF, FP_NAN };

struct fp_value {
	enum fp_kind kind;
	int negative;
	uint64_t mant;          /* value = mant * 2^exp */
	int exp;
	int hex_lead_bits;      /* %a: significand bits shown before the point */
	int hex_exp;            /* %a: exponent printed after 'p' */
};

static void decompose(const struct printf_info *info, const void *arg, struct fp_value *v)
{
	memset(v, 0, sizeof *v);
	if (info->is_long_double) {
		uint64_t mant;
		uint16_t sign_exp;
		int e;

		memcpy(&mant, arg, sizeof mant);
		memcpy(&sign_exp, (const char *)arg + 8, sizeof sign_exp);
		v->negative = sign_exp >> 15;
		e = sign_exp & 0x7fff;
		if (e == 0x7fff) {
			v->kind = (mant << 1) == 0 ? FP_INF : FP_NAN;
			return;
		}
		v->mant = mant;
		v->exp = (e == 0 ? 1 : e) - 16383 - 63;
		v->hex_lead_bits = 4;
		v->hex_exp = mant == 0 ? 0 : (e == 0 ? 1 : e) - 16383 - 3;
	} else {
		uint64_t bits, frac;
		int e;

		memcpy(&bits, arg, sizeof bits);
		v->negative = (int)(bits >> 63);
		e = (int)(bits >> 52) & 0x7ff;
		frac = bits & ((1ULL << 52) - 1);
		if (e == 0x7ff) {
			v->kind = frac == 0 ? FP_INF : FP_NAN;
			return;
		}
		v->mant = e == 0 ? frac : frac | 1ULL << 52;
		v->exp = (e == 0 ? 1 : e) - 1023 - 52;
		v->hex_lead_bits = 1;
		v->hex_exp = v->mant == 0 ? 0 : (e == 0 ? 1 : e) - 1023;
	}
}

/* The output of one conversion as a few pieces, so the field width can be
   applied before anything is written, and long runs of zeros are never
   materialised. */
struct fp_output {
	struct {
		const char *s;          /* text, or NULL for len copies of fill */
		long long len;
		char fill;
	} piece[12];
	int n;
	long long len;
};

static void put_text(struct fp_output *o, const char *s, long long len)
{
	if (len <= 0)
		return;
	o->piece[o->n].s = s;
	o->piece[o->n].len = len;
	o->n++;
	o->len += len;
}

static void put_fill(struct fp_output *o, char fill, long long len)
{
	if (len <= 0)
		return;
	o->piece[o->n].s = NULL;
	o->piece[o->n].fill = fill;
	o->piece[o->n].len = len;
	o->n++;
	o->len += len;
}

/* Writes [padding][sign and prefix][zeros][body][padding]; zeros only for a
   finite value with the '0' flag. */
static void emit_number(struct __printf_sink *sink, const struct printf_info *info,
                        const char *prefix, int zero_pad, const struct fp_output *body)
{
	long long total = (long long)strlen(prefix) + body->len;
	long long pad = info->width > total ? info->width - total : 0;
	int i;

	if (!info->left && !(zero_pad && info->pad == '0'))
		__printf_pad(sink, ' ', (int)pad);
	__printf_emit(sink, prefix, strlen(prefix));
	if (!info->left && zero_pad && info->pad == '0')
		__printf_pad(sink, '0', (int)pad);
	for (i = 0; i < body->n; i++) {
		if (body->piece[i].s != NULL)
			__printf_emit(sink, body->piece[i].s, (size_t)body->piece[i].len);
		else
			__printf_pad(sink, body->piece[i].fill, (int)body->piece[i].len);
	}
	if (info->left)
		__printf_pad(sink, ' ', (int)pad);
}

/* The exact decimal digits of mant * 2^exp, without leading zeros, into
   digits (which must hold max_digits(v) bytes).  Returns their number and
   sets *point: the value is 0.d1d2d3... * 10^*point.  Zero gives no digits. */
static int max_digits(const struct fp_value *v)
{
	/* 2^exp has at most 0.302 * exp + 1 decimal digits; 5^k at most
	   0.699 * k + 1; mant at most 20. */
	return v->exp >= 0 ? 20 + (v->exp * 31) / 100 + 2 : 20 + (-v->exp * 70) / 100 + 2;
}

static int exact_digits(const struct fp_value *v, char *digits, int *point)
{
	int nlimbs = max_digits(v) / 9 + 2;
	uint32_t limb[nlimbs];
	uint64_t mant = v->mant;
	int exp = v->exp, n = 0, scale = 0, len, i;

	if (mant == 0) {
		*point = 1;
		return 0;
	}
	while ((mant & 1) == 0 && exp < 0) {
		mant >>= 1;
		exp++;
	}
	while (mant != 0) {
		limb[n++] = (uint32_t)(mant % 1000000000u);
		mant /= 1000000000u;
	}
	/* Multiply by 2^exp, or by 5^-exp with the point moved -exp places. */
	if (exp < 0)
		scale = -exp;
	while (exp != 0) {
		uint32_t factor;
		uint64_t carry = 0;

		if (exp > 0) {
			int k = exp < 31 ? exp : 31;

			factor = 1u << k;
			exp -= k;
		} else {
			int k = -exp < 13 ? -exp : 13;

			for (factor = 1; k > 0; k--, exp++)
				factor *= 5;
		}
		for (i = 0; i < n; i++) {
			uint64_t t = (uint64_t)limb[i] * factor + carry;

			limb[i] = (uint32_t)(t % 1000000000u);
			carry = t / 1000000000u;
		}
		while (carry != 0) {
			limb[n++] = (uint32_t)(carry % 1000000000u);
			carry /= 1000000000u;
		}
	}

	len = 0;
	for (i = n - 1; i >= 0; i--) {
		char nine[9];
		uint32_t x = limb[i];
		int j;

		for (j = 8; j >= 0; j--) {
			nine[j] = (char)('0' + x % 10);
			x /= 10;
		}
		for (j = 0; j < 9; j++)
			if (len > 0 || nine[j] != '0' || (i == 0 && j == 8))
				digits[len++] = nine[j];
	}
	*point = len - scale;
	while (len > 0 && digits[len - 1] == '0')
		len--;
	return len;
}

/* Rounds 0.digits * 10^point to keep digits, to nearest with ties to even.
   keep may be 0 or negative (everything rounds away: to zero or to one
   unit in the place before the first digit). */
static int round_digits(char *digits, int len, int *point, long long keep)
{
	int up, i;

	if (keep >= len)
		return len;
	if (keep < 0)
		return 0;
	if (digits[keep] != '5') {
		up = digits[keep] > '5';
	} else {
		int more = 0;

		for (i = (int)keep + 1; i < len; i++)
			more |= digits[i] != '0';
		up = more || (keep > 0 && (digits[keep - 1] - '0') % 2 == 1);
	}
	len = (int)keep;
	if (up) {
		for (i = len - 1; i >= 0 && digits[i] == '9'; i--)
			len--;
		if (i >= 0) {
			digits[i]++;
		} else {
			digits[0] = '1';
			len = 1;
			(*point)++;
		}
	}
	while (len > 0 && digits[len - 1] == '0')
		len--;
	return len;
}

/* [d...d].[ddd] from the rounded digits, with precision fraction digits. */
static void fixed_body(struct fp_output *o, const char *digits, int len, int point,
                       long long precision, int alt)
{
	if (point <= 0) {
		put_text(o, "0", 1);
	} else {
		put_text(o, digits, len < point ? len : point);
		put_fill(o, '0', point - len);
	}
	if (precision > 0 || alt)
		put_text(o, ".", 1);
	if (precision > 0) {
		long long lead = point < 0 ? -(long long)point : 0;
		long long from = point > 0 ? point : 0;
		long long shown;

		if (lead > precision)
			lead = precision;
		put_fill(o, '0', lead);
		shown = len - from;
		if (shown > precision - lead)
			shown = precision - lead;
		if (shown > 0)
			put_text(o, digits + from, shown);
		else
			shown = 0;
		put_fill(o, '0', precision - lead - shown);
	}
}

/* d.ddde+XX from the rounded digits. */
static void exponent_body(struct fp_output *o, const char *digits, int len, int point,
                          long long precision, int alt, int upper, char *exp_buf)
{
	int x = len == 0 ? 0 : point - 1;
	unsigned int ax = x < 0 ? (unsigned int)-x : (unsigned int)x;
	char tmp[12];
	int n = 0, k = 0;

	put_text(o, len == 0 ? "0" : digits, 1);
	if (precision > 0 || alt)
		put_text(o, ".", 1);
	if (precision > 0) {
		long long shown = len - 1 > precision ? precision : len - 1;

		if (shown > 0)
			put_text(o, digits + 1, shown);
		else
			shown = 0;
		put_fill(o, '0', precision - shown);
	}
	do {
		tmp[n++] = (char)('0' + ax % 10);
		ax /= 10;
	} while (ax != 0 || n < 2);
	exp_buf[k++] = upper ? 'E' : 'e';
	exp_buf[k++] = x < 0 ? '-' : '+';
	while (n > 0)
		exp_buf[k++] = tmp[--n];
	put_text(o, exp_buf, k);
}

/* %a: the significand in hexadecimal, rounded to the precision.  buf holds
   the digits at its start and the exponent from buf + 20. */
static void hex_body(struct fp_output *o, const struct fp_value *v, int precision,
                     int alt, int upper, char *buf)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	uint64_t lead, frac;    /* frac: the fraction bits, from bit 63 down */
	int ndigits, exp = v->hex_exp, k = 0, n = 0, i;
	unsigned int ax;
	char tmp[12];

	if (v->hex_lead_bits == 1) {
		lead = v->mant >> 52;
		frac = (v->mant & ((1ULL << 52) - 1)) << 12;
		ndigits = 13;
	} else {
		lead = v->mant >> 60;
		frac = v->mant << 4;
		ndigits = 15;
	}
	if (precision >= 0 && precision < ndigits) {
		uint64_t kept = precision == 0 ? 0 : frac >> (64 - 4 * precision);
		uint64_t rest = frac << (4 * precision);
		int last_odd = (int)((precision == 0 ? lead : kept) & 1);

		if (rest > 1ULL << 63 || (rest == 1ULL << 63 && last_odd)) {
			kept++;
			if (precision == 0 || kept >> (4 * precision) != 0) {
				kept = 0;
				if (++lead == 16) {
					lead = 1;
					exp += 4;
				}
			}
		}
		frac = precision == 0 ? 0 : kept << (64 - 4 * precision);
		ndigits = precision;
	} else if (precision < 0) {
		while (ndigits > 0 && ((frac >> (64 - 4 * ndigits)) & 0xf) == 0)
			ndigits--;
	}
	buf[k++] = hex[lead];
	if (ndigits > 0 || alt || precision > 0)
		buf[k++] = '.';
	for (i = 0; i < ndigits; i++)
		buf[k++] = hex[(frac >> (60 - 4 * i)) & 0xf];
	put_text(o, buf, k);
	if (precision > ndigits)
		put_fill(o, '0', precision - ndigits);

	ax = exp < 0 ? (unsigned int)-exp : (unsigned int)exp;
	do {
		tmp[n++] = (char)('0' + ax % 10);
		ax /= 10;
	} while (ax != 0);
	k = 0;
	buf[20 + k++] = upper ? 'P' : 'p';
	buf[20 + k++] = exp < 0 ? '-' : '+';
	while (n > 0)
		buf[20 + k++] = tmp[--n];
	put_text(o, buf + 20, k);
}

void __printf_fp(struct __printf_sink *sink, const struct printf_info *info, const void *arg)
{
	int upper = info->spec >= 'A' && info->spec <= 'Z';
	char spec = (char)(upper ? info->spec - 'A' + 'a' : info->spec);
	struct fp_output body = { .n = 0, .len = 0 };
	char prefix[4], exp_buf[16], hex_buf[40];
	struct fp_value v;
	int np = 0;

	decompose(info, arg, &v);
	if (v.negative)
		prefix[np++] = '-';
	else if (info->showsign)
		prefix[np++] = '+';
	else if (info->space)
		prefix[np++] = ' ';

	if (v.kind != FP_FINITE) {
		prefix[np] = '\0';
		put_text(&body, v.kind == FP_INF ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan"), 3);
		emit_number(sink, info, prefix, 0, &body);
		return;
	}
	if (spec == 'a') {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
		prefix[np] = '\0';
		hex_body(&body, &v, info->prec, info->alt, upper, hex_buf);
		emit_number(sink, info, prefix, 1, &body);
		return;
	}
	prefix[np] = '\0';

	{
		char digits[max_digits(&v)];
		int point, len = exact_digits(&v, digits, &point);
		long long precision = info->prec < 0 ? 6 : info->prec;

		if (spec == 'f') {
			len = round_digits(digits, len, &point, point + precision);
			fixed_body(&body, digits, len, point, precision, info->alt);
		} else if (spec == 'e') {
			len = round_digits(digits, len, &point, precision + 1);
			exponent_body(&body, digits, len, point, precision, info->alt, upper, exp_buf);
		} else {
			/* %g: P significant digits; %e style if the exponent X is
			   below -4 or at least P, else %f style; trailing zeros go
			   unless '#'. */
			long long p = precision == 0 ? 1 : precision;
			int x, x_before = len == 0 ? 0 : point - 1;

			len = round_digits(digits, len, &point, p);
			x = len == 0 ? 0 : point - 1;
			if (info->alt && x == p && x_before == p - 1) {
				/* glibc's quirk: rounding that carries into exponent P
				   (999999.5 with %#g) prints "1.e+06", the fraction
				   digits of the %f style it first chose (none). */
				exponent_body(&body, digits, len, point, 0, 1, upper, exp_buf);
			} else if (x >= -4 && x < p) {
				long long frac = info->alt ? p - 1 - x : len - 1 - x;

				fixed_body(&body, digits, len, point, frac > 0 ? frac : 0, info->alt);
			} else {
				long long frac = info->alt ? p - 1 : len - 1;

				exponent_body(&body, digits, len, point, frac > 0 ? frac : 0, info->alt,
				              upper, exp_buf);
			}
		}
		/* The body points into digits: write it while they exist. */
		emit_number(sink, info, prefix, 1, &body);
	}
}
