#!/usr/bin/env bash
# tools_compare.sh BIN: run the same command lines with this userland's
# programs (BIN) and with the host's GNU coreutils and grep, in a fresh
# directory holding the same files, and require the same output (standard
# output and error together) and exit status.  LC_ALL=C and TZ=UTC, as on
# minikernel; ls runs as "ls -n" on the host side, since our owners are
# always numbers.
set -u
bin=$(realpath "$1")
fail=0

if ! ls --version 2>/dev/null | grep -q GNU; then
	echo "check: tools: skipped: the host's ls is not GNU coreutils'"
	exit 0
fi

fixtures() {
	printf 'hello world\nHello again\nfoo.bar\nfooxbar\n\nend$\n' > text
	printf 'a\001b c\n\x80x y\n' > odd
	seq 1 30 > nums
	printf 'no newline' > partial
	mkdir -p dir/sub
	echo x > dir/f
	ln -s text link
	ln -s nowhere dangling
	touch -d '2020-01-02 03:04:05' old
	chmod 4755 old
	touch .hidden
}

# run DIR TOOLDIR COMMAND: the command with TOOLDIR first in PATH
run() {
	(
		cd "$1" || exit 1
		export PATH="$2:/usr/bin:/bin" LC_ALL=C TZ=UTC
		eval "$3" 2>&1
		echo "[exit $?]"
	)
}

top=$(mktemp -d /tmp/tools_compare.XXXXXX)
host=$top/host ours=$top/ours
mkdir "$host" "$ours" "$top/bin"
(cd "$host" && fixtures)
(cd "$ours" && fixtures)
# The host's ls, always numeric, under the name the command lines use.
printf '#!/bin/sh\nexec /bin/ls -n "$@"\n' > "$top/bin/lsn"
chmod +x "$top/bin/lsn"

while IFS= read -r line; do
	[ -z "$line" ] && continue
	case $line in \#*) continue ;; esac
	want=$(run "$host" "$top/bin" "${line//lsl/lsn}")
	got=$(run "$ours" "$bin" "${line//lsl/ls -l}")
	if [ "$want" == "$got" ]; then
		echo "check: tools: $line: same as coreutils"
	else
		echo "check: tools: $line: DIFFERS from coreutils:"
		diff -u <(echo "$want") <(echo "$got") | head -20
		fail=1
	fi
done <<'EOF2'
cat text nums
cat nonexistent text; cat dir
echo x | cat - partial
wc text; wc -c text; wc -l text nums; wc odd; wc -lwc < odd
wc nonexistent text; wc dir
echo hi there | wc; echo hi | wc -l
head nums; head -n 3 text; head -5 nums text; head -n 2 nonexistent nums
grep o text; grep -i HELLO text; grep -v o text; grep -c o text; grep -n o text
grep '^h' text; grep 'r$' text; grep 'o.b' text; grep 'o\.b' text; grep 'fo*x' text
grep '[hw]or' text; grep '[^a-z]' text; grep -F 'o.b' text; grep -l o text nums
grep -H end text; grep -q hello text; grep zzz text; grep o nonexistent
grep o text nonexistent; grep -c '^$' text; grep -in HEL text
ls; ls -a; ls -A; ls -1 dir; ls -F; ls -d dir; ls dir text; ls -R
ls nonexistent; ls nonexistent text; ls link; ls -d .
lsl; lsl -a; lsl dir; lsl link dangling old; lsl -d dir .; lsl /dev/null
echo plain; echo -n no-newline; echo; echo -e 'a\tb\x41\0101'; echo -e 'stop\cnot'
echo -E 'a\tb'; echo -nx; echo --; echo -ne 'x\n'
true; false; true extra args
mkdir new; mkdir new; mkdir -p a/b/c; mkdir -p a/b/c; mkdir x/y; ls -d a/b/c new
touch t1; touch -c t2; ls t1 t2; touch nodir/x
ln -s text sym; ln text hard; ln -s text sym; ln -sf nums sym; ls -l sym | wc -l
mv text moved; ls moved text; mv nonexistent z; mkdir d2; mv nums old d2; ls d2
cp text copy; cat copy; cp dir d3; cp -r dir d3; ls -R d3; cp text nums dir; ls dir
rm text; rm text; rm -f text; rm dir; rm -r dir; ls; rm -rf a nonexistent; ls
rm -r .; mkdir dd; rm -r dd/..; rm -rf dd/.
pwd | wc -l
uname; uname -s; uname -m
EOF2
rm -rf "$top"
exit $fail
