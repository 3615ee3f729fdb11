"""The kata engine: find katas, load the learner's code, grade it under pytest."""
