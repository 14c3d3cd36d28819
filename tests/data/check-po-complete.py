#!/usr/bin/python3
"""Every language in LINGUAS translates every string the sources have now:
extract a fresh template from POTFILES.in and compare each .po with it
(untranslated and fuzzy entries count as missing)."""
import os
import subprocess
import sys
import tempfile

po_dir = sys.argv[1]
root = os.path.dirname(po_dir)
with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
    langs = [l.strip() for l in f if l.strip() and not l.startswith("#")]

n = 0
failed = 0


def ok(cond, name, diag=""):
    global n, failed
    n += 1
    print(f"{'ok' if cond else 'not ok'} {n} - {name}")
    if not cond:
        failed += 1
        for line in diag.splitlines()[:40]:
            print(f"# {line}")


with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "fresh.pot")
    xgettext = subprocess.run(
        ["xgettext", "--from-code=UTF-8", "--directory", root,
         "--files-from", os.path.join(po_dir, "POTFILES.in"),
         "--output", pot, "--package-name=walkup",
         "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
         "--keyword=g_dngettext:2,3", "--add-comments=Translators"],
        capture_output=True, text=True)
    ok(xgettext.returncode == 0 and os.path.exists(pot),
       "xgettext extracts the strings from POTFILES.in", xgettext.stderr)
    for lang in langs:
        po = os.path.join(po_dir, lang + ".po")
        ok(os.path.exists(po), f"{lang}.po exists")
        if not os.path.exists(po):
            continue
        cmp = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
        ok(cmp.returncode == 0, f"{lang}.po translates every current string", cmp.stderr)
        fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", po],
                               capture_output=True, text=True)
        ok(fuzzy.returncode == 0 and "msgid" not in fuzzy.stdout.replace('msgid ""\nmsgstr ""', "", 1),
           f"{lang}.po has no fuzzy entries", fuzzy.stdout)
print(f"1..{n}")
sys.exit(1 if failed else 0)
