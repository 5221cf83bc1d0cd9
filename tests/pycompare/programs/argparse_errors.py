"""argparse's usage and error messages name the program from sys.argv[0]; status 2."""
import argparse
import os

parser = argparse.ArgumentParser(description="A demo.")
parser.add_argument("count", type=int)
parser.add_argument("-v", "--verbose", action="store_true")
print(parser.parse_args(["3", "-v"]))
parser.print_usage()
pid = os.fork()
if pid == 0:
    parser.parse_args(["many"])
_, st = os.waitpid(pid, 0)
print("status", os.waitstatus_to_exitcode(st), flush=True)
pid = os.fork()
if pid == 0:
    parser.parse_args(["--help"])
_, st = os.waitpid(pid, 0)
print("status", os.waitstatus_to_exitcode(st))
