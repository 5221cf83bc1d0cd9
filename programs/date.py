#!/usr/bin/env python3
"""date [+FORMAT]: print the date and time (the kernel's clock), as GNU date.

  +FORMAT    strftime's format: %Y-%m-%d %H:%M:%S, %a %b %e, %j, %s, %N (nanoseconds)...
  -u         in UTC rather than the local time zone
  -d WHEN    show WHEN instead of now: @SECONDS, "now", YYYY-MM-DD [HH:MM[:SS]]
  -I         ISO 8601 date (2026-01-01)      -R  RFC 5322 (Thu, 01 Jan 2026 00:00:00 +0000)

The default format is GNU's: Thu Jan  1 00:00:00 UTC 2026.
"""
import calendar
import datetime
import getopt
import os
import re
import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


def fail(msg: str, usage: bool = False) -> "NoReturn":
    sys.stderr.write(f"date: {msg}\n")
    if usage:
        sys.stderr.write("Try 'date --help' for more information.\n")
    sys.exit(1)


def parse_when(text: str, utc: bool) -> float:
    text = text.strip()
    if text in ("", "now"):
        return time.time()
    m = re.fullmatch(r"@(-?\d+(?:\.\d+)?)", text)
    if m:
        return float(m.group(1))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?", text)
    if m:
        year, month, day, hour, minute, second = (int(g or 0) for g in m.groups())
        try:
            datetime.datetime(year, month, day, hour, minute, second)   # a real date and time?
            t = (year, month, day, hour, minute, second, 0, 0, -1)
            return calendar.timegm(t) if utc else time.mktime(t)
        except (ValueError, OverflowError):
            pass
    fail(f"invalid date ‘{text}’")


def main() -> int:
    try:
        opts, args = getopt.gnu_getopt(sys.argv[1:], "ud:IR", ["help", "utc", "date="])
    except getopt.GetoptError as e:
        fail(f"unrecognized option '--{e.opt}'" if len(e.opt) > 1 else
             f"option requires an argument -- '{e.opt}'" if "requires" in e.msg else
             f"invalid option -- '{e.opt}'", usage=True)
    flags = dict(opts)
    if "--help" in flags:
        print(__doc__)
        return 0
    utc = bool(flags.keys() & {"-u", "--utc"})
    fmt = "%a %b %e %H:%M:%S %Z %Y"
    if "-I" in flags:
        fmt = "%Y-%m-%d"
    if "-R" in flags:
        fmt = "%a, %d %b %Y %H:%M:%S %z"
    for arg in args:
        if not arg.startswith("+"):
            fail(f"invalid date ‘{arg}’")        # setting the clock is not supported
        fmt = arg[1:]
    if len(args) > 1:
        fail(f"extra operand ‘{args[1]}’", usage=True)
    when = parse_when(flags.get("-d", flags.get("--date", "now")), utc)
    tm = time.gmtime(when) if utc else time.localtime(when)
    own = {"N": "%09d" % round((when % 1) * 1e9), "s": str(int(when)),
           "Z": "UTC" if utc else "%Z"}          # what strftime does not know or gets wrong
    fmt = re.sub(r"%([%NsZ])", lambda m: own.get(m.group(1), "%%"), fmt)
    print(time.strftime(fmt, tm))
    return 0


try:
    status = main()
    sys.stdout.flush()
except OSError as e:          # standard output could not be written (a full disk)
    sys.stderr.write(f"date: write error: {e.strerror}\n")
    os._exit(1)
sys.exit(status)
