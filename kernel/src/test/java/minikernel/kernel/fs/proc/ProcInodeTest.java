package minikernel.kernel.fs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minikernel.kernel.Guests;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.fs.DirEntry;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Namei;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.sched.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /proc seen from inside the kernel, without the system calls: the program's own directory is
 * walked, read and listed through the VFS objects at the moment it exits (the sched_process_exit
 * tracepoint, where its files, memory and directories are still held).
 */
class ProcInodeTest {
    private static java.nio.file.Path prog;

    @BeforeAll
    static void build() throws Exception {
        prog = Guests.compile("inodes", """
                #include <fcntl.h>
                #include <unistd.h>
                int main(int argc, char **argv) {
                    int fd = open(argv[1], O_CREAT | O_WRONLY | O_TRUNC, 0600);
                    int p[2];
                    pipe(p);
                    chdir("/tmp");
                    return fd == 3 && p[0] == 4 ? 0 : 1;
                }
                """);
    }

    /** Reads a whole /proc file as {@code t} would (positional reads on an opened file). */
    static String read(Task t, String name) {
        Path p = Namei.lookup(t, name);
        File f = p.inode().open(p, File.O_RDONLY);
        try {
            byte[] buf = new byte[1 << 16];
            int n = 0;
            long r;
            while ((r = f.readAt(n, buf, n, buf.length - n)) > 0) {
                n += (int) r;
            }
            if (r < 0) {
                return "error " + r;
            }
            return new String(buf, 0, n, StandardCharsets.UTF_8);
        } finally {
            f.put();
        }
    }

    static String readlink(Task t, String name) {
        return Namei.lookup(t, Namei.AT_FDCWD, name, 0, false).inode().readlink();
    }

    static List<String> ls(Task t, String name) {
        List<String> names = new ArrayList<>();
        for (DirEntry e : Namei.lookup(t, name).inode().readdir()) {
            names.add(e.name());
        }
        return names;
    }

    private static void capture(Task t, Map<String, Object> seen) {
        try {
            seen.put("pid", t.pid());
            seen.put("status", read(t, "/proc/self/status"));
            seen.put("stat", read(t, "/proc/self/stat"));
            seen.put("statm", read(t, "/proc/self/statm"));
            seen.put("maps", read(t, "/proc/self/maps"));
            seen.put("cmdline", read(t, "/proc/self/cmdline"));
            seen.put("environ", read(t, "/proc/self/environ"));
            seen.put("comm", read(t, "/proc/self/comm"));
            seen.put("self", readlink(t, "/proc/self"));
            seen.put("thread-self", readlink(t, "/proc/thread-self"));
            seen.put("cwd", readlink(t, "/proc/self/cwd"));
            seen.put("root", readlink(t, "/proc/self/root"));
            seen.put("exe", readlink(t, "/proc/self/exe"));
            seen.put("fd", ls(t, "/proc/self/fd"));
            seen.put("fd3", readlink(t, "/proc/self/fd/3"));
            seen.put("fd4", readlink(t, "/proc/self/fd/4"));
            seen.put("fdinfo3", read(t, "/proc/self/fdinfo/3"));
            seen.put("root listing", ls(t, "/proc"));
            seen.put("pid listing", ls(t, "/proc/self"));
            seen.put("task listing", ls(t, "/proc/self/task"));
            seen.put("mounts", read(t, "/proc/mounts"));
            seen.put("limits", read(t, "/proc/self/limits"));
            seen.put("meminfo", read(t, "/proc/meminfo"));
            seen.put("uptime", read(t, "/proc/uptime"));
            seen.put("loadavg", read(t, "/proc/loadavg"));
            seen.put("kstat", read(t, "/proc/stat"));
            seen.put("version", read(t, "/proc/version"));
            seen.put("cpuinfo", read(t, "/proc/cpuinfo"));
            // following magic links: cwd leads to the directory itself, a pipe's link to nothing
            seen.put("cwd follows", Namei.lookup(t, "/proc/self/cwd").inode() == t.fs().pwd().inode());
            seen.put("fd3 follows", Namei.lookup(t, "/proc/self/fd/3").inode() == t.files().get(3).inode());
            try {
                Namei.lookup(t, "/proc/self/fd/4");
                seen.put("fd4 follows", "found");
            } catch (VfsError e) {
                seen.put("fd4 follows", e.errno().name());
            }
            // stable inode numbers; modes as Linux's
            Inode status = Namei.lookup(t, "/proc/self/status").inode();
            seen.put("same inode", status == Namei.lookup(t, "/proc/" + t.pid() + "/status").inode());
            seen.put("status mode", status.getattr().mode());
            seen.put("fd dir mode", Namei.lookup(t, "/proc/self/fd").inode().getattr().mode());
            seen.put("fd3 mode", Namei.lookup(t, Namei.AT_FDCWD, "/proc/self/fd/3", 0, false).inode().mode());
            seen.put("proc dev", status.getattr().dev() == Namei.lookup(t, "/proc").inode().sb().dev());
            seen.put("missing pid", Namei.lookup(t, "/proc").dentry().lookup("99999"));
            // seq_file's lseek, and a rewind printing afresh
            Path p = Namei.lookup(t, "/proc/self/status");
            File f = p.inode().open(p, File.O_RDONLY);
            seen.put("seek end", f.llseek(0, File.SEEK_END));
            seen.put("seek set", f.llseek(5, File.SEEK_SET));
            seen.put("write", f.writeAt(0, new byte[1], 0, 1));
            f.put();
        } catch (RuntimeException e) {
            seen.put("exception", e.toString());
        }
    }

    @Test
    void theProgramsOwnDirectory() throws Exception {
        java.nio.file.Path tmp = Files.createTempFile("mk-proc", ".txt");
        Map<String, Object> seen = new LinkedHashMap<>();
        try (Guests.Run r = Guests.run(KernelConfig.defaults(), prog, k -> k.tracepoints().registerProcessExit(t -> {
            if (t.comm().equals("inodes") && seen.isEmpty()) {
                capture(t, seen);
            }
        }), tmp.toString())) {
            assertEquals(0, r.status(), r.stderr());
        } finally {
            Files.deleteIfExists(tmp);
        }
        assertNull(seen.get("exception"), String.valueOf(seen.get("exception")));
        int pid = (Integer) seen.get("pid");
        String status = (String) seen.get("status");
        assertTrue(status.startsWith("Name:\tinodes\nUmask:\t0022\nState:\tR (running)\nTgid:\t" + pid
                + "\nNgid:\t0\nPid:\t" + pid + "\nPPid:\t1\nTracerPid:\t0\n"), status);
        assertTrue(status.contains("\nFDSize:\t64\nGroups:\t \n"), status);
        assertTrue(status.matches("(?s).*\nVmRSS:\t {0,7}\\d+ kB\n.*"), status);
        assertTrue(status.contains("\nThreads:\t1\nSigQ:\t0/32768\nSigPnd:\t0000000000000000\n"), status);
        assertTrue(status.matches("(?s).*\nvoluntary_ctxt_switches:\t\\d+\nnonvoluntary_ctxt_switches:\t\\d+\n"), status);
        String stat = (String) seen.get("stat");
        String[] fields = stat.trim().split(" ");
        assertEquals(52, fields.length, stat);
        assertEquals(pid + " (inodes) R 1", String.join(" ", List.of(fields).subList(0, 4)), stat);
        assertEquals(7, ((String) seen.get("statm")).trim().split(" ").length);
        String maps = (String) seen.get("maps");
        assertTrue(maps.lines().allMatch(l -> l.matches("\\p{XDigit}{8}-\\p{XDigit}{8} [r-][w-][x-][ps] \\p{XDigit}{8} "
                + "\\p{XDigit}{2}:\\p{XDigit}{2} \\d+( +\\S.*)?")), maps);
        String exeLine = maps.lines().filter(l -> l.endsWith("/inodes")).findFirst().orElseThrow();
        assertEquals(73, exeLine.indexOf('/'), "the name starts at column 73: " + exeLine);
        assertTrue(maps.contains("[stack]\n"), maps);
        assertTrue(((String) seen.get("cmdline")).endsWith("inodes\0" + tmp + "\0"), (String) seen.get("cmdline"));
        assertEquals("HOME=/\0PATH=/bin\0", seen.get("environ"));
        assertEquals("inodes\n", seen.get("comm"));
        assertEquals(Integer.toString(pid), seen.get("self"));
        assertEquals(pid + "/task/" + pid, seen.get("thread-self"));
        assertEquals("/tmp", seen.get("cwd"));
        assertEquals("/", seen.get("root"));
        assertEquals(prog.toString(), seen.get("exe"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), seen.get("fd"));
        assertEquals(tmp.toString(), seen.get("fd3"));
        assertTrue(((String) seen.get("fd4")).matches("pipe:\\[\\d+\\]"), (String) seen.get("fd4"));
        assertTrue(((String) seen.get("fdinfo3")).matches("pos:\t0\nflags:\t01\nmnt_id:\t1\nino:\t\\d+\n"),
                (String) seen.get("fdinfo3"));
        @SuppressWarnings("unchecked")
        List<String> root = (List<String>) seen.get("root listing");
        assertEquals("stat", root.get(0), "the proc_dir_entry tree comes first, shortest names first: " + root);
        assertTrue(root.containsAll(List.of("self", "thread-self", "1", Integer.toString(pid), "meminfo", "mounts")),
                root.toString());
        assertTrue(root.indexOf("self") > root.indexOf("filesystems") && root.indexOf("1") > root.indexOf("thread-self"),
                root.toString());
        assertEquals(List.of("task", "fd", "fdinfo", "environ", "status", "limits", "comm", "cmdline", "stat", "statm",
                "maps", "cwd", "root", "exe", "mounts", "wchan"), seen.get("pid listing"));
        assertEquals(List.of(Integer.toString(pid)), seen.get("task listing"));
        String mounts = (String) seen.get("mounts");
        assertTrue(mounts.startsWith("hostfs / hostfs rw,relatime 0 0\n"), mounts);
        assertTrue(mounts.contains("proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"), mounts);
        assertTrue(((String) seen.get("limits")).contains("\nMax open files            1024                 1024                 files     \n"),
                (String) seen.get("limits"));
        assertTrue(((String) seen.get("meminfo")).startsWith("MemTotal:         "), (String) seen.get("meminfo"));
        assertTrue(((String) seen.get("meminfo")).matches("(?s)(\\S+: +\\d+ kB\n)+"), (String) seen.get("meminfo"));
        assertTrue(((String) seen.get("uptime")).matches("\\d+\\.\\d\\d \\d+\\.\\d\\d\n"), (String) seen.get("uptime"));
        assertTrue(((String) seen.get("loadavg")).matches("0\\.00 0\\.00 0\\.00 \\d+/\\d+ " + pid + "\n"),
                (String) seen.get("loadavg"));
        assertTrue(((String) seen.get("kstat")).startsWith("cpu  "), (String) seen.get("kstat"));
        assertTrue(((String) seen.get("version")).startsWith("Linux version 6.1.0-minikernel "));
        assertTrue(((String) seen.get("cpuinfo")).contains("flags\t\t: fpu"), (String) seen.get("cpuinfo"));
        assertEquals(true, seen.get("cwd follows"));
        assertEquals(true, seen.get("fd3 follows"));
        assertEquals("ENOENT", seen.get("fd4 follows"));
        assertEquals(true, seen.get("same inode"));
        assertEquals(Kstat.S_IFREG | 0444, seen.get("status mode"));
        assertEquals(Kstat.S_IFDIR | 0500, seen.get("fd dir mode"));
        assertEquals(Kstat.S_IFLNK | 0300, seen.get("fd3 mode"), "l-wx------ for a file open for writing");
        assertEquals(true, seen.get("proc dev"));
        assertNull(seen.get("missing pid"));
        assertEquals(-22L, seen.get("seek end"));
        assertEquals(5L, seen.get("seek set"));
        assertEquals(-22L, seen.get("write"));
    }
}
