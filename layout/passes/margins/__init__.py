"""Marginal notes: the notes printed beside the text block, left or right of it.

The pass at the door is `marginal.mark`; it reads only geometry (`layout.geometry`): a
book without boxes has no marginal notes found, exactly as before.
"""
