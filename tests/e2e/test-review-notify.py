#!/usr/bin/python3
"""The review face's low-score notification, end to end: a real hub
(`walkup-hub serve` on 127.0.0.1) on a demo database, `walkup --review
--hub URL` signed in as a lead, and dunst as the session's notification
daemon.  A kiosk submits three surveys over HTTP: a 2 with consent to be
contacted notifies the lead; an anonymous 1 (consent or not) and a 5 do not.
The notification's action opens that survey's feedback detail."""
import datetime
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402
from gi.repository import Atspi  # noqa: E402

tap = wt.TapReporter()
root = wt.build_root()
hub = os.path.join(root, "app", "walkup-hub")
shots = os.path.join(root, "screenshots")
os.makedirs(shots, exist_ok=True)
COMMENT = "Printer on floor 3 still jams, please call me"


def set_text(node, text):
    node.get_editable_text_iface()
    return Atspi.EditableText.set_text_contents(node, text)


def press(node):
    return node.get_action_iface().do_action(0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, token, body):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.loads(r.read())


now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "lounge.db")
    r = subprocess.run([hub, "demo-data", "--db", db, "--seed", "11", "--now", now,
                        "--people", "30", "--tickets", "30", "--visits", "60", "--surveys", "5",
                        "--days", "3"], capture_output=True, text=True, timeout=120)
    if not tap.ok(r.returncode == 0, "a demo lounge database is made", r.stderr):
        tap.done()
        sys.exit(0)
    r = subprocess.run([hub, "token", "create", "--db", db, "--role", "kiosk", "--name", "door"],
                       capture_output=True, text=True, timeout=30)
    kiosk = r.stdout.strip()
    tap.ok(r.returncode == 0 and kiosk, "a kiosk token is made", r.stderr)

    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT v.id, p.display_name, p.email FROM visit v JOIN person p ON p.id = v.person_id"
        " WHERE v.status = 'done' AND v.engineer_id IS NOT NULL"
        " AND v.id NOT IN (SELECT visit_id FROM survey WHERE visit_id IS NOT NULL)"
        " ORDER BY v.id DESC LIMIT 4").fetchall()
    con.close()
    if not tap.ok(len(rows) == 4, "four finished visits without a survey", rows):
        tap.done()
        sys.exit(0)
    (low_visit, visitor, email), (anon_visit, _, _), (anon2_visit, _, _), (high_visit, _, _) = rows

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([hub, "serve", "--db", db, "--listen", f"127.0.0.1:{port}"],
                              stdout=sys.stderr, stderr=sys.stderr, start_new_session=True)
    proc = None
    try:
        def healthy():
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False
        tap.ok(wt.wait_for(healthy, timeout=20), "the hub serves on 127.0.0.1")

        proc = wt.start(["--review", "--hub", base], env={"WALKUP_HUB_TOKEN": kiosk})
        app = wt.find_app(pid=proc.pid, timeout=30)
        tap.ok(app is not None and wt.wait_for(lambda: wt.find(app, text="Service review"), timeout=30),
               "walkup --review --hub opens on its sign-in page")
        set_text(wt.find(app, role_name="text", text="Email or username"), "siobhan")
        set_text(wt.find(app, role_name="text", text="Password"), "demo-lead")
        press(wt.find(app, role_name="push button", contains="Sign In"))
        signed = wt.wait_for(lambda: wt.find(app, role_name="page tab", text="Feedback"), timeout=30)
        tap.ok(signed is not None, "the lead signs in through the hub")
        time.sleep(2.0)   # the event stream connects

        before = wt.dunst_total()
        for visit, score, consent, anonymous, comment in (
                (anon_visit, 1, True, True, "Anonymous and angry"),
                (anon2_visit, 1, False, True, ""),
                (high_visit, 5, True, False, "Great"),
                (low_visit, 2, True, False, COMMENT)):
            status, survey = post(base + "/api/v1/surveys", kiosk, {
                "uuid": str(uuid.uuid4()), "visit_id": visit, "score": score, "resolved": "no",
                "comment": comment, "contact_consent": consent, "anonymous": anonymous,
                "language": "en", "kiosk": "door"})
            tap.ok(status == 200 and survey.get("score") == score,
                   f"the kiosk submits a {score} (consent {consent}, anonymous {anonymous})", survey)

        got = wt.wait_for(lambda: wt.dunst_total() > before, timeout=20)
        tap.ok(got, "a desktop notification is raised")
        time.sleep(2.0)   # would the others notify too?
        wt.screenshot(os.path.join(shots, "review-notified.png"))

        # the notification's default action opens the survey's feedback detail
        wt.dunst_action(0)
        opened = wt.wait_for(lambda: wt.find(app, contains="Score 2 of 5")
                             and wt.find(app, text=COMMENT), timeout=15)
        tap.ok(opened, "its action opens the feedback detail of that survey",
               "\n".join(wt.all_text(app))[-1500:])
        contact = wt.wait_for(lambda: wt.find(app, text=email), timeout=15)
        tap.ok(contact is not None, "with the consenting visitor's email (read through the hub)")
        wt.screenshot(os.path.join(shots, "review-notified-detail.png"))

        wt.dunst_close_all()
        time.sleep(0.3)
        history = [h for h in wt.dunst_history() if "rated a visit" in h[0]]
        tap.ok(len(history) == 1, "exactly one: for the low score with consent", history)
        tap.ok(history and visitor in history[0][0] and "2 of 5" in history[0][0]
               and COMMENT in history[0][1],
               "dunst received the visitor's name, the score and the comment", history)
    finally:
        if proc is not None:
            wt.stop(proc)
        wt.stop(server)
tap.done()
