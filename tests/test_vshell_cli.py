"""The vshell command: scripted runs, and an interactive session in a real pty."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pexpect
import pytest

import vshell.__main__ as cli

VSHELL = [sys.executable, "-m", "vshell"]


def vshell(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(VSHELL + list(args), input=stdin, capture_output=True, text=True,
                          timeout=60)


def test_dash_c_runs_commands_and_exits_with_the_last_status():
    r = vshell("--seed", "1", "-c", "echo hello\npwd\nfalse")
    assert (r.stdout, r.stderr, r.returncode) == ("hello\n/home/student\n", "", 1)


def test_commands_from_a_pipe_print_no_prompt_and_report_not_found():
    r = vshell("--seed", "1", stdin="cd /tmp\npwd\nnosuch\n")
    assert r.stdout == "/tmp\n"
    assert r.stderr == "vshell: 3: nosuch: not found\n"
    assert r.returncode == 127


def test_redirection_writes_a_virtual_file_and_never_the_host(tmp_path):
    r = vshell("-c", f"echo hi > {tmp_path}/x\ncd /tmp\necho inside > x", stdin="")
    assert not (tmp_path / "x").exists()
    assert r.returncode == 2 or r.returncode == 0


def test_sh_options_and_s_arguments_reach_the_shell_as_with_dash():
    r = vshell("-C", "+e", "-o", "nounset", "-s", "a", "b", stdin="echo $# $1 $2 $-\n")
    assert (r.stdout, r.returncode) == ("2 a b uC\n", 0)


def test_a_bad_mount_is_one_clear_line():
    r = vshell("--mount", "/no/such/dir:/mnt", "-c", "true")
    assert (r.stderr, r.returncode) == ("vshell: cannot mount /no/such/dir: no such file or directory\n", 2)


def test_a_bad_option_is_one_line_and_status_2():
    r = vshell("--policy", "fastest", "-c", "true")
    assert r.stderr == ("vshell: --policy: 'fastest' is not one of rr, fifo, sjf, scan, batch, priority, mlfq, "
                        "lottery (vshell --help lists the options)\n")
    assert (r.stdout, r.returncode) == ("", 2)


@pytest.mark.parametrize("option", ["--trace-file", "--record"])
def test_an_output_file_that_cannot_be_written_is_one_line_before_anything_runs(option, tmp_path):
    path = tmp_path / "no" / "such" / "dir" / "out.txt"
    r = vshell(option, str(path), "-c", "echo ran")
    assert r.stderr == f"vshell: {option}: cannot write {path}: No such file or directory\n"
    assert (r.stdout, r.returncode) == ("", 2)


def test_trace_file_has_every_event_as_a_json_line(tmp_path):
    path = tmp_path / "events.jsonl"
    r = vshell("--seed", "1", "--trace-file", str(path), "-c", "/bin/true")
    import json
    kinds = [json.loads(line)["kind"] for line in path.read_text().splitlines()]
    assert r.returncode == 0 and "Fork" in kinds and "Exec" in kinds
    assert (kinds[0], kinds[-2], kinds[-1]) == ("header", "Reap", "summary")


def test_help_lists_every_option_and_exits_0():
    r = vshell("--help")
    assert r.returncode == 0 and r.stdout.startswith("usage: vshell")
    for option in ("-c CMDS", "--seed N", "--mount", "--trace[=KINDS]", "--record FILE", "--no-rc"):
        assert option in r.stdout


@pytest.mark.parametrize("argv, expected", [
    (["-c", "echo $0 $1", "name", "-x"], dict(command="echo $0 $1", script="name", args=["-x"])),
    (["-xc", "true"], dict(command="true", options=["-x"], script=None)),
    (["-ex", "script.sh", "--seed", "1"], dict(options=["-e", "-x"], script="script.sh",
                                               args=["--seed", "1"], seed=None)),
    (["--trace", "-c", "true"], dict(trace="all", command="true")),
    (["--trace=sched,proc", "--seed=3", "--mount", "/a:/b", "--mount=/c:/d:rw"],
     dict(trace="sched,proc", seed=3, mount=["/a:/b", "/c:/d:rw"], script=None)),
    (["--", "-script"], dict(script="-script", args=[])),
    (["-C", "+e", "-o", "nounset", "+o", "noglob", "-ab", "x.sh"],
     dict(options=["-C", "+e", "-o", "nounset", "+o", "noglob", "-a", "-b"], script="x.sh")),
    (["-es", "1", "2"], dict(options=["-e"], stdin=True, script=None, args=["1", "2"])),
    (["-s", "--", "-x"], dict(stdin=True, script=None, args=["-x"])),
])
def test_options_end_at_the_script_whose_arguments_are_its_own(argv, expected):
    a = cli.parse(argv)
    assert {key: getattr(a, key) for key in expected} == expected


@pytest.mark.parametrize("argv, message", [
    (["--bogus"], "unknown option --bogus"),
    (["-q"], "unknown option -q"),
    (["-c"], "-c needs a value (CMDS)"),
    (["+q"], "unknown option +q"),
    (["-Co"], "-o needs a value (an option name)"),
    (["--quantum", "0"], "--quantum: must be at least 1"),
    (["--seed", "x"], "--seed: not a number: 'x'"),
    (["--private=yes"], "--private takes no value"),
])
def test_bad_command_lines_say_what_is_wrong(argv, message):
    with pytest.raises(cli.UsageError, match=f"^{re.escape(message)}$"):
        cli.parse(argv)


@pytest.mark.parametrize("vpath, message", [
    ("/", "cannot mount on /: the machine needs it"),
    ("/bin/", "cannot mount on /bin: the machine needs it"),
    ("/home/student/p1.py", "cannot mount on /home/student/p1.py: Not a directory"),
])
def test_a_mount_that_would_break_the_machine_is_refused(tmp_path, vpath, message):
    r = vshell("--mount", f"{tmp_path}:{vpath}", "-c", "echo ran")
    assert (r.stdout, r.stderr, r.returncode) == ("", f"vshell: {message}\n", 2)


def test_a_mount_path_is_normalised(tmp_path):
    (tmp_path / "notes.txt").write_text("hi\n")
    r = vshell("--mount", f"{tmp_path}:/mnt/../course", "-c", "cat /course/notes.txt")
    assert (r.stdout, r.returncode) == ("hi\n", 0)


def test_ctrl_c_reaches_a_cpu_bound_program_at_the_prompt(tmp_path):
    loop = tmp_path / "spin.py"
    loop.write_text("#!/usr/bin/env python3\nprint('spinning', flush=True)\nwhile True:\n    pass\n")
    loop.chmod(0o755)
    env = {**os.environ, "TERM": "dumb", "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    child = pexpect.spawn(VSHELL[0], VSHELL[1:] + ["--mount", f"{tmp_path}:/mnt"],
                          env=env, encoding="utf-8", timeout=20)
    child.delaybeforesend = 0.3          # type as a person would (see test_interactive.py)
    child.expect_exact("student@vshell:~$ ")
    child.sendline("/mnt/spin.py")
    child.expect_exact("spinning")
    time.sleep(0.3)
    child.sendintr()
    child.expect_exact("student@vshell:~$ ")
    child.sendline("echo still here")
    child.expect_exact("still here")
    child.expect_exact("student@vshell:~$ ")
    time.sleep(0.3)
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0         # the status of the last command, echo


# ---- what ps shows, and here-documents cut off by the end of input -------------------------

def test_ps_shows_a_script_as_sh_and_its_name_as_dash_would(tmp_path):
    script = tmp_path / "job.sh"
    script.write_text("echo $0 $#\nps -o pid,args\ntr '\\0' ' ' < /proc/$$/cmdline; echo\n")
    r = vshell("--seed", "1", str(script), "a b", "c")
    assert r.stdout.splitlines() == [f"{script} 2", "  PID COMMAND", f"    2 sh {script} a b c",
                                     "    3 ps -o pid,args", f"sh {script} a b c "]
    assert r.returncode == 0


def test_ps_shows_a_script_from_standard_input_as_sh():
    r = vshell("--seed", "1", stdin="echo $0\nps -o pid,args\n")
    assert r.stdout == "vshell\n  PID COMMAND\n    2 sh\n    3 ps -o pid,args\n"


def test_a_script_that_ends_inside_a_here_document_takes_the_end_as_its_delimiter(tmp_path):
    script = tmp_path / "cut.sh"
    script.write_text("cat <<EOF\nlast line\n")
    for r in (vshell(str(script)), vshell(stdin="cat <<EOF\nlast line\n")):
        assert (r.stdout, r.stderr, r.returncode) == ("last line\n", "", 0)     # as dash: no warning


def test_an_interactive_shell_on_a_pipe_continues_here_documents_and_prompts_each_line():
    r = vshell("--seed", "1", "-i", "--no-rc", stdin="cat <<EOF\nhi\nEOF\necho x\ncat <<EOF\ncut\n")
    assert r.stdout == "hi\nx\ncut\n"
    prompt = "student@vshell:~$ "
    assert r.stderr.endswith(f"{prompt}> > {prompt}{prompt}> > vshell: warning: here-document at "
                             f"line 5 delimited by end-of-file (wanted `EOF')\n{prompt}\n")


def test_an_interactive_shell_ignores_term_and_what_it_starts_does_not():
    script = ("kill -s TERM $$\necho survived\n"
              "sleep 100 &\nkill %1; wait %1; echo $?\n"
              "trap 'echo trapped' TERM; kill $$\n"
              "trap - TERM; kill $$; echo still\n")
    r = vshell("--seed", "1", "--virtual-time", "-i", stdin=script)
    assert (r.stdout, r.returncode) == ("survived\n143\ntrapped\nstill\n", 0)
