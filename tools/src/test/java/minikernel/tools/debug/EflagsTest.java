package minikernel.tools.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EflagsTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0x2      | [ ]
            0x202    | [ IF ]
            0x246    | [ PF ZF IF ]
            0x286    | [ PF SF IF ]
            0x893    | [ CF AF SF OF ]
            0x3202   | [ IF ]
            0x10702  | [ TF IF DF RF ]
            0x3f4fd5 | [ CF PF AF ZF SF TF IF DF OF NT RF VM AC VIF VIP ID ]
            """)
    void decodesLikeGdb(String hex, String decoded) {
        assertEquals(decoded, Eflags.decode(Long.decode(hex)));
    }

    @Test
    void flagsInBitOrder() {
        assertEquals(List.of("CF", "ZF"), Eflags.flags(0x41));
        assertEquals(List.of(), Eflags.flags(0xffc0_3000L), "IOPL and bits 22 and up are not flags");
    }
}
