#!/usr/bin/env bash
# compare.sh DIR NAME...: run DIR/NAME.glibc (built with glibc) and
# DIR/NAME.mk (built with the minikernel library) natively, with stdout and
# stderr on one pipe, on one regular file, and (when script(1) is there) on
# a terminal, and require the same bytes and exit status every time.
set -u
dir=$1
shift
input="first line
second line, a little longer than the first
third"
fail=0

run() {
	local how=$1 prog=$2
	case $how in
	pipe)
		printf '%s\n' "$input" | "$prog" 2>&1 | cat
		echo "[exit ${PIPESTATUS[1]}]"
		;;
	file)
		printf '%s\n' "$input" >"$dir/input"
		"$prog" <"$dir/input" >"$dir/out" 2>&1
		local status=$?
		cat "$dir/out"
		echo "[exit $status]"
		;;
	tty)
		script -qec "$prog" /dev/null </dev/null
		echo "[exit $?]"
		;;
	esac
}

hows="pipe file"
if command -v script >/dev/null 2>&1; then
	hows="$hows tty"
fi

for name in "$@"; do
	for how in $hows; do
		run "$how" "$dir/$name.glibc" >"$dir/$name.$how.glibc.out"
		run "$how" "$dir/$name.mk" >"$dir/$name.$how.mk.out"
		if cmp -s "$dir/$name.$how.glibc.out" "$dir/$name.$how.mk.out"; then
			echo "check: $name ($how): same as glibc"
		else
			echo "check: $name ($how): DIFFERS from glibc:"
			diff -u "$dir/$name.$how.glibc.out" "$dir/$name.$how.mk.out" | head -40
			fail=1
		fi
	done
done
exit $fail
