#!/usr/bin/python3
"""The real walkup --board on the wall screen: now serving (initials and
desk), waiting (initials and minutes), the estimate and the announcements;
a new check-in appears by itself; never a full name."""
import os
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_fixture as kf  # noqa: E402
import walkuptest as wt  # noqa: E402

tap = wt.TapReporter()


def initials(name):
    parts = [p for p in name.replace("-", " ").split() if p]
    if not parts:
        return ""
    first, last = parts[0], parts[-1] if len(parts) > 1 else ""
    return (first[0] + (last[0] if last else "")).upper()


with tempfile.TemporaryDirectory() as tmp:
    db = kf.make_db(tmp)
    queue = kf.query(db, "SELECT v.status, v.desk, COALESCE(p.display_name, v.guest_name)"
                         " FROM visit v LEFT JOIN person p ON p.id = v.person_id"
                         " WHERE v.lounge_id = 1 AND v.status IN ('waiting', 'called', 'in_service')")
    names = [q[2] for q in queue]
    proc = wt.start(["--board", "--db", db], env=kf.write_settings())
    try:
        app = wt.find_app(pid=proc.pid)
        tap.ok(app is not None and kf.wait_text(app, text="Tech Lounge Amsterdam") is not None,
               "the board names the lounge", app and kf.visible_text(app))
        tap.ok(kf.wait_text(app, text="Now serving") is not None
               and kf.wait_text(app, text="Waiting") is not None, "now serving and waiting")
        serving = [q for q in queue if q[0] in ("called", "in_service") and q[1]]
        if serving:
            tap.ok(kf.wait_text(app, text=f"→ {serving[0][1]}") is not None,
                   "someone being served is sent to their desk", kf.visible_text(app))
        waiting = [q for q in queue if q[0] == "waiting"]
        tap.ok(kf.wait_text(app, contains=" min") is not None, "waiting minutes are shown")
        tap.ok(kf.wait_text(app, contains="Joining now? About") is not None,
               "with the current estimate", kf.visible_text(app))
        texts = wt.all_text(app)
        full = [t for t in texts for n in names if n and " " in n and n in t]
        tap.ok(not full, "no full name anywhere in the tree", full)
        tap.ok(all(any(initials(q[2]) == t for t in texts) for q in waiting),
               "the waiting are shown by their initials", (waiting, texts[:40]))
        kf.shot("board")

        # a check-in from elsewhere (another process, as a kiosk on the same
        # database: the visit and its line in the event log, in one
        # transaction) shows up by itself, long before the minute tick
        con = kf.sqlite3.connect(db)
        now = int(time.time())
        cur = con.execute("INSERT INTO visit (uuid, lounge_id, guest_name, reason, status,"
                          " checked_in_at, identified_by, estimated_wait_s) VALUES"
                          " (?, 1, 'Zed Quinn', 'other', 'waiting', ?, 'guest', 900)",
                          (str(uuid.uuid4()), now))
        con.execute("INSERT INTO event (at, actor, kind, entity, entity_id, payload)"
                    " VALUES (?, 'kiosk:door', 'visit.checked_in', 'visit', ?, ?)",
                    (now, cur.lastrowid, '{"visit_id":%d,"lounge_id":1}' % cur.lastrowid))
        con.commit()
        con.close()
        t0 = time.monotonic()
        zq = kf.wait_text(app, text="ZQ", timeout=10)
        tap.ok(zq is not None, f"a new check-in appears by itself ({time.monotonic() - t0:.1f} s)")
        tap.ok(wt.find(app, contains="Zed Quinn") is None and wt.find(app, contains="Quinn") is None,
               "by initials only")
        tap.ok(proc.poll() is None, "the board is still running")
    finally:
        code = wt.stop(proc)
    tap.ok(code == 0, "the board quits cleanly", f"exit status {code}")
tap.done()
