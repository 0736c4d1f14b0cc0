package minikernel.cpu.capstone;

/** The assembly syntax a {@link Disassembler} prints. */
public enum Syntax {
    /** AT&T, as gdb and objdump print it by default: {@code pushl %ebp}, {@code movl 4(%esp), %eax}. */
    ATT(2),
    /** Intel: {@code push ebp}, {@code mov eax, dword ptr [esp + 4]}. */
    INTEL(1);

    /** The cs_opt_value for CS_OPT_SYNTAX in Capstone 5 (CS_OPT_SYNTAX_ATT = 2, CS_OPT_SYNTAX_INTEL = 1). */
    final int optionValue;

    Syntax(int optionValue) {
        this.optionValue = optionValue;
    }
}
