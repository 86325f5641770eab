#!/usr/bin/python3
# test-open-files.py
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Files opened from the file manager: the window is running, and a second
# launch by the desktop file's Exec line (as `gio launch` and Files run it)
# hands a text file and a PDF to it. Both are imported into the library
# the window shows, the first is shown in the reader, and the second
# process exits at once. Run by meson under Xvfb and a private session bus.

import json
import os
import shutil
import subprocess
import sys
import tempfile

from cc_atspi import Atspi, app_env, children, find_app, find_list, start_bus, stop_bus, wait_for, walk

FIRST_TITLE = 'Flood waters reach the lower town'
SECOND_TITLE = 'Volunteers clear the river banks'
KEPT_TITLE = 'Bridge reopens after repairs'


def write(path, title, body):
    with open(path, 'w', encoding='utf-8') as out:
        out.write(f'{title}\n\n{body}\n')


def exec_line(desktop_file, paths):
    """The Exec line with %U expanded to file URIs, as launchers do."""
    with open(desktop_file, encoding='utf-8') as f:
        exec_value = next(line.split('=', 1)[1].strip() for line in f if line.startswith('Exec='))
    words = exec_value.split()
    if words.count('%U') != 1:
        sys.exit(f'not ok: the Exec line "{exec_value}" does not take %U')
    uris = ['file://' + os.path.abspath(p) for p in paths]
    argv = []
    for word in words:
        argv.extend(uris if word == '%U' else [word])
    return argv


def titles_listed(app):
    found = find_list(app, 'Articles')
    if found is None:
        return set()
    names = set()
    for row in children(found):
        for acc in walk(row):
            if acc.get_name():
                names.add(acc.get_name())
    return names


def shown_in_reader(app, title):
    """A label reading @title outside the rows of a list: the reader's
    heading. (GTK 4.8 does not keep the showing state over AT-SPI.)"""
    def labels(acc, in_row, depth=0):
        if acc.get_role_name() == 'label' and not in_row:
            yield acc
        if depth < 60 and acc.get_name() != 'AdwToastWidget':
            for child in children(acc):
                yield from labels(child, in_row or child.get_role_name() == 'list item', depth + 1)
    return any(label.get_name() == title for label in labels(app, False))


def main():
    binary = os.environ['CROSSCHECK_BINARY']
    desktop_file = os.environ['CROSSCHECK_DESKTOP_FILE']
    tmp = tempfile.mkdtemp(prefix='crosscheck-test-open-files-')
    env = app_env(XDG_DATA_HOME=os.path.join(tmp, 'data'), XDG_CONFIG_HOME=os.path.join(tmp, 'config'))

    kept = os.path.join(tmp, 'kept.txt')
    first = os.path.join(tmp, 'flood.txt')
    second_txt = os.path.join(tmp, 'volunteers.txt')
    second_pdf = os.path.join(tmp, 'volunteers.pdf')
    write(kept, KEPT_TITLE, 'About 2,000 drivers crossed the bridge on its first day, the city said.')
    write(first, FIRST_TITLE, 'About 300 residents were evacuated on Sunday, the fire service said.')
    write(second_txt, SECOND_TITLE, 'Some 150 volunteers worked along the river, the mayor said.')

    # The PDF is the app's own export of an article from another library.
    other = os.path.join(tmp, 'other.db')
    run = subprocess.run([binary, '--library', other, 'import', second_txt], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f'not ok: could not import the PDF\'s article: {run.stderr}')
    run = subprocess.run([binary, '--library', other, 'export', '--pdf', second_pdf],
                         capture_output=True, text=True)
    if run.returncode != 0 or not os.path.exists(second_pdf):
        sys.exit(f'not ok: could not export the PDF: {run.stderr}')

    # The user's library already holds an article, so no sample is offered.
    run = subprocess.run([binary, 'import', kept], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f'not ok: could not import into the default library: {run.stderr}')

    launcher = start_bus()
    app_proc = subprocess.Popen([binary], env=env)
    try:
        app = wait_for('the application on the accessibility bus', find_app)
        wait_for('the stored article in the list', lambda: KEPT_TITLE in titles_listed(app))
        articles = find_list(app, 'Articles')
        if 'Selection' in articles.get_interfaces():
            Atspi.Selection.select_child(articles, 0)
        wait_for('the stored article in the reader', lambda: shown_in_reader(app, KEPT_TITLE))
        print('ok 1 the window lists the library and reads its article')

        # The Exec line names the installed binary: this build's comes first on PATH.
        launch_env = dict(env, PATH=os.path.dirname(binary) + os.pathsep + env.get('PATH', ''))
        second = subprocess.run(exec_line(desktop_file, [first, second_pdf]), env=launch_env,
                                capture_output=True, text=True, timeout=60)
        if second.returncode != 0:
            sys.exit(f'not ok 2: the second launch exited {second.returncode}: {second.stderr}')
        if app_proc.poll() is not None:
            sys.exit('not ok 2: the running window quit')
        print('ok 2 a second launch with the Exec line hands the files over and exits')

        wait_for('both files in the list',
                 lambda: {FIRST_TITLE, SECOND_TITLE} <= titles_listed(app), seconds=60)
        print('ok 3 the text file and the PDF are imported into the window')

        wait_for('the first file in the reader', lambda: shown_in_reader(app, FIRST_TITLE))
        print('ok 4 the reader shows the first file')
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=10)
        stop_bus(launcher)

    listed = subprocess.run([binary, 'list', '--json'], env=env, capture_output=True, text=True)
    stored = [json.loads(line)['title'] for line in listed.stdout.splitlines()]
    shutil.rmtree(tmp, ignore_errors=True)
    if sorted(stored) != sorted([KEPT_TITLE, FIRST_TITLE, SECOND_TITLE]):
        sys.exit(f'not ok 5: the library holds {stored}')
    print('ok 5 the library holds the three articles, each once')
    print('1..5')


if __name__ == '__main__':
    main()
