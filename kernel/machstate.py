"""A process's machine state, as the chapter draws it, for /proc to show.

- "registers": the program counter (the line the process is paused at) and its
  stack of frames -- what SP and FP would point into -- with each frame's
  local variables: /proc/PID/stack;
- its address space: the program (text), its global names and their values
  (data), argv and the environment: /proc/PID/maps;
- its open files with their offsets and reference counts: /proc/PID/fdinfo.

The kernel reads a paused process's frames the way a debugger would, and shows
values with a repr of its own: a program's __repr__ never runs in someone
else's context.
"""
from __future__ import annotations

from . import cpu
from .cpu import KERNEL_DIRS, user_frame

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .proc import Proc

PLAIN = (int, float, bool, str, bytes, type(None))
HIDDEN = {"__builtins__", "__name__", "__doc__", "__file__", "__cached__", "__loader__",
          "__spec__", "__package__", "__annotations__"}


def safe_repr(value, depth: int = 0) -> str:
    """repr for plain data; anything else by its type only."""
    if isinstance(value, PLAIN):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    if isinstance(value, (list, tuple, set, frozenset, dict)) and depth < 1:
        items = list(value.items())[:6] if isinstance(value, dict) else list(value)[:6]
        if isinstance(value, dict):
            inner = ", ".join(f"{safe_repr(k, 1)}: {safe_repr(v, 1)}" for k, v in items)
        else:
            inner = ", ".join(safe_repr(v, 1) for v in items)
        more = ", ..." if len(value) > 6 else ""
        brackets = {"list": "[]", "tuple": "()", "dict": "{}"}.get(type(value).__name__, "{}")
        return f"{brackets[0]}{inner}{more}{brackets[1]}"
    kind = type(value)
    if kind.__name__ == "module":
        return f"<module {getattr(value, '__name__', '?')}>"
    if callable(value):
        return f"<{kind.__name__} {getattr(value, '__name__', '?')}>"
    return f"<{kind.__name__} object>"


def frames(p: "Proc") -> list:
    """The program's frames, innermost first (kernel and runtime frames left out)."""
    out = []
    frame = user_frame(p)
    while frame is not None:
        if not frame.f_code.co_filename.startswith((KERNEL_DIRS[0],) + cpu.VIEWER_DIRS):
            out.append(frame)
        frame = frame.f_back
    return out


def stack(p: "Proc") -> str:
    """/proc/PID/stack: program counter, frames, locals.  Native code (the
    shell) is no Python program: its counter is what it says it is doing."""
    if p.native:
        return f"pc  {p.doing() or p.name}\n(native code: no program frames)\n"
    fs = frames(p)
    if not fs:
        return "(not running a program: no frames)\n"
    lines = [f"pc  {p.shown_path(fs[0].f_code.co_filename)}:{fs[0].f_lineno}"]
    for i, frame in enumerate(fs):
        code = frame.f_code
        lines.append(f"#{i}  {code.co_name} at {p.shown_path(code.co_filename)}:{frame.f_lineno}")
        if code.co_name == "<module>":
            continue                       # module-level names are data: see maps
        for name, value in list(frame.f_locals.items()):
            lines.append(f"      {name} = {safe_repr(value)}")
    return "\n".join(lines) + "\n"


def maps(p: "Proc") -> str:
    """/proc/PID/maps: the address space -- text, data, argv, environment."""
    lines = []
    image = p.image
    if image is not None:
        kind = "native code" if image.native is not None else "Python program"
        lines.append(f"text   {image.path} ({kind})")
    rt = p.runtime
    main = rt.modules.get("__main__") if rt is not None else None
    if main is not None:
        for name, value in list(vars(main).items()):
            if name in HIDDEN or type(value).__name__ == "module":
                continue
            lines.append(f"data   {name} = {safe_repr(value)}")
    lines.append(f"argv   {safe_repr(list(p.argv))}")
    for key, value in sorted(p.env.items()):
        lines.append(f"env    {key}={value}")
    return "\n".join(lines) + "\n"


def fdinfo(p: "Proc") -> str:
    """/proc/PID/fdinfo: each fd, what it points at, offset and references."""
    lines = []
    for fd, f in p.fds.items():
        if f.pipe is not None:
            what = f"pipe:[{f.pipe.id}] {'write' if f.writable else 'read'} end " \
                   f"({f.pipe.size} bytes queued)"
        elif f.kind == "dev":
            what = f.path or "device"
        else:
            what = f.path
        mode = ("r" if f.readable else "") + ("w" if f.writable else "") + ("a" if f.append else "")
        cloexec = " cloexec" if p.fds.cloexec[fd] else ""
        lines.append(f"{fd:>3}  {mode:<3} offset {f.offset:<8} refs {f.refs:<3} {what}{cloexec}")
    return "\n".join(lines) + ("\n" if lines else "")
