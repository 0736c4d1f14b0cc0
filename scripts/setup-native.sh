#!/usr/bin/env bash
# Puts the native libraries minikernel needs into .native/lib (git-ignored):
#   libunicorn.so.2   Unicorn >= 2.1 (2.0.x ignores page tables: upstream issue 1953)
#   libcapstone.so.5  Capstone 5 (Capstone 4 has a different cs_insn layout)
#   libminikernel-hooks.so  the C block hook (quantum counter), built here from cpu/src/main/c/hooks.c
#
# Uses the system's libraries when they are new enough; otherwise (Debian/Ubuntu amd64) downloads
# Debian 13's libunicorn2t64 and libcapstone5 with apt-get and a private source list and state
# directory (the system's apt configuration is not touched) and extracts them with dpkg -x.
# Idempotent and quick when everything is in place. Usage: scripts/setup-native.sh [--force]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.native"
lib="$out/lib"
mkdir -p "$lib"

log() { echo "setup-native: $*" >&2; }

# --- 1. libunicorn >= 2.1 and libcapstone 5 -------------------------------------------------------

# Prints the path of a system library by soname, if the dynamic linker knows it.
system_lib() { /sbin/ldconfig -p 2>/dev/null | awk -v n="$1" '$1 == n { print $NF; exit }'; }

# Version of a libunicorn file, as uc_version() reports it (e.g. 2.1.1), by a throwaway C probe.
unicorn_version() {
    local probe="$out/probe-unicorn"
    cat > "$probe.c" <<'C'
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
    void *h = dlopen(argv[1], RTLD_NOW);
    if (!h) return 1;
    unsigned (*v)(unsigned *, unsigned *) = (unsigned (*)(unsigned *, unsigned *)) dlsym(h, "uc_version");
    if (!v) return 1;
    unsigned r = v(0, 0);
    printf("%u.%u.%u\n", (r >> 24) & 0xff, (r >> 16) & 0xff, (r >> 8) & 0xff);
    return 0;
}
C
    gcc -o "$probe" "$probe.c" -ldl 2>/dev/null && "$probe" "$1" || true
}

version_ge_2_1() { case "$1" in 2.[1-9]*|[3-9].*) return 0;; *) return 1;; esac; }

fetch_debian13() {
    local work="$out/apt"
    mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/etc/preferences.d" "$work/debs"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
        > "$work/etc/sources.list"
    if [ ! -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
        log "no /usr/share/keyrings/debian-archive-keyring.gpg: install the debian-archive-keyring package"
        exit 1
    fi
    local opts=(-o "Dir::Etc::SourceList=$work/etc/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
                -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
                -o "Dir::Etc::Preferences=$work/etc/preferences" -o "Dir::Etc::PreferencesParts=$work/etc/preferences.d"
                -o "Debug::NoLocking=1" -o "APT::Architecture=amd64" -o "APT::Sandbox::User=root")
    log "downloading Debian 13's libunicorn2t64 and libcapstone5 (private apt source list in $work)"
    apt-get "${opts[@]}" -qq update >&2
    (cd "$work/debs" && rm -f ./*.deb && apt-get "${opts[@]}" -qq download libunicorn2t64 libcapstone5 >&2)
    rm -rf "$work/root"
    for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$work/root"; done
    cp -L "$work/root/usr/lib/x86_64-linux-gnu/libunicorn.so.2" "$lib/libunicorn.so.2"
    cp -L "$work/root/usr/lib/x86_64-linux-gnu/libcapstone.so.5" "$lib/libcapstone.so.5"
}

if [ "${1:-}" = "--force" ]; then rm -f "$lib/libunicorn.so.2" "$lib/libcapstone.so.5"; fi

if [ ! -e "$lib/libunicorn.so.2" ] || [ ! -e "$lib/libcapstone.so.5" ]; then
    sys_uc=$(system_lib libunicorn.so.2)
    sys_cs=$(system_lib libcapstone.so.5)
    if [ -n "$sys_uc" ] && [ -n "$sys_cs" ] && version_ge_2_1 "$(unicorn_version "$sys_uc")"; then
        log "using the system's $sys_uc ($(unicorn_version "$sys_uc")) and $sys_cs"
        ln -sf "$sys_uc" "$lib/libunicorn.so.2"
        ln -sf "$sys_cs" "$lib/libcapstone.so.5"
    else
        [ -n "$sys_uc" ] && log "the system's $sys_uc is $(unicorn_version "$sys_uc"); minikernel needs >= 2.1"
        if [ "$(uname -m)" != x86_64 ] || ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
            log "no libunicorn >= 2.1 and libcapstone 5 found, and this is not a Debian/Ubuntu amd64 machine:"
            log "install Unicorn >= 2.1 and Capstone 5 and rerun (they are looked up with ldconfig)"
            exit 1
        fi
        fetch_debian13
    fi
    v=$(unicorn_version "$lib/libunicorn.so.2")
    if ! version_ge_2_1 "$v"; then
        log "$lib/libunicorn.so.2 reports version '${v:-unknown}'; minikernel needs >= 2.1"
        rm -f "$lib/libunicorn.so.2"
        exit 1
    fi
    log "libunicorn $v and libcapstone 5 are in $lib"
fi

# --- 2. the C block hook -----------------------------------------------------------------------------
src="$root/cpu/src/main/c/hooks.c"
so="$lib/libminikernel-hooks.so"
if [ ! -e "$so" ] || [ "$src" -nt "$so" ]; then
    gcc -O2 -Wall -Werror -shared -fPIC -o "$so.tmp" "$src"
    mv "$so.tmp" "$so"
    log "built $so"
fi
