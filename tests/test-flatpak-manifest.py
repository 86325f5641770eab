#!/usr/bin/python3
# test-flatpak-manifest.py
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Flatpak manifest in build-aux/ stays one Flathub would build: valid
# JSON with the app id and command of this build, a GNOME runtime, no
# network and no file system permission (files come through the portal's
# file chooser and drag and drop), every downloaded source pinned by its
# SHA-256, and the app itself built last from this checkout with meson.
# With flatpak-builder installed, it also reads the manifest.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, '..'))
app_id = os.environ.get('CROSSCHECK_APP_ID', 'io.github.crosscheck.Crosscheck')
# The manifest names the stable id even in a .Devel build.
app_id = app_id.removesuffix('.Devel')
path = os.path.join(root, 'build-aux', app_id + '.json')
failures = []


def check(number, ok, what):
    print(f"{'ok' if ok else 'not ok'} {number} {what}")
    if not ok:
        failures.append(what)


with open(path, encoding='utf-8') as f:
    manifest = json.load(f)

check(1, manifest.get('id') == app_id, f'the id is {app_id}')
check(2, manifest.get('command') == 'crosscheck', 'the command is the binary meson installs')
check(3, manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk'
      and re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))) is not None,
      'a GNOME runtime and SDK of a stable version')

args = manifest.get('finish-args', [])
check(4, not any(a.startswith('--share=network') for a in args), 'no network permission')
check(5, not any(a.startswith(('--filesystem', '--talk-name=org.freedesktop.Flatpak')) for a in args),
      'no file system permission: files come through the portal')
check(6, '--socket=wayland' in args and '--socket=fallback-x11' in args and '--share=ipc' in args,
      'Wayland, with X11 as a fallback only')

modules = manifest.get('modules', [])
app = modules[-1] if modules else {}
sources = app.get('sources', [])
check(7, app.get('name') == 'crosscheck' and app.get('buildsystem') == 'meson'
      and any(s.get('type') == 'dir'
              and os.path.isfile(os.path.join(root, 'build-aux', s.get('path', ''), 'meson.build'))
              for s in sources),
      'the app is built last, with meson, from this checkout')

pinned = True
for module in modules:
    for source in module.get('sources', []):
        if source.get('type') in ('archive', 'file'):
            if not source.get('url', '').startswith('https://') or \
               re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is None:
                pinned = False
                print(f"# {module.get('name')}: {source.get('url')} is not pinned")
check(8, pinned, 'every download over https with its SHA-256')

builder = shutil.which('flatpak-builder')
if builder:
    # It keeps a state folder in the working folder: a scratch one here.
    with tempfile.TemporaryDirectory(prefix='crosscheck-flatpak-') as scratch:
        run = subprocess.run([builder, '--show-manifest', path], capture_output=True, text=True,
                             cwd=scratch)
    check(9, run.returncode == 0, 'flatpak-builder reads the manifest')
else:
    print('ok 9 # skip flatpak-builder is not installed')

print('1..9')
sys.exit(1 if failures else 0)
