#!/usr/bin/env bash
# Puts Debian 12's busybox-static for i386 at .native/busybox/busybox (git-ignored): an unmodified
# static i386 Linux binary for the differential tests (tests/busybox) and for
#   ./minikernel run --root .native/busybox/root sh     (an interactive busybox shell)
# Downloaded with apt-get and a private source list, state directory and APT::Architecture=i386
# (the system's apt configuration is not touched), extracted with dpkg -x. Idempotent.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.native/busybox"
work="$out/apt"
log() { echo "fetch-busybox: $*" >&2; }

# A root for --root: busybox as /bin/busybox with a link per applet (it runs the applet its argv[0]
# names), and the directories the kernel mounts its own /dev and /proc on, and /tmp.
make_root() {
    rm -rf "$out/root"
    mkdir -p "$out/root/bin" "$out/root/dev" "$out/root/proc" "$out/root/tmp" "$out/root/root"
    chmod 1777 "$out/root/tmp"
    cp "$out/busybox" "$out/root/bin/busybox"
    for applet in $("$out/busybox" --list 2>/dev/null); do
        [ "$applet" = busybox ] || ln -sf busybox "$out/root/bin/$applet"
    done
}

if [ -x "$out/busybox" ] && [ "${1:-}" != "--force" ]; then
    [ -d "$out/root/bin" ] || make_root
    exit 0
fi
if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
    log "needs apt-get and dpkg (Debian or Ubuntu) to download busybox-static:i386"
    exit 1
fi
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
if [ ! -f "$keyring" ]; then
    log "no $keyring: install the debian-archive-keyring package"
    exit 1
fi
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/etc/preferences.d" "$work/debs"
echo "deb [signed-by=$keyring arch=i386] http://deb.debian.org/debian bookworm main" > "$work/etc/sources.list"
opts=(-o "Dir::Etc::SourceList=$work/etc/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
      -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
      -o "Dir::Etc::Preferences=$work/etc/preferences" -o "Dir::Etc::PreferencesParts=$work/etc/preferences.d"
      -o "Debug::NoLocking=1" -o "APT::Architecture=i386" -o "APT::Architectures=i386" -o "APT::Sandbox::User=root")
log "downloading Debian 12's busybox-static:i386 (private apt source list in $work)"
apt-get "${opts[@]}" -qq update >&2
(cd "$work/debs" && rm -f ./*.deb && apt-get "${opts[@]}" -qq download busybox-static:i386 >&2)
rm -rf "$work/root"
dpkg -x "$work"/debs/busybox-static_*.deb "$work/root"
cp "$work/root/bin/busybox" "$out/busybox.tmp"
mv "$out/busybox.tmp" "$out/busybox"
make_root
log "$(file -b "$out/busybox" 2>/dev/null | cut -d, -f1-2 || echo busybox): $out/busybox"
