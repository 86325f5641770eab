#!/usr/bin/env python3
# test-layout.py: every #include "cc-*.h" in src/core names a header of its
# own folder or of a folder before it in the order src/core/meson.build
# builds them, and the core includes no GTK header.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "core")

with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
    build = f.read()
match = re.search(r"foreach part : \[([^\]]*)\]", build)
if not match:
    sys.exit("src/core/meson.build names no folder order")
order = re.findall(r"'([a-z]+)'", match.group(1))

home = {}
for folder in order:
    for name in os.listdir(os.path.join(root, folder)):
        if name.endswith(".h"):
            home[name] = folder
# Generated from base/cc-types.h.
home["cc-enums.h"] = "base"

loose = [n for n in os.listdir(root) if n.endswith((".c", ".h"))]
errors = ["src/core/%s: not in a folder" % n for n in loose]
checked = 0
for folder in order:
    rank = order.index(folder)
    for name in sorted(os.listdir(os.path.join(root, folder))):
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(root, folder, name)
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                m = re.match(r'\s*#\s*include\s*[<"]([^">]+)[">]', line)
                if not m:
                    continue
                header = m.group(1)
                checked += 1
                where = "src/core/%s/%s:%d" % (folder, name, number)
                if header.startswith(("gtk/", "adwaita", "gdk/")):
                    errors.append("%s: includes %s" % (where, header))
                if not header.startswith("cc-"):
                    continue
                if header not in home:
                    if header not in ("cc-core-resources.h", "cc-extract-resources.h", "config.h"):
                        errors.append("%s: %s is no core header" % (where, header))
                    continue
                if order.index(home[header]) > rank:
                    errors.append("%s: %s/ includes %s of %s/, which comes after it"
                                  % (where, folder, header, home[header]))

for e in errors:
    print(e)
print("%d includes checked in %d folders; %d against the order" % (checked, len(order), len(errors)))
sys.exit(1 if errors else 0)
