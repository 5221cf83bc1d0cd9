"""The machine's numbers: signals, errnos, open flags, wait options and wait statuses.

vshell's machine is a Linux-like one, so these are Linux's values (see
signal(7), errno(3), open(2), wait(2)), written down once here.  The kernel,
the shell and the programs' `os`, `errno` and `signal` modules all mean these
numbers; none of them hard-codes its own copy, and none takes them from the
host (whose numbers, on macOS say, are not Linux's).  The one place a host
number enters the machine is a host mount, where kernel/errors.py's from_host
translates a host file's error by its name.

The shell's signal names and descriptions (`kill -l`, `Terminated`) and
strerror's words (`No such file or directory`) come from here too: glibc's.
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
SIGIOT, SIGCLD, SIGPOLL = SIGABRT, SIGCHLD, SIGIO   # old names for three of them
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

# ---- errnos (errno(3); the names and numbers CPython's errno module has on Linux) ---------
EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF = 1, 2, 3, 4, 5, 6, 7, 8, 9
ECHILD, EAGAIN, ENOMEM, EACCES, EFAULT, ENOTBLK, EBUSY, EEXIST = 10, 11, 12, 13, 14, 15, 16, 17
EXDEV, ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY = 18, 19, 20, 21, 22, 23, 24, 25
ETXTBSY, EFBIG, ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE, EDOM = 26, 27, 28, 29, 30, 31, 32, 33
ERANGE, EDEADLK, ENAMETOOLONG, ENOLCK, ENOSYS, ENOTEMPTY, ELOOP = 34, 35, 36, 37, 38, 39, 40
ENOMSG, EIDRM, ECHRNG, EL2NSYNC, EL3HLT, EL3RST, ELNRNG = 42, 43, 44, 45, 46, 47, 48
EUNATCH, ENOCSI, EL2HLT, EBADE, EBADR, EXFULL, ENOANO, EBADRQC = 49, 50, 51, 52, 53, 54, 55, 56
EBADSLT, EBFONT, ENOSTR, ENODATA, ETIME, ENOSR, ENONET, ENOPKG = 57, 59, 60, 61, 62, 63, 64, 65
EREMOTE, ENOLINK, EADV, ESRMNT, ECOMM, EPROTO, EMULTIHOP = 66, 67, 68, 69, 70, 71, 72
EDOTDOT, EBADMSG, EOVERFLOW, ENOTUNIQ, EBADFD, EREMCHG, ELIBACC = 73, 74, 75, 76, 77, 78, 79
ELIBBAD, ELIBSCN, ELIBMAX, ELIBEXEC, EILSEQ, ERESTART, ESTRPIPE = 80, 81, 82, 83, 84, 85, 86
EUSERS, ENOTSOCK, EDESTADDRREQ, EMSGSIZE, EPROTOTYPE, ENOPROTOOPT = 87, 88, 89, 90, 91, 92
EPROTONOSUPPORT, ESOCKTNOSUPPORT, EOPNOTSUPP, EPFNOSUPPORT, EAFNOSUPPORT = 93, 94, 95, 96, 97
EADDRINUSE, EADDRNOTAVAIL, ENETDOWN, ENETUNREACH, ENETRESET = 98, 99, 100, 101, 102
ECONNABORTED, ECONNRESET, ENOBUFS, EISCONN, ENOTCONN, ESHUTDOWN = 103, 104, 105, 106, 107, 108
ETOOMANYREFS, ETIMEDOUT, ECONNREFUSED, EHOSTDOWN, EHOSTUNREACH = 109, 110, 111, 112, 113
EALREADY, EINPROGRESS, ESTALE, EUCLEAN, ENOTNAM, ENAVAIL = 114, 115, 116, 117, 118, 119
EISNAM, EREMOTEIO, EDQUOT, ENOMEDIUM, EMEDIUMTYPE, ECANCELED = 120, 121, 122, 123, 124, 125
ENOKEY, EKEYEXPIRED, EKEYREVOKED, EKEYREJECTED, EOWNERDEAD = 126, 127, 128, 129, 130
ENOTRECOVERABLE, ERFKILL = 131, 132
ERRORCODE = {number: name for name, number in list(globals().items())
             if name[0] == "E" and name[1:].isupper() and isinstance(number, int)}
ERRORCODE.update({EDEADLK: "EDEADLOCK", EOPNOTSUPP: "ENOTSUP"})    # errno.errorcode's names
EWOULDBLOCK, EDEADLOCK, ENOTSUP = EAGAIN, EDEADLK, EOPNOTSUPP      # the other names
ERRNOS = {name: number for name, number in list(globals().items())  # errno's names, aliases too
          if name[0] == "E" and name[1:].isupper() and isinstance(number, int)}

# What strerror(3) says of each (glibc's words)
MESSAGES = {
    EPERM: "Operation not permitted", ENOENT: "No such file or directory",
    ESRCH: "No such process", EINTR: "Interrupted system call", EIO: "Input/output error",
    ENXIO: "No such device or address", E2BIG: "Argument list too long",
    ENOEXEC: "Exec format error", EBADF: "Bad file descriptor", ECHILD: "No child processes",
    EAGAIN: "Resource temporarily unavailable", ENOMEM: "Cannot allocate memory",
    EACCES: "Permission denied", EFAULT: "Bad address", ENOTBLK: "Block device required",
    EBUSY: "Device or resource busy", EEXIST: "File exists",
    EXDEV: "Invalid cross-device link", ENODEV: "No such device", ENOTDIR: "Not a directory",
    EISDIR: "Is a directory", EINVAL: "Invalid argument",
    ENFILE: "Too many open files in system", EMFILE: "Too many open files",
    ENOTTY: "Inappropriate ioctl for device", ETXTBSY: "Text file busy",
    EFBIG: "File too large", ENOSPC: "No space left on device", ESPIPE: "Illegal seek",
    EROFS: "Read-only file system", EMLINK: "Too many links", EPIPE: "Broken pipe",
    EDOM: "Numerical argument out of domain", ERANGE: "Numerical result out of range",
    EDEADLK: "Resource deadlock avoided", ENAMETOOLONG: "File name too long",
    ENOLCK: "No locks available", ENOSYS: "Function not implemented",
    ENOTEMPTY: "Directory not empty", ELOOP: "Too many levels of symbolic links",
    ENOMSG: "No message of desired type", EIDRM: "Identifier removed",
    ECHRNG: "Channel number out of range", EL2NSYNC: "Level 2 not synchronized",
    EL3HLT: "Level 3 halted", EL3RST: "Level 3 reset", ELNRNG: "Link number out of range",
    EUNATCH: "Protocol driver not attached", ENOCSI: "No CSI structure available",
    EL2HLT: "Level 2 halted", EBADE: "Invalid exchange", EBADR: "Invalid request descriptor",
    EXFULL: "Exchange full", ENOANO: "No anode", EBADRQC: "Invalid request code",
    EBADSLT: "Invalid slot", EBFONT: "Bad font file format", ENOSTR: "Device not a stream",
    ENODATA: "No data available", ETIME: "Timer expired", ENOSR: "Out of streams resources",
    ENONET: "Machine is not on the network", ENOPKG: "Package not installed",
    EREMOTE: "Object is remote", ENOLINK: "Link has been severed", EADV: "Advertise error",
    ESRMNT: "Srmount error", ECOMM: "Communication error on send", EPROTO: "Protocol error",
    EMULTIHOP: "Multihop attempted", EDOTDOT: "RFS specific error", EBADMSG: "Bad message",
    EOVERFLOW: "Value too large for defined data type",
    ENOTUNIQ: "Name not unique on network", EBADFD: "File descriptor in bad state",
    EREMCHG: "Remote address changed", ELIBACC: "Can not access a needed shared library",
    ELIBBAD: "Accessing a corrupted shared library",
    ELIBSCN: ".lib section in a.out corrupted",
    ELIBMAX: "Attempting to link in too many shared libraries",
    ELIBEXEC: "Cannot exec a shared library directly",
    EILSEQ: "Invalid or incomplete multibyte or wide character",
    ERESTART: "Interrupted system call should be restarted", ESTRPIPE: "Streams pipe error",
    EUSERS: "Too many users", ENOTSOCK: "Socket operation on non-socket",
    EDESTADDRREQ: "Destination address required", EMSGSIZE: "Message too long",
    EPROTOTYPE: "Protocol wrong type for socket", ENOPROTOOPT: "Protocol not available",
    EPROTONOSUPPORT: "Protocol not supported", ESOCKTNOSUPPORT: "Socket type not supported",
    EOPNOTSUPP: "Operation not supported", EPFNOSUPPORT: "Protocol family not supported",
    EAFNOSUPPORT: "Address family not supported by protocol",
    EADDRINUSE: "Address already in use", EADDRNOTAVAIL: "Cannot assign requested address",
    ENETDOWN: "Network is down", ENETUNREACH: "Network is unreachable",
    ENETRESET: "Network dropped connection on reset",
    ECONNABORTED: "Software caused connection abort", ECONNRESET: "Connection reset by peer",
    ENOBUFS: "No buffer space available", EISCONN: "Transport endpoint is already connected",
    ENOTCONN: "Transport endpoint is not connected",
    ESHUTDOWN: "Cannot send after transport endpoint shutdown",
    ETOOMANYREFS: "Too many references: cannot splice", ETIMEDOUT: "Connection timed out",
    ECONNREFUSED: "Connection refused", EHOSTDOWN: "Host is down",
    EHOSTUNREACH: "No route to host", EALREADY: "Operation already in progress",
    EINPROGRESS: "Operation now in progress", ESTALE: "Stale file handle",
    EUCLEAN: "Structure needs cleaning", ENOTNAM: "Not a XENIX named type file",
    ENAVAIL: "No XENIX semaphores available", EISNAM: "Is a named type file",
    EREMOTEIO: "Remote I/O error", EDQUOT: "Disk quota exceeded",
    ENOMEDIUM: "No medium found", EMEDIUMTYPE: "Wrong medium type",
    ECANCELED: "Operation canceled", ENOKEY: "Required key not available",
    EKEYEXPIRED: "Key has expired", EKEYREVOKED: "Key has been revoked",
    EKEYREJECTED: "Key was rejected by service", EOWNERDEAD: "Owner died",
    ENOTRECOVERABLE: "State not recoverable",
    ERFKILL: "Operation not possible due to RF-kill",
    133: "Memory page has hardware error",          # EHWPOISON, a name Python's errno lacks
}


def strerror(code: int) -> str:
    """An errno's description, as os.strerror gives it on Linux."""
    if code == 0:
        return "Success"
    return MESSAGES.get(code) or f"Unknown error {code}"


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
