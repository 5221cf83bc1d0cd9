"""unittest.main() reports on the process's sys.stderr and reads its argv and __main__."""
import io
import re
import sys
import unittest


class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual(1, 2)


real, sys.stderr = sys.stderr, io.StringIO()
program = unittest.main(exit=False)
report, sys.stderr = sys.stderr.getvalue(), real
print(re.sub(r" in \d+\.\d+s", " in (time)", report), end="", file=sys.stderr)
sys.exit(not program.result.wasSuccessful())
