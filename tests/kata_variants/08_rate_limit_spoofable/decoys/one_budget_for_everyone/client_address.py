"""Decoy: one key for every anonymous request ("nothing in a request can be trusted, so
count them all together").

Wrong because a rate limit is per client: rotating the header no longer helps, but one
client's burst spends the budget of every other client, and anyone can lock everyone out
of search with a handful of requests.
"""

from fastapi import Request


def get_client_address(request: Request) -> str:
    return "anonymous"
