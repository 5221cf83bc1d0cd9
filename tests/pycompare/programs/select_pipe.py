"""select tells which pipe has data ready."""
import os
import select

r1, w1 = os.pipe()
r2, w2 = os.pipe()
os.write(w2, b"x")
ready, _, _ = select.select([r1, r2], [], [], 0)
print("ready:", [fd == r2 for fd in ready])
print("timeout:", select.select([r1], [], [], 0.01))
_, writable, _ = select.select([], [w1], [], 0)
print("writable:", writable == [w1])
