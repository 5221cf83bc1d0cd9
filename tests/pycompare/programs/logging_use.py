"""logging to stderr with the default format."""
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
logging.info("started")
logging.getLogger("worker").warning("careful")
print("stdout line")
