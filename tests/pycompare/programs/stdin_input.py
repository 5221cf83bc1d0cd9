"""input() writes its prompt to stdout (not a terminal) and raises EOFError at the end."""
# stdin: 'Ada\n42\n'
name = input("name? ")
age = int(input("age? "))
print(f"hello {name}, next year {age + 1}")
try:
    input("more? ")
except EOFError as e:
    print("EOFError", repr(e))
