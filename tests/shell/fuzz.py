"""Inputs for the shell fuzz campaign, and the check that runs one.

Four kinds of input, from one seeded random generator (the same seed gives
the same inputs, so a failure can be run again):

  bytes      random bytes, as a script on stdin or as sh -c's text
  grammar    scripts shaped by the shell's grammar: commands, quoting,
             expansions, redirections, here-documents, compound commands,
             functions, pipelines -- then, often, mutated a little
  deep       one construct nested hundreds or thousands of times
  huge       one very long word of the characters the lexer cares about

A run passes when the shell ends (before the host-time deadline) with no
kernel panic (the shell's own Python traceback would be one) and no
"internal error" on its output.
Loops the grammar makes are bounded, so that a run that does not end is a
hang of the shell's, not of the script's.
"""
from __future__ import annotations

import random
import time

from kernel import MemoryConsole
from vshell.system import Options, make_machine

ENV = {"PATH": "/bin", "HOME": "/home/student", "USER": "student"}
KINDS = ("bytes",) * 3 + ("grammar",) * 5 + ("deep", "huge")     # (deep and huge cost most)
DEADLINE = 10.0             # host seconds one input may take

COMMANDS = ["echo", "printf '%s|'", "printf '%d\\n'", "true", "false", ":", "test", "[", "cat",
            "set --", "set -u", "set +u", "set -f", "set -C", "export", "unset", "readonly",
            "shift", "eval", "local", "read", "read -r", "cd", "pwd", "umask", "alias",
            "unalias", "getopts ab:", "trap", "kill -0 $$", "wait", "type", "command -v",
            "hash", "times", "exit", "return", "break", "continue", "wc -c", "tr a-z A-Z",
            "ls", "sort", "head -1", "basename", "dirname", "sleep 0", "kill -l",
            "command", "exec true", ".", "ulimit -n", "jobs", "getopts :x"]
NO_ARGS = {"set -u", "set +u", "set -f", "set -C"}
NAMES = ["x", "y", "IFS", "PATH", "HOME", "OPTIND", "1", "@", "*", "#", "?", "-", "$", "!", "0",
         "10", "f", "_v"]
OPS = [":-", "-", ":=", "=", ":?", "?", ":+", "+", "#", "##", "%", "%%"]
ATOMS = ["a", "b c", "*", "?", "[ab]", "[!a]", "~", "~/x", "x=1", "-n", "=", "!=", "-z", "--",
         "\\", "\\\\", "'", "\"", "$", "{", "}", "(", ")", ";", "&", "|", "<", ">", "\n", "\t",
         "é", "\udcff", "%", "%s", "-e", "-ab", "0", "-1", "99999999999999999999", ""]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.loops = 0              # each loop counts with a variable of its own

    def inputs(self, n: int):
        for _ in range(n):
            yield self.input()

    def input(self) -> tuple[str, str, bool]:
        """(kind, script, whether it goes to the shell's stdin rather than -c)."""
        kind = self.rng.choice(KINDS)
        script = getattr(self, kind)()
        return kind, script, self.rng.random() < 0.2

    # -- the four kinds --

    def bytes(self) -> str:
        rng = self.rng
        n = rng.choice((4, 16, 64, 256))
        alphabet = rng.choice((range(256), b"$(){}[]'\"`\\|&;<>#\n \t=*?~!-0123456789abcxyzEOF"))
        data = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, n)))
        return data.decode("utf-8", "surrogateescape")

    def grammar(self) -> str:
        script = "\n".join(self.command_list(3) for _ in range(self.rng.randint(1, 4)))
        if self.rng.random() < 0.4 and "while" not in script and "until" not in script:
            script = self.mutate(script)          # (a mutated loop may run for ever)
        return script

    def deep(self) -> str:
        rng = self.rng
        n = int(10 ** rng.uniform(1, 3.4))            # 10 .. 2,500 levels
        opening, closing = rng.choice([
            ("(", ")"), ("{ ", "; }"), ("if true; then ", "; fi"), ("while :; do ", "; break; done"),
            ("for i in 1; do ", "; done"), ("case x in x) ", ";; esac"), ("f() { ", "; }; f"),
            ("${x:-", "}"), ("\"${x:-", "}\""), ("$((", "))"), ("((", "))"), ("$(echo ", ")"),
            ("`echo ", "`"), ("\"", "\""), ("! ", ""), ("[ \\( ", " \\) ]"), ("eval '", "'"),
            ("echo $(( (", ") ))"), ("x=$(", ")"), ("a|", ""), ("a&&", ""), ("<<E\n", "\nE")])
        if opening in ("$(echo ", "`echo ", "x=$(", "eval '"):
            n = min(n, 40)                            # each level is a process, or quotes double
        middle = rng.choice(["echo hi", "1", "x", "", "true", "$x"])
        text = opening * n + middle + closing * rng.choice((n, n, n - 1, n + 1))
        return text if opening.startswith(("(", "{", "if", "while", "for", "case", "f(", "!",
                                           "a|", "a&", "x=", "eval", "[", "<<")) else "echo " + text

    def huge(self) -> str:
        rng = self.rng
        n = int(10 ** rng.uniform(3, 5.3))            # 1,000 .. 200,000 characters
        unit = rng.choice(["[", "]", "$", "\\", "'", "\"", "`", "{", "}", "*", "?", "a", "${",
                           "$(", "[!", "\\\n", "~", ":", "=", "x=", "a b", "[a-", "#"])
        if unit in ("`", "$("):
            n = min(n, 2000)                          # (each pair is a command substitution)
        word = (unit * (n // len(unit) + 1))[:n]
        return rng.choice(["echo ", "case x in ", ": ", "x=", "[ ", "cat <<E\n", ""]) + word

    # -- the grammar --

    def command_list(self, depth: int) -> str:
        rng = self.rng
        parts = [self.and_or(depth) for _ in range(rng.randint(1, 3))]
        seps = [rng.choice(("; ", " && ", " || ", " & ", "\n", " | ")) for _ in parts]
        return "".join(p + s for p, s in zip(parts, seps)).rstrip("|&; \n")

    def and_or(self, depth: int) -> str:
        rng = self.rng
        if depth <= 0 or rng.random() < 0.55:
            return self.simple(depth)
        kind = rng.randrange(11)
        body = self.command_list(depth - 1) or ":"
        n = rng.randint(0, 3)
        if kind == 0:
            return f"{{ {body}; }}" + self.redirects()
        if kind == 1:
            return f"( {body} )" + self.redirects()
        if kind == 2:
            return f"if {self.simple(0)}; then {body}; else {self.simple(depth - 1)}; fi"
        if kind in (3, 9):
            self.loops += 1
            c = f"c{self.loops}"
            # Quoted, so that an IFS of digits cannot split the count: a loop
            # must end in any shell, or its input is a hang in dash as well.
            if kind == 3:
                return f'{c}=0; while [ "${c}" -lt {n} ]; do {c}=$(({c}+1)); {body}; done'
            return f'{c}=0; until [ "$(({c}={c}+1))" -gt {n} ]; do {body}; done'
        if kind == 4:
            return f"for v in {self.words(3)}; do {body}; done"
        if kind == 5:
            return f"case {self.word()} in {self.word()}|{self.word()}) {body};; *) :;; esac"
        if kind == 6:
            self.loops += 1                           # (a name of its own: no recursion)
            name = f"fn{self.loops}"
            return f"{name}() {{ {body}; }}; {name} {self.words(2)}"
        if kind == 7:
            return f"{self.simple(0)} | {self.simple(0)}"
        if kind == 8:
            return f"! {self.simple(depth - 1)}"
        return f"{self.simple(0)} <<{rng.choice(('E', 'E', '-E', chr(39) + 'E' + chr(39)))}\n" \
               f"{self.words(3)}\n{self.word()}\nE"

    def simple(self, depth: int) -> str:
        rng = self.rng
        assigns = " ".join(f"{rng.choice(('x', 'y', 'IFS', 'z'))}={self.word()}"
                           for _ in range(rng.choice((0, 0, 0, 1, 2))))
        command = rng.choice(COMMANDS) if rng.random() < 0.85 else self.word()
        # No options after set's own: `set -n` stops every command, so a loop's
        # count would stop and its input hang, in dash too.
        words = "" if command in NO_ARGS else self.words(rng.randint(0, 3))
        return (assigns + " " + command + " " + words + self.redirects()).strip()

    def words(self, n: int) -> str:
        return " ".join(self.word() for _ in range(n))

    def word(self) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            if r < 0.35:
                parts.append(rng.choice(ATOMS) if rng.random() < 0.3 else rng.choice("abcxyz01") * rng.randint(1, 3))
            elif r < 0.45:
                parts.append("'" + rng.choice(ATOMS).replace("'", "") + "'")
            elif r < 0.55:
                parts.append('"' + self.expansion() + rng.choice(("", " a ", "\\\"")) + '"')
            else:
                parts.append(self.expansion())
        return "".join(parts)

    def expansion(self) -> str:
        rng = self.rng
        name = rng.choice(NAMES)
        r = rng.random()
        if r < 0.3:
            return "$" + name if len(name) == 1 else "${" + name + "}"
        if r < 0.55:
            return "${" + name + rng.choice(OPS) + rng.choice(("", "w", "*", "$y", "'a b'", "\"q\"", "$(echo s)")) + "}"
        if r < 0.65:
            return "${#" + name + "}"
        if r < 0.8:
            return "$((" + rng.choice(("1+2", "x", "x+=1", "1/0", "(1", "2*3", "x?1:2", "-1>>1", "08", "a=")) + "))"
        if r < 0.9:
            return "$(" + rng.choice(COMMANDS) + " " + rng.choice(ATOMS).replace(")", "") + ")"
        return "`echo " + rng.choice(("a", "$x", "\\`b\\`", "")) + "`"

    def redirects(self) -> str:
        rng = self.rng
        if rng.random() < 0.75:
            return ""
        return " " + rng.choice(("> out", ">> out", "< out", "2>&1", ">&2", "< /dev/null", "3> f3",
                                 "<&3", ">&-", "<> io", ">| out", "2> /dev/null", "> /nonexist/x",
                                 "<< E\nbody $x\nE\n"))

    def mutate(self, script: str) -> str:
        rng = self.rng
        chars = list(script)
        for _ in range(rng.randint(1, 4)):
            if not chars:
                break
            k = rng.randrange(len(chars))
            op = rng.randrange(3)
            if op == 0:
                del chars[k]
            elif op == 1:
                chars.insert(k, rng.choice("$(){}[]'\"`\\|&;<>\n #"))
            else:
                chars[k:k] = chars[k:k + rng.randint(1, 8)]
        return "".join(chars)


def watch(k, deadline: float) -> None:
    """Halt the machine at the deadline: its timer interrupt (every 10 ms, on
    the host's clock) checks, and a halted machine's scheduler returns."""
    cpu = k.cpu
    work = getattr(cpu, "_fuzz_work", None) or cpu._interrupt_work
    cpu._fuzz_work = work

    def interrupt_work(p) -> None:
        work(p)
        if time.monotonic() > deadline:
            cpu.halted = True
            cpu.need_preempt = True
    cpu._interrupt_work = interrupt_work


class Runner:
    """Runs inputs on machines, a fresh one every so often, each input in an
    empty directory of its own."""

    def __init__(self, fresh_every: int = 40) -> None:
        self.fresh_every = fresh_every
        self.k = None
        self.count = 0

    def machine(self):
        if self.k is None or self.count % self.fresh_every == 0:
            self.k = make_machine(Options(seed=self.count, virtual_time=True), MemoryConsole(b"in put\n"))
        self.count += 1
        return self.k

    def run(self, script: str, on_stdin: bool) -> str | None:
        """None if the shell got through it; else what went wrong."""
        k = self.machine()
        console = k.tty.console
        console.out, console.err, console.both = [], [], []
        console.input = script.encode("utf-8", "surrogateescape") if on_stdin else b"in put\n"
        k.tty.lines.clear()
        k.tty.partial = b""
        cwd = f"/tmp/fuzz{self.count}"
        k.fs.mkdirs(cwd, 0o777, 1000, 1000)
        panics = len(k.panics)
        argv = ["/bin/sh"] if on_stdin else ["/bin/sh", "-c", script, "vshell"]
        done: dict[str, int] = {}

        def init(rt) -> int:
            os = rt.os
            try:
                pid = os.posix_spawnp(argv[0], argv, ENV)
            except (OSError, ValueError):
                done["status"] = -1
                return 0
            while True:
                try:
                    wpid, status = os.wait()
                except ChildProcessError:
                    done.setdefault("status", -1)
                    return 0
                if wpid == pid:
                    done["status"] = status

        k.cpu.halted = False
        k.spawn(init, uid=1000, env=ENV, cwd=cwd)
        deadline = time.monotonic() + DEADLINE
        watch(k, deadline)
        k.run()
        if "status" not in done and time.monotonic() > deadline:
            self.k = None                              # the machine is left as it is
            return "hang"
        if len(k.panics) > panics:
            return "panic:\n" + k.panics[-1]
        err = console.stderr
        if "internal error" in err:       # (a program's own traceback is its business)
            return "stderr:\n" + err[-2000:]
        return None
