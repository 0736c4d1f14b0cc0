# Pipelines, command substitution, redirections, loops, sort | uniq, xargs, here-documents.
set -e
for w in pear apple fig apple pear apple; do echo "$w"; done | sort | uniq -c | sort -rn
n=$(seq 1 100 | wc -l); echo "lines: $n"
echo "sum: $(seq 1 100 | awk '{ s += $1 } END { print s }')"
printf 'c\nb\na\n' > list.txt
sort < list.txt > sorted.txt
cat sorted.txt | tr 'a-z' 'A-Z' | xargs echo upper:
cat <<END | sed 's/world/busybox/'
hello world
END
echo "appended" >> sorted.txt; wc -l < sorted.txt
{ echo one; echo two; } 2>&1 | head -n 1
ls -1 | sort
i=0; while [ $i -lt 5 ]; do i=$((i + 1)); done; echo "i=$i"
case "$n" in 100) echo "case ok";; *) echo "case bad";; esac
rm list.txt sorted.txt
