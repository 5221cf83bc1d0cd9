"""A module of the corpus that forks while it is imported (fork_in_import.py)."""
import os

value = 42
pid = os.fork()
