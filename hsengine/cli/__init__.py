"""The command line (`hsengine ...`): commands in `app`, terminal rendering in `render`."""

from .app import app, main

__all__ = ["app", "main"]
