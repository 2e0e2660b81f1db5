"""Function graphs, data plots and charts."""
