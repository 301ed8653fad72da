"""Detection: what reports one specific incident, and what does not."""

from __future__ import annotations

import pytest

from extract.events.detection import adds_another, is_event_verb, is_specific_noun, refers_back


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("By launching attacks in Yemen and Tunisia, ISIS aims to show its reach.", id="a-plan"),
        pytest.param("The battles have killed thousands of ISIS fighters.", id="a-round-up"),
        pytest.param("Attacks on churches are rare in the country.", id="generic"),
        pytest.param("The two parties agreed.", id="agreed-alone"),
        pytest.param("She met reporters after the ceremony.", id="met-no-named-party"),
        pytest.param("Prices rose in March after a price war between airlines.", id="month-and-metaphor"),
        pytest.param("The actress died peacefully at her home, aged 97.", id="an-obituary"),
        pytest.param("The book 'Under Fire' was released in 2015.", id="a-title"),
        # idioms, campaign rallies and business deals: no argument makes the trigger literal
        pytest.param("Ivanka Trump acknowledged their uphill battle in a Wall Street Journal essay.", id="uphill-battle"),
        pytest.param("Tuttle's article also attacked Christie by accusing him of endorsing Trump.", id="article-attacked"),
        pytest.param("Ted Cruz has stood up and fought for our right to bear arms.", id="fought-for-a-right"),
        pytest.param("On Sunday, he appeared at a Trump rally where he pledged his support.", id="campaign-rally"),
        pytest.param("Meridian Diagnostics Inc said it finalized a licensing agreement with the university.",
                     id="licensing-agreement"),
        pytest.param("Fox News confirmed that Kelly met with Trump.", id="two-people-met"),
        pytest.param("Joe Biden forewent traditional holiday activities as a precaution against COVID-19.",
                     id="precaution-against-a-disease"),
        pytest.param("Hillary Clinton on Monday hit Bernie Sanders on immigration in Vermont.", id="hit-a-rival"),
        pytest.param("Now that oil prices are collapsing in Oklahoma, the economy has followed suit.",
                     id="prices-are-collapsing"),
        pytest.param("It is a sure-fire recipe for winning votes in Mexico.", id="sure-fire"),
        pytest.param("Democrats erupted in laughter at the meeting in California.", id="erupted-in-laughter"),
        pytest.param("Cruz, Blackwell wrote, has consistently demonstrated his commitment.", id="demonstrated"),
        pytest.param("The company said Rockwell had agreed to handle Soma sales around the world.",
                     id="a-firm-agrees"),
        pytest.param("Donald Trump spoke. Trump asked the crowd whether she could stay.", id="a-candidate-asks"),
        pytest.param("Breitbart News has released an excerpt of the book.", id="a-newspaper-releases"),
        pytest.param("No arrests have been made in connection with the shooting.", id="no-arrests"),
        pytest.param("We tracked 76 shooting victims in Philadelphia during January.", id="a-monthly-tally"),
        pytest.param("Shares of ChemLawn shot up 11-5/8 to 29-3/8 in over-the-counter trading in New York.",
                     id="shares-shot-up"),
        pytest.param("The U.K. oil industry has suffered from last year's collapse in oil prices.", id="prices-collapse"),
        # one person's illness, a pandemic as background, a law signed, idioms of talk and meeting
        pytest.param("English mathematician John Horton Conway died on Saturday at his New Jersey home, reportedly "
                     "from COVID-19.", id="one-persons-illness"),
        pytest.param("As cases of coronavirus increased in Florida, Trump cancelled the convention in Jacksonville.",
                     id="a-pandemic-as-background"),
        pytest.param("On Wednesday in the US state of Alabama, Governor Kay Ivey signed the Alabama Human Life "
                     "Protection Act.", id="a-governor-signs-a-law"),
        pytest.param("Wikinews caught up with Dr Martisius to discuss this research.", id="caught-up-with"),
        pytest.param("Ms. Brainard has fueled the talk about her future by donating to the campaign.",
                     id="the-talk-about"),
        pytest.param("Our freedom is under assault from an out-of-control federal government in Washington.",
                     id="under-assault-from"),
        # read by hand in political and business news: capabilities, habits, conditions, campaigns
        pytest.param("Iran is working on a longer-range missile capable of hitting most areas of Iraq.",
                     id="a-missile-capable-of-hitting"),
        pytest.param("Huntington was referring to the traditional coal-fired plant which burns pulverized coal in "
                     "Quebec.", id="a-plant-which-burns-coal"),
        pytest.param("Beck said he would impose a dictatorship if civil unrest were to take place in Washington.",
                     id="if-unrest-took-place"),
        pytest.param("The fracas erupted in Mexico just two months after he entered the race.", id="a-fracas-erupted"),
        pytest.param("Obama barely visited the state in 2008.", id="a-visit-to-the-state"),
        pytest.param("They catch her randomly in Iowa, and she just answers.", id="they-catch-her"),
        pytest.param("Factories in Tennessee were battered by a flood of Asian imports.", id="a-flood-of-imports"),
        pytest.param("Grassley is in a re-election battle of his own in Iowa.", id="a-re-election-battle"),
        pytest.param("Clinton has built a 2016 campaign focused on female voters in Florida.", id="built-a-campaign"),
        pytest.param("Zhukovskyy pleaded not guilty on Tuesday to seven counts of negligent homicide in New Hampshire.",
                     id="counts-of-homicide-in-court"),
        pytest.param("Pohiva, Tonga's prime minister, was evacuated Wednesday to New Zealand for treatment.",
                     id="a-medical-evacuation"),
        pytest.param("In 2004, Blocher was elected to the seven member Federal Council, Switzerland's executive body.",
                     id="an-executive-body"),
        pytest.param("Dodd-Frank, a response to the Wall Street collapse of 2008-9, bailed out the banks in New York.",
                     id="a-wall-street-collapse"),
        pytest.param("The clerk said a man entered the lobby in Huntsville and pulled out a handgun.",
                     id="pulled-out-a-handgun"),
        pytest.param("Romney fired back at the rally in Salt Lake City in March.", id="fired-back"),
        pytest.param("Trump and Sanders often blame China for taking American jobs.", id="often-blame"),
        pytest.param("His supporters have been trading advice about legal services in case of mass arrests in Nevada.",
                     id="in-case-of-arrests"),
        pytest.param("Encrypted services are less susceptible to being intercepted by intelligence agencies in New York.",
                     id="susceptible-to-interception"),
        pytest.param("Donald Trump and Senator Ted Cruz have criticized the Paris agreement.",
                     id="criticized-an-agreement"),
        pytest.param("Fields and several other Breitbart employees resigned in protest in Miami on Monday.",
                     id="resigned-in-protest"),
        pytest.param("Hillary Clinton on Monday hit Bernie Sanders on guns in the Vermont senator's "
                     "not-quite-so-long-shot campaign.", id="a-long-shot-campaign"),
        pytest.param("He blames mass media in Iowa for their failure to cover the Sanders campaign.",
                     id="blame-for-no-incident"),
        pytest.param("Japan's central bank ended a policy meeting on Friday in Tokyo.", id="a-policy-meeting"),
        # words that only name a kind of thing
        pytest.param("\"It's one thing to say you won't accept a beheading video on a site,\" said Faiza Patel.",
                     id="a-beheading-video"),
        pytest.param("FBI Director James Comey attributed rising murder rates in some U.S. cities to police officers.",
                     id="murder-rates"),
        pytest.param("McDonnell Douglas Corp has received a contract for the standoff land attack missile, the Navy said.",
                     id="an-attack-missile"),
        pytest.param("Radio talk host Rush Limbaugh used his platform Friday to discuss the decision.", id="a-talk-host"),
        # a place that locates the act or qualifies a firm is no party
        pytest.param("His one-on-one meeting with Clinton in neutral territory in Washington on Tuesday is the last step.",
                     id="met-in-washington"),
        pytest.param("Reef Energy Corp said it entered into agreements with Penteco Corp, a private Tulsa-based company.",
                     id="a-tulsa-based-company"),
        pytest.param("On Wednesday, the United States' National Basketball Association suspended its season.",
                     id="the-united-states-nba"),
        pytest.param("The French minister alluded to the election during a meeting on Monday with reporters in Paris.",
                     id="a-meeting-with-reporters"),
        pytest.param("Christoph Blocher reacts during an electoral meeting of the Swiss People's Party in Bern.",
                     id="an-electoral-meeting"),
        # seizures of things, blockades of bills, markets, figures of speech
        pytest.param("The Royal Canadian Mounted Police confirmed they seized the drugs from a home in Ontario.",
                     id="seized-drugs"),
        pytest.param("He seized on the issue of religious liberty and drew thousands to rallies in Iowa.",
                     id="seized-on-an-issue"),
        pytest.param("Senate Democrats blocked a $1.1 billion funding package to fight the virus in Washington.",
                     id="blocked-a-bill"),
        pytest.param("Norway was hit hard by the collapse in the oil price during the first half of 1986.",
                     id="a-price-collapse"),
        pytest.param("While earnings dropped sharply, Chevron's results still beat analysts' expectations.",
                     id="results-beat-expectations"),
        pytest.param("In the 2016 election, Trump beat a large field of 16 GOP candidates to clinch the nomination.",
                     id="beat-a-field-of-candidates"),
        pytest.param("Romney fired back in March, attacking Trump for \"the greed, the showing off\" of his campaign.",
                     id="fired-back"),
        pytest.param("Mrs. Clinton showed how the battle against Mr. Sanders continues even as she turns her fire on "
                     "Donald J. Trump.", id="turns-her-fire-on"),
        pytest.param("You see what's happened in Syria with millions of people flooding into Europe.",
                     id="people-flooding"),
        pytest.param("Presidential candidates condemned North Korea's claim to have conducted the test of a hydrogen "
                     "bomb on Wednesday, with Republicans taking shots at the White House.", id="taking-shots-at"),
        pytest.param("Beck fears Trump is building a base there that will be used to harm the nation.",
                     id="a-political-base"),
        pytest.param("The country prospered, and good-guy Bill survived all the insane political attacks from the "
                     "Republican bad guys.", id="political-attacks"),
        pytest.param("More than $800,000 was spent on ads attacking rivals Chris Christie and Ted Cruz.",
                     id="ads-attacking-rivals"),
        pytest.param("Byrd led the conservative Democratic machine that blocked the desegregation of Virginia's public "
                     "schools.", id="blocked-desegregation"),
        pytest.param("General Motors added 1/8 dlr at 81-5/8 ahead of an analysts' meeting on Thursday in London.",
                     id="an-analysts-meeting"),
        pytest.param("By 2010, Tea Party super PACs had seized on cap-and-trade as a political weapon.",
                     id="seized-on-as-a-weapon"),
        pytest.param("Gerard Guillonneau of France, who spoke for consumers, agreed that the current agreement had "
                     "worked relatively well.", id="agreed-that"),
        pytest.param("The sources said that after OPEC had in March demonstrated its commitment to quota agreements, "
                     "some members had raised output.", id="an-agreement-spoken-of"),
        pytest.param("Deputies performed CPR on the man until paramedics arrived and took over lifesaving measures.",
                     id="took-over-lifesaving-measures"),
        pytest.param("Speaking at a rally in Novi, Michigan, Trump says he is making \"a demand\" of Obama.",
                     id="speaking-at-a-rally"),
        pytest.param("At a rally in Ohio on Monday, Trump railed against Clinton's trade policies.",
                     id="railed-against-at-a-rally"),
        pytest.param("WASHINGTON (AP) - Wealthy donors handed over $25 million last month to a super PAC.",
                     id="money-handed-over"),
        pytest.param("Brazil is not a member of G7, but it is part of a pact between the European Union and the "
                     "South American group Mercosur.", id="part-of-a-pact"),
        pytest.param("Oil prices came down sharply in New York on Monday.", id="prices-came-down"),
        pytest.param("Trump came down hard on the Democrats at a rally in Ohio.", id="came-down-on-a-rival"),
        pytest.param("The team went down 3-1 to Arsenal in London on Saturday.", id="a-team-went-down"),
        pytest.param("The scandal has poisoned relations between Washington and Moscow.", id="poisoned-relations"),
        pytest.param("Critics said the ads poisoned the debate in Iowa.", id="poisoned-the-debate"),
        pytest.param("The factory poisoned the river with mercury, officials in Ohio said.", id="poisoned-a-river"),
        pytest.param("She drove into the city on Tuesday to meet investors.", id="drove-into-a-city"),
        pytest.param("The company plowed $5 billion into Texas last year.", id="plowed-money-into-a-state"),
        pytest.param("The senator bit the bullet and voted for the bill in Ohio.", id="bit-the-bullet"),
        pytest.param("We dodged a bullet in Texas this time.", id="dodged-a-bullet"),
        pytest.param("The final international accord on the chemicals is expected to be ratified next month in Rwanda.",
                     id="expected-to-be-ratified"),
        pytest.param("The two presidents are scheduled to meet in Geneva on Friday.", id="scheduled-to-meet"),
        pytest.param("The developers engaged in a scheme in which they systematically looted millions of dollars from "
                     "the foreign investors in Vermont.", id="looted-money"),
        pytest.param("He sponsored the act, requiring police to tell the federal government when someone dies in "
                     "custody or during an arrest.", id="when-someone-dies-in-custody"),
        pytest.param("People said the mosque opened in the 1990s, taking over a building in Fort Pierce.",
                     id="a-mosque-took-over-a-building"),
        # generic talk, a tally, a suicide, goods released (read on fresh Reuters and PolNeAR dev news)
        pytest.param("The debate revealed divisions that have been front and center as a result of police shootings "
                     "and police being shot.", id="police-shootings-in-general"),
        pytest.param("Scott is one of at least 707 people shot and killed by police so far this year, according to "
                     "a Washington Post database.", id="one-of-a-tally"),
        pytest.param("Last year the United States released about 4,900 tonnes of tin to two ferroalloy firms.",
                     id="tin-released"),
        pytest.param("Two people were injured Friday, one seriously, in what police said were unrelated shootings "
                     "just hours apart.", id="unrelated-shootings-are-several"),
        pytest.param("In the past 21 months alone, at least three people have been fatally shot within a two-block "
                     "radius in the neighborhood.", id="a-tally-over-months"),
        pytest.param("The latest incidents bring the city's 2014 gunshot victim total to 14 dead and 23 wounded.",
                     id="a-running-total"),
        pytest.param("In December, we mapped 82 shootings incidents which left 95 people wounded in Philadelphia.",
                     id="a-months-count"),
        pytest.param('"It\'s only like when the media gets a video of a black person getting shot," she said.',
                     id="whenever-the-media-gets-a-video"),
        pytest.param("She has called the police shootings of African Americans across the country a moment similar "
                     "to the civil rights movement.", id="shootings-across-the-country"),
        pytest.param("''Perhaps they can help a white visitor understand the pain and anger of a demonstrator in "
                     "Ferguson and Charlotte,'' Mr. Obama said.", id="a-demonstrator-imagined"),
    ],
)
def test_not_events(events_of, text):
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "event_class"),
    [
        pytest.param("Benin and Nigeria signed the free trade agreement on Sunday.", "Agreement",
                     id="two-parties-sign"),
        pytest.param("As of yesterday, the virus had reportedly killed at least 813 in China.", "Natural disaster",
                     id="an-outbreak-counted"),
        pytest.param("In the case of the two worst explosions at Oxford Street in Belfast, two people were killed.",
                     "Remote explosive/landmine/IED", id="in-the-case-of-is-no-condition"),
        pytest.param("A volcano erupted in Indonesia on Tuesday, forcing thousands of villagers to flee.",
                     "Natural disaster", id="a-volcano-erupts"),
        pytest.param("Police in Lagos caught two suspects on Monday.", "Arrests", id="police-caught-suspects"),
        pytest.param("A man was shot when he opened the door of his home in Dayton on Monday.", "Attack",
                     id="when-in-the-past-is-an-incident"),
        pytest.param("Protests erupted across the country on Sunday after the verdict.", "Peaceful protest",
                     id="protests-across-the-country"),
        pytest.param("Iran released the 10 American sailors on Wednesday.", "Diplomatic event",
                     id="sailors-released"),
        # a suicide or a wound of one's own making keeps its toll (gun-violence counts) but is no attack
        pytest.param("Former police officer Peter Kaisen, 76, shot himself in the parking lot of a veterans hospital "
                     "on Long Island last month.", "Other", id="a-suicide"),
        pytest.param("A man was charged with murder in the death of his wife in Dayton on Friday.", "Attack",
                     id="a-charge-with-its-victim"),
        pytest.param("Turkish troops withdrew from the town of Manbij in Syria on Monday.",
                     "Non-violent transfer of territory", id="troops-withdraw"),
        pytest.param("Iran's Health Ministry reported 1,501 confirmed cases of the coronavirus in Tehran on Monday.",
                     "Natural disaster", id="an-outbreak-of-cases"),
        pytest.param("Greek Prime Minister Kyriakos Mitsotakis met with President Donald Trump on Tuesday.",
                     "Diplomatic event", id="a-meeting-of-named-parties"),
        pytest.param("A fire broke out in a hotel in Karol Bagh early Tuesday, killing 17 people.",
                     "Man-made disaster", id="a-hotel-fire"),
        pytest.param("Gunmen killed a journalist in Aden on Tuesday.", "Attack", id="a-killing"),
        pytest.param("Gunmen attacked a police post in Kabul on Monday, killing three officers.", "Armed clash",
                     id="attack-with-victims"),
        pytest.param("Hundreds of workers held a rally against the pension cuts in Paris on Monday.",
                     "Peaceful protest", id="rally-against-something"),
        pytest.param("Turkey and Libya signed an agreement on maritime borders on Wednesday.", "Agreement",
                     id="two-states-agree"),
        pytest.param("A man was shot in the 1500 block of Pennsylvania Avenue on Monday night.", "Attack",
                     id="a-shooting"),
        pytest.param("A building collapsed in Lagos on Tuesday.", "Man-made disaster", id="a-building-collapses"),
        pytest.param("Members of Local 218 had been on strike for three weeks in Fort Worth.", "Peaceful protest",
                     id="a-labour-strike"),
        pytest.param("Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday.",
                     "Peaceful protest", id="a-crowd-demonstrates"),
        pytest.param("OPEC agreed this weekend in Vienna on an output ceiling of 16.6 mln barrels per day.",
                     "Diplomatic event", id="a-body-of-states-agrees"),
        pytest.param("Alleged Shining Path members murdered four members of a family on 10 March.", "Attack",
                     id="murder-needs-nothing-more"),
        pytest.param("President Yoweri Museveni has threatened to ban opposition candidates.", "Diplomatic event",
                     id="an-office-holder-threatens"),
        pytest.param("The shooting victim died at the hospital in Dayton on Sunday.", "Attack", id="a-shooting-victim"),
        pytest.param("A prominent journalist has been killed in a car bomb explosion in eastern Beirut.",
                     "Remote explosive/landmine/IED", id="a-car-bomb-explosion"),
        pytest.param("Rebels seized the town of Kidal on Sunday.", "Non-state actor overtakes territory",
                     id="seized-a-town"),
        pytest.param("Rebels have taken over four localities in North Kivu province.",
                     "Non-state actor overtakes territory", id="took-over-localities"),
        pytest.param("The law enforcers seized two MON-50 landmines and three F-1 grenades from a cache near Ivaniv.",
                     "Disrupted weapons use", id="seized-landmines"),
        pytest.param("Authorities seized two handguns, 35 rounds of ammunition and more than $14,000 in Byram on "
                     "Monday.", "Disrupted weapons use", id="seized-handguns-and-money"),
        pytest.param("Protesters blocked the highway in Ferguson on Monday.", "Peaceful protest", id="blocked-a-highway"),
        pytest.param("Rebels in the Ivory Coast on Tuesday blocked transport into Abidjan.", "Peaceful protest",
                     id="blocked-transport-into-a-city"),
        pytest.param("The Turkish and Greek sides of Cyprus have agreed to share information on missing people.",
                     "Diplomatic event", id="two-national-sides-agree"),
        pytest.param("Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin signed the agreement on Sunday.",
                     "Agreement", id="presidents-of-two-states-sign"),
        pytest.param("Russia has said it expelled two US Embassy staff members.", "Diplomatic event",
                     id="it-is-who-says-so"),
        pytest.param("The Hotel Arpit Palace in New Delhi caught fire yesterday morning.", "Man-made disaster",
                     id="a-hotel-named-palace-burns"),
        pytest.param("A nationwide bank strike launched yesterday by Brazilian bank workers gained more support today.",
                     "Peaceful protest", id="a-bank-strike-is-a-protest"),
        pytest.param("An air strike killed 12 people in Idlib on Monday.", "Air/drone strike", id="an-air-strike"),
        pytest.param("Protesters shouted at a rally in Chicago on Friday.", "Peaceful protest",
                     id="protesters-at-a-rally"),
        pytest.param("Libya's rival sides on Monday conducted another exchange of prisoners in Tripoli.", "Agreement",
                     id="an-exchange-conducted"),
        pytest.param("Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate.",
                     "Diplomatic event", id="agreed-that-they-should"),
        pytest.param("All 189 on the aircraft died when the flight came down in the Java Sea last October.",
                     "Man-made disaster", id="a-flight-came-down"),
        pytest.param("A helicopter went down in Afghanistan on Tuesday, killing two soldiers.", "Man-made disaster",
                     id="a-helicopter-went-down"),
        pytest.param("The German government said Russian opposition leader Alexei Navalny was poisoned with Novichok.",
                     "Chemical weapon", id="poisoned-with-a-nerve-agent"),
        pytest.param("A woman poisoned her husband with antifreeze in Texas, police said.", "Attack",
                     id="poisoned-a-person"),
        pytest.param("A man drove a truck into a Christmas market in Berlin on Monday night, killing 12 people.",
                     "Attack", id="drove-into-a-market"),
        pytest.param("A van plowed into pedestrians on Yonge Street in Toronto on Monday, killing 10 people.",
                     "Attack", id="plowed-into-pedestrians"),
        pytest.param("He drove his car into a crowd of protesters in Charlottesville on Saturday, killing one woman.",
                     "Attack", id="drove-into-protesters-is-no-protest"),
        pytest.param("The storm killed 12 people in Texas on Monday and is expected to hit Louisiana next.",
                     "Natural disaster", id="what-is-expected-next-leaves-what-happened"),
        pytest.param("A man was killed in Lagos on Monday when gunmen opened fire on a bus.", "Attack",
                     id="when-in-the-past-tells-the-incident"),
        pytest.param("National Guard members were called in after some demonstrations turned violent in Charlotte on "
                     "Wednesday.", "Violent demonstration", id="demonstrations-turned-violent"),
        pytest.param("Thousands marched peacefully in Paris on Saturday against the pension reform.", "Peaceful protest",
                     id="marched-peacefully"),
        pytest.param("Iran has test-fired its newly acquired Silkworm anti-shipping missile in the Strait of Hormuz.",
                     "Other", id="a-missile-test-is-no-attack"),
        pytest.param("Pyongyang fired three missiles into the sea on Monday.", "Other", id="missiles-into-the-sea"),
        pytest.param("Rebels fired rockets at the army base in Aleppo on Monday, killing two soldiers.",
                     "Shelling/artillery/missile attack", id="rockets-fired-at-a-base"),
        pytest.param("Iraqi forces retook Ramadi from Islamic State on Monday.", "Government regains territory",
                     id="retook-a-town"),
        pytest.param("Mokha is less affected by violence than other parts of Yemen, since it was recaptured from "
                     "Houthis in 2017.", "Government regains territory", id="recaptured-from-a-side"),
        pytest.param("Islamic State has said it captured positions from its rival the Taliban in Kunar.",
                     "Non-state actor overtakes territory", id="captured-positions-from-a-rival"),
    ],
)
def test_events(events_of, text, event_class):
    assert [e.event_class for e in events_of(text)] == [event_class]


def test_the_battle_refers_back_only_to_an_incident(events_of):
    """ "the battle against Mr. Sanders" after a statement refers to no incident told before: only
    an incident (a family that carries a toll) makes a later "the battle" literal."""
    text = ("Senator Harry Reid warned Sanders on Tuesday in Washington. Mrs. Clinton showed how the battle against "
            "Mr. Sanders continues to distract her campaign.")
    assert [e.event_class for e in events_of(text)] == ["Diplomatic event"]
    text = ("Gunmen attacked an army post in Kidal on Tuesday, killing three soldiers. The battle lasted "
            "for two hours.")
    assert [e.event_class for e in events_of(text)] == ["Armed clash"]


def test_a_deal_or_a_statement_carries_no_toll(events_of):
    """The dead of the clashes a deal follows are not the deal's (seeds/events/families.csv:
    carries_toll)."""
    events = events_of("Saudi Arabia and Iran signed an agreement in Riyadh on Monday after clashes that killed 12 "
                       "people.")
    assert [(e.event_class, e.fatalities, e.injured) for e in events if e.event_class == "Agreement"] == [
        ("Agreement", None, None)]


def test_an_attack_joined_to_blame_is_said_not_done(events_of):
    """ "attacked law enforcement officers nationwide and blamed police shootings on implicit bias":
    the attack is words; "attacked the convoy and said they would strike again" is still an attack."""
    said = events_of('Christie described Clinton as a "disgrace" after she attacked law enforcement officers '
                     'nationwide and blamed police shootings on "implicit bias" against minorities.')
    assert "Armed clash" not in [e.event_class for e in said] and "Attack" not in [e.event_class for e in said]
    done = events_of("Militants attacked the convoy and said they would strike again, officials said on Monday.")
    assert [e.event_class for e in done] == ["Armed clash"]


# The steps of detection read directly off parsed sentences (parsed once for the module).
WORDS = [
    # sentence, trigger word, is_specific_noun, refers_back, adds_another
    ("An attack killed five people in Kabul.", "attack", True, False, False),
    ("Attacks on churches are rare.", "Attacks", False, False, False),
    ("The attack killed five people.", "attack", True, True, False),
    ("Another attack hit the market on Monday.", "attack", True, False, True),
    ("The Orlando massacre shocked the country.", "massacre", True, False, False),
]
VERBS = [
    # sentence, verb, is_event_verb
    ("Gunmen attacked a police post on Monday.", "attacked", True),
    ("The group aims to attack the capital.", "attack", False),
    ("Rebels will attack the town.", "attack", False),
    ("Gunmen kill five in Kabul", "kill", True),  # a headline's present
    ("She was found suffering from a gunshot wound.", "suffering", True),
]


@pytest.fixture(scope="module")
def parsed_steps(nlp):
    texts = [row[0] for row in WORDS + VERBS]
    return dict(zip(texts, nlp.pipe(texts)))


def token_in(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word, specific, back, another", WORDS)
def test_what_a_trigger_noun_says_of_its_incident(parsed_steps, text, word, specific, back, another):
    token = token_in(parsed_steps[text], word)
    assert (is_specific_noun(token), refers_back(token), adds_another(token)) == (specific, back, another)


@pytest.mark.parametrize("text, word, expected", VERBS)
def test_a_verb_reports_something_done(parsed_steps, event_rules, text, word, expected):
    assert is_event_verb(token_in(parsed_steps[text], word), event_rules) is expected
