"""A relative sys.path entry ("lib") finds modules by their absolute path, for import and for python -m."""
import os, sys
os.mkdir("lib")
with open("lib/helper.py", "w") as f:
    f.write("def where():\n    return __file__\n")
sys.path.insert(0, "lib")
import helper
print(helper.where(), helper.__file__ == os.path.join(os.getcwd(), "lib", "helper.py"))
sys.stdout.flush()
os.system("python -c 'import sys; sys.path.insert(0, \"lib\"); import helper; print(helper.__file__)'")
os.system("cd lib && python -m helper; echo $?")
