"""Events: what happened, who did it to whom, where, when and how many, in ACLED and PLOVER terms.

A chain of steps over a parsed article: triggers find the words that may report an incident,
classify types the sentence, casualties counts victims, dates and places say when and where,
actors and claims who and how sure, detection keeps what reports one specific incident, and
merge folds the sentences about the same incident into one event with every mention kept.
"""

from __future__ import annotations

from extract.events.extraction import extract_events
from extract.events.records import Casualty, Event, EventActor, EventMention
from extract.events.rules import EventRules, load_event_rules

EVENTS_VERSION = "events.v7"

__all__ = ["EVENTS_VERSION", "Casualty", "Event", "EventActor", "EventMention", "EventRules", "extract_events",
           "load_event_rules"]


