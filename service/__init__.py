"""geopulse: a Kafka stream processor that tags news with entities and geopolitical events."""

__version__ = "0.1.0"
