"""Leadership reading program: content files in, a Material for MkDocs site out.

The sub-packages are the build's stages, in order: `content` (files to validated specs),
`model` (the domain), `plan` (cross-file resolution), `site` (pages, feeds, messages).
`pipeline` runs them; `mkdocs_adapter` is the one module that speaks MkDocs, for `hooks/`.
"""
