#!/usr/bin/python3
"""The kiosk under high contrast (libadwaita's, dark) and under large text
(Xft.dpi 144, 1.5×): start, hello, request and confirmation pages each
reached, every visible button and tile named and on the screen, and saved to
BUILD/screenshots/kiosk-PAGE-hc.png / kiosk-PAGE-large.png to look at."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_fixture as kf  # noqa: E402
import walkuptest as wt  # noqa: E402
from gi.repository import Atspi  # noqa: E402

tap = wt.TapReporter()
size = [int(v) for v in kf.subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True,
                                          text=True).stdout.split()]
CONTROLS = ("push button", "toggle button", "radio button", "check box", "link")


def controls(app):
    return [n for n in kf.walk_visible(app) if wt.role(n) in CONTROLS]


def sensitive(node):
    return node is not None and node.get_state_set().contains(Atspi.StateType.SENSITIVE)


def problems(app):
    """Visible controls without an accessible name or (partly) off the screen."""
    bad = []
    for node in controls(app):
        label = wt.name(node) or ""
        box = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        if box.width == 0 and box.height == 0:
            continue   # inside a closed revealer (the folded on-screen keyboard)
        if not label.strip():
            bad.append(f"unnamed {wt.role(node)} at {box.x},{box.y}")
        elif box.width <= 0 or box.height <= 0 or box.x < 0 or box.y < 0 \
                or box.x + box.width > size[0] or box.y + box.height > size[1]:
            bad.append(f"{label!r} at {box.x},{box.y} {box.width}×{box.height}")
    return bad


def page(app, variant, tag, wait, buttons):
    shown = kf.wait_text(app, contains=wait) is not None
    present = all(wt.wait_for(lambda b=b: kf.find_visible(app, text=b)) for b in buttons)
    time.sleep(0.4)
    bad = problems(app)
    wt.screenshot(os.path.join(kf.shots_dir(), f"kiosk-{tag}-{variant}.png"))
    tap.ok(shown and present and not bad and controls(app),
           f"{variant} {tag}: shown, every control named and on the screen",
           bad or kf.visible_text(app)[:30])


def run(tmp, variant, env):
    db = kf.make_db(tmp, name=f"{variant}.db")
    priya = kf.query(db, "SELECT badge_id FROM person WHERE email = 'priya.sharma@example.com'")[0][0]
    env = dict(env, **kf.write_settings(idle_timeout=120))
    proc = wt.start(["--kiosk", "--db", db], env=env)
    try:
        app = wt.find_app(pid=proc.pid)
        page(app, variant, "start", "Check in",
             ["Check in", "Collect a device", "Tell us how we did", "Deutsch"])
        kf.click(app, "Check in")
        kf.wait_text(app, contains="Scan your badge")
        kf.badge(priya)
        page(app, variant, "hello", "Hi Priya", ["Not you? Start over"])
        kf.click(app, contains="Something else")
        kf.click(app, "Accessories")
        wt.wait_for(lambda: sensitive(kf.find_visible(app, role_name="push button", text="Check in")))
        page(app, variant, "request", "What is it about?", ["Accessories"])   # one tile chosen
        kf.click(app, "Check in")
        page(app, variant, "confirm", "You’re checked in", ["Done"])
        kf.click(app, "Done")
    finally:
        wt.stop(proc)


with tempfile.TemporaryDirectory() as tmp:
    # libadwaita's own dark high contrast.  Not GTK_THEME=Adwaita:dark: that
    # swaps in GTK's built-in theme, which lacks libadwaita's named colours
    # (@accent_color, …), so no libadwaita application is styled right under it.
    run(tmp, "hc", {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark", "ADW_DEBUG_HIGH_CONTRAST": "1"})

    # large text: 1.5 × 96 dpi.  GTK 4 on X11 takes gtk-xft-dpi from the
    # display (settings.ini and GDK_DPI_SCALE do not apply); without an
    # XSETTINGS manager that is the Xft.dpi resource on the root window.
    kf.subprocess.run(["xprop", "-root", "-f", "RESOURCE_MANAGER", "8s", "-set",
                       "RESOURCE_MANAGER", "Xft.dpi:\t144\n"], check=True, timeout=30)
    try:
        run(tmp, "large", {})
    finally:
        kf.subprocess.run(["xprop", "-root", "-remove", "RESOURCE_MANAGER"], timeout=30)
tap.done()
