"""Non-ASCII text is encoded as UTF-8; the stream's encoding and error handlers."""
import sys

print("héllo wörld ✓ 日本 😀")
print(len("😀"), len("😀".encode()))
print(sys.stdout.encoding, sys.stderr.encoding, sys.stderr.errors)
print("é to stderr", file=sys.stderr)
sys.stdout.buffer.write("raw é\n".encode("latin-1"))
