"""The first stage: content files and hand-written pages to validated specs.

Paths, reading bytes, the strict YAML loader, the pydantic models of every kind of file,
turning validation errors into problems an author can act on, and the JSON Schemas.
"""
