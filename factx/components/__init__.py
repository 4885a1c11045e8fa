"""factx's spaCy components; each module registers one factory (see factx.pipeline.COMPONENTS)."""

__all__: list[str] = []  # the modules are imported by name (factx.pipeline.COMPONENTS)
