"""A module beside the script is importable (sys.path[0] is the script's directory)."""
import _helper_mod

print(_helper_mod.greet("student"))
print(_helper_mod.__name__, _helper_mod.__file__)
