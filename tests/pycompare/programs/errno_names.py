"""errno numbers and strerror's messages, as on Linux."""
import errno
import os

for code in (errno.EPERM, errno.ENOENT, errno.ESRCH, errno.EINTR, errno.EIO, errno.EBADF,
             errno.ECHILD, errno.EAGAIN, errno.ENOMEM, errno.EACCES, errno.EEXIST,
             errno.ENOTDIR, errno.EISDIR, errno.EINVAL, errno.EMFILE, errno.ENOTTY,
             errno.ENOSPC, errno.ESPIPE, errno.EPIPE, errno.ENOTEMPTY, errno.ELOOP):
    print(code, errno.errorcode[code], os.strerror(code))
e = OSError(errno.ENOENT, "custom text", "name.txt")
print(type(e).__name__, e, e.args)
print(OSError(errno.EACCES, os.strerror(errno.EACCES)).__class__.__name__)
print(repr(OSError(errno.EPIPE, "x")), str(OSError("plain")))
