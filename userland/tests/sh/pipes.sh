# Pipelines, redirections, here-documents, processes and statuses.
echo one two three | wc -w
echo abc | cat | cat | wc -c
false | true; echo "pipe $?"
true | false; echo "pipe $?"
! true | false; echo "negated pipe $?"
echo hello > out.txt; cat out.txt
echo again >> out.txt; cat out.txt; wc -l < out.txt
echo replaced >| out.txt; cat out.txt
< out.txt cat
cat < out.txt > copy.txt; cat copy.txt
echo to-stderr 1>&2 2>/dev/null
(echo to-stderr >&2) 2>&1 | wc -l
echo both 2>&1 | cat
ls /nonexistent 2>/dev/null; echo "ls status $?"
ls /nonexistent 2>&1 >/dev/null | wc -l
exec 3> fd3.txt; echo via-three >&3; exec 3>&-; cat fd3.txt
exec 4< out.txt; read line <&4; echo "read [$line]"; exec 4<&-
echo "x" 5>five.txt >&5; cat five.txt
{ echo a; echo b >&2; } 2>/dev/null
v=value; cat <<EOF2
here-doc $v | not a pipe
  indented $(echo subst) $((1+1))
EOF2
cat <<'EOF2'
quoted $HOME $(echo no) \n
EOF2
cat <<-EOF2
	tab stripped
		two tabs
	EOF2
cat <<EOF2 | wc -l
a
b
c
EOF2
x=$(cat <<EOF2
inside subst
EOF2
); echo "[$x]"
while read a b; do echo "a=$a b=$b"; done <<EOF2
1 2 3
4 5
6
EOF2
read v1 v2 <<EOF2
  first   second third
EOF2
echo "[$v1] [$v2]"
read -r raw <<'EOF2'
a\b c
EOF2
[ "$raw" = 'a\b c' ] && echo read-raw
read cooked <<'EOF2'
a\b c\
 continued
EOF2
[ "$cooked" = 'ab c continued' ] && echo read-cooked
nonexistent_command_xyz 2>/dev/null; echo "not found $?"
/nonexistent/path 2>/dev/null; echo "no path $?"
./ 2>/dev/null; echo "directory $?"
touch noexec; ./noexec 2>/dev/null; echo "not executable $?"; rm noexec
cat < /nonexistent 2>/dev/null; echo "redirect failed $?"
(exit 7); echo "exit 7 -> $?"
sh -c 'exit 300'; echo "exit 300 -> $?"
sh -c 'kill -9 $$' 2>/dev/null; echo "killed $?"
sh -c 'kill -TERM $$' 2>/dev/null | cat; echo "killed in pipe $?"
sleep 0.1 & pid=$!; wait $pid; echo "wait $?"
(exit 4) & wait $!; echo "wait status $?"
sleep 0.1 & sleep 0.1 & wait; echo "wait all $?"
x=$(exit 5); echo "subst status $?"
y=1 sh -c 'echo "env y=$y"'; echo "y after [$y]"
export EXPORTED=yes; sh -c 'echo "child sees $EXPORTED"'
NOTEXPORTED=no; sh -c 'echo "child sees [$NOTEXPORTED]"'
cd /; pwd; cd - > /dev/null; pwd | grep -c tmp
cd; pwd | grep -c "$HOME"
echo "$(pwd)" | wc -l
rm -f out.txt copy.txt fd3.txt five.txt
echo end
exit 3
