"""uuid, os.urandom, secrets and SystemRandom values taken before fork are the same in the child."""
import os
import random
import secrets
import uuid

before = {"uuid4": str(uuid.uuid4()), "uuid1": str(uuid.uuid1()), "urandom": os.urandom(8).hex(),
          "secrets.token_hex": secrets.token_hex(8), "secrets.randbelow": secrets.randbelow(10**9),
          "SystemRandom": random.SystemRandom().random(), "random (unseeded)": random.random()}
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, repr(before).encode())
    os._exit(0)
os.waitpid(pid, 0)
child = eval(os.read(r, 10000).decode())
for name, value in before.items():
    print(f"{name} equal in the child: {child[name] == value}")
print("uuid4 version", uuid.UUID(before["uuid4"]).version, "fresh values differ:",
      uuid.uuid4() != uuid.UUID(before["uuid4"]), os.urandom(8) != os.urandom(8))
