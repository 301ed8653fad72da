"""The language of a text: a clear guess wins, else the input's word, else the pipeline's."""

import pytest

from ingest.language import article_language, load_language_detector
from tests.conftest import PROJECT_ROOT

DETECTOR = load_language_detector(PROJECT_ROOT / "seeds")


@pytest.mark.parametrize(("text", "declared", "expected"), [
    ("The council met on Tuesday to agree a budget for the schools of the city and its suburbs.", None, "en"),
    ("Le conseil municipal s'est réuni mardi pour voter le budget des écoles de la ville et de sa banlieue.",
     "en", "fr"),  # the text says French whatever the input declared
    ("Der Stadtrat hat am Dienstag den Haushalt für die Schulen der Stadt und ihrer Vororte beschlossen.",
     None, "de"),
    ("OK 12 34", "es", "es"),  # too few letters to tell: the declared language
    ("OK 12 34", None, "en"),  # nor declared: the pipeline's
])
def test_a_clear_guess_else_the_declared_else_the_pipeline_language(text, declared, expected):
    assert article_language(text, declared, "en", DETECTOR) == expected
