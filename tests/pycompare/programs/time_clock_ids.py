"""clock_gettime and the clock ids; get_clock_info."""
import time

a = time.clock_gettime(time.CLOCK_MONOTONIC)
time.sleep(0.01)
print("monotonic advances:", time.clock_gettime(time.CLOCK_MONOTONIC) > a)
print("realtime near time():", abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
print("ns:", isinstance(time.clock_gettime_ns(time.CLOCK_MONOTONIC), int))
info = time.get_clock_info("monotonic")
print(info.monotonic, info.adjustable, info.implementation)
print("thread_time:", time.thread_time() >= 0, "process_time_ns:", time.process_time_ns() >= 0)
