"""factx's spaCy components; each module registers one factory (see factx.pipeline.COMPONENTS)."""
