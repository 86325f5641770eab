#!/usr/bin/python3
# test-po.py PODIR
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every language of PODIR/LINGUAS has its catalogue, and every catalogue
# passes `msgfmt --check` (formats, plural forms, header) with one
# mnemonic underscore where the English has one, and translates every
# message: msgfmt --statistics must count no fuzzy and no untranslated
# message.

import os
import re
import shutil
import subprocess
import sys


def main():
    podir = sys.argv[1]
    msgfmt = shutil.which('msgfmt')
    if msgfmt is None:
        sys.exit('not ok: no msgfmt (the gettext package)')

    with open(os.path.join(podir, 'LINGUAS'), encoding='utf-8') as linguas:
        languages = [word for line in linguas
                     for word in line.split('#', 1)[0].split()]
    catalogues = sorted(name[:-3] for name in os.listdir(podir) if name.endswith('.po'))

    failures = []
    if languages != sorted(set(languages)):
        failures.append(f'LINGUAS is not sorted or repeats a language: {languages}')
    if sorted(languages) != catalogues:
        failures.append(f'LINGUAS lists {sorted(languages)}, the .po files are {catalogues}')
    if not languages:
        failures.append('LINGUAS lists no language')

    for n, language in enumerate(sorted(set(languages) & set(catalogues)), start=1):
        path = os.path.join(podir, language + '.po')
        result = subprocess.run([msgfmt, '--check', '--check-accelerators=_', '--statistics',
                                 '--output-file', os.devnull, path],
                                capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        statistics = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ''
        translated = re.search(r'(\d+) translated message', statistics)
        fuzzy = re.search(r'(\d+) fuzzy translation', statistics)
        untranslated = re.search(r'(\d+) untranslated message', statistics)
        problems = []
        if result.returncode != 0:
            problems.append(result.stderr.strip())
        if translated is None or int(translated.group(1)) == 0:
            problems.append('no translated message')
        if fuzzy is not None:
            problems.append(f'{fuzzy.group(1)} fuzzy')
        if untranslated is not None:
            problems.append(f'{untranslated.group(1)} untranslated')
        if problems:
            failures.append(f'{language}.po: ' + '; '.join(problems))
            print(f'not ok {n} {language}.po: {statistics}')
        else:
            print(f'ok {n} {language}.po: {statistics}')

    if failures:
        sys.exit('\n'.join(failures))


if __name__ == '__main__':
    main()
