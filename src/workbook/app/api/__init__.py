"""The HTTP layer: routes talk to services, never to the database directly."""
