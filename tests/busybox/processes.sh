# Background jobs and wait, exit statuses, subshells, exec of applets through /proc/self/exe.
(exit 3); echo "subshell status $?"
false || echo "false failed"
sh -c 'exit 7'; echo "sh -c status $?"
sleep 0 & p1=$!
(echo from-background > bg.txt) & p2=$!
wait $p1; echo "waited sleep: $?"
wait $p2; echo "waited subshell: $?"; cat bg.txt; rm bg.txt
for i in 1 2 3; do (echo "job $i" > job$i.txt) & done; wait
cat job1.txt job2.txt job3.txt; rm job1.txt job2.txt job3.txt
trap 'echo trapped USR1' USR1; kill -USR1 $$; echo "after trap"
sh -c 'kill -TERM $$'; echo "killed by TERM: $?"
echo "pid is a number: $(expr "$$" : '[0-9]*$' != 0)"
env -i FOO=bar sh -c 'echo "FOO=$FOO"'
echo "abc" | md5sum
sleep 1 & jobs; wait; echo "jobs done"
