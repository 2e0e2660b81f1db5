"""Graphs, trees, flowcharts and pedigrees."""
