"""The workshop kit: the facilitator's agendas (from the notebooks' own minutes) and a static
HTML rendering of the notebooks for people without Jupyter."""
