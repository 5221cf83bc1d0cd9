"""Clocks move forward across sleep; relations only, never values."""
import time

t0, m0, p0 = time.time(), time.monotonic(), time.perf_counter()
n0 = time.time_ns()
time.sleep(0.05)
print("time advanced >= 0.05:", time.time() - t0 >= 0.05)
print("monotonic advanced >= 0.05:", time.monotonic() - m0 >= 0.05)
print("perf_counter advanced >= 0.05:", time.perf_counter() - p0 >= 0.05)
print("time_ns agrees:", time.time_ns() - n0 >= 50_000_000)
print("process_time is small:", 0 <= time.process_time() < 5)
print("sleep(0) returns None:", time.sleep(0))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
print(time.gmtime(0))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)))
print(time.asctime(time.gmtime(86400 * 365)))
lt = time.localtime()
print(type(lt).__name__, lt.tm_year >= 2024, len(lt))
print(time.mktime(time.localtime(1234567890)) == 1234567890)
