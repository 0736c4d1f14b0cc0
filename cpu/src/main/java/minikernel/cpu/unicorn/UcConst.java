package minikernel.cpu.unicorn;

/**
 * The numbers of Unicorn 2.1's C API that the binding uses, as unicorn.h and x86.h define them
 * (values printed from the real headers; see ../shared/reference/unicorn-experiments/cconst.c).
 */
public final class UcConst {
    private UcConst() {
    }

    public static final int UC_ARCH_X86 = 4;
    public static final int UC_MODE_32 = 4;

    public static final int UC_PROT_READ = 1, UC_PROT_WRITE = 2, UC_PROT_EXEC = 4, UC_PROT_ALL = 7;

    /** uc_err */
    public static final int UC_ERR_OK = 0, UC_ERR_READ_UNMAPPED = 6, UC_ERR_WRITE_UNMAPPED = 7,
            UC_ERR_FETCH_UNMAPPED = 8, UC_ERR_INSN_INVALID = 10, UC_ERR_EXCEPTION = 21;

    /** uc_hook_type */
    public static final int UC_HOOK_INTR = 1, UC_HOOK_INSN = 2, UC_HOOK_CODE = 4, UC_HOOK_BLOCK = 8,
            UC_HOOK_MEM_READ_UNMAPPED = 16, UC_HOOK_MEM_WRITE_UNMAPPED = 32, UC_HOOK_MEM_FETCH_UNMAPPED = 64,
            UC_HOOK_MEM_UNMAPPED = 112, UC_HOOK_MEM_WRITE = 2048, UC_HOOK_MEM_READ = 1024,
            UC_HOOK_TLB_FILL = 131072;

    /** uc_mem_type, as the TLB-fill and memory hooks report an access */
    public static final int UC_MEM_READ = 16, UC_MEM_WRITE = 17, UC_MEM_FETCH = 18,
            UC_MEM_READ_UNMAPPED = 19, UC_MEM_WRITE_UNMAPPED = 20, UC_MEM_FETCH_UNMAPPED = 21;

    /** uc_ctl requests: UC_CTL_WRITE(type, nr) = type | nr << 26 | 1 << 30 */
    public static final int UC_CTL_CPU_MODEL_W = 7 | 1 << 26 | 1 << 30;
    public static final int UC_CTL_TB_REMOVE_CACHE_W = 9 | 2 << 26 | 1 << 30;
    public static final int UC_CTL_TB_FLUSH_W = 10 | 1 << 30;
    public static final int UC_CTL_TLB_FLUSH_W = 11 | 1 << 30;
    public static final int UC_CTL_TLB_TYPE_W = 12 | 1 << 26 | 1 << 30;
    public static final int UC_CTL_TCG_BUFFER_SIZE_W = 13 | 1 << 26 | 1 << 30;

    public static final int UC_TLB_VIRTUAL = 1;
    public static final int UC_CPU_X86_QEMU32 = 4;

    /** uc_x86_insn, for UC_HOOK_INSN */
    public static final int UC_X86_INS_IN = 218, UC_X86_INS_OUT = 500;

    /** uc_x86_reg */
    public static final int EAX = 19, EBX = 21, ECX = 22, EDX = 24, ESI = 29, EDI = 23, EBP = 20, ESP = 30,
            EIP = 26, EFLAGS = 25, CS = 11, DS = 17, ES = 28, FS = 32, GS = 33, SS = 49,
            CR0 = 50, CR2 = 52, CR3 = 53, CR4 = 54, IDTR = 242, GDTR = 243, TR = 245;
    /** The x87 and SSE state: status, the eight physical x87 registers, XMM0-7, control, tag, MXCSR. */
    public static final int FPSW = 31, FP0 = 82, XMM0 = 122, FPCW = 246, FPTAG = 247, MXCSR = 249;

    /** Prints a uc_err the way uc_strerror names it, for messages. */
    public static String errorName(int err) {
        return switch (err) {
            case UC_ERR_OK -> "UC_ERR_OK";
            case UC_ERR_READ_UNMAPPED -> "UC_ERR_READ_UNMAPPED";
            case UC_ERR_WRITE_UNMAPPED -> "UC_ERR_WRITE_UNMAPPED";
            case UC_ERR_FETCH_UNMAPPED -> "UC_ERR_FETCH_UNMAPPED";
            case UC_ERR_INSN_INVALID -> "UC_ERR_INSN_INVALID";
            case UC_ERR_EXCEPTION -> "UC_ERR_EXCEPTION";
            default -> "uc_err " + err;
        };
    }
}
