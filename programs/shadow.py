"""shadow: the password file, /etc/shadow, as su, login, sudo and passwd use it.

Each line is NAME:PASSWORD:..., and PASSWORD is $vs1$SALT$DIGEST: DIGEST is
the SHA-256 of SALT followed by the password, in hex.  (A real system's
crypt(3) hashes are slow on purpose; this one is easy to follow.)  Only root
may read the file, so the programs that use this module are set-user-ID root.

It lives beside them (/bin/shadow.py in vshell, programs/shadow.py in vshell's
source).  A set-user-ID program imports modules only from the standard library
and /bin (kernel/loader.py): a module planted beside a link to su is never
imported as root, and this one always is.
"""
import hashlib

SHADOW = "/etc/shadow"


def hashed(password: str, salt: str) -> str:
    """The PASSWORD field for password: $vs1$SALT$sha256(SALT + password)."""
    return "$vs1$%s$%s" % (salt, hashlib.sha256((salt + password).encode()).hexdigest())


def matches(field: str, password: str) -> bool:
    """Does password match a PASSWORD field?  (Never one that is no $vs1$ hash.)"""
    parts = field.split("$")
    return (len(parts) == 4 and parts[1] == "vs1"
            and hashlib.sha256((parts[2] + password).encode()).hexdigest() == parts[3])


def password_ok(name: str, password: str) -> bool:
    """Does password match name's entry in /etc/shadow?  (OSError: it cannot be read.)"""
    with open(SHADOW) as f:
        for line in f:
            fields = line.rstrip("\n").split(":")
            if fields[0] == name and len(fields) > 1:
                return matches(fields[1], password)
    return False
