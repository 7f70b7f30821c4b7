"""Leadership reading program: content schema, loading, track planning and page rendering.

The package is the pure core of the site. It never imports MkDocs; the thin glue in
`hooks/` hands its results to MkDocs.
"""
