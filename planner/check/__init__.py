"""The specificity checker: posts measured against the site's audience profile.

`check_posts(site, posts)` is what the build gate, the scheduler and the editor use;
`Checker` keeps the prepared profile for checking many posts (or one post often).
Rules and their ids are in `planner.check.rules`.
"""

from planner.check.checker import Checker, PostReport, check_posts
from planner.check.rules import RULES, Rule

__all__ = ["RULES", "Checker", "PostReport", "Rule", "check_posts"]
