package minikernel.tools.debug;

import static minikernel.tools.debug.TestPrograms.COUNTER;
import static minikernel.tools.debug.TestPrograms.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {
    private static final long STACK = 0xbffff000L;

    private final FakeRegisters registers = new FakeRegisters()
            .with("eip", MAIN + 3).with("esp", STACK).with("ebp", STACK + 0x10).with("eax", 7)
            .with("eflags", 0x246);
    private final FakeMemory memory = new FakeMemory()
            .words(STACK, 0x0804a01cL, 0x11223344L, 0xffffffffL, 0, STACK + 0x20)
            .words(COUNTER, 42, 0x1234);
    private final Expression expression = new Expression(registers, memory, TestPrograms.symbols());

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                    | 0
            42                   | 42
            0x10                 | 16
            0XfF                 | 255
            -1                   | -1
            -0x10                | -16
            0xffffffff           | 4294967295
            10-2-3               | 5
            10-(2-3)             | 11
            1+2-4+8              | 7
            ' 1 +  2 '           | 3
            --5                  | 5
            +5                   | 5
            ((3))                | 3
            $eax                 | 7
            $eax+1               | 8
            $EAX                 | 7
            $pc                  | 134516739
            $sp                  | 3221221376
            $fp-$sp              | 16
            $ps                  | 582
            main                 | 134516736
            &main                | 134516736
            main+12              | 134516748
            main + 0x20 - 4      | 134516764
            counter              | 134520860
            *counter             | 42
            *&counter            | 42
            *counter+1           | 43
            *(counter+4)         | 4660
            *$esp                | 134520860
            **$esp               | 42
            *($esp+4)            | 287454020
            *$esp+4              | 134520864
            *($sp + 8)           | 4294967295
            -*($esp+8)           | -4294967295
            *($esp+0x10)-$esp    | 32
            """)
    void evaluates(String text, long value) throws DebugException {
        assertEquals(value, expression.evaluate(text));
    }

    @Test
    void addressesWrapTo32Bits() throws DebugException {
        assertEquals(0xffffffffL, expression.address("-1"));
        assertEquals(0xfffffffcL, expression.address("0-4"));
        assertEquals(STACK - 4, expression.address("$esp-4"));
        assertEquals(3, expression.address("0xffffffff+4"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            foo              | no symbol 'foo'
            main+foo         | no symbol 'foo'
            &nosuch          | no symbol 'nosuch'
            12x              | bad number '12x'
            0x               | bad number '0x'
            0xg1             | bad number '0xg1'
            99999999999999999999 | bad number '99999999999999999999'
            *0               | cannot read memory at 0x0
            *(counter+8)     | cannot read memory at 0x804a024
            *-1              | cannot read memory at 0xffffffff
            $nosuch          | no register '$nosuch'
            $                | no register '$'
            (1+2             | missing ')'
            1+2)             | unbalanced ')'
            1+               | expression ends too early: '1+'
            1 2              | syntax error near '2'
            1 # 2            | syntax error near '# 2'
            '#'              | syntax error near '#'
            &1               | '&' takes a symbol name
            """)
    void errorsSayWhatIsWrong(String text, String message) {
        DebugException e = assertThrows(DebugException.class, () -> expression.evaluate(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void emptyExpressionIsAnError() {
        assertEquals("expression expected",
                assertThrows(DebugException.class, () -> expression.evaluate("  ")).getMessage());
    }

    @Test
    void registersAreReadWhenEvaluated() throws DebugException {
        registers.set("eax", 100);
        assertEquals(101, expression.evaluate("$eax+1"));
        memory.words(0x1000, 5);
        assertEquals(5, expression.evaluate("*0x1000"));
    }
}
