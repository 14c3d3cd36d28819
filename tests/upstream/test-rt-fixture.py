#!/usr/bin/python3
"""The Request Tracker fixture the upstream suite stands on: it starts a real
RT 5 on 127.0.0.1, its REST 2.0 API takes the token, a ticket made as if by
phone can be found by its requester, and stop really stops it."""
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import walkuptest as wt  # noqa: E402

fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rt-fixture")
tap = wt.TapReporter()


def call(method, url, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header("Authorization", "token " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


with tempfile.TemporaryDirectory() as tmp:
    start = subprocess.run([fixture, "start", tmp], capture_output=True, text=True, timeout=600)
    if start.returncode == 77:
        tap.skip_all("Request Tracker 5 is not installed and this is not root")
    url = start.stdout.strip()
    tap.ok(start.returncode == 0 and url.startswith("http://127.0.0.1:"),
           "the fixture starts RT on 127.0.0.1", start.stderr[-2000:])
    try:
        token = open(os.path.join(tmp, "token")).read().strip()
        status, _ = call("GET", url + "/")
        tap.ok(status == 401, "REST 2.0 refuses a call without credentials", status)
        status, body = call("POST", url + "/ticket", token, {
            "Queue": "General", "Subject": "Laptop will not charge",
            "Requestor": "zoe.muller@corp.example",
            "Content": "Called the service desk.", "ContentType": "text/plain"})
        tap.ok(status == 201 and body and body.get("id"), "a ticket is created with the token",
               (status, body))
        query = urllib.parse.quote("Requestor.EmailAddress = 'zoe.muller@corp.example' "
                                   "AND Status = '__Active__'")
        status, body = call("GET", f"{url}/tickets?query={query}&fields=Subject", token)
        subjects = [i.get("Subject") for i in (body or {}).get("items", [])]
        tap.ok(status == 200 and subjects == ["Laptop will not charge"],
               "the requester's active tickets are found by TicketSQL", (status, body))
    finally:
        pid = open(os.path.join(tmp, "server.pid")).read().strip() \
            if os.path.exists(os.path.join(tmp, "server.pid")) else None
        stop = subprocess.run([fixture, "stop", tmp], capture_output=True, text=True, timeout=60)
    gone = pid is None or not os.path.exists(f"/proc/{pid}")
    tap.ok(stop.returncode == 0 and gone, "stop ends the server by its PID", stop.stderr)
tap.done()
