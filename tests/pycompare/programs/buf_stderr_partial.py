"""stderr holds a partial line until a newline or exit; interleaving with stdout."""
import sys

sys.stderr.write("partial ")
print("stdout line")
sys.stdout.flush()
sys.stderr.write("completed\n")
sys.stderr.write("pending at exit")
print("final stdout")
