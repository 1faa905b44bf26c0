"""Event coding: PLOVER events with CAMEO codes, actors, recipients and place, per sentence."""

from claimgraph.events.coder import EventCoder
from claimgraph.events.match import EventMatch

__all__ = ["EventCoder", "EventMatch"]
