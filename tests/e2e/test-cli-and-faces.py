#!/usr/bin/python3
"""The real walkup binary: its command line, and each face it opens, seen
through AT-SPI."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402

tap = wt.TapReporter()


def run(args):
    return subprocess.run([wt.walkup_binary()] + args, capture_output=True, text=True,
                          timeout=30)


r = run(["--version"])
tap.ok(r.returncode == 0 and r.stdout.startswith("walkup "), "--version prints the version",
       r.stdout + r.stderr)
r = run(["--help"])
tap.ok(r.returncode == 0 and all(o in r.stdout for o in
                                 ("--kiosk", "--board", "--deskside", "--review", "--db")),
       "--help lists every face and --db", r.stdout)
r = run(["--kiosk", "--board"])
tap.ok(r.returncode == 2 and "Choose one of" in r.stderr,
       "two faces at once are refused with a clear message", r.stderr)

faces = [
    ("--kiosk", "Walkup Kiosk", "Welcome to the IT lounge"),
    ("--board", "Walkup Board", "Now serving"),
    ("--deskside", "Walkup Deskside", "Deskside"),
    ("--review", "Walkup Review", "Service review"),
]
shots = os.path.join(wt.build_root(), "screenshots")
os.makedirs(shots, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    for flag, title, heading in faces:
        proc = wt.start([flag, "--db", os.path.join(tmp, "lounge.db")])
        try:
            app = wt.find_app(pid=proc.pid)
            frame = app and wt.wait_for(lambda: wt.find(app, role_name="frame", text=title))
            tap.ok(frame is not None, f"{flag} opens “{title}”",
                   app and "\n".join(wt.all_text(app)))
            shown = app and wt.wait_for(lambda: wt.find(app, text=heading))
            tap.ok(shown is not None, f"{flag} shows its empty state “{heading}”")
            wt.screenshot(os.path.join(shots, f"empty-{flag[2:]}.png"))
        finally:
            wt.stop(proc)

    # --db made the lounge database, with its schema
    import sqlite3
    con = sqlite3.connect(os.path.join(tmp, "lounge.db"))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    tap.ok({"visit", "ticket", "person", "survey", "hardware", "event"} <= tables,
           "--db PATH creates the lounge database with its schema", sorted(tables))

    # a file that is not a Walkup database: a clear message, and it is left alone
    garbage = os.path.join(tmp, "not-a-db.db")
    with open(garbage, "wb") as f:
        f.write(b"this is not a database" * 100)
    proc = wt.start(["--kiosk", "--db", garbage])
    try:
        app = wt.find_app(pid=proc.pid)
        shown = app and wt.wait_for(
            lambda: wt.find(app, text="The Lounge Database Is Not Available"))
        detail = app and wt.find(app, contains="not-a-db.db")
        tap.ok(shown is not None and detail is not None,
               "an unreadable database gets a clear error naming the file",
               app and "\n".join(wt.all_text(app)))
        wt.screenshot(os.path.join(shots, "error-database.png"))
    finally:
        wt.stop(proc)
    with open(garbage, "rb") as f:
        tap.ok(f.read() == b"this is not a database" * 100, "and the file is left as it was")

    # the user's language is followed
    proc = wt.start(["--deskside"], env={"LANGUAGE": "de"})
    try:
        app = wt.find_app(pid=proc.pid)
        shown = app and wt.wait_for(lambda: wt.find(app, contains="Warteschlange"))
        tap.ok(shown is not None, "with LANGUAGE=de the deskside empty state is German",
               app and "\n".join(wt.all_text(app)))
    finally:
        wt.stop(proc)
tap.done()
