#!/usr/bin/python3
# test-atspi.py
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the window over the accessibility bus, as a screen reader or a
# test robot would: the application must show up there, every control must
# carry a name, and a search typed into the search field must narrow the
# article list. Run by meson under Xvfb and a private session bus.

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The AT-SPI client library warns about objects that come and go while
# the window builds itself; that is no failure of the application, whose
# own warnings stay fatal (its environment keeps G_DEBUG).
APP_DEBUG = os.environ.pop('G_DEBUG', None)

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError) as error:
    print(f"# skipped: no AT-SPI bindings ({error})")
    sys.exit(77)

INTERACTIVE = {
    'push button', 'toggle button', 'menu button', 'text', 'entry', 'check box', 'combo box',
    'spin button', 'link', 'slider', 'radio button', 'switch', 'page tab',
}
TYPE_PREFIXES = ('Gtk', 'Adw', 'Cc')


def children(acc):
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is not None:
            yield child


def walk(acc, depth=0):
    yield acc, depth
    # libadwaita 1.2's toasts carry an unnamed close button of their own,
    # out of the application's reach
    if depth < 40 and acc.get_name() != 'AdwToastWidget':
        for child in children(acc):
            yield from walk(child, depth + 1)


def showing(acc):
    states = acc.get_state_set()
    return states.contains(Atspi.StateType.SHOWING) and states.contains(Atspi.StateType.VISIBLE)


def wait_for(what, condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.3)
    sys.exit(f"not ok: timed out waiting for {what}")


def find_app():
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        if app.get_name() in ('crosscheck', 'Crosscheck'):
            return app
    return None


def list_items(app):
    for acc, _ in walk(app):
        if acc.get_role_name() == 'list' and acc.get_name() == 'Articles':
            return list(children(acc))
    return None


def main():
    binary = os.environ['CROSSCHECK_BINARY']
    tmp = tempfile.mkdtemp(prefix='crosscheck-test-atspi-')
    env = dict(os.environ, GTK_A11Y='atspi', XDG_DATA_HOME=tmp, GSETTINGS_BACKEND='memory')
    if APP_DEBUG:
        env['G_DEBUG'] = APP_DEBUG
    env.pop('NO_AT_BRIDGE', None)
    # The accessibility bus and its registry live in a process group of
    # their own, without our output, so that they end with the test.
    launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
    time.sleep(1)
    app_proc = subprocess.Popen([binary, '--library', os.path.join(tmp, 'library.db')], env=env)
    failures = []
    try:
        app = wait_for('the application on the accessibility bus', find_app)
        print('ok 1 the application is on the accessibility bus')

        items = wait_for('five articles in the list',
                         lambda: (lambda l: l if l is not None and len(l) == 5 else None)(list_items(app)))
        print(f'ok 2 the article list shows {len(items)} articles')

        unnamed = []
        for acc, _ in walk(app):
            role = acc.get_role_name()
            # every page's controls, not only those of the page shown
            if role in INTERACTIVE:
                name = acc.get_name() or ''
                words = name.replace('_', '').split()
                # a name said twice ("Import Import") reads badly too
                doubled = len(words) >= 2 and len(words) % 2 == 0 and \
                    words[:len(words) // 2] == words[len(words) // 2:]
                if not name.strip() or name.startswith(TYPE_PREFIXES) or doubled:
                    unnamed.append(f'{role} {name!r}')
        if unnamed:
            failures.append('controls without a name: ' + ', '.join(unnamed))
            print('not ok 3 every control has one name')
        else:
            print('ok 3 every control has one name')

        entry = None
        for acc, _ in walk(app):
            if acc.get_role_name() in ('text', 'entry') and acc.get_name() == 'Search articles':
                entry = acc
                break
        if entry is None or 'EditableText' not in entry.get_interfaces():
            failures.append('no editable search field named “Search articles”')
            print('not ok 4 typing a search narrows the list')
        else:
            Atspi.EditableText.insert_text(entry, 0, 'Pentagon', len('Pentagon'))
            narrowed = wait_for('the list to narrow',
                                lambda: (lambda l: l if l is not None and 0 < len(l) < 5 else None)(list_items(app)),
                                seconds=15)
            print(f'ok 4 typing a search narrows the list to {len(narrowed)} articles')
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=10)
        os.killpg(launcher.pid, signal.SIGTERM)
        launcher.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        sys.exit('\n'.join(failures))
    print('1..4')


if __name__ == '__main__':
    main()
