#!/usr/bin/python3
# test-atspi-search.py
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Stories and search over the accessibility bus, as a screen reader user
# would meet them: the sidebar lists All Articles and each story, choosing
# a story keeps the article list to it, and typing "Kyiv Po" in the search
# field finds the Kyiv Post article while the word is still being typed.
# The second story is ../shared/corpus-dev when present (its Kyiv Post
# report), else a report written here. Run by meson under Xvfb and a
# private session bus.

import json
import os
import shutil
import subprocess
import sys
import tempfile

from cc_atspi import Atspi, app_env, children, find_app, find_list, names_in, start_bus, \
    stop_bus, wait_for, walk

SAMPLE_STORY = 'North Korean troops in Russia, October 2024'
OTHER_STORY = 'Other coverage'


def list_items(app):
    found = find_list(app, 'Articles')
    return list(children(found)) if found is not None else None


def other_story_dir(tmp):
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.normpath(os.path.join(here, '..', '..', 'shared', 'corpus-dev'))
    if os.path.isdir(corpus):
        return corpus
    print('# ../shared/corpus-dev is absent: using a Kyiv Post report written for this test')
    folder = os.path.join(tmp, 'other')
    os.mkdir(folder)
    with open(os.path.join(folder, 'report.txt'), 'w') as out:
        out.write('Rescue teams reach the flooded valley\n\n'
                  'About 40 people were evacuated from the valley on Monday, '
                  'the regional emergency service said.\n')
    with open(os.path.join(folder, 'meta.json'), 'w') as out:
        json.dump([{'file': 'report.txt', 'title': 'Rescue teams reach the flooded valley',
                    'outlet': 'Kyiv Post', 'published': '2024-10-29'}], out)
    return folder


def cli(binary, library, *args):
    return subprocess.run([binary, '--library', library, *args], capture_output=True, text=True)


def main():
    binary = os.environ['CROSSCHECK_BINARY']
    sample = os.environ['CROSSCHECK_SAMPLE_DIR']
    tmp = tempfile.mkdtemp(prefix='crosscheck-test-atspi-search-')
    library = os.path.join(tmp, 'library.db')

    if cli(binary, library, 'import', '--story', SAMPLE_STORY, sample).returncode != 0:
        sys.exit('not ok: the sample did not import')
    if cli(binary, library, 'import', '--story', OTHER_STORY, other_story_dir(tmp)).returncode > 1:
        sys.exit('not ok: the second story did not import')
    articles = [json.loads(line) for line in cli(binary, library, 'list', '--json').stdout.splitlines()]
    kyiv_post = [a['title'] for a in articles if 'Kyiv Post' in (a['outlet'] or '')]
    if len(kyiv_post) != 1:
        sys.exit(f'not ok: expected one Kyiv Post article, found {kyiv_post}')
    total = len(articles)

    env = app_env(XDG_DATA_HOME=tmp)
    launcher = start_bus()
    app_proc = subprocess.Popen([binary, '--library', library], env=env)
    try:
        app = wait_for('the application on the accessibility bus', find_app)
        wait_for(f'{total} articles in the list',
                 lambda: (lambda l: l if l is not None and len(l) == total else None)(list_items(app)))
        print(f'ok 1 All Articles lists the {total} articles of both stories')

        stories = wait_for('the list of stories', lambda: find_list(app, 'Stories'))
        rows = list(children(stories))
        titles = [row.get_name() for row in rows]
        if titles[:1] != ['All Articles'] or SAMPLE_STORY not in titles or OTHER_STORY not in titles:
            sys.exit(f'not ok 2: the stories read {titles}')
        print('ok 2 the sidebar names All Articles and both stories')

        index = titles.index(SAMPLE_STORY)
        if 'Selection' in stories.get_interfaces():
            Atspi.Selection.select_child(stories, index)
        else:
            Atspi.Action.do_action(rows[index], 0)
        wait_for('the list to keep to the sample story',
                 lambda: (lambda l: l if l is not None and len(l) == 5 else None)(list_items(app)))
        print('ok 3 choosing the sample story lists its five articles')

        Atspi.Selection.select_child(stories, 0) if 'Selection' in stories.get_interfaces() \
            else Atspi.Action.do_action(rows[0], 0)
        wait_for('All Articles again',
                 lambda: (lambda l: l if l is not None and len(l) == total else None)(list_items(app)))

        entry = None
        for acc in walk(app):
            if acc.get_role_name() in ('text', 'entry') and acc.get_name() == 'Search articles':
                entry = acc
                break
        if entry is None or 'EditableText' not in entry.get_interfaces():
            sys.exit('not ok 4: no editable search field named “Search articles”')
        Atspi.EditableText.insert_text(entry, 0, 'Kyiv Po', len('Kyiv Po'))

        def found():
            items = list_items(app)
            if items is None or not 0 < len(items) < total:
                return None
            return items if any(kyiv_post[0] in names_in(item) for item in items) else None

        items = wait_for('the Kyiv Post article', found, seconds=15)
        print(f'ok 4 typing “Kyiv Po” lists {len(items)} articles, the Kyiv Post one among them')
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=10)
        stop_bus(launcher)
        shutil.rmtree(tmp, ignore_errors=True)

    print('1..4')


if __name__ == '__main__':
    main()
