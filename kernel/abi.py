"""The machine's numbers: signals, open flags, wait options and wait statuses.

vshell's machine is a Linux-like one, so these are Linux's values (see
signal(7), open(2), wait(2)), written down once here.  The kernel, the shell
and the programs' `os` and `signal` modules all mean these numbers; none of
them hard-codes its own copy, and none takes them from the host (whose
numbers, on macOS say, are not Linux's).

The shell's signal names and descriptions (`kill -l`, `Terminated`) come from
here too.  Still the host's, and equal to these only on Linux (tests/test_layers.py
checks): errno values and strerror's words, which the kernel raises through the
host's `errno` module as CPython's `os` does (an OSError's subclass is chosen by
the host's numbers), and the enums of the programs' `signal` module (Signals,
Handlers, Sigmasks), which are the host's own classes.
"""
from __future__ import annotations

# ---- signals (signal(7), x86 and ARM numbering) -------------------------------------------
SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE = 1, 2, 3, 4, 5, 6, 7, 8
SIGKILL, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM = 9, 10, 11, 12, 13, 14, 15
SIGSTKFLT, SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU = 16, 17, 18, 19, 20, 21, 22
SIGURG, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGWINCH, SIGIO = 23, 24, 25, 26, 27, 28, 29
SIGPWR, SIGSYS = 30, 31
NSIG = 65                       # signals 1..64; 34..64 are the real-time ones
SIGNAMES = {number: name for name, number in list(globals().items())
            if name.startswith("SIG") and isinstance(number, int)}
SIGRTMIN, SIGRTMAX, NSIG = 34, 64, 65          # real-time signals (glibc keeps 32 and 33)
SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK = 0, 1, 2  # sigprocmask(2)'s how
SIG_DFL, SIG_IGN = 0, 1                       # the dispositions signal(2) names

# What strsignal(3) says of each (glibc's words)
DESCRIPTIONS = {
    SIGHUP: "Hangup", SIGINT: "Interrupt", SIGQUIT: "Quit", SIGILL: "Illegal instruction",
    SIGTRAP: "Trace/breakpoint trap", SIGABRT: "Aborted", SIGBUS: "Bus error",
    SIGFPE: "Floating point exception", SIGKILL: "Killed", SIGUSR1: "User defined signal 1",
    SIGSEGV: "Segmentation fault", SIGUSR2: "User defined signal 2", SIGPIPE: "Broken pipe",
    SIGALRM: "Alarm clock", SIGTERM: "Terminated", SIGSTKFLT: "Stack fault",
    SIGCHLD: "Child exited", SIGCONT: "Continued", SIGSTOP: "Stopped (signal)",
    SIGTSTP: "Stopped", SIGTTIN: "Stopped (tty input)", SIGTTOU: "Stopped (tty output)",
    SIGURG: "Urgent I/O condition", SIGXCPU: "CPU time limit exceeded",
    SIGXFSZ: "File size limit exceeded", SIGVTALRM: "Virtual timer expired",
    SIGPROF: "Profiling timer expired", SIGWINCH: "Window changed", SIGIO: "I/O possible",
    SIGPWR: "Power failure", SIGSYS: "Bad system call",
}


def strsignal(sig: int) -> str | None:
    """A signal's description, as Python's signal.strsignal gives it on Linux
    (None for 32 and 33, which have none)."""
    if not 1 <= sig < NSIG:
        raise ValueError("signal number out of range")
    if SIGRTMIN <= sig <= SIGRTMAX:
        return f"Real-time signal {sig - SIGRTMIN}"
    return DESCRIPTIONS.get(sig)

# ---- access(2)'s modes and lseek(2)'s whences -----------------------------------------
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4
SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA, SEEK_HOLE = 0, 1, 2, 3, 4

# ---- open(2)'s flags -----------------------------------------------------------------------
O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE = 0, 1, 2, 3
O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC = 0o100, 0o200, 0o400, 0o1000
O_APPEND, O_NONBLOCK, O_DSYNC, O_ASYNC, O_DIRECT = 0o2000, 0o4000, 0o10000, 0o20000, 0o40000
O_LARGEFILE = 0o100000          # Linux sets it in every open(2) of a 64-bit process
O_DIRECTORY, O_NOFOLLOW, O_NOATIME, O_CLOEXEC = 0o200000, 0o400000, 0o1000000, 0o2000000
O_SYNC, O_TMPFILE = 0o4000000 | O_DSYNC, 0o20000000 | O_DIRECTORY

# ---- wait(2)'s options and siginfo's si_code for SIGCHLD ------------------------------------
WNOHANG, WUNTRACED, WEXITED, WCONTINUED, WNOWAIT = 1, 2, 4, 8, 0x01000000
CLD_EXITED, CLD_KILLED, CLD_DUMPED, CLD_TRAPPED, CLD_STOPPED, CLD_CONTINUED = 1, 2, 3, 4, 5, 6

# ---- wait statuses -------------------------------------------------------------------------
# A status is 16 bits: an exit code in the high byte and 0 in the low one; or a
# terminating signal in the low seven bits (0x80 says a core was dumped); or,
# for a stopped child, the stopping signal in the high byte and 0x7F in the low
# one; 0xFFFF is a continued child.
WCOREFLAG = 0x80
CONTINUED = 0xFFFF


def W_EXITCODE(code: int, sig: int = 0) -> int:
    return (code & 0xFF) << 8 | sig


def W_STOPCODE(sig: int) -> int:
    return sig << 8 | 0x7F


def WIFEXITED(status: int) -> bool:
    return status & 0x7F == 0


def WEXITSTATUS(status: int) -> int:
    return status >> 8 & 0xFF


def WIFSIGNALED(status: int) -> bool:
    return 0 < status & 0x7F < 0x7F


def WTERMSIG(status: int) -> int:
    return status & 0x7F


def WCOREDUMP(status: int) -> bool:
    return bool(status & WCOREFLAG)


def WIFSTOPPED(status: int) -> bool:
    return status & 0xFF == 0x7F


def WSTOPSIG(status: int) -> int:
    return status >> 8 & 0xFF


def WIFCONTINUED(status: int) -> bool:
    return status == CONTINUED
