"""The packed name index reads as the mapping it was packed from, exactly, checksum collisions
included, and survives its plain (marshal) form."""

from __future__ import annotations

import marshal
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.place_index import FEATURES, Place, PlaceIndex

TUNIS = Place(2464470, "Tunis", "TN", "TUN", "TN.38", 36.81897, 10.16579, 693210, "city")
SAO_PAULO = Place(3448439, "São Paulo", "BR", "BRA", "BR.27", -23.5475, -46.63611, 10021295, "city")
TUNISIA = Place(2464461, "Tunisia", "TN", "TUN", None, 36.81897, 10.16579, 10589025, "country")
# Two keys with one CRC-32: the checksum only narrows the search.
COLLIDING = ("tbcqigyjrcl", "qrcmkxwbf")


def test_the_colliding_keys_do_collide():
    assert zlib.crc32(COLLIDING[0].encode()) == zlib.crc32(COLLIDING[1].encode())


def test_each_key_gives_its_own_places_and_nothing_else_is_found():
    mapping = {"tunis": (TUNIS, TUNISIA), "~tns": (TUNIS,), "saopaulo": (SAO_PAULO,),
               COLLIDING[0]: (TUNISIA,), COLLIDING[1]: (SAO_PAULO, TUNIS)}
    index = PlaceIndex.from_mapping(mapping)
    assert dict(index) == mapping and len(index) == 5
    assert index[COLLIDING[1]] == (SAO_PAULO, TUNIS)
    for missing in ("tuni", "tunisx", "", "~", "são", "qrcmkxwb"):
        assert missing not in index and index.get(missing) is None
        with pytest.raises(KeyError):
            index[missing]
    assert 42 not in index and None not in index


def test_a_place_reads_back_whole():
    index = PlaceIndex.from_mapping({"saopaulo": [SAO_PAULO], "tunisia": [TUNISIA]})
    assert index["saopaulo"][0] == SAO_PAULO and index["saopaulo"][0].name == "São Paulo"
    assert index["tunisia"][0].admin1 is None and index["tunisia"][0].feature == "country"


def test_the_plain_form_is_marshal_data_and_reads_back_equal():
    index = PlaceIndex.from_mapping({"tunis": (TUNIS, TUNISIA), "saopaulo": (SAO_PAULO,)})
    again = PlaceIndex.from_plain(marshal.loads(marshal.dumps(index.to_plain())))
    assert again == index and dict(again) == dict(index)
    assert again != PlaceIndex.from_mapping({"tunis": (TUNIS,)})


_names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_places = st.builds(Place, st.integers(0, 2**40), _names, st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
                    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=3),
                    st.none() | st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ.0123456789", min_size=1, max_size=6),
                    st.floats(-90, 90), st.floats(-180, 180), st.integers(0, 2**40), st.sampled_from(FEATURES))


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=10), st.lists(_places, min_size=1, max_size=4), max_size=30),
       st.lists(st.text(max_size=10), max_size=20))
def test_any_mapping_reads_back_as_packed(mapping, probes):
    index = PlaceIndex.from_mapping(mapping)
    assert {key: index[key] for key in index} == {key: tuple(found) for key, found in mapping.items()}
    for probe in probes:
        assert (probe in index) == (probe in mapping)


def test_a_plain_form_whose_arrays_disagree_is_refused():
    plain = PlaceIndex.from_mapping({"tunis": (TUNIS, TUNISIA), "saopaulo": (SAO_PAULO,)}).to_plain()
    for field, cut in [("latitudes", 8), ("postings", 4), ("keys", 1), ("names", 1)]:
        broken = {**plain, field: plain[field][:-cut]}
        with pytest.raises(ValueError):
            PlaceIndex.from_plain(broken)
