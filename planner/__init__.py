"""niche-planner: plan, check and publish a static site for a small, specific audience."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("niche-planner")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
