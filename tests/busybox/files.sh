# Files and directories: mkdir -p, cp, mv, ln -s, find, stat, chmod, test, dd, head/tail, cut, grep, diff.
mkdir -p d/e/f
echo "alpha beta gamma" > d/a.txt
cp d/a.txt d/e/b.txt; mv d/e/b.txt d/e/f/c.txt
ln -s a.txt d/link
find d | sort
readlink d/link; cat d/link
chmod 600 d/a.txt; stat -c '%a %s %F' d/a.txt d/e
[ -L d/link ] && echo "d/link is a symlink"
[ -d d/e/f ] && [ -f d/e/f/c.txt ] && echo "tests ok"
dd if=/dev/zero of=d/zero bs=512 count=8 2>/dev/null; wc -c < d/zero
seq 1 20 > d/n.txt; head -n 3 d/n.txt | tail -n 1; tail -n 2 d/n.txt
echo "a:b:c" | cut -d: -f2
grep -c 1 d/n.txt; grep -n '^2' d/n.txt
cp d/n.txt d/m.txt; echo 21 >> d/m.txt; diff d/n.txt d/m.txt; echo "diff status $?"
md5sum d/n.txt | cut -d' ' -f1
du -s d >/dev/null && echo "du ok"
rm -r d; [ -e d ] || echo "removed"
