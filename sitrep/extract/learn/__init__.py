"""The learned re-labeller of issue 18: the rules propose, a model over the words decides.

The rules of :mod:`sitrep.extract` are the candidate generator and stay as they are. Every
number they read (proposed, replaced or set aside) and every raw number of a sentence becomes
a candidate (:mod:`.pool`); per-field logistic regressions over the words around it
(:mod:`.features`, :mod:`.model`) say whether it is a figure and of what; :mod:`.combine` keeps
a rule proposal unless the model is sure it is wrong and adds what the model is sure of;
:mod:`.document` decides a report's figures together (toll updates, repeats, breakdowns);
:mod:`.apply` writes the tables. :mod:`.train` fits ``model.json`` from the training sets and the
reviewed store, deterministically (``make train-extract``); prediction reads the JSON only.
"""
