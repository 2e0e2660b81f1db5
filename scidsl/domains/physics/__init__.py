"""Physics diagrams drawn from their physics: energy-level diagrams and standing waves."""
