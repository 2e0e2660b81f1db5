"""Laboratory apparatus."""
