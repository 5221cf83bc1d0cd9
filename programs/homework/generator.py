#!/usr/bin/env python3
"""generator.py: OSTEP's fork/wait homework (chapter 5), in Python.

    generator.py -s 3                 a random program: what does it print?
    generator.py -s 3 -c              run it for real: its output and its tree
    generator.py -A "fork b,1 {} wait" -c

The same flags and the same random programs as the book's generator.py, but
the programs are Python, not C.  It writes two: read.py (-r NAME), which
reads like the book's C -- fork_or_die(), sleep, wait_or_die(), exit -- and
is what it prints; and run.py (-R NAME), the same program with a line printed
at each step (`3 a->b`: at second 3, a forked b; `b+` b began, `b-` b ended,
`a<-b` a's wait returned b), which -c runs: real forks, sleeps, waits and
exits.  After the run comes the process tree its forks made.
"""
import os
import random
import re
import string
import sys
import traceback
from optparse import OptionParser

NAMES = string.ascii_lowercase + string.ascii_uppercase


class Stop(Exception):
    """The original stops here: print this, exit 1."""


def options(argv):
    parser = OptionParser()
    parser.add_option('-s', '--seed', default=-1, help='random seed', action='store', type='int', dest='seed')
    parser.add_option('-r', '--readable', default='read', help='file to read (e.g., "read", to produce read.c)', action='store', type='string', dest='readable')
    parser.add_option('-R', '--runnable', default='run', help='file to run (e.g., "run", to produce run.c)', action='store', type='string', dest='runnable')
    parser.add_option('-n', '--num_actions', default=10, help='num actions', action='store', type='int', dest='num_actions')
    parser.add_option('-f', '--fork_chance', default=30, help='chances that a program will fork', action='store', type='int', dest='fork_chance')
    parser.add_option('-w', '--wait_chance', default=40, help='chances that a program will wait', action='store', type='int', dest='wait_chance')
    parser.add_option('-e', '--exit_chance', default=30, help='chances that a program will exit', action='store', type='int', dest='exit_chance')
    parser.add_option('-S', '--sleep_time', default=10, help='max sleep time for a process', action='store', type='int', dest='max_sleep_time')
    parser.add_option('-A', '--action_list', default='none', help='action list, instead of randomly generated ones (simple example: "fork b,10 {} wait" is a program that runs a process (called a) which then forks process b which runs for 10 seconds, and then a waits for b to complete; see README for details', action='store', type='string', dest='action_list')
    parser.add_option('-c', '--compute', help='compute answers for me', action='store_true', default=False, dest='solve')
    return parser.parse_args(argv)[0]


# ---- the program: a list of actions ('fork b 6', 'wait', 'exit') --------------------------

def randint(low, high):
    return int(low + random.random() * (high - low + 1))


def random_program(count, max_sleep, fork_chance, wait_chance, exit_chance):
    """Draw actions as the book's tool does: fork (a new child, which sleeps),
    wait (if a child is left to wait for), or exit (after the waits it owes)."""
    total = fork_chance + wait_chance + exit_chance
    if total != 100:
        raise Stop("fork/wait/exit chance must sum to 100, but sums to %d" % total)
    fork_below = fork_chance / 100.0
    wait_below = (fork_chance + wait_chance) / 100.0
    actions, owed, names = [], [0], iter(NAMES[1:])     # owed[level]: waits still to do
    done = 0
    while done < count:
        r = random.random()
        if r < fork_below:
            name = next(names, None)
            if name is None:
                raise Stop("program generator: out of names (too many processes)")
            actions.append("fork %s %d" % (name, randint(1, max_sleep)))
            owed[-1] += 1
            owed.append(0)
            done += 1
        elif r < wait_below:
            if owed[-1] > 0:
                actions.append("wait")
                owed[-1] -= 1
                done += 1
        elif len(owed) > 1:
            done += finish(actions, owed)
    while owed:
        finish(actions, owed)
    return actions


def finish(actions, owed):
    """A process ends: the waits it owes, then exit (the root just returns)."""
    n = owed.pop()
    actions += ["wait"] * n
    if owed:
        actions.append("exit")
    return n + 1


def parse(program):
    """-A's language, e.g. 'fork b,10 { fork c,1 {} wait } wait'."""
    def abort_if(condition, message):
        if condition:
            raise Stop("bad program: [%s]\n%s" % (program, message))

    text = program
    comma = re.compile(r"\s*,\s*")
    m = comma.search(text)
    while m:                    # (the book's way of tidying commas, kept for its quirks)
        text = text.replace(m.group(), ",", 1)
        m = comma.search(text, m.end())
    tokens = text.replace("{", " { ").replace("}", " } ").split()
    actions, owed, braces, i = [], [0], 0, 0
    while i < len(tokens):
        token = tokens[i]
        if token == "fork":
            owed[-1] += 1
            owed.append(0)
            abort_if(len(tokens) < i + 2, "malformed program: fork needs process name,sleep length "
                                          "plus {description} of what the forked process should do")
            args = tokens[i + 1].split(",")
            abort_if(len(args) != 2, "not enough args to fork (process name, sleep time)")
            abort_if(tokens[i + 2] != "{", "must have {} following fork")
            actions.append("fork %s %s" % (args[0], args[1]))
            i += 2
            braces += 1
        elif token == "}":
            abort_if(len(owed) == 1, "extra close brace")
            actions.append("exit")
            abort_if(owed[-1] != 0, "#waits does not match #forks")
            owed.pop()
            braces -= 1
        elif token == "wait":
            owed[-1] -= 1
            actions.append("wait")
        else:
            abort_if(True, "unrecognized token %s" % token)
        i += 1
    abort_if(owed[0] != 0, "#waits does not match #forks")
    abort_if(braces != 0, "unbalanced braces")
    return actions


# ---- the two Python programs ------------------------------------------------------------

READABLE_HEAD = '''#!/usr/bin/env python3
import os
import sys
import time


def wait_or_die():
    rc, status = os.wait()
    assert rc > 0


def fork_or_die():
    rc = os.fork()
    assert rc >= 0
    return rc


def main():
'''

RUNNABLE_HEAD = '''#!/usr/bin/env python3
import os
import sys
import time

t_start = time.time()
names = {}                      # pid -> the name of the child with that pid


def say(name, text):
    """The time since the start, the name's column, the text."""
    indent = " " * (5 * (ord(name[0]) - ord("a")))
    print("%3d %s%s" % (int(time.time() - t_start), indent, text), flush=True)


def Record(pid, name):
    names[pid] = name


def Wait(name):
    rc, status = os.wait()
    assert rc > 0
    say(name, "%s<-%s" % (name, names[rc]))


def Fork(parent, child):
    say(parent, "%s->%s" % (parent, child))


def Begin(name):
    say(name, "%s+" % name)


def End(name):
    say(name, "%s-" % name)
    sys.exit(0)


def fork_or_die():
    rc = os.fork()
    assert rc >= 0
    return rc


def main():
'''

TAIL = '''    return 0


if __name__ == "__main__":
    sys.exit(main())
'''


def readable(actions):
    lines, depth = [("# process a", 1)], 1
    for action in actions:
        words = action.split(" ")
        if words[0] == "fork":
            lines += [("if fork_or_die() == 0:", depth), ("time.sleep(%s)" % words[2], depth + 1),
                      ("# process %s" % words[1], depth + 1)]
            depth += 1
        elif words[0] == "exit":
            lines.append(("sys.exit(0)", depth))
            depth -= 1
        else:
            lines.append(("wait_or_die()", depth))
    return READABLE_HEAD + "".join("    " * d + text + "\n" for text, d in lines) + TAIL


def runnable(actions):
    """(The book's runnable program knows whom each wait is for: a wait with
    no child left to wait for stops it, as an exit with children unwaited.)"""
    lines, depth, current, parents = [('Begin("a")', 1)], 1, "a", []
    unwaited = {"a": []}
    for action in actions:
        words = action.split(" ")
        if words[0] == "fork":
            child = words[1]
            unwaited[current].append(child)
            unwaited[child] = []
            lines += [('Fork("%s", "%s")' % (current, child), depth),
                      ("rc = fork_or_die()", depth), ("if rc == 0:", depth),
                      ("time.sleep(%s)" % words[2], depth + 1), ('Begin("%s")' % child, depth + 1)]
            parents.append(current)
            current, depth = child, depth + 1
        elif words[0] == "exit":
            if unwaited[current]:
                raise Stop("error: thread cannot exit without performing all needed waits\n"
                           "  thread %s has outstanding children: %s" % (current, unwaited[current]))
            lines.append(('End("%s")' % current, depth))
            depth -= 1
            lines.append(('Record(rc, "%s")' % current, depth))
            current = parents.pop()
        else:
            unwaited[current].pop(0)        # (none left: IndexError, as the book's tool)
            lines.append(('Wait("%s")' % current, depth))
    return RUNNABLE_HEAD + "".join("    " * d + text + "\n" for text, d in lines) + TAIL


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o755)


# ---- -c: run it, then draw the tree its forks made --------------------------------------

def run(path):
    """Run the program with its output through a pipe: echo it, and return it."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(w, 1)
        os.close(r)
        os.execv(path, [path])
    os.close(w)
    seen = b""
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        os.write(1, data)
        seen += data
    os.close(r)
    os.waitpid(pid, 0)
    return seen.decode()


def tree(output):
    """The tree of the run's `p->c` lines."""
    children = {"a": []}
    for line in output.splitlines():
        m = re.search(r"(\w+)->(\w+)$", line)
        if m:
            children.setdefault(m.group(1), []).append(m.group(2))
            children.setdefault(m.group(2), [])
    lines = ["a"]

    def walk(name, prefix):
        kids = children[name]
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            lines.append(prefix + ("\u2514\u2500\u2500 " if last else "\u251c\u2500\u2500 ") + kid)
            walk(kid, prefix + ("    " if last else "\u2502   "))
    walk("a", "")
    return lines


def main(argv):
    opts = options(argv)
    if opts.seed != -1:
        random.seed(opts.seed, version=1)
    for ok, message in ((opts.max_sleep_time >= 1, "max sleep time must be >= 1"),
                        (1 <= opts.fork_chance <= 99, "fork chance must be between 1 and 99"),
                        (1 <= opts.wait_chance <= 99, "wait chance must be between 1 and 99"),
                        (1 <= opts.exit_chance <= 99, "exit chance must be between 1 and 99")):
        if not ok:
            print(message)
            return 1
    try:
        return homework(opts)
    except Stop as e:
        print(e)
        return 1
    except Exception as e:      # where the book's tool stops with a traceback: its last line
        sys.stdout.flush()
        print(traceback.format_exception_only(type(e), e)[-1], end="", file=sys.stderr)
        return 1


def homework(opts):
    """The program drawn or parsed; read.py written, then run.py (opened before
    it is made, as the book's tool opens run.c); printed, or run."""
    if opts.action_list == "none":
        actions = random_program(opts.num_actions, opts.max_sleep_time, opts.fork_chance,
                                 opts.wait_chance, opts.exit_chance)
    else:
        actions = parse(opts.action_list)
    read_path, run_path = opts.readable + ".py", opts.runnable + ".py"
    write(read_path, readable(actions))
    with open(run_path, "w") as f:
        f.write(runnable(actions))
    os.chmod(run_path, 0o755)
    if not opts.solve:
        with open(read_path) as f:          # (what the file holds, as the book's `cat`)
            print(f.read())
        return 0
    sys.stdout.flush()
    output = run(run_path if "/" in run_path else "./" + run_path)
    print("\nThe process tree (who forked whom):")
    for line in tree(output):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
