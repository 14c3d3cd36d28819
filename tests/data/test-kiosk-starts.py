#!/usr/bin/python3
"""walkup --kiosk starts under Xvfb and its window is seen through AT-SPI."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402

tap = wt.TapReporter()
with tempfile.TemporaryDirectory() as tmp:
    proc = wt.start(["--kiosk", "--db", os.path.join(tmp, "lounge.db")])
    try:
        app = wt.find_app(pid=proc.pid)
        tap.ok(app is not None, "walkup registers with the accessibility bus")
        if app is not None:
            frame = wt.wait_for(lambda: wt.find(app, role_name="frame"))
            tap.ok(frame is not None and wt.name(frame) == "Walkup Kiosk",
                   "a window titled “Walkup Kiosk” is shown",
                   frame and wt.name(frame))
            heading = wt.wait_for(lambda: wt.find(app, text="Welcome to the IT lounge"))
            tap.ok(heading is not None, "the kiosk greets the lounge",
                   "\n".join(wt.all_text(app)))
        tap.ok(proc.poll() is None, "walkup is still running")
    finally:
        code = wt.stop(proc)
    tap.ok(code == 0, "walkup quits cleanly (status 0) on SIGTERM", f"exit status {code}")
tap.done()
