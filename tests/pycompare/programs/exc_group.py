"""3.11's exception groups and notes, caught with except* and uncaught."""
try:
    raise ExceptionGroup("two problems", [ValueError("bad value"), TypeError("bad type")])
except* ValueError as eg:
    print("handled", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("handled", [str(e) for e in eg.exceptions])
e = KeyError("k")
e.add_note("a note about the key")
raise ExceptionGroup("outer", [e, ExceptionGroup("inner", [OSError(2, "No such file")])])
