package minikernel.cpu;

import minikernel.cpu.unicorn.UcConst;

/** What a memory access wanted: the three kinds Unicorn's TLB-fill hook reports. */
public enum Access {
    READ, WRITE, FETCH;

    static Access ofUcMemType(int type) {
        return switch (type) {
            case UcConst.UC_MEM_WRITE, UcConst.UC_MEM_WRITE_UNMAPPED -> WRITE;
            case UcConst.UC_MEM_FETCH, UcConst.UC_MEM_FETCH_UNMAPPED -> FETCH;
            default -> READ;
        };
    }

    public String verb() {
        return switch (this) {
            case READ -> "reading";
            case WRITE -> "writing";
            case FETCH -> "executing";
        };
    }
}
