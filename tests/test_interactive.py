"""An interactive session in a real pseudo-terminal: prompt, history, completion,
job control keys, background notices, Ctrl-D."""
from __future__ import annotations

import os
import sys
import time

import pexpect
import pytest

PROMPT = "student@vshell:~$ "
MORE = "\n> "                       # a continuation prompt, after the line typed


def press(child, key: str) -> None:
    """Ctrl-C or Ctrl-D, a moment after the last output, as a person would."""
    time.sleep(0.3)
    if key == "C":
        child.sendintr()
    else:
        child.sendeof()


def start(tmp_path, *options: str):
    env = dict(os.environ, TERM="dumb", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    child = pexpect.spawn(sys.executable, ["-m", "vshell", "--seed", "1", *options], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 120))
    # keys typed in the instant between the prompt appearing and the editor taking
    # the terminal over would be read in the wrong mode, so type like a person
    child.delaybeforesend = 0.3
    child.expect_exact(PROMPT)
    return child


@pytest.fixture
def session(tmp_path):
    child = start(tmp_path)
    yield child
    if child.isalive():
        child.terminate(force=True)


@pytest.fixture
def virtual(tmp_path):
    """A session on virtual time: a background sleep ends as soon as every
    process waits, so which job ends first never depends on the machine's load."""
    child = start(tmp_path, "--virtual-time")
    yield child
    if child.isalive():
        child.terminate(force=True)


def stop_with_ctrl_z(child, command: str) -> str:
    """Run command, press Ctrl-Z until it stops, and give the notice.  A Ctrl-Z
    that comes before the job has the terminal reaches the shell, which ignores
    it (as bash does), so the key is pressed again."""
    child.sendline(command)
    child.expect_exact(command)
    while child.expect([r"\[\d+\][-+ ]  Stopped[^\r]*", pexpect.TIMEOUT], timeout=1) == 1:
        child.sendcontrol("z")
    return child.after


def answer(child, line: str, prompt: str = PROMPT) -> str:
    """Type a line; what it printed before the next prompt."""
    child.sendline(line)
    child.expect_exact(prompt)
    return child.before.replace("\r\n", "\n").replace("\r", "")


def test_a_pipeline_runs_at_the_prompt(session):
    session.sendline("echo hello world | wc -w")
    session.expect_exact("2")
    session.expect_exact(PROMPT)


def test_history_is_recalled_with_the_up_arrow(session, tmp_path):
    session.sendline("echo remembered")
    session.expect_exact("\r\nremembered\r\n")      # the output, not the command's echo
    session.expect_exact(PROMPT)
    session.send("\x1b[A")                # up arrow
    session.send("\r")
    session.expect_exact("\r\nremembered\r\n")
    session.expect_exact(PROMPT)
    assert "echo remembered" in (tmp_path / "state" / "vshell" / "history").read_text()


def test_a_command_typed_over_several_lines_is_one_history_entry(session, tmp_path):
    answer(session, "cat >> log <<EOF", MORE)
    answer(session, "entry", MORE)
    answer(session, "EOF")
    session.send("\x1b[A")                # up arrow: the whole command, body and all
    session.send("\r")
    session.expect_exact(PROMPT)
    assert answer(session, "cat log").endswith("entry\nentry\n")
    history = (tmp_path / "state" / "vshell" / "history").read_text()
    assert "+cat >> log <<EOF\n+entry\n+EOF\n" in history and "\n+entry\n\n" not in history


def test_ps1_takes_bash_escapes_then_expansions(session):
    session.sendline(r"PS1='[\j] \u@\h \W $TAG\$ '; TAG=x; cd /tmp")
    session.expect_exact("[0] student@vshell tmp x$ ")
    session.sendline(r"cd; PS1='\w> '")
    session.expect_exact("~> ")


def test_tab_completes_a_virtual_path(session):
    session.send("cat /etc/hostn")
    session.send("\t")
    session.send("\r")
    session.expect_exact("vshell")
    session.expect_exact(PROMPT)


def test_tab_completes_names_with_spaces_variables_and_only_directories_after_cd(session):
    answer(session, "touch 'a b.txt' dy; mkdir dx")
    session.send("ls a")
    session.send("\t")
    assert answer(session, "").endswith("a b.txt\n")            # completed as a\ b.txt
    session.send("echo $HOM")
    session.send("\t")
    assert answer(session, "").endswith("/home/student\n")
    session.send("cd d")
    session.send("\t")                          # dx/, not dy
    assert answer(session, "; pwd", "student@vshell:~/dx$ ").endswith("/home/student/dx\n")


def test_ctrl_c_stops_a_running_yes(session):
    session.sendline("sh -c 'echo running; yes > /dev/null'")
    session.expect_exact("\nrunning")                # said by the job: it has the terminal
    press(session, "C")
    session.expect_exact(PROMPT)
    session.sendline("echo status $?")
    session.expect_exact("status 130")


def test_ctrl_z_stops_a_sleep_and_fg_continues_it(session):
    session.sendline("sh -c 'echo started; sleep 2'")
    session.expect_exact("\nstarted")                # said by the job: it has the terminal
    session.sendcontrol("z")
    session.expect(r"\[1\]\+\s+Stopped\s+sh -c 'echo started; sleep 2'")
    session.expect_exact(PROMPT)
    session.sendline("jobs")
    session.expect(r"\[1\]\+\s+Stopped")
    session.expect_exact(PROMPT)
    session.sendline("fg")
    session.expect_exact("sleep 2'")
    session.expect_exact(PROMPT)
    # (quoted so that only the output says `jobs end`, not the terminal's echo
    # of the line typed: what came before it is what jobs said, nothing)
    session.sendline('jobs; echo "job""s end"')
    session.expect_exact("jobs end")
    assert "[1]" not in session.before


def test_a_background_job_says_done(session):
    session.sendline("sleep 0.1 &")
    session.expect(r"\[1\] \d+")
    session.expect_exact(PROMPT)
    session.sendline("sleep 0.3")
    session.expect(r"\[1\]\+\s+Done\s+sleep 0.1")     # before the next prompt
    session.expect_exact(PROMPT)


def test_ctrl_d_exits_with_the_last_status(session):
    session.sendline("false")
    session.expect_exact(PROMPT)
    press(session, "D")
    session.expect(pexpect.EOF)
    session.close()
    assert session.exitstatus == 1


def test_ctrl_d_ends_a_cat_but_not_the_shell(session):
    session.sendline("cat")
    session.expect(r"\r\n")
    session.sendline("typed line")
    # the terminal echoes the line as it is typed, then cat writes it back
    session.expect_exact("typed line\r\ntyped line\r\n")
    press(session, "D")
    session.expect_exact(PROMPT)
    session.sendline("echo still here")
    session.expect_exact("\r\nstill here\r\n")      # the output, not the command's echo


def test_step_mode_pauses_before_each_system_call_and_q_leaves_it(session):
    session.sendline("step on")
    session.expect_exact(PROMPT)
    session.sendline("/bin/true")
    session.expect(r">> \[pid \d+\] about to call ")
    session.expect_exact("STATE")
    session.expect_exact("step: Enter for the next event")
    session.sendline("")                      # next event
    session.expect(r">> \[pid \d+\] about to call ")
    session.sendline("q")                     # leave step mode; the command runs on
    session.expect_exact(PROMPT)
    session.sendline("echo after")
    session.expect_exact("\r\nafter\r\n")


def test_a_password_is_typed_unseen_and_echo_comes_back(session):
    session.sendline("su -c 'echo I am $USER' alice")
    session.expect_exact("Password: ")
    session.sendline("alice")
    session.expect_exact("I am alice")
    assert "alice" not in session.before           # the password was not echoed
    session.expect_exact(PROMPT)
    session.sendline("cat")                        # a program reading the terminal
    session.sendline("seen")                       # is echoed again
    session.expect_exact("seen\r\nseen")
    press(session, "D")
    session.expect_exact(PROMPT)


# ---- here-documents ---------------------------------------------------------------------

def test_a_here_document_continues_with_prompts_until_its_delimiter(session):
    assert answer(session, "cat > job.py <<'EOF'", MORE) == "cat > job.py <<'EOF'"
    answer(session, "print('$HOME')", MORE)
    answer(session, "EOF")                            # the body is not run as commands
    out = answer(session, "cat job.py; echo status $?")
    assert out == "cat job.py; echo status $?\nprint('$HOME')\nstatus 0\n"


def test_a_here_document_expands_and_two_on_one_line_are_read_in_turn(session):
    answer(session, "cat <<A; cat <<-B", MORE)
    answer(session, "first $USER", MORE)
    answer(session, "A", MORE)
    answer(session, "second", MORE)
    out = answer(session, "B")
    assert out == "B\nfirst student\nsecond\n"


def test_a_function_with_a_here_document_typed_over_several_lines(session):
    for line in ("greet() {", "  cat <<EOF", "hello $1", "EOF"):
        answer(session, line, MORE)
    answer(session, "}")
    assert answer(session, "greet world") == "greet world\nhello world\n"


def test_ctrl_c_in_a_here_document_abandons_the_command(session):
    answer(session, "cat > gone.txt <<EOF", MORE)
    answer(session, "never written", MORE)
    press(session, "C")
    session.expect_exact(PROMPT)
    out = answer(session, "echo $?; ls gone.txt")
    assert "130\n" in out and "No such file" in out


def test_ctrl_d_in_a_here_document_ends_it_with_bash_warning(session):
    answer(session, "true", PROMPT)
    answer(session, "cat <<EOF", MORE)
    answer(session, "body", MORE)
    press(session, "D")
    session.expect_exact("vshell: warning: here-document at line 2 delimited by "
                         "end-of-file (wanted `EOF')")
    session.expect_exact("body")                      # and the command ran
    session.expect_exact(PROMPT)
    assert answer(session, "echo still here") .endswith("still here\n")


def test_ctrl_d_in_a_loop_s_here_document_ends_only_the_here_document(session):
    answer(session, "for i in 1 2; do cat <<EOF", MORE)
    answer(session, "line $i", MORE)
    press(session, "D")
    session.expect_exact("(wanted `EOF')")
    session.expect_exact("> ")                         # the loop still wants its `done`
    out = answer(session, "done")
    assert out.endswith("line 1\nline 2\n")


def test_ctrl_c_at_the_prompt_sets_status_130(session):
    session.send("echo never")
    press(session, "C")
    session.expect_exact(PROMPT)
    assert answer(session, "echo $?").endswith("130\n")


# ---- Ctrl-C while the shell itself works, as in bash ------------------------------------

@pytest.mark.parametrize("line", ["read x", "while :; do :; done", "sleep 30 & wait",
                                  "x=$(sleep 30)"])
def test_ctrl_c_ends_what_the_shell_itself_is_doing(session, line):
    session.sendline(line)
    session.expect_exact(line + "\r")
    press(session, "C")
    session.expect_exact(PROMPT)
    assert answer(session, "echo $?").endswith("130\n")      # and the line was not read by read


def test_ctrl_c_that_kills_a_job_ends_the_rest_of_the_line(session):
    session.sendline("for i in 1 2 3; do sh -c 'echo tick; sleep 30'; done; echo after")
    session.expect_exact("\ntick\r")                 # said by the job: it has the terminal
    press(session, "C")
    session.expect_exact(PROMPT)
    assert "tick" not in session.before and "after" not in session.before
    assert answer(session, "echo $?").endswith("130\n")


# ---- job control, as bash shows it ------------------------------------------------------

def test_jobs_shows_a_finished_job_once_in_bash_layout(virtual):
    out = answer(virtual, "sleep 0.5 & sleep 1; jobs")
    assert out.endswith("\n[1]+  Done                    sleep 0.5\n") and out.count("Done") == 1
    assert answer(virtual, "echo next") == "echo next\nnext\n"       # not announced again


def test_a_finished_background_job_is_announced_once(virtual):
    answer(virtual, "sleep 0.5 &")
    out = answer(virtual, "sleep 1")
    assert out == "sleep 1\n[1]+  Done                    sleep 0.5\n"
    assert answer(virtual, "jobs") == "jobs\n"


def test_jobs_marks_current_and_previous_and_lists_pids(session):
    answer(session, "sleep 30 &")
    answer(session, "sleep 31 &")
    assert stop_with_ctrl_z(session, "sleep 32") == "[3]+  Stopped                 sleep 32"
    session.expect_exact(PROMPT)
    assert answer(session, "jobs") == ("jobs\n"
                                       "[1]   Running                 sleep 30 &\n"
                                       "[2]-  Running                 sleep 31 &\n"
                                       "[3]+  Stopped                 sleep 32\n")
    lines = answer(session, "jobs -l").splitlines()
    assert [line[:4] for line in lines[1:]] == ["[1] ", "[2]-", "[3]+"]
    assert all(len(line.split()[1]) and line.split()[1].isdigit() for line in lines[1:])
    assert lines[3].endswith(" Stopped                 sleep 32")
    pids = answer(session, "jobs -p").split()[2:]
    assert pids == [line.split()[1] for line in lines[1:]]
    answer(session, "kill %1")
    out = answer(session, "true")                     # noticed before the next prompt
    assert "[1]   Terminated              sleep 30\n" in out


def test_a_job_stopped_again_keeps_its_number(session):
    answer(session, "sleep 30 &")
    ticking = "sh -c 'while :; do echo tick; sleep 0.2; done'"
    session.sendline(ticking)
    session.expect_exact("\ntick\r")          # printed by the job: it has the terminal
    session.sendcontrol("z")
    session.expect_exact(f"[2]+  Stopped                 {ticking}")
    session.expect_exact(PROMPT)
    session.sendline("fg %2")
    session.expect_exact("\ntick\r")
    session.sendcontrol("z")
    session.expect_exact(f"[2]+  Stopped                 {ticking}")
    session.expect_exact(PROMPT)
    answer(session, "bg")
    assert answer(session, "jobs").endswith("[1]-  Running                 sleep 30 &\n"
                                            f"[2]+  Running                 {ticking} &\n")
    answer(session, "kill %2")


def test_a_background_reader_is_stopped_and_said_so(session):
    session.sendline("cat &")
    session.sendline("")                 # the notice comes before this prompt or the one before
    session.expect(r"\[1\]\+  Stopped                 cat")
    session.expect_exact(PROMPT)
    assert answer(session, "jobs -l").endswith(" Stopped (tty input)     cat\n")


def test_exit_with_stopped_jobs_warns_first(session):
    stop_with_ctrl_z(session, "sleep 30")
    session.expect_exact(PROMPT)
    assert answer(session, "exit") == "exit\nThere are stopped jobs.\n"
    answer(session, "echo another command")          # which makes exit warn again
    assert answer(session, "exit") == "exit\nThere are stopped jobs.\n"
    session.sendline("exit")                          # right after the warning: leave
    session.expect(pexpect.EOF)
    session.close()
    assert session.exitstatus == 1                    # the status of the refused exit


def test_ctrl_d_with_stopped_jobs_warns_first(session):
    stop_with_ctrl_z(session, "sleep 30")
    session.expect_exact(PROMPT)
    press(session, "D")
    session.expect_exact("There are stopped jobs.")
    session.expect_exact(PROMPT)
    press(session, "D")
    session.expect(pexpect.EOF)
    session.close()
    assert session.exitstatus == 148                  # 128 + SIGTSTP, the last status


def test_exit_right_after_jobs_leaves_at_once(session):
    stop_with_ctrl_z(session, "sleep 30")
    session.expect_exact(PROMPT)
    answer(session, "jobs")
    session.sendline("exit")
    session.expect(pexpect.EOF)


def test_ctrl_z_and_ctrl_backslash_at_the_prompt_do_nothing(session):
    session.send("\x1a")
    session.send("\x1c")
    assert answer(session, "echo z") == "echo z\nz\n"          # no control character typed


def test_ctrl_c_leaves_its_mark_on_the_abandoned_line():
    # (a unit test: with TERM=dumb, as above, prompt_toolkit does not redraw the line)
    from prompt_toolkit.buffer import Buffer
    from prompt_toolkit.keys import Keys

    from vshell.frontend import terminal_keys
    buffer = Buffer()
    buffer.insert_text("echo never")
    buffer.cursor_position = 4
    exits = []

    class App:
        current_buffer = buffer

        def exit(self, exception=None, style=""):
            exits.append(type(exception))

    binding = terminal_keys().get_bindings_for_keys((Keys.ControlC,))[0]
    binding.handler(type("Event", (), {"app": App()})())
    assert buffer.text == "echo never^C" and exits == [KeyboardInterrupt]


def test_ctrl_c_ends_explore_at_the_prompt_after_the_run_under_way(session):
    # each run is a fresh machine inside this one; a runaway run stops at its tick
    # limit, and the Ctrl-C typed meanwhile ends the explore there, not 50 runs later
    session.sendline("explore -n 50 python3 -c 'while True: pass'; echo after")
    session.expect_exact("explore -n 50")
    press(session, "C")
    session.expect_exact(PROMPT, timeout=60)
    assert session.before.endswith("^C\r\n")          # no report, no `echo after`
    session.sendline("echo $?")
    session.expect_exact("130\r\n" + PROMPT)
