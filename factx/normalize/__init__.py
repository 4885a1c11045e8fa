"""Pure normalisers: text in, values out (no spaCy objects)."""
