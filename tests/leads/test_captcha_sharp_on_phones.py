"""The CAPTCHA stays readable on a phone's dense screen: a 2x copy tall enough for its 44 px row."""

import re
import struct

import pytest

pytestmark = pytest.mark.django_db


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_captcha_offers_a_sharp_copy_for_dense_screens(client):
    html = client.get("/consult/").content.decode()
    image, double = re.search(r'<img src="(/captcha/image/\w+/)" srcset="(\S+) 2x"', html).groups()
    assert double == image[:-1] + "@2/"
    _, height = png_size(client.get(image).content)
    _, double_height = png_size(client.get(double).content)
    assert double_height > 1.8 * height
    # Lighthouse (mobile, 1.75 dppx) wants at least 1.5 × the 44 CSS pixels the row shows.
    assert double_height >= 66
