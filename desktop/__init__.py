"""Blotter: review the figures that police press releases report."""

__version__ = "0.1.0"
