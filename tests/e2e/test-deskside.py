#!/usr/bin/python3
"""Deskside end to end: the real `walkup --deskside` on a demo database,
driven through AT-SPI and real key events, with dunst as the session's
notification daemon.

Sign in; a check-in written by another process appears live and raises a
notification dunst received; pick up; finish as fixed at first contact; the
database says so.  Two deskside processes race for one visitor: exactly one
wins, the other says who took the visitor.  Screenshots of each view."""
import datetime
import os
import re
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
    time.sleep(0.4)   # let the last frame land
    wt.screenshot(os.path.join(shots, f"deskside-{name}.png"))


def xdotool(*args):
    return subprocess.run(["xdotool"] + [str(a) for a in args], capture_output=True,
                          text=True, timeout=30).stdout


def type_text(text):
    """Real key events (XTest), as a person typing."""
    xdotool("type", "--delay", 15, text)


def press(combo):
    """A real key press, e.g. "ctrl+e", "alt+2", "Return"."""
    xdotool("key", combo)


def pointer_click(node):
    """A real mouse click in the middle of NODE."""
    ext = node.get_component_iface().get_extents(Atspi.CoordType.SCREEN)
    xdotool("mousemove", "--sync", ext.x + ext.width // 2, ext.y + ext.height // 2, "click", 1)


def windows():
    return set(xdotool("search", "--name", "Walkup Deskside").split())


def focus(window_id):
    if window_id:
        xdotool("windowfocus", "--sync", window_id)
        time.sleep(0.2)


def click(node):
    """Activates NODE through its accessible action, else with a real click."""
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
    """wt.walk(), skipping hidden subtrees (stack pages not shown)."""
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


def find_button(app, label):
    """A push button by its label (a dialog's response buttons name
    themselves through their label child)."""
    for node in walk_visible(app):
        if wt.role(node) == "push button" and wt.text_of(node) in (label, "_" + label):
            return node
        if wt.role(node) == "label" and wt.text_of(node) in (label, "_" + label):
            parent = node.get_parent()
            if parent is not None and wt.role(parent) == "push button":
                return parent
    return None


def visible_text(app):
    return [t for t in (wt.text_of(n) for n in walk_visible(app)) if t]


def sign_in(app, login, password):
    entry = wt.wait_for(lambda: find_visible(app, role_name="text", text="Email or username"), timeout=30)
    if entry is None:
        return False
    pointer_click(entry)
    time.sleep(0.3)
    press("ctrl+a")
    type_text(login)
    press("Return")                   # on to the password
    time.sleep(0.3)
    type_text(password)
    press("Return")                   # sign in
    return True


private_buses = []


def private_bus():
    """A D-Bus session bus of our own (stopped by stop_private_buses())."""
    r = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                       capture_output=True, text=True, timeout=30)
    address, pid = r.stdout.split("\n")[:2]
    private_buses.append(int(pid))
    return address.strip()


def stop_private_buses():
    for pid in private_buses:
        try:
            os.kill(pid, 15)
        except OSError:
            pass
    private_buses.clear()


def start_deskside(db, env=None, own_bus=False):
    """A deskside process.  With own_bus it gets its own D-Bus session (two
    instances on one bus would be one GApplication) but the same
    accessibility bus, so that AT-SPI still sees it."""
    if not own_bus:
        return wt.start(["--deskside", "--db", db], env=env)
    extra = dict(env or {})
    extra["AT_SPI_BUS_ADDRESS"] = a11y_address()
    extra["DBUS_SESSION_BUS_ADDRESS"] = private_bus()
    return wt.start(["--deskside", "--db", db], env=extra)


def a11y_address():
    r = subprocess.run(["dbus-send", "--session", "--dest=org.a11y.Bus", "--print-reply=literal",
                        "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
                       capture_output=True, text=True, timeout=10)
    return r.stdout.strip()


def find_walkup_app(proc, exclude=()):
    """The other walkup on the accessibility bus."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for app in wt.children(Atspi.get_desktop(0)):
            try:
                pid = app.get_process_id()
            except Exception:
                continue
            if wt.name(app) == "walkup" and pid not in exclude:
                return app
        time.sleep(0.2)
    return None


def db_row(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "lounge.db")
    r = subprocess.run([hub, "demo-data", "--db", db, "--seed", "7", "--now", now],
                       capture_output=True, text=True, timeout=120)
    if not tap.ok(r.returncode == 0, "a demo lounge database is made", r.stderr):
        tap.done()

    # someone without a visit in the queue, with an open ticket, for the check-in,
    # who came before and scored a visit (for the visitor profile)
    visitor = db_row(db, "SELECT p.email, p.display_name, p.id FROM person p"
                         " JOIN ticket t ON t.requester_id = p.id AND t.status IN ('new', 'open', 'pending')"
                         " WHERE p.role = 'visitor' AND p.email IS NOT NULL AND p.id NOT IN"
                         " (SELECT person_id FROM visit WHERE person_id IS NOT NULL"
                         "  AND status IN ('waiting', 'called', 'in_service'))"
                         " AND EXISTS (SELECT 1 FROM visit v JOIN survey s ON s.visit_id = v.id"
                         "  AND s.anonymous = 0 WHERE v.person_id = p.id AND v.status = 'done')"
                         " ORDER BY p.id LIMIT 1")
    email, visitor_name, visitor_id = visitor
    # the newest past visit, and the score of the newest one scored (not anonymously)
    last_engineer = db_row(db, "SELECT e.display_name FROM visit v JOIN person e ON e.id = v.engineer_id"
                               " WHERE v.person_id = ? AND v.status IN ('done', 'left', 'cancelled')"
                               " ORDER BY v.checked_in_at DESC, v.id DESC LIMIT 1", (visitor_id,))
    last_score = db_row(db, "SELECT (SELECT s.score FROM survey s WHERE s.visit_id = v.id"
                            "  AND s.anonymous = 0 ORDER BY s.id DESC LIMIT 1) AS score"
                            " FROM visit v WHERE v.person_id = ? AND score IS NOT NULL"
                            " AND v.status IN ('done', 'left', 'cancelled')"
                            " ORDER BY v.checked_in_at DESC, v.id DESC LIMIT 1", (visitor_id,))[0]

    proc = start_deskside(db)
    try:
        app = wt.find_app(pid=proc.pid, timeout=30)
        frame = app and wt.wait_for(lambda: wt.find(app, role_name="frame", text="Walkup Deskside"), timeout=30)
        tap.ok(frame is not None, "walkup --deskside opens its window")
        shot("sign-in")

        # a visitor account is refused with a clear message
        sign_in(app, email, "anything")
        refused = wt.wait_for(lambda: find_visible(app, contains="Visitor accounts cannot sign in"))
        tap.ok(refused is not None, "a visitor account cannot sign in, and is told why",
               "\n".join(visible_text(app)))

        # wrong password
        sign_in(app, "lukasz", "not-the-password")
        wrong = wt.wait_for(lambda: find_visible(app, contains="Wrong email, username or password"))
        tap.ok(wrong is not None, "a wrong password is refused")
        shot("sign-in-error")

        sign_in(app, "lukasz", "demo-engineer")
        queue = wt.wait_for(lambda: find_visible(app, role_name="list", text="Queue"), timeout=20)
        tap.ok(queue is not None, "signing in shows the queue")
        waiting = wt.wait_for(lambda: find_visible(app, contains="Pick up "), timeout=20)
        tap.ok(waiting is not None, "the lounge's waiting visitors are listed with a Pick up button",
               "\n".join(visible_text(app)))
        shot("queue")

        # a check-in by another process (as the kiosk would) arrives live
        before = wt.dunst_total()
        r = subprocess.run([helper, "check-in", db, "1", email], capture_output=True, text=True, timeout=30)
        tap.ok(r.returncode == 0, "another process checks a visitor in", r.stderr)
        visit_id = int(r.stdout.strip() or 0)
        t0 = time.monotonic()
        pick = wt.wait_for(lambda: find_visible(app, text=f"Pick up {visitor_name}"), timeout=15)
        tap.ok(pick is not None, f"the new check-in appears in the queue by itself "
                                 f"({time.monotonic() - t0:.1f} s)", "\n".join(visible_text(app)))
        got = wt.wait_for(lambda: wt.dunst_total() > before, timeout=15)
        tap.ok(got, "and raises a desktop notification")
        shot("queue-live")
        summaries = [summary for summary, _ in wt.dunst_history()]
        tap.ok(any(visitor_name in s and "checked in" in s for s in summaries),
               "which the notification daemon (dunst) received", summaries)

        # pick up: the visitor pane shows them called to a desk
        if pick is not None:
            click(pick)
        called = wt.wait_for(lambda: find_visible(app, contains="Called to Desk"), timeout=15)
        tap.ok(called is not None, "Pick up calls the visitor to a desk", "\n".join(visible_text(app)))
        row = wt.wait_for(lambda: (lambda r: r if r and r[0] == "called" else None)(
            db_row(db, "SELECT status, engineer_id, desk FROM visit WHERE id = ?", (visit_id,))))
        tap.ok(row is not None and row[2] == "Desk 1", "the visit is called to Desk 1 in the database", row)
        # the visitor profile: past visits with their engineer, the last score
        past = wt.wait_for(lambda: find_visible(app, role_name="list", text="Past visits"), timeout=10)
        tap.ok(past is not None, "the visitor pane lists the person's past visits", "\n".join(visible_text(app)))
        served = last_engineer is None or wt.wait_for(
            lambda: past is not None and wt.find(past, contains=last_engineer[0]), timeout=10)
        tap.ok(served is not None, "with who served the newest one", last_engineer)
        score = wt.wait_for(lambda: find_visible(app, text=f"Last survey score: {last_score} of 5"), timeout=10)
        tap.ok(score is not None, f"and the last survey score ({last_score} of 5)", "\n".join(visible_text(app)))
        shot("visitor")

        # My visits lists them
        press("alt+2")
        mine = wt.wait_for(lambda: find_visible(app, role_name="list", text="My visits"))
        tap.ok(mine is not None and wt.find(mine, contains=visitor_name) is not None,
               "Alt+2 shows My visits, with the visitor picked up")
        shot("my-visits")
        press("alt+1")

        # finish (Ctrl+E) as fixed at first contact, the default outcome
        ticket_id = db_row(db, "SELECT ticket_id FROM visit WHERE id = ?", (visit_id,))[0]
        time.sleep(0.5)
        press("ctrl+e")
        finish = wt.wait_for(lambda: find_button(app, "Finish"), timeout=10)
        tap.ok(finish is not None, "Ctrl+E asks how the visit ended", "\n".join(visible_text(app)))
        shot("finish-dialog")
        if finish is not None:
            click(finish)
        done = wt.wait_for(lambda: (lambda r: r if r and r[0] == "done" else None)(
            db_row(db, "SELECT status, outcome FROM visit WHERE id = ?", (visit_id,))), timeout=15)
        tap.ok(done is not None and done[1] == "resolved_first_contact",
               "the visit is done, fixed at first contact, in the database", done)
        ticket = db_row(db, "SELECT status, resolved_at FROM ticket WHERE id = ?", (ticket_id,))
        tap.ok(ticket is not None and ticket[0] == "resolved" and ticket[1] is not None,
               "and its ticket is resolved", ticket)

        # tickets: search by reference
        ref = db_row(db, "SELECT ref FROM ticket WHERE id = ?", (ticket_id,))[0]
        press("ctrl+f")
        time.sleep(0.5)
        type_text(ref)
        found = wt.wait_for(lambda: find_visible(app, contains=f"{ref}:"), timeout=10)
        tap.ok(found is not None, "Ctrl+F searches tickets by reference", "\n".join(visible_text(app)))
        if found is not None:
            click(found)
        opened = wt.wait_for(lambda: find_visible(app, text="Save Changes") or find_button(app, "Save Changes"),
                             timeout=10)
        tap.ok(opened is not None, "a ticket found opens with its details and notes")
        shot("tickets")

        # tickets: search by person (part of the requester's email), newest first
        newest = db_row(db, "SELECT ref FROM ticket WHERE requester_id = ?"
                            " ORDER BY updated_at DESC, id DESC LIMIT 1", (visitor_id,))[0]
        press("ctrl+f")
        time.sleep(0.3)
        press("ctrl+a")
        type_text(email.split("@")[0])
        by_person = wt.wait_for(lambda: find_visible(app, contains=f"{newest}:"), timeout=10)
        tap.ok(by_person is not None, "the ticket search finds a person's tickets by their email",
               "\n".join(visible_text(app)))
        shot("tickets-person")

        # a search with many matches lists the newest first, and more as the list scrolls
        domain = email.split("@")[1]
        con = sqlite3.connect(db)
        try:
            refs = [r[0] for r in con.execute(
                "SELECT t.ref FROM ticket t JOIN person p ON p.id = t.requester_id"
                " WHERE p.email LIKE ? ORDER BY t.updated_at DESC, t.id DESC LIMIT 1000",
                ("%" + domain,)).fetchall()]
        finally:
            con.close()
        press("ctrl+f")
        time.sleep(0.3)
        press("ctrl+a")
        type_text(domain)
        first = wt.wait_for(lambda: find_visible(app, contains=f"{refs[0]}:"), timeout=10)
        tap.ok(len(refs) > 60 and first is not None and wt.find(app, contains=f"{refs[40]}:") is None,
               "a search with many matches lists the newest first, a page at a time")
        found_list = find_visible(app, role_name="list", text="Tickets found")
        if found_list is not None:
            ext = found_list.get_component_iface().get_extents(Atspi.CoordType.SCREEN)
            xdotool("mousemove", "--sync", ext.x + ext.width // 2, ext.y + ext.height // 2)
            for _ in range(4):
                xdotool("click", "--repeat", 10, "--delay", 20, 5)   # the wheel, down
                time.sleep(0.3)
        later = wt.wait_for(lambda: wt.find(app, contains=f"{refs[40]}:"), timeout=10)
        listed = [wt.text_of(n).split(":")[0] for n in wt.walk(found_list)
                  if re.match(r"WK-\d+: ", wt.text_of(n))] if found_list is not None else []
        # (the row widgets' order is GTK's, not the list's)
        tap.ok(later is not None and len(listed) > 40 and len(set(listed)) == len(listed)
               and set(listed) <= set(refs),
               "scrolling down the list brings the next matches, none twice",
               f"{len(listed)} listed; not among the matches: {sorted(set(listed) - set(refs))[:5]}")
        shot("tickets-more")

        # hardware
        press("alt+4")
        hw = wt.wait_for(lambda: find_visible(app, role_name="list", text="Devices"))
        tap.ok(hw is not None, "Alt+4 shows the hardware being prepared")
        shot("hardware")

        # the shortcuts window
        press("ctrl+shift+question")
        sc = wt.wait_for(lambda: wt.find(app, contains="Pick up the next visitor"), timeout=10)
        tap.ok(sc is not None, "Ctrl+? shows the keyboard shortcuts")
        shot("shortcuts")
        press("Escape")
    finally:
        wt.stop(proc)

    # ---- two laptops race for one visitor ------------------------------------------
    waiting = db_row(db, "SELECT v.id, COALESCE(p.display_name, v.guest_name) FROM visit v"
                         " LEFT JOIN person p ON p.id = v.person_id"
                         " WHERE v.lounge_id = 1 AND v.status = 'waiting' ORDER BY v.checked_in_at LIMIT 1")
    race_id, race_name = waiting
    a = start_deskside(db)
    b = None
    try:
        app_a = wt.find_app(pid=a.pid, timeout=30)
        wt.wait_for(lambda: find_visible(app_a, text="Email or username"), timeout=30)
        win_a = windows()
        focus(next(iter(win_a), None))
        sign_in(app_a, "lukasz", "demo-engineer")
        wt.wait_for(lambda: find_visible(app_a, role_name="list", text="Queue"), timeout=20)
        b = start_deskside(db, own_bus=True)
        app_b = wt.find_app(pid=b.pid, timeout=30)
        tap.ok(app_a is not None and app_b is not None, "two deskside processes run side by side")
        wt.wait_for(lambda: find_visible(app_b, text="Email or username"), timeout=30)
        win_b = wt.wait_for(lambda: windows() - win_a, timeout=10)
        focus(next(iter(win_b), None))
        sign_in(app_b, "ngozi", "demo-engineer")
        btn_a = wt.wait_for(lambda: find_visible(app_a, text=f"Pick up {race_name}"), timeout=20)
        btn_b = wt.wait_for(lambda: find_visible(app_b, text=f"Pick up {race_name}"), timeout=20)
        tap.ok(btn_a is not None and btn_b is not None, "both see the same visitor waiting")
        if btn_a is not None and btn_b is not None:
            click(btn_a)
            click(btn_b)
        row = wt.wait_for(lambda: (lambda r: r if r and r[0] == "called" else None)(
            db_row(db, "SELECT status, engineer_id FROM visit WHERE id = ?", (race_id,))), timeout=15)
        winner = db_row(db, "SELECT display_name FROM person WHERE id = ?", (row[1],))[0] if row else None
        loser_app = app_b if winner == "Łukasz Nowak" else app_a
        said = wt.wait_for(lambda: find_visible(loser_app, contains="already picked up by"), timeout=15)
        tap.ok(row is not None and winner in ("Łukasz Nowak", "Ngozi Okafor"),
               "exactly one engineer gets the visitor", row)
        tap.ok(said is not None and winner in wt.text_of(said),
               "the other is told who took the visitor", said and wt.text_of(said))
        events = db_row(db, "SELECT count(*) FROM event WHERE kind = 'visit.called' AND entity_id = ?", (race_id,))
        tap.ok(events[0] == 1, "the visit was called once", events)
        shot("race-lost")
    finally:
        wt.stop(a)
        if b is not None:
            wt.stop(b)
        stop_private_buses()

    # ---- 360 px wide -------------------------------------------------------------------
    proc = start_deskside(db)
    try:
        app = wt.find_app(pid=proc.pid, timeout=30)
        frame = wt.wait_for(lambda: wt.find(app, role_name="frame", text="Walkup Deskside"), timeout=30)
        sign_in(app, "lukasz", "demo-engineer")
        wt.wait_for(lambda: find_visible(app, role_name="list", text="Queue"), timeout=20)
        for w in windows():
            xdotool("windowsize", "--sync", w, 360, 720)
        time.sleep(1.5)
        ext = frame.get_component_iface().get_extents(Atspi.CoordType.SCREEN)
        # 360 px of content, and the window's 1 px border
        tap.ok(ext.width <= 362, f"the window narrows to a phone's width ({ext.width} px)", ext.width)
        shot("narrow-queue")
        press("alt+3")
        time.sleep(0.8)
        ext = frame.get_component_iface().get_extents(Atspi.CoordType.SCREEN)
        tap.ok(ext.width <= 362 and find_visible(app, role_name="combo box", text="Lounge") is not None,
               f"the ticket search and its filters fit it too ({ext.width} px)", ext.width)
        shot("narrow-tickets")
        press("alt+1")
        time.sleep(0.5)
        pick = wt.wait_for(lambda: find_visible(app, contains="Pick up "), timeout=10)
        row = pick and pick.get_parent()
        while row is not None and wt.role(row) != "list item":
            row = row.get_parent()
        if row is not None:
            click(row)
        back = wt.wait_for(lambda: find_visible(app, role_name="push button", text="Back"), timeout=10)
        tap.ok(back is not None, "narrow, a visitor opens on its own page with a Back button")
        shot("narrow-visitor")
    finally:
        wt.stop(proc)
tap.done()
