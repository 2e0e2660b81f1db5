"""Solid geometry in oblique projection."""
