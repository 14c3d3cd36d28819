#!/usr/bin/python3
"""The Flatpak manifest parses, and every dependency meson asks for is either
shipped by the runtime (as the manifest declares) or built as a module."""
import json
import os
import re
import sys

root = sys.argv[1]
n = 0
failed = 0


def ok(cond, name, diag=""):
    global n, failed
    n += 1
    print(f"{'ok' if cond else 'not ok'} {n} - {name}")
    if not cond:
        failed += 1
        if diag:
            print(f"# {diag}")


path = os.path.join(root, "flatpak", "io.github.walkup.Walkup.json")
try:
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    parsed = True
except (OSError, ValueError) as e:
    manifest, parsed = {}, False
    ok(False, "the manifest parses as JSON", e)
if parsed:
    ok(True, "the manifest parses as JSON")

ok(manifest.get("id") == "io.github.walkup.Walkup", "the app id is io.github.walkup.Walkup")
ok(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
   "it builds on the GNOME runtime")
ok(int(manifest.get("runtime-version", "0")) >= 45, "on a current GNOME runtime",
   manifest.get("runtime-version"))
ok(manifest.get("command") == "walkup", "it runs walkup")

args = set(manifest.get("finish-args", []))
expected = {"--share=network", "--share=ipc", "--socket=fallback-x11", "--socket=wayland",
            "--device=dri", "--talk-name=org.freedesktop.Notifications"}
ok(args == expected, "finish-args are exactly network, display, dri and notifications",
   sorted(args ^ expected))
ok(not any(a.startswith("--filesystem=host") or a == "--socket=session-bus"
           or a.startswith("--filesystem=home") for a in args),
   "no host filesystem or whole session bus")

modules = manifest.get("modules", [])
names = {m.get("name") for m in modules if isinstance(m, dict)}
ok(bool(modules) and modules[-1].get("name") == "walkup", "walkup is the last module")

with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
    meson = f.read()
deps = set(re.findall(r"dependency\(\s*'([^']+)'", meson))
provided = set(manifest.get("x-runtime-provides", {}).get("names", []))
ok(len(deps) >= 8, "meson.build's dependencies were found", sorted(deps))
for dep in sorted(deps):
    ok(dep in provided or dep in names,
       f"meson dependency {dep} comes from the runtime or a module")
print(f"1..{n}")
sys.exit(1 if failed else 0)
