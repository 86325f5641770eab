#!/usr/bin/python3
# test-atspi-l10n.py LANGUAGE LOCALE
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the window as a person reading LANGUAGE would, with LANGUAGE and
# LANG set (test-atspi-l10n.py uk uk_UA.UTF-8), and reads it over the
# accessibility bus: the view switcher, the article list and its search
# field must carry the catalogue's names, no control may keep an English
# name the catalogue translates, each article row must give its date in
# the language's format and its claim count in the language's plural
# form, and the reader must group the digits of large numbers as the
# locale does. The command line's help and errors, and the cover of the
# report it exports, read back with pdftotext, must be in the language
# too, and so must the claim statuses of the report's table and of the
# compare view's claim matrix. The expected strings come from the
# compiled catalogue, read with Python's gettext, and from the command
# line's JSON, and the dates and numbers from the C library's locale
# through Python. Run by meson under Xvfb and a private session bus.

import gettext
import json
import locale
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from cc_atspi import APP_DEBUG, Atspi, children, start_bus, stop_bus, wait_for
from gi.repository import GLib

NBSP = '\u00a0'
# The claim statuses, as the catalogue's "claim status" messages
STATUSES = ['Preparing', 'Sent', 'Training', 'Deployed', 'Fighting', 'Killed',
            'Injured', 'Captured', 'Total', 'Other']


def text_of(acc):
    """The accessible's role, name and description, or None once it has
    left the window."""
    try:
        return acc.get_role_name(), acc.get_name() or '', acc.get_description() or ''
    except GLib.Error:
        return None


def walk(acc, depth=0):
    yield acc, depth
    # libadwaita 1.2's toasts hold widgets of their own, out of the
    # application's reach
    texts = text_of(acc)
    if depth < 40 and texts is not None and texts[1] != 'AdwToastWidget':
        for child in children(acc):
            yield from walk(child, depth + 1)


def find_app():
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        texts = text_of(app)
        if texts is not None and texts[1] in ('crosscheck', 'Crosscheck'):
            return app
    return None


def find(app, role, name):
    for acc, _ in walk(app):
        texts = text_of(acc)
        if texts is not None and texts[:2] == (role, name):
            return acc
    return None


def english_msgids(catalogue):
    """The English messages the catalogue gives another text, with the
    context of those that have one left out."""
    english = set()
    for key, value in catalogue._catalog.items():
        if isinstance(key, tuple):      # a plural form
            key, value = key[0], None
        if not key:
            continue
        if '\x04' in key:
            key = key.split('\x04', 1)[1]
        if value is None or value != key:
            english.add(key)
    return english


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: test-atspi-l10n.py LANGUAGE LOCALE')
    language, locale_name = sys.argv[1], sys.argv[2]
    binary = os.environ['CROSSCHECK_BINARY']
    localedir = os.environ['CROSSCHECK_LOCALEDIR']

    try:
        catalogue = gettext.translation('crosscheck', localedir, languages=[language])
    except OSError as error:
        sys.exit(f'not ok: no {language} catalogue in {localedir}: {error}')
    _ = catalogue.gettext
    try:
        locale.setlocale(locale.LC_ALL, locale_name)
    except locale.Error:
        sys.exit(f'not ok: the C library has no {locale_name} locale (build-aux/setup generates it)')

    tmp = tempfile.mkdtemp(prefix=f'crosscheck-test-l10n-{language}-')
    library = os.path.join(tmp, 'library.db')
    env = {key: value for key, value in os.environ.items() if not key.startswith('LC_')}
    env.update(GTK_A11Y='atspi', XDG_DATA_HOME=tmp, GSETTINGS_BACKEND='memory',
               LANG=locale_name, LANGUAGE=language)
    if APP_DEBUG:
        env['G_DEBUG'] = APP_DEBUG
    env.pop('NO_AT_BRIDGE', None)
    launcher = start_bus()
    app_proc = subprocess.Popen([binary, '--library', library], env=env)
    failures = []

    def check(number, ok, what, detail=''):
        print(f'{"ok" if ok else "not ok"} {number} {what}')
        if not ok:
            failures.append(f'{what}: {detail}')

    try:
        app = wait_for('the application on the accessibility bus', find_app)

        # 1: the view switcher's pages, by their translated titles
        pages = ['Read', 'Timeline', 'Compare', 'Tags']
        untranslated = [page for page in pages if _(page) == page]
        if untranslated:
            sys.exit(f'not ok: the {language} catalogue leaves {untranslated} in English')
        missing = [_(page) for page in pages if find(app, 'page tab', _(page)) is None]
        check(1, not missing, f'the view switcher names its pages in {language}',
              f'no page tab named {missing}')

        # 2: the article list and its search field
        articles_name = _('Articles')
        items = wait_for('five articles in the list', lambda: (
            lambda lst: list(children(lst)) if lst is not None and lst.get_child_count() == 5 else None)(
                find(app, 'list', articles_name)))
        search = find(app, 'entry', _('Search articles')) or find(app, 'text', _('Search articles'))
        check(2, search is not None and articles_name != 'Articles',
              f'the article list “{articles_name}” and its search field are named in {language}',
              'no search field named ' + _('Search articles'))

        # 3: nothing the catalogue translates is left in English
        english = english_msgids(catalogue)
        left = sorted({f'{texts[0]} {text!r}'
                       for texts in map(text_of, (acc for acc, _depth in walk(app)))
                       if texts is not None
                       for text in texts[1:]
                       if text in english})
        check(3, not left, f'no name or description is left in English', ', '.join(left))

        # 4: each row gives its date in the language's format and its
        # claims in the language's plural form, as the command line's
        # JSON says them
        listed = subprocess.run([binary, '--library', library, 'list', '--json'],
                                capture_output=True, text=True, check=True,
                                env=dict(env, LANG='C.UTF-8', LANGUAGE=''))
        articles = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
        day_format = catalogue.pgettext('article date', '%-d %b %Y')
        wrong = []
        for item in items:
            name = item.get_name()
            article = next((a for a in articles if a['title'] == name), None)
            if article is None:
                wrong.append(f'{name!r} is not in `crosscheck list`')
                continue
            published = time.strptime(article['published'], '%Y-%m-%d')
            day = time.strftime(day_format, published).replace(' ', NBSP)
            claims = catalogue.ngettext('%s claim', '%s claims', article['claims']) % article['claims']
            description = item.get_description() or ''
            if day not in description or not description.endswith(claims):
                wrong.append(f'{name!r}: {description!r}, not “{day}” and “{claims}”')
        check(4, not wrong, f'article rows give dates and claim counts in {language}', '; '.join(wrong))

        # 5: the reader groups the digits of a large number as the locale
        # does; the newest article, first in the list, counts 10,000 troops
        articles_list = find(app, 'list', articles_name)
        articles_list.select_child(0)
        first = next(a for a in articles if a['title'] == items[0].get_name())
        claimed = subprocess.run([binary, '--library', library, 'claims', '--json'],
                                 capture_output=True, text=True, check=True,
                                 env=dict(env, LANG='C.UTF-8', LANGUAGE=''))
        # a vague claim ("several thousand") is shown in words
        large = sorted({int(c['low']) for c in map(json.loads, claimed.stdout.splitlines())
                        if c['article_id'] == first['id'] and c['low'] >= 1000 and not c['vague']})
        if not large:
            sys.exit(f'not ok: the article {first["title"]!r} claims no number of 1,000 or more')
        expected = [locale.format_string('%d', value, grouping=True) for value in large]
        if expected[0] == str(large[0]):
            sys.exit(f'not ok: {locale_name} groups no digits')

        def claim_names():
            claims_list = find(app, 'list', _('Claims in this article'))
            if claims_list is None:
                return None
            names = [texts[1] for texts in map(text_of, children(claims_list)) if texts is not None]
            return names if any(any(e in n for e in expected) for n in names) else None

        names = wait_for(f'the reader to show {expected}', claim_names, seconds=15)
        separator = locale.localeconv()['thousands_sep']
        foreign = [n for n in names if separator != ',' and re.search(r'\d,\d{3}\b', n)]
        check(5, all(any(e in n for n in names) for e in expected) and not foreign,
              f'the reader writes {", ".join(expected)} as {locale_name} groups digits',
              f'claims read {names}')

        # 6: the command line speaks the language too
        helped = subprocess.run([binary, '--help'], capture_output=True, text=True, env=env)
        refused = subprocess.run([binary, 'frobnicate'], capture_output=True, text=True, env=env)
        unknown = _('unknown command “%s”') % 'frobnicate'
        check(6, helped.returncode == 0 and helped.stdout.startswith(_('Usage:')) and
              _('Print this help and exit') in helped.stdout and
              refused.returncode == 2 and unknown in refused.stderr,
              f'the command line prints its help and errors in {language}',
              f'--help: {helped.stdout[:200]!r}; frobnicate: {refused.stderr!r}')

        # 7: the report's cover, read back from the PDF: its title, counts
        # and day in the language, its letters in a font that has them
        pdftotext = shutil.which('pdftotext')
        if pdftotext is None:
            print('ok 7 # skip: no pdftotext to read the report')
        else:
            report = os.path.join(tmp, 'report.pdf')
            subprocess.run([binary, '--library', library, 'export', '--report', report],
                           capture_output=True, check=True, env=env)
            cover = subprocess.run([pdftotext, '-f', '1', '-l', '1', report, '-'],
                                   capture_output=True, text=True, check=True).stdout
            cover = ' '.join(cover.split())
            n_claims = sum(a['claims'] for a in articles)
            expected = [
                _('Crosscheck Report'),
                catalogue.ngettext('%s article', '%s articles', len(articles)) % len(articles),
                catalogue.ngettext('%s claim', '%s claims', n_claims) %
                locale.format_string('%d', n_claims, grouping=True),
                _('Prepared with Crosscheck on %s') % time.strftime(_('%-d %B %Y')),
            ]
            missing = [text for text in expected if ' '.join(text.split()) not in cover]
            # the statuses of its table of claims, after their subject
            document = subprocess.run([pdftotext, report, '-'],
                                      capture_output=True, text=True, check=True).stdout
            document = ' '.join(document.split())
            english_ids = re.findall(r'· (' + '|'.join(s.lower() for s in STATUSES) + r')\b', document)
            table_statuses = [label for label in
                              (catalogue.pgettext('claim status', s).lower() for s in STATUSES)
                              if f'· {label}' in document]
            check(7, not missing and not english_ids and table_statuses,
                  f'the report\'s cover and table read in {language}',
                  f'{missing} not in {cover!r}; statuses in English {english_ids}, '
                  f'in {language} {table_statuses}')

        # 8: two articles chosen for comparison; the matrix says who made
        # each claim, its status and when, the status in the language
        translated = {catalogue.pgettext('claim status', status) for status in STATUSES}
        # The picker lists the library once the Compare page is shown.
        tab = find(app, 'page tab', _('Compare'))
        if tab is None or 'Action' not in tab.get_interfaces() or not tab.do_action(0):
            sys.exit('not ok: cannot open the Compare page')

        def filled_chooser():
            found = find(app, 'list', _('Articles to compare'))
            return found if found is not None and found.get_child_count() >= 2 else None

        chooser = wait_for('the articles to compare', filled_chooser, seconds=15)
        if not (chooser.select_child(0) and chooser.select_child(1)):
            sys.exit('not ok: cannot choose two articles to compare')

        def matrix_sources():
            matrix = find(app, 'tree table', _('Claims and the articles that carry them'))
            if matrix is None:
                return None
            rows = [texts[1] for texts in map(text_of, (acc for acc, _depth in walk(matrix)))
                    if texts is not None and texts[0] == 'label' and ' · ' in texts[1]]
            return rows or None

        rows = wait_for('the claim matrix', matrix_sources, seconds=15)
        wrong = [row for row in rows if row.split(' · ')[1] not in translated or
                 re.search(r'\b(' + '|'.join(s.lower() for s in STATUSES) + r')\b', row)]
        check(8, not wrong, f'the compare matrix gives each claim\'s status in {language}',
              f'{wrong} (statuses {sorted(translated)})')
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=10)
        stop_bus(launcher)
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        sys.exit('\n'.join(failures))
    print('1..8')


if __name__ == '__main__':
    main()
