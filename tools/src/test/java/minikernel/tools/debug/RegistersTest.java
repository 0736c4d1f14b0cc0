package minikernel.tools.debug;

import static minikernel.tools.debug.TestPrograms.COUNTER;
import static minikernel.tools.debug.TestPrograms.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegistersTest {
    private final FakeRegisters registers = new FakeRegisters()
            .with("eax", 0x1c).with("ecx", 0xffffd0e0L).with("edx", 0).with("ebx", 0x804c560)
            .with("esp", 0xffffd85cL).with("ebp", COUNTER).with("esi", 0xf7fb5000L).with("edi", 14)
            .with("eip", MAIN + 9).with("eflags", 0x246)
            .with("cs", 0x23).with("ss", 0x2b).with("ds", 0x2b).with("es", 0x2b).with("fs", 0).with("gs", 0x63);
    private final Registers view = new Registers(registers, TestPrograms.symbols());

    @Test
    void infoRegistersLayout() {
        assertEquals(String.join("\n",
                "eax            0x1c                28",
                "ecx            0xffffd0e0          -12064",
                "edx            0x0                 0",
                "ebx            0x804c560           134530400",
                "esp            0xffffd85c          0xffffd85c",
                "ebp            0x804a01c           0x804a01c <counter>",
                "esi            0xf7fb5000          -134524928",
                "edi            0xe                 14",
                "eip            0x8049009           0x8049009 <main+9>",
                "eflags         0x246               [ PF ZF IF ]",
                "cs             0x23                35",
                "ss             0x2b                43",
                "ds             0x2b                43",
                "es             0x2b                43",
                "fs             0x0                 0",
                "gs             0x63                99"), view.format());
    }

    @Test
    void oneRegister() throws DebugException {
        assertEquals("eip            0x8049009           0x8049009 <main+9>", view.format("$pc"));
        assertEquals("eax            0x1c                28", view.format("eax"));
        assertEquals("no register 'xyz'", assertThrows(DebugException.class, () -> view.format("xyz")).getMessage());
    }

    @Test
    void eipWithoutSymbolIsBareHex() {
        registers.set("eip", 0x1000);
        assertEquals("eip            0x1000              0x1000",
                view.format().lines().filter(l -> l.startsWith("eip")).findFirst().orElseThrow());
    }
}
