"""logging: loggers in a tree, levels, handlers and formats, on stderr and stdout."""
import logging
import sys

logging.warning("before any configuration: %s", "lastResort handler")
logging.info("not shown: the root logger's level is WARNING")
log = logging.getLogger("app")
log.setLevel(logging.DEBUG)
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter(
    "%(name)s|%(levelname)s|%(levelno)d|%(message)s|%(funcName)s|%(lineno)d|%(module)s"))
log.addHandler(out)
log.debug("debug")
log.info("info %d", 1)


def work():
    log.error("inside %s", "work")


work()
try:
    1 / 0
except ZeroDivisionError:
    log.exception("caught it")
child = logging.getLogger("app.db")
child.warning("propagates to app's handler, then to the root's")
print(child.parent is log, child.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))
child.propagate = False
child.warning("not propagated, no handler: lost? no -- lastResort")
out.setLevel(logging.ERROR)
log.warning("below the handler's level")
log.critical("above it")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("INFO"))
logging.addLevelName(25, "NOTICE")
out.setLevel(logging.NOTSET)
log.log(25, "a level of my own")
logging.LoggerAdapter(log, {"user": "student"}).info("through an adapter")
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
log.info("enabled again")
print(logging.getLogger() is logging.root, logging.getLogger("app") is log)
