"""OSTEP's homework: the child closes fd 1, then prints. Flushing at exit fails."""
import os

pid = os.fork()
if pid == 0:
    os.close(1)
    print("child: this goes nowhere")
else:
    _, status = os.wait()
    print("parent: child's exit status", os.WEXITSTATUS(status))
