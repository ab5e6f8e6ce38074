"""`clinsum serve`: the summarizer and the faithfulness checker behind an HTTP API, with a review page."""
