#!/usr/bin/python3
"""POTFILES.in lists exactly the files that hold translatable strings, and
every file it lists exists."""
import os
import re
import sys

root = sys.argv[1]
potfiles = os.path.join(root, "po", "POTFILES.in")
listed = []
with open(potfiles, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)

c_marks = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"')
ui_marks = re.compile(r'translatable="yes"')
need = set()
for top in ("app", "ui", "data"):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for name in files:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            if name.endswith((".c", ".h")) and c_marks.search(text):
                need.add(rel)
            elif name.endswith(".ui") and ui_marks.search(text):
                need.add(rel)
            elif name.endswith((".desktop.in.in", ".metainfo.xml.in.in", ".gschema.xml")):
                need.add(rel)

failed = 0
n = 0
for rel in sorted(need):
    n += 1
    if rel in listed:
        print(f"ok {n} - {rel} is in POTFILES.in")
    else:
        failed += 1
        print(f"not ok {n} - {rel} has translatable strings but is missing from POTFILES.in")
for rel in listed:
    n += 1
    if os.path.exists(os.path.join(root, rel)) and rel in need:
        print(f"ok {n} - {rel} (listed) exists and has strings")
    else:
        failed += 1
        print(f"not ok {n} - POTFILES.in lists {rel}, which does not exist or has no translatable strings")
print(f"1..{n}")
sys.exit(1 if failed else 0)
