"""selectors: register file objects with the events and data wanted; select()
returns (key, events) for each that is ready."""
import os
import selectors

sel = selectors.DefaultSelector()
r, w = os.pipe()
reader, writer = os.fdopen(r, "rb", buffering=0), os.fdopen(w, "wb", buffering=0)
key = sel.register(reader, selectors.EVENT_READ, data="incoming")
print(key.fd == r, key.events, key.data, len(sel.get_map()))
print(sel.select(timeout=0))
writer.write(b"ping")
for key, events in sel.select(timeout=1):
    print(key.data, events == selectors.EVENT_READ, key.fileobj.read(10))
sel.modify(reader, selectors.EVENT_READ, data="changed")
print(sel.get_key(reader).data)
sel.unregister(reader)
print(len(sel.get_map()), sel.select(0))
sel.register(writer, selectors.EVENT_WRITE, "outgoing")
print([(k.data, e) for k, e in sel.select(0)])
try:
    sel.register(writer, selectors.EVENT_WRITE)
except KeyError as e:
    print("KeyError", e)
try:
    sel.get_key(reader)
except KeyError as e:
    print("KeyError", e)
sel.close()
with selectors.SelectSelector() as s:
    s.register(reader, selectors.EVENT_READ)
    writer.close()
    print([(k.fd == r, e) for k, e in s.select(0.5)], reader.read())
with selectors.PollSelector() as s:
    r2, w2 = os.pipe()
    s.register(r2, selectors.EVENT_READ)
    print(s.select(0.05))
