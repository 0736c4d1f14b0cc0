package minikernel.cpu.capstone;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import minikernel.cpu.NativeLibraries.NativeLibraryException;
import minikernel.cpu.capstone.CapstoneLibrary.Handles;
import org.junit.jupiter.api.Test;

/**
 * Checks the Capstone 5 cs_insn layout the binding assumes, both against the header (the offsets
 * written down) and against what the real library writes: the array stride of cs_disasm's output
 * is sizeof(cs_insn), and each field holds what was decoded.
 */
class CsInsnLayoutTest {
    @Test
    void layoutMatchesCapstone5Header() {
        assertEquals(8, CapstoneLibrary.INSN_ADDRESS);
        assertEquals(16, CapstoneLibrary.INSN_SIZE);
        assertEquals(18, CapstoneLibrary.INSN_BYTES);
        assertEquals(42, CapstoneLibrary.INSN_MNEMONIC);
        assertEquals(74, CapstoneLibrary.INSN_OP_STR);
        assertEquals(248, CapstoneLibrary.CS_INSN.byteSize());
    }

    @Test
    void libraryIsCapstone5() {
        assertTrue(Disassembler.libraryVersion().startsWith("5."), Disassembler.libraryVersion());
    }

    @Test
    void versionCheckRefusesOtherMajors() {
        CapstoneLibrary.checkVersion(0x0500);
        var four = assertThrows(NativeLibraryException.class, () -> CapstoneLibrary.checkVersion(0x0400));
        assertTrue(four.getMessage().contains("Capstone 4.0"), four.getMessage());
        assertTrue(four.getMessage().contains("setup-native.sh"), four.getMessage());
        assertThrows(NativeLibraryException.class, () -> CapstoneLibrary.checkVersion(0x0600));
    }

    @Test
    void csDisasmArrayHasTheAssumedStrideAndFields() throws Throwable {
        // push %ebp; mov %esp,%ebp; int $0x80
        byte[] code = {0x55, (byte) 0x89, (byte) 0xe5, (byte) 0xcd, (byte) 0x80};
        CapstoneLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handleCell = arena.allocate(JAVA_LONG);
            CapstoneLibrary.check("cs_open", (int) Handles.CS_OPEN.invokeExact(
                    CapstoneLibrary.CS_ARCH_X86, CapstoneLibrary.CS_MODE_32, handleCell));
            long handle = handleCell.get(JAVA_LONG, 0);
            try {
                MemorySegment buffer = arena.allocate(code.length);
                buffer.copyFrom(MemorySegment.ofArray(code));
                MemorySegment arrayCell = arena.allocate(ADDRESS);
                long count = (long) Handles.CS_DISASM.invokeExact(handle, buffer, (long) code.length,
                        0x8049000L, 0L, arrayCell);
                assertEquals(3, count);
                long stride = CapstoneLibrary.CS_INSN.byteSize();
                MemorySegment array = arrayCell.get(ADDRESS, 0).reinterpret(count * stride);
                try {
                    long[] addresses = {0x8049000L, 0x8049001L, 0x8049003L};
                    int[] sizes = {1, 2, 2};
                    String[] mnemonics = {"push", "mov", "int"}; // a fresh handle prints Intel syntax
                    int offset = 0;
                    for (int i = 0; i < count; i++) {
                        MemorySegment insn = array.asSlice(i * stride, stride);
                        assertNotEquals(0, insn.get(JAVA_INT, 0), "x86_insn id");
                        assertEquals(addresses[i], insn.get(JAVA_LONG, CapstoneLibrary.INSN_ADDRESS));
                        assertEquals(sizes[i], insn.get(JAVA_SHORT, CapstoneLibrary.INSN_SIZE));
                        byte[] expected = Arrays.copyOfRange(code, offset, offset + sizes[i]);
                        assertArrayEquals(expected,
                                insn.asSlice(CapstoneLibrary.INSN_BYTES, sizes[i]).toArray(JAVA_BYTE));
                        assertEquals(mnemonics[i], insn.getString(CapstoneLibrary.INSN_MNEMONIC));
                        offset += sizes[i];
                    }
                    assertEquals("ebp, esp", array.asSlice(stride).getString(CapstoneLibrary.INSN_OP_STR));
                } finally {
                    Handles.CS_FREE.invokeExact(array, count);
                }
            } finally {
                handleCell.set(JAVA_LONG, 0, handle);
                CapstoneLibrary.check("cs_close", (int) Handles.CS_CLOSE.invokeExact(handleCell));
            }
        }
    }
}
