"""PYTHONIOENCODING=ENCODING[:ERRORS]: an encoding without errors is strict; errors
alone keep UTF-8; stderr stays backslashreplace."""
import os
import sys

sys.stdout.flush()
for env in ("PYTHONIOENCODING=ascii", "PYTHONIOENCODING=ascii:replace", "PYTHONIOENCODING=latin-1",
            "PYTHONIOENCODING=latin-1:", "PYTHONIOENCODING=:replace", "LC_ALL=C",
            "LC_ALL=C PYTHONIOENCODING=ascii"):
    os.system(env + " python -c 'import sys; print(sys.stdout.encoding, sys.stdout.errors, "
              "sys.stdin.errors, sys.stderr.errors); print(\"\\u00e9\")' 2>&1; echo \"[$?]\"")
