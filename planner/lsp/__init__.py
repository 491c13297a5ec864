"""`planner lsp`: the checker in the editor, as a Language Server Protocol server.

Most of it is plain functions over plain data, testable without a server:

    positions   columns in code points <-> the client's units (UTF-16 by default)
    layout      where the front matter's title and tags are, exactly (YAML node marks)
    analysis    one buffer -> diagnostics with ranges, quick fixes and tag verdicts
    features    hover text, code actions and tag completion from those results
    sites       which site a file belongs to, and one diagnostic per broken config file
    worker      a persistent checker process with a time budget per check
    server      the pygls wiring
"""
