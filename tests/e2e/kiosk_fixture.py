"""Shared set-up for the kiosk and board end-to-end tests: a demo lounge
database, the kiosk's settings, real key events and screenshots.

Run with the system Python inside tests/walkup-test-session --atspi.
"""
import datetime
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# A visitor of the seed-1 demo data with a locker item ready (see
# `walkup-hub demo-data --seed 1`), looked up from the database.


def hub_binary():
    return os.path.join(wt.build_root(), "app", "walkup-hub")


def make_db(tmp, name="lounge.db", hours="daily 00:00-24:00"):
    """A seed-1 demo database made now, its lounges open at HOURS."""
    path = os.path.join(tmp, name)
    subprocess.run([hub_binary(), "demo-data", "--db", path, "--seed", "1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=sys.stderr, timeout=120)
    con = sqlite3.connect(path)
    con.execute("UPDATE lounge SET opening_hours = ?", (hours,))
    con.commit()
    con.close()
    return path


def closed_hours(tz="Europe/Amsterdam"):
    """Opening hours that exclude today in the lounge's zone: another day only."""
    try:
        from zoneinfo import ZoneInfo
        today = datetime.datetime.now(ZoneInfo(tz)).weekday()
    except Exception:
        today = datetime.datetime.utcnow().weekday()
    return f"{DAYS[(today + 3) % 7]} 09:00-10:00"


def query(path, sql, args=()):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def write_settings(**keys):
    """The kiosk's GSettings, through the keyfile backend in the session's
    own XDG_CONFIG_HOME.  Returns the environment to start walkup with.

    The badge reader's key gap is widened from 50 to 300 ms: a loaded CI
    machine can delay xdotool's 5 ms burst past 50 ms, and people typing in
    these tests type slowly: 900 ms a key, which xdotool splits into 450 ms
    after the press and 450 ms after the release, both over 300 ms."""
    keys.setdefault("badge_max_gap_ms", 300)
    directory = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "keyfile"), "w") as f:
        f.write("[io/github/walkup/Walkup]\n")
        for key, value in keys.items():
            f.write(f"{key.replace('_', '-')}={value}\n")
    return {"GSETTINGS_BACKEND": "keyfile"}


def shots_dir():
    path = os.path.join(wt.build_root(), "screenshots")
    os.makedirs(path, exist_ok=True)
    return path


def screen_tag():
    """"landscape" or "portrait", from the Xvfb screen's size."""
    out = subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True,
                         text=True).stdout.split()
    if len(out) == 2 and int(out[1]) > int(out[0]):
        return "portrait"
    return "landscape"


def shot(name):
    time.sleep(0.4)   # let the stack's crossfade finish
    wt.screenshot(os.path.join(shots_dir(), f"kiosk-{name}-{screen_tag()}.png"))


def xdotool(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True, timeout=30)


def badge(number, delay_ms=5):
    """A badge reader: the digits and Enter as one fast burst of real key events."""
    xdotool("type", "--delay", delay_ms, number)
    xdotool("key", "Return")


def type_slowly(text, delay_ms=900):
    """A person typing on a physical keyboard (slower than any badge reader)."""
    xdotool("type", "--delay", delay_ms, text)


def key(name):
    xdotool("key", name)


def click(app, text=None, role_name="push button", contains=None, timeout=15):
    """Activates the widget named TEXT through AT-SPI's action interface, once
    it can be used: nobody can tap a button that is still insensitive, and a
    tap that enables it (a topic tile for "Check in") may reach the kiosk a
    little after the tap itself."""
    node = wt.wait_for(lambda: _enabled(find_visible(app, role_name=role_name, text=text,
                                                     contains=contains)), timeout=timeout)
    if node is None:
        raise LookupError(f"no {role_name} named {text or contains!r} in "
                          + repr([(wt.role(n), wt.text_of(n)) for n in walk_visible(app)
                                  if wt.text_of(n)]))
    action = node.get_action_iface()
    action.do_action(0)
    return node


def fill(app, text_name, text, role_name="text"):
    """Sets the text of the entry named TEXT_NAME (AT-SPI EditableText), as
    the on-screen keyboard would type it."""
    node = wt.wait_for(lambda: find_visible(app, role_name=role_name, text=text_name))
    if node is None:
        raise LookupError(f"no {role_name} named {text_name!r}")
    node.get_editable_text_iface().set_text_contents(text)
    return node


def _enabled(node):
    try:
        if node is not None and node.get_state_set().contains(wt.Atspi.StateType.SENSITIVE):
            return node
    except Exception:
        pass
    return None


def _visible(node):
    try:
        return node.get_state_set().contains(wt.Atspi.StateType.VISIBLE)
    except Exception:
        return False


def walk_visible(node, depth=0):
    """Like walkuptest.walk(), skipping hidden subtrees (the kiosk hides every
    page but the one on the screen)."""
    if depth > 0 and not _visible(node):
        return
    yield node
    if depth >= 60:
        return
    for c in wt.children(node):
        yield from walk_visible(c, depth + 1)


def visible_text(app):
    return [t for t in (wt.text_of(n) for n in walk_visible(app)) if t]


def find_visible(app, role_name=None, text=None, contains=None):
    for node in walk_visible(app):
        if role_name is not None and wt.role(node) != role_name:
            continue
        t = wt.text_of(node)
        if text is not None and t != text:
            continue
        if contains is not None and contains not in t:
            continue
        return node
    return None


def wait_text(app, text=None, contains=None, timeout=20):
    def found():
        for t in visible_text(app):
            if (text is not None and t == text) or (contains is not None and contains in t):
                return t
        return None
    return wt.wait_for(found, timeout=timeout)
