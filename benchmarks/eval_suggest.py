"""How much of a real audience profile `planner audience suggest` recovers from the posts.

Copies the example site without its audience.toml, drafts a profile from its posts
and compares it with the profile the site's writer wrote: the share of the real
interests the draft proposes (as interests or under a topic), the niche and the
too_broad terms it shares, and every proposal, for a reader to judge.

    python benchmarks/eval_suggest.py [SITE]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from planner.audience_suggest import suggest_profile
from planner.site import open_site
from planner.text import normalize_term

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPO)
    args = parser.parse_args()
    real = open_site(start=args.site).audience
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(args.site / "content", copy / "content")
        if (args.site / "planner.toml").is_file():
            shutil.copy(args.site / "planner.toml", copy / "planner.toml")
        draft = suggest_profile(open_site(start=copy).load_posts().posts)
    proposed = {normalize_term(e.term) for e in draft.interests} | {
        normalize_term(m.term) for _, members in draft.topics for m in members
    }
    found = [i for i in real.interests if normalize_term(i) in proposed]
    print(f"posts read: {draft.posts}")
    print(f"interests recovered: {len(found)} of {len(real.interests)}")
    print(f"  missed: {[i for i in real.interests if i not in found]}")
    for name, entries, truth in (
        ("niche", draft.niche, real.niche),
        ("interests", draft.interests, real.interests),
        ("too_broad", draft.too_broad, real.too_broad),
    ):
        keys = {normalize_term(t) for t in truth}
        if name == "interests":  # the narrower terms of the real topics tree count too
            keys |= {normalize_term(c) for children in real.topics.values() for c in children}
        print(f"\n{name} proposed ({len(entries)}; * = in the real profile):")
        for entry in entries:
            mark = "*" if normalize_term(entry.term) in keys else " "
            print(f"  {mark} {entry.term}  ({entry.why})")
    print("\ntopics proposed:")
    for broad, members in draft.topics:
        print(f"  {broad.term}: {', '.join(m.term for m in members)}")


if __name__ == "__main__":
    main()
