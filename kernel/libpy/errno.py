"""The `errno` module as a virtual process sees it: the machine's error numbers
(kernel/abi.py, Linux's), whatever the host's are, with the names, aliases and
`errorcode` map that CPython's errno module has on Linux."""
from kernel import abi as _abi

globals().update(_abi.ERRNOS)
errorcode = dict(_abi.ERRORCODE)
