"""Clinical text utilities shared by the faithfulness checker and the hard-negative generator.

``lexicon`` holds curated clinical vocabularies (drugs with classes, conditions, procedures,
findings, laterality, negation cues, frequencies); ``normalize`` turns free text into a comparable
form (lowercase, digits for number words, expanded abbreviations) and splits notes and dialogue
transcripts into sentences.
"""
