"""Whatever a program passes, the kernel neither crashes nor corrupts its tables."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run

CALLS = ["close", "read", "write", "lseek", "dup", "dup2", "open", "stat", "lstat", "listdir",
         "chdir", "mkdir", "rmdir", "unlink", "rename", "chmod", "kill", "waitpid", "setpgid",
         "getpgid", "tcsetpgrp", "isatty", "fstat", "umask", "symlink", "readlink", "access",
         "set_inheritable", "execv", "setuid", "nice", "truncate", "utime", "link"]
ARG = st.one_of(st.integers(-3, 40), st.sampled_from(["/", "/tmp", "/tmp/x", "", "..", "/proc/1",
                                                       "/dev/null", "/etc/passwd"]),
                st.binary(max_size=4), st.none(), st.lists(st.text(max_size=2), max_size=2))


CALL_LISTS = st.lists(st.tuples(st.sampled_from(CALLS), st.lists(ARG, max_size=3)), max_size=6)
UIDS = st.sampled_from([0, 1000])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls=CALL_LISTS, uid=UIDS)
def test_no_arguments_crash_the_kernel(calls, uid):
    survives(calls, uid)


def survives(calls, uid) -> None:
    """Run the calls in a program; the kernel must stay whole and clean up after it."""
    body = "".join(f"try:\n    os.{name}(*{args!r})\nexcept Exception as e:\n    pass\n"
                   for name, args in calls)
    r = run("import os\n" + body + "print('survived')\n", uid=uid)
    assert r.kernel.panics == []
    assert "survived" in r.out or r.status != 0
    assert len(r.kernel.procs) == 0
    assert len(r.kernel.files) == 0
