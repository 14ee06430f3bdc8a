"""hOCR titles and packed words: a line's words kept as texts and numbers, made when read."""

from __future__ import annotations

from array import array

import pytest

from layout.model import PLAIN, Box, Line, PackedWords, Word, word_heights, word_texts
from layout.readers import read_file
from layout.readers.hocr_titles import bbox, font_size, words

TITLES = [
    "bbox 10 20 50 60",  # plain, as Tesseract 4 writes words without confidences
    "bbox 60 20 90 58; x_wconf 93",  # plain, with more properties after the box
    "bbox 100 21.6 140 59.4; x_fsize 9.5",  # fractions: rounded, and a type size
    "bbox 150 20 140 60",  # inverted: no box
    "x_wconf 80",  # no box at all
    "bbox  160 20 200 60",  # numbers set apart otherwise
]


def made_one_by_one(texts: list[str], titles: list[str]) -> tuple[Word, ...]:
    """The words as each title alone reads (the reference for the packed ones)."""
    return tuple(Word(t, bbox(title), font_size(title)) for t, title in zip(
        texts, titles, strict=True))


@pytest.mark.parametrize("titles", [TITLES, TITLES[:2], TITLES[:1] * 3])
def test_packed_words_are_the_words_each_title_gives(titles: list[str]) -> None:
    texts = [f"w{k}" for k in range(len(titles))]
    packed = words(texts, titles)
    expected = made_one_by_one(texts, titles)
    assert len(packed) == len(expected)
    assert packed == expected and expected == packed and hash(packed) == hash(expected)
    assert tuple(packed) == expected and list(reversed(packed)) == list(reversed(expected))
    assert packed[0] == expected[0] and packed[1:] == expected[1:]
    assert packed.sizes == [w.font_size for w in expected if w.font_size]


def test_words_fold_no_box_and_an_inverted_box_alike() -> None:
    packed = words(["a", "b", "c"], ["bbox 150 20 140 60", "x_wconf 80", "bbox 1 2 3 4"])
    assert [w.box for w in packed] == [None, None, Box(1, 2, 3, 4)]


def test_numbers_too_long_for_an_array_are_kept() -> None:
    big = 2**70
    packed = words(["a"], [f"bbox 0 0 {big} {big}"])
    assert packed[0].box == Box(0, 0, big, big)


@pytest.mark.parametrize("texts", [["a", "bb", "c"], ["", "bb", "c"], ["a", "", "c"],
                                   ["a", "bb", ""], [""]])
@pytest.mark.parametrize("boxes", [(0, 0, 5, 9, 6, 1, 9, 9, 10, 0, 12, 7),
                                   (0, 0, 5, 9, 9, 1, 6, 9, 10, 0, 12, 7),
                                   (0, 9, 5, 0, 6, 1, 9, 9, 10, 0, 12, 7)])
def test_heights_and_texts_are_told_as_the_made_words_tell_them(
        texts: list[str], boxes: tuple[int, ...]) -> None:
    """Told from the numbers (every word with text and a box: in C; else word by word)
    and the same as from the words made."""
    packed = PackedWords(texts, array("q", boxes[: 4 * len(texts)]))
    made = tuple(packed)
    assert word_heights(packed) == word_heights(made)
    assert word_heights(made) == [w.box.height for w in made if w.box is not None and w.text]
    assert word_texts(packed) == word_texts(made) == texts


def test_packed_words_refuse_a_line_break_in_a_word_and_numbers_that_do_not_fit() -> None:
    with pytest.raises(ValueError, match="line break"):
        PackedWords(["a\nb"], (0, 0, 1, 1))
    with pytest.raises(ValueError, match="four numbers"):
        PackedWords(["a", "b"], (0, 0, 1, 1))
    with pytest.raises(ValueError, match="four numbers"):
        PackedWords(["a"], (0, 0, 1, 1), sizes=[None, 9.0])


def test_a_line_with_packed_words_equals_one_with_their_tuple() -> None:
    packed = words(["Das", "Recht"], ["bbox 0 0 40 10", "bbox 50 0 90 10"])
    line = Line("Das Recht", box=Box(0, 0, 90, 10), words=packed)
    same = Line("Das Recht", box=Box(0, 0, 90, 10), words=tuple(packed))
    assert line == same and hash(line) == hash(same)
    assert Line("Das Recht", words=()).details is PLAIN
    assert line.details != PLAIN and packed != () and packed != ("Das", "Recht")


def test_a_hocr_books_words_are_packed_and_read_as_words() -> None:
    data = (b"<html><body><div class='ocr_page' title='bbox 0 0 300 100'>"
            b"<span class='ocr_line' id='l' title='bbox 0 0 200 20'>"
            b"<span class='ocrx_word' title='bbox 0 0 40 20; x_wconf 90'>Das</span> "
            b"<span class='ocrx_word' title='bbox 50 2 120 18; x_fsize 9'>Recht\n </span> "
            b"<span class='ocrx_word' title='bbox 130 0 200 20'> </span>"
            b"</span></div></body></html>")
    line = read_file(data, "w.hocr").pages[0].lines[0]
    assert isinstance(line.words, PackedWords)
    assert line.text == "Das Recht" and line.font_size == 9.0
    assert list(line.words) == [Word("Das", Box(0, 0, 40, 20)),
                                Word("Recht", Box(50, 2, 120, 18), 9.0),
                                Word("", Box(130, 0, 200, 20))]
    assert word_heights(line.words) == [20, 16]


def test_packed_words_read_their_boxes_only_when_asked() -> None:
    asked: list[int] = []

    def unread() -> tuple[int, ...]:
        asked.append(1)
        return (0, 0, 40, 10, 50, 2, 90, 10)

    packed = PackedWords(["Das", "Recht"], unread)
    assert packed.texts == ["Das", "Recht"] and not asked
    assert packed.heights() == [10, 8] and asked == [1]
    assert packed[1].box == Box(50, 2, 90, 10) and asked == [1]  # read once, kept
    with pytest.raises(ValueError, match="four numbers"):
        PackedWords(["a"], lambda: (0, 0, 1)).heights()


def test_a_line_of_hocr_reads_its_word_boxes_as_given_when_asked() -> None:
    packed = words(["a", "b", "c"], ["bbox 1 2 3 4; x_wconf 90", "bbox  5 6  7 8", "x_wconf 3"])
    assert [w.box for w in packed] == [Box(1, 2, 3, 4), Box(5, 6, 7, 8), None]
    many = words(["a"], ["bbox 1 2\n 3 4"])  # a title over two lines is read at once
    assert many[0].box == Box(1, 2, 3, 4)
