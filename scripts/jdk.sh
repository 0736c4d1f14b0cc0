# Sourced by ./minikernel and ./run-tests: finds a JDK >= 25 and sets JDK25 to its home.
# Order: $JAVA_HOME if it is new enough, then the newest /usr/lib/jvm/* that is.
# Nothing is exported: a guest under `minikernel run` inherits the launcher's environment, and must
# see the user's environment, not ours.

jdk_feature_version() {   # prints the feature version of the JDK at $1 (25 for "25.0.1"), or nothing
    [ -x "$1/bin/java" ] && [ -f "$1/release" ] || return 0
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

select_jdk25() {
    local candidate v
    for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
        [ -n "$candidate" ] || continue
        v=$(jdk_feature_version "$candidate")
        if [ -n "$v" ] && [ "$v" -ge 25 ]; then
            JDK25="$candidate"
            return 0
        fi
    done
    echo "minikernel: needs a JDK 25 or newer (java.lang.foreign), and found none." >&2
    echo "  Looked at \$JAVA_HOME (${JAVA_HOME:-unset}) and /usr/lib/jvm/*." >&2
    echo "  Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
    return 1
}

# Maven on JDK 25 warns about its own use of sun.misc.Unsafe; this silences that, nothing else.
maven_opts() {
    echo "--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}"
}
