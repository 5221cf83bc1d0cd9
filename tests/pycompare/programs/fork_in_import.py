"""A module that forks while it is being imported."""
import os

import _forking_mod

if _forking_mod.pid == 0:
    print("child: the import finished in the child too", flush=True)
    os._exit(0)
os.waitpid(_forking_mod.pid, 0)
print("parent: module attribute", _forking_mod.value)
