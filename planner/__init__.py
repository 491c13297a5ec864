"""niche-planner: plan, check and publish a static site for a small, specific audience."""

__version__ = "0.1.0"
"""The package version (pyproject.toml reads it from here). A plain string, not
importlib.metadata: every command imports this, and the lookup costs ~30 ms."""
