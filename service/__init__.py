"""geopulse: a Kafka stream processor that tags news with entities and geopolitical events."""

from .native import guard as _use_native_only_if_current

__version__ = "0.1.0"

_use_native_only_if_current()
