package minikernel.tests;

import java.util.stream.Stream;

/**
 * With several processes the interleaving is the scheduler's choice, and under minikernel that
 * choice must come from the seed alone: two runs of a fork-heavy program with the same
 * {@code --seed} print the same (including {@code nice_share raw}'s loop counts, which differ on
 * every native run) and make the same system calls in the same order, pids included.
 */
class ProcessDeterminismTest extends SeedReplayTest {

    @Override
    Stream<GuestCase> cases() {
        return Stream.of(
                        GuestCase.of("nice_share", "raw").named("nice_share_raw"),
                        GuestCase.of("many_children"),
                        GuestCase.of("pipes"),
                        GuestCase.of("sleep_yield"),
                        GuestCase.of("orphan_reparent"),
                        GuestCase.of("vfork_exec"))
                .flatMap(GuestCase::inEachBuild);
    }

}
