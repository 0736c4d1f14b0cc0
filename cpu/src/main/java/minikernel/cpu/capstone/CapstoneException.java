package minikernel.cpu.capstone;

/**
 * libcapstone reported an error (a cs_err other than CS_ERR_OK). Undecodable bytes are not an
 * error: the disassembler returns no instruction for them.
 */
public final class CapstoneException extends RuntimeException {
    private final int code;

    CapstoneException(String operation, int code, String description) {
        super(operation + " failed: " + description + " (cs_err " + code + ")");
        this.code = code;
    }

    /** The cs_err value, e.g. 1 for CS_ERR_MEM. */
    public int code() {
        return code;
    }
}
