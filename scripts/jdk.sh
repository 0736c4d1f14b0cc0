# Sourced by the launcher and the test script: picks a JDK >= 25 into $JAVA_HOME.
# Order: $JAVA_HOME if it is new enough, then the newest /usr/lib/jvm/* that is.

jdk_feature_version() {   # prints the feature version of the JDK at $1 (25 for "25.0.1"), or nothing
    local rel="$1/release"
    [ -x "$1/bin/java" ] || return 0
    if [ -f "$rel" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
    fi
}

select_jdk25() {
    local candidate v
    for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
        [ -n "$candidate" ] || continue
        v=$(jdk_feature_version "$candidate")
        if [ -n "$v" ] && [ "$v" -ge 25 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "minikernel: needs a JDK 25 or newer (java.lang.foreign, Java 22+), and found none." >&2
    echo "  Looked at \$JAVA_HOME (${JAVA_HOME:-unset}) and /usr/lib/jvm/*." >&2
    echo "  Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    return 1
}
