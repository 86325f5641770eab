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
# message, both in the catalogue as it stands and merged with a template
# made afresh from the sources of POTFILES.in, so a string added to the
# code without its translations fails here.

import os
import re
import shutil
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n "glib" preset.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2', '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3', '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
]


def fresh_template(podir, scratch):
    """The template xgettext makes now from the files of POTFILES.in."""
    root = os.path.dirname(os.path.abspath(podir))
    pot = os.path.join(scratch, 'crosscheck.pot')
    result = subprocess.run(['xgettext', *XGETTEXT_ARGS, '--package-name=crosscheck',
                             '--directory', root, '--files-from', os.path.join(podir, 'POTFILES.in'),
                             '--output', pot],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    if result.returncode != 0:
        sys.exit(f'not ok: xgettext failed: {result.stderr.strip()}')
    return pot


def unlisted_sources(podir):
    """Source files with translatable strings that POTFILES.in leaves out."""
    root = os.path.dirname(os.path.abspath(podir))
    with open(os.path.join(podir, 'POTFILES.in'), encoding='utf-8') as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}
    marks = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')
    unlisted = []
    for folder in ('src', 'ui'):
        for base, _dirs, names in os.walk(os.path.join(root, folder)):
            for name in names:
                if not name.endswith(('.c', '.ui')):
                    continue
                path = os.path.join(base, name)
                with open(path, encoding='utf-8') as f:
                    if marks.search(f.read()):
                        relative = os.path.relpath(path, root)
                        if relative not in listed:
                            unlisted.append(relative)
    return sorted(unlisted)


def statistics_of(msgfmt, path):
    """msgfmt's verdict on @path: (problems, its statistics line)."""
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
    return problems, statistics


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

    unlisted = unlisted_sources(podir)
    if unlisted:
        failures.append(f'POTFILES.in leaves out {unlisted}')

    scratch = tempfile.mkdtemp(prefix='crosscheck-test-po-')
    pot = fresh_template(podir, scratch)
    n = 0
    for language in sorted(set(languages) & set(catalogues)):
        path = os.path.join(podir, language + '.po')
        merged = os.path.join(scratch, language + '.po')
        result = subprocess.run(['msgmerge', '--quiet', '--output-file', merged, path, pot],
                                capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f'{language}.po: msgmerge failed: {result.stderr.strip()}')
            continue
        for what, checked in (('as it stands', path), ('merged with a fresh template', merged)):
            n += 1
            problems, statistics = statistics_of(msgfmt, checked)
            if problems:
                failures.append(f'{language}.po {what}: ' + '; '.join(problems))
                print(f'not ok {n} {language}.po {what}: {statistics}')
            else:
                print(f'ok {n} {language}.po {what}: {statistics}')
    shutil.rmtree(scratch, ignore_errors=True)

    if failures:
        sys.exit('\n'.join(failures))


if __name__ == '__main__':
    main()
