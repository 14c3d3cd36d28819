#!/usr/bin/python3
"""The review face end to end: the real `walkup --review` on a small
fixture whose figures are computed by hand below.  Signs in (refusing an
engineer), reads every KPI card and the charts' text alternatives through
AT-SPI, walks a survey through the follow-up workflow, exports both CSVs
through the file chooser and checks them, and takes screenshots."""
import csv
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402
from gi.repository import Atspi  # noqa: E402

tap = wt.TapReporter()
HOUR = 3600
DAY = 24 * HOUR
MINUS = "\u2212"

# ---- the fixture ---------------------------------------------------------
#
# The demo generator gives the staff accounts (lead siobhan / demo-lead,
# engineer lukasz / demo-engineer), three lounges and a few visitors; its
# own rows are dated 2000, far outside any period the test looks at.  The
# fixture rows are placed relative to now: the current period is the last
# 30 days, the previous one the 30 days before it.
#
# Current period, lounge 1, visits (wait = called − checked in):
#   V1 done  resolved_first_contact  wait  60  estimate 120  hardware  lukasz
#   V2 done  resolved_first_contact  wait 120  estimate  60  hardware  lukasz
#   V3 done  workaround              wait 300  estimate 300  account   ngozi
#   V4 done  follow_up               wait  30  (no estimate) account   ngozi
#   V5 left  (never called)                    estimate 600  software
#   V6 cancelled (never called)                              software
#   V7 waiting                                               other
#   V8 done  resolved_first_contact  wait 600  estimate 480  software  lukasz
# visits = 8
# FCR = rfc / done = 3 / 5 = 60%                      (industry range 50–70)
# answered waits sorted: 30 60 120 300 600
#   median = 120 s = "2 min" (odd n: the middle one)   p90 = rank ceil(4.5)=5 → 600 s = "10 min"
# abandonment = left / (done+left+cancelled) = 1/7 = 14.29% → "14%"
# estimate error over called visits with an estimate (V1 V2 V3 V8):
#   +60, −60, 0, −120 → mean |error| = 240/4 = 60 s = "1 min"; bias −30 s
# surveys: 5 (V1) 4 (V2) 2 (V3, consent) 1 (V4, anonymous) 5 (V8)
#   CSAT = scores 4–5 / all = 3/5 = 60%               (below industry > 70)
# hardware collected: lags 3600, 1800, 7200 s → median 3600 s = "1 h"
#
# Previous period: P1 done rfc wait 180, P2 done workaround wait 240;
# one survey scoring 4.
#   visits 2; FCR 1/2 = 50%; waits 180 240 → median 210 s, p90 240 s;
#   abandonment 0/2 = 0%; CSAT 1/1 = 100%; no hardware, no estimates.
# Changes shown on the cards:
#   CSAT 60 − 100 = −40 pts      FCR 60 − 50 = +10 pts
#   median 120 − 210 = −90 s = "−1 min 30 s"   p90 600 − 240 = +360 s = "+6 min"
#   visits 8 − 2 = +6            abandonment 14 − 0 = +14 pts
#   collection lag, estimate error: no data for the previous period
EXPECTED_CARDS = {
    "CSAT": ("60%", f"{MINUS}40 pts on the previous period", "Below industry"),
    "First-contact resolution": ("60%", "+10 pts on the previous period", "Industry range"),
    "Median wait": ("2 min", f"{MINUS}1 min 30 s on the previous period", "Below industry"),
    "Wait, 90th percentile": ("10 min", "+6 min on the previous period", None),
    "Visits": ("8", "+6 on the previous period", None),
    "Abandonment": ("14%", "+14 pts on the previous period", None),
    "Collection lag": ("1 h", "No data for the previous period", None),
    "Estimate error": ("1 min", "No data for the previous period", None),
}
COMMENT_FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"
COMMENT_LOW = "Waited ages, and the printer still jams, \"again\""


def make_fixture(path, now):
    r = subprocess.run([os.path.join(wt.build_root(), "app", "walkup-hub"), "demo-data",
                        "--db", path, "--people", "10", "--tickets", "10", "--visits", "11",
                        "--surveys", "1", "--days", "1", "--seed", "3",
                        "--now", "2000-06-01T12:00:00Z"],
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    con = sqlite3.connect(path)
    ids = {u: i for i, u in con.execute("SELECT id, username FROM person WHERE username IS NOT NULL")}
    visitor, visitor_name, visitor_email = con.execute(
        "SELECT id, display_name, email FROM person WHERE role = 'visitor' AND email IS NOT NULL"
        " ORDER BY id LIMIT 1").fetchone()
    ticket = con.execute("INSERT INTO ticket (ref, requester_id, subject, created_at, updated_at)"
                         " VALUES ('WK-90001', ?, 'Printer jams on floor 3', ?, ?)",
                         (visitor, now - 5 * DAY, now - 5 * DAY)).lastrowid
    t0 = now - 3 * DAY
    visits = {}

    def visit(key, status, checked_in, reason, wait=None, outcome=None, estimate=None,
              engineer=None, lounge=1, service=600, person=None, ticket_id=None):
        called = checked_in + wait if wait is not None else None
        finished = called + service if status == "done" else (
            checked_in + 900 if status in ("left", "cancelled") else None)
        cur = con.execute(
            "INSERT INTO visit (uuid, lounge_id, person_id, guest_name, ticket_id, reason, status,"
            " checked_in_at, called_at, service_started_at, finished_at, engineer_id, desk,"
            " identified_by, outcome, estimated_wait_s)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f"fixture-{key}", lounge, person, None if person else "Guest " + key, ticket_id,
             reason, status, checked_in, called, called, finished,
             ids.get(engineer), "Desk 1" if engineer else None,
             "badge" if person else "guest", outcome, estimate))
        visits[key] = cur.lastrowid

    visit("V1", "done", t0 + 1 * HOUR, "hardware", 60, "resolved_first_contact", 120, "lukasz")
    visit("V2", "done", t0 + 2 * HOUR, "hardware", 120, "resolved_first_contact", 60, "lukasz")
    visit("V3", "done", t0 + 3 * HOUR, "account", 300, "workaround", 300, "ngozi",
          person=visitor, ticket_id=ticket)
    visit("V4", "done", t0 + 4 * HOUR, "account", 30, "follow_up", None, "ngozi")
    visit("V5", "left", t0 + 5 * HOUR, "software", None, None, 600)
    visit("V6", "cancelled", t0 + 6 * HOUR, "software")
    visit("V7", "waiting", now - 2 * HOUR, "other")
    visit("V8", "done", t0 + 7 * HOUR, "software", 600, "resolved_first_contact", 480, "lukasz")
    visit("P1", "done", now - 40 * DAY, "hardware", 180, "resolved_first_contact", None, "lukasz")
    visit("P2", "done", now - 40 * DAY + HOUR, "account", 240, "workaround", None, "ngozi")

    def survey(key, score, visit_key, comment="", consent=0, anonymous=0, tags="",
               person=None, resolved="unknown", when=None):
        v = visits[visit_key]
        eng = con.execute("SELECT engineer_id FROM visit WHERE id = ?", (v,)).fetchone()[0]
        created = when or con.execute("SELECT finished_at + 60 FROM visit WHERE id = ?", (v,)).fetchone()[0]
        con.execute(
            "INSERT INTO survey (uuid, visit_id, ticket_id, engineer_id, lounge_id, person_id,"
            " score, resolved, tags, comment, contact_consent, anonymous, language, created_at)"
            " VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'en', ?)",
            (f"fixture-{key}", v, ticket if visit_key == "V3" else None, eng, person, score,
             resolved, tags, comment, consent, anonymous, created))

    survey("S1", 5, "V1", tags="speed,friendliness", resolved="yes")
    survey("S2", 4, "V2", resolved="yes")
    survey("S3", 2, "V3", COMMENT_LOW, consent=1, tags="speed,quality", person=visitor,
           resolved="no")
    survey("S4", 1, "V4", COMMENT_FORMULA, anonymous=1, tags="process")
    survey("S5", 5, "V8", "Quick and kind")
    survey("SP", 4, "P1")

    for i, lag in enumerate((3600, 1800, 7200)):
        ready = now - (4 + i) * DAY
        con.execute("INSERT INTO hardware (person_id, lounge_id, description, status, location,"
                    " ready_at, collected_at, ack_name, created_at, updated_at)"
                    " VALUES (?, 1, 'Loan laptop', 'collected', 'counter', ?, ?, 'X', ?, ?)",
                    (visitor, ready, ready + lag, ready - DAY, ready + lag))
    con.commit()
    con.close()
    return visitor_name, visitor_email


def set_text(node, text):
    node.get_editable_text_iface()  # raises if not editable
    return Atspi.EditableText.set_text_contents(node, text)


def press(node):
    return node.get_action_iface().do_action(0)


def press_any(root, **kw):
    """Presses the first matching node that has an action (a GtkMenuButton
    shows as itself and its inner toggle button)."""
    for node in wt.walk(root):
        if wt.role(node) != kw.get("role_name", wt.role(node)) or wt.text_of(node) != kw["text"]:
            continue
        try:
            if node.get_action_iface() is not None and node.get_action_iface().get_n_actions() > 0:
                return node.get_action_iface().do_action(0)
        except Exception:
            continue
    return False


def labels_under(node):
    return [wt.text_of(n) for n in wt.walk(node) if wt.role(n) == "label" and wt.text_of(n)]


def card_texts(app, title):
    for n in wt.walk(app):
        if wt.role(n) == "panel" and wt.name(n) == title:
            return labels_under(n)
    return None


def description(node):
    try:
        return node.get_description() or ""
    except Exception:
        return ""


def sign_in(app, login, password):
    set_text(wt.find(app, role_name="text", text="Email or username"), login)
    set_text(wt.find(app, role_name="text", text="Password"), password)
    press(wt.find(app, role_name="push button", contains="Sign In"))


def visible(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def find_showing(root, **kw):
    for node in wt.walk(root):
        if kw.get("role_name") and wt.role(node) != kw["role_name"]:
            continue
        t = wt.text_of(node)
        if kw.get("text") is not None and t != kw["text"]:
            continue
        if kw.get("contains") is not None and kw["contains"] not in t:
            continue
        if visible(node):
            return node
    return None


def save_through_chooser(app, path):
    """Types PATH into the (in-process) file chooser and saves."""
    dialog = wt.wait_for(lambda: next((n for n in wt.children(app)
                                       if wt.text_of(n).startswith("Export ")), None), timeout=15)
    if dialog is None:
        return False
    texts = wt.wait_for(lambda: [n for n in wt.walk(dialog) if wt.role(n) == "text"], timeout=10)
    name = next((n for n in texts or [] if wt.name(n) == "Name"), (texts or [None])[0])
    if name is None:
        return False
    set_text(name, path)
    button = wt.find(dialog, role_name="push button", contains="Export")
    press(button)
    return True


shots = os.path.join(wt.build_root(), "screenshots")
os.makedirs(shots, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "fixture.db")
    now = int(time.time())
    visitor_name, visitor_email = make_fixture(db, now)

    proc = wt.start(["--review", "--db", db])
    try:
        app = wt.find_app(pid=proc.pid)
        tap.ok(app is not None and wt.wait_for(lambda: wt.find(app, text="Service review")),
               "the review opens on its sign-in page")

        # an engineer is refused with a clear message
        sign_in(app, "lukasz", "demo-engineer")
        refused = wt.wait_for(lambda: wt.find(app, contains="Only desk leads and administrators"))
        tap.ok(refused is not None and "engineer" in wt.text_of(refused),
               "an engineer is refused, and told why", refused and wt.text_of(refused))
        sign_in(app, "siobhan", "wrong")
        wrong = wt.wait_for(lambda: wt.find(app, contains="is not right"))
        tap.ok(wrong is not None, "a wrong password is refused")

        sign_in(app, "siobhan", "demo-lead")
        ok = wt.wait_for(lambda: (card_texts(app, "Visits") or [None, None])[1:2] == ["8"]
                         or "8" in (card_texts(app, "Visits") or []), timeout=30)
        tap.ok(ok, "a lead signs in and sees the dashboard", card_texts(app, "Visits"))

        for title, (value, change, standing) in EXPECTED_CARDS.items():
            texts = card_texts(app, title) or []
            tap.ok(value in texts, f"card “{title}” shows {value}", texts)
            tap.ok(change in texts, f"card “{title}” shows “{change}”", texts)
            if standing is not None:
                tap.ok(standing in texts, f"card “{title}” stands “{standing}”", texts)
        tap.ok(any("Industry > 70%" in t and "Best > 90%" in t
                   for t in card_texts(app, "CSAT") or []),
               "the CSAT card shows the reference targets")
        tap.ok("On average people waited 30 s longer than told" in (card_texts(app, "Estimate error") or []),
               "the estimate card explains the bias of −30 s")

        heat = wt.find(app, role_name="image", text="Visits by weekday and hour")
        tap.ok(heat is not None and description(heat).startswith("8 visits."),
               "the heatmap has a text alternative", heat and description(heat))
        trend = wt.find(app, role_name="image", text="Weekly CSAT and FCR")
        tap.ok(trend is not None and "CSAT 100%, FCR 50%" not in description(trend)
               and "CSAT" in description(trend) and "Week of" in description(trend),
               "the trend chart has a text alternative", trend and description(trend))
        waits = wt.find(app, role_name="image", text="Wait by reason")
        tap.ok(waits is not None and description(waits) ==
               "Software and apps: 10 min. Account and password: 2 min 45 s. "
               "Laptop or desktop: 1 min 30 s.",
               "wait by reason: median per reason, slowest first", waits and description(waits))
        wt.screenshot(os.path.join(shots, "review-dashboard.png"))

        # ---- feedback ----------------------------------------------------
        press(wt.find(app, role_name="page tab", text="Feedback"))
        rows = wt.wait_for(lambda: [n for n in wt.walk(app) if wt.name(n).startswith("Score ")
                                    and " of 5. " in wt.name(n)], timeout=15)
        names = [wt.name(n) for n in rows or []]
        tap.ok(len(names) == 5 and names[0].startswith("Score 1 of 5")
               and names[1].startswith("Score 2 of 5") and names[-1].startswith("Score 5 of 5"),
               "the feedback list shows the five surveys, lowest score first", names)

        # the anonymous one stays anonymous
        anon_item = rows[0].get_parent() if rows else None
        sel = anon_item.get_parent() if anon_item else None
        try:
            sel.get_selection_iface()
            Atspi.Selection.select_child(sel, anon_item.get_index_in_parent())
        except Exception:
            pass
        shown = wt.wait_for(lambda: wt.find(app, text="This survey was answered anonymously."))
        tap.ok(shown is not None, "an anonymous survey shows no one",
               "\n".join(wt.all_text(app))[-2000:])
        tap.ok(wt.find(app, contains=visitor_email) is None, "and no email anywhere")

        try:
            Atspi.Selection.select_child(sel, rows[1].get_parent().get_index_in_parent())
        except Exception:
            pass
        contact = wt.wait_for(lambda: wt.find(app, text=visitor_email), timeout=15)
        tap.ok(contact is not None, "a consenting visitor's email is shown")
        tap.ok(wt.wait_for(lambda: wt.find(app, text="WK-90001")) is not None
               and wt.find(app, text="Printer jams on floor 3") is not None,
               "the detail shows the ticket")
        tap.ok(wt.find(app, text="Ngozi Okafor at Desk 1") is not None,
               "the detail shows the engineer and desk")
        wt.screenshot(os.path.join(shots, "review-feedback.png"))

        # follow-up: needed → contacted → closed with a note
        press(wt.find(app, role_name="push button", contains="Needs Follow-Up"))
        tap.ok(wt.wait_for(lambda: wt.find(app, contains="Needs follow-up ·")) is not None,
               "follow-up: needed")
        press(wt.find(app, role_name="push button", contains="Mark Contacted"))
        tap.ok(wt.wait_for(lambda: wt.find(app, contains="Contacted ·")) is not None,
               "follow-up: contacted")
        note = wt.find(app, role_name="text", text="Note (required to close)")
        set_text(note, "Called back; printer swapped")
        time.sleep(0.3)
        press(wt.find(app, role_name="push button", contains="Close Follow-Up"))
        tap.ok(wt.wait_for(lambda: wt.find(app, contains="Called back; printer swapped")) is not None,
               "follow-up: closed with the note")
        con = sqlite3.connect(db)
        kinds = [r[0] for r in con.execute(
            "SELECT json_extract(payload, '$.followup_status') FROM event"
            " WHERE kind = 'survey.followup' ORDER BY id")]
        status, note_db, by = con.execute(
            "SELECT followup_status, followup_note, followup_by FROM survey"
            " WHERE uuid = 'fixture-S3'").fetchone()
        lead = con.execute("SELECT id FROM person WHERE username = 'siobhan'").fetchone()[0]
        con.close()
        tap.ok(len(kinds) == 3, "each step is recorded as an event", kinds)
        tap.ok(status == "closed" and note_db == "Called back; printer swapped" and by == lead,
               "the survey is closed by the lead with the note", (status, note_db, by))

        # ---- export ------------------------------------------------------
        visits_csv = os.path.join(tmp, "visits.csv")
        surveys_csv = os.path.join(tmp, "surveys.csv")
        for action, path in (("Export Visits…", visits_csv), ("Export Surveys…", surveys_csv)):
            press_any(app, text="Export as CSV")
            item = wt.wait_for(lambda: wt.find(app, role_name="menu item", text=action))
            if item is not None:
                press(item)
            else:
                print("# no menu item; showing:", [wt.role(n) + ":" + wt.text_of(n) for n in wt.walk(app) if wt.role(n) in ("menu item", "menu", "popup menu", "dialog", "file chooser")], flush=True)
            saved = save_through_chooser(app, path)
            if not saved:
                print("# dialog?", item is not None, [(wt.role(n), wt.text_of(n)) for n in wt.children(app)], flush=True)
            tap.ok(saved and wt.wait_for(lambda: os.path.exists(path), timeout=15),
                   f"{action} writes the file through the file chooser")

        if os.path.exists(visits_csv):
            raw = open(visits_csv, "rb").read()
            tap.ok(b"\r\n" in raw and raw.decode("utf-8"), "visits CSV: UTF-8 with CRLF rows")
            rows = list(csv.DictReader(open(visits_csv, newline="", encoding="utf-8")))
            tap.ok(len(rows) == 8, "visits CSV: the 8 visits of the period", len(rows))
            waits = sorted(int(r["wait_s"]) for r in rows if r["wait_s"])
            tap.ok(waits == [30, 60, 120, 300, 600], "visits CSV: the hand-computed waits", waits)
            tap.ok(sum(r["outcome"] == "resolved_first_contact" for r in rows) == 3
                   and sum(r["status"] == "done" for r in rows) == 5,
                   "visits CSV: 3 of 5 finished visits resolved at first contact (FCR 60%)")
            errors = sorted(int(r["estimate_error_s"]) for r in rows if r["estimate_error_s"])
            tap.ok(errors == [-120, -60, 0, 60], "visits CSV: estimate errors", errors)
            tap.ok(sum(r["status"] == "left" for r in rows) == 1
                   and sum(r["status"] in ("done", "left", "cancelled") for r in rows) == 7,
                   "visits CSV: 1 of 7 ended visits abandoned")
        if os.path.exists(surveys_csv):
            rows = list(csv.DictReader(open(surveys_csv, newline="", encoding="utf-8")))
            scores = [int(r["score"]) for r in rows]
            tap.ok(scores == [1, 2, 4, 5, 5], "surveys CSV: the 5 surveys, lowest first", scores)
            tap.ok(sum(s >= 4 for s in scores) == 3, "surveys CSV: 3 of 5 satisfied (CSAT 60%)")
            anon = rows[0]
            tap.ok(anon["comment"] == "'" + COMMENT_FORMULA and anon["contact_name"] == "",
                   "surveys CSV: a formula is made safe, the anonymous one has no name",
                   (anon["comment"], anon["contact_name"]))
            low = rows[1]
            tap.ok(low["comment"] == COMMENT_LOW and low["contact_name"] == visitor_name
                   and low["followup_status"] == "closed",
                   "surveys CSV: quoting round-trips; consent shows the name; follow-up closed",
                   low)

        # narrow: the leaflet folds and the view switcher moves to the bottom
        frame = wt.find(app, role_name="frame", text="Walkup Review")
        try:
            subprocess.run(["xdotool", "search", "--pid", str(proc.pid), "--name", "Walkup Review",
                            "windowsize", "%@", "400", "760"], check=False, timeout=10,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except FileNotFoundError:
            pass
        time.sleep(1.0)
        wt.screenshot(os.path.join(shots, "review-feedback-narrow.png"))
        press(wt.find(app, role_name="page tab", text="Dashboard"))
        time.sleep(0.5)
        wt.screenshot(os.path.join(shots, "review-dashboard-narrow.png"))
    finally:
        wt.stop(proc)
tap.done()
