#!/usr/bin/env bash
# sh_compare.sh SH BIN: run each script of tests/sh/ with dash and with
# SH (this userland's shell), in a fresh directory, with BIN (the
# userland's programs) first in PATH, and require the same standard
# output and exit status.  Each script runs three ways: as a file
# argument, from standard input, and as -c's argument.  Error messages
# (standard error) differ on purpose: dash writes "dash: LINE: ...", this
# shell "sh: ...".
set -u
sh=$(realpath "$1")
bin=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
fail=0

if ! command -v dash >/dev/null 2>&1; then
	echo "check: shell: skipped: dash is not installed (apt-get install dash)"
	exit 0
fi

run() {
	local how=$1 shell=$2 script=$3 dir
	dir=$(mktemp -d /tmp/sh_compare.XXXXXX)
	(
		cd "$dir" || exit 1
		export HOME=$dir PATH="$bin:$PATH" LC_ALL=C TZ=UTC
		case $how in
		file) "$shell" "$script" ;;
		stdin) "$shell" < "$script" ;;
		string) "$shell" -c "$(cat "$script")" ;;
		esac
		echo "[exit $?]"
	) 2>/dev/null
	rm -rf "$dir"
}

for script in "$here"/sh/*.sh; do
	name=$(basename "$script" .sh)
	for how in file stdin string; do
		expected=$(run $how dash "$script")
		actual=$(run $how "$sh" "$script")
		if [ "$expected" == "$actual" ]; then
			echo "check: shell $name ($how): same as dash"
		else
			echo "check: shell $name ($how): DIFFERS from dash:"
			diff -u <(echo "$expected") <(echo "$actual") | head -40
			fail=1
		fi
	done
done
exit $fail
