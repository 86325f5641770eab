#!/usr/bin/python3
# test-atspi.py
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the window over the accessibility bus, as a screen reader or a
# test robot would: the application must show up there, every control must
# carry a name, a search typed into the search field must narrow the
# article list, article rows must be named by their title and details, and
# Alt+2 typed on the keyboard must open the Timeline. Run by meson under Xvfb and a private session bus.

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from cc_atspi import APP_DEBUG, Atspi

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


def said_twice(name):
    """A name said twice ("Import Import", "Claimant Claimant") reads badly."""
    words = name.replace('_', '').split()
    return len(words) >= 2 and len(words) % 2 == 0 and \
        words[:len(words) // 2] == words[len(words) // 2:]


def find_card(app):
    """The claim card's entries, once it is open (the popover joins the
    tree when it is first shown)."""
    entries = [acc for acc, _ in walk(app)
               if acc.get_role_name() in ('text', 'entry') and
               (acc.get_name() or '').replace('_', '').split()[:1] == ['Claimant']]
    if not entries:
        return None
    return entries[0].get_parent().get_parent()


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
                if not name.strip() or name.startswith(TYPE_PREFIXES) or said_twice(name):
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
            Atspi.EditableText.delete_text(entry, 0, len('Pentagon'))
            wait_for('the list to show every article again',
                     lambda: (lambda l: l if l is not None and len(l) == 5 else None)(list_items(app)))

        # A screen reader announces an article row by its title, outlet,
        # date and claims.
        unnamed_rows = []
        for item in list_items(app):
            name = item.get_name() or ''
            description = item.get_description() or ''
            if not name or 'claim' not in description or '·' not in description:
                unnamed_rows.append(f'{name!r} ({description!r})')
        if unnamed_rows:
            failures.append('article rows without a name and details: ' + ', '.join(unnamed_rows))
            print('not ok 5 article rows are named by title, outlet, date and claims')
        else:
            print('ok 5 article rows are named by title, outlet, date and claims')

        # Alt+2, typed on the keyboard, opens the Timeline.
        if shutil.which('xdotool') is None:
            print('ok 6 # skip: no xdotool to type Alt+2')
        else:
            def timeline_checked():
                # the page switcher's tab, selected
                for acc, _ in walk(app):
                    if acc.get_role_name() == 'page tab' and acc.get_name() == 'Timeline' and \
                            acc.get_state_set().contains(Atspi.StateType.SELECTED):
                        return True
                return False

            if timeline_checked():
                failures.append('the Timeline is open before Alt+2')
            windows = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app_proc.pid),
                                      '--name', 'Crosscheck'],
                                     capture_output=True, text=True).stdout.split()
            for window in windows[:1]:
                subprocess.run(['xdotool', 'windowfocus', window], check=False)
            time.sleep(0.5)
            subprocess.run(['xdotool', 'key', '--clearmodifiers', 'alt+2'], check=True)
            wait_for('Alt+2 to open the Timeline', timeline_checked, seconds=15)
            print('ok 6 Alt+2 opens the Timeline')

            # Back to reading: a click in the text, n to the next claim and
            # Enter open the claim's card, whose fields must be named once
            # each too.
            subprocess.run(['xdotool', 'key', '--clearmodifiers', 'alt+1'], check=True)
            for acc, _ in walk(app):
                if acc.get_role_name() == 'list' and acc.get_name() == 'Articles':
                    acc.select_child(0)
                    break
            text = wait_for('the article text', lambda: next(
                (acc for acc, _ in walk(app) if acc.get_role_name() == 'text' and acc.get_name() == 'Article text'),
                None))
            time.sleep(1)
            # GTK 4.8 knows positions within its window only
            box = text.get_extents(Atspi.CoordType.WINDOW)
            subprocess.run(['xdotool', 'mousemove', '--window', windows[0], str(box.x + 20), str(box.y + 5),
                            'click', '1'], check=True)
            time.sleep(0.5)
            subprocess.run(['xdotool', 'key', 'n', 'Return'], check=True)
            card = wait_for('the claim card', lambda: find_card(app), seconds=15)
            doubled = []
            for acc, _ in walk(card):
                if acc.get_role_name() in INTERACTIVE and said_twice(acc.get_name() or ''):
                    doubled.append(f'{acc.get_role_name()} {acc.get_name()!r}')
            if doubled:
                failures.append('claim card controls named twice: ' + ', '.join(doubled))
                print('not ok 7 the claim card names each field once')
            else:
                print('ok 7 the claim card names each field once')
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=10)
        os.killpg(launcher.pid, signal.SIGTERM)
        launcher.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        sys.exit('\n'.join(failures))
    print('1..7')


if __name__ == '__main__':
    main()
