"""Test helpers shared by the project's tests, the katas and the notebooks: answers told in
words (answers), tokens made as an attacker would (tokens), stand-ins for sockets (sockets),
a broker that says when it has delivered (brokers), the app's log lines and metrics read
back (monitoring), databases that are down or never answer (databases), Alembic driven from
code on throwaway databases: a quiet config, an empty database, the app's migrations plus one
more revision on scratch SQLite files, schema differences told in words (migrations), a room
client that turns every way a socket can go wrong into an AssertionError that says what
happened (rooms), pytest run in a child process, each test's outcome read back (pytest_runs),
what an app did after its response went out (after_response), and a dependency override that
puts back what was there when its block ends (overrides)."""
