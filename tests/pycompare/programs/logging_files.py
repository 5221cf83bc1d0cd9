"""logging into files of the machine: basicConfig(filename=...), FileHandler,
RotatingFileHandler, other format styles, filters and dictConfig."""
import logging
import logging.config
import logging.handlers
import os
import sys

logging.basicConfig(filename="app.log", filemode="w", level=logging.DEBUG,
                    format="%(levelname)s %(name)s: %(message)s")
logging.debug("into the file")
logging.getLogger("a.b").info("from a.b")
logging.basicConfig(level=logging.ERROR)          # already configured: does nothing
logging.info("still into the file")
print(open("app.log").read(), end="")

brace = logging.getLogger("brace")
h = logging.FileHandler("brace.log", mode="w")
h.setFormatter(logging.Formatter("{levelname:>8} | {message}", style="{"))
brace.addHandler(h)
brace.warning("brace style")
dollar = logging.StreamHandler(sys.stdout)
dollar.setFormatter(logging.Formatter("$levelname says $message", style="$"))
brace.addHandler(dollar)
brace.error("dollar style too")
h.close()
print(open("brace.log").read(), end="")


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0


rot = logging.getLogger("rotating")
rot.propagate = False
handler = logging.handlers.RotatingFileHandler("rot.log", maxBytes=40, backupCount=2)
handler.addFilter(OnlyEven())
rot.addHandler(handler)
for i in range(12):
    rot.warning("message number %d", i)
handler.close()
print(sorted(name for name in os.listdir(".") if name.startswith("rot.log")))
print(open("rot.log").read(), end="")

logging.config.dictConfig({
    "version": 1,
    "formatters": {"short": {"format": "[%(levelname)s] %(message)s"}},
    "handlers": {"out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                         "formatter": "short"}},
    "root": {"handlers": ["out"], "level": "INFO"},
})
logging.info("configured from a dict")
logging.getLogger("a.b").info("existing loggers are disabled by dictConfig")
logging.shutdown()
