"""An error inside a function CPython writes in Python (os.makedirs) shows its frame."""
import os

os.makedirs("a/b")
os.makedirs("a/b")
