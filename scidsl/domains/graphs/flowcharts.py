"""Flowcharts (stub)."""
from dataclasses import dataclass
class FlowLayout: pass
def check_steps(ctx, steps): pass
