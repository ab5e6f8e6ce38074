"""clinsum: turn a general causal language model into a faithful clinical-note summarizer.

Stages: ``clinsum.data`` (load, validate, prompt), ``clinsum.training`` (Stage A SFT, Stage B DPO),
``clinsum.inference`` (generation), ``clinsum.evaluation`` (faithfulness and reports).
"""

__version__ = "0.1.0"
