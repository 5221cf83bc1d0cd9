"""The `linecache` module as a virtual process sees it (run in each process that imports it).

CPython's cache of source lines (what tracebacks show), reading the files the
process itself would read: a program's and its modules' from the virtual file
system, through the process's own os.stat and open -- never the host file that
happens to have the same path -- and the standard library's from the host,
through the host's linecache (_host, handed in by the runtime).  The kernel's
own files have no lines: no traceback shows them.
"""
import functools
import io
import os
import sys
import tokenize

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

_host = globals()["_host"]
_STDLIB = _host.__file__.rpartition("/")[0] + "/"
_KERNEL = __file__.rpartition("/")[0].rpartition("/")[0] + "/"

# Maps file names to either a thunk which will provide source code,
# or a tuple (size, mtime, lines, fullname) once loaded.
cache: dict[str, object] = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date (not checked upon each call)."""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for filename in filenames:
        entry = cache[filename]
        if len(entry) == 1:
            continue                    # lazy cache entry, leave it lazy
        size, mtime, lines, fullname = entry
        if mtime is None or fullname.startswith(_STDLIB):
            continue                    # the host's standard library does not change
        try:
            stat = os.stat(fullname)
        except OSError:
            cache.pop(filename, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(filename, None)


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines (empty if something is wrong)."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    if filename.startswith(_KERNEL):
        return []
    if filename.startswith(_STDLIB):
        lines = _host.getlines(filename)
        if lines:
            cache[filename] = (sum(map(len, lines)), None, lines, filename)
        return lines
    fullname = filename
    try:
        stat = os.stat(fullname)
    except OSError:
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                cache[filename] = (len(data), None,
                                   [line + "\n" for line in data.splitlines()], fullname)
                return cache[filename][2]
        if os.path.isabs(filename):
            return []
        for dirname in sys.path:        # a relative name: look along the module path
            try:
                fullname = os.path.join(dirname, filename)
                stat = os.stat(fullname)
                break
            except (TypeError, AttributeError, OSError):
                pass
        else:
            return []
    try:
        with open(fullname, "rb") as f:
            data = f.read()
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        lines = io.StringIO(data.decode(encoding), newline=None).readlines()
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = stat.st_size, stat.st_mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals' loader, if it has one
    that can get the source (the standard library's modules do)."""
    if filename in cache:
        return len(cache[filename]) == 1
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return False
    if module_globals and "__name__" in module_globals:
        name = module_globals["__name__"]
        loader = module_globals.get("__loader__")
        if loader is None:
            spec = module_globals.get("__spec__")
            loader = getattr(spec, "loader", None)
        get_source = getattr(loader, "get_source", None)
        if name and get_source:
            cache[filename] = (functools.partial(get_source, name),)
            return True
    return False
