"""pickle finds a class of __main__ by name (the process's __main__)."""
import pickle
class Point:
    def __init__(self, x): self.x = x
data = pickle.dumps(Point(3))
p = pickle.loads(data)
print(type(p).__name__, p.x)
with open("p.pkl", "wb") as f:
    pickle.dump({"a": [1, 2]}, f)
print(pickle.load(open("p.pkl", "rb")))
