#!/usr/bin/python3
"""Collecting a device and giving feedback at the real walkup --kiosk: a badge
→ collect → typed name and a finger signature (real pointer events) → the
hardware is collected with its acknowledgement; a low score with tags and a
comment → the survey is stored; one tap alone is a response too."""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_fixture as kf  # noqa: E402
import walkuptest as wt  # noqa: E402
from gi.repository import Atspi  # noqa: E402

tap = wt.TapReporter()


def sign(app):
    """Draws a signature on the pad with real pointer events."""
    pad = wt.wait_for(lambda: kf.find_visible(app, text="Sign here with your finger"))
    # no window manager under Xvfb: the window sits at 0,0
    box = Atspi.Component.get_extents(pad, Atspi.CoordType.WINDOW)
    x0, y0 = box.x + box.width // 5, box.y + box.height // 2
    kf.xdotool("mousemove", x0, y0)
    kf.xdotool("mousedown", 1)
    for i in range(1, 25):
        kf.xdotool("mousemove", x0 + i * box.width // 40, y0 + (20 if i % 2 else -20))
    kf.xdotool("mouseup", 1)
    return box


with tempfile.TemporaryDirectory() as tmp:
    db = kf.make_db(tmp)
    item = kf.query(db, "SELECT h.id, p.badge_id, h.description, h.asset_tag, p.id"
                        " FROM hardware h JOIN person p ON p.id = h.person_id"
                        " WHERE h.status = 'ready' AND p.email = 'priya.sharma@example.com'")[0]
    proc = wt.start(["--kiosk", "--db", db], env=kf.write_settings())
    try:
        app = wt.find_app(pid=proc.pid)
        kf.wait_text(app, text="Collect a device")

        # collect with a signature
        kf.click(app, "Collect a device")
        tap.ok(kf.wait_text(app, text="Scan your badge") is not None,
               "collecting starts by asking for the badge")
        tap.ok(kf.find_visible(app, text="Continue without a badge or account") is None,
               "there is no guest way to collect a device")
        kf.badge(item[1])
        tap.ok(kf.wait_text(app, text=f"Collect your {item[2]}") is not None,
               "her one ready item is shown to collect", kf.visible_text(app))
        tap.ok(kf.wait_text(app, text=item[3]) is not None, "with its asset tag")
        tap.ok(kf.wait_text(app, contains="In locker") is not None, "and where it is")
        confirm = kf.find_visible(app, text="Confirm collection")
        tap.ok(confirm is not None and not confirm.get_state_set().contains(Atspi.StateType.SENSITIVE),
               "confirming needs a name and a signature first")
        kf.fill(app, "Your full name", "Priya Sharma")
        box = sign(app)
        time.sleep(0.3)
        tap.ok(confirm.get_state_set().contains(Atspi.StateType.SENSITIVE),
               "with a name and a signature it can be confirmed", (box.x, box.y, box.width, box.height))
        kf.shot("collect")
        kf.click(app, "Confirm collection")
        tap.ok(kf.wait_text(app, text="It’s all yours") is not None, "the handover is confirmed",
               kf.visible_text(app))
        kf.shot("collected")
        row = kf.query(db, "SELECT status, ack_name, ack_signature, collected_at FROM hardware"
                           " WHERE id = ?", (item[0],))[0]
        strokes = json.loads(row[2]) if row[2] else []
        tap.ok(row[0] == "collected" and row[1] == "Priya Sharma" and row[3] is not None,
               "the hardware is collected with the typed name", row[:2])
        tap.ok(isinstance(strokes, list) and len(strokes) >= 1 and len(strokes[0]) >= 9,
               "and the signature strokes are stored", row[2])
        kf.click(app, "Done")

        # a low score with tags and a comment
        kf.click(app, "Tell us how we did")
        tap.ok(kf.wait_text(app, text="How did we do?") is not None, "feedback starts with faces")
        kf.shot("feedback")
        kf.click(app, "Unhappy")
        tap.ok(kf.wait_text(app, text="Thanks! Is it fixed?") is not None,
               "one tap answers; then “Is it fixed?”", kf.visible_text(app))
        kf.shot("feedback-fixed")
        kf.click(app, "No")
        tap.ok(kf.wait_text(app, contains="What went wrong?") is not None,
               "a low score asks what went wrong")
        kf.click(app, "It took too long")
        kf.click(app, "Too complicated")
        kf.fill(app, "Comment", "Waited 40 minutes for a password reset")
        kf.shot("feedback-details")
        kf.click(app, "Send")
        tap.ok(kf.wait_text(app, text="Thank you!") is not None, "and thanks", kf.visible_text(app))
        kf.shot("thanks")
        time.sleep(0.5)
        rows = kf.query(db, "SELECT score, resolved, tags, comment, anonymous, person_id, language,"
                            " contact_consent FROM survey ORDER BY id DESC LIMIT 1")
        tap.ok(rows and rows[0][0] <= 2 and rows[0][1] == "no"
               and set(rows[0][2].split(",")) == {"speed", "process"}
               and rows[0][3] == "Waited 40 minutes for a password reset" and rows[0][4] == 1
               and rows[0][5] is None and rows[0][7] == 0,
               "the survey is stored: score, not fixed, tags, comment, anonymous", rows)
        kf.click(app, "Done")

        # one tap alone is a response: walking away still sends it
        before = kf.query(db, "SELECT count(*) FROM survey")[0][0]
        kf.click(app, "Tell us how we did")
        kf.click(app, "Very happy")
        kf.wait_text(app, text="Thanks! Is it fixed?")
        kf.click(app, "Finish")
        time.sleep(0.5)
        rows = kf.query(db, "SELECT score, resolved FROM survey ORDER BY id DESC LIMIT 1")
        after = kf.query(db, "SELECT count(*) FROM survey")[0][0]
        tap.ok(after == before + 1 and rows[0] == (5, "unknown"),
               "a single tap is stored even when the person leaves", (before, after, rows))
        tap.ok(kf.wait_text(app, text="Check in") is not None or
               kf.wait_text(app, text="Thank you!") is not None, "and the kiosk moves on")
    finally:
        code = wt.stop(proc)
    tap.ok(code == 0, "the kiosk quits cleanly on SIGTERM", f"exit status {code}")
tap.done()
