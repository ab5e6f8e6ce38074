"""Privacy: finding and removing protected health information (PHI) before text is trained on, logged or served."""
