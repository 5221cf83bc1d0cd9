"""The text tools (cat, echo, printf, wc, head, tail, grep, sort, uniq, cut, tr, tee,
seq, yes, sleep, basename, dirname, env, printenv): options, formats and errors.

Where a student would compare the output with GNU's, the expected output is GNU's
own, recorded by tests/gnu/record_programs.py into tests/gnu/programs.json.
"""
from __future__ import annotations

import json
import os

import pytest

from conftest import run_cmd

HOME = "/home/student"
GNU = json.load(open(os.path.join(os.path.dirname(__file__), "gnu", "programs.json")))
ENV = {"PATH": "/bin", "HOME": HOME, "USER": "student", "LC_ALL": "C.UTF-8"}


def run_gnu_case(case: dict):
    files = {f"{HOME}/{path}": text for path, text in case["files"].items()}
    return run_cmd(case["argv"], stdin=case["stdin"].encode(), files=files, env=dict(ENV))


@pytest.mark.parametrize("case", GNU["cases"]["text"], ids=lambda c: " ".join(c["argv"]))
def test_output_status_and_messages_match_gnu(case):
    r = run_gnu_case(case)
    assert (r.out, r.err, r.code) == (case["out"], case["err"], case["code"])


def file_data(r, path: str) -> bytes:
    """The contents of a file of the machine r ran on, as the kernel holds them."""
    node = r.kernel.fs.root
    for name in path.strip("/").split("/"):
        node = node.lookup(name)
    return bytes(node.data)


def out_of(argv: list[str], **kw) -> str:
    r = run_cmd(argv, env=dict(ENV), **kw)
    assert (r.err, r.code) == ("", 0)
    return r.out


# ---- what the GNU cases cannot show: files written, streaming, time, signals ---------------

def test_cat_copies_a_large_file_exactly():
    data = "".join(f"{i:07d} " + "x" * (i % 90) + "\n" for i in range(20000))   # ~1.1 MB
    assert out_of(["cat", "big"], files={f"{HOME}/big": data}) == data


def test_cat_u_is_accepted_as_posix_asks():
    assert out_of(["cat", "-u", "f"], files={f"{HOME}/f": "a\nb\n"}) == "a\nb\n"
    assert out_of(["cat", "-un", "f"], files={f"{HOME}/f": "a\n"}) == "     1\ta\n"


def test_diff_writes_posix_format_and_cmp_the_first_difference():
    files = {f"{HOME}/a": "1\n2\n3\n", f"{HOME}/b": "1\nTWO\n3\n4\n"}
    r = run_cmd(["diff", "a", "b"], env=dict(ENV), files=files)
    assert (r.out, r.code) == ("2c2\n< 2\n---\n> TWO\n3a4\n> 4\n", 1)
    assert run_cmd(["diff", "a", "a"], env=dict(ENV), files=files).code == 0
    r = run_cmd(["cmp", "a", "b"], env=dict(ENV), files=files)
    assert (r.out, r.code) == ("a b differ: byte 3, line 2\n", 1)
    assert run_cmd(["cmp", "-s", "a", "a"], env=dict(ENV), files=files).code == 0


def test_printf_u_of_a_surrogate_is_gnus_error_not_a_traceback():
    r = run_cmd(["printf", "ab\\uD800x\\n"], env=dict(ENV))
    assert (r.out, r.err, r.code) == ("ab", "printf: invalid universal character name \\ud800\n", 1)


def test_wc_counts_a_large_file_read_in_chunks():
    data = "word " * 70000 + "\n" + "é" * 70000        # words and characters span chunks
    assert out_of(["wc", "-lwmc", "big"], files={f"{HOME}/big": data}) == \
        "     1  70001 420001 490001 big\n"          # GNU wc's output


def test_tee_writes_the_file_and_tee_a_appends():
    r = run_cmd(["tee", "log"], stdin=b"one\n", files={f"{HOME}/log": "old\n"})
    assert file_data(r, f"{HOME}/log") == b"one\n"
    r = run_cmd(["tee", "-a", "log", "log2"], stdin=b"two\n", files={f"{HOME}/log": "old\n"})
    assert (r.out, file_data(r, f"{HOME}/log")) == ("two\n", b"old\ntwo\n")
    assert file_data(r, f"{HOME}/log2") == b"two\n"


def test_uniq_writes_its_output_file():
    r = run_cmd(["uniq", "-c", "in", "out"], files={f"{HOME}/in": "a\na\nb\n"})
    assert file_data(r, f"{HOME}/out") == b"      2 a\n      1 b\n"


def test_sort_o_may_overwrite_its_input():
    r = run_cmd(["sort", "-o", "f", "f"], files={f"{HOME}/f": "b\nc\na\n"})
    assert file_data(r, f"{HOME}/f") == b"a\nb\nc\n"


def test_sleep_takes_fractions_and_suffixes_on_the_kernel_clock():
    r = run_cmd(["sleep", "0.25", "1m"])
    assert r.code == 0 and 60.25 <= r.kernel.clock.monotonic() < 61


YES_READER = """
import os, signal
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.execv("/bin/yes", ["yes", "hello", "world"])
os.close(w)
data = b""
while data.count(b"\\n") < 3:
    data += os.read(r, 100)
os.close(r)
_, status = os.waitpid(pid, 0)
print(data.split(b"\\n")[:3], os.WTERMSIG(status) == signal.SIGPIPE)
"""


def test_yes_repeats_its_line_until_the_reader_goes_away():
    out = out_of(["python", "-c", YES_READER])
    assert out == "[b'hello world', b'hello world', b'hello world'] True\n"


def test_echo_e_writes_raw_bytes_for_octal_and_hex_escapes():
    r = run_cmd(["echo", "-e", "\\xff\\0376"])
    assert b"".join(r.kernel.tty.console.out) == b"\xff\xfe\n"


def test_printf_reuses_its_format_and_pads():
    assert out_of(["printf", "[%3s]", "a", "bb"]) == "[  a][ bb]"


def test_grep_r_without_files_searches_the_working_directory():
    files = {f"{HOME}/d/x": "needle\n", f"{HOME}/d/y": "hay\n"}
    assert out_of(["grep", "-r", "needle"], files=files, cwd=f"{HOME}/d") == "x:needle\n"


def test_tr_squeezes_runs_across_chunk_boundaries():
    data = b"a" * 70000 + b"\n"
    assert out_of(["tr", "-s", "a"], stdin=data) == "a\n"


def test_env_runs_the_command_with_the_changed_environment():
    assert out_of(["env", "GREETING=hi", "printenv", "GREETING", "USER"]) == "hi\nstudent\n"


def test_printenv_without_names_prints_everything():
    assert out_of(["printenv"]) == "".join(f"{k}={v}\n" for k, v in ENV.items())


def test_help_prints_the_programs_own_description():
    for prog in ("cat", "wc", "grep", "sort", "head"):
        assert prog in out_of([prog, "--help"])


@pytest.mark.parametrize("argv", [
    ["head", "-c", "abc", "f"], ["sort", "-k", "1.x"], ["cut", "-f", "3-1"], ["tr", "z-a", "x"],
    ["seq", "-f", "%q", "3"], ["printf", "%*d", "x"], ["printf", "%z"], ["grep", "["],
    ["grep", "-E", "+"], ["date", "-d", "2026-13-45"], ["chmod", "999", "f"], ["chown", ":"],
    ["mkdir", "-m", "z", "q"], ["python", "/"], ["tee", "/"], ["env", "-u"], ["sleep", "inf"],
], ids=" ".join)
def test_bad_input_gives_a_message_and_a_status_never_a_traceback(argv):
    r = run_cmd(argv, env=dict(ENV))
    assert r.code != 0 and r.err and "Traceback" not in r.err


# ---- expr: GNU expr's output, status and messages (recorded from GNU coreutils 9) ----------

EXPR_CASES = [
    (["1", "+", "2"], "3\n", "", 0),
    (["-7", "/", "2"], "-3\n", "", 0),
    (["-7", "%", "3"], "-1\n", "", 0),
    (["2", "*", "3", "+", "4", "*", "5"], "26\n", "", 0),
    (["99999999999999999999", "+", "1"], "100000000000000000000\n", "", 0),
    (["010", "=", "10"], "1\n", "", 0),
    (["b", "<", "a"], "0\n", "", 1),
    (["0", "|", ""], "0\n", "", 1),
    (["a", "|", "b"], "a\n", "", 0),
    (["a", "&", "0"], "0\n", "", 1),
    (["abc", ":", "a\\(.\\)c"], "b\n", "", 0),
    (["abc", ":", "a\\(x\\)*"], "\n", "", 1),
    (["abc", ":", "a.*"], "3\n", "", 0),
    (["ab", ":", "b*"], "0\n", "", 1),
    (["aaa", ":", "a\\{2\\}"], "2\n", "", 0),
    (["abc", ":", "*b"], "0\n", "", 1),
    (["1", ":", "1", "+", "2"], "3\n", "", 0),
    (["substr", "hello", "2", "3"], "ell\n", "", 0),
    (["1", "/", "0"], "", "expr: division by zero\n", 2),
    (["a", "+", "1"], "", "expr: non-integer argument\n", 2),
    (["1", "+"], "", "expr: syntax error: missing argument after ‘+’\n", 2),
    (["1", "2"], "", "expr: syntax error: unexpected argument ‘2’\n", 2),
    (["3", "\\<", "20"], "", "expr: syntax error: unexpected argument ‘\\\\<’\n", 2),
    (["(", "1", "+", "2"], "", "expr: syntax error: expecting ')' after ‘2’\n", 2),
    (["(", "1", "+", "2", "x"], "", "expr: syntax error: expecting ')' instead of ‘x’\n", 2),
    ([")"], "", "expr: syntax error: unexpected ')'\n", 2),
    (["x", ":", "x\\{2"], "", "expr: Unmatched \\{\n", 2),
    (["a", ":", "\\(a"], "", "expr: Unmatched ( or \\(\n", 2),
    ([], "", "expr: missing operand\nTry 'expr --help' for more information.\n", 2),
]


@pytest.mark.parametrize("args,out,err,code", EXPR_CASES, ids=lambda c: str(c))
def test_expr_matches_gnu(args, out, err, code):
    r = run_cmd(["expr", *args], env=dict(ENV))
    assert (r.out, r.err, r.code) == (out, err, code)


# ---- od: GNU od's output (recorded from GNU coreutils 9) -----------------------------------

OD_FILES = {f"{HOME}/f1": b"hello\tworld\n\x01\xff\xc3\xa9", f"{HOME}/zero": b"\0" * 40,
            f"{HOME}/abc": b"abc"}
OD_CASES = [
    (['f1'], '0000000 062550 066154 004557 067567 066162 005144 177401 124703\n0000020\n'),
    (['-c', 'f1'], '0000000   h   e   l   l   o  \\t   w   o   r   l   d  \\n 001 377 303 251\n'
                   '0000020\n'),
    (['-t', 'a', 'f1'], '0000000   h   e   l   l   o  ht   w   o   r   l   d  nl soh del   C   )\n'
                        '0000020\n'),
    (['-t', 'x1', '-c', 'f1'],
     '0000000  68  65  6c  6c  6f  09  77  6f  72  6c  64  0a  01  ff  c3  a9\n'
     '          h   e   l   l   o  \\t   w   o   r   l   d  \\n 001 377 303 251\n0000020\n'),
    (['-A', 'n', '-t', 'd1', 'f1'],
     '  104  101  108  108  111    9  119  111  114  108  100   10    1   -1  -61  -87\n'),
    (['-A', 'x', '-t', 'u4', 'f1'], '000000 1819043176 1870072175  174353522 2848194305\n000010\n'),
    (['-t', 'o4', '-t', 'x2', 'f1'],
     '0000000 15433062550 15735604557 01231066162 25160777401\n'
     '         6568  6c6c  096f  6f77  6c72  0a64  ff01  a9c3\n0000020\n'),
    (['zero'], '0000000 000000 000000 000000 000000 000000 000000 000000 000000\n*\n'
               '0000040 000000 000000 000000 000000\n0000050\n'),
    (['-j', '3', '-N', '5', '-c', 'f1'], '0000003   l   o  \\t   w   o\n0000010\n'),
    (['-t', 'd2', '-t', 'x1', 'abc'], '0000000  25185     99\n         61 62  63\n0000003\n'),
    (['-b', '-d', 'f1'],
     '0000000 150 145 154 154 157 011 167 157 162 154 144 012 001 377 303 251\n'
     '          25960   27756    2415   28535   27762    2660   65281   43459\n0000020\n'),
]


@pytest.mark.parametrize("args,out", OD_CASES, ids=lambda c: str(c))
def test_od_matches_gnu(args, out):
    r = run_cmd(["od", *args], files=OD_FILES, env=dict(ENV))
    assert (r.out, r.err, r.code) == (out, "", 0)


@pytest.mark.parametrize("args,err", [
    (["-t", "q", "f1"], "od: invalid character 'q' in type string ‘q’\n"),
    (["-A", "z", "f1"], "od: invalid output address radix 'z'; it must be one character from [doxn]\n"),
    (["-j", "100", "f1"], "od: cannot skip past end of combined input\n"),
    (["nofile"], "od: nofile: No such file or directory\n"),
])
def test_od_errors_match_gnu(args, err):
    r = run_cmd(["od", *args], files=OD_FILES, env=dict(ENV))
    assert (r.out, r.err, r.code) == ("", err, 1)


def test_od_reads_standard_input():
    assert out_of(["od", "-c"], stdin=b"from stdin") == \
        "0000000   f   r   o   m       s   t   d   i   n\n0000012\n"


# ---- sed: GNU sed's output, status and messages (recorded from GNU sed 4) ------------------

SED_FILES = {f"{HOME}/five": "one\ntwo\nthree\nfour\nfive\n", f"{HOME}/abc": "abc",
             f"{HOME}/nonl": "abc\nno newline", f"{HOME}/rfile": "xyz\n",
             f"{HOME}/f1": b"hello\tworld\n\x01\xff\xc3\xa9"}
SED_CASES = [
    (['2,4d', 'five'], 'one\nfive\n', '', 0),
    (['/two/,/four/s/o/0/g', 'five'], 'one\ntw0\nthree\nf0ur\nfive\n', '', 0),
    (['-n', '/t/p', 'five'], 'two\nthree\n', '', 0),
    (['s/e/E/2', 'five'], 'one\ntwo\nthreE\nfour\nfive\n', '', 0),
    (['s/o*/X/g', 'five'], 'XnXeX\nXtXwX\nXtXhXrXeXeX\nXfXuXrX\nXfXiXvXeX\n', '', 0),
    (['3q5', 'five'], 'one\ntwo\nthree\n', '', 5),
    (['2i\\\ninserted', 'five'], 'one\ninserted\ntwo\nthree\nfour\nfive\n', '', 0),
    (['2a\\\nappended\\\nmore', 'five'], 'one\ntwo\nappended\nmore\nthree\nfour\nfive\n', '', 0),
    (['2,3c\\\nchanged', 'five'], 'one\nchanged\nfour\nfive\n', '', 0),
    (['$!N;P;D', 'five'], 'one\ntwo\nthree\nfour\nfive\n', '', 0),
    (['-n', '$=', 'five'], '5\n', '', 0),
    (['-n', 'l', 'f1'], 'hello\\tworld$\n\\001\\377\\303\\251$\n', '', 0),
    (['1!G;h;$!d', 'five'], 'five\nfour\nthree\ntwo\none\n', '', 0),
    ([':a;N;$!ba;s/\\n/,/g', 'five'], 'one,two,three,four,five\n', '', 0),
    (['s/\\(t\\)\\(.\\)/\\2\\1/', 'five'], 'one\nwto\nhtree\nfour\nfive\n', '', 0),
    (['s/o/[&]/g', 'five'], '[o]ne\ntw[o]\nthree\nf[o]ur\nfive\n', '', 0),
    (['-n', '/two/{n;p}', 'five'], 'three\n', '', 0),
    (['-n', '$p', 'five', 'abc'], 'abc', '', 0),
    (['$d', 'nonl'], 'abc\n', '', 0),
    (['-E', 's/(o|e)+/<&>/g', 'five'], '<o>n<e>\ntw<o>\nthr<ee>\nf<o>ur\nfiv<e>\n', '', 0),
    (['s/b*/-/g', 'abc'], '-a-c-', '', 0),
    (['-n', 's/o/0/gp', 'five'], '0ne\ntw0\nf0ur\n', '', 0),
    (['t;s/o/0/;t;s/e/E/', 'five'], '0ne\ntw0\nthrEe\nf0ur\nfivE\n', '', 0),
    (['y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/', 'five'], 'ONE\nTWO\nTHREE\nFOUR\nFIVE\n', '', 0),
    (['$a end', 'nonl'], 'abc\nno newline\nend\n', '', 0),
    (['2r rfile', 'five'], 'one\ntwo\nxyz\nthree\nfour\nfive\n', '', 0),
    (['-e', '1d', '-e', 's/^/> /', 'five', 'abc'], '> two\n> three\n> four\n> five\n> abc', '', 0),
    (['s/a/b'], '', "sed: -e expression #1, char 5: unterminated `s' command\n", 1),
    (['k'], '', "sed: -e expression #1, char 1: unknown command: `k'\n", 1),
    (['y/abc/de/'], '', "sed: -e expression #1, char 9: strings for `y' command are different lengths\n", 1),
    (['p;p x'], '', 'sed: -e expression #1, char 5: extra characters after command\n', 1),
    (['b foo'], '', "sed: can't find label for jump to `foo'\n", 4),
    (['p}'], '', "sed: -e expression #1, char 2: unexpected `}'\n", 1),
    (['s/a/\\2/'], '', "sed: -e expression #1, char 7: invalid reference \\2 on `s' command's RHS\n", 1),
    (['p', 'nofile'], '', "sed: can't read nofile: No such file or directory\n", 2),
]


@pytest.mark.parametrize("args,out,err,code", SED_CASES, ids=lambda c: str(c))
def test_sed_matches_gnu(args, out, err, code):
    r = run_cmd(["sed", *args], files=SED_FILES, env=dict(ENV))
    assert (r.out, r.err, r.code) == (out, err, code)


def test_sed_reads_standard_input_and_a_script_file():
    files = {f"{HOME}/script": "s/a/A/g\n/^b/d\n"}
    assert out_of(["sed", "-f", "script"], stdin=b"banana\napple\n", files=files) == "Apple\n"


def test_sed_w_and_i_write_files():
    r = run_cmd(["sed", "-n", "-i.orig", "-e", "2p", "-e", "3w out", "five"], files=SED_FILES,
                env=dict(ENV))
    assert (r.out, r.err, r.code) == ("", "", 0)
    assert file_data(r, f"{HOME}/five") == b"two\n"
    assert file_data(r, f"{HOME}/five.orig") == b"one\ntwo\nthree\nfour\nfive\n"
    assert file_data(r, f"{HOME}/out") == b"three\n"


def test_od_shows_floats_in_the_fewest_digits_as_gnu_od():
    import struct
    data = struct.pack("<dffdd", 0.1, 1e-5, 100000.0, float("inf"), -float("nan"))
    r = run_cmd(["od", "-t", "f4", "-t", "f8", "fl"], files={f"{HOME}/fl": data}, env=dict(ENV))
    assert (r.out, r.err, r.code) == (
        '0000000  -1.5881868e-23       1.4499999           1e-05          100000\n'
        '                                    0.1           5.134144007690802e+37\n'
        '0000020               0             nan               0            -nan\n'
        '                                    inf                            -nan\n0000040\n', "", 0)
