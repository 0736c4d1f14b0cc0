package minikernel.cpu.capstone;

/**
 * Run in a child JVM by {@link LibraryLoadFailureTest} with {@code -Dminikernel.native} pointing
 * at a folder without a usable libcapstone: opens a disassembler twice and prints what each
 * attempt threw, one line each, so the test can check both the first and a later failure.
 */
public final class LoadFailureProbe {
    private LoadFailureProbe() {
    }

    public static void main(String[] args) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Disassembler d = new Disassembler()) {
                System.out.println("opened " + d.syntax());
            } catch (RuntimeException | Error e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
