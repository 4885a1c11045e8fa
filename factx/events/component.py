"""The spaCy component ``factx_events``: named EVENT mentions on ``doc.ents`` and event frames on ``doc._.events``.

It runs after factx_money, factx_dates and factx_orgs (their DATE, MONEY and ORG entities are the frames'
arguments): :func:`factx.events.named.add_named_events`, then :func:`factx.events.frames.event_frames`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .frames import event_frames
from .lexicon import Words
from .named import add_named_events

__all__ = ["EventsComponent", "make_events"]


class EventsComponent:
    """Adds rule-found named EVENT entities and sets ``doc._.events`` to the event frames."""

    def __init__(self, named_events: bool = True, frames: bool = True):
        self.named_events = named_events
        self.frames = frames

    def __call__(self, doc: Doc, frames: bool | None = None) -> Doc:
        """``frames`` (from ``nlp.pipe(..., component_cfg={"factx_events": {"frames": False}})``) overrides the
        component's setting for this call: :func:`factx.results` asks for frames only when they are wanted (frames
        change no entity, so the mentions are the same either way; without them ``doc._.events`` stays None)."""
        words = Words(doc)  # the tokens stay as they are here (only the entities change)
        ents = add_named_events(doc, words) if self.named_events else None
        if self.frames if frames is None else frames:
            doc._.events = event_frames(doc, words, ents)
        return doc


@Language.factory("factx_events", default_config={"named_events": True, "frames": True})
def make_events(nlp: Language, name: str, named_events: bool, frames: bool) -> EventsComponent:
    return EventsComponent(named_events=named_events, frames=frames)
