"""Cross-post snippets: for every post, the short text that points readers back to it on
X, Mastodon, Bluesky, Threads, LinkedIn and Facebook, counted as each platform counts.

`platforms` holds the rules, `length` the counters, `compose` the composition, `facets`
Bluesky's rich-text facets, `share` the share links, `posts` a site's posts as snippets.
"""
