"""The names in the environment a program gets from sh after a cd (OLDPWD among them)."""
import os

print(sorted(os.environ))
print("PWD is the cwd:", os.environ["PWD"] == os.getcwd())
print("OLDPWD:", os.environ.get("OLDPWD", "unset"))
