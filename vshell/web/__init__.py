"""Pictures of the machine: the process graph, the file model, the timeline.

`model` folds the kernel's events into the picture of the machine at any
event; `svg` draws it; `picture` is the prompt's `picture` command; `server`
and `terminal` are `vshell --web` (the only modules that import aiohttp).
"""
