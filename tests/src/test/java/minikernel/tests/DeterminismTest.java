package minikernel.tests;

import java.util.stream.Stream;

/**
 * Under minikernel a run is reproducible from its seed: time is virtual (it advances with
 * executed work) and memory layout is chosen from the seed, so two runs with the same
 * {@code --seed} print exactly the same, including the measured durations and addresses that
 * differ between two native runs, and make exactly the same system calls.
 */
class DeterminismTest extends SeedReplayTest {

    @Override
    Stream<GuestCase> cases() {
        return Stream.of(
                        GuestCase.of("time_virtual", "raw").named("time_virtual_raw"),
                        GuestCase.of("malloc_stress", "addresses").named("malloc_stress_addresses"))
                .flatMap(GuestCase::inEachBuild);
    }

}
