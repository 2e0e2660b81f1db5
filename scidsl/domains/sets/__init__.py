"""Venn diagrams."""
