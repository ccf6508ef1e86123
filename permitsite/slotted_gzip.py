"""Gzip for a page whose fixed parts are compressed once and whose per-visitor values are spliced in on
each response (permitsite/shared_pages.shared_but_for), so a response costs a CRC instead of a compression.

DEFLATE (RFC 1951) is a sequence of blocks: each fixed part is compressed on its own and ended with a sync
flush (byte-aligned, not the final block), a value goes in as a stored block, as it is, and an empty final
block ends the stream. The gzip wrapper (RFC 1952) adds a header, the CRC-32 and the length of the whole.

Each part is compressed with everything before it as its preset dictionary, a value's place held by as many
NUL bytes as the value will have, so a part may refer back to earlier parts as a whole-page gzip would
(`fill` takes values of exactly those lengths). No part has a NUL, so no reference can reach into a value's
place: a value never shares a compression window with anything, and nothing reflected in the page can be
used to guess it from the compressed length (BREACH).
"""

import struct
import zlib
from dataclasses import dataclass

# Magic, deflate, no flags, no modification time, no extra flags, unknown OS.
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
# An empty block marked final, with the fixed codes: what zlib itself writes to end a flushed stream.
FINAL_BLOCK = b"\x03\x00"
STORED_MAX = 0xFFFF  # bytes a stored block can hold
WINDOW = 1 << zlib.MAX_WBITS


@dataclass(frozen=True)
class SlottedGzip:
    parts: tuple[bytes, ...]  # the fixed parts, as they are (for the CRC)
    packed: tuple[bytes, ...]  # each compressed after the ones before, ending on a sync flush
    lengths: tuple[int, ...]  # the length of the value between each two parts

    @classmethod
    def of(cls, parts: list[bytes], lengths: list[int]) -> "SlottedGzip":
        if len(lengths) != len(parts) - 1 or any(b"\x00" in part for part in parts):
            raise ValueError("one length for each gap between parts, and no NUL in a part")
        packed, before = [], b""
        for part, length in zip(parts, [*lengths, 0], strict=True):
            dictionary = {"zdict": before[-WINDOW:]} if before else {}
            compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS, **dictionary)  # raw, as gzip -6
            packed.append(compressor.compress(part) + compressor.flush(zlib.Z_SYNC_FLUSH))
            before += part + b"\x00" * length
        return cls(tuple(parts), tuple(packed), tuple(lengths))

    def fill(self, values: list[bytes]) -> bytes:
        """The gzip file of parts[0] + values[0] + parts[1] + … + parts[-1]."""
        if [len(value) for value in values] != list(self.lengths):
            raise ValueError(f"values of lengths {self.lengths} expected")
        chunks, crc, size = [HEADER], 0, 0
        for part, packed, value in zip(self.parts, self.packed, [*values, b""], strict=True):
            chunks += [packed, _stored(value)] if value else [packed]
            crc = zlib.crc32(value, zlib.crc32(part, crc))
            size += len(part) + len(value)
        chunks += [FINAL_BLOCK, struct.pack("<II", crc, size & 0xFFFFFFFF)]
        return b"".join(chunks)


def _stored(value: bytes) -> bytes:
    blocks = []
    for start in range(0, len(value), STORED_MAX):
        chunk = value[start : start + STORED_MAX]
        # Header bits 000 (not final, stored), padded to the byte; then LEN and its complement.
        blocks.append(b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk)
    return b"".join(blocks)
