"""The window's panels: library, reader, brief and preview."""
