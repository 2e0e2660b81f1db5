"""Plane geometry: points, polygons, circles and constructions solved from stated facts."""
