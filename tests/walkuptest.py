"""Helpers for Walkup's AT-SPI tests: start the real program, find its
window and widgets by role and accessible name, wait without sleeping blind.

Run with the system Python (/usr/bin/python3), which has Debian's pyatspi.
"""
import os
import signal
import subprocess
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


class TapReporter:
    """Minimal TAP output, so meson counts each check."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, diag=None):
        self.n += 1
        if cond:
            print(f"ok {self.n} - {name}", flush=True)
        else:
            self.failed += 1
            print(f"not ok {self.n} - {name}", flush=True)
            if diag:
                for line in str(diag).splitlines():
                    print(f"# {line}", flush=True)
        return cond

    def skip_all(self, why):
        print(f"1..0 # SKIP {why}", flush=True)
        sys.exit(0)

    def done(self):
        print(f"1..{self.n}", flush=True)
        sys.exit(1 if self.failed else 0)


def build_root():
    return os.environ["WALKUP_BUILD_ROOT"]


def walkup_binary():
    return os.path.join(build_root(), "app", "walkup")


def start(args, env=None):
    """Starts walkup with ARGS; its output goes to our stderr (shown on failure)."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.Popen([walkup_binary()] + list(args), env=full_env,
                            stdout=sys.stderr, stderr=sys.stderr,
                            start_new_session=True)


def stop(proc, timeout=10):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


def children(node):
    try:
        n = node.get_child_count()
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            c = node.get_child_at_index(i)
        except Exception:
            c = None
        if c is not None:
            out.append(c)
    return out


def walk(node, depth=0, max_depth=60):
    yield node
    if depth >= max_depth:
        return
    for c in children(node):
        yield from walk(c, depth + 1, max_depth)


def role(node):
    try:
        return node.get_role_name()
    except Exception:
        return ""


def name(node):
    try:
        return node.get_name() or ""
    except Exception:
        return ""


def text_of(node):
    """The accessible name, or for labels without one, their text."""
    n = name(node)
    if n:
        return n
    try:
        t = node.get_text_iface()
        if t is not None:
            return t.get_text(0, t.get_character_count())
    except Exception:
        pass
    return ""


def find_app(app_name="walkup", pid=None, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            try:
                if pid is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
            if pid is None and name(app) == app_name:
                return app
        time.sleep(0.1)
    return None


def wait_for(predicate, timeout=20, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


def find(root, role_name=None, text=None, contains=None):
    for node in walk(root):
        if role_name is not None and role(node) != role_name:
            continue
        t = text_of(node)
        if text is not None and t != text:
            continue
        if contains is not None and contains not in t:
            continue
        return node
    return None


def all_text(root):
    return [text_of(n) for n in walk(root) if text_of(n)]


def screenshot(path):
    """Saves the whole Xvfb screen (needs imagemagick's import)."""
    subprocess.run(["import", "-window", "root", path], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ---- the session's notification daemon (dunst, started by
# walkup-test-session --notifications), asked over D-Bus directly: dunstctl
# needs systemd's busctl for its history, which a bare machine lacks.

DUNST_NAME = "org.freedesktop.Notifications"
DUNST_PATH = "/org/freedesktop/Notifications"
DUNST_IFACE = "org.dunstproject.cmd0"


def _dunst_call(method, args=None, reply="()"):
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    return bus.call_sync(DUNST_NAME, DUNST_PATH, DUNST_IFACE, method, args,
                         GLib.VariantType.new(reply), Gio.DBusCallFlags.NONE, 10000, None)


def dunst_count(what):
    """How many notifications dunst has "displayed", "waiting" or in its "history"."""
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    try:
        reply = bus.call_sync(DUNST_NAME, DUNST_PATH, "org.freedesktop.DBus.Properties", "Get",
                              GLib.Variant("(ss)", (DUNST_IFACE, what + "Length")),
                              GLib.VariantType.new("(v)"), Gio.DBusCallFlags.NONE, 10000, None)
    except GLib.Error:
        return 0
    return int(reply.unpack()[0])


def dunst_total():
    """Every notification dunst has received, shown, waiting or closed."""
    return sum(dunst_count(what) for what in ("displayed", "waiting", "history"))


def dunst_close_all():
    _dunst_call("NotificationCloseAll")


def dunst_action(number=0):
    """Invokes the default action of the notification shown NUMBERth, as a click would."""
    from gi.repository import GLib
    _dunst_call("NotificationAction", GLib.Variant("(u)", (number,)))


def dunst_history():
    """(summary, body) of every notification dunst has received; what is
    still displayed is closed into the history first."""
    from gi.repository import GLib
    try:
        dunst_close_all()
        time.sleep(0.3)
        reply = _dunst_call("NotificationListHistory", reply="(aa{sv})")
    except GLib.Error:
        return []
    return [(n.get("summary", ""), n.get("body", "")) for n in reply.unpack()[0]]
