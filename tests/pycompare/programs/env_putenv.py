"""putenv and unsetenv change what exec'd children get, but not os.environ."""
import os

os.putenv("PUT", "by putenv")
print("in os.environ:", "PUT" in os.environ)
os.unsetenv("USER")
print("USER in os.environ:", "USER" in os.environ)
os.system("echo PUT=${PUT-unset} USER=${USER-unset}")
os.environ["AFTER"] = "set"
os.system("echo PUT=${PUT-unset} AFTER=${AFTER-unset}")
