package minikernel.tools;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.Executable;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code minikernel [boot] [OPTIONS]}: boots the default root image embedded in the jar, running its
 * /sbin/init as pid 1 as root, and exits with init's status.
 */
final class BootCommand implements Main.Command {
    /** The environment the kernel gives init, as Linux's kernel_init does (envp_init). */
    private static final List<String> INIT_ENV = List.of("HOME=/", "TERM=linux", "PATH=/sbin:/bin");

    @Override
    public String summary() {
        return "boot the default root image (the default command)";
    }

    @Override
    public int run(String[] args) {
        Options options = new Options();
        KernelOptions.add(options);
        KernelConfig config;
        CommandLine cl;
        try {
            cl = DefaultParser.builder().get().parse(options, args);
            if (cl.hasOption("help")) {
                HelpFormatter.builder().get().printHelp("minikernel [boot] [OPTIONS]",
                        "Boots the default root image: its /sbin/init runs as pid 1.", options, "", false);
                return 0;
            }
            config = KernelOptions.config(cl, 0, 0);
        } catch (ParseException | KernelOptions.UsageException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 2;
        }
        Optional<Executable> init;
        try {
            minikernel.kernel.fs.ImageRootFs image = RootImage.load();
            config = config.withRoot(image, "/");
            init = RootImage.executable(image, "/sbin/init");
        } catch (IOException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 1;
        }
        if (init.isEmpty()) {
            System.err.println("minikernel: the default image has no /sbin/init");
            return 1;
        }
        return Boot.boot(config, init.get(), List.of("/sbin/init"), INIT_ENV, cl);
    }
}
