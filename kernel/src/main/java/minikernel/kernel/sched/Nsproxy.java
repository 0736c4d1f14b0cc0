package minikernel.kernel.sched;

/**
 * The namespaces a task lives in: Linux's {@code struct nsproxy}. minikernel has one kind, the
 * UTS namespace (hostname and domain name): clone(CLONE_NEWUTS) or unshare(CLONE_NEWUTS) gives a
 * task its own copy, so sethostname there leaves everyone else's name alone. Other namespace
 * flags are refused.
 */
public final class Nsproxy {
    /** A UTS namespace: what uname(2) reports as nodename and domainname. */
    public static final class Uts {
        private String nodename;
        private String domainname;

        public Uts(String nodename, String domainname) {
            this.nodename = nodename;
            this.domainname = domainname;
        }

        public String nodename() {
            return nodename;
        }

        public String domainname() {
            return domainname;
        }

        public void setNodename(String name) {
            nodename = name;
        }

        public void setDomainname(String name) {
            domainname = name;
        }

        Uts copy() {
            return new Uts(nodename, domainname);
        }
    }

    private final Uts uts;

    private Nsproxy(Uts uts) {
        this.uts = uts;
    }

    /** The initial namespaces (init_nsproxy). */
    public static Nsproxy initial() {
        return new Nsproxy(new Uts("minikernel", "(none)"));
    }

    public Uts uts() {
        return uts;
    }

    /** copy_namespaces()/unshare with CLONE_NEWUTS: the same names, in a namespace of its own. */
    public Nsproxy withNewUts() {
        return new Nsproxy(uts.copy());
    }
}
