"""exec replaces the program without flushing: buffered text is lost (into a pipe or file)."""
import os

print("buffered before exec: lost")
os.execvp("echo", ["echo", "echo ran"])
