"""communicate() feeds a child's stdin while it reads its stdout and stderr,
however much flows each way (more than a pipe holds)."""
import subprocess

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"x" * 300000)
print(len(out), err, p.returncode)

p = subprocess.Popen(["sh", "-c", "cat; echo done >&2"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
out, err = p.communicate("line one\nline two\n")
print(repr(out), repr(err))
print(p.communicate())             # again: nothing more, and no error

r = subprocess.run(["wc", "-c"], input=b"y" * 100000, capture_output=True)
print(r.stdout.split(), r.stderr)
r = subprocess.run(["sh", "-c", "echo to out; echo to err >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(r.stdout)
r = subprocess.run(["cat"], input="crlf\r\nline\n", capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["cat"], input=b"raw\r\n", capture_output=True)
print(repr(r.stdout), r.args, r)
print(subprocess.check_output(["printf", "%s-", "a", "b"], universal_newlines=True))
