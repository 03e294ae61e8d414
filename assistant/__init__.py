"""Offline, guideline-grounded answers about cytopenias caused by immune checkpoint inhibitors."""

__version__ = "0.1.0"
