"""The demo content's artwork, drawn by code: partner logos and lead pictures.

Not part of the kit: a build never runs it (hence its place outside ``plugins/``). The
drawings are committed under ``content/images/``; ``invoke demo-art`` draws them again, the
same bytes every time (no clock, no randomness but seeded generators, fonts from the
repository). See README.md, "Demo artwork".
"""
