# Text tools: awk, sed, sort keys, tee, tr, od, base64, printf, cut, paste, nl, rev, wc.
printf 'carol 35\nalice 30\nbob 25\n' > people.txt
sort -k2 -n people.txt
awk '{ total += $2 } END { printf "total %d, mean %.1f\n", total, total / NR }' people.txt
sed -n '2p' people.txt; sed 's/\([a-z]*\) \([0-9]*\)/\2=\1/' people.txt
cut -d' ' -f1 people.txt | paste -s -d, -
nl -ba people.txt | tee numbered.txt | wc -l
echo "minikernel" | rev
echo "hello" | od -An -c
printf 'binary\001\002\n' | base64; echo "aGVsbG8K" | base64 -d
printf '%5s|%-5s|%03d\n' ab cd 7
echo "a b c" | tr ' ' '\n' | tac
yes x | head -n 3 | tr -d '\n'; echo
grep -E '^(alice|bob)' people.txt | sort -r
rm people.txt numbered.txt
