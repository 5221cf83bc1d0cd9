"""The interactive interpreter: `python` at a terminal, `python -i`, as CPython's
PyRun_InteractiveLoop (Python/pythonrun.c) runs it -- but in the process.

The loop reads a statement through the kernel -- at a terminal with vshell's
line editor (kernel/libpy/lineedit.py, as the shell's prompt: arrow keys, a
history of its own, Python's colours), else from sys.stdin -- compiles it, runs it in __main__, and shows
an expression statement's value with sys.displayhook.  It is the process's own
code, so `import os; os.fork()` typed at it really forks: the child is rebuilt
by replay like any program's (the lines it read are in the record), answers 0,
and from then on both processes read the same terminal -- as two CPythons
do after a fork at the prompt.

As in CPython:
  - sys.ps1 and sys.ps2 (">>> ", "... ") are the prompts, on stdout when stdin
    and stdout are terminals (readline writes them there), else on stderr;
  - a statement is complete as codeop.compile_command decides (a compound one
    ends with an empty line); its lines count from 1, in "<stdin>";
  - an error is printed through sys.excepthook (PyErr_Print: kernel/libpy/
    shutdown.py), with the "Did you mean" hint, and the loop goes on; so does
    Ctrl-C, which prints KeyboardInterrupt;
  - expression statements print their value at any depth outside functions
    and classes (`for i in range(3): i` prints three values);
  - SystemExit ends the interpreter (exit(), quit(), sys.exit()); end of input
    (Ctrl-D) prints a newline and ends it with status 0.
  - Ctrl-C raises KeyboardInterrupt (signal.default_int_handler, installed at
    the first prompt unless SIGINT is ignored).

A statement is compiled as the loader compiles programs, with ticks
(kernel/ticks.py), so `while True: pass` typed at the prompt is preempted
like a program's loop.  The value is shown through the process's sys.displayhook,
not the host's: the compiler's interactive mode would call the host's
sys.displayhook, so expression statements are rewritten to call it instead.
"""
from __future__ import annotations

import ast
import codeop

from kernel import ticks
from kernel.errors import Unwind
from kernel.libpy import lineedit
from kernel.libpy import os as vos
from kernel.libpy import shutdown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from kernel.libpy.runtime import Runtime

BANNER = 'Type "help", "copyright", "credits" or "license" for more information.'


def banner(rt: Runtime) -> str:
    """pymain_header's two lines."""
    sys = rt.sys
    return f"Python {sys.version} on {sys.platform}\n{BANNER}\n"


class _Display(ast.NodeTransformer):
    """Expression statements call the process's sys.displayhook, as CPython's
    PRINT_EXPR calls the interpreter's (not inside functions or classes)."""

    def visit_Expr(self, node: ast.Expr) -> ast.Expr:
        hook = ast.Attribute(ast.Call(ast.Name("__import__", ast.Load()), [ast.Constant("sys")], []),
                             "displayhook", ast.Load())
        node.value = ast.Call(hook, [node.value], [])
        return ast.fix_missing_locations(ast.copy_location(node, node.value.args[0]))

    def _leave_alone(self, node):
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = _leave_alone


def displayed(tree: ast.Interactive) -> ast.Interactive:
    """compile()'s "single" mode for a program: values to its sys.displayhook."""
    return _Display().visit(tree)


def compile_statement(rt: Runtime, source: str):
    """The code for one complete interactive statement, with ticks."""
    p = rt.k.cpu.current
    p.in_kernel += 1                     # compiling is kernel work (see Loader.compile_source)
    try:
        tree = compile(source, "<stdin>", "single", ast.PyCF_ONLY_AST, dont_inherit=True)
        assert isinstance(tree, ast.Interactive)        # (what "single" parses to)
        body = ast.Module(body=tree.body, type_ignores=[])
        body = ticks.instrument(_Display().visit(body), rt.k.cpu.deterministic)
        return compile(body, "<stdin>", "exec", dont_inherit=True)
    finally:
        p.in_kernel -= 1


def startup(rt: Runtime, namespace: dict) -> None:
    """$PYTHONSTARTUP, run in __main__ before the first prompt (not with -E or -I)."""
    path = rt.p.env.get("PYTHONSTARTUP")
    if not path or rt.config.flags.ignore_environment:
        return
    try:
        with rt.open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        rt.sys.stderr.write(f"Could not open PYTHONSTARTUP\n{type(e).__name__}: {e}\n")
        return
    try:
        exec(rt.k.loader.compile_source(source, path), namespace)
    except Unwind:
        raise
    except BaseException as e:
        shutdown.report(rt, e)


def interact(rt: Runtime, namespace: dict, show_banner: bool) -> int:
    """Read, run and show statements until end of input or SystemExit; the
    exit status (SystemExit propagates to the caller, which reports it)."""
    sys = rt.sys
    for name, prompt in (("ps1", ">>> "), ("ps2", "... ")):
        if not hasattr(sys, name):
            setattr(sys, name, prompt)
    if show_banner:
        sys.stderr.write(banner(rt))
    signal = rt.module("signal")                 # Ctrl-C raises KeyboardInterrupt, as CPython
    if signal.getsignal(signal.SIGINT) == signal.SIG_DFL:     # makes it (unless ignored)
        signal.signal(signal.SIGINT, signal.default_int_handler)
    compiler = codeop.CommandCompiler()
    lines: list[str] = []
    while True:
        try:
            line = read_line(sys, sys.ps2 if lines else sys.ps1)
        except KeyboardInterrupt as e:
            ended = getattr(e, "line_ended", False)         # (the editor shows ^C and ends it)
            sys.stderr.write(("" if ended else "\n") + "KeyboardInterrupt\n")
            lines = []
            continue
        if line is END or line is ENDED:                    # end of input: Ctrl-D
            if lines:               # inside a statement: CPython runs (or rejects) what it has
                if line is END:
                    prompt_stream(sys).write("\n")
                source, lines = "\n".join(lines), []
                run_statement(rt, sys, namespace, source)
                continue
            if line is END:
                prompt_stream(sys).write("\n")
            flush(sys)
            return 0
        lines.append(line)
        source = "\n".join(lines)
        try:
            complete = compiler(source, "<stdin>", "single")
        except (SyntaxError, ValueError, OverflowError) as e:
            lines = []
            shutdown.report(rt, e)
            flush(sys)
            continue
        if complete is None:
            continue
        lines = []
        run_statement(rt, sys, namespace, source)


def run_statement(rt, sys, namespace: dict, source: str) -> None:
    """Compile and run one statement typed at the prompt; its error is
    reported as CPython's loop reports it, and output is flushed after it."""
    try:
        code = compile_statement(rt, source + "\n")
        exec(code, namespace)
    except Unwind:
        raise
    except SystemExit:
        raise
    except BaseException as e:
        shutdown.report(rt, e)
    flush(sys)


def prompt_stream(sys):
    """Where the prompt goes: stdout at a terminal (as readline writes it), else stderr."""
    try:
        if sys.stdin.isatty() and sys.stdout.isatty():
            return sys.stdout
    except (AttributeError, ValueError, OSError):
        pass
    return sys.stderr


END, ENDED = object(), object()          # end of input; the same, its line ended on the screen


def read_line(sys, prompt: object):
    """One line, without its newline, or END (ENDED).  At a terminal vshell's
    line editor reads it (kernel/libpy/lineedit.py, as the shell's prompt does:
    arrows, history, Python's colours); else sys.stdin, as CPython without
    readline.  (Nothing is flushed first: pythonrun.c flushes after each
    statement, so output left by -c's command follows the first prompt.)"""
    if editable(sys):
        try:
            data = lineedit.readline(0, str(prompt), {"mode": "python"})
        except OSError:
            data = None
        if data == b"\x03":
            interrupt = KeyboardInterrupt()
            interrupt.line_ended = True  # type: ignore[attr-defined]  # (an exception takes any attribute)
            raise interrupt
        if data == b"\x04":
            return ENDED
        if data is not None:
            return END if not data else data.decode("utf-8", "surrogateescape").removesuffix("\n")
    out = prompt_stream(sys)
    out.write(str(prompt))
    out.flush()
    line = sys.stdin.readline()
    if not line:
        return END
    return line[:-1] if line.endswith("\n") else line


def editable(sys) -> bool:
    """Are the lines typed on the terminal, unredirected (fd 0 and 1, the original sys.stdin)?"""
    try:
        return sys.stdin is sys.__stdin__ and sys.stdin.fileno() == 0 and \
            vos.isatty(0) and vos.isatty(1)
    except (AttributeError, ValueError, OSError):
        return False


def flush(sys) -> None:
    """pythonrun.c's flush_io: stderr, then stdout; errors ignored."""
    for stream in (sys.stderr, sys.stdout):
        try:
            stream.flush()
        except Unwind:
            raise
        except Exception:
            pass
