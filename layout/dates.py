"""Month names as books print them, for dates read in running text (`12. März`, `March 12`).

One set for every reader of dates: the typesetter ties a day to its month, the list pass
tells a date (`1. Mai`) from a list item's label (`1. Die Ehe`). German and English
names and their usual abbreviations, in lower case.
"""

from __future__ import annotations

MONTHS = frozenset(
    "januar februar märz maerz april mai juni juli august september oktober october "
    "november dezember december january february march may june july jan. feb. febr. "
    "mär. apr. aug. sept. sep. okt. oct. nov. dez. dec.".split()
)
"""Month names and abbreviations, lower case (`Mai`, `Sept.`, `march`)."""
