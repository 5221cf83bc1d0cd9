"""warnings.warn writes the warning and the source line to stderr, once per place."""
import warnings


def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    warnings.warn("a user warning")


for _ in range(2):
    old()
print("done")
