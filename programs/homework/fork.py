#!/usr/bin/env python3
"""fork.py: OSTEP's process-tree homework (chapter 5), with real processes.

    fork.py -s 4 -c                  random actions, and the trees they make
    fork.py -A a+b,b+c,a+d,b- -c     your own actions: a forks b, ..., b exits
    fork.py -t -s 7                  trees shown: guess the actions

The same flags, actions and trees as the book's fork.py.  What it adds: every
action really happens.  Each named process is a real process (see them with
`ps` or `pstree -p` from another terminal, or with `--trace`): it waits on its
own command pipe, and this program tells it "fork NAME" -- it calls fork(),
and the child becomes NAME -- or "exit" -- it calls exit().  The trees printed
are the book's answers.  The orphans are real too: an orphan is adopted by
init (pid 1) -- the book draws it under `a`, its stand-in for init -- and with
-R every named process is a subreaper (as Linux's prctl makes one), so that an
orphan really goes to its grandparent, as -R says.
"""
import errno
import os
import random
import signal
import string
import sys
import time
import traceback
from optparse import OptionParser

ROOT = "a"
NAMES = string.ascii_lowercase + string.ascii_uppercase
STYLES = {                  # (vertical, horizontal, branch, last branch)
    "line1": ("|", "-", "+", "|"),
    "line2": ("|", "_", "|", "|"),
    "fancy": ("\u2502", "\u2500", "\u251c", "\u2514"),
}
INDENT = " " * 31


class Stop(Exception):
    """The original stops here: print this, exit 1."""


def options(argv):
    parser = OptionParser()
    parser.add_option('-s', '--seed', default=-1, help='the random seed', action='store', type='int', dest='seed')
    parser.add_option('-f', '--forks', default=0.7, help='percent of actions that are forks (not exits)', action='store', type='float', dest='fork_percentage')
    parser.add_option('-A', '--action_list', default='', help='action list, instead of randomly generated ones (format: a+b,b+c,b- means a fork b, b fork c, b exit)', action='store', type='string', dest='action_list')
    parser.add_option('-a', '--actions', default=5, help='number of forks/exits to do', action='store', type='int', dest='actions')
    parser.add_option('-t', '--show_tree', help='show tree (not actions)', action='store_true', default=False, dest='show_tree')
    parser.add_option('-P', '--print_style', help='tree print style (basic, line1, line2, fancy)', action='store', type='string', default='fancy', dest='print_style')
    parser.add_option('-F', '--final_only', help='just show final state', action='store_true', default=False, dest='just_final')
    parser.add_option('-L', '--leaf_only', help='only leaf processes exit', action='store_true', default=False, dest='leaf_only')
    parser.add_option('-R', '--local_reparent', help='reparent to local parent', action='store_true', default=False, dest='local_reparent')
    parser.add_option('-c', '--compute', help='compute answers for me', action='store_true', default=False, dest='solve')
    return parser.parse_args(argv)[0]


# ---- drawing the actions, as the book's tool draws them --------------------------------------

def randint(low, high):
    return int(low + random.random() * (high - low + 1))


def choice(items):
    return items[randint(0, len(items) - 1)]


def names():
    """b, c, ..., Z, then aa, ab, ... (the root is a)."""
    current = NAMES
    for name in current[1:]:
        yield name
    while True:
        current = [first + second for first in current for second in NAMES]
        yield from current


def random_actions(count, fork_chance):
    actions, alive, fresh = [], [ROOT], names()
    while len(actions) < count:
        if random.random() < fork_chance:
            parent, child = choice(alive), next(fresh)
            actions.append("%s+%s" % (parent, child))
            alive.append(child)
        else:
            victim = choice(alive)
            if victim == ROOT:
                continue            # the root never exits (the draw is spent all the same)
            alive.remove(victim)
            actions.append("%s-" % victim)
    return actions


def parse(action):
    """'a+b' -> ('fork', 'a', 'b'); 'b-' -> ('exit', 'b', None)."""
    for sign, kind in (("+", "fork"), ("-", "exit")):
        if sign in action:
            parts = action.split(sign)
            if len(parts) != 2:
                break
            return kind, parts[0], parts[1] if kind == "fork" else None
    raise Stop("bad action (%s), must be X+Y or X- where X and Y are processes" % action)


# ---- the book's model of the tree ------------------------------------------------------

class Tree:
    """The book's model, kept as its tool keeps it: the names alive (a list:
    a name forked twice is there twice), each one's children and parent; an
    exited name's entries become -1.  A name used twice or after its exit
    then gives the book's own odd trees, or its own failure."""

    def __init__(self, local_reparent):
        self.local_reparent = local_reparent
        self.living = [ROOT]
        self.children = {ROOT: []}
        self.parent = {}

    def alive(self, name):
        return name in self.living

    def fork(self, parent, child):
        self.living.append(child)
        self.children[child] = []           # (before the append: a+a is its own child)
        self.children[parent].append(child)
        self.parent[child] = parent

    def exit(self, name):
        """The orphans go to the exiting process's parent (-R), or else every
        descendant goes to the root, as the book's model has it."""
        parent = self.parent[name]
        self.living.remove(name)
        if self.local_reparent:
            for orphan in self.children[name]:
                self.parent[orphan] = parent
                self.children[parent].append(orphan)
        else:
            descendants = self.subtree(name)
            descendants.remove(name)
            for d in descendants:
                self.children[d] = []
                self.parent[d] = ROOT
                self.children[ROOT].append(d)
        self.children[parent].remove(name)
        self.children[name] = -1
        self.parent[name] = -1

    def subtree(self, name):
        """name and all below it, depth first."""
        if self.children[name] == []:
            return [name]
        out = [name]
        for child in self.children[name]:
            out += self.subtree(child)
        return out

    def lines(self, style):
        """The tree as the book prints it, 31 spaces in, a line at a time."""
        if style == "basic":
            return self.basic(ROOT, 0)
        return self.fancy(ROOT, 0, {}, False, STYLES[style])

    def basic(self, name, level):
        yield INDENT + "   " * level + "%2s" % name
        for child in self.children[name]:
            yield from self.basic(child, level + 1)

    def fancy(self, name, level, open_, last, chars):
        """open_[i]: does the line of level i still go on below?  (One record for
        the whole walk: a last child closes its parent level's line.)"""
        vertical, horizontal, branch, end = chars
        prefix = ""
        if level > 0:
            prefix = "".join(vertical + "   " if open_[i] else "    " for i in range(level - 1))
            if open_[level - 1]:
                prefix += (end if last else branch) + horizontal * 2 + " "
            else:
                prefix += " " + horizontal * 3 + " "
        yield INDENT + prefix + name
        if last:
            open_[level - 1] = False
        open_[level] = True
        kids = self.children[name]
        for child in kids[:-1]:
            yield from self.fancy(child, level + 1, open_, False, chars)
        for child in kids[-1:]:
            yield from self.fancy(child, level + 1, open_, True, chars)


# ---- the real processes ------------------------------------------------------------

class Machine:
    """The named processes, for real: each waits on its own command pipe.  A
    process is known by its slot (the root's, or the number of the action that
    forked it), since a name may be forked twice; a name means its newest."""

    def __init__(self, slots, local_reparent):
        """A command pipe for every slot: every process inherits them."""
        self.local_reparent = local_reparent
        self.retired = False
        self.pids = {}                      # slot -> pid, of those alive
        self.slot = {ROOT: ROOT}            # name -> its newest slot
        self.commands = {slot: os.pipe() for slot in slots}
        self.answers, self.answer_w = os.pipe()

    def start(self):
        pid = os.fork()
        if pid == 0:
            self.life(ROOT)
        self.pids[ROOT] = self.read_pid()
        self.first = pid

    def life(self, slot):
        """A named process: tell our pid, then obey until told to exit."""
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # the kernel reaps our children
        if self.local_reparent:
            adopt_orphans()
        os.write(self.answer_w, b"%d\n" % os.getpid())
        while True:
            command = read_line(self.commands[slot][0])
            if command.startswith("fork "):
                try:
                    if os.fork() == 0:
                        self.life(command[5:])
                except OSError as e:        # (the process limit, say): the controller says so
                    os.write(self.answer_w, b"error %d\n" % e.errno)
            else:                   # "exit", or the controller is gone
                os._exit(0)

    def read_pid(self):
        answer = read_line(self.answers)
        if answer.startswith("error "):
            code = int(answer.split()[1])
            raise OSError(code, "fork: " + os.strerror(code))
        return int(answer)

    def fork(self, parent, child, slot):
        if self.retired:
            return
        self.tell(self.slot[parent], "fork " + slot)
        try:
            self.pids[slot] = self.read_pid()
        except OSError as e:
            if e.errno != errno.EAGAIN:
                raise
            self.retire()
            return
        self.slot[child] = slot

    def retire(self):
        """Past the processes a user may have (RLIMIT_NPROC): everyone exits, and
        the rest of the story is the book's model alone, as in its own tool."""
        self.stop()
        self.retired = True

    def exit(self, name):
        if self.retired:
            return
        self.end(self.slot[name])

    def end(self, slot):
        self.tell(slot, "exit")
        pid = self.pids.pop(slot)
        while not gone(pid):        # its parent (or init) reaps it
            time.sleep(0.001)

    def tell(self, slot, command):
        os.write(self.commands[slot][1], command.encode() + b"\n")

    def stop(self):
        """Everyone exits, the youngest first."""
        if self.retired:
            return
        for slot in reversed(list(self.pids)):
            if slot != ROOT:
                self.end(slot)
        self.tell(ROOT, "exit")
        os.waitpid(self.first, 0)


def adopt_orphans():
    """Be a subreaper: the orphans of our descendants come to us, not to init
    (Linux's prctl(PR_SET_CHILD_SUBREAPER); vshell's /proc/self/subreaper).
    Elsewhere, as under the host's python3, orphans go to init."""
    try:
        with open("/proc/self/subreaper", "w") as f:
            f.write("1")
    except OSError:
        pass


def read_line(fd):
    line = b""
    while not line.endswith(b"\n"):
        chunk = os.read(fd, 1)
        if not chunk:
            break
        line += chunk
    return line.decode().rstrip("\n")         # (a name may be empty, or have spaces)


def gone(pid):
    try:
        os.kill(pid, 0)
        return False
    except ProcessLookupError:
        return True


# ---- the homework -----------------------------------------------------------------

def header(opts):
    print("")
    for name, value in (("seed", opts.seed), ("fork_percentage", opts.fork_percentage),
                        ("actions", opts.actions), ("action_list", opts.action_list),
                        ("show_tree", opts.show_tree), ("just_final", opts.just_final),
                        ("leaf_only", opts.leaf_only), ("local_reparent", opts.local_reparent),
                        ("print_style", opts.print_style), ("solve", opts.solve)):
        print("ARG", name, value)
    print("")


def show(tree, opts):
    if opts.print_style != "basic" and opts.print_style not in STYLES:
        print(INDENT, end="")
        raise Stop("bad style %s" % opts.print_style)
    for line in tree.lines(opts.print_style):
        print(line)


def act(tree, machine, number, action, opts):
    """Do action number in the model and for real; what the book says happened."""
    kind, name, child = parse(action)
    if not tree.alive(name):
        raise Stop("bad action (%s), must be X+Y or X- where X and Y are processes" % action)
    if kind == "fork":
        tree.fork(name, child)
        machine.fork(name, child, str(number))
        return "%s forks %s" % (name, child)
    if opts.leaf_only and len(tree.children[name]) > 0:
        return "%s EXITS (failed: has children)" % name
    if name == ROOT:
        raise Stop("root process: cannot exit")
    tree.exit(name)
    machine.exit(name)
    return "%s EXITS" % name


def play(opts):
    tree = Tree(opts.local_reparent)
    print("                           Process Tree:")
    show(tree, opts)
    print("")
    if opts.action_list != "":
        actions = opts.action_list.split(",")
    else:
        actions = random_actions(opts.actions, opts.fork_percentage)
    slots = [str(n) for n, action in enumerate(actions) if action.count("+") == 1]
    machine = Machine([ROOT] + slots, opts.local_reparent)
    machine.start()
    try:
        story(tree, machine, actions, opts)
    finally:
        machine.stop()


def story(tree, machine, actions, opts):
    for number, action in enumerate(actions):
        what = act(tree, machine, number, action, opts)
        if opts.show_tree:                  # trees shown: guess the actions
            print("Action: %s" % what if opts.solve else "Action?")
            if not opts.just_final:
                show(tree, opts)
        else:                               # actions shown: guess the trees
            print("Action:", what)
            if opts.just_final:
                pass
            elif opts.solve:
                show(tree, opts)
            else:
                print("Process Tree?")
    if opts.just_final:
        if opts.show_tree or opts.solve:
            print("\n                        Final Process Tree:")
            show(tree, opts)
            print("")
        else:
            print("\n                        Final Process Tree?\n")


def main(argv):
    opts = options(argv)
    if opts.seed != -1:
        random.seed(opts.seed, version=1)
    if opts.fork_percentage <= 0.001:
        print("fork_percentage must be > 0.001")
        return 1
    header(opts)
    try:
        play(opts)
    except Stop as e:
        print(e)
        return 1
    except Exception as e:      # where the book's tool stops with a traceback: its last line
        sys.stdout.flush()
        print(traceback.format_exception_only(type(e), e)[-1], end="", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
