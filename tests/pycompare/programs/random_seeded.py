"""A seeded generator gives the same sequence everywhere."""
import random

random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"))
items = list(range(10))
random.shuffle(items)
print(items, random.sample(range(100), 5), random.uniform(1, 2))
r = random.Random("seed string")
print(r.randrange(1000), r.gauss(0, 1), r.getrandbits(32))
random.seed(1)
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())
