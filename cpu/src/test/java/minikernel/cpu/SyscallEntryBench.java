package minikernel.cpu;

/**
 * Benchmark, not a test: the cost of the int $0x80 round trip through the C entry hook and the
 * Java upcall with a handler that does nothing, i.e. the floor under every system call.
 * Run: java --enable-native-access=ALL-UNNAMED -Dminikernel.native=.native/lib -cp ... minikernel.cpu.SyscallEntryBench [N]
 */
public final class SyscallEntryBench {
    private SyscallEntryBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        try (TestMachine m = new TestMachine()) {
            // mov $n,%ecx ; L: mov $64,%eax ; int $0x80 ; dec %ecx ; jnz L ; mov $1,%eax ; int $0x80
            m.load(0xb9, n & 0xff, n >>> 8 & 0xff, n >>> 16 & 0xff, n >>> 24 & 0xff,
                    0xb8, 64, 0, 0, 0, 0xcd, 0x80, 0x49, 0x75, 0xf6, 0xb8, 1, 0, 0, 0, 0xcd, 0x80);
            m.cpu.setSyscallHandler(number -> {
                if (number == 1) {
                    m.cpu.stopAfterHook();
                    return Cpu.NO_RESULT;
                }
                return 1;
            });
            long t0 = System.nanoTime();
            Trap t = m.cpu.run();
            long dt = System.nanoTime() - t0;
            System.out.printf("%s after %d syscalls: %.1f ns per int $0x80 round trip%n", t.getClass().getSimpleName(), n, (double) dt / n);
        }
    }
}
