"""An uncaught KeyboardInterrupt raised by the program: traceback, then death by SIGINT (130)."""
print("raising", flush=True)
raise KeyboardInterrupt
