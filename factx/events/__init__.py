"""factx_events: named EVENT mentions and event frames (who did what, when, where, for how much).

The modules, in the order data flows through them (each imports only those before it):

- ``lexicon.py``: the data files (``lang/event_triggers.json``, ``lang/event_grammar.json``,
  ``lang/event_heads.tsv``) read once; how a word reads as a predicate (``read_word``); a Doc's tokens (``Words``).
- ``named.py``: named events ("KTT ASEAN ke-44", "Asian Games") from head and tail words, put on ``doc.ents``.
- ``clauses.py``: a sentence cut into segments, each segment's predicate, segments joined into clauses.
- ``when.py``: how good each DATE of a clause is as its frame's date (adverbial, bare, report day, a name's
  year), which one the frame takes, and where a segment that is only a date goes.
- ``frames.py``: a clause's arguments (date, organisations, people, places, amounts), anaphora, which clauses
  make frames, inherited subjects and dates.
- ``component.py``: the spaCy factory ``factx_events``.

A new event type: add it to ``types`` in ``lang/event_triggers.json`` with its trigger roots or words (and head
words in ``lang/event_heads.tsv`` for its named events); no code changes.
"""

from __future__ import annotations

from .component import EventsComponent, make_events
from .frames import event_frames
from .lexicon import Lexicon, Reading, read_word
from .named import add_named_events, named_events

# The function lexicon() stays in factx.events.lexicon: exported here, it would hide that module's name.
__all__ = [
    "EventsComponent", "Lexicon", "Reading", "add_named_events", "event_frames", "make_events", "named_events",
    "read_word",
]
