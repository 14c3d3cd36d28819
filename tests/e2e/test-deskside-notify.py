#!/usr/bin/python3
"""Deskside notifications and the offline banner, end to end: the real
`walkup --deskside` on a demo database, dunst as the session's notification
daemon, AT-SPI to read the window.

A visitor waiting past the red threshold, a device collected for a ticket
of mine and a score of 1–2 on a visit I served each raise a notification
dunst really received; clicking a notification (dunst’s NotificationAction 0, the
default action) opens the ticket in the window.  A desk that cannot write
(another process holds the database's write lock past the busy timeout)
shows the offline banner with its text."""
import datetime
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402

import gi  # noqa: E402
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

tap = wt.TapReporter()
root = wt.build_root()
hub = os.path.join(root, "app", "walkup-hub")
helper = os.path.join(root, "tests", "e2e", "test-deskside-helper")
shots = os.path.join(root, "screenshots")
os.makedirs(shots, exist_ok=True)


def shot(name):
    time.sleep(0.4)
    wt.screenshot(os.path.join(shots, f"deskside-{name}.png"))


def xdotool(*args):
    return subprocess.run(["xdotool"] + [str(a) for a in args], capture_output=True,
                          text=True, timeout=30).stdout


def type_text(text):
    xdotool("type", "--delay", 15, text)


def press(combo):
    xdotool("key", combo)


def pointer_click(node):
    ext = node.get_component_iface().get_extents(Atspi.CoordType.SCREEN)
    xdotool("mousemove", "--sync", ext.x + ext.width // 2, ext.y + ext.height // 2, "click", 1)


def click(node):
    action = node.get_action_iface()
    n = action.get_n_actions() if action is not None else 0
    for i in range(n):
        if action.get_action_name(i) in ("click", "activate", "press"):
            return action.do_action(i)
    if n > 0:
        return action.do_action(0)
    return pointer_click(node)


def visible(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.VISIBLE)
    except Exception:
        return False


def walk_visible(node, depth=0):
    if depth > 0 and not visible(node):
        return
    yield node
    if depth >= 60:
        return
    for c in wt.children(node):
        yield from walk_visible(c, depth + 1)


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


def visible_text(app):
    return [t for t in (wt.text_of(n) for n in walk_visible(app)) if t]


def received(pred, timeout=15):
    """Waits until dunst has a notification matching PRED (summary, body)."""
    found = []

    def check():
        for summary, body in wt.dunst_history():
            if pred(summary, body):
                found.append((summary, body))
                return True
        return False
    wt.wait_for(check, timeout=timeout, interval=0.5)
    return found[0] if found else None


def banner(app):
    """The offline banner's label, if it is on screen.  GTK 4.8 reports no
    SHOWING state and keeps the last extents of a hidden revealer's child;
    the window clears the label's text once the banner is hidden."""
    node = find_visible(app, contains="Offline")
    if node is None:
        return None
    try:
        ext = node.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
    except Exception:
        return None
    return node if ext.width > 0 and ext.height > 0 else None


def sign_in(app, login, password):
    entry = wt.wait_for(lambda: find_visible(app, role_name="text", text="Email or username"), timeout=30)
    if entry is None:
        return False
    pointer_click(entry)
    time.sleep(0.3)
    press("ctrl+a")
    type_text(login)
    press("Return")
    time.sleep(0.3)
    type_text(password)
    press("Return")
    return True


def db_row(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


def db_exec(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        con.execute(sql, args)
        con.commit()
    finally:
        con.close()


def helper_run(*args):
    return subprocess.run([helper] + [str(a) for a in args], capture_output=True, text=True, timeout=60)


now_s = int(time.time())
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "lounge.db")
    r = subprocess.run([hub, "demo-data", "--db", db, "--seed", "7", "--now", now],
                       capture_output=True, text=True, timeout=120)
    if not tap.ok(r.returncode == 0, "a demo lounge database is made", r.stderr):
        tap.done()
    me = db_row(db, "SELECT id FROM person WHERE username = 'lukasz'")[0]

    # someone who has waited an hour: checked in by another process, then
    # dated back (the red threshold is 20 minutes).  Their check-in is the
    # database's first event, so the window's cursor starts at 1: the
    # collected device below is the very next event and must not be skipped.
    visitor = db_row(db, "SELECT p.email, p.display_name FROM person p"
                         " WHERE p.role = 'visitor' AND p.email IS NOT NULL AND p.id NOT IN"
                         " (SELECT person_id FROM visit WHERE person_id IS NOT NULL"
                         "  AND status IN ('waiting', 'called', 'in_service'))"
                         " ORDER BY p.id LIMIT 1")
    email, red_name = visitor
    r = helper_run("check-in", db, 1, email)
    tap.ok(r.returncode == 0, "another process checks a visitor in", r.stderr)
    red_visit = int(r.stdout.strip() or 0)
    db_exec(db, "UPDATE visit SET checked_in_at = ? WHERE id = ?", (now_s - 3600, red_visit))

    # a ready device for a ticket assigned to me, and a visit I served, not rated
    hw = db_row(db, "SELECT h.id, h.version, t.ref, COALESCE(p.display_name, '')"
                    " FROM hardware h JOIN ticket t ON t.id = h.ticket_id"
                    " LEFT JOIN person p ON p.id = t.requester_id"
                    " WHERE h.status = 'ready' AND t.assignee_id = ? ORDER BY h.id LIMIT 1", (me,))
    served = db_row(db, "SELECT v.id, t.ref FROM visit v JOIN ticket t ON t.id = v.ticket_id"
                        " WHERE v.engineer_id = ? AND v.status = 'done' AND NOT EXISTS"
                        " (SELECT 1 FROM survey s WHERE s.visit_id = v.id)"
                        " AND t.ref != ? ORDER BY v.finished_at DESC LIMIT 1", (me, hw[2] if hw else ""))
    tap.ok(hw is not None and served is not None,
           "the demo data has a ready device on my ticket and a visit I served, unrated", (hw, served))

    proc = wt.start(["--deskside", "--db", db])
    try:
        app = wt.find_app(pid=proc.pid, timeout=30)
        frame = app and wt.wait_for(lambda: wt.find(app, role_name="frame", text="Walkup Deskside"), timeout=30)
        tap.ok(frame is not None, "walkup --deskside opens its window")
        sign_in(app, "lukasz", "demo-engineer")
        queue = wt.wait_for(lambda: find_visible(app, role_name="list", text="Queue"), timeout=20)
        tap.ok(queue is not None, "signing in shows the queue")

        # ---- waiting past red -------------------------------------------------------
        got = received(lambda s, b: red_name in s and "has waited" in s)
        tap.ok(got is not None, f"a visitor waiting past red raises a notification dunst received: {got}",
               wt.dunst_history())
        shot("notify-red")

        # ---- a device collected for my ticket; its notification opens the ticket ----
        wt.dunst_close_all()
        if hw is not None:
            hw_id, hw_version, hw_ref, requester = hw
            r = helper_run("collect", db, hw_id, hw_version)
            tap.ok(r.returncode == 0, "another process (the kiosk) has the device collected", r.stderr)
            shown = wt.wait_for(lambda: wt.dunst_count("displayed") > 0, timeout=15)
            tap.ok(shown, "a notification is displayed")
            wt.dunst_action(0)          # the default action, as a click on it would
            opened = wt.wait_for(lambda: find_visible(app, contains=hw_ref), timeout=10)
            tap.ok(opened is not None, f"clicking it opens ticket {hw_ref} in the window",
                   "\n".join(visible_text(app)))
            shot("notify-collected-opened")
            got = received(lambda s, b: "collected their device" in s and hw_ref in b)
            tap.ok(got is not None and requester in got[0],
                   f"dunst received “{got and got[0]}” about {hw_ref}", wt.dunst_history())
        else:
            for _ in range(4):
                tap.ok(False, "no ready device on a ticket of mine in the demo data")

        # ---- a score of 1 on a visit I served -----------------------------------------
        wt.dunst_close_all()
        if served is not None:
            served_id, served_ref = served
            r = helper_run("survey", db, served_id, 1)
            tap.ok(r.returncode == 0, "another process (the kiosk) stores a score of 1", r.stderr)
            shown = wt.wait_for(lambda: wt.dunst_count("displayed") > 0, timeout=15)
            tap.ok(shown, "a notification is displayed")
            wt.dunst_action(0)
            opened = wt.wait_for(lambda: find_visible(app, contains=served_ref), timeout=10)
            tap.ok(opened is not None, f"clicking it opens the visit's ticket {served_ref}",
                   "\n".join(visible_text(app)))
            got = received(lambda s, b: "A visit you served was rated 1 of 5" in s)
            tap.ok(got is not None and "still does not start" in got[1],
                   f"dunst received “{got and got[0]}” with the comment", wt.dunst_history())
            shot("notify-low-score-opened")
        else:
            for _ in range(4):
                tap.ok(False, "no visit I served in the demo data")

        # ---- offline: another process holds the write lock past the busy timeout ----
        press("alt+1")
        pick = wt.wait_for(lambda: find_visible(app, text=f"Pick up {red_name}"), timeout=10)
        tap.ok(pick is not None, "the red visitor is in the queue with a Pick up button",
               "\n".join(visible_text(app)))
        lock = sqlite3.connect(db, isolation_level=None, timeout=30)
        try:
            lock.execute("BEGIN EXCLUSIVE")
            if pick is not None:
                click(pick)
            shown = wt.wait_for(lambda: banner(app), timeout=20)
            tap.ok(shown is not None and "cannot be reached" in wt.text_of(shown),
                   f"a desk that cannot write shows the offline banner: "
                   f"“{shown and wt.text_of(shown)}”", "\n".join(visible_text(app)))
            time.sleep(1)
            tap.ok(banner(app) is not None, "and it stays while the desk cannot write")
            shot("offline")
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        row = db_row(db, "SELECT status FROM visit WHERE id = ?", (red_visit,))
        tap.ok(row is not None and row[0] == "waiting", "nothing was written while offline", row)

        # back online: Retry, and the call that works hides the banner
        retry = find_visible(app, role_name="push button", text="Retry")
        tap.ok(retry is not None, "the banner offers Retry")
        if retry is not None:
            click(retry)
        gone = wt.wait_for(lambda: banner(app) is None, timeout=20)
        shot("online-again")
        tap.ok(gone, "once the desk answers again the banner goes away", "\n".join(visible_text(app)))
    finally:
        wt.stop(proc)
tap.done()
