"""No input gives the shell an internal error: deep nesting runs as in dash (or
ends in one line and status 2 far beyond dash's depths), and the inputs that
once crashed it get dash's behaviour."""
from __future__ import annotations

from kernel import trace as ev
from test_shell_behaviour import sh


def nest(n: int, open_: str, close: str, middle: str = "echo hi") -> str:
    return open_ * n + middle + close * n


def test_300_nested_subshells_fork_once_as_in_dash():
    events: list = []
    out, err, status, k = sh(nest(300, "(", ")", "/bin/echo hi") + "; :", trace=events)
    assert (out, err, status) == ("hi\n", "", 0)
    forks = [e for e in events if isinstance(e, ev.Fork)]
    shell = forks[0].child          # (init starts the shell)
    assert [f.parent for f in forks[1:]] == [shell]   # the subshells' last commands run in place
    assert k.panics == []


def test_sh_c_execs_its_last_command_in_its_own_process():
    out, err, status, k = sh("echo $$; exec_me=1; ps -o pid= -p $$")
    shell_pid, ps_pid = out.split()
    assert shell_pid == ps_pid


def test_a_trap_keeps_the_last_command_from_replacing_the_shell():
    out, err, status, k = sh("trap 'echo bye' EXIT; /bin/echo hi")
    assert out == "hi\nbye\n"


def test_3000_nested_braces_ifs_loops_and_cases_run():
    for script in (nest(3000, "{ ", "; }"),
                   nest(3000, "if true; then ", "; fi"),
                   nest(3000, "while true; do ", "; break; done"),
                   nest(3000, "case x in x) ", ";; esac"),
                   nest(3000, "for i in 1; do ", "; done")):
        out, err, status, k = sh(script)
        assert (out, err, status) == ("hi\n", "", 0), script[:40]


def test_deep_expansions_arithmetic_and_test_run():
    assert sh("echo " + nest(3000, "${x:-", "}", "deep"))[0] == "deep\n"
    assert sh("echo $((" + nest(3000, "(", ")", "6*7") + "))")[0] == "42\n"
    assert sh("[ " + nest(3000, "\\( ", " \\)", "x") + " ]; echo $?")[0] == "0\n"
    assert sh("echo \"" + nest(500, "${x:-\"", "\"}", "q") + "\"")[0] == "q\n"


def test_nested_command_substitutions_run_up_to_the_process_limit():
    out, err, status, k = sh("echo " + nest(30, "$(echo ", ")", "deep"))
    assert (out, err) == ("deep\n", "")
    out, err, status, k = sh("echo " + nest(100, "$(echo ", ")", "deep") + "; echo after")
    assert out.endswith("after\n") and "Cannot fork" in err      # one line, no traceback
    assert k.panics == []


def test_nesting_past_the_parsers_limit_is_one_syntax_error(monkeypatch):
    from vshell import parser
    monkeypatch.setattr(parser, "MAX_NESTING", 100)
    out, err, status, k = sh("echo before\n" + nest(200, "{ ", "; }") + "\necho not reached")
    assert (out, err, status) == ("before\n", "vshell: 2: Syntax error: too deeply nested\n", 2)


def test_a_function_that_calls_itself_stops_at_dashs_depth():
    out, err, status, k = sh("f() { f; }; f; echo not reached")
    assert (out, err, status) == ("", "vshell: 1: Maximum function recursion depth (1000) reached\n", 2)
    out, err, status, k = sh("f() { [ $1 -lt 900 ] && f $(($1 + 1)) || echo $1; }; f 0")
    assert (out, status) == ("900\n", 0)


def test_an_eval_that_evals_itself_stops_with_one_line():
    out, err, status, k = sh("e='eval \"$e\"'; eval \"$e\"")
    assert (out, status) == ("", 2)
    assert err == "vshell: 1: eval: maximum eval nesting level exceeded (10000)\n"


def test_a_script_that_sources_itself_stops_with_one_line():
    out, err, status, k = sh("echo '. ./me' > me; . ./me")
    assert status == 2 and err.endswith("maximum source nesting level exceeded (10000)\n")


def test_command_exec_replaces_the_shell_and_keeps_its_redirections():
    assert sh("command exec /bin/echo hi; echo not reached")[:3] == ("hi\n", "", 0)
    out, err, status, k = sh("command exec >/dev/null; echo gone; echo seen >&2")
    assert (out, err, status) == ("", "seen\n", 0)


def test_kill_l_of_a_number_that_is_no_signal_is_dashs_error():
    out, err, status, k = sh("kill -l 99; echo $?; kill -l 999; kill -l 137")
    assert out == "2\nKILL\n"
    assert err == ("vshell: 1: kill: invalid signal number or exit status: 99\n"
                   "vshell: 1: kill: invalid signal number or exit status: 999\n")


def test_an_option_that_is_not_utf8_is_one_line():
    from conftest import new_machine, run_on
    r = run_on(new_machine(), ["/bin/sh", "-\udce6"], env={"PATH": "/bin"}, cwd="/tmp")
    assert r.kernel.panics == []
    assert (r.code, r.err) == (2, "/bin/sh: 0: Illegal option -\ufffd\n")     # (not a signal's 0)


def test_a_syntax_error_in_a_heredocs_substitution_is_dashs_syntax_error():
    out, err, status, k = sh("cat <<EOF\n$(\")\nEOF\necho after\n")
    assert (out, err, status) == ("", "vshell: 5: Syntax error: Unterminated quoted string\n", 2)
    out, err, status, k = sh("cat <<EOF\n${x:-\"}\nEOF\necho after\n")
    assert (out, err, status) == ("", "vshell: 4: Syntax error: Missing '}'\n", 2)


def test_a_word_of_brackets_is_read_in_one_pass():
    from vshell import pattern
    calls = []
    real = pattern._bracket
    pattern._bracket = lambda *a: calls.append(1) or real(*a)
    try:
        pattern.compile.cache_clear()
        assert pattern.match("[" * 20000, "[" * 20000)
        assert pattern.match("[" * 20000 + "]", "[")
    finally:
        pattern._bracket = real
    assert len(calls) == 1          # only the one `[` that a `]` closes is read as a set
    out, err, status, k = sh("echo " + "[" * 20000 + " | wc -c")
    assert out.strip() == "20001"


def test_a_few_hundred_fuzzed_inputs_give_no_internal_error_and_no_hang():
    """The soak campaign's inputs (tests/shell/fuzz.py), a few of them: a
    million run under `pytest -m soak`."""
    import os
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "shell"))
    from fuzz import Generator, Runner
    runner = Runner()
    for kind, script, on_stdin in Generator(2024).inputs(300):
        problem = runner.run(script, on_stdin)
        assert problem is None, f"{kind}: {script[:300]!r}\n{problem}"


def test_a_command_not_found_with_stderr_closed_is_no_internal_error():
    out, err, status, k = sh("exec 2>&-; nosuchcmd; /bin/nosuch; (nosuch2); echo $?")
    assert (out, k.panics) == ("127\n", [])


def test_nul_bytes_in_a_script_or_a_substitution_are_dropped_as_dash_does():
    """A NUL reached stat() as part of a command name: an internal error."""
    from kernel import MemoryConsole
    from vshell.system import Options, make_machine
    script = b"ec\0ho hi\necho a\0b | wc -c\ny=$(printf 'a\\0b'); echo \"$y\" | wc -c\n"
    k = make_machine(Options(seed=1, virtual_time=True), MemoryConsole(script))
    status = k.run_program(["/bin/sh"], uid=1000, env={"PATH": "/bin"}, cwd="/tmp")
    assert (k.tty.console.stdout, k.tty.console.stderr, status) == ("hi\n3\n3\n", "", 0)


def test_a_fault_in_the_line_editor_costs_one_line_not_the_session():
    # Before, any error inside prompt_toolkit ended the session silently, as
    # if Ctrl-D had been typed.
    import io

    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.plain_text import PlainTextOutput

    from vshell.frontend import LineEditor
    screen = io.StringIO()
    with create_pipe_input() as keys:
        editor = LineEditor(None, True, lambda: None,
                            io={"input": keys, "output": PlainTextOutput(screen)})

        def broken(*args, **kwargs):
            raise RuntimeError("terminal went away")
        editor.session.prompt = broken               # type: ignore[method-assign]
        editor._run("$ ")
        assert editor.take() == [b"\n"]              # the shell prompts again
        assert screen.getvalue() == "vshell: line editor: RuntimeError: terminal went away\r\n"
        editor._run("$ ")
        editor._run("$ ")
        assert editor.take() == [b"\n", None]        # three in a row: end of input
        assert screen.getvalue().endswith("(giving up: end of input)\r\n")
