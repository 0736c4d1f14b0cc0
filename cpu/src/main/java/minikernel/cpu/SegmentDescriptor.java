package minikernel.cpu;

/**
 * One 8-byte segment descriptor of the GDT, field by field as the Intel SDM vol. 3 section 3.4.5
 * draws it (and Linux's struct desc_struct names it).
 *
 * @param base       32-bit linear base address
 * @param limit      20-bit limit, in bytes or (granularity) 4 KiB units
 * @param type       4-bit type: bit 3 code, bit 1 writable (data) / readable (code), bit 0 accessed
 * @param system     false for a system segment (TSS, LDT), true for code or data (the S bit)
 * @param dpl        descriptor privilege level, 0 (kernel) or 3 (user)
 * @param present    the P bit: loading a selector to a non-present segment faults
 * @param available  the AVL bit, free for software (Linux: user_desc.useable)
 * @param bits32     the D/B bit: 32-bit segment
 * @param pageGranular the G bit: limit counts 4 KiB pages
 */
public record SegmentDescriptor(long base, int limit, int type, boolean system, int dpl, boolean present,
                                boolean available, boolean bits32, boolean pageGranular) {

    /** A flat 4 GiB segment: type 0xb (code, readable, accessed) or 0x3 (data, writable, accessed). */
    public static SegmentDescriptor flat(boolean code, int dpl) {
        return new SegmentDescriptor(0, 0xfffff, code ? 0xb : 0x3, true, dpl, true, false, true, true);
    }

    /** The all-zero descriptor: loading its selector gives an unusable segment. */
    public static final SegmentDescriptor EMPTY =
            new SegmentDescriptor(0, 0, 0, false, 0, false, false, false, false);

    public boolean isEmpty() {
        return encode() == 0;
    }

    /** The descriptor's 8 bytes as a little-endian long. */
    public long encode() {
        long d = limit & 0xffffL;
        d |= (base & 0xffffffL) << 16;
        d |= (long) (type & 0xf) << 40;
        d |= (system ? 1L : 0L) << 44;
        d |= (long) (dpl & 3) << 45;
        d |= (present ? 1L : 0L) << 47;
        d |= (long) (limit >>> 16 & 0xf) << 48;
        d |= (available ? 1L : 0L) << 52;
        d |= (bits32 ? 1L : 0L) << 54;
        d |= (pageGranular ? 1L : 0L) << 55;
        d |= (base >>> 24 & 0xffL) << 56;
        return d;
    }

    public static SegmentDescriptor decode(long d) {
        long base = (d >>> 16 & 0xffffffL) | (d >>> 56 & 0xffL) << 24;
        int limit = (int) (d & 0xffff) | (int) (d >>> 48 & 0xf) << 16;
        return new SegmentDescriptor(base, limit, (int) (d >>> 40 & 0xf), (d >>> 44 & 1) != 0, (int) (d >>> 45 & 3),
                (d >>> 47 & 1) != 0, (d >>> 52 & 1) != 0, (d >>> 54 & 1) != 0, (d >>> 55 & 1) != 0);
    }
}
