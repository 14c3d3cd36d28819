#!/usr/bin/python3
"""Every kiosk page on the screen it runs on (registered for 1280×800
landscape and 1080×1920 portrait): each is reached, checked to fit (its
main buttons are on the screen) and saved to BUILD/screenshots/ to look at."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_fixture as kf  # noqa: E402
import walkuptest as wt  # noqa: E402
from gi.repository import Atspi  # noqa: E402

tap = wt.TapReporter()
size = [int(v) for v in kf.subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True,
                                          text=True).stdout.split()]


def on_screen(app, name, **kw):
    """Whether the control called NAME is laid out within the screen, as
    soon as it is (a page that was just shown may not be laid out yet)."""
    def fits():
        node = kf.find_visible(app, text=name, **kw)
        if node is None:
            return False
        box = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        return (box.width >= 64 or box.height >= 64) and box.x >= 0 and box.y >= 0 \
            and box.x + box.width <= size[0] and box.y + box.height <= size[1]
    return bool(wt.wait_for(fits, timeout=10))


def page(app, tag, wait, buttons):
    shown = kf.wait_text(app, contains=wait) is not None
    fits = all(on_screen(app, b) for b in buttons)
    kf.shot(tag)
    tap.ok(shown and fits, f"{tag}: shown, {', '.join(buttons) or 'content'} on the screen",
           kf.visible_text(app)[:30])


with tempfile.TemporaryDirectory() as tmp:
    db = kf.make_db(tmp)
    priya = kf.query(db, "SELECT badge_id FROM person WHERE email = 'priya.sharma@example.com'")[0][0]
    # a long idle timeout while the pages are checked (reading the widget tree
    # through AT-SPI is slow on a loaded machine), a short one, set live,
    # for the "Still there?" page
    proc = wt.start(["--kiosk", "--db", db], env=kf.write_settings(idle_timeout=300,
                                                                    still_there_timeout=10))
    try:
        app = wt.find_app(pid=proc.pid)
        page(app, "start", "Check in", ["Check in", "Collect a device", "Tell us how we did", "Deutsch"])
        kf.click(app, "Check in")
        page(app, "identify", "Scan your badge", ["Continue", "Continue without a badge or account"])
        kf.badge(priya)
        page(app, "hello-badge", "Hi Priya", ["Not you? Start over"])
        kf.click(app, contains="Something else")
        page(app, "request", "What is it about?", ["Check in", "Accessories"])
        kf.click(app, "Accessories")
        kf.click(app, "Check in")
        page(app, "confirm", "You’re checked in", ["Done"])
        kf.click(app, "Done")
        kf.wait_text(app, text="Check in")

        kf.click(app, "Check in")
        kf.fill(app, "Work email address", "priya.sharma@example.com")
        kf.click(app, "Continue")
        page(app, "hello-typed", "Hi Priya", ["Not you? Start over"])
        kf.click(app, "Not you? Start over")
        kf.wait_text(app, text="Check in")

        kf.click(app, "Check in")
        kf.click(app, "Continue without a badge or account")
        page(app, "guest", "What is your name?", ["Continue"])
        kf.click(app, "Back")
        kf.wait_text(app, text="Scan your badge")
        kf.click(app, "Back")
        kf.wait_text(app, text="Collect a device")

        kf.click(app, "Collect a device")
        kf.wait_text(app, text="Scan your badge")
        kf.badge(priya)
        page(app, "collect", "Collect your", ["Confirm collection", "Clear signature"])
        kf.click(app, "Back")
        kf.wait_text(app, text="Tell us how we did")
        kf.click(app, "Tell us how we did")
        page(app, "feedback", "How did we do?", ["Very unhappy", "Very happy"])
        kf.click(app, "Unhappy")
        page(app, "feedback-fixed", "Is it fixed?", ["Yes", "No"])
        kf.click(app, "No")
        page(app, "feedback-details", "What went wrong?", ["Send"])
        kf.click(app, "Send")
        page(app, "thanks", "Thank you!", ["Done"])
        kf.click(app, "Done")

        kf.write_settings(idle_timeout=5, still_there_timeout=10)
        kf.click(app, "Check in")
        kf.wait_text(app, text="Still there?", timeout=30)
        page(app, "still-there", "Still there?", ["I’m still here", "Start over"])
        kf.click(app, "Start over")
        kf.click(app, "Français")
        page(app, "start-fr", "Français", ["Français"])
    finally:
        code = wt.stop(proc)

    db2 = kf.make_db(tmp, name="closed.db", hours=kf.closed_hours())
    proc = wt.start(["--kiosk", "--db", db2], env=kf.write_settings())
    try:
        app = wt.find_app(pid=proc.pid)
        page(app, "closed", "The lounge is closed", ["Collect a device", "Tell us how we did"])
    finally:
        code = wt.stop(proc)
tap.done()
