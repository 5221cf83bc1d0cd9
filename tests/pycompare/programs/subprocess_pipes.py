"""subprocess with pipes: a pipeline of two children, a dialogue over stdin and
stdout, a child's output read line by line, and output into a file."""
import subprocess

# printf | sort, connected by the parent as a shell would
p1 = subprocess.Popen(["printf", "pear\\napple\\nfig\\n"], stdout=subprocess.PIPE)
p2 = subprocess.Popen(["sort"], stdin=p1.stdout, stdout=subprocess.PIPE)
p1.stdout.close()                  # so that sort sees EOF when printf ends
print(p2.communicate()[0], p1.wait(), p2.returncode)

# a dialogue: write a line, read the answer
p = subprocess.Popen(["tr", "a-z", "A-Z"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     text=True)
p.stdin.write("shout this\n")
p.stdin.close()
print(repr(p.stdout.readline()), p.wait())

# reading a child's output as it comes, line by line
with subprocess.Popen(["seq", "3"], stdout=subprocess.PIPE, text=True) as p:
    for line in p.stdout:
        print("got", line.strip())
print("status", p.returncode)

# into a file, and from a file
with open("numbers.txt", "w") as f:
    subprocess.run(["seq", "5", "-1", "1"], stdout=f)
with open("numbers.txt") as f:
    print(subprocess.run(["sort", "-n"], stdin=f, capture_output=True, text=True).stdout.split())
print(subprocess.run(["cat", "numbers.txt"], stdout=subprocess.DEVNULL).stdout)
print(subprocess.run(["head", "-1"], input="first\nsecond\n", capture_output=True,
                     text=True).stdout, end="")
