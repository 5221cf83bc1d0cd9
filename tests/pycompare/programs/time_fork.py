"""Values read from the clocks before fork are the same in the child (they are memory)."""
import datetime
import os
import time

before = {"time.time": time.time(), "time.monotonic": time.monotonic(),
          "time.perf_counter": time.perf_counter(), "time.time_ns": time.time_ns(),
          "time.process_time": time.process_time(), "time.localtime": tuple(time.localtime()),
          "time.gmtime": tuple(time.gmtime()), "os.times": tuple(os.times()),
          "datetime.now": datetime.datetime.now(), "datetime.utcnow": datetime.datetime.utcnow(),
          "date.today": datetime.date.today()}
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, repr(before).encode())
    os._exit(0)
os.waitpid(pid, 0)
child = eval(os.read(r, 10000).decode(), {"datetime": datetime})
for name, value in before.items():
    print(f"{name} equal in the child: {repr(child[name]) == repr(value)}")
