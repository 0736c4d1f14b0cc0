package minikernel.tools.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The starter's LAB regions: replaced at their indentation; a broken marker is an error, not a guess. */
class KernelLabStripTest {
    @Test
    void aRegionBecomesATodoAndItsStatement() throws IOException {
        String src = "int f() {\n    // LAB BEGIN: return 0;\n    int x = 6 * 7;\n    return x;\n    // LAB END\n}\n";
        assertEquals("int f() {\n    // TODO (kernel lab): write this part.\n    return 0;\n}\n",
                KernelLab.strip(src, "F.java"));
    }

    @Test
    void unclosedNestedOrMissingRegionsAreRefused() {
        assertTrue(assertThrows(IOException.class, () -> KernelLab.strip("// LAB BEGIN: x;\ny;\n", "F.java"))
                .getMessage().contains("without its LAB END"));
        assertTrue(assertThrows(IOException.class,
                () -> KernelLab.strip("// LAB BEGIN: x;\n// LAB BEGIN: y;\n// LAB END\n", "F.java"))
                .getMessage().contains("F.java:2: a LAB BEGIN inside another"));
        assertTrue(assertThrows(IOException.class, () -> KernelLab.strip("class F {}\n", "F.java"))
                .getMessage().contains("has no \"// LAB BEGIN: ...\" region"));
    }
}
