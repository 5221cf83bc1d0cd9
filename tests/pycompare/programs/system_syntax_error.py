"""os.system runs `sh -c CMD`: the shell's error messages start with its $0, 'sh'."""
import os

print(os.system("echo 'unterminated"), flush=True)
print(os.system("no_such_cmd_xyz"), flush=True)
print(os.system("echo $0"), flush=True)
