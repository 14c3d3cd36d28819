#!/usr/bin/python3
"""The real `walkup-hub` in front of a real Request Tracker 5:
`serve --upstream rt …` pulls a phone ticket in at identify and delivers a
check-in as an RT comment; `upstream-sync --once` delivers what a hub
without an upstream logged; wrong upstream options are usage errors."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402

fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rt-fixture")
hub = os.path.join(wt.build_root(), "app", "walkup-hub")
tap = wt.TapReporter()
EMAIL = "hub.visitor@corp.example"


def call(method, url, token=None, body=None, scheme="token"):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header("Authorization", f"{scheme} {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


def comments(rt_url, rt_token, ticket, needle):
    """Comment transactions on @ticket whose content has @needle."""
    n = 0
    _, hist = call("GET", f"{rt_url}/ticket/{ticket}/history?fields=Type&per_page=100", rt_token)
    for item in (hist or {}).get("items", []):
        if item.get("Type") != "Comment":
            continue
        _, att = call("GET", f"{rt_url}/transaction/{item['id']}/attachments?fields=Content", rt_token)
        if any(needle in (a.get("Content") or "") for a in (att or {}).get("items", [])):
            n += 1
    return n


def wait_comments(rt_url, rt_token, ticket, needle, want, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        n = comments(rt_url, rt_token, ticket, needle)
        if n >= want or time.monotonic() > deadline:
            return n
        time.sleep(0.5)


def serve(db, *extra):
    proc = subprocess.Popen([hub, "serve", "--db", db, "--listen", "127.0.0.1:0", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    prefix = "walkup-hub listening on "
    if not line.startswith(prefix):
        proc.kill()
        proc.wait()
        raise RuntimeError(f"serve did not start: {line!r} {proc.stderr.read()[-2000:]}")
    return proc, line[len(prefix):]


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


def check_in(base, kiosk_token, ticket_id):
    return call("POST", base + "/api/v1/check-ins", kiosk_token,
                {"uuid": str(uuid.uuid4()), "lounge_id": 1, "person_id": 1, "identified_by": "badge",
                 "ticket_id": ticket_id, "reason": "hardware"}, scheme="Bearer")


with tempfile.TemporaryDirectory() as tmp:
    rtdir = os.path.join(tmp, "rt")
    os.mkdir(rtdir)
    start = subprocess.run([fixture, "start", rtdir], capture_output=True, text=True, timeout=600)
    if start.returncode == 77:
        tap.skip_all("Request Tracker 5 is not installed and this is not root")
    rt_url = start.stdout.strip()
    tap.ok(start.returncode == 0, "RT started", start.stderr[-2000:])
    procs = []
    try:
        token_file = os.path.join(rtdir, "token")
        rt_token = open(token_file).read().strip()
        base_url = rt_url[:-len("/REST/2.0")]
        db = os.path.join(tmp, "lounge.db")
        rt_opts = ["--upstream", "rt", "--rt-url", base_url, "--rt-token-file", token_file,
                   "--rt-queue", "General"]

        # usage errors
        r = subprocess.run([hub, "serve", "--db", db, "--rt-url", base_url],
                           capture_output=True, text=True, timeout=30)
        tap.ok(r.returncode == 2 and "--upstream rt" in r.stderr, "--rt-url alone is a usage error",
               r.stderr)
        r = subprocess.run([hub, "serve", "--db", db, "--upstream", "jira"],
                           capture_output=True, text=True, timeout=30)
        tap.ok(r.returncode == 2 and "jira" in r.stderr, "an unknown upstream is a usage error", r.stderr)
        r = subprocess.run([hub, "upstream-sync", "--db", db, "--rt-url", base_url],
                           capture_output=True, text=True, timeout=30)
        tap.ok(r.returncode == 2 and "--rt-token-file" in r.stderr,
               "upstream-sync needs the token file", r.stderr)

        # a lounge, a person and a kiosk token
        r = subprocess.run([hub, "token", "create", "--db", db, "--role", "kiosk", "--name", "door"],
                           capture_output=True, text=True, timeout=30)
        kiosk_token = r.stdout.strip()
        tap.ok(r.returncode == 0 and kiosk_token, "kiosk token made", r.stderr)
        with sqlite3.connect(db) as conn:
            conn.execute("INSERT INTO lounge (id, name) VALUES (1, 'Main Lounge')")
            conn.execute("INSERT INTO person (id, badge_id, email, display_name, role, created_at,"
                         " updated_at) VALUES (1, '7777', ?, 'Hub Visitor', 'visitor', 0, 0)", (EMAIL,))
        conn.close()

        status, body = call("POST", rt_url + "/ticket", rt_token, {
            "Queue": "General", "Subject": "Called about a broken dock", "Requestor": EMAIL,
            "Content": "By phone.", "ContentType": "text/plain"})
        rt_id = body["id"]

        proc, base = serve(db, *rt_opts)
        procs.append(proc)
        status, ident = call("POST", base + "/api/v1/identify", kiosk_token,
                             {"by": "badge", "value": "7777"}, scheme="Bearer")
        mirrored = [t for t in (ident or {}).get("tickets", []) if t.get("ref") == f"RT-{rt_id}"]
        tap.ok(status == 200 and len(mirrored) == 1, "serve --upstream rt: the phone ticket at identify",
               (status, ident))
        status, visit = check_in(base, kiosk_token, mirrored[0]["id"] if mirrored else 0)
        tap.ok(status == 200, "check-in through the hub", (status, visit))
        n = wait_comments(rt_url, rt_token, rt_id, "Checked in at the walk-up lounge Main Lounge", 1)
        tap.ok(n == 1, "the hub's sync put the check-in on the RT ticket", n)
        rc = stop(proc)
        procs.remove(proc)
        tap.ok(rc == 0, "serve stops on SIGTERM", rc)

        # a hub without an upstream logs a check-in; upstream-sync delivers it on its own
        proc, base = serve(db)
        procs.append(proc)
        status, _ = check_in(base, kiosk_token, mirrored[0]["id"] if mirrored else 0)
        stop(proc)
        procs.remove(proc)
        r = subprocess.run([hub, "upstream-sync", "--db", db, "--rt-url", base_url,
                            "--rt-token-file", token_file, "--once"],
                           capture_output=True, text=True, timeout=120)
        tap.ok(r.returncode == 0, "upstream-sync --once delivers and exits 0", r.stderr[-2000:])
        n = comments(rt_url, rt_token, rt_id, "Checked in at the walk-up lounge Main Lounge")
        tap.ok(n == 2, "the second check-in is on the ticket, the first not twice", n)
        r = subprocess.run([hub, "upstream-sync", "--db", db, "--rt-url", base_url,
                            "--rt-token-file", token_file, "--once"],
                           capture_output=True, text=True, timeout=120)
        n = comments(rt_url, rt_token, rt_id, "Checked in at the walk-up lounge Main Lounge")
        tap.ok(r.returncode == 0 and n == 2, "run again: nothing sent twice", (r.returncode, n))
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT outcome, COUNT(*) FROM upstream_delivery GROUP BY outcome").fetchall()
        conn.close()
        tap.ok(rows == [("delivered", 2)], "two delivery rows, both delivered", rows)
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
        pid = open(os.path.join(rtdir, "server.pid")).read().strip() \
            if os.path.exists(os.path.join(rtdir, "server.pid")) else None
        subprocess.run([fixture, "stop", rtdir], capture_output=True, text=True, timeout=60)
    tap.ok(pid is None or not os.path.exists(f"/proc/{pid}"), "RT stopped by its PID")
tap.done()
