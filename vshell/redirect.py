"""Redirections: `<`, `>`, `>>`, `>|`, `<>`, `n>&m`, `n<&-` and here-documents.

Each is made as xv6's sh.c makes one: open the file (or take the fd to
duplicate, or a pipe holding the here-document), then dup2 it onto its fd
and close the original.  In a forked child that is all.  In the shell
itself -- a builtin, a function, `{ }` -- each fd is first copied out of the
way (to 10 or above) so that it can be put back afterwards; `exec`'s
redirections are not put back.  These are methods of the Shell (a mixin).
"""
from __future__ import annotations


from kernel import abi
from kernel.abi import O_APPEND, O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY
from .common import CommandError, Fatal, create_error, open_error

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from . import ast
    from .expand import Expander
    from .state import State

OPEN_FLAGS = {"<": O_RDONLY, "<>": O_RDWR | O_CREAT, ">>": O_WRONLY | O_CREAT | O_APPEND,
              ">": O_WRONLY | O_CREAT | O_TRUNC, ">|": O_WRONLY | O_CREAT | O_TRUNC}
SAVED_FD_MIN = 10                  # where the shell keeps its copies, away from the user's fds


class Redirections:
    # what the Shell this is part of has
    os: Any
    state: State
    expand: Expander
    error: Callable[[str], None]

    def with_redirects(self, redirects: list[ast.Redirect], body: Callable[[], Any],
                       fatal: bool = False):
        """Run body in this process with redirections that are undone afterwards.
        A redirection that fails is the command's status, or (fatal) its error."""
        if not redirects:
            return body()
        return self._with_redirects(redirects, body, fatal)

    def _with_redirects(self, redirects: list[ast.Redirect], body: Callable[[], Any], fatal: bool):
        saved: list[tuple[int, int | None]] = []
        try:
            self.apply_redirects(redirects, saved)
        except CommandError as e:
            self.restore(saved)
            if fatal:
                raise
            self.error(str(e))
            return e.status
        try:
            return (yield body())
        finally:
            self.restore(saved)

    def apply_redirects(self, redirects: list[ast.Redirect], saved: list | None) -> None:
        """Make each redirection in turn, as xv6's REDIR case makes one
        (close(fd); open(file) -- which gives the lowest free fd, the one
        just closed): here open anywhere, then dup2 it onto fd.  With saved,
        keep what each fd was first, to put it back afterwards."""
        for r in redirects:
            source, opened = self.redirect_source(r)
            if saved is not None:
                try:
                    self.save_fd(r.fd, saved)
                except CommandError:
                    if opened:
                        self.os.close(source)
                    raise
            if source is None:                     # n>&-: close it
                try:
                    self.os.close(r.fd)
                except OSError:
                    pass
            else:
                self.put(source, r.fd, opened)

    def put(self, source: int, fd: int, opened: bool) -> None:
        """dup2 source onto fd; a file opened for this is then closed."""
        os = self.os
        try:
            os.dup2(source, fd)
            if source == fd:                       # (open gave this fd itself: make it
                os.set_inheritable(fd, True)       # one that exec keeps, as dup2 would)
        except OSError:
            raise CommandError(f"{source}: Bad file descriptor")
        if opened and source != fd:
            os.close(source)

    def redirect_source(self, r: ast.Redirect) -> tuple[int | None, bool]:
        """What fd r puts in place (None: it closes), and whether it was
        opened for this (and is closed once it is in place)."""
        if r.op in ("<<", "<<-"):
            body = r.heredoc or ""
            if not r.quoted:
                body = self.expand.heredoc(body)
            try:
                return self.heredoc_fd(body), True
            except OSError as e:              # out of fds, or of disk for a long one
                raise CommandError(e.strerror or str(e))
        target = self.expand.string(r.target)
        if r.op in (">&", "<&"):
            if target == "-":
                return None, False
            if not (len(target) == 1 and target.isdigit()):
                raise Fatal("Syntax error: Bad fd number")
            return int(target), False
        return self.open_target(r.op, target), True

    def open_target(self, op: str, target: str) -> int:
        """open(2) a redirection's file; set -C refuses to overwrite a regular one with >."""
        os = self.os
        try:
            if op == ">" and "C" in self.state.options:
                try:
                    if os.stat(target).st_mode & 0o170000 == 0o100000:
                        raise OSError(abi.EEXIST, "File exists")
                except FileNotFoundError:
                    pass
            return os.open(target, OPEN_FLAGS[op], 0o666)
        except OSError as e:
            if op == "<":
                raise CommandError(f"cannot open {target}: {open_error(e)}")
            raise CommandError(f"cannot create {target}: {create_error(e)}")

    def heredoc_fd(self, body: str) -> int:
        """A here-document: its text in a pipe (or a file in /tmp if it is large)."""
        os = self.os
        data = body.encode("utf-8", "surrogateescape")
        if len(data) < 60000:
            r, w = os.pipe()
            if data:
                os.write(w, data)
            os.close(w)
            return r
        path = f"/tmp/.vsh-heredoc-{os.getpid()}"
        fd = os.open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        os.write(fd, data)
        os.lseek(fd, 0, 0)
        os.unlink(path)
        return fd

    def save_fd(self, fd: int, saved: list) -> None:
        """Keep a copy of fd (at 10 or above, away from the user's fds) to restore later."""
        os = self.os
        try:
            copy = os.dup(fd)
        except OSError:
            saved.append((fd, None))               # it was closed: close it again
            return
        low = []
        try:
            while copy < SAVED_FD_MIN:
                low.append(copy)
                copy = os.dup(fd)
        except OSError as e:                    # EMFILE, under a low `ulimit -n`
            raise CommandError(f"{fd}: {e.strerror}")      # (dash's words)
        finally:
            for c in low:
                os.close(c)
        saved.append((fd, copy))

    def restore(self, saved: list[tuple[int, int | None]]) -> None:
        """Put back what save_fd kept, last first."""
        os = self.os
        for fd, copy in reversed(saved):
            if copy is None:
                try:
                    os.close(fd)
                except OSError:
                    pass
            else:
                os.dup2(copy, fd)
                os.close(copy)

