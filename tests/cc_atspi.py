# cc_atspi.py: what the AT-SPI tests share. They drive the window over the
# accessibility bus as a screen reader or a test robot would, under Xvfb
# and a private session bus (build-aux/test).
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal
import subprocess
import sys
import time

# The AT-SPI client library warns about objects that come and go while the
# window builds itself; that is no failure of the application, whose own
# warnings stay fatal (its environment keeps G_DEBUG).
APP_DEBUG = os.environ.pop('G_DEBUG', None)

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as error:
    print(f"# skipped: no AT-SPI bindings ({error})")
    sys.exit(77)


def children(acc):
    try:
        for i in range(acc.get_child_count()):
            child = acc.get_child_at_index(i)
            if child is not None:
                yield child
    except GLib.Error:
        # the object left the window while it was read: a page built
        # again, a popover closed
        return


def walk(acc, depth=0):
    yield acc
    # libadwaita 1.2's toasts carry an unnamed close button of their own
    if depth < 40 and acc.get_name() != 'AdwToastWidget':
        for child in children(acc):
            yield from walk(child, depth + 1)


def wait_for(what, condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.3)
    sys.exit(f"not ok: timed out waiting for {what}")


def find_app():
    for app in children(Atspi.get_desktop(0)):
        if app.get_name() in ('crosscheck', 'Crosscheck'):
            return app
    return None


def find_list(app, name):
    for acc in walk(app):
        if acc.get_role_name() == 'list' and acc.get_name() == name:
            return acc
    return None


def names_in(acc):
    return {a.get_name() for a in walk(acc) if a.get_name()}


def app_env(**extra):
    """The environment of an application the bus can see."""
    env = dict(os.environ, GTK_A11Y='atspi', GSETTINGS_BACKEND='memory', **extra)
    if APP_DEBUG:
        env['G_DEBUG'] = APP_DEBUG
    env.pop('NO_AT_BRIDGE', None)
    return env


def start_bus():
    """Starts the accessibility bus; stop it with stop_bus()."""
    launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
    time.sleep(1)
    return launcher


def stop_bus(launcher):
    os.killpg(launcher.pid, signal.SIGTERM)
    launcher.wait(timeout=10)
