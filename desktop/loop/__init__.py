"""Closing the loop (issue 13): the extractor measured and improved from reviewers' decisions.

- :mod:`decisions`: what reviewers did with each suggestion of the documents marked reviewed.
- :mod:`report`: the extractor's report card from those decisions (``blotter report``).
- :mod:`try_rules`: candidate rules run over reviewed documents: what they fix, break, add.
- :mod:`suggest`: words proposed for the lexicon from added and corrected rows.
- :mod:`user_rules`: the user's own rules files, written and audited.

None of them imports Qt: the window (``desktop.ui``) and the command line share them.
"""
