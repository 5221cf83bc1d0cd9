"""User space for Python programs: the os, sys, signal and time modules they see."""
