"""geopulse: tags news articles with entities and geopolitical/trade events, as a Kafka stream processor."""

__version__ = "0.1.0"
