"""Pure normalisers: text in, values out (no spaCy objects)."""

__all__: list[str] = []
