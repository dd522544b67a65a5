"""The review loop: a reviewed candidates.csv -> the incident log and the training store.

The reviewer writes a decision in each row of ``candidates.csv`` (:mod:`.decisions` defines the
words and checks them); :mod:`.apply` turns the accepted figures into rows of the native log
(incidents, sources, victims), leaves out what the log already holds and writes the log whole
or not at all; :mod:`.store` keeps every reviewed report and its gold figures in the folder
that ``make train-extract`` reads; :mod:`.carry` keeps decisions across a re-extraction.
``scripts/extract_apply.py`` (``make extract-apply``) runs them, with the clean stage's checks.
"""
