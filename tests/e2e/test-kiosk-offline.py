#!/usr/bin/python3
"""The kiosk keeps working while its hub is away, end to end: a real hub
(`walkup-hub serve` on 127.0.0.1) on a demo database and `walkup --kiosk
--hub URL` with a kiosk token.  Online, a badge check-in reaches the hub and
the kiosk makes its outbox file in the user's data dir.  The hub is
stopped: the same badge is still greeted (the cached directory), the
check-in is confirmed, and the start screen shows staff, discreetly by the
clock, that one change waits.  The hub comes back on the same port: the
kiosk delivers it by itself, the hint goes, and the visit is in the hub's
database exactly once."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kiosk_fixture as kf  # noqa: E402
import walkuptest as wt  # noqa: E402

tap = wt.TapReporter()
WAITS = "1 change waits to be sent to the hub"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db, port):
    return subprocess.Popen([kf.hub_binary(), "serve", "--db", db, "--listen", f"127.0.0.1:{port}"],
                            stdout=sys.stderr, stderr=sys.stderr, start_new_session=True)


def healthy(base):
    try:
        with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def stop_hub(server):
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


with tempfile.TemporaryDirectory() as tmp:
    db = kf.make_db(tmp)
    priya = kf.query(db, "SELECT id, badge_id FROM person WHERE email = ?",
                     ("priya.sharma@example.com",))[0]
    ticket = kf.query(db, "SELECT ref FROM ticket WHERE requester_id = ? AND status"
                          " IN ('new', 'open', 'pending') ORDER BY created_at DESC", (priya[0],))[0][0]
    r = subprocess.run([kf.hub_binary(), "token", "create", "--db", db, "--role", "kiosk",
                        "--name", "door"], capture_output=True, text=True, timeout=30)
    token = r.stdout.strip()
    tap.ok(r.returncode == 0 and token, "a kiosk token is made", r.stderr)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    data_home = os.path.join(tmp, "data")
    outbox = os.path.join(data_home, "walkup", "outbox", f"127.0.0.1-{port}.db")
    server = serve(db, port)
    proc = None
    try:
        tap.ok(wt.wait_for(lambda: healthy(base), timeout=20), "the hub serves on 127.0.0.1")
        env = kf.write_settings()
        env.update({"WALKUP_HUB_TOKEN": token, "XDG_DATA_HOME": data_home})
        proc = wt.start(["--kiosk", "--hub", base], env=env)
        app = wt.find_app(pid=proc.pid, timeout=30)
        tap.ok(app is not None and kf.wait_text(app, text="Check in") is not None,
               "walkup --kiosk --hub shows the start screen", app and kf.visible_text(app))
        tap.ok(os.path.exists(outbox) and (os.stat(outbox).st_mode & 0o077) == 0,
               "the kiosk keeps a private outbox file for this hub in the user's data dir", outbox)
        tap.ok(kf.find_visible(app, contains="wait to be sent") is None
               and kf.find_visible(app, contains="waits to be sent") is None,
               "nothing waits while the hub answers")

        # online: the check-in reaches the hub (and her badge is cached)
        kf.badge(priya[1])
        tap.ok(kf.wait_text(app, text="Hi Priya") is not None, "online, her badge greets Priya",
               kf.visible_text(app))
        kf.click(app, contains=f"{ticket} · I’m here about this")
        tap.ok(kf.wait_text(app, contains="You’re checked in") is not None, "and checks her in")
        visits = lambda: kf.query(db, "SELECT count(*) FROM visit WHERE person_id = ?"
                                      " AND status = 'waiting'", (priya[0],))[0][0]
        tap.ok(visits() == 1, "the visit is in the hub's database")
        kf.click(app, "Done")
        kf.wait_text(app, text="Check in")

        # the hub goes away
        stop_hub(server)
        server = None
        kf.badge(priya[1])
        tap.ok(kf.wait_text(app, text="Hi Priya") is not None,
               "with the hub stopped, her badge still greets Priya", kf.visible_text(app))
        kf.click(app, contains=f"{ticket} · I’m here about this")
        tap.ok(kf.wait_text(app, contains="You’re checked in") is not None,
               "and the check-in is still confirmed", kf.visible_text(app))
        kf.click(app, "Done")
        hint = kf.wait_text(app, text=WAITS)
        tap.ok(hint is not None, "the start screen says, by the clock, that one change waits",
               kf.visible_text(app))
        kf.shot("offline-waiting")
        pending = kf.query(outbox, "SELECT count(*) FROM outbox WHERE state = 'pending'")[0][0]
        tap.ok(pending == 1, "the change is in the outbox file", pending)

        # the hub comes back on the same port: delivered by itself
        server = serve(db, port)
        tap.ok(wt.wait_for(lambda: healthy(base), timeout=20), "the hub is back")
        gone = wt.wait_for(lambda: kf.find_visible(app, text=WAITS) is None, timeout=90)
        tap.ok(gone, "once delivered, the hint goes", kf.visible_text(app))
        tap.ok(wt.wait_for(lambda: visits() == 2, timeout=10),
               "the offline check-in is in the hub's database", visits())
        uuids = kf.query(db, "SELECT uuid, count(*) FROM visit WHERE person_id = ?"
                             " GROUP BY uuid HAVING count(*) > 1", (priya[0],))
        left = kf.query(outbox, "SELECT count(*) FROM outbox")[0][0]
        tap.ok(not uuids and left == 0, "exactly once, and the outbox is empty", (uuids, left))
    finally:
        if proc is not None:
            wt.stop(proc)
        if server is not None:
            stop_hub(server)

tap.done()
