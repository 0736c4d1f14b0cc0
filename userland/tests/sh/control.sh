# Lists, conditionals, loops, case, functions.
true && echo and-true; false && echo and-false
false || echo or-false; true || echo or-true
! false && echo not-false; ! true || echo not-true
true; echo "status $?"; false; echo "status $?"
if true; then echo if-true; fi
if false; then echo no; elif true; then echo elif; else echo else; fi
if false; then echo no; elif false; then echo no; else echo else; fi
if false; then echo no; fi; echo "if status $?"
i=0
while [ $i -lt 3 ]; do i=$((i+1)); echo "while $i"; done
until [ $i -eq 0 ]; do echo "until $i"; i=$((i-1)); done
for w in a b c d e; do
	if [ $w = b ]; then continue; fi
	if [ $w = d ]; then break; fi
	echo "for $w"
done
for a in 1 2 3; do for b in x y z; do
	if [ $b = y ]; then continue 2; fi
	if [ $a = 3 ]; then break 2; fi
	echo "$a$b"
done; done
for w in; do echo never; done; echo "empty for $?"
case hello in h*) echo "case h*";; *) echo other;; esac
case "x y" in "x y") echo "case quoted";; esac
case abc in a|b) echo no;; [a-c]bc) echo "case bracket";; esac
case "*" in \*) echo "case escaped star";; esac
case foo in bar) echo no;; esac; echo "case none $?"
case x in (x) echo "case paren";; esac
case y in
	x)
		echo no
		;;
	y)
		echo "case multiline"
		;;
esac
greet() {
	echo "greet $# $1"
	return 3
}
greet world extra; echo "greet returned $?"
outer() { inner() { echo "inner defined"; }; inner; echo "outer args $*"; }
outer a b
echo "after: $# params"
early() { for i in 1 2 3; do if [ $i = 2 ]; then return $i; fi; done; echo never; }
early; echo "early $?"
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }
fact 6
{ echo group1; echo group2; }
{ echo redirected; } > grp.txt; cat grp.txt; rm grp.txt
( echo subshell; exit 3 ); echo "subshell $?"
x=outer; ( x=inner; echo $x ); echo $x
x=1; { x=2; }; echo "group x=$x"
[ -d / ] && echo "dir test"; [ -f / ] || echo "not file"
[ "a" = "a" ] && [ 1 -lt 2 ] && [ -n "x" ] && [ -z "" ] && echo "tests"
test 3 -gt 2 -a 2 -gt 1 && echo "test -a"
[ ! -e /nonexistent ] && echo "not exists"
set -e; true; echo "set -e alive"; if false; then :; fi; false || true; echo "still alive"; set +e
eval 'echo eval $((6*7))'; cmd='echo "from var"'; eval "$cmd"
echo "$(for i in 1 2 3; do echo -n_ignored=$i; done | wc -l)"
: ; echo "colon $?"
