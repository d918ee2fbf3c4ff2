"""The landing page's citation style picker offers six styles, each with its name."""

import json
import re

from helpers import deposit, record_data


def test_style_picker_options_have_labels(client, api_headers, unique_word):
    """data-styles holds (style, label) pairs, as upstream's picker reads them, labelled in the
    page's language; none is empty."""
    record = deposit(client, api_headers, record_data(f"Stilar {unique_word}"))
    html = client.get(f"/records/{record['id']}", headers={"Accept-Language": "sv"}).get_data(
        as_text=True
    )
    styles = json.loads(re.search(r"data-styles='([^']*)'", html).group(1))
    assert [style for style, _label in styles] == [
        "apa",
        "harvard-cite-them-right",
        "chicago-author-date",
        "vancouver",
        "ieee",
        "modern-language-association",
    ]
    assert all(isinstance(label, str) and label.strip() for _style, label in styles)
    assert ["chicago-author-date", "Chicago (författare–år)"] in styles
