#!/usr/bin/python3
"""The kiosk's check-in journeys with the real walkup --kiosk: a badge burst
→ "I'm here about this" → confirmed → the visit is stored; a typed email →
something else → a new ticket is opened; a guest; typed look-ups are
rate-limited; ordinary typing is never taken for a badge."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_fixture as kf  # noqa: E402
import walkuptest as wt  # noqa: E402

tap = wt.TapReporter()

with tempfile.TemporaryDirectory() as tmp:
    db = kf.make_db(tmp)
    priya = kf.query(db, "SELECT id, badge_id, email FROM person WHERE email = ?",
                     ("priya.sharma@example.com",))[0]
    tickets = kf.query(db, "SELECT id, ref, subject FROM ticket WHERE requester_id = ? AND status"
                           " IN ('new', 'open', 'pending') ORDER BY created_at DESC", (priya[0],))
    env = kf.write_settings(typed_lookups_per_minute=4)
    proc = wt.start(["--kiosk", "--db", db], env=env)
    try:
        app = wt.find_app(pid=proc.pid)
        tap.ok(app is not None and kf.wait_text(app, text="Check in") is not None,
               "the start screen shows the three tiles", app and kf.visible_text(app))
        tap.ok(kf.wait_text(app, text="Tech Lounge Amsterdam") is not None,
               "the start screen names the lounge")
        tap.ok(kf.wait_text(app, contains="waiting") is not None,
               "the start screen says how many are waiting")

        # a badge burst from the start screen, no tap first
        kf.badge(priya[1])
        hello = kf.wait_text(app, text="Hi Priya")
        tap.ok(hello is not None, "a badge burst on the start screen greets Priya by name",
               kf.visible_text(app))
        subject = tickets[0][2]
        tap.ok(kf.wait_text(app, text=subject) is not None,
               "a badge shows her own words: the ticket's subject", kf.visible_text(app))
        tap.ok(kf.wait_text(app, contains="asset tag") is not None,
               "a badge shows the asset tag of the device ready for her")
        kf.click(app, contains=f"{tickets[0][1]} · I’m here about this")
        confirmed = kf.wait_text(app, contains="You’re checked in")
        tap.ok(confirmed is not None, "“I’m here about this” checks her in",
               kf.visible_text(app))
        tap.ok(kf.wait_text(app, contains="You are number") is not None
               and kf.wait_text(app, contains="While you wait") is not None,
               "the confirmation shows her place and a self-help tip", kf.visible_text(app))
        rows = kf.query(db, "SELECT ticket_id, identified_by, kiosk, kiosk_ms, status,"
                            " estimated_wait_s FROM visit WHERE person_id = ?"
                            " AND status = 'waiting'", (priya[0],))
        tap.ok(len(rows) == 1 and rows[0][0] == tickets[0][0] and rows[0][1] == "badge"
               and rows[0][2] == "kiosk-1" and rows[0][3] is not None and rows[0][3] > 0
               and rows[0][5] is not None,
               "the visit is stored: her ticket, identified by badge, kiosk time, estimate", rows)
        kf.click(app, "Done")
        tap.ok(kf.wait_text(app, text="Check in") is not None, "Done goes back to the start")
        tap.ok(kf.find_visible(app, text="Hi Priya") is None
               and wt.find(app, contains=subject) is None,
               "and nothing of Priya is left in the widget tree", wt.all_text(app))

        # a person typing the badge number is not a badge reader
        kf.click(app, "Check in")
        kf.wait_text(app, text="Scan your badge")
        kf.type_slowly(priya[1])
        kf.key("Return")
        tap.ok(kf.wait_text(app, contains="We could not find you") is not None
               and kf.find_visible(app, text="Hi Priya") is None,
               "typing the badge number by hand is a typed look-up, not a badge",
               kf.visible_text(app))
        entry = kf.find_visible(app, role_name="text")
        entry.get_editable_text_iface().set_text_contents("")

        # a typed email → something else → a new ticket
        kf.type_slowly("priya.sharma@example.com")
        typed = kf.find_visible(app, role_name="text")
        tap.ok(typed is not None and wt.text_of(typed) != "", "ordinary typing goes into the entry")
        kf.key("Return")
        tap.ok(kf.wait_text(app, text="Hi Priya") is not None, "a typed email identifies her")
        tap.ok(kf.wait_text(app, text=subject, timeout=1) is None
               and kf.wait_text(app, contains=tickets[0][1]) is not None,
               "a typed identity sees ticket references, not subjects", kf.visible_text(app))
        tap.ok(kf.wait_text(app, contains="asset tag", timeout=1) is None
               and kf.wait_text(app, contains="ready for you at the counter") is not None,
               "and “ready at the counter” without asset details", kf.visible_text(app))
        kf.click(app, contains="Something else")
        kf.click(app, "Printing and scanning")
        kf.fill(app, "In a few words (optional)", "Badge printer jams")
        kf.click(app, "Check in")
        tap.ok(kf.wait_text(app, contains="You’re checked in") is not None,
               "something else checks her in", kf.visible_text(app))
        rows = kf.query(db, "SELECT v.identified_by, v.reason, t.subject, t.category, t.requester_id"
                            " FROM visit v JOIN ticket t ON t.id = v.ticket_id"
                            " WHERE v.person_id = ? ORDER BY v.id DESC LIMIT 1", (priya[0],))
        tap.ok(len(rows) == 1 and rows[0][0] == "email" and rows[0][1] == "printing"
               and rows[0][2] == "Badge printer jams" and rows[0][3] == "printing"
               and rows[0][4] == priya[0],
               "a new ticket is opened for her with her words and the topic", rows)
        kf.click(app, "Done")

        # a guest
        kf.click(app, "Check in")
        kf.click(app, "Continue without a badge or account")
        kf.fill(app, "Your name", "Ada Guest")
        kf.fill(app, "Email (optional)", "ada@partner.example")
        kf.click(app, "Continue")
        kf.click(app, "Accessories")
        kf.fill(app, "In a few words (optional)", "Need a USB-C to HDMI adapter")
        kf.click(app, "Check in")
        tap.ok(kf.wait_text(app, contains="You’re checked in") is not None,
               "a guest is checked in", kf.visible_text(app))
        rows = kf.query(db, "SELECT v.guest_name, v.guest_email, v.identified_by, v.reason, v.person_id,"
                            " t.subject FROM visit v LEFT JOIN ticket t ON t.id = v.ticket_id"
                            " ORDER BY v.id DESC LIMIT 1")
        tap.ok(rows == [("Ada Guest", "ada@partner.example", "guest", "accessories", None,
                         "Need a USB-C to HDMI adapter")],
               "the guest's visit is stored, their words on a ticket", rows)
        kf.click(app, "Done")

        # typed look-ups are rate-limited (3 a minute here; one was used)
        kf.click(app, "Check in")
        kf.wait_text(app, text="Scan your badge")
        for i in range(3):
            entry = kf.find_visible(app, role_name="text")
            entry.get_editable_text_iface().set_text_contents(f"nobody{i}@example.com")
            kf.key("Return")
            time.sleep(0.5)
        limited = kf.wait_text(app, contains="Lots of look-ups")
        tap.ok(limited is not None, "typed look-ups are rate-limited with a friendly message",
               kf.visible_text(app))
        kf.badge(priya[1])
        tap.ok(kf.wait_text(app, text="Hi Priya") is not None, "a badge still works then")

        # keyboard only: Tab reaches the first tile, Enter activates it
        kf.click(app, "Not you? Start over")
        kf.wait_text(app, text="Check in")
        kf.key("Tab")
        kf.key("Return")
        tap.ok(kf.wait_text(app, text="Scan your badge") is not None,
               "keyboard only: Tab and Enter reach “Check in”", kf.visible_text(app)[:8])
        tap.ok(proc.poll() is None, "the kiosk is still running")
    finally:
        code = wt.stop(proc)
    tap.ok(code == 0, "the kiosk quits cleanly on SIGTERM", f"exit status {code}")
tap.done()
