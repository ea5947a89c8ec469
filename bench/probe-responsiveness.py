#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Is the window responsive while it opens, lays out, selects and searches big maps?

Seen from outside, as a screen reader sees the app: a probe process asks the running
`actormap` a trivial AT-SPI question (the Name property of its accessible root) every
--interval ms and records when each answer arrives.  GTK answers AT-SPI calls on its
main thread, so the gap between two consecutive answers is how long the main loop was
stalled.  A second client (this script, through pyatspi) meanwhile drives the window
the way a user would, in four phases:

  open      spawn -> the map is shown (a scene is on the canvas: the window's zoom
            actions are enabled and the progress overlay's Cancel is insensitive).
            If the first layout fails with "Layout Took Too Long", "Wait Longer" is
            clicked (twice at most), as a user would
  relayout  the engine menu button is clicked and "sfdp" picked (--engine overrides)
            -> the new layout is done (Cancel insensitive again, the button shows the
            engine, no "Layout with ... failed" toast).  sfdp because it is the engine
            that lays out thousands of actors within the window's 15 s limit; when
            Automatic had already picked it, picking it by name still lays the map out
            again, and the main thread's share (taking the scene in, drawing it) is the
            same whichever engine ran in the helper
  select    a row of the "Actors" list is selected through its Selection interface
  search    a word is typed into "Search the map" (EditableText); the phase ends when
            the app has answered a question about the entry after the search delay

  views     (only with --phases …,views; after select) issue 9's views from the canvas's
            own AT-SPI actions and the view bar: focus on the selected actor
            (canvas.focus-selection, what F does), depth 2, depth 3 (the view bar's
            toggle buttons), the whole map again (canvas.whole-map); each step is
            watched --settle seconds and reported on its own

After each phase the probe keeps watching for --settle seconds, so a stall that starts
just after the visible change (drawing the new scene, filtering the list) is counted.

It reports, per model: time from spawn to the first answer, and per phase the number
of answers and the longest gap between two consecutive answers (every gap that overlaps
the phase counts).  Models: "article" (the bundled one, no file argument) and, for each
--sizes N, a model of N actors written by gen-model.py into a temporary directory.

Each model runs on its own Xvfb server (started with -displayfd, so no start-up race)
and its own private session bus (dbus-run-session), so nothing leaks between runs.
Everything is bounded by --phase-timeout; the app is killed at the end.  Exit status:
0 when every model started and every phase finished, 1 when the app failed to start or
a phase failed (a layout error included) or timed out, 2 on bad usage.

usage: probe-responsiveness.py [--binary build/src/actormap] [--sizes 2000,5000]
                               [--no-article] [--interval 10] [--phase-timeout 120]
                               [--settle 2] [--engine E] [--json OUT]
Needs Debian's python3 with python3-pyatspi and python3-gi, Xvfb, dbus-run-session and
the compiled GSettings schema (build/data/gschemas.compiled, found next to the binary).
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = '/usr/bin/python3'          # Debian's: pyatspi is a system package
PHASES = ['open', 'relayout', 'select', 'search']
# Phases that can be asked for with --phases (open always comes first).
ALL_PHASES = PHASES + ['views']
ENGINES = ['dot', 'neato', 'fdp', 'sfdp', 'circo', 'twopi']


# ---------------------------------------------------------------------------------
# The probe: a process of its own, plain D-Bus through Gio on the accessibility bus.
# ---------------------------------------------------------------------------------

def probe_main(pid, interval, out_path):
    """Asks the app with process id pid for its root's Name every interval seconds.

    Writes "t_send t_answer" (CLOCK_MONOTONIC seconds, shared by all processes) for each
    answer to out_path, flushed line by line, until the app is gone or SIGTERM."""
    from gi.repository import Gio, GLib

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    address = None
    while address is None:
        try:
            address = session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus',
                                        'GetAddress', None, GLib.VariantType('(s)'),
                                        Gio.DBusCallFlags.NONE, 5000, None).unpack()[0]
        except GLib.Error:
            time.sleep(0.05)
    bus = Gio.DBusConnection.new_for_address_sync(
        address,
        Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
        None, None)

    def dbus(method, args, reply):
        return bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                             'org.freedesktop.DBus', method, args, GLib.VariantType(reply),
                             Gio.DBusCallFlags.NONE, 5000, None).unpack()

    def app_name():
        for name in dbus('ListNames', None, '(as)')[0]:
            if not name.startswith(':'):
                continue
            try:
                if dbus('GetConnectionUnixProcessID', GLib.Variant('(s)', (name,)), '(u)')[0] == pid:
                    return name
            except GLib.Error:
                pass
        return None

    def alive():
        try:
            os.kill(pid, 0)
            return True
        except OSError:
            return False

    out = open(out_path, 'w')
    name = None
    next_at = time.monotonic()
    while alive():
        if name is None:
            name = app_name()
        if name is not None:
            sent = time.monotonic()
            try:
                # The trivial question: GTK answers it on its main thread.
                bus.call_sync(name, '/org/a11y/atspi/accessible/root',
                              'org.freedesktop.DBus.Properties', 'Get',
                              GLib.Variant('(ss)', ('org.a11y.atspi.Accessible', 'Name')),
                              GLib.VariantType('(v)'), Gio.DBusCallFlags.NONE, 600000, None)
                out.write('%.6f %.6f\n' % (sent, time.monotonic()))
                out.flush()
            except GLib.Error as error:
                # The connection is there before GTK exports the root: not an answer.
                if 'ServiceUnknown' in str(error) or 'NameHasNoOwner' in str(error):
                    name = None
        next_at += interval
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        else:
            next_at = time.monotonic()
    out.close()
    return 0


# ---------------------------------------------------------------------------------
# The driver: pyatspi, on the same private bus, one model per run.
# ---------------------------------------------------------------------------------

class Driver:
    def __init__(self, args, app_pid, alive):
        import pyatspi
        self.atspi = pyatspi
        self.args = args
        self.pid = app_pid
        self.alive = alive       # False once the app has exited
        self.app = None
        self.cancel = None       # the progress overlay's Cancel button: sensitive while busy
        self.engine_button = None
        self.actors = None       # the sidebar's list, named "Actors"
        self.entry = None        # the search entry, named "Search the map"
        self.notes = []

    # -- the tree ------------------------------------------------------------------

    def children(self, node):
        try:
            return [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            return []

    def walk(self, node, depth=0):
        """The tree without the rows of lists: those are thousands on a big map."""
        if node is None or depth > 60:
            return
        yield node
        if self.role(node) in ('list', 'table', 'tree', 'tree table'):
            return
        for child in self.children(node):
            yield from self.walk(child, depth + 1)

    @staticmethod
    def role(node):
        try:
            return node.getRoleName()
        except Exception:
            return ''

    @staticmethod
    def name(node):
        try:
            return node.name or ''
        except Exception:
            return ''

    def actions(self, node):
        try:
            action = node.queryAction()
            return [action.getName(i) for i in range(action.nActions)]
        except Exception:
            return []

    def sensitive(self, node):
        try:
            return node.getState().contains(self.atspi.STATE_SENSITIVE)
        except Exception:
            return None

    def find_app(self):
        try:
            for app in self.children(self.atspi.Registry.getDesktop(0)):
                try:
                    if app is not None and app.get_process_id() == self.pid:
                        return app
                except Exception:
                    continue
        except Exception:
            pass
        return None

    def scan(self):
        """Finds the widgets the phases use, by role and accessible name."""
        for node in self.walk(self.app):
            role, name = self.role(node), self.name(node)
            if role == 'push button' and 'Cancel' in name and self.cancel is None:
                self.cancel = node
            elif (role == 'push button' and self.engine_button is None
                  and re.match(r'^(Auto|%s)\b' % '|'.join(ENGINES), name)
                  and 'click' in self.actions(node) and not name.startswith(('sfdp', 'Try'))):
                self.engine_button = node
            elif role == 'list' and name == 'Actors':
                self.actors = node
            elif role == 'entry' and name == 'Search the map':
                self.entry = node

    def busy(self):
        return bool(self.sensitive(self.cancel))

    def has_scene(self):
        """The zoom actions are enabled only while a scene is shown."""
        frames = [c for c in self.children(self.app) if self.role(c) == 'frame']
        return any('win.zoom-fit' in self.actions(f) for f in frames)

    def roundtrip(self):
        """One blocking question: returns once the main loop has answered it."""
        try:
            return self.app.childCount
        except Exception:
            return None

    def wait(self, condition, timeout, step=0.1):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if condition():
                    return True
            except Exception:
                pass
            time.sleep(step)
        return False

    # -- the phases ------------------------------------------------------------------

    def phase_open(self, timeout):
        end = time.monotonic() + timeout
        if not self.wait(lambda: self.find_app() is not None or not self.alive(), timeout) \
           or not self.alive():
            return 'the app never showed up on the accessibility bus'
        self.app = self.find_app()
        self.registry_seen = time.monotonic()

        idle_since = None
        self.waited_longer = 0
        while time.monotonic() < end and self.alive():
            if self.cancel is None or self.engine_button is None:
                self.scan()
            if self.cancel is not None and self.engine_button is not None and not self.busy():
                if self.has_scene():
                    return None
                # Nothing running and no map: the first layout failed.  If the error page
                # offers "Wait Longer" (the window's 15 s limit on a loaded machine), take it.
                idle_since = idle_since or time.monotonic()
                idle = time.monotonic() - idle_since
                if idle > 3 and self.waited_longer < 2:
                    button = self.find_button('Wait Longer')
                    if button is not None:
                        self.waited_longer += 1
                        button.queryAction().doAction(0)
                        idle_since = None
                        continue
                if idle > 8:
                    return 'no map: the first layout failed (%s)' % ' / '.join(self.page_text())
            else:
                idle_since = None
            time.sleep(0.1)
        return 'no map shown after %g s (cancel=%s engine button=%s)' % (
            timeout, self.cancel is not None, self.engine_button is not None)

    def find_button(self, words):
        return next((n for n in self.walk(self.app)
                     if self.role(n) == 'push button' and words in self.name(n)
                     and self.sensitive(n)), None)

    def page_text(self):
        """What the window says about a failure: headings and toasts."""
        return [self.name(n) for n in self.walk(self.app)
                if self.role(n) == 'label'
                and re.match(r'(Layout Took Too Long|Layout Failed|Layout with \S+ failed)', self.name(n))]

    def phase_relayout(self, timeout):
        label = self.name(self.engine_button)
        engine = self.args.engine
        if engine is None:
            # The engine whose scene comes back in time: only sfdp lays out thousands of
            # actors within the window's 15 s limit.  When Automatic already picked it,
            # picking it by name still lays the map out again (engine "auto" -> "sfdp").
            engine = 'sfdp'
        self.engine_used = engine
        try:
            self.engine_button.queryAction().doAction(0)
        except Exception as error:
            return 'could not click the engine button: %s' % error
        item = None
        end = time.monotonic() + timeout

        def menu_item():
            nonlocal item
            item = next((n for n in self.walk(self.app)
                         if self.role(n) in ('menu item', 'radio menu item', 'check menu item')
                         and (self.name(n) == engine or self.name(n).startswith(engine + ' '))),
                        None)
            return item is not None
        if not self.wait(menu_item, min(20, timeout), step=0.2):
            return 'no menu item for %s in the engine menu' % engine
        # The error page of a failed first layout stays in the tree (GTK 4.8 lists hidden
        # stack pages too): only failures that appear from now on count.
        before = set(self.page_text())
        clicked = time.monotonic()
        try:
            item.queryAction().doAction(0)
        except Exception as error:
            # Seen on a 5 000-actor map: the reply to the click never came (the popover
            # and its item are gone once the action runs).  Whether the click took is
            # told by the engine button below.
            self.notes.append('no reply to the click on the %s menu item (%s)'
                              % (engine, str(error).split('.')[0]))
        seen_busy = False

        def done():
            nonlocal seen_busy
            if self.busy():
                seen_busy = True
                return False
            # A small map may be laid out between two looks: then give it 1.5 s.
            return (self.name(self.engine_button) == engine
                    and (seen_busy or time.monotonic() - clicked > 1.5))
        if not self.wait(done, end - time.monotonic()):
            return 'the layout with %s did not finish (button: %r)' % (engine, self.name(self.engine_button))
        if not self.has_scene():
            return 'no map after the layout with %s' % engine
        failures = [text for text in self.page_text() if text not in before]
        if failures:
            return 'the layout with %s failed: %s' % (engine, ' / '.join(failures))
        return None

    def phase_select(self, timeout):
        if self.actors is None or self.entry is None:
            self.scan()
        if self.actors is None:
            return 'no list named "Actors"'
        # The first few rows include headers; pick the first real row after row 5.
        index = None
        rows = self.actors.childCount
        for i in list(range(5, min(rows, 40))) + list(range(0, min(rows, 5))):
            if self.role(self.actors.getChildAtIndex(i)) == 'list item':
                index = i
                break
        if index is None:
            return 'the "Actors" list has no rows'
        self.selected_name = self.name(self.actors.getChildAtIndex(index))
        selection = self.actors.querySelection()
        selection.selectChild(index)
        if not self.wait(lambda: selection.isChildSelected(index), timeout):
            return 'the row %d (%s) did not become selected' % (index, self.selected_name)
        return None

    def phase_views(self, timeout):
        """Views (issue 9) from the canvas's own actions, as the keyboard gives them: focus
        on the selected actor (F), depth 2 and 3 in the view bar, back to the whole map."""
        end = time.monotonic() + timeout
        canvas = next((n for n in self.walk(self.app)
                       if self.role(n) == 'image' and self.name(n) == 'Actor map'), None)
        if canvas is None:
            return 'no canvas (an image named "Actor map")'
        self.view_steps = []
        for step in ('focus', 'depth 2', 'depth 3', 'whole map'):
            if step in ('focus', 'whole map'):
                action = 'canvas.focus-selection' if step == 'focus' else 'canvas.whole-map'
                # Enabled (and so listed) once an actor is selected / a view is on.
                if not self.wait(lambda: action in self.actions(canvas), min(20, timeout), step=0.1):
                    return 'the canvas does not offer %s (selected: %s)' % (
                        action, getattr(self, 'selected_name', None))
                target, index = canvas, self.actions(canvas).index(action)
            else:
                label = step.split()[1]
                target = None

                def depth_button():
                    nonlocal target
                    bars = [n for n in self.walk(self.app) if self.role(n) == 'tool bar']
                    target = next((n for bar in bars for n in self.walk(bar)
                                   if self.role(n) in ('toggle button', 'push button')
                                   and self.name(n) == label),
                                  None)
                    return target is not None
                if not self.wait(depth_button, min(20, timeout), step=0.2):
                    return 'no depth button %s in the view bar' % label
                index = 0
            clicked = time.monotonic()
            try:
                target.queryAction().doAction(index)
            except Exception as error:
                return 'could not do %s: %s' % (step, error)
            # The view applies after the action: watch it land and the map redraw.
            time.sleep(max(0, min(self.args.settle, end - time.monotonic())))
            self.roundtrip()
            self.view_steps.append((step, clicked, time.monotonic()))
        return None

    def phase_search(self, timeout):
        if self.entry is None:
            self.scan()
        if self.entry is None:
            return 'no entry named "Search the map"'
        # A word that matches several actors: the first word of the selected one's name.
        words = (getattr(self, 'selected_name', '') or 'a').split()
        self.search_text = words[0] if words else 'a'
        self.entry.queryEditableText().setTextContents(self.search_text)
        # GtkSearchEntry waits 150 ms before it reports the change.
        time.sleep(0.3)
        def taken():
            # GTK 4.8 answers GetText (0, -1) with "": ask for the exact length.
            text = self.entry.queryText()
            return text.getText(0, text.characterCount) == self.search_text
        if not self.wait(taken, timeout):
            return 'the entry did not take the text'
        return None


def driver_main(args):
    """Runs on the private bus: probe + app + phases; prints one RESULT line of JSON."""
    env = dict(os.environ)
    env.pop('GTK_A11Y', None)         # the app must talk to AT-SPI for real
    env.pop('G_DEBUG', None)
    env['GDK_BACKEND'] = 'x11'
    env['GSETTINGS_BACKEND'] = 'memory'
    env.setdefault('GSK_RENDERER', 'cairo')
    if 'GSETTINGS_SCHEMA_DIR' not in env:
        schemas = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.binary))), 'data')
        if os.path.exists(os.path.join(schemas, 'gschemas.compiled')):
            env['GSETTINGS_SCHEMA_DIR'] = schemas

    data = tempfile.NamedTemporaryFile(prefix='probe-', suffix='.txt', delete=False)
    data.close()
    argv = [args.binary] + ([args.model] if args.model != 'article' else [])
    log = tempfile.TemporaryFile(mode='w+')
    spawned = time.monotonic()
    app = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=log)
    probe = subprocess.Popen([PYTHON, os.path.abspath(__file__), '--probe', str(app.pid),
                              str(args.interval / 1000.0), data.name])
    result = {'model': args.model, 'phases': [], 'errors': []}
    driver = Driver(args, app.pid, lambda: app.poll() is None)
    marks = []
    try:
        for phase in args.phases:
            start = time.monotonic()
            error = getattr(driver, 'phase_' + phase)(args.phase_timeout)
            done_at = time.monotonic()
            if error is None:
                time.sleep(args.settle)
                driver.roundtrip()
            marks.append((phase, start, time.monotonic(), done_at, error))
            if app.poll() is not None:
                result['errors'].append('the app exited with %s during %s' % (app.returncode, phase))
                break
            if error is not None:
                result['errors'].append('%s: %s' % (phase, error))
                if phase == 'open':
                    break
        if getattr(driver, 'registry_seen', None):
            result['registry_s'] = driver.registry_seen - spawned
        result['engine'] = getattr(driver, 'engine_used', None)
        result['waited_longer'] = getattr(driver, 'waited_longer', 0)
        result['notes'] = driver.notes
        result['search'] = getattr(driver, 'search_text', None)
        view_steps = getattr(driver, 'view_steps', [])
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        try:
            probe.wait(timeout=5)
        except subprocess.TimeoutExpired:
            probe.terminate()
            probe.wait()

    answers = []
    with open(data.name) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                answers.append((float(parts[0]), float(parts[1])))
    os.unlink(data.name)
    result['probes'] = len(answers)
    result['first_answer_s'] = (answers[0][1] - spawned) if answers else None
    gaps = [(answers[i - 1][1], answers[i][1]) for i in range(1, len(answers))]
    for phase, start, end, done_at, error in marks:
        # From the first answer on: before it the app is not up yet (that is first_answer_s).
        if phase == 'open' and answers:
            start = max(start, answers[0][1])
        inside = [a for a in answers if start <= a[1] < end]
        touching = [b - a for a, b in gaps if a < end and b > start]
        result['phases'].append({
            'phase': phase, 'seconds': end - start, 'probes': len(inside),
            'done_s': done_at - spawned,
            'longest_stall_ms': 1000 * max(touching) if touching else None,
            'slowest_answer_ms': 1000 * max((b - a for a, b in inside), default=0) if inside else None,
            'error': error})
    # Each step of the views phase on its own: the longest gap from its action until the
    # step's settle time is over.
    for name, start, end in (view_steps if marks else []):
        touching = [b - a for a, b in gaps if a < end and b > start]
        result.setdefault('view_steps', []).append({
            'step': name, 'longest_stall_ms': 1000 * max(touching) if touching else None})
    if answers and marks:
        overall = [b - a for a, b in gaps if b <= marks[-1][2]]
        result['longest_stall_ms'] = 1000 * max(overall) if overall else None
    log.seek(0)
    warnings = []
    lines = log.read().splitlines()
    if args.app_log:
        with open(args.app_log, 'w') as f:
            f.write('\n'.join(lines) + '\n')
    if not answers:
        warnings = lines[-5:]     # why it did not start
    for line in lines:
        if ('CRITICAL' in line or 'WARNING' in line) and line.split(': ', 2)[-1] not in warnings:
            warnings.append(line.split(': ', 2)[-1])
    result['app_stderr'] = warnings[:10]
    print('RESULT ' + json.dumps(result), flush=True)
    return 0


# ---------------------------------------------------------------------------------
# The outer run: models, one Xvfb and one private bus per model, the tables.
# ---------------------------------------------------------------------------------

def start_xvfb():
    read, write = os.pipe()
    server = subprocess.Popen(['Xvfb', '-displayfd', str(write), '-screen', '0', '1280x1024x24',
                               '-nolisten', 'tcp'], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b''
    with os.fdopen(read, 'rb') as f:
        number = f.readline().strip()
    if not number:
        server.kill()
        server.wait()
        raise RuntimeError('Xvfb did not start')
    return server, ':' + number.decode()


def run_model(args, model):
    server, display = start_xvfb()
    try:
        env = dict(os.environ, DISPLAY=display)
        env.pop('WAYLAND_DISPLAY', None)
        env.pop('DBUS_SESSION_BUS_ADDRESS', None)
        inner = [PYTHON, os.path.abspath(__file__), '--driver', '--binary', args.binary,
                 '--model', model, '--interval', str(args.interval),
                 '--phase-timeout', str(args.phase_timeout), '--settle', str(args.settle)]
        if args.engine:
            inner += ['--engine', args.engine]
        inner += ['--phases', ','.join(args.phases)]
        if args.app_log:
            inner += ['--app-log', os.path.abspath(args.app_log)]
        # Bounded: the phases, each with its timeout and settle time, plus margins.
        budget = len(args.phases) * (args.phase_timeout + 4 * args.settle) + 120
        try:
            done = subprocess.run(['dbus-run-session', '--'] + inner, env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=budget)
        except subprocess.TimeoutExpired:
            return {'model': model, 'errors': ['the run took longer than %d s' % budget],
                    'phases': [], 'first_answer_s': None}
        for line in done.stdout.splitlines():
            if line.startswith('RESULT '):
                return json.loads(line[len('RESULT '):])
        return {'model': model, 'errors': ['no result (exit %d)' % done.returncode],
                'phases': [], 'first_answer_s': None}
    finally:
        server.terminate()
        server.wait()


def fmt(value, scale=1.0, digits=0):
    return '—' if value is None else '%.*f' % (digits, value * scale)


def print_tables(results, interval, phases):
    print('\n### Summary (longest stall = longest gap between two answers, ms; '
          'probe every %g ms)\n' % interval)
    print('| model | first answer (s) | map shown (s) | ' + ' | '.join('%s stall (ms)' % p for p in phases)
          + ' | probes |')
    print('|---|---:|---:|' + '---:|' * len(phases) + '---:|')
    for r in results:
        by = {p['phase']: p for p in r.get('phases', [])}
        print('| %s | %s | %s | %s | %s |' % (
            r['label'], fmt(r.get('first_answer_s'), digits=2),
            fmt(by.get('open', {}).get('done_s') if not by.get('open', {}).get('error') else None, digits=2),
            ' | '.join(fmt(by.get(p, {}).get('longest_stall_ms')) for p in phases),
            r.get('probes', 0)))
    for r in results:
        print('\n#### %s%s\n' % (r['label'], ' (relayout with %s, search "%s")' % (r.get('engine'), r.get('search'))
                                 if r.get('engine') else ''))
        print('| phase | done at (s) | watched (s) | answers | longest stall (ms) | slowest answer (ms) | note |')
        print('|---|---:|---:|---:|---:|---:|---|')
        for p in r.get('phases', []):
            print('| %s | %s | %s | %d | %s | %s | %s |' % (
                p['phase'], fmt(p['done_s'], digits=2), fmt(p['seconds'], digits=2), p['probes'],
                fmt(p['longest_stall_ms']),
                fmt(p['slowest_answer_ms']), p['error'] or ''))
        print('\nfirst answer %s s after spawn; listed by the AT-SPI registry after %s s; '
              'longest stall overall %s ms' % (fmt(r.get('first_answer_s'), digits=2),
                                               fmt(r.get('registry_s'), digits=2),
                                               fmt(r.get('longest_stall_ms'))))
        for step in r.get('view_steps', []):
            print('\nview step "%s": longest stall %s ms' % (step['step'], fmt(step['longest_stall_ms'])))
        if r.get('waited_longer'):
            print('\n"Wait Longer" clicked %d time(s) on the first layout' % r['waited_longer'])
        for note in r.get('notes', []):
            print('\nnote: %s' % note)
        for e in r.get('errors', []):
            print('\nerror: %s' % e)
        for line in r.get('app_stderr', []):
            print('\napp: %s' % line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--binary', default=os.path.join(HERE, '..', 'build', 'src', 'actormap'))
    ap.add_argument('--sizes', default='2000,5000',
                    help='comma-separated actor counts of generated models ("" for none)')
    ap.add_argument('--no-article', action='store_true', help='skip the bundled article')
    ap.add_argument('--interval', type=float, default=10.0, help='probe interval in ms')
    ap.add_argument('--phase-timeout', type=float, default=120.0, help='seconds per phase')
    ap.add_argument('--settle', type=float, default=2.0,
                    help='seconds to keep probing after each phase')
    ap.add_argument('--engine', choices=ENGINES, help='engine for the relayout phase')
    ap.add_argument('--json', help='also write the results as JSON to this file')
    ap.add_argument('--app-log', help='write the app\'s stderr here (with G_MESSAGES_DEBUG=am-session: '
                    'what each view cost on the worker and on the main thread)')
    ap.add_argument('--phases', default=','.join(PHASES),
                    help='comma-separated phases after open, from %s (default: %s); "views" '
                    'focuses on the selected actor, depth 2 and 3, then the whole map (issue 9)'
                    % (', '.join(ALL_PHASES[1:]), ','.join(PHASES[1:])))
    # Internal modes.
    ap.add_argument('--driver', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--model', help=argparse.SUPPRESS)
    ap.add_argument('--probe', nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()

    phases = [p.strip() for p in args.phases.split(',') if p.strip()]
    if any(p not in ALL_PHASES for p in phases):
        print('--phases takes phases from %s' % ', '.join(ALL_PHASES), file=sys.stderr)
        return 2
    args.phases = ['open'] + [p for p in phases if p != 'open']
    if args.probe:
        return probe_main(int(args.probe[0]), float(args.probe[1]), args.probe[2])
    if args.driver:
        return driver_main(args)

    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        print('no executable %s (build first: meson compile -C build)' % args.binary, file=sys.stderr)
        return 2
    try:
        sizes = [int(s) for s in args.sizes.split(',') if s.strip()]
    except ValueError:
        print('--sizes takes numbers, like 2000,5000', file=sys.stderr)
        return 2
    if args.interval <= 0 or args.phase_timeout <= 0 or args.settle < 0:
        print('--interval and --phase-timeout must be positive', file=sys.stderr)
        return 2

    results = []
    with tempfile.TemporaryDirectory(prefix='actormap-probe-') as tmp:
        models = [] if args.no_article else [('article', 'article')]
        for n in sizes:
            path = os.path.join(tmp, 'model-%d.json' % n)
            subprocess.run([sys.executable, os.path.join(HERE, 'gen-model.py'), str(n), path,
                            os.path.join(tmp, 'model-%d.gv' % n)], check=True)
            models.append(('%d actors' % n, path))
        for label, model in models:
            print('probing %s …' % label, file=sys.stderr, flush=True)
            result = run_model(args, model)
            result['label'] = label
            results.append(result)
    print_tables(results, args.interval, args.phases)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(results, f, indent=1)
    failed = any(r.get('first_answer_s') is None or r.get('errors') for r in results)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
