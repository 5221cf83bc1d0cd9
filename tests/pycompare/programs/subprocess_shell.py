"""shell=True runs the command through /bin/sh -c: its pipes, variables,
redirections and exit statuses."""
import os
import subprocess

print(subprocess.run("echo one two | wc -w", shell=True, capture_output=True, text=True).stdout)
print(subprocess.run("exit 5", shell=True).returncode)
print(subprocess.check_output("echo $GREETING", shell=True, env={"GREETING": "hello",
                                                                 "PATH": os.environ["PATH"]}))
print(subprocess.check_output("echo $# $1 $2", shell=True))
subprocess.run("echo into a file > out.txt; echo again >> out.txt", shell=True)
print(open("out.txt").read(), end="")
print(subprocess.run(["echo $0"], shell=True, capture_output=True, text=True).returncode)
print(subprocess.run("cd /; pwd", shell=True, capture_output=True, text=True).stdout, end="")
print(os.getcwd() != "/")
print(subprocess.run("false || echo recovered", shell=True, capture_output=True).stdout)
print(subprocess.call("test -d /tmp && echo yes", shell=True))
