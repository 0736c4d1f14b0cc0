# Quoting, variables and the expansions; compared with dash.
echo plain words   with   spaces
echo 'single $HOME' "double quotes" \$escaped "\$also" 'it''s' "a'b" 'a"b'
a=1 b="two  words" c=
echo $a "$b" $b "[$c]" [$c]
echo "${b}x" ${#b} ${#c} ${undefined-unset} ${a:+set} ${c:-empty} ${c-nullset} ${a+plus}
echo ${d:=assigned} $d ${c:=now} $c
v=/usr/lib/archive.tar.gz
echo ${v%.*} ${v%%.*} ${v#*/} ${v##*/} ${v%.[gx]z} ${v#/usr}
echo "${v##*/}" "${v%"/archive"*}"
set -- one "two three" four
echo $# "$1" "$2" $3 ${3}
for x in "$@"; do echo "<$x>"; done
for x in $@; do echo "($x)"; done
for x in $*; do echo "{$x}"; done
echo "$*" "[$@]"
set --
for x in "$@"; do echo "never $x"; done
echo "no params: [$*] $#"
set -- "  lead" "trail  "
for x in "$@"; do echo "[$x]"; done
IFS=:; set -- a b c; echo "$*"; unset IFS
IFS=:; p="x:y::z:"; for i in $p; do echo "[$i]"; done; unset IFS
p="  many   spaces here  "; for i in $p; do echo "[$i]"; done
empty=""; for i in $empty; do echo "never"; done; for i in "$empty"; do echo "[$i]"; done
echo $((1 + 2 * 3)) $(( (1+2) * 3 )) $((7 / 2)) $((7 % 3)) $((-7 / 2)) $((2 << 3)) $((0x1f)) $((010))
echo $((1 < 2)) $((2 <= 1)) $((3 == 3)) $((3 != 3)) $((1 && 0)) $((0 || 5)) $((!0)) $((~0))
n=5; echo $((n * 2)) $((n += 1)) $n $((n++ + 0)) 2>/dev/null; echo n=$n
x=3 y=4; echo $(( x * x + y * y )) $((x>y ? x : y))
echo "$(echo inner)" $(echo a   b) "$(echo a   b)"
echo `echo back` "`echo quoted back`"
echo $(echo $(echo nested $(echo deeply)))
out=$(echo "  trailing newlines


"); echo "[$out]"
echo ~ ~/sub | grep -c "^$HOME $HOME/sub$"
echo "~" '~' x~
h=$HOME; HOME=/somewhere; echo ~; HOME=$h
echo *.none "*" '*'
touch file1 file2 .hidden; echo file* f?le1 file[2-3] .h* "file*"; rm file1 file2 .hidden
mkdir -p g/a g/b; touch g/a/x g/b/y; echo g/*/* g/*/; rm -r g
echo a\ b "a\"b"; x='a\b' y=a\\b z="a\\b"; [ "$x" = "$y" ] && [ "$y" = "$z" ] && echo backslashes
echo "tab	here" 'and	here'
echo $HOME | grep -c /
unset a; echo "[${a}]"
echo "$$" | grep -c '^[0-9][0-9]*$'
echo ${#}
