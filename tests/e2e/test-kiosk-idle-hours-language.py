#!/usr/bin/python3
"""Idle, opening hours and language at the real walkup --kiosk: after the
idle timeout "Still there?" and then a reset that leaves nothing of the
last person in the widget tree; outside opening hours the closed page with
the urgent-help number (collection and feedback still work); German from
the start screen, back to the default language on idle."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_fixture as kf  # noqa: E402
import walkuptest as wt  # noqa: E402

tap = wt.TapReporter()

with tempfile.TemporaryDirectory() as tmp:
    # ---- idle wipe and language -------------------------------------------------
    db = kf.make_db(tmp)
    priya = kf.query(db, "SELECT badge_id, id FROM person WHERE email = 'priya.sharma@example.com'")[0]
    subjects = [r[0] for r in kf.query(db, "SELECT subject FROM ticket WHERE requester_id = ?",
                                       (priya[1],))]
    env = kf.write_settings(idle_timeout=10, still_there_timeout=5)
    proc = wt.start(["--kiosk", "--db", db], env=env)
    try:
        app = wt.find_app(pid=proc.pid)
        kf.wait_text(app, text="Check in")
        kf.badge(priya[0])
        tap.ok(kf.wait_text(app, text="Hi Priya") is not None, "Priya is greeted")
        started = time.monotonic()
        still = kf.wait_text(app, text="Still there?", timeout=20)
        waited = time.monotonic() - started
        tap.ok(still is not None and waited >= 8, "after the idle timeout: “Still there?”",
               f"after {waited:.1f} s")
        kf.shot("still-there")
        kf.click(app, "I’m still here")
        tap.ok(kf.wait_text(app, text="Hi Priya") is not None, "“I’m still here” goes back to her page")
        still = kf.wait_text(app, text="Still there?", timeout=20)
        tap.ok(still is not None, "asked again after another idle timeout")
        start = kf.wait_text(app, text="Check in", timeout=15)
        tap.ok(start is not None, "no answer: back to the start screen")
        texts = wt.all_text(app)
        leaked = [t for t in texts if "Priya" in t or "Sharma" in t or any(s in t for s in subjects)
                  or "AMS-" in t]
        tap.ok(not leaked, "nothing of Priya — name, ticket subjects, asset tag — is left in the tree",
               leaked)

        # German, live, and back to the default on idle
        kf.click(app, "Deutsch")
        frame = wt.wait_for(lambda: wt.find(app, role_name="frame", text="Walkup-Kiosk"))
        tap.ok(frame is not None, "Deutsch switches the interface live", wt.all_text(app)[:10])
        kf.badge(priya[0])
        kf.wait_text(app, contains="Priya")
        kf.click(app, contains="Etwas anderes")
        tap.ok(kf.wait_text(app, text="Laptop oder Desktop-PC") is not None,
               "the journey continues in German", kf.visible_text(app)[:20])
        kf.shot("request-de")
        english = wt.wait_for(lambda: wt.find(app, role_name="frame", text="Walkup Kiosk"), timeout=25)
        tap.ok(english is not None, "idle resets to the default language")
        tap.ok(kf.wait_text(app, text="Check in") is not None, "and to the start screen")
    finally:
        code = wt.stop(proc)
    tap.ok(code == 0, "the kiosk quits cleanly", f"exit status {code}")

    # ---- closed ------------------------------------------------------------------------
    db2 = kf.make_db(tmp, name="closed.db", hours=kf.closed_hours())
    phone = kf.query(db2, "SELECT phone FROM lounge WHERE id = 1")[0][0]
    proc = wt.start(["--kiosk", "--db", db2], env=kf.write_settings())
    try:
        app = wt.find_app(pid=proc.pid)
        closed = kf.wait_text(app, text="The lounge is closed")
        tap.ok(closed is not None, "outside opening hours the closed page is shown",
               app and kf.visible_text(app))
        tap.ok(kf.wait_text(app, contains=phone) is not None, "with the urgent-help number")
        tap.ok(kf.find_visible(app, text="Check in") is None, "and no check-in")
        kf.shot("closed")
        kf.click(app, "Tell us how we did")
        tap.ok(kf.wait_text(app, text="How did we do?") is not None, "feedback still works")
        kf.click(app, "Finish")
        tap.ok(kf.wait_text(app, text="The lounge is closed") is not None, "and leads back")
        kf.click(app, "Collect a device")
        tap.ok(kf.wait_text(app, text="Scan your badge") is not None, "collection still works")
    finally:
        code = wt.stop(proc)
    tap.ok(code == 0, "the kiosk quits cleanly", f"exit status {code}")
tap.done()
