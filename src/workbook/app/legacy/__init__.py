"""A stand-in for the slow, synchronous third-party client every real backend has."""
