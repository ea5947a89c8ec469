#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# a11y-test.py — reads the real Actormap window through AT-SPI, as a screen reader would.
#
# Run it with an X server (testing.md §5):
#   xvfb-run -a python3 tests/a11y/a11y-test.py build/src/actormap
# It starts itself again under `dbus-run-session` (a private session bus, where the app
# activates its own accessibility bus), so nothing leaks into the developer's session,
# and it passes only TAP lines on: the bus daemons print to stdout too.
#
# The inner run starts the binary (no file: the bundled article), finds the list of
# actors, selects "Kim Yo Jong" through the list's Selection interface and reads her
# statement in the details panel.

import os
import subprocess
import sys
import time

TIMEOUT = 20.0
checks = []


def report(ok, name, detail=''):
    checks.append(ok)
    line = '%s %d - %s' % ('ok' if ok else 'not ok', len(checks), name)
    print(line + (' # ' + detail if detail and not ok else ''), flush=True)


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def walk(node, depth=0, limit=60):
    """Every accessible below node (the tree is small; the depth limit is a guard)."""
    if node is None or depth > limit:
        return
    yield node
    for child in children(node):
        yield from walk(child, depth + 1, limit)


def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ''


def name(node):
    try:
        return node.name or ''
    except Exception:
        return ''


def wait_for(function, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            result = function()
        except Exception:
            result = None
        if result:
            return result
        time.sleep(0.2)
    return None


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def outer(binary):
    """Runs the checks on a private bus; keeps stdout valid TAP."""
    env = dict(os.environ)
    # libatspi warns about objects that vanish while the tree is walked; that is not
    # the app's fault, and GTest's fatal warnings must not kill the reader.
    env['G_DEBUG'] = 'gc-friendly'
    inner = subprocess.Popen(['dbus-run-session', '--', sys.executable, os.path.abspath(__file__),
                              '--inner', binary],
                             env=env, stdout=subprocess.PIPE, text=True)
    tap = ('ok ', 'not ok ', '1..', '#', 'Bail out!')
    for line in inner.stdout:
        line = line.rstrip('\n')
        print(line if line.startswith(tap) else '# ' + line, flush=True)
    return inner.wait()


def main():
    if len(sys.argv) == 2:
        return outer(sys.argv[1])
    if len(sys.argv) != 3 or sys.argv[1] != '--inner':
        print('usage: a11y-test.py ACTORMAP', file=sys.stderr)
        return 2
    return inner(sys.argv[2])


def inner(binary):
    global pyatspi
    import pyatspi

    env = dict(os.environ)
    # The app talks to AT-SPI for real here; GTK_A11Y=test or none would hide it.
    env.pop('GTK_A11Y', None)
    # GTest's fatal warnings are for test binaries, not for the app we look at; its
    # stderr is checked for criticals instead.
    env.pop('G_DEBUG', None)
    env.setdefault('GDK_BACKEND', 'x11')
    env.setdefault('GSETTINGS_BACKEND', 'memory')

    print('1..5', flush=True)
    app_process = subprocess.Popen([binary], env=env, stderr=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, text=True)
    try:
        app = wait_for(lambda: find_app(app_process.pid))
        report(app is not None, 'the application shows up on the accessibility bus')
        if app is None:
            return 1

        actors = wait_for(lambda: next((n for n in walk(app)
                                        if role(n) == 'list' and name(n) == 'Actors'), None))
        report(actors is not None, 'the entity list is named "Actors"')
        if actors is None:
            return 1

        items = wait_for(lambda: [n for n in children(actors) if role(n) == 'list item'])
        names = [name(n) for n in items or []]
        index = names.index('Kim Yo Jong') if 'Kim Yo Jong' in names else -1
        report(index >= 0, 'the list has a row for Kim Yo Jong', 'rows: %r' % names)
        if index < 0:
            return 1

        selection = actors.querySelection()
        selection.selectChild(index)
        selected = wait_for(lambda: selection.isChildSelected(index))
        report(bool(selected), 'selecting the row through AT-SPI selects it')

        def statement_label():
            details = next((n for n in walk(app) if name(n) == 'Details'), None)
            if details is None:
                return None
            return next((name(n) for n in walk(details)
                         if role(n) == 'label' and 'gunpowder' in name(n)), None)

        label = wait_for(statement_label)
        report(label is not None, 'the details panel reads her statement ("gunpowder")',
               'no label with the words in the details panel')
        if label is not None:
            print('# statement: %s' % label, flush=True)
    finally:
        app_process.terminate()
        try:
            _, stderr = app_process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
            _, stderr = app_process.communicate()
        for line in (stderr or '').splitlines():
            print('# app: ' + line, flush=True)
        if 'CRITICAL' in (stderr or ''):
            print('Bail out! the application logged a CRITICAL', flush=True)
            return 1

    return 0 if all(checks) else 1


pyatspi = None

if __name__ == '__main__':
    sys.exit(main())
