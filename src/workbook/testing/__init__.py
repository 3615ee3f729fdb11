"""Test helpers shared by the project's tests, the katas and the notebooks: stand-ins for
sockets, a broker that says when it has delivered, and a WebSocket client for room tests
that turns every way a socket can go wrong into an AssertionError that says what happened."""
