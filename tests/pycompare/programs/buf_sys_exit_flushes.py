"""sys.exit flushes stdio (finally blocks and all): the text is kept."""
import sys

try:
    print("in try")
    sys.exit(4)
finally:
    print("finally runs")
