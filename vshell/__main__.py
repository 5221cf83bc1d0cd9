"""The vshell command line."""
from __future__ import annotations

import errno
import gc
import os
import sys
from types import SimpleNamespace

from vshell import __version__

# The options, as a table that both the parser and --help read.  The parser is
# written out by hand rather than with argparse: it works like sh(1) -- options
# first, then the script (or -c's name) and everything after it belongs to the
# script -- bad options get one line, not a usage screen, and it keeps argparse's
# ~4 ms out of start-up.  (name, argument, destination, help)
POLICIES = ("rr", "fifo", "sjf", "scan", "batch", "priority", "mlfq", "lottery")   # kernel/sched.py's
FORK_FIRST = ("random", "child", "parent")
SHELL_OPTIONS = {"e": "exit when a command fails", "x": "trace commands on stderr",
                 "n": "read commands but do not run them", "v": "print input as it is read",
                 "u": "an unset variable is an error"}
# The rest of sh's option letters (and -o NAME, +X, +o NAME), passed on to the
# shell as they are, as `sh -C +e -o nounset` takes them: scripts and
# conformance suites start the shell that way.
MORE_SHELL_LETTERS = "abCfmpIVE"
OPTIONS = [
    ("-c", "CMDS", "command", "run CMDS and exit ($0 is NAME, $1... are ARGS)"),
    ("-i", None, "interactive", "interactive even if not on a terminal"),
    ("-s", None, "stdin", "read commands from standard input"),
    *((f"-{o}", None, "options", what) for o, what in SHELL_OPTIONS.items()),
    ("--seed", "N", "seed", "make scheduling (and so output and traces) reproducible"),
    ("--virtual-time", None, "virtual_time", "run the clock as virtual time: sleeps take no real time"),
    ("--mount", "HOST:VPATH[:rw]", "mount", "mount a host directory or a single file "
                                           "(read-only unless :rw); repeatable"),
    ("--user", "NAME", "user", "log in as this user (default: student)"),
    ("--policy", "|".join(POLICIES), "policy", "scheduling policy (default: rr)"),
    ("--quantum", "TICKS", "quantum", "time slice, in ticks (default: 10)"),
    ("--fs-size", "SIZE", "fs_size", "the virtual disk's size: bytes, or with a K, M or G suffix "
                                     "(default: 64M; at least 1M)"),
    ("--fork-first", "|".join(FORK_FIRST), "fork_first", "who runs first after fork (random follows the seed)"),
    ("--max-ticks", "N", "max_ticks", "stop the machine after N CPU ticks (status 123)"),
    ("--max-time", "SECS", "max_time", "stop the machine after SECS seconds of real time (status 124)"),
    ("--max-output", "SIZE", "max_output", "stop the machine once its processes wrote SIZE bytes "
                                           "to the terminal (K, M, G suffixes; status 122)"),
    ("--max-events", "N", "max_events", "stop the machine after N kernel events (status 121)"),
    ("--max-virtual-time", "SECS", "max_virtual_time", "with --virtual-time, stop the machine when "
                                                       "its clock reaches SECS (status 118); "
                                                       "scripted runs stop at 600 unless told"),
    ("--max-fs-bytes", "SIZE", "max_fs_bytes", "stop the machine once the processes' files take "
                                               "more than SIZE bytes of the disk (K, M, G "
                                               "suffixes; status 117)"),
    ("--explore", "N", "explore", "run the command (-c CMDS, or the words after the options) "
                                  "under N schedules, seeds from --seed (or 1) on, and show each "
                                  "distinct outcome with its count and a seed that repeats it; "
                                  "status 1 if the outcomes differ"),
    ("--trace", "[=KINDS]", "trace", "show kernel events as they happen: all, or a comma list of "
                                     "syscalls, sched, signals, proc"),
    ("--trace-file", "FILE", "trace_file", "write every kernel event to FILE as JSON lines "
                                           "(only --trace's KINDS, when it has some)"),
    ("--trace-file-kinds", "KINDS", "trace_file_kinds", "write only these kinds of event to "
                                                       "--trace-file's FILE (as --trace's), "
                                                       "showing none on the screen"),
    ("--record", "FILE", "record", "save the session as the terminal showed it "
                                   "(FILE.svg, FILE.html or FILE.txt), for slides and handouts"),
    ("--web", "[HOST:]PORT", "web", "serve this machine's terminal and live pictures of it "
                                    "(processes, files, timeline, with time travel) to a "
                                    "browser, on 127.0.0.1 unless HOST; the URLs carry tokens"),
    ("--fresh", None, "fresh", "boot a pristine machine; the saved disk is neither read nor written"),
    ("--disk", "PATH", "disk", "keep the machine's disk in PATH (a tar file) instead of the usual "
                               "one; scripted runs too"),
    ("--reset", None, "reset", "wipe the saved disk (or --disk's), after asking, and exit"),
    ("--private", None, "private", "keep no history on disk"),
    ("--no-rc", None, "no_rc", "do not read the rc file (XDG config dir)"),
    ("--version", None, "version", "print vshell's version and exit"),
    ("-h", None, "help", "show this help and exit"),
]
USAGE = "usage: vshell [OPTIONS] [-c CMDS [NAME [ARGS...]] | SCRIPT [ARGS...]]"


class UsageError(Exception):
    """A bad command line: one line on stderr, exit status 2."""


def help_text() -> str:
    import textwrap
    lines = [USAGE, "", "A teaching shell on a miniature Unix kernel.", ""]
    for name, arg, _, what in OPTIONS:
        spec = "-h, --help" if name == "-h" else name if arg is None else \
            name + arg if arg.startswith("[=") else f"{name} {arg}"
        wrapped = textwrap.wrap(what, 79 - 24)
        if len(spec) > 20:
            lines.append(f"  {spec}")
        else:
            lines.append(f"  {spec:<20}  {wrapped.pop(0)}")
        lines += [" " * 24 + more for more in wrapped]
    lines += ["", "SCRIPT is a host file; without -c or SCRIPT, commands come from standard input",
              "(a prompt when it is a terminal).",
              "", "At a prompt the machine's files are kept between sessions, in",
              "$XDG_DATA_HOME/vshell/disk.tar (~/.local/share/vshell/disk.tar); scripted runs",
              "boot a fresh machine unless --disk is given.", "",
              "Exit status, and the line on stderr that says why:"]
    from vshell.verdict import VERDICTS
    lines += [f"  {status:<7} {what}" for status, what, _ in VERDICTS]
    return "\n".join(lines) + "\n"


def parse(argv: list[str]) -> SimpleNamespace:
    """Options up to the first operand (or `--`); the operand is the script, or
    -c's NAME, and the arguments after it are the script's."""
    a = SimpleNamespace(command=None, script=None, args=[], options=[], interactive=False, stdin=False,
                        seed=None, virtual_time=False, mount=[], user="student", policy="rr",
                        quantum=10, fs_size=None, fork_first="random",
                        max_ticks=None, max_time=None, max_output=None, max_events=None,
                        max_virtual_time=None, max_fs_bytes=None, explore=None,
                        trace=None, trace_file=None, trace_file_kinds=None, record=None, web=None,
                        private=False, no_rc=False, version=False, help=False, fresh=False, disk=None,
                        reset=False)
    by_name = {name: (arg, dest) for name, arg, dest, _ in OPTIONS}
    by_name["--help"] = by_name["-h"]
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if word == "--":
            break
        if not word.startswith(("-", "+")) or word in ("-", "+"):
            i -= 1
            break
        if word.startswith("+"):              # +e, +o NAME: options off
            i = shell_flags(a, word, argv, i)
            continue
        if word.startswith("--"):
            name, eq, value = word.partition("=")
            if name not in by_name:
                raise UsageError(f"unknown option {name}")
            arg, dest = by_name[name]
            if arg is None:
                if eq:
                    raise UsageError(f"{name} takes no value")
                setattr(a, dest, True)
                continue
            if name == "--trace":             # the one option whose value is optional
                a.trace = value if eq else "all"
                continue
            if not eq:
                if i == len(argv):
                    raise UsageError(f"{name} needs a value ({arg})")
                value = argv[i]
                i += 1
            store(a, name, dest, value)
            continue
        letters = word[1:]                    # -ex, -c CMDS, -cCMDS
        for j, letter in enumerate(letters):
            if f"-{letter}" not in by_name and (letter in MORE_SHELL_LETTERS or letter == "o"):
                i = shell_flags(a, "-" + letters[j:], argv, i)
                break
            if f"-{letter}" not in by_name:
                raise UsageError(f"unknown option -{letter}")
            arg, dest = by_name[f"-{letter}"]
            if dest == "options":
                a.options.append(f"-{letter}")
            elif arg is None:
                setattr(a, dest, True)
            else:
                value = letters[j + 1:]
                if not value:
                    if i == len(argv):
                        raise UsageError(f"-{letter} needs a value ({arg})")
                    value = argv[i]
                    i += 1
                store(a, f"-{letter}", dest, value)
                break
    rest = argv[i:]
    if a.stdin and a.command is None:         # sh -s ARGS: the words are $1...
        a.args = rest
    elif rest:
        a.script, a.args = rest[0], rest[1:]
    return a


def shell_flags(a: SimpleNamespace, word: str, argv: list[str], i: int) -> int:
    """Collect a word of sh option letters (-Cx, +e, -o NAME) for the shell;
    returns where the next word is."""
    sign = word[0]
    for letter in word[1:]:
        if letter == "o":
            if i == len(argv):
                raise UsageError(f"{sign}o needs a value (an option name)")
            a.options += [f"{sign}o", argv[i]]
            i += 1
        elif letter in MORE_SHELL_LETTERS or letter in SHELL_OPTIONS:
            a.options.append(sign + letter)
        elif letter in "is" and sign == "-":
            setattr(a, "interactive" if letter == "i" else "stdin", True)
        else:
            raise UsageError(f"unknown option {sign}{letter}")
    return i


def store(a: SimpleNamespace, name: str, dest: str, value: str) -> None:
    """Check and store one option's value."""
    if dest in ("seed", "quantum"):
        try:
            number = int(value)
        except ValueError:
            raise UsageError(f"{name}: not a number: {value!r}") from None
        if dest == "quantum" and number < 1:
            raise UsageError(f"{name}: must be at least 1")
        setattr(a, dest, number)
    elif dest == "fs_size":
        a.fs_size = parse_size(name, value)
    elif dest in ("max_ticks", "max_events", "max_output", "max_fs_bytes", "explore"):
        count = parse_size(name, value, 1) if dest in ("max_output", "max_fs_bytes") else \
            int(value) if value.isdigit() else None
        if count is None or count < 1:
            raise UsageError(f"{name}: not a positive number: {value!r}")
        setattr(a, dest, count)
    elif dest in ("max_time", "max_virtual_time"):
        try:
            seconds = float(value)
        except ValueError:
            seconds = -1.0
        if not 0 < seconds < float("inf"):
            raise UsageError(f"{name}: not a positive number of seconds: {value!r}")
        setattr(a, dest, seconds)
    elif dest in ("policy", "fork_first"):
        choices = POLICIES if dest == "policy" else FORK_FIRST
        if value not in choices:
            raise UsageError(f"{name}: {value!r} is not one of {', '.join(choices)}")
        setattr(a, dest, value)
    elif dest == "mount":
        a.mount.append(value)
    elif dest == "web":
        host, _, port = value.rpartition(":")
        if not port.isdigit() or int(port) > 65535:
            raise UsageError(f"{name}: not a port: {value!r} ([HOST:]PORT, say 8000 or 0.0.0.0:8000)")
        a.web = value
    else:
        setattr(a, dest, value)


SIZE_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
MIN_FS_SIZE = 1 << 20             # room for the machine's own files, and some to spare


def parse_size(name: str, value: str, least: int = MIN_FS_SIZE) -> int:
    """64M, 512K, 2G or a plain number of bytes (units of 1024, as ls -h's)."""
    digits, unit = value[:-1], value[-1:].upper()
    if unit.isdigit():
        digits, unit = value, ""
    if not digits.isdigit() or unit not in SIZE_UNITS:
        raise UsageError(f"{name}: not a size: {value!r} (bytes, or a number with K, M or G)")
    size = int(digits) * SIZE_UNITS[unit]
    if size < least:
        raise UsageError(f"{name}: {value} is too small (at least {'1M' if least == MIN_FS_SIZE else least})")
    return size


def main(argv: list[str] | None = None) -> int:
    gc.disable()                           # until the machine is built: see started()
    try:
        return session(argv)
    except Exception as e:                 # a bug in vshell: one line and its own status
        if os.environ.get("VSHELL_DEBUG"):
            raise
        from vshell.verdict import INTERNAL_STATUS
        print(f"vshell: internal error: {type(e).__name__}: {e} (VSHELL_DEBUG=1 shows the "
              "traceback)", file=sys.stderr)
        return INTERNAL_STATUS
    finally:
        gc.enable()


def session(argv: list[str] | None) -> int:
    try:
        a = parse(sys.argv[1:] if argv is None else argv)
    except UsageError as e:
        print(f"vshell: {e} (vshell --help lists the options)", file=sys.stderr)
        return 2
    if a.help or a.version:
        sys.stdout.write(help_text() if a.help else f"vshell {__version__}\n")
        return 0
    if a.fresh and (a.disk is not None or a.reset):
        print(f"vshell: --fresh cannot go with {'--disk' if a.disk is not None else '--reset'} "
              "(vshell --help lists the options)", file=sys.stderr)
        return 2
    if a.reset:
        return reset_disk(a.disk)
    if a.explore is not None:
        return explore(a)
    from vshell.console import HostConsole
    from vshell.system import Options, boot, make_machine
    opts = Options(seed=a.seed, virtual_time=a.virtual_time, user=a.user, mounts=a.mount,
                   policy=a.policy, quantum=a.quantum, fork_first=a.fork_first, fs_size=a.fs_size,
                   limits={"ticks": a.max_ticks, "seconds": a.max_time, "output": a.max_output,
                           "events": a.max_events, "fs_bytes": a.max_fs_bytes,
                           "virtual_seconds": virtual_horizon(a)})
    shell_argv = ["sh"] + a.options
    input_fd: int | None = 0
    script = None                         # host text for the login shell (vshell/shell.py)
    if a.command is not None:
        shell_argv += ["-c", a.command, a.script or "vshell"] + a.args
    elif a.script is not None:
        try:
            with open(a.script, encoding="utf-8", errors="surrogateescape") as f:
                script = f.read()
        except OSError as e:
            hint = " (to wipe the saved disk: vshell --reset)" if a.script == "reset" else ""
            print(f"vshell: cannot open {a.script}: {e.strerror}{hint}", file=sys.stderr)
            return 127 if e.errno == errno.ENOENT else 126
        shell_argv += [a.script] + a.args
    elif not sys.stdin.isatty() and not a.interactive and a.web is None:
        script = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
        input_fd = None                   # the terminal gives EOF: it does not eat the script
        if a.args:                        # sh -s ARGS (the name is $0 as without them)
            shell_argv += ["vshell"] + a.args
    elif a.interactive:
        shell_argv.append("-i")
    trace = file_kinds = None
    try:
        if a.trace is not None:
            trace = kinds_of("--trace", a.trace)
        file_kinds = trace
        if a.trace_file_kinds is not None:
            if not a.trace_file:
                raise UsageError("--trace-file-kinds: there is no --trace-file to filter")
            file_kinds = kinds_of("--trace-file-kinds", a.trace_file_kinds)
    except UsageError as e:
        print(f"vshell: {e}", file=sys.stderr)
        return 2
    if a.web is not None and (a.command is not None or a.script is not None or a.explore):
        print("vshell: --web serves an interactive session: it takes no -c or SCRIPT",
              file=sys.stderr)
        return 2
    interactive = a.web is not None or (
        a.command is None and a.script is None and sys.stdin.isatty() and sys.stdout.isatty())
    motd = ""                             # (for a terminal: what /run/motd says)
    if a.disk is not None or (interactive and not a.fresh):
        from vshell.disk import Disk, DiskError, default_path, shown
        opts.disk = Disk(a.disk if a.disk is not None else default_path())
        try:
            owned = opts.disk.open()
        except DiskError as e:
            hint = ("leave out --disk for a fresh machine" if a.disk is not None
                    else "vshell --fresh boots without it")
            print(f"vshell: {e} ({hint})", file=sys.stderr)
            return 1
        motd = (f"Your files are kept on the disk {shown(opts.disk.path)} "
                "(`vshell --fresh` boots a clean machine).\n")
        if not owned:
            motd = (f"The disk {shown(opts.disk.path)} is in use by another vshell: "
                    "this session's changes will not be saved.\n")
    elif interactive:
        motd = "A fresh machine (--fresh): nothing of this session will be saved.\n"
    try:
        if interactive:
            from vshell.console import InteractiveConsole
            holder: list = []
            console: HostConsole
            watch = None
            if a.web is not None:
                from vshell.web.main import start
                try:
                    console, watch = start(lambda: holder[0], a.private, a.web)
                except OSError as e:
                    print(f"vshell: --web: cannot listen on {a.web}: {e.strerror or e}", file=sys.stderr)
                    return 1
            else:
                console = InteractiveConsole(lambda: holder[0], a.private)
            k = make_machine(opts, console)
            started()
            holder.append(k)
            k.fs.write_file("/run/motd", motd)
            env = install_rc(k, opts) if not a.no_rc else {}
            return kept(k, opts.disk, lambda: recorded(
                console, a.record, lambda: boot(
                k, opts, shell_argv, env, trace, a.trace_file, file_kinds, watch)))
        console = HostConsole(input_fd)
        k = make_machine(opts, console)
        started()
        if script is not None:
            from vshell.shell import HANDED
            HANDED[id(k)] = script
        try:
            return kept(k, opts.disk, lambda: recorded(
                console, a.record, lambda: boot(k, opts, shell_argv, None, trace, a.trace_file,
                                                   file_kinds)))
        finally:
            if script is not None:
                HANDED.pop(id(k), None)
    except ValueError as e:
        print(f"vshell: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:
        from vshell.disk import DiskError
        if not isinstance(e, DiskError):
            raise
        print(f"vshell: {e} (vshell --fresh boots without it)", file=sys.stderr)
        return 1


VIRTUAL_HORIZON = 600.0      # seconds: a scripted run's virtual clock stops there unless told


def virtual_horizon(a: SimpleNamespace) -> float | None:
    """--max-virtual-time, or for a scripted run with --virtual-time ten minutes:
    processes that only sleep jump the clock from timer to timer, so a sleeping
    loop would spin the host for ever.  At a prompt the user is there to stop it."""
    if a.max_virtual_time is not None or not a.virtual_time:
        return a.max_virtual_time
    at_prompt = a.command is None and a.script is None and (a.interactive or sys.stdin.isatty())
    return None if at_prompt else VIRTUAL_HORIZON


def kinds_of(option: str, value: str) -> list[str]:
    """--trace's KINDS: `all` (an empty list), or a comma list of vshell/tracer.py's."""
    from vshell.tracer import KINDS
    kinds = [] if value == "all" else value.split(",")
    bad = [t for t in kinds if t not in KINDS]
    if bad:
        raise UsageError(f"{option}: unknown kind {bad[0]!r} (all, {', '.join(KINDS)})")
    return kinds


def kept(k, disk, run) -> int:
    """Run the session and keep its disk: saved every few seconds while the
    machine runs (between processes: kernel/cpu.py's chores), and at the end --
    also when the host asks vshell to end (SIGTERM, or SIGHUP when the terminal
    window is closed): the machine halts at its next safe point and is saved."""
    if disk is None:
        return run()
    import signal
    import time

    def chore() -> None:
        complaint = disk.save(k)
        if complaint:
            k.tty.console.write(2, (complaint + "\n").encode())
    ended: list[int] = []

    def end(signum: int, frame) -> None:
        ended.append(signum)
        k.cpu.halted = True
    k.cpu.chores = chore
    k.cpu.chores_at = time.monotonic() + k.cpu.chores_every
    old = {sig: signal.signal(sig, end) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        status = run()
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        k.cpu.chores = None
        complaint = disk.save(k)
        if complaint:
            print(complaint, file=sys.stderr)
        disk.close()
    return 128 + ended[0] if ended else status


def reset_disk(path: str | None) -> int:
    """--reset: wipe the saved disk once the user says so (read from stdin, as rm -i does)."""
    from vshell.disk import Disk, DiskError, default_path, reset, shown
    disk = Disk(path if path is not None else default_path())
    where = shown(disk.path)
    if not os.path.exists(disk.path):
        print(f"vshell: there is no disk at {where}: nothing to wipe")
        return 0
    try:
        if not disk.open():
            print(f"vshell: the disk {where} is in use by a vshell session: end it first", file=sys.stderr)
            return 1
        sys.stderr.write(f"vshell: wipe the disk {where}, and every file saved on it? [y/N] ")
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes"):
            print("vshell: nothing wiped", file=sys.stderr)
            return 1
        reset(disk.path)
    except DiskError as e:
        print(f"vshell: {e}", file=sys.stderr)
        return 1
    finally:
        disk.close()
    print(f"vshell: wiped {where}: the next session boots a fresh machine")
    return 0


def explore(a: SimpleNamespace) -> int:
    """--explore N: the command is -c's, or the operands as words (vshell/explore.py)."""
    import shlex
    from vshell.explore import explore as run
    command = a.command if a.command is not None else \
        shlex.join([a.script] + a.args) if a.script is not None else None
    if command is None:
        print("vshell: --explore: no command to run (vshell --explore N CMD...)", file=sys.stderr)
        return 2
    if a.trace is not None or a.trace_file or a.trace_file_kinds or a.record or a.interactive:
        print("vshell: --explore runs the command many times: it takes no --trace, --trace-file, "
              "--record or -i (run one seed with them)", file=sys.stderr)
        return 2
    stdin = sys.stdin.buffer.read() if not sys.stdin.isatty() else b""
    return run(a, command, stdin)


def started() -> None:
    """Start-up makes modules, classes and the machine: long-lived objects only.
    The collector stays off meanwhile (its passes over them were ~2 ms of
    start-up); then they are frozen out of its sight for the whole session, so
    the collections that processes' garbage needs do not walk them again."""
    gc.freeze()
    gc.enable()


RECORD_FORMATS = (".svg", ".html", ".htm", ".txt")     # what console.save_recording writes


def recorded(console, path, run) -> int:
    """Run the session; with --record, save what it showed afterwards."""
    if path is None:
        return run()
    if not path.lower().endswith(RECORD_FORMATS) and "." in path.rsplit("/", 1)[-1].lstrip("."):
        print(f"vshell: --record: cannot write {path}: not a format it writes "
              f"({', '.join(RECORD_FORMATS)}, or no extension for text)", file=sys.stderr)
        return 2
    try:
        open(path, "a").close()           # a file that cannot be written is said now, not after
    except OSError as e:
        print(f"vshell: --record: cannot write {path}: {e.strerror}", file=sys.stderr)
        return 2
    console.recording = []
    try:
        return run()
    finally:
        import shutil
        from vshell.console import save_recording
        try:
            save_recording(console.recording, path, shutil.get_terminal_size((100, 24)).columns)
            if "vshell.web.recorder" in sys.modules and path.lower().endswith((".html", ".htm")):
                from vshell.web.picture import add_to_recording
                add_to_recording(path)        # the pictures drawn during the session
        except OSError as e:
            print(f"vshell: --record: cannot write {path}: {e.strerror}", file=sys.stderr)


def install_rc(k, opts) -> dict:
    """The host rc file, copied into the user's home as ~/.vshellrc; $ENV names it,
    so the interactive shell reads it (as POSIX shells read $ENV)."""
    from vshell.frontend import rc_path
    from vshell.system import account
    path = rc_path()
    if not os.path.isfile(path):
        return {}
    user = account(opts.user)
    try:
        with open(path, "rb") as f:
            k.fs.write_file(f"{user.home}/.vshellrc", f.read(), uid=user.uid, gid=user.gid)
    except OSError:
        return {}
    return {"ENV": f"{user.home}/.vshellrc"}


def run() -> None:
    """The `vshell` command: main(), then exit at once.

    Everything a session made is virtual memory, so Python's tidy shutdown (it
    frees the whole machine, object by object: ~4 ms, a tenth of start-up) is
    skipped; the host files are written unbuffered, so flushing the host's
    stdout and stderr is all there is left to do.  After an interactive session
    (prompt_toolkit loaded) Python shuts down as usual, to leave the terminal as
    it found it."""
    status = main()
    if "prompt_toolkit" in sys.modules:
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        status = 120                   # as Python does when flushing fails at exit
    os._exit(status)


if __name__ == "__main__":
    run()
