"""permitsite/slotted_gzip.py: a page's fixed parts compressed once, each visitor's values spliced in; what
comes out must be a gzip file that any decoder reads as the whole page."""

import gzip
import random
import zlib

import pytest

from permitsite.slotted_gzip import SlottedGzip

PAGE = '<main><p class="form-text">居住证积分 120 分</p><input name="age" value=""></main>\n'.encode() * 40


def test_any_decoder_reads_the_whole_page_with_the_values_of_each_response():
    before, after = PAGE[:1000], PAGE[1000:]
    kept = SlottedGzip.of([before, after], [64])
    for token in (b"a" * 64, b"Zz09" * 16):
        whole = before + token + after
        assert gzip.decompress(kept.fill([token])) == whole
        decoder = zlib.decompressobj(wbits=31)  # as a browser's gzip decoder: one member, nothing after it
        assert decoder.decompress(kept.fill([token])) == whole
        assert decoder.eof and decoder.unused_data == b""


def test_the_parts_after_a_value_still_refer_back_to_the_parts_before_it():
    kept = SlottedGzip.of([PAGE, PAGE], [40])
    one_page = len(gzip.compress(PAGE))
    # The second copy costs a few references, not a page: the value (40 bytes) and block headers remain.
    assert len(kept.fill([b"0" * 40])) < one_page + 100


def test_a_value_never_takes_part_in_the_compression():
    """What the page reflects cannot shrink the response by matching the value (BREACH)."""
    kept = SlottedGzip.of([b'<p>guess: secret-token-1</p><input value="', b'"></p>'], [14])
    right, wrong = kept.fill([b"secret-token-1"]), kept.fill([b"other-token-99"])
    assert len(right) == len(wrong)


def test_random_pages_values_and_lengths_round_trip():
    rng = random.Random(17)
    for _ in range(60):
        count = rng.randint(1, 4)
        parts = [
            bytes(rng.choice(b"<p class='x'>abc</p>\n") for _ in range(rng.randint(0, 20000)))
            for _ in range(count)
        ]
        lengths = [
            rng.choice([0, 40, 64, 70000]) for _ in range(count - 1)
        ]  # 70000: more than one stored block
        kept = SlottedGzip.of(parts, lengths)
        values = [bytes(rng.choice(b"<p class='x'>abc</p>") for _ in range(length)) for length in lengths]
        expected = b"".join(part + value for part, value in zip(parts, [*values, b""], strict=True))
        assert gzip.decompress(kept.fill(values)) == expected


def test_a_value_of_another_length_or_a_nul_in_a_part_is_refused():
    kept = SlottedGzip.of([b"<p>", b"</p>"], [64])
    with pytest.raises(ValueError):
        kept.fill([b"short"])
    with pytest.raises(ValueError):
        SlottedGzip.of([b"<p>\x00", b"</p>"], [64])
