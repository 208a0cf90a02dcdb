"""The PO format: reading, writing (GNU wrapping), merging."""
