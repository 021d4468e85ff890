"""Prints the classes whose live instances grew most between two `jcmd GC.class_histogram` outputs, per session.
Usage: python3 src/bench/histogram-diff.py before.txt after.txt sessions [top=25]"""
import re
import sys


def read(path):
    rows = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            rows[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return rows


before, after, sessions = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
top = int(sys.argv[4]) if len(sys.argv) > 4 else 25
growth = sorted(((after[k][1] - before.get(k, (0, 0))[1], after[k][0] - before.get(k, (0, 0))[0], k) for k in after),
                reverse=True)
total = sum(g[0] for g in growth)
print(f"total growth {total / sessions / 1024:.1f} KB per session")
for bytes_, count, name in growth[:top]:
    print(f"{bytes_ / sessions / 1024:8.1f} KB {count / sessions:8.1f} objects  {name}")
