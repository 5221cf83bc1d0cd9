"""The vshell command line."""
from __future__ import annotations

import argparse
import sys

from vshell import __version__


def parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="vshell", description="A teaching shell on a miniature Unix kernel.")
    ap.add_argument("-c", dest="command", metavar="CMDS", help="run CMDS and exit")
    ap.add_argument("script", nargs="?", help="a shell script in the virtual file system or on the host")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    ap.add_argument("--seed", type=int, help="make scheduling (and so output and traces) reproducible")
    ap.add_argument("--virtual-time", action="store_true",
                    help="run the clock as virtual time: sleeps take no real time")
    ap.add_argument("--mount", action="append", default=[], metavar="HOSTDIR:VPATH[:rw]",
                    help="mount a host directory (read-only unless :rw)")
    ap.add_argument("--user", default="student", help="log in as this user (default: student)")
    ap.add_argument("--policy", default="rr", choices=["rr", "fifo", "priority", "mlfq", "lottery"], help="scheduling policy")
    ap.add_argument("--quantum", type=int, default=10, help="time slice, in ticks")
    ap.add_argument("--fork-first", default="random", choices=["random", "child", "parent"],
                    help="who runs first after fork (random follows the seed)")
    for letter, what in (("e", "exit when a command fails"), ("x", "trace commands on stderr"),
                         ("n", "read commands but do not run them"), ("v", "print input as it is read"),
                         ("u", "an unset variable is an error")):
        ap.add_argument(f"-{letter}", dest="options", action="append_const", const=letter, help=what)
    ap.add_argument("-i", dest="interactive", action="store_true", help="interactive even if not on a terminal")
    ap.add_argument("-s", dest="stdin", action="store_true", help="read commands from standard input")
    ap.set_defaults(options=[])
    ap.add_argument("--trace", nargs="?", const="all", metavar="KINDS",
                    help="show kernel events as they happen: all, or a comma list of "
                         "syscalls, sched, signals, proc")
    ap.add_argument("--trace-file", metavar="FILE", help="write every kernel event to FILE as JSON lines")
    ap.add_argument("--record", metavar="FILE", help="save the session as the terminal showed it "
                    "(FILE.svg, FILE.html or FILE.txt), for slides and handouts")
    ap.add_argument("--private", action="store_true", help="keep no history on disk")
    ap.add_argument("--no-rc", action="store_true", help="do not read the rc file (XDG config dir)")
    ap.add_argument("--version", action="version", version=f"vshell {__version__}")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    a = parse(sys.argv[1:] if argv is None else argv)
    from vshell.console import HostConsole
    from vshell.system import Options, boot, make_machine
    opts = Options(seed=a.seed, virtual_time=a.virtual_time, user=a.user, mounts=a.mount,
                   policy=a.policy, quantum=a.quantum, fork_first=a.fork_first)
    shell_argv = ["sh"] + [f"-{o}" for o in a.options]
    input_fd = 0
    if a.command is not None:
        shell_argv += ["-c", a.command, a.script or "vshell"] + a.args
    elif a.script is not None:
        try:
            with open(a.script, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
        except OSError as e:
            print(f"vshell: cannot open {a.script}: {e.strerror}", file=sys.stderr)
            return 127 if e.errno == 2 else 126
        shell_argv += ["-c", text, a.script] + a.args
    elif not sys.stdin.isatty() and not a.interactive:
        text = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
        shell_argv += ["-c", text, "vshell"]
        input_fd = None                   # the terminal gives EOF: it does not eat the script
    elif a.interactive:
        shell_argv.append("-i")
    trace = None
    if a.trace is not None:
        trace = [] if a.trace == "all" else a.trace.split(",")
        from vshell.tracer import KINDS
        bad = [t for t in trace if t not in KINDS]
        if bad:
            print(f"vshell: --trace: unknown kind {bad[0]!r} (all, {', '.join(KINDS)})", file=sys.stderr)
            return 2
    interactive = a.command is None and a.script is None and sys.stdin.isatty() and sys.stdout.isatty()
    try:
        if interactive:
            from vshell.console import InteractiveConsole
            holder: list = []
            console = InteractiveConsole(lambda: holder[0], a.private)
            k = make_machine(opts, console)
            holder.append(k)
            env = install_rc(k, opts) if not a.no_rc else {}
            return recorded(console, a.record, lambda: boot(k, opts, shell_argv, env, trace, a.trace_file))
        console = HostConsole(input_fd)
        k = make_machine(opts, console)
        return recorded(console, a.record, lambda: boot(k, opts, shell_argv, None, trace, a.trace_file))
    except ValueError as e:
        print(f"vshell: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def recorded(console, path, run) -> int:
    """Run the session; with --record, save what it showed afterwards."""
    if path is None:
        return run()
    console.recording = []
    try:
        return run()
    finally:
        import shutil
        from vshell.console import save_recording
        try:
            save_recording(console.recording, path, shutil.get_terminal_size((100, 24)).columns)
        except OSError as e:
            print(f"vshell: --record: cannot write {path}: {e.strerror}", file=sys.stderr)


def install_rc(k, opts) -> dict:
    """The host rc file, copied into the user's home as ~/.vshellrc; $ENV names it,
    so the interactive shell reads it (as POSIX shells read $ENV)."""
    import os
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


if __name__ == "__main__":
    sys.exit(main())
