"""Casualties: counts from numbers and from people, zeros, and one victim counted once."""

from __future__ import annotations

import pytest

from extract.events.casualties import numbered_casualties, people_casualties, zero_casualties


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        pytest.param("20 tourists and one policeman were killed", [("killed", 20, None), ("killed", 1, None)],
                     id="parts-add-up"),
        pytest.param("killing 142 people in mosques", [("killed", 142, None)], id="killing-n"),
        pytest.param("At least 39 are confirmed dead", [("killed", 39, "at least")], id="qualifier"),
        pytest.param("dozens of people were injured", [("injured", 12, None)], id="dozens-is-12"),
        pytest.param("At least five other civilians reportedly also died", [("killed", 5, "at least")],
                     id="words-between-count-and-verb"),
        pytest.param("The death toll rose to 39 on Tuesday", [("killed", 39, None)], id="death-toll"),
        pytest.param("The ministry said talks went well", [], id="no-casualties"),
        pytest.param("He was killed a total of three times in the film", [], id="a-is-not-a-number-here"),
        pytest.param("(@DenverPolice) March 22, 2018 Garcia died of gunshot wounds", [], id="a-date-is-no-count"),
        pytest.param("In 2015 died the last of them", [], id="a-year-is-no-count"),
        pytest.param("killing 2,018 people", [("killed", 2018, None)], id="a-count-with-a-comma"),
        pytest.param("20 schoolchildren had been murdered in Newtown", [("killed", 20, None)], id="n-murdered"),
        pytest.param("Officer Betty Shelby shot and killed 40-year-old Terence Crutcher", [], id="an-age-is-no-count"),
        pytest.param("Jason Edward Dalton,43, died of single gunshot wound", [], id="an-age-after-a-comma-is-no-count"),
        pytest.param("the 2011 raid that killed 9/11 plotter Osama bin Laden", [], id="a-date-after-killed-is-no-count"),
    ],
)
def test_numbered_casualties(event_rules, sentence, parts):
    assert [(c.kind, c.n, c.qualifier) for c in numbered_casualties(sentence, event_rules)] == parts


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        pytest.param("A man was shot and killed Sunday night.", [("killed", 1)], id="shot-and-killed-is-one-death"),
        pytest.param("A 13-year-old boy died of a gunshot wound.", [("killed", 1)], id="died"),
        pytest.param("Earl Braddy was pronounced dead at the scene.", [("killed", 1)], id="pronounced-dead"),
        pytest.param("The bodies of two men were found in a car.", [("killed", 2)], id="bodies-of"),
        pytest.param("A man and a woman were wounded.", [("injured", 1), ("injured", 1)], id="conjoined-victims"),
        pytest.param("The victim was taken to the hospital with non-life-threatening injuries.", [("injured", 1)],
                     id="taken-to-hospital"),
        pytest.param("Police say the suspect shot his wife.", [("injured", 1)], id="shot-is-an-injury"),
        pytest.param("Shots were fired at the house but nobody was hit.", [], id="shots-fired-no-victim"),
        pytest.param("The officers were not injured.", [], id="negated"),
        pytest.param("The car was shot at several times.", [], id="a-car-is-no-victim"),
        pytest.param("DeMuro fatally shot Gilman.", [("killed", 1)], id="a-surname-the-model-calls-a-product"),
        pytest.param("One person is in stable condition at UF Health.", [("injured", 1)], id="in-stable-condition"),
        pytest.param("A shooting in St. Petersburg left a man in critical condition Friday.", [("injured", 1)],
                     id="left-a-man-in-critical-condition"),
        pytest.param("A Palm Coast pizza delivery woman was held up and shot at after she asked for directions.", [],
                     id="shot-at-is-no-wound"),
        pytest.param("When police got to the scene, they found Adane Weldekiros, 72, shot to death in the parking lot.",
                     [("killed", 1)], id="found-shot-to-death"),
        pytest.param("A 17-year-old was injured in a Raleigh shooting Friday evening.", [("injured", 1)],
                     id="an-age-alone-is-a-person"),
        pytest.param("Police are investigating a shooting that sent a five-year-old boy to the hospital.",
                     [("injured", 1)], id="sent-to-the-hospital"),
    ],
)
def test_people_casualties(sentence_of, event_rules, sentence, parts):
    found = people_casualties(sentence_of(sentence), event_rules, 0)
    assert [(p.casualty.kind, p.casualty.n) for p in found] == parts


@pytest.mark.parametrize(
    ("sentence", "zeros"),
    [
        pytest.param("The bomb exploded, but nobody was injured.", [("injured", 0), ("killed", 0)], id="nobody-hurt"),
        pytest.param("No deaths were reported.", [("killed", 0)], id="no-deaths"),
        pytest.param("Two people were injured.", [], id="not-a-zero"),
    ],
)
def test_zero_casualties(sentence_of, event_rules, sentence, zeros):
    assert [(c.kind, c.n) for c in zero_casualties(sentence_of(sentence), event_rules, 0)] == zeros


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param("A man was shot Sunday night on Main Street. He was taken to the hospital, where he later died.",
                     1, 0, id="wounded-then-died-is-one-death"),
        pytest.param("A young man was killed and two others injured in a shooting early Monday, police said. "
                     "Adams and Hepburn were taken to Jackson Memorial Hospital, where Adams later died.",
                     1, 2, id="the-same-victim-told-twice"),
        pytest.param("One man was shot dead on Friday night in Oakland. Two other people were wounded in the "
                     "shooting.", 1, 2, id="others-add"),
        pytest.param("A man was shot in the leg on Tuesday in Dayton. Nobody else was hurt.", 0, 1,
                     id="nobody-else"),
        pytest.param("A stray bullet struck a 9-year-old girl in the leg on Sunday in Chicago.", 0, 1,
                     id="a-bullet-struck-her"),
        pytest.param("Officer Betty Shelby shot and killed 40-year-old Terence Crutcher in Tulsa last week.", 1, 0,
                     id="an-age-is-no-toll"),
        pytest.param("A woman was taken to a local hospital Tuesday after she was found suffering from a gunshot "
                     "wound, police said.", 0, 1, id="found-suffering-from-a-wound"),
        pytest.param("The Sheriff's Office is investigating a Harvey shooting.The shooting happened in the 2200 block "
                     "of Glasgow Drive.The victim sustained non-life-threatening injuries.", 0, 1,
                     id="injuries-told-in-a-glued-sentence"),
        pytest.param("They found 54-year-old Michael Hinsch inside the apartment in Hollywood on Sunday. Hinsch, who "
                     "identified McClernon as the man who shot him, was taken to Memorial Regional Hospital with "
                     "non-life threatening injuries, police said.", 0, 1, id="him-is-the-person-the-sentence-names"),
        pytest.param("Police say 74-year-old Henderson Clarke killed himself after shooting 51-year-old Mary Gillespie "
                     "numerous times on Main Street in Wagram on Wednesday.", 1, 1, id="himself-is-the-shooter"),
        pytest.param("A woman said she was friends with the two men shot to death over the weekend at a residence "
                     "near the Port of Stockton. One man was dead at the scene and the other was pronounced dead at a "
                     "local hospital.", 2, 0, id="the-other-is-one-of-them"),
    ],
)
def test_an_incident_counts_each_victim_once(events_of, text, killed, injured):
    events = events_of(text)
    assert [((e.fatalities or 0), (e.injured or 0)) for e in events] == [(killed, injured)]
