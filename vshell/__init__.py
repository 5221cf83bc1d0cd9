"""vshell: an interactive teaching shell on a miniature Unix kernel."""
__version__ = "0.1.0"
