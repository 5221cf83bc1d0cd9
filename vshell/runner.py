"""Running the syntax tree with system calls -- xv6's runcmd, grown to POSIX.

A simple command that is not a builtin is run the way the chapter says: fork;
in the child, redirections by open/dup2/close, then exec; in the parent, wait.
A pipeline forks one child per command, joined by pipe and dup2.  Builtins and
compound commands run in the shell itself, with their redirections undone
afterwards; a subshell `( ... )` is a forked child holding a copy of the
shell's memory.

The walk is here; what it uses is beside it: words are expanded (and globbed)
in expand.py, redirections made in redirect.py, commands found along PATH in
lookup.py, builtins in builtins.py, the job table in jobtable.py, and the
ways a command ends early in common.py.
"""
from __future__ import annotations


from kernel import abi
from kernel.abi import (O_RDONLY, SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, WEXITSTATUS,
                        WIFSIGNALED, WIFSTOPPED, WTERMSIG, WUNTRACED, strsignal)

from . import ast, builtins, jobtable
from . import pattern as shpat
from .common import (BreakLoop, CommandError, ContinueLoop, Fatal, FuncReturn, ShellExit,
                     exec_error, wait_status)
from .expand import Expander, ExpansionError
from .lookup import STD_PATH, CommandSearch
from .parser import Incomplete, Parser, ShellSyntaxError, _is_assignment, is_name
from .redirect import Redirections
from .state import Job, ReadonlyError, State
from .trampoline import drive

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

JOB_SIGNALS = (SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU)
MAX_FUNCTION_DEPTH = 1000        # dash's


class Shell(Redirections, CommandSearch):
    def __init__(self, rt, state: State) -> None:
        self.rt = rt
        self.os = rt.os
        self.state = state
        self.expand = Expander(self)
        self.subst_status: int | None = None
        self.errexit_off = 0          # > 0 inside if/while conditions, && and || lists
        self.pending_traps: list[int] = []
        # $? as it was before the trap action now running: a bare `exit` in
        # the action exits with it, as POSIX and dash say (a subshell's own
        # Shell starts without one, so `(exit)` there takes its own $?)
        self.trap_status: int | None = None
        self.out_error = False        # a builtin's standard output could not be written
        self.foreground_job = False   # a job has, or is given, the terminal: Ctrl-C is its
        self.text_depth = 0           # evals and .s inside each other (builtins.nested)
        self.context = ""             # `eval: ` or a . script's name, in messages
        self.entry_ignored: dict[int, bool] = {}   # signal -> ignored when the shell began?
        self.searched: str | None = None     # the PATH lookup() searched last (None: $PATH)

    # ---- messages ---------------------------------------------------------------------

    def say(self, fd: int, text: str) -> None:
        data = text.encode("utf-8", "surrogateescape")
        try:
            while data:
                data = data[self.os.write(fd, data):]
        except OSError:
            if fd == 1:
                self.out_error = True

    def error(self, message: str) -> None:
        st = self.state
        self.say(2, f"{st.name}: {st.lineno}: {self.context}{message}\n")

    def where(self) -> str:
        """How a message about the current command starts: `vshell: 3: `, and
        inside eval or a . script, `eval: ` or the script's name too (as dash)."""
        return f"{self.state.name}: {self.state.lineno}: {self.context}"

    # ---- running text ------------------------------------------------------------------

    def run_text(self, text: str, lineno: int = 1, context: str | None = None,
                 last_exec: bool = False, read: bool = False) -> int:
        """Parse and run text one complete command at a time (as dash reads a
        script); a `return` outside any function ends it."""
        try:
            return drive(self.evalstring(text, lineno, context, last_exec, read))
        except FuncReturn as e:
            self.state.status = e.status
            return e.status

    def evalstring(self, text: str, lineno: int = 1, context: str | None = None,
                   last_exec: bool = False, read: bool = False):
        """run_text's steps (eval and . run text inside a command; context is
        what their messages name, `eval: `).  last_exec: nothing follows the
        text in this process (`sh -c`), so its last command may exec without
        forking, as dash's does.  read: the text is input read from a file
        (a script, standard input, a . file), which set -v shows as read."""
        if context is not None:
            saved, self.context = self.context, context
            try:
                return (yield self.evalstring(text, lineno, None, last_exec, read))
            finally:
                self.context = saved
        st = self.state
        parser = None
        shown = 0                            # how much of the text -v has shown
        ran = False                          # (text with no command gives 0: `. /dev/null`)
        while True:
            try:
                if parser is None:                  # (dash drops NUL bytes from its input)
                    parser = Parser(text.replace("\0", ""), lineno, aliases=st.aliases)
                node = parser.next_command()
            except ShellSyntaxError as e:
                st.lineno = e.lineno
                self.error(str(e))
                st.status = 2
                if not st.interactive:
                    raise ShellExit(2)
                return 2
            if read and "v" in st.options:
                self.say(2, parser.lexer.text[shown:parser.lexer.pos])
            shown = parser.lexer.pos
            if node is None:
                return st.status if ran else 0
            ran = True
            yield self.run_toplevel(node, last_exec and parser.at_end())

    def run_whole(self, text: str, lineno: int) -> int:
        """Text parsed whole before any of it runs, as dash reads a $(...)
        with the word it is in (so an alias it defines is not used in it);
        its last command may exec, as nothing follows it in this process."""
        try:
            node = Parser(text, lineno, aliases=self.state.aliases).parse_all()
        except ShellSyntaxError as e:
            self.state.lineno = e.lineno
            self.error(str(e))
            return 2
        try:
            return drive(self.run_toplevel(node, True))
        except FuncReturn as e:
            return e.status

    def run_toplevel(self, node: ast.Node, tail: bool = False):
        try:
            return (yield self.run(node, tail))
        except (BreakLoop, ContinueLoop):
            if self.text_depth:               # eval's or .'s text: the jump is the loop's around it
                raise
            return self.state.status
        except CommandError as e:
            self.error(str(e))
            self.state.status = e.status
            return e.status
        except (ExpansionError, ReadonlyError, Fatal) as e:
            return self.fatal(e)

    def fatal(self, e: Exception) -> int:
        """An error that ends a script (dash's sh_error): one line, and status 2;
        at a prompt, the rest of the command line is dropped."""
        self.error(str(e))
        self.state.status = 2
        if not self.state.interactive:
            raise ShellExit(2)
        return 2

    # ---- the walk -------------------------------------------------------------------------

    def run(self, node: ast.Node, tail: bool = False):
        """Run node and return (and record in $?) its status.  tail: nothing runs after
        it in this process, so an external command may exec without forking."""
        if "n" in self.state.options and not self.state.interactive:
            return 0                          # set -n: read, not run
        try:
            if isinstance(node, ast.Simple):
                status = yield self.simple(node, tail)
            elif isinstance(node, ast.Pipeline):
                status = yield self.pipeline(node, tail)
            elif isinstance(node, ast.AndOr):
                status = yield self.and_or(node, tail)
            elif isinstance(node, ast.ListNode):
                status = yield self.list_(node, tail)
            elif isinstance(node, ast.FuncDef):
                self.state.functions[node.name] = node
                if "h" in self.state.options:
                    self.hash_commands(node.body)
                status = 0
            elif isinstance(node, ast.Subshell) and tail and not self.state.traps:
                # the subshell is this process's last command: it runs here,
                # and its redirections stay for its EXIT trap, as in a child;
                # as a child, it has no jobs of its own (`(wait $!)` is 127)
                self.state.lineno = node.lineno or self.state.lineno
                self.state.jobs = []
                try:
                    self.apply_redirects(node.redirects, None)
                except CommandError as e:
                    self.error(str(e))
                    status = e.status
                else:
                    status = yield self.run(node.body, True)
            else:
                self.state.lineno = node.lineno or self.state.lineno
                status = yield self.with_redirects(node.redirects, lambda: self.compound(node, tail))
        except OSError as e:                  # the shell's own calls: fork, pipe, ...
            self.error("Cannot fork" if e.errno == abi.EAGAIN else e.strerror or str(e))
            status = 2
        self.state.status = status
        if status and "e" in self.state.options and not self.errexit_off and (
                isinstance(node, (ast.Simple, ast.Subshell)) or (isinstance(node, ast.Pipeline) and not node.negate)):
            raise ShellExit(status)           # set -e (a compound command's own parts decide)
        if self.pending_traps:
            yield self.run_traps()
        return status

    def compound(self, node, tail: bool):
        kind = type(node)
        if kind is ast.Group:
            return (yield self.run(node.body, tail))
        if kind is ast.Subshell:
            if tail and not self.state.traps:
                return (yield self.run(node.body, True))
            pid = self.fork(lambda sh: sh.run(node.body, True))
            return self.wait_foreground([pid], str_of(node))
        if kind is ast.If:
            for cond, body in node.branches:
                if (yield self.condition(cond)) == 0:
                    return (yield self.run(body, tail))
            return (yield self.run(node.orelse, tail)) if node.orelse is not None else 0
        if kind is ast.Loop:
            return (yield self.loop(node))
        if kind is ast.For:
            return (yield self.for_(node))
        if kind is ast.Case:
            return (yield self.case(node, tail))
        raise AssertionError(kind)

    def condition(self, node: ast.Node):
        self.errexit_off += 1
        try:
            return (yield self.run(node))
        finally:
            self.errexit_off -= 1

    def list_(self, node: ast.ListNode, tail: bool):
        status = self.state.status
        last = len(node.items) - 1
        for i, (item, background) in enumerate(node.items):
            if background:
                status = self.background(item)
                self.state.status = status
            else:
                status = yield self.run(item, tail and i == last)
        return status

    def and_or(self, node: ast.AndOr, tail: bool):
        """p1 && p2 || p3: all but the last run as conditions (set -e ignores them)."""
        status = yield self.condition(node.first)
        last = len(node.rest) - 1
        for i, (op, pipeline) in enumerate(node.rest):
            if (op == "&&") == (status == 0):
                status = yield (self.run(pipeline, tail) if i == last else self.condition(pipeline))
        return status

    def loop(self, node: ast.Loop):
        status = 0
        self.state.loop_depth += 1
        try:
            while True:
                try:
                    cond = yield self.condition(node.cond)
                except BreakLoop as e:      # `while break; do`: the condition ends the loop
                    if e.n > 1:
                        raise BreakLoop(e.n - 1)
                    break
                except ContinueLoop as e:
                    if e.n > 1:
                        raise ContinueLoop(e.n - 1)
                    continue
                if (cond == 0) == node.until:
                    break
                status, stop = yield self.loop_body(node.body)
                if stop:
                    break
        finally:
            self.state.loop_depth -= 1
        return status

    def for_(self, node: ast.For):
        items = list(self.state.positional) if node.words is None else self.expand.fields(node.words)
        status = 0
        self.state.loop_depth += 1
        try:
            for item in items:
                self.state.assign(node.var, item)
                status, stop = yield self.loop_body(node.body)
                if stop:
                    break
        finally:
            self.state.loop_depth -= 1
        return status

    def loop_body(self, body: ast.Node):
        """One turn of a loop: its status, and whether `break` ended the loop.
        `break n` and `continue n` with n > 1 go on to the enclosing loop."""
        try:
            return (yield self.run(body)), False
        except BreakLoop as e:
            if e.n > 1:
                raise BreakLoop(e.n - 1)
            return self.state.status, True
        except ContinueLoop as e:
            if e.n > 1:
                raise ContinueLoop(e.n - 1)
            return self.state.status, False

    def case(self, node: ast.Case, tail: bool):
        word = self.expand.string(node.word)
        k = next((k for k, (patterns, _) in enumerate(node.arms)      # (patterns are expanded
                  if any(shpat.match(self.expand.pattern(pat), word)   # up to the first match)
                         for pat in patterns)), None)
        if k is None:
            return 0
        while True:                       # the matched arm, and those ;& falls into
            body = node.arms[k][1]
            last = k not in node.fallthrough or k + 1 == len(node.arms)
            status = 0 if body is None else (yield self.run(body, tail and last))
            if last:
                return status
            k += 1

    # ---- simple commands ----------------------------------------------------------------------

    def simple(self, cmd: ast.Simple, tail: bool = False):
        st = self.state
        st.lineno = cmd.lineno or st.lineno
        self.subst_status = None
        words = self.command_words(cmd.words)
        plain = std = False
        if words and words[0] not in st.functions:
            words, plain, std = _strip_command(words)  # `command NAME`: no function, nothing special
        name = words[0] if words else None
        SPECIAL = builtins.SPECIAL
        if name is None or name == "exec" or (name in SPECIAL and not plain):
            self.trace(self.assign_each(cmd.assigns), words)   # assignments that stay
        if name is None:
            status = yield self.with_redirects(cmd.redirects, lambda: 0)
            return status if status else (self.subst_status or 0)
        if name == "exec" and words[1:2] == ["--help"]:
            return (yield self.with_redirects(
                cmd.redirects, lambda: self.builtin(builtins.lecture("help_option"), words)))
        if name == "exec":                        # its redirections are for good
            if words[1:2] == ["--"]:              # (the end of exec's options, as POSIX's
                words = words[:1] + words[2:]     # utilities take it; dash runs `--`)
            try:
                self.apply_redirects(cmd.redirects, None)
            except CommandError as e:
                if plain:                         # `command exec <x`: the script goes on
                    self.error(str(e))
                    return e.status
                return self.special_error(e)
            if len(words) == 1:
                return 0
            env = st.environ()
            for a in cmd.assigns:                 # (exported to the command, as with any)
                n = a.partition("=")[0]
                env[n] = st.vars.get(n, "")
            raise ShellExit(self.exec_external(words[1:], env, [], who="exec: "))
        if name in SPECIAL and not plain:
            try:
                return (yield self.with_redirects(
                    cmd.redirects, lambda: self.builtin(SPECIAL[name], words), fatal=True))
            except CommandError as e:
                return self.special_error(e)
        return (yield self.with_temp_vars(cmd.assigns, words,
                                          lambda: self.command(cmd, words, name, plain, tail, std)))

    def command(self, cmd: ast.Simple, words: list[str], name: str, plain: bool, tail: bool,
                std: bool = False):
        """A function, a regular builtin or a program, its assignments made
        (std: `command -p`, which searches the standard PATH)."""
        st = self.state
        BUILTINS, SPECIAL = builtins.BUILTINS, builtins.SPECIAL
        if name in st.functions and not plain:
            return (yield self.with_redirects(
                cmd.redirects, lambda: self.call_function(st.functions[name], words)))
        builtin = BUILTINS.get(name) or (SPECIAL.get(name) if plain else None)
        if builtin is not None:
            try:
                return (yield self.with_redirects(cmd.redirects, lambda: self.builtin(builtin, words)))
            except CommandError as e:
                self.error(str(e))
                return e.status
        env = st.environ()
        search = STD_PATH if std else \
            st.get("PATH") if any(a.startswith("PATH=") for a in cmd.assigns) else None
        path = self.lookup(name, search)
        why = None if path else self.not_found(name, self.searched)
        hint = st.interactive                   # (the child shell is not interactive)
        if tail and not st.traps:
            return self.exec_external(words, env, cmd.redirects, path, searched=why, hint=hint)
        if path is not None and not cmd.redirects and "m" not in st.options:
            pid = self.fork_exec(path, words, env)
        else:
            pid = self.fork(lambda sh: sh.exec_external(words, env, cmd.redirects, path,
                                                        searched=why, hint=hint))
        status = self.wait_foreground([pid], str_of(cmd))
        if status in (126, 127):
            st.hash.pop(name, None)             # it may have moved: look again next time
        return status

    def command_words(self, raw: list[str]) -> list[str]:
        """A simple command's words, expanded.  After export, readonly or local
        (however the name came), a word shaped as an assignment is expanded as
        one -- not split, ~ after = and : -- as dash 0.5.11 and later do."""
        expand = self.expand
        words: list[str] = []
        for word in raw:
            if words and _is_declaration(words) and _is_assignment(word):
                name, _, value = word.partition("=")
                words.append(name + "=" + expand.assignment(value))
            else:
                words.extend(expand.fields([word]))
        return words

    def assign_each(self, assigns: list[str], export: bool = False) -> list[str]:
        """NAME=VALUE words, each expanded and assigned in turn (so y=$x sees
        the x just before it, as in dash).  What they were, for set -x."""
        st = self.state
        shown = []
        for a in assigns:
            name, _, value = a.partition("=")
            value = self.expand.assignment(value)
            st.assign(name, value)
            if export:
                st.exported.add(name)
            shown.append(f"{name}={value}")
        return shown

    def trace(self, assigns: list[str], words: list[str]) -> None:
        """set -x: the command as it will run, on stderr."""
        if "x" in self.state.options:
            ps4 = self.state.get("PS4")
            prefix = self.expand.string(ps4) if ps4 else ""
            self.say(2, prefix + " ".join(assigns + words) + "\n")

    def special_error(self, e: CommandError) -> int:
        """An error in a special builtin (or its redirections) ends a script,
        as POSIX says; at a prompt it is the command's status."""
        self.error(str(e))
        if not self.state.interactive:
            raise ShellExit(e.status)
        return e.status

    def with_temp_vars(self, assigns: list[str], words: list[str], body: Callable[[], Any]):
        """Run body with assignments that last only while it runs (`x=1 f`),
        exported to what it starts."""
        if not assigns:
            self.trace([], words)
            return body()
        return self._with_temp_vars(assigns, words, body)

    def _with_temp_vars(self, assigns: list[str], words: list[str], body: Callable[[], Any]):
        st = self.state
        names = [a.partition("=")[0] for a in assigns]
        saved = [(n, st.vars.get(n), n in st.exported) for n in dict.fromkeys(names)]
        try:
            self.trace(self.assign_each(assigns, export=True), words)
            return (yield body())
        finally:
            for n, old, was_exported in saved:
                if old is None:
                    st.vars.pop(n, None)
                else:
                    st.vars[n] = old
                if not was_exported:
                    st.exported.discard(n)

    def call_function(self, fn: ast.FuncDef, words: list[str]):
        st = self.state
        if st.func_depth >= MAX_FUNCTION_DEPTH:
            raise Fatal(f"Maximum function recursion depth ({MAX_FUNCTION_DEPTH}) reached")
        saved, saved_getopts, saved_loops = st.positional, st.getopts, st.loop_depth
        st.positional = words[1:]
        st.getopts = [1, -1]
        st.loop_depth = 0                 # a break in the function is not the caller's
        st.func_depth += 1
        st.locals.append({})
        try:
            return (yield self.run(fn.body))
        except FuncReturn as e:
            return e.status
        finally:
            st.func_depth -= 1
            st.positional, st.getopts, st.loop_depth = saved, saved_getopts, saved_loops
            self.restore_locals(st.locals.pop())

    def restore_locals(self, frame: dict[str, tuple]) -> None:
        """A function returns: its `local` variables get back their values."""
        st = self.state
        for name, saved in frame.items():
            if name == "-":
                st.options.clear()
                st.options.update(saved[0])
                continue
            value, exported, readonly = saved
            if value is None:
                st.vars.pop(name, None)
            else:
                st.vars[name] = value
            (st.exported.add if exported else st.exported.discard)(name)
            (st.readonly.add if readonly else st.readonly.discard)(name)

    def exec_external(self, words: list[str], env: dict[str, str], redirects,
                      path: str | None = None, who: str = "", searched: str | None = None,
                      hint: bool = False) -> int:
        """In the child: redirect, then exec.  Returns only if exec failed
        (who: what the message names first, `exec: ` for the builtin;
        searched: PATH was searched already and path is what was found; if
        nothing was, this says why; hint: typed at a prompt, where a command
        not found may get a hint)."""
        self.doing("between fork and exec")
        try:
            self.apply_redirects(redirects, None)
        except CommandError as e:
            self.error(str(e))
            return e.status
        name = words[0]
        search = env.get("PATH") if env.get("PATH") != self.state.get("PATH") else None
        if path is None and searched is None:
            path = self.find_command(name, search)
        if path is None:
            why = searched or self.not_found(name, search)
            self.error(f"{who}{name}: {why}")
            if why == "not found" and hint:
                self.suggest_here(name)
            return 127
        return execute(self.os, path, words, env, self.where() + who)

    # ---- processes ---------------------------------------------------------------------------------

    def fork(self, body: Callable[["Shell"], int], pgid: int | None = None,
             foreground: bool = True) -> int:
        """fork a child shell with a copy of this one's memory, running body in it."""
        child_state = self.state.copy()
        job_control = "m" in self.state.options
        ignore_int = not job_control and not foreground

        context, entry_ignored = self.context, dict(self.entry_ignored)
        trapped = [int(key) for key, action in self.state.traps.items() if key != "EXIT" and action]
        if self.state.interactive and str(SIGTERM) not in self.state.traps:
            trapped.append(SIGTERM)           # the prompt's shell ignores TERM; what it starts does not

        def child(crt) -> int:
            sh = Shell(crt, child_state)
            sh.context, sh.entry_ignored = context, entry_ignored
            if trapped or job_control or ignore_int:
                sig = crt.signal
            for s in trapped:                 # a subshell's traps are reset; ignored ones stay
                try:
                    sig.signal(s, sig.SIG_DFL)
                except (OSError, ValueError):
                    pass
            if job_control:
                crt.os.setpgid(0, pgid or 0)
                if foreground:
                    sig.signal(SIGTTOU, sig.SIG_IGN)
                    try:
                        crt.os.tcsetpgrp(0, pgid or crt.os.getpid())
                    except OSError:                # (-i, with no terminal to give)
                        pass
                for s in JOB_SIGNALS:
                    sig.signal(s, sig.SIG_DFL)
            elif ignore_int:                  # an & job without job control (POSIX):
                sig.signal(SIGINT, sig.SIG_IGN)   # keys at the terminal are not for it,
                sig.signal(SIGQUIT, sig.SIG_IGN)
                try:                              # nor is what is typed there
                    fd = crt.os.open("/dev/null", O_RDONLY)
                    if fd != 0:
                        crt.os.dup2(fd, 0)
                        crt.os.close(fd)
                except OSError:
                    pass
            try:
                status = drive(body(sh))
            except ShellExit as e:
                status = e.status
            except (BreakLoop, ContinueLoop, FuncReturn):
                status = sh.state.status
            except CommandError as e:
                sh.error(str(e))
                status = e.status
            except (ExpansionError, ReadonlyError, Fatal) as e:
                sh.error(str(e))
                status = 2
            except OSError as e:              # the child's own calls: pipe, dup2, ...
                sh.error(e.strerror or str(e))
                status = 2
            return sh.exit_traps(status)
        self.foreground_job = self.foreground_job or (job_control and foreground)
        pid = self.rt.clone(child)
        if job_control:
            try:
                self.os.setpgid(pid, pgid or pid)
            except OSError:
                pass
        return pid

    def fork_exec(self, path: str, words: list[str], env: dict[str, str]) -> int:
        """The common case, fork then exec with nothing to set up in between: the
        child needs none of the shell's memory, only what it will report if exec fails."""
        where = self.where()
        return self.rt.clone(lambda crt: execute(crt.os, path, words, env, where))

    def doing(self, what: str | None) -> str | None:
        """Say what this shell is doing, in its own terms, for ps, regs and step
        to show as its program counter (kernel/proc.py); returns what it said
        before, to say again when done."""
        old, self.rt.activity = self.rt.activity, what
        return old

    def wait_foreground(self, pids: list[int], command: str, pgid: int | None = None,
                        job: Job | None = None) -> int:
        """Wait for a foreground job (job: one `fg` brought back); its status is
        the last process's."""
        said = self.doing(f"waiting for job {job.id}" if job is not None else
                          f"waiting for pid {pids[-1]}")
        try:
            return self._wait_foreground(pids, command, pgid, job)
        finally:
            self.doing(said)

    def _wait_foreground(self, pids: list[int], command: str, pgid: int | None,
                         job: Job | None) -> int:
        job_control = "m" in self.state.options
        if len(pids) == 1 and not job_control:          # the common case: one child
            try:
                status = self.os.waitpid(pids[0], 0)[1]
            except ChildProcessError:
                status = 0
            if WIFSIGNALED(status):
                return self.killed(status)
            return WEXITSTATUS(status)
        statuses: dict[int, int] = {}
        stopped = False
        options = WUNTRACED if job_control else 0
        remaining = list(pids)
        while remaining:
            try:
                pid, status = self.os.waitpid(remaining[0], options)
            except ChildProcessError:
                remaining.pop(0)
                continue
            if WIFSTOPPED(status):                     # (Ctrl-Z)
                stopped = True
                statuses[pid] = status
                remaining.pop(0)
                continue
            statuses[pid] = status
            remaining.remove(pid)
        if job_control:
            self.take_terminal()
        last = statuses.get(pids[-1], 0)
        if "pipefail" in self.state.options and not stopped and not WEXITSTATUS(last) \
                and not WIFSIGNALED(last):
            failed = [wait_status(statuses.get(p, 0)) for p in pids if statuses.get(p, 0)]
            if failed:                                  # set -o pipefail: the last failure
                return failed[-1]
        if stopped:
            job = jobtable.stop(self.state, job, pgid or pids[0], pids, command, statuses)
            self.say(2, "\n" + jobtable.listing(self.state, job) + "\n")
            return 128 + SIGTSTP
        return self.killed(last) if WIFSIGNALED(last) else wait_status(last)

    def killed(self, status: int) -> int:
        """A child killed by a signal: say which (as dash does), give 128+N."""
        sig = WTERMSIG(status) if WIFSIGNALED(status) else 0
        if sig and sig not in (SIGINT, SIGPIPE):
            self.say(2, (strsignal(sig) or f"Signal {sig}") + "\n")
        elif sig == SIGINT and self.state.interactive:
            raise KeyboardInterrupt         # so is the rest of the line, as in bash and dash
        return wait_status(status)

    def take_terminal(self) -> None:
        try:
            self.os.tcsetpgrp(0, self.os.getpgrp())
        except OSError:
            pass
        self.foreground_job = False

    def background(self, node: ast.Node) -> int:
        if self.state.jobs:
            self.reap_jobs(notify=False)      # finished jobs give their process slots back
        if isinstance(node, ast.Pipeline) and len(node.commands) > 1 and not node.negate:
            return self.background_pipeline(node)
        try:
            pid = self.fork(lambda sh: sh.run_job(node), foreground=False)
        except OSError as e:
            self.error("Cannot fork" if e.errno == abi.EAGAIN else e.strerror or str(e))
            return 2
        self.state.last_bg = pid
        job = jobtable.add(self.state, pid, [pid], str_of(node))
        if self.state.interactive:
            self.say(2, f"[{job.id}] {pid}\n")
        return 0

    def background_pipeline(self, node: ast.Pipeline) -> int:
        """`a | b &`: as in dash, every stage is forked from this shell; the job is
        all of them, and $! is the last stage (what `kill $!` and `wait $!` reach)."""
        pids: list[int] = []
        status = 0
        try:
            self.fork_stages(node.commands, pids, foreground=False)
        except OSError as e:
            self.error("Cannot fork" if e.errno == abi.EAGAIN else e.strerror or str(e))
            status = 2
        if pids:                              # (those started are a job all the same)
            self.state.last_bg = pids[-1]
            job = jobtable.add(self.state, pids[0], pids, str_of(node))
            if self.state.interactive and not status:
                self.say(2, f"[{job.id}] {pids[-1]}\n")
        return status

    def run_job(self, node: ast.Node):
        """A `&` job that is not a pipeline, in its own process (a subshell)."""
        return self.run(node, True)

    def reap_jobs(self, notify: bool) -> None:
        """Collect finished background jobs; interactive shells say `[1]+  Done`."""
        jobtable.reap(self)
        if notify:
            jobtable.notify(self)

    # ---- pipelines --------------------------------------------------------------------------------

    def pipeline(self, node: ast.Pipeline, tail: bool = False):
        cmds = node.commands
        if len(cmds) == 1:
            status = yield (self.condition(cmds[0]) if node.negate else self.run(cmds[0], tail))
            return int(not status) if node.negate else status
        pids: list[int] = []
        try:
            self.fork_stages(cmds, pids)
        except OSError:                      # no more processes: wait for those started
            if pids:
                self.wait_foreground(pids, str_of(node), pids[0])
            raise
        status = self.wait_foreground(pids, str_of(node), pids[0])
        return int(not status) if node.negate else status

    def fork_stages(self, cmds: list[ast.Node], pids: list[int], foreground: bool = True) -> None:
        """Fork each stage of a pipeline, stdout to the next one's stdin through a
        pipe, all in one process group (the first stage's).  pids gets each
        child's pid as it starts, so that if a fork fails (OSError) the caller
        still knows those already running; this shell keeps no pipe end."""
        os = self.os
        pgid = None
        prev_read: int | None = None
        for i, cmd in enumerate(cmds):
            last = i == len(cmds) - 1
            r = w = None
            if not last:
                r, w = os.pipe()

            def stage(sh: "Shell", cmd=cmd, inp=prev_read, out=w, other=r) -> int:
                if inp is not None:
                    sh.os.dup2(inp, 0)
                    sh.os.close(inp)
                if out is not None:
                    sh.os.dup2(out, 1)
                    sh.os.close(out)
                    sh.os.close(other)
                return sh.run(cmd, tail=True)
            try:
                pid = self.fork(stage, pgid, foreground)
            except OSError:
                for fd in (prev_read, r, w):
                    if fd is not None:
                        os.close(fd)
                raise
            pgid = pgid or pid
            pids.append(pid)
            if prev_read is not None:
                os.close(prev_read)
            if w is not None:
                os.close(w)
            prev_read = r

    def builtin(self, fn, words: list[str]):
        """Run a builtin.  If its output could not be written (a full disk, say),
        dash says `echo: I/O error` and the status gets 1."""
        self.out_error = False
        if words[1:2] == ["--help"] and words[0] not in builtins.NO_HELP:
            fn = builtins.lecture("help_option")   # `cd --help`: the builtin's page
        status = yield fn(self, words)
        if self.out_error:
            self.out_error = False
            self.error(f"{words[0]}: {words[0]}: I/O error")   # (dash names it twice)
            status |= 1
        return status

    # ---- command substitution -------------------------------------------------------------------

    def command_substitution(self, text: str) -> str:
        """$(...): run text in a child shell with its stdout into a pipe; read it all."""
        os = self.os
        r, w = os.pipe()

        lineno = self.state.lineno

        def body(sh: "Shell") -> int:
            sh.os.close(r)
            sh.os.dup2(w, 1)
            sh.os.close(w)
            return sh.run_whole(text, lineno)
        pid = self.fork(body, foreground=True) if "m" not in self.state.options else \
            self._fork_plain(body)
        os.close(w)
        chunks = []
        while True:
            data = os.read(r, 65536)
            if not data:
                break
            chunks.append(data)
        os.close(r)
        _, status = os.waitpid(pid, 0)
        self.subst_status = wait_status(status)    # ($? is the last command's until this one ends)
        out = b"".join(chunks).replace(b"\0", b"")     # (dash drops NULs, as from its input)
        return out.decode("utf-8", "surrogateescape").rstrip("\n")

    def _fork_plain(self, body) -> int:
        """A substitution's child stays in the shell's own process group."""
        options = self.state.options
        options.discard("m")
        try:
            return self.fork(body)
        finally:
            options.add("m")

    # ---- users --------------------------------------------------------------

    def home_of(self, user: str) -> str | None:
        try:
            with self.rt.open("/etc/passwd") as f:
                for line in f:
                    fields = line.rstrip("\n").split(":")
                    if fields[0] == user and len(fields) > 5:
                        return fields[5]
        except OSError:
            pass
        return None

    # ---- traps ----------------------------------------------------------------------------------------

    def ignored_at_start(self, sig: int) -> bool:
        """Was sig ignored when the shell began?  (Asked the first time the
        shell is to change it: until then, what it is is what it was.)"""
        if sig not in self.entry_ignored:
            handler = self.rt.signal
            try:
                self.entry_ignored[sig] = handler.getsignal(sig) == handler.SIG_IGN
            except (OSError, ValueError):
                self.entry_ignored[sig] = False
        return self.entry_ignored[sig]

    def trap_signal(self, sig: int) -> None:
        self.pending_traps.append(sig)

    def run_traps(self):
        while self.pending_traps:
            sig = self.pending_traps.pop(0)
            action = self.state.traps.get(str(sig))
            if action:
                saved, outer = self.state.status, self.trap_status
                self.trap_status = saved
                try:
                    yield self.evalstring(action)
                finally:
                    self.trap_status = outer
                self.state.status = saved

    def exit_traps(self, status: int) -> int:
        """Run the EXIT trap (once) and give the status the shell exits with."""
        action = self.state.traps.pop("EXIT", None)
        if action:
            self.state.status = self.trap_status = status
            try:
                self.run_text(action)
            except ShellExit as e:
                return e.status
            finally:
                self.trap_status = None
        return status


def execute(os, path: str, words: list[str], env: dict[str, str], where: str) -> int:
    """exec, in a child; if it fails, say why and give dash's status (127, 126).
    A file with no #! line is a shell script: sh runs it, as dash does."""
    try:
        os.execve(path, words, env)
    except ValueError:                  # a NUL in a word: no file has such a name
        _complain(os, f"{where}{words[0]}: not found\n")
        return 127
    except OSError as e:
        if e.errno == abi.ENOEXEC:
            try:
                os.execve("/bin/sh", ["sh", path] + words[1:], env)
            except OSError:
                pass
        missing = e.errno in (abi.ENOENT, abi.ENOTDIR)
        message = "not found" if missing else exec_error(e)
        _complain(os, f"{where}{words[0]}: {message}\n")
        return 127 if missing else 126
    return 127


def _complain(os, text: str) -> None:
    """A message on stderr, if there is one (2>&- closed it: dash says nothing)."""
    try:
        os.write(2, text.encode("utf-8", "surrogateescape"))
    except OSError:
        pass


def _is_declaration(words: list[str]) -> bool:
    """Do these first words name export, readonly or local (maybe after `command`)?"""
    first = words[0]
    if first == "command" and len(words) > 1:
        first = words[1]
    return first in ("export", "readonly", "local")


def _strip_command(words: list[str]) -> tuple[list[str], bool, bool]:
    """`command [-p] NAME ARGS` runs NAME as if it were not a function or a
    special builtin (with -p, found along the standard PATH); -v and -V (and
    a bare `command`) are the builtin's."""
    plain = std = False
    while words[0] == "command":
        rest = words[1:]
        while rest and rest[0] in ("-p", "--"):
            std = std or rest[0] == "-p"
            rest = rest[1:]
        if not rest or rest[0].startswith("-"):
            break
        words, plain = rest, True
    return words, plain, std


def str_of(node: ast.Node, depth: int = 0) -> str:
    """A command as a job listing shows it (nested past 50 levels: `...`)."""
    if depth > 50:
        return "..."
    inner = depth + 1
    if isinstance(node, ast.Simple):
        return " ".join(node.assigns + node.words + [
            f"{r.fd if r.fd != (0 if r.op[0] == '<' else 1) else ''}{r.op}{r.target}" for r in node.redirects])
    if isinstance(node, ast.Pipeline):
        return ("! " if node.negate else "") + " | ".join(str_of(c, inner) for c in node.commands)
    if isinstance(node, ast.AndOr):
        return str_of(node.first, inner) + "".join(f" {op} {str_of(p, inner)}" for op, p in node.rest)
    if isinstance(node, ast.ListNode):
        return "; ".join(str_of(n, inner) + (" &" if bg else "") for n, bg in node.items)
    if isinstance(node, ast.Subshell):
        return f"({str_of(node.body, inner)})"
    if isinstance(node, ast.Group):
        return f"{{ {str_of(node.body, inner)}; }}"
    return type(node).__name__.lower()


__all__ = ["Shell", "ShellExit", "CommandError", "Incomplete", "is_name", "wait_status"]

