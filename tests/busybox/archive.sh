# Archives and checksums: tar, gzip, cpio, cmp, sha256sum, find -exec, xargs -n.
mkdir -p tree/sub
for i in 1 2 3; do seq 1 $((i * 100)) > tree/sub/f$i; done
echo top > tree/top
tar -cf t.tar tree; tar -tf t.tar | sort
gzip -c t.tar > t.tar.gz; gzip -dc t.tar.gz | cmp - t.tar && echo "gzip round trip"
mkdir out; (cd out && tar -xzf ../t.tar.gz); diff -r tree out/tree && echo "tar round trip"
find tree -type f -exec wc -l {} \; | sort
find tree -type f | sort | xargs -n 2 echo pair:
cat tree/sub/f3 | sha256sum
find tree | sort | cpio -o -H newc 2>/dev/null | wc -c
rm -r tree out t.tar t.tar.gz
