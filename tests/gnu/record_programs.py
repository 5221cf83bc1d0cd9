#!/usr/bin/env python3
"""Record what the real GNU tools print for the cases the program tests replay.

Run on a Linux host with GNU coreutils and GNU grep:

    python3 tests/gnu/record_programs.py          # writes tests/gnu/programs.json

Each case runs in a fresh temporary directory holding its files, with its
stdin on a pipe, under LC_ALL=C.UTF-8 and, when run as root, as the user
nobody (so that "Permission denied" cases behave as for an ordinary user).
The tests run the same argv in vshell with the same files in the home
directory, and compare stdout, stderr and the exit status.  The cases of the
group "full" run with standard output on /dev/full: how each tool reports a
full disk.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

POEM = ("The quick brown fox\njumps over\nthe lazy dog.\n\nThe end\n")
NUMS = "10\n9\n100\n-3\n2.5\n9\n"
WORDS = "pear\napple\napple\nbanana\nPear\napple\ncherry\ncherry\n"
CSV = "name:age:city\nann:31:oslo\nbob:25:rome\ncid:31:lima\n"
UTF8 = "héllo wörld\nnaïve\n"
LINES = "".join(f"line {i}\n" for i in range(1, 16))

# group, argv, stdin, files
CASES: list[tuple[str, list[str], str, dict[str, str]]] = [
    # cat
    ("text", ["cat", "poem"], "", {"poem": POEM}),
    ("text", ["cat", "-n", "poem"], "", {"poem": POEM}),
    ("text", ["cat", "poem", "-", "nums"], "from stdin\n", {"poem": POEM, "nums": NUMS}),
    ("text", ["cat"], "just stdin\nno newline", {}),
    ("text", ["cat", "-n", "-", "nums"], "a\nb", {"nums": NUMS}),
    ("text", ["cat", "nofile", "poem"], "", {"poem": POEM}),
    ("text", ["cat", "-z"], "", {}),
    ("text", ["cat", "--bogus"], "", {}),
    ("text", ["cat", "/etc/shadow"], "", {}),
    ("text", ["cat", "d"], "", {"d/x": "x\n"}),
    # echo
    ("text", ["echo", "hello", "world"], "", {}),
    ("text", ["echo"], "", {}),
    ("text", ["echo", "-n", "no", "newline"], "", {}),
    ("text", ["echo", "-e", "tab\\there\\nnew\\\\line\\x41\\0101"], "", {}),
    ("text", ["echo", "-e", "stop\\cignored"], "", {}),
    ("text", ["echo", "-E", "raw\\tstays"], "", {}),
    ("text", ["echo", "raw\\tstays"], "", {}),
    ("text", ["echo", "-ne", "a\\tb"], "", {}),
    ("text", ["echo", "-x", "-n"], "", {}),
    ("text", ["echo", "--", "-n"], "", {}),
    # printf
    ("text", ["printf", "%s-%d\\n", "a", "1", "b", "2"], "", {}),
    ("text", ["printf", "%5s|%-5s|%05d|%x|%o|%c|%%\\n", "ab", "cd", "42", "255", "8", "xyz"], "", {}),
    ("text", ["printf", "%.2f %e %g\\n", "3.14159", "1500", "0.0001"], "", {}),
    ("text", ["printf", "%b\\n", "a\\tb\\n"], "", {}),
    ("text", ["printf", "no newline"], "", {}),
    ("text", ["printf", "%d\\n", "abc"], "", {}),
    ("text", ["printf", "%s %s\\n", "one"], "", {}),
    ("text", ["printf", "%q\\n", "x"], "", {}),
    ("text", ["printf"], "", {}),
    ("text", ["printf", "%d %i\\n", "0x1f", "'A"], "", {}),
    ("text", ["printf", "%d|%d|%f", "12abc", " 12 ", "1e"], "", {}),
    ("text", ["printf", "%d %u", "99999999999999999999", "-1"], "", {}),
    ("text", ["printf", "%#o %#x %#x %F %e", "8", "0", "255", "1.5", "0x1p3"], "", {}),
    ("text", ["printf", "%c|%c|", ""], "", {}),
    ("text", ["printf", "%b|%b", "a\\0101\\101\\x41\\u00e9b", "x\\cy"], "", {}),
    ("text", ["printf", "a\\x41\\e\\u00e9\\cz"], "", {}),
    ("text", ["printf", "a%5%b"], "", {}),
    # wc
    ("text", ["wc", "poem"], "", {"poem": POEM}),
    ("text", ["wc", "-l", "poem"], "", {"poem": POEM}),
    ("text", ["wc", "-w", "poem"], "", {"poem": POEM}),
    ("text", ["wc", "-c", "poem"], "", {"poem": POEM}),
    ("text", ["wc", "-m", "utf8"], "", {"utf8": UTF8}),
    ("text", ["wc", "-c", "-m", "utf8"], "", {"utf8": UTF8}),
    ("text", ["wc", "-lw", "poem", "nums"], "", {"poem": POEM, "nums": NUMS}),
    ("text", ["wc", "poem", "nums", "lines"], "", {"poem": POEM, "nums": NUMS, "lines": LINES}),
    ("text", ["wc"], "one two\nthree\n", {}),
    ("text", ["wc", "-l"], "one two\nthree\n", {}),
    ("text", ["wc", "-", "poem"], "one two\nthree\n", {"poem": POEM}),
    ("text", ["wc", "nofile"], "", {}),
    ("text", ["wc", "poem", "nofile"], "", {"poem": POEM}),
    ("text", ["wc", "-z"], "", {}),
    ("text", ["wc", "--foo"], "", {}),
    ("text", ["wc", "/etc/shadow"], "", {}),
    ("text", ["wc", "d"], "", {"d/x": "x\n"}),
    ("text", ["wc", "empty"], "", {"empty": ""}),
    ("text", ["wc"], "no newline at end", {}),
    # head / tail
    ("text", ["head", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-n", "3", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-n3", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-3", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-n", "-12", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-c", "10", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-c", "-80", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-n", "2", "lines", "poem"], "", {"lines": LINES, "poem": POEM}),
    ("text", ["head", "-n", "2"], "a\nb\nc\n", {}),
    ("text", ["head", "-n", "x", "lines"], "", {"lines": LINES}),
    ("text", ["head", "-n"], "", {}),
    ("text", ["head", "nofile"], "", {}),
    ("text", ["head", "-y"], "", {}),
    ("text", ["tail", "lines"], "", {"lines": LINES}),
    ("text", ["tail", "-n", "3", "lines"], "", {"lines": LINES}),
    ("text", ["tail", "-3", "lines"], "", {"lines": LINES}),
    ("text", ["tail", "-n", "+13", "lines"], "", {"lines": LINES}),
    ("text", ["tail", "-c", "8", "lines"], "", {"lines": LINES}),
    ("text", ["tail", "-c", "+70", "lines"], "", {"lines": LINES}),
    ("text", ["tail", "-n", "2", "lines", "poem"], "", {"lines": LINES, "poem": POEM}),
    ("text", ["tail", "-n", "2"], "a\nb\nc", {}),
    ("text", ["tail", "-n", "1", "poem"], "", {"poem": POEM}),
    ("text", ["tail", "-n", "x", "lines"], "", {"lines": LINES}),
    ("text", ["tail", "nofile"], "", {}),
    ("text", ["tail", "-y"], "", {}),
    # grep
    ("text", ["grep", "the", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-i", "the", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-v", "the", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-c", "o", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-n", "o", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-o", "[a-z]*o[a-z]*", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-q", "fox", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-q", "wolf", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-E", "fox|dog", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "fox\\|dog", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-F", "a.b", "dots"], "", {"dots": "a.b\naxb\n"}),
    ("text", ["grep", "a.b", "dots"], "", {"dots": "a.b\naxb\n"}),
    ("text", ["grep", "-E", "^(10|9)$", "nums"], "", {"nums": NUMS}),
    ("text", ["grep", "o", "poem", "nums"], "", {"poem": POEM, "nums": NUMS}),
    ("text", ["grep", "-c", "9", "poem", "nums"], "", {"poem": POEM, "nums": NUMS}),
    ("text", ["grep", "-in", "THE", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-vc", "the", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-r", "hit", "d"], "", {"d/a": "miss\n", "d/sub/b": "no\nhit 2\n"}),
    ("text", ["grep", "-rn", "hit", "d"], "", {"d/a": "miss\n", "d/sub/b": "no\nhit 2\n"}),
    ("text", ["grep", "hit", "d"], "", {"d/a": "hit 1\n"}),
    ("text", ["grep", "fox"], "a fox\nno\n", {}),
    ("text", ["grep", "wolf", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "fox", "nofile"], "", {}),
    ("text", ["grep", "fox", "nofile", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-s", "fox", "nofile"], "", {}),
    ("text", ["grep", "-y", "fox", "poem"], "", {"poem": POEM}),
    ("text", ["grep"], "", {}),
    ("text", ["grep", "-E", "(", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-e", "fox", "-e", "end", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-w", "the", "poem"], "", {"poem": POEM}),
    ("text", ["grep", "-l", "o", "poem", "nums"], "", {"poem": POEM, "nums": NUMS}),
    ("text", ["grep", "-h", "o", "poem", "nums"], "", {"poem": POEM, "nums": NUMS}),
    ("text", ["grep", "fox", "/etc/shadow"], "", {}),
    # sort
    ("text", ["sort", "words"], "", {"words": WORDS}),
    ("text", ["sort", "-r", "words"], "", {"words": WORDS}),
    ("text", ["sort", "-u", "words"], "", {"words": WORDS}),
    ("text", ["sort", "-n", "nums"], "", {"nums": NUMS}),
    ("text", ["sort", "-nr", "nums"], "", {"nums": NUMS}),
    ("text", ["sort", "-t", ":", "-k", "2", "csv"], "", {"csv": CSV}),
    ("text", ["sort", "-t:", "-k2n", "csv"], "", {"csv": CSV}),
    ("text", ["sort", "-t", ":", "-k", "2,2n", "-k", "1r", "csv"], "", {"csv": CSV}),
    ("text", ["sort", "-k", "2", "spaced"], "", {"spaced": "a  3 x\nb 1 y\nc 2 z\n"}),
    ("text", ["sort", "-un", "nums"], "", {"nums": NUMS}),
    ("text", ["sort", "words", "nums"], "", {"words": WORDS, "nums": NUMS}),
    ("text", ["sort"], "b\na\nc", {}),
    ("text", ["sort", "-f", "words"], "", {"words": WORDS}),
    ("text", ["sort", "nofile"], "", {}),
    ("text", ["sort", "-Z"], "", {}),
    ("text", ["sort", "-k", "0", "words"], "", {"words": WORDS}),
    # uniq
    ("text", ["uniq", "sorted"], "", {"sorted": "a\na\nb\nc\nc\nc\nd\n"}),
    ("text", ["uniq", "-c", "sorted"], "", {"sorted": "a\na\nb\nc\nc\nc\nd\n"}),
    ("text", ["uniq", "-d", "sorted"], "", {"sorted": "a\na\nb\nc\nc\nc\nd\n"}),
    ("text", ["uniq", "-u", "sorted"], "", {"sorted": "a\na\nb\nc\nc\nc\nd\n"}),
    ("text", ["uniq", "-i", "mixed"], "", {"mixed": "a\nA\nb\n"}),
    ("text", ["uniq"], "x\nx\ny\nx", {}),
    ("text", ["uniq", "sorted", "out"], "", {"sorted": "a\na\nb\n"}),
    ("text", ["uniq", "nofile"], "", {}),
    ("text", ["uniq", "-y"], "", {}),
    # cut
    ("text", ["cut", "-d", ":", "-f", "1", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-d:", "-f1,3", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-d:", "-f2-", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-c", "1-3", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-c", "-2,5", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-f", "2"], "a\tb\tc\nno tabs\n", {}),
    ("text", ["cut", "-s", "-f", "2"], "a\tb\tc\nno tabs\n", {}),
    ("text", ["cut", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-f", "0", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-d", "ab", "-f", "1", "csv"], "", {"csv": CSV}),
    ("text", ["cut", "-f", "1", "nofile"], "", {}),
    ("text", ["cut", "-b", "2", "csv"], "", {"csv": CSV}),
    # tr
    ("text", ["tr", "a-z", "A-Z"], "Hello, World!\n", {}),
    ("text", ["tr", "-d", "aeiou"], "Hello, World!\n", {}),
    ("text", ["tr", "-s", " "], "a   b    c\n", {}),
    ("text", ["tr", "-s", "a-z"], "aabbccdd  ee\n", {}),
    ("text", ["tr", "abc", "x"], "aabbcc\n", {}),
    ("text", ["tr", "-d", "\\n"], "a\nb\nc\n", {}),
    ("text", ["tr", "[:lower:]", "[:upper:]"], "mixed Case 1\n", {}),
    ("text", ["tr", "-c", "a-z\\n", "_"], "ab-cd ef\n", {}),
    ("text", ["tr", "-ds", "a", "b"], "aabbcc\n", {}),
    ("text", ["tr", "a"], "", {}),
    ("text", ["tr"], "", {}),
    ("text", ["tr", "-x", "a", "b"], "", {}),
    # tee
    ("text", ["tee", "copy"], "to both\n", {}),
    ("text", ["tee"], "only out\n", {}),
    ("text", ["tee", "/etc/x"], "denied\n", {}),
    ("text", ["tee", "-z"], "", {}),
    # seq
    ("text", ["seq", "5"], "", {}),
    ("text", ["seq", "3", "6"], "", {}),
    ("text", ["seq", "1", "3", "10"], "", {}),
    ("text", ["seq", "5", "-2", "0"], "", {}),
    ("text", ["seq", "0", "0.5", "2"], "", {}),
    ("text", ["seq", "-s", ",", "4"], "", {}),
    ("text", ["seq", "-w", "8", "10"], "", {}),
    ("text", ["seq", "-f", "n%g", "3"], "", {}),
    ("text", ["seq", "0"], "", {}),
    ("text", ["seq"], "", {}),
    ("text", ["seq", "x"], "", {}),
    ("text", ["seq", "1", "0", "3"], "", {}),
    # sleep
    ("text", ["sleep", "0.01"], "", {}),
    ("text", ["sleep", "x"], "", {}),
    ("text", ["sleep"], "", {}),
    ("text", ["sleep", "-z"], "", {}),
    # basename, dirname
    ("text", ["basename", "/usr/lib/file.txt"], "", {}),
    ("text", ["basename", "/usr/lib/file.txt", ".txt"], "", {}),
    ("text", ["basename", "/usr/lib/"], "", {}),
    ("text", ["basename", "/"], "", {}),
    ("text", ["basename", "-a", "a/b", "c/d"], "", {}),
    ("text", ["basename", "-s", ".c", "x.c", "y.c"], "", {}),
    ("text", ["basename"], "", {}),
    ("text", ["basename", "a", "b", "c"], "", {}),
    ("text", ["dirname", "/usr/lib/file.txt"], "", {}),
    ("text", ["dirname", "file"], "", {}),
    ("text", ["dirname", "/"], "", {}),
    ("text", ["dirname", "a/b/", "//x"], "", {}),
    ("text", ["dirname"], "", {}),
    # env, printenv: in a controlled environment (the test passes the same one)
    ("text", ["printenv", "HOME"], "", {}),
    ("text", ["printenv", "NOPE"], "", {}),
    ("text", ["printenv", "USER", "HOME"], "", {}),
    ("text", ["env", "-i", "A=1", "B=2"], "", {}),
    ("text", ["env", "-i", "X=hello", "printenv", "X"], "", {}),
    ("text", ["env", "-i", "nosuchcmd"], "", {}),
    ("text", ["env", "-z"], "", {}),
    ("text", ["env", "-u", "HOME", "printenv", "HOME"], "", {}),
    # files: ls (no -l: times and owners differ between host and vshell)
    # (in a directory t: the home directory also holds the demos)
    ("files", ["ls", "t"], "", {"t/b": "", "t/a": "", "t/.hid": "", "t/d/x": ""}),
    ("files", ["ls", "-a", "t"], "", {"t/b": "", "t/a": "", "t/.hid": "", "t/d/x": ""}),
    ("files", ["ls", "-A", "t"], "", {"t/b": "", "t/.hid": ""}),
    ("files", ["ls", "-1", "t/d", "t/a"], "", {"t/b": "", "t/a": "", "t/d/x": "", "t/d/y": ""}),
    ("files", ["ls", "-d", "t"], "", {"t/x": ""}),
    ("files", ["ls", "-R", "t"], "", {"t/a": "", "t/d/x": "", "t/d/e/y": ""}),
    ("files", ["ls", "d", "e"], "", {"d/x": "", "e/y": ""}),
    ("files", ["ls", "nofile"], "", {}),
    ("files", ["ls", "nofile", "a"], "", {"a": ""}),
    ("files", ["ls", "-z"], "", {}),
    ("files", ["ls", "/root"], "", {}),
    ("files", ["ls", "-l", "/root"], "", {}),
    ("files", ["ls", "-ld", "/root/x"], "", {}),
    # errors of the tools that change files (no change happens)
    ("files", ["mkdir"], "", {}),
    ("files", ["mkdir", "a"], "", {"a": ""}),
    ("files", ["mkdir", "x/y"], "", {}),
    ("files", ["mkdir", "-z", "a"], "", {}),
    ("files", ["mkdir", "/etc/x"], "", {}),
    ("files", ["rmdir", "nope"], "", {}),
    ("files", ["rmdir", "d"], "", {"d/x": ""}),
    ("files", ["rmdir", "a"], "", {"a": ""}),
    ("files", ["rmdir"], "", {}),
    ("files", ["rm", "nope"], "", {}),
    ("files", ["rm", "-f", "nope"], "", {}),
    ("files", ["rm", "d"], "", {"d/x": ""}),
    ("files", ["rm"], "", {}),
    ("files", ["rm", "/etc/passwd"], "", {}),
    ("files", ["rm", "-z"], "", {}),
    ("files", ["touch"], "", {}),
    ("files", ["touch", "/etc/x"], "", {}),
    ("files", ["touch", "x/y"], "", {}),
    ("files", ["cp", "a"], "", {"a": ""}),
    ("files", ["cp"], "", {}),
    ("files", ["cp", "nope", "b"], "", {}),
    ("files", ["cp", "d", "e"], "", {"d/x": ""}),
    ("files", ["cp", "a", "b", "c"], "", {"a": "", "b": ""}),
    ("files", ["cp", "/etc/shadow", "s"], "", {}),
    ("files", ["mv", "a"], "", {"a": ""}),
    ("files", ["mv", "nope", "b"], "", {}),
    ("files", ["mv", "a", "b", "c"], "", {"a": "", "b": ""}),
    ("files", ["ln", "-s"], "", {}),
    ("files", ["ln", "-s", "a", "b"], "", {"a": "", "b": ""}),
    ("files", ["ln", "a", "b"], "", {"a": "", "b": ""}),
    ("files", ["ln", "-v", "a", "c"], "", {"a": ""}),
    ("files", ["ln", "nope", "c"], "", {}),
    ("files", ["ln", "d", "e"], "", {"d/x": ""}),
    ("files", ["chmod", "u+x"], "", {}),
    ("files", ["chmod", "u+x", "nope"], "", {}),
    ("files", ["chmod", "x+q", "a"], "", {"a": ""}),
    ("files", ["chmod", "644", "/etc/passwd"], "", {}),
    ("files", ["chown", "root", "nope"], "", {}),
    ("files", ["chown", "nosuchuser", "a"], "", {"a": ""}),
    ("files", ["chown"], "", {}),
    ("files", ["chown", "root:nosuchgroup", "a"], "", {"a": ""}),
    ("files", ["chown", "root", "/etc/passwd"], "", {}),
    ("files", ["stat", "nope"], "", {}),
    ("files", ["stat"], "", {}),
    ("files", ["stat", "-c", "%n %s %F %a %A %U %G", "a"], "", {"a": "12345"}),
    ("files", ["pwd", "-z"], "", {}),
    ("files", ["date", "-z"], "", {}),
    ("files", ["date", "x"], "", {}),
    ("files", ["date", "-d", "@1767225600", "+%Y-%m-%d %H:%M:%S %a %b %e %j %%"], "", {}),
    ("files", ["date", "-u", "-d", "@1767225600"], "", {}),
    ("files", ["python3", "nofile.py"], "", {}),
    ("files", ["python", "hello.py", "a", "b"], "",
     {"hello.py": "import sys\nprint('hello', sys.argv, __name__)\n"}),
    ("files", ["python", "bad.py"], "", {"bad.py": "x = (\n"}),
    # a full disk: the group "full" runs with standard output on /dev/full
    ("full", ["cat", "poem"], "", {"poem": POEM}),
    ("full", ["cat", "-n", "poem"], "", {"poem": POEM}),
    ("full", ["cat"], "from stdin\n", {}),
    ("full", ["echo", "hi"], "", {}),
    ("full", ["printf", "%s\\n", "x"], "", {}),
    ("full", ["wc", "poem"], "", {"poem": POEM}),
    ("full", ["wc", "-l"], "a\nb\n", {}),
    ("full", ["head", "poem"], "", {"poem": POEM}),
    ("full", ["head", "-c", "5", "poem"], "", {"poem": POEM}),
    ("full", ["tail", "lines"], "", {"lines": LINES}),
    ("full", ["tail", "-c", "5", "lines"], "", {"lines": LINES}),
    ("full", ["grep", "the", "poem"], "", {"poem": POEM}),
    ("full", ["grep", "-c", "the", "poem"], "", {"poem": POEM}),
    ("full", ["sort", "words"], "", {"words": WORDS}),
    ("full", ["uniq", "words"], "", {"words": WORDS}),
    ("full", ["cut", "-c", "1-3", "poem"], "", {"poem": POEM}),
    ("full", ["tr", "a-z", "A-Z"], "some text\n", {}),
    ("full", ["tee"], "some text\n", {}),
    ("full", ["seq", "3"], "", {}),
    ("full", ["yes"], "", {}),
    ("full", ["basename", "/a/b"], "", {}),
    ("full", ["dirname", "/a/b"], "", {}),
    ("full", ["printenv", "HOME"], "", {}),
    ("full", ["env", "-i", "A=1"], "", {}),
    ("full", ["ls", "t"], "", {"t/a": "", "t/b": ""}),
    ("full", ["pwd"], "", {}),
    ("full", ["mkdir", "-v", "d"], "", {}),
    ("full", ["rm", "-v", "a"], "", {"a": ""}),
    ("full", ["ln", "-v", "a", "b"], "", {"a": ""}),
    ("full", ["mv", "-v", "a", "b"], "", {"a": ""}),
    ("full", ["cp", "-v", "a", "b"], "", {"a": "x\n"}),
    ("full", ["cp", "poem", "/dev/full"], "", {"poem": POEM}),
    ("full", ["tee", "/dev/full"], "some text\n", {}),
    ("full", ["tee", "copy", "/dev/full"], "some text\n", {}),
    ("full", ["sort", "-o", "/dev/full", "words"], "", {"words": WORDS}),
    ("full", ["uniq", "words", "/dev/full"], "", {"words": WORDS}),
    ("full", ["xargs", "echo"], "a b\n", {}),
    ("full", ["date", "-u", "-d", "@1767225600"], "", {}),
    ("full", ["stat", "-c", "%n %s", "a"], "", {"a": "12345"}),
]

ENV = {"PATH": "/usr/bin:/bin", "HOME": "/home/student", "USER": "student",
       "LC_ALL": "C.UTF-8"}
HOST_NAMES = {"python": "python3"}


def as_nobody() -> None:
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)


def record(argv: list[str], stdin: str, files: dict[str, str], to_full: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for path, text in files.items():
            full = os.path.join(tmp, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)
        for root, dirs, names in os.walk(tmp):      # owned by the user, as in vshell
            for n in [""] + dirs + names:
                os.chmod(os.path.join(root, n), 0o755 if n in dirs or not n else 0o644)
                if os.geteuid() == 0:
                    os.chown(os.path.join(root, n), 65534, 65534)
        host_argv = [HOST_NAMES.get(argv[0], argv[0])] + argv[1:]
        with open("/dev/full" if to_full else os.devnull, "wb") as dev:
            p = subprocess.run(host_argv, input=stdin.encode(), cwd=tmp, env=ENV,
                               stdout=dev if to_full else subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=as_nobody, timeout=10)
    out, err = (p.stdout or b"").decode(), p.stderr.decode()
    # the host's temporary directory and user are vshell's home and student
    out, err = (s.replace(tmp, "/home/student").replace("nobody", "student")
                .replace("nogroup", "student") for s in (out, err))
    return {"argv": argv, "stdin": stdin, "files": files,
            "out": out, "err": err, "code": p.returncode}


def main() -> None:
    groups: dict[str, list[dict]] = {}
    for group, argv, stdin, files in CASES:
        groups.setdefault(group, []).append(record(argv, stdin, files, group == "full"))
    path = os.path.join(HERE, "programs.json")
    with open(path, "w") as f:
        json.dump({"env": ENV, "cases": groups}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {sum(map(len, groups.values()))} cases to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
