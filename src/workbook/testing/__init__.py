"""Test helpers shared by the project's tests, the katas and the notebooks: answers told in
words (answers), tokens made as an attacker would (tokens), stand-ins for sockets (sockets),
a broker that says when it has delivered (brokers), the app's log lines and metrics read
back (monitoring), databases that are down or never answer (databases), a room client
that turns every way a socket can go wrong into an AssertionError that says what happened
(rooms), and the app's migrations plus one more revision run on scratch SQLite files, with
schema differences told in words (migrations)."""
