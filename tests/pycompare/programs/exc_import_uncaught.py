"""Importing a module that does not exist."""
import os
import no_such_module_here
