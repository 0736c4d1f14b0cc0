package minikernel.kernel.sched;

/**
 * The namespaces a task lives in: Linux's {@code struct nsproxy}. minikernel has one of each (no
 * unshare, no CLONE_NEW* flags), so every task points at the same one and copy_namespaces() only
 * shares it; the field is here so task_struct reads like Linux's.
 *
 * @param uts the hostname and domain name uname(2) reports
 */
public record Nsproxy(String uts) {
    public static final Nsproxy INIT = new Nsproxy("minikernel");
}
