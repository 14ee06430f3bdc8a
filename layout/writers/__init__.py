"""Writers turn a Book into bytes: `tei` (TEI P5), `analysis` (JSON), `text` (reading text)."""
