package minikernel.kernel.mm;

/**
 * The contents behind a file-backed mapping, read once into memory (the page cache of a file that
 * never changes while mapped: an executable). Pages are copied out of it on a page fault.
 *
 * @param name  the path shown in /proc/PID/maps and fault reports
 * @param bytes the whole file
 */
public record MappedFile(String name, byte[] bytes) {
}
