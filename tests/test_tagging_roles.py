"""Event arguments: actors, targets, rates and commodities by linguistic cue.

Every sentence here is written for these tests; each test names the cue class it exercises.
"""

from __future__ import annotations

from typing import Any

import pytest

from service.tagging import Tagger, load_tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


@pytest.fixture(scope="module")
def role_rules(tmp_path_factory: pytest.TempPathFactory) -> Tagger:
    """The role rules alone: the target model (targets.py) off. For tests of how the rules
    parse a clause, where the model may add a name the labelled sets often mark as a target
    (the place struck near, the country that protests drills)."""
    d = tmp_path_factory.mktemp("rules")
    (d / "off.json").write_text('{"target_model": {"threshold": 1.0}}')
    return load_tagger(d)


def events(tagger: Tagger, body: str, title: str = "") -> list[dict[str, Any]]:
    return tagger.tag("r-1", body, title)[1]


def one(tagger: Tagger, body: str, etype: str, nth: int = -1) -> dict[str, Any]:
    """The nth event of one type (default: the last, i.e. in the last sentence that has one)."""
    found = [e for e in events(tagger, body) if e["type"] == etype]
    assert found, f"no {etype} in {[e['type'] for e in events(tagger, body)]}"
    return found[nth]


# --- symmetric events: the other side is a party --------------------------------------------


def test_contact_object_of_to_is_a_party(tagger: Tagger) -> None:
    ev = one(
        tagger,
        "Emmanuel Macron said he would talk to Narendra Modi next week.",
        "DIPLOMATIC_CONTACT",
    )
    assert set(ev["actors"]) == {"person:emmanuel-macron", "person:narendra-modi"}
    assert ev["targets"] == []


def test_contact_preposition_reaches_past_title_and_demonym(tagger: Tagger) -> None:
    body = "Olaf Scholz held a meeting with Polish President Andrzej Duda in Berlin."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:olaf-scholz", "person:andrzej-duda"}
    assert ev["targets"] == []


def test_contact_visited_city_is_not_a_party(tagger: Tagger) -> None:
    body = "Antony Blinken travelled to Cairo for talks with Egyptian officials."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert "place:cairo" not in ev["actors"] + ev["targets"]


def test_coordinated_parties_are_not_modifiers(tagger: Tagger) -> None:
    ev = one(tagger, "Egypt and Qatar brokered a truce between Israel and Hamas.", "MEDIATION")
    assert set(ev["actors"]) == {"country:EGY", "country:QAT"}
    assert set(ev["targets"]) == {"country:ISR", "org:hamas"}


# --- targets resolved from earlier sentences ------------------------------------------------


def test_mediation_targets_are_the_sides_named_earlier(tagger: Tagger) -> None:
    body = (
        "Israeli and Lebanese troops clashed near the border overnight. Egypt offered to mediate."
    )
    ev = one(tagger, body, "MEDIATION")
    assert ev["actors"] == ["country:EGY"]
    assert set(ev["targets"]) == {"country:ISR", "country:LBN"}


def test_rejection_target_is_the_earlier_actor(tagger: Tagger) -> None:
    body = (
        "Donald Trump threatened new tariffs on European cars. "
        "Brussels dismissed the threat as bluster."
    )
    ev = one(tagger, body, "REJECTION")
    assert ev["actors"] == ["place:brussels"]
    assert ev["targets"] == ["person:donald-trump"]


def test_tariff_target_carries_over_to_the_next_sentence(tagger: Tagger) -> None:
    body = (
        "Japan imposed a 30% tariff on Chinese steel on Monday. "
        "The new duties took effect at midnight."
    )
    ev = one(tagger, body, "TARIFF_ACTION")
    assert ev["targets"] == ["country:CHN"]
    assert "country:CHN" not in ev["actors"]


# --- subjects, speakers, pronouns ------------------------------------------------------------


def test_embedded_subject_of_reported_speech_acts(tagger: Tagger) -> None:
    body = "The Kremlin said that Russia and Belarus would hold talks on Friday."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"country:RUS", "country:BLR"}


def test_speaker_acts_when_the_clause_subject_is_a_pronoun(tagger: Tagger) -> None:
    ev = one(tagger, "Emmanuel Macron said he would impose sanctions on Iran.", "SANCTIONS_THREAT")
    assert ev["actors"] == ["person:emmanuel-macron"]
    assert ev["targets"] == ["country:IRN"]


def test_they_after_two_speakers_stands_for_both(tagger: Tagger) -> None:
    body = "Armenia and Azerbaijan said on Monday they had agreed to lift the sanctions."
    ev = one(tagger, body, "SANCTIONS_RELIEF")
    assert ev["actors"] == ["country:ARM", "country:AZE"]
    # and where the speaker of the pair speaks with a few words between
    ev = one(tagger, "Cairo and Doha said that they would host talks on Gaza.", "MEDIATION")
    assert ev["actors"] == ["place:cairo", "place:doha"]


def test_pronoun_subject_after_a_condition_takes_the_antecedent(tagger: Tagger) -> None:
    body = (
        "Donald Trump met reporters on Monday. "
        "He declared that if Iran refused, he would impose tariffs on Iranian oil."
    )
    ev = one(tagger, body, "TARIFF_THREAT")
    assert ev["actors"] == ["person:donald-trump"]
    assert ev["targets"] == ["country:IRN"]


def test_subordinate_clause_subject_acts(tagger: Tagger) -> None:
    body = "Olaf Scholz spoke hours after Vladimir Putin questioned the credibility of Poland."
    ev = one(tagger, body, "CRITICISM")
    assert ev["actors"] == ["person:vladimir-putin"]


def test_fronted_phrase_with_place_in_apposition_is_not_the_actor(tagger: Tagger) -> None:
    body = "Speaking in the Polish capital, Warsaw, Olaf Scholz demanded an immediate ceasefire."
    assert one(tagger, body, "CEASEFIRE")["actors"] == ["person:olaf-scholz"]


def test_venue_after_a_party_is_not_a_party(tagger: Tagger) -> None:
    body = "Keir Starmer held a meeting with Donald Trump at the White House on Tuesday."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:keir-starmer", "person:donald-trump"}


def test_accused_party_performs_the_alleged_attack(tagger: Tagger) -> None:
    body = "Lebanon accused Israel of shelling villages near the frontier."
    crit = one(tagger, body, "CRITICISM")
    assert crit["actors"] == ["country:LBN"] and crit["targets"] == ["country:ISR"]
    attack = one(tagger, body, "MILITARY_ESCALATION")
    assert attack["actors"] == ["country:ISR"]
    assert attack["targets"] == ["country:LBN"]


def test_subject_of_face_undergoes_the_tariff(tagger: Tagger) -> None:
    ev = one(tagger, "Vietnam faces a 46% tariff from next month.", "TARIFF_THREAT")
    assert ev["targets"] == ["country:VNM"]
    assert "country:VNM" not in ev["actors"]


def test_patient_verb_inside_reported_clause_leaves_the_speaker_acting(tagger: Tagger) -> None:
    body = "Marco Rubio said that firms trading with Cuba would face sanctions."
    ev = one(tagger, body, "SANCTIONS_THREAT")
    assert ev["actors"] == ["person:marco-rubio"]


def test_conjunct_of_a_prepositional_object_is_not_a_subject(tagger: Tagger) -> None:
    body = (
        "She noted that China, a big buyer of Russian and Iranian oil, had received a tariff pause."
    )
    ev = one(tagger, body, "TARIFF_RELIEF")
    assert ev["targets"] == ["country:CHN"]


# --- attributes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Canada raised duties on American steel from 10 to 20 per cent.", [10, 20]),
        (
            "Mexico will impose a 25 percent tariff on U.S. pork, escalating to 50% in June.",
            [25, 50],
        ),
        ("Steel stocks fell 4% after Japan imposed a 25% tariff on Chinese steel.", [25]),
        ("India, which buys 40% of its crude abroad, was hit with a 10% tariff.", [10]),
    ],
)
def test_rates_are_tariff_rates_only(tagger: Tagger, body: str, want: list[int]) -> None:
    ev = next(e for e in events(tagger, body) if e["type"].startswith("TARIFF"))
    assert ev["attributes"]["rate_pct"] == want


def test_commodity_in_the_sentence_of_a_tariff(tagger: Tagger) -> None:
    body = "Canada imposed a 25% tariff on American steel and aluminium on Monday."
    ev = one(tagger, body, "TARIFF_ACTION")
    assert ev["attributes"]["commodity"] == ["commodity:aluminium", "commodity:steel"]


def test_commodity_goes_to_the_stronger_event_of_its_sentence(tagger: Tagger) -> None:
    body = "Donald Trump doubles tariffs on Brazil over its oil exports, rules out trade talks"
    tagged = {e["type"]: e for e in events(tagger, "", body)}
    assert tagged["TARIFF_ACTION"]["attributes"].get("commodity") == ["commodity:oil"]
    assert "commodity" not in tagged["ECONOMIC_COOPERATION"]["attributes"]


def test_commodity_cut_off_by_an_earlier_clause(tagger: Tagger) -> None:
    body = (
        "The report says Turkey imports Russian gas and warns that Washington may impose tariffs."
    )
    ev = one(tagger, body, "TARIFF_THREAT")
    assert "commodity" not in ev["attributes"]


# --- references back and collective parties ---------------------------------------------------


def test_definite_reference_to_a_meeting_takes_its_parties(tagger: Tagger) -> None:
    body = (
        "Pedro Sanchez met Giorgia Meloni in Madrid on Monday. "
        "Olaf Scholz later described the meeting as cordial."
    )
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:pedro-sanchez", "person:giorgia-meloni"}


def test_indefinite_meeting_keeps_its_own_actor(tagger: Tagger) -> None:
    body = "Pedro Sanchez met Giorgia Meloni in Madrid on Monday. Olaf Scholz wants a meeting soon."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert ev["actors"] == ["person:olaf-scholz"]


def test_collective_subject_of_the_clause_stands_for_the_sides(tagger: Tagger) -> None:
    body = (
        "Armenia and Azerbaijan held talks in Vienna on Friday. "
        "Charles Michel said the process could move on once both sides had signed a truce."
    )
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["actors"]) == {"country:ARM", "country:AZE"}


def test_collective_object_of_a_verb_does_not_act(tagger: Tagger) -> None:
    body = (
        "Armenia and Azerbaijan held talks in Vienna on Friday. "
        "Charles Michel urged both sides to negotiate a lasting settlement."
    )
    ev = one(tagger, body, "PEACE_TALKS")
    assert ev["actors"] == ["person:charles-michel"]


# --- mediation between the article's two sides -----------------------------------------------


def test_mediation_in_a_dispute_with_one_side_targets_both(tagger: Tagger) -> None:
    body = (
        "Ethiopian and Eritrean troops clashed along the frontier overnight. "
        "Ethiopia rejected outside mediation in its quarrel with Eritrea."
    )
    ev = one(tagger, body, "MEDIATION")
    assert set(ev["targets"]) == {"country:ETH", "country:ERI"}
    assert ev["actors"] == []


def test_mediation_before_the_sides_are_set_up_takes_them_later(tagger: Tagger) -> None:
    body = (
        "Norway offered to mediate on Monday. "
        "Ethiopian and Eritrean troops clashed along the frontier overnight."
    )
    ev = one(tagger, body, "MEDIATION")
    assert ev["actors"] == ["country:NOR"]
    assert set(ev["targets"]) == {"country:ETH", "country:ERI"}


def test_title_mediation_takes_the_sides_of_the_body(tagger: Tagger) -> None:
    body = "Ethiopian and Eritrean troops clashed along the frontier overnight."
    ev = next(e for e in tagger.tag("r-2", body, "Norway offers to mediate")[1])
    assert ev["type"] == "MEDIATION" and ev["field"] == "title"
    assert set(ev["targets"]) == {"country:ETH", "country:ERI"}


def test_a_meeting_does_not_replace_the_warring_sides(tagger: Tagger) -> None:
    body = (
        "Ethiopian and Eritrean troops clashed along the frontier overnight. "
        "Kenya and Norway held a meeting in Nairobi. Qatar offered to mediate."
    )
    ev = one(tagger, body, "MEDIATION")
    assert set(ev["targets"]) == {"country:ETH", "country:ERI"}


def test_threat_rates_come_from_the_clause_that_makes_the_threat(tagger: Tagger) -> None:
    body = (
        "Korean cars will face a 12% tariff under the accord, well below the 40% levy "
        "Washington had threatened in May."
    )
    ev = one(tagger, body, "TARIFF_THREAT")
    assert ev["attributes"]["rate_pct"] == [40]


def test_threat_rates_keep_an_escalation_in_the_same_sentence(tagger: Tagger) -> None:
    body = "Ottawa threatened a 20% tariff on American cars, rising to 35% in the autumn."
    ev = one(tagger, body, "TARIFF_THREAT")
    assert ev["attributes"]["rate_pct"] == [20, 35]


def test_criticism_inside_reported_speech_targets_the_clause_subject(tagger: Tagger) -> None:
    body = "Gustavo Petro said the ban was needed because Ecuador had been hostile to Colombia."
    ev = one(tagger, body, "CRITICISM")
    assert ev["actors"] == ["person:gustavo-petro"]
    assert ev["targets"] == ["country:ECU"]


def test_threat_rates_when_the_text_ends_with_a_clause_break(tagger: Tagger) -> None:
    """A trailing comma puts a clause break after the last token; the threat's clause then runs
    to the end of the sentence (this used to raise IndexError)."""
    body = (
        "Ottawa will pay a 10% duty under the deal, "
        "a quarter of the 40% levy Washington had threatened,"
    )
    threats = [e for e in events(tagger, body) if e["type"] == "TARIFF_THREAT"]
    assert threats and threats[0]["attributes"].get("rate_pct") == [40]


def test_a_clause_between_two_names_is_no_title(tagger: Tagger) -> None:
    """'Y is planned, the Kremlin said': Y does not modify the body after the comma."""
    body = "Kaja Kallas flew home. No call between Kallas and Sunak is planned, the Kremlin said."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:kaja-kallas", "person:rishi-sunak"}


def test_an_appositive_title_still_modifies_the_name(tagger: Tagger) -> None:
    body = "Kenya's foreign minister, Musalia Mudavadi, met Abiy Ahmed in Addis Ababa."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert "person:musalia-mudavadi" in ev["actors"]
    assert "country:KEN" not in ev["actors"]


def test_a_name_a_comma_parts_from_the_trigger_does_not_act(tagger: Tagger) -> None:
    body = "Paul Kagame took the quarrel to the African Union, accusing Burundi of aggression."
    ev = one(tagger, body, "CRITICISM")
    assert ev["actors"] == ["person:paul-kagame"]
    assert ev["targets"] == ["country:BDI"]


def test_a_pronoun_subject_acts_and_the_party_it_works_with_is_the_target(tagger: Tagger) -> None:
    body = "Mark Rutte spoke on TV. He promised to work closely with Berlin on the peace plan."
    ev = one(tagger, body, "PEACE_TALKS")
    assert ev["actors"] == ["person:mark-rutte"]
    assert ev["targets"] == ["place:berlin"]


def test_a_place_the_contact_trigger_governs_is_a_party(tagger: Tagger) -> None:
    ev = one(
        tagger, "A British delegation is due to arrive in Japan on Monday.", "DIPLOMATIC_CONTACT"
    )
    assert set(ev["actors"]) == {"country:GBR", "country:JPN"}


def test_the_person_met_is_the_party_rather_than_the_country_visited(tagger: Tagger) -> None:
    body = "Keir Starmer arrived in Japan on Monday for talks with Prime Minister Fumio Kishida."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:keir-starmer", "person:fumio-kishida"}


def test_what_the_trigger_is_aimed_at_beats_the_object_of_an_earlier_verb(tagger: Tagger) -> None:
    body = "Greek army spokesman Nikos Pappas accused Turkish troops of attacking Greek territory."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["country:TUR"]
    assert ev["targets"] == ["country:GRC"]


def test_a_name_after_and_said_is_not_the_target(tagger: Tagger) -> None:
    body = "Annalena Baerbock urged Tehran to accept a truce and said NATO was ready to help."
    ev = one(tagger, body, "CEASEFIRE")
    assert ev["targets"] == ["place:tehran"]


@pytest.mark.parametrize(
    ("country", "actor"),
    [("Ukraine", "person:volodymyr-zelenskiy"), ("Hungary", "country:HUN")],
)
def test_a_speaker_acts_for_his_own_country_but_not_for_another(
    tagger: Tagger, country: str, actor: str
) -> None:
    body = f"Volodymyr Zelenskiy said {country} rejected the proposal outright."
    assert one(tagger, body, "REJECTION")["actors"] == [actor]


def test_a_name_opening_a_temporal_clause_is_not_the_target(tagger: Tagger) -> None:
    body = "Iran test-fired ballistic missiles hours before Antony Blinken arrived in Israel."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["country:IRN"]
    assert ev["targets"] == []


def test_a_country_modifying_a_person_is_his_and_suffers_what_he_alleges(tagger: Tagger) -> None:
    body = "Chilean navy spokesman Ivo Barra accused Peruvian boats of breaching the ceasefire."
    ev = one(tagger, body, "CEASEFIRE")
    assert ev["actors"] == ["country:PER"]
    assert ev["targets"] == ["country:CHL"]


def test_a_country_where_an_attack_lands_is_its_target(tagger: Tagger) -> None:
    body = "Azerbaijan shelled what it called military posts in Armenia on Tuesday."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["country:AZE"]
    assert ev["targets"] == ["country:ARM"]


def test_the_country_goods_come_from_is_the_tariff_target(tagger: Tagger) -> None:
    body = "Canada imposed a 20% tariff on steel from China as a penalty for dumping."
    ev = one(tagger, body, "TARIFF_ACTION")
    assert ev["targets"] == ["country:CHN"]


def test_a_country_in_a_later_clause_is_not_the_target(tagger: Tagger) -> None:
    body = "Canada imposed a 20% tariff on steel, two days after the government of Mexico spoke."
    ev = one(tagger, body, "TARIFF_ACTION")
    assert ev["targets"] == []


def test_the_one_thanked_for_an_act_performed_it(tagger: Tagger) -> None:
    body = "Kenya's president, William Ruto, thanked Norway for mediating between Sudan and Chad."
    ev = one(tagger, body, "MEDIATION")
    assert ev["actors"] == ["country:NOR"]
    assert set(ev["targets"]) == {"country:SDN", "country:TCD"}


def test_a_name_fused_to_the_trigger_performs_it_and_is_no_target(tagger: Tagger) -> None:
    evs = events(tagger, "Eritrea accuses Ethiopia of breaching Qatar-brokered truce.")
    by_type = {e["type"]: e for e in evs}
    assert by_type["MEDIATION"]["actors"] == ["country:QAT"]
    assert by_type["CEASEFIRE"]["actors"] == ["country:ETH"]
    assert by_type["CEASEFIRE"]["targets"] == ["country:ERI"]


def test_a_truce_called_for_by_an_outsider_is_aimed_at_both_sides(tagger: Tagger) -> None:
    body = (
        "Kenyan and Somali troops clashed near the border on Monday. "
        "The African Union called for an immediate truce. "
        "Kenya and Somalia later agreed a ceasefire."
    )
    called, agreed = [e for e in events(tagger, body) if e["type"] == "CEASEFIRE"]
    assert called["actors"] == ["org:african-union"]
    assert set(called["targets"]) == {"country:KEN", "country:SOM"}
    assert agreed["targets"] == []


def test_a_fronted_place_is_not_coordinated_with_the_subject(tagger: Tagger) -> None:
    body = "In Paris, Emmanuel Macron said the peace plan could work."
    assert one(tagger, body, "PEACE_TALKS")["actors"] == ["person:emmanuel-macron"]


def test_a_trigger_in_a_fronted_phrase_takes_the_main_subject(tagger: Tagger) -> None:
    body = "In a phone call with Emmanuel Macron, Narendra Modi discussed the war."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:narendra-modi", "person:emmanuel-macron"}


def test_a_name_in_a_fronted_phrase_is_no_party(tagger: Tagger) -> None:
    body = "Amid Angela Merkel's efforts, economic cooperation between Poland and Lithuania grew."
    ev = one(tagger, body, "ECONOMIC_COOPERATION")
    assert set(ev["actors"]) == {"country:POL", "country:LTU"}


def test_the_actors_own_country_modifying_the_trigger_is_not_another_actor(
    tagger: Tagger,
) -> None:
    body = "Emmanuel Macron gave Kyiv a week to answer the French peace plan."
    assert one(tagger, body, "PEACE_TALKS")["actors"] == ["person:emmanuel-macron"]


def test_the_two_leaders_are_the_titled_leaders_of_the_two_sides(tagger: Tagger) -> None:
    body = (
        "President Emmanuel Macron and Chancellor Olaf Scholz argued after French and German "
        "troops clashed. A meeting between the two leaders is planned for May."
    )
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:emmanuel-macron", "person:olaf-scholz"}


def test_a_person_before_an_organisation_is_no_modifier_without_a_possessive(
    tagger: Tagger,
) -> None:
    body = (
        "Joe Biden spoke. On Monday, the Biden administration gave Chevron six more months "
        "to keep producing oil in Venezuela."
    )
    ev = one(tagger, body, "SANCTIONS_RELIEF")
    assert ev["actors"] == ["person:joe-biden"]
    assert "org:chevron" in ev["targets"]


def test_a_criticism_with_its_own_object_aims_there_not_at_the_reported_clause(
    tagger: Tagger,
) -> None:
    body = "Kaja Kallas said Belarus would be listed next week, accusing Alexander Lukashenko."
    ev = one(tagger, body, "CRITICISM")
    assert ev["actors"] == ["person:kaja-kallas"]
    assert ev["targets"] == ["person:alexander-lukashenko"]


def test_a_spokesperson_in_a_with_phrase_speaks_with_the_actor(tagger: Tagger) -> None:
    body = (
        "Peru accused Chile of an attack. "
        "Chile denied the charge, with navy spokeswoman Ana Lopez saying no shots were fired."
    )
    ev = one(tagger, body, "REJECTION")
    assert ev["actors"] == ["country:CHL", "person:ana-lopez"]
    assert ev["targets"] == ["country:PER"]


def test_a_conjunct_that_opens_its_own_clause_is_not_coordinated(tagger: Tagger) -> None:
    body = (
        "Envoy Jean Arnault flew to Bogota to put the truce plan to President Gustavo Petro, "
        "and Joe Biden said he would call Petro."
    )
    assert one(tagger, body, "CEASEFIRE")["targets"] == ["person:gustavo-petro"]


def test_where_opens_a_clause_whose_names_are_not_targets(tagger: Tagger) -> None:
    body = "Congo and the M23 agreed a truce in Doha, where Emir Tamim bin Hamad met Paul Kagame."
    assert one(tagger, body, "CEASEFIRE")["targets"] == []


def test_a_hyphenated_pair_before_a_symmetric_trigger_are_its_parties(tagger: Tagger) -> None:
    body = "Boris Tadic said there was a good chance of a Serbia-Kosovo trade deal."
    ev = one(tagger, body, "ECONOMIC_COOPERATION")
    assert set(ev["actors"]) == {"country:SRB", "country:XKX"}


def test_a_name_after_noting_that_is_not_a_party(tagger: Tagger) -> None:
    body = "Boris Tadic spoke of a Serbia-Kosovo trade deal, noting that Albanians were keen."
    ev = one(tagger, body, "ECONOMIC_COOPERATION")
    assert "country:ALB" not in ev["actors"] + ev["targets"]


def test_no_comment_from_a_capital_is_the_capitals(tagger: Tagger) -> None:
    ev = one(tagger, "There was no immediate comment from Ankara.", "NO_COMMENT")
    assert ev["actors"] == ["place:ankara"]
    assert ev["targets"] == []


def test_the_one_an_invitation_is_from_is_a_party(tagger: Tagger) -> None:
    body = "Narendra Modi turned down an invitation from Emmanuel Macron to stop in France."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:narendra-modi", "person:emmanuel-macron"}


def test_an_appositive_possessive_is_not_a_conjunct(tagger: Tagger) -> None:
    body = "The EU imposed sanctions on Rosneft and Gazprom, Russia's largest firms, on Monday."
    ev = one(tagger, body, "SANCTIONS_ACTION")
    assert set(ev["targets"]) == {"org:rosneft", "org:gazprom"}


def test_both_sides_acting_together_take_no_target_from_context(tagger: Tagger) -> None:
    body = (
        "Canada imposed tariffs on Chinese steel. Britain and Norway then argued over fish "
        "quotas at a meeting. Both sides agreed to scrap tariffs on salmon."
    )
    ev = one(tagger, body, "TARIFF_RELIEF")
    assert set(ev["actors"]) == {"country:GBR", "country:NOR"}
    assert ev["targets"] == []


@pytest.mark.parametrize(
    ("verb", "actors", "targets"),
    [
        ("warned that Moldova would face", ["person:dmitry-peskov"], ["country:MDA"]),
        ("said that Moldova had launched", ["country:MDA"], []),
    ],
)
def test_a_warning_is_the_warners_threat_but_a_report_is_not(
    tagger: Tagger, verb: str, actors: list[str], targets: list[str]
) -> None:
    body = f"Kremlin spokesman Dmitry Peskov {verb} military strikes."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert (ev["actors"], ev["targets"]) == (actors, targets)


def test_a_possessive_reference_takes_the_parties_of_the_earlier_event(tagger: Tagger) -> None:
    body = (
        "Armenia and Azerbaijan agreed a ceasefire in May. "
        "Russia said on Friday that their ceasefire was holding."
    )
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["actors"]) == {"country:ARM", "country:AZE"}


def test_a_definite_reference_names_the_earlier_event_again(tagger: Tagger) -> None:
    body = (
        "Armenia and Azerbaijan signed a peace deal in Washington. "
        "Observers said the deal left key questions open."
    )
    refs = [e for e in events(tagger, body) if e["trigger"]["text"] == "deal"]
    assert [e["type"] for e in refs] == ["PEACE_TALKS"]
    assert set(refs[0]["actors"]) == {"country:ARM", "country:AZE"}


def test_a_reference_with_nothing_earlier_is_no_event(tagger: Tagger) -> None:
    assert events(tagger, "Observers said the deal left key questions open.") == []


def test_a_reported_demand_is_the_speakers_aimed_at_the_addressee(tagger: Tagger) -> None:
    ev = one(
        tagger, "Recep Erdogan said Armenia and Azerbaijan must agree a ceasefire.", "CEASEFIRE"
    )
    assert ev["actors"] == ["person:recep-tayyip-erdogan"]
    assert ev["targets"] == ["country:ARM", "country:AZE"]


def test_a_demand_by_a_pronoun_speaker_takes_the_antecedent(tagger: Tagger) -> None:
    body = "Ivan Petrov spoke. He said Tbilisi must first stop its offensive."
    ev = one(tagger, body, "CEASEFIRE")
    assert ev["actors"] == ["person:ivan-petrov"]
    assert ev["targets"] == ["place:tbilisi"]


def test_a_gap_holding_a_verb_is_no_possessive_modifier(tagger: Tagger) -> None:
    body = "Prime Minister Viktor Orban's office accused Gazprom of lying about the gas deal."
    ev = one(tagger, body, "CRITICISM")
    assert ev["actors"] == ["person:viktor-orban"]
    assert ev["targets"] == ["org:gazprom"]


def test_a_pronoun_subject_stands_for_the_person_named_before_it(tagger: Tagger) -> None:
    body = (
        "Speaking later that day, Emmanuel Macron said he would talk to Vladimir Putin but "
        "refused to rule out sending French troops into Ukraine."
    )
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["person:emmanuel-macron"]


def test_the_actors_own_country_inside_the_trigger_is_not_its_target(tagger: Tagger) -> None:
    body = "Emmanuel Macron refused to rule out sending French troops into Ukraine."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["person:emmanuel-macron"]
    assert ev["targets"] == ["country:UKR"]


def test_a_reference_takes_the_earlier_actor_and_fallback_skips_persons(tagger: Tagger) -> None:
    body = (
        "Washington imposed a 10% tariff on Canada, half the rate Justin Trudeau had feared. "
        "Two weeks later the tariffs were paused."
    )
    last = [e for e in events(tagger, body) if "paused" in e["sentence"]["text"]]
    by_type = {e["type"]: e for e in last}
    assert by_type["TARIFF_ACTION"]["actors"] == ["place:washington"]
    assert by_type["TARIFF_RELIEF"]["targets"] == ["country:CAN"]


def test_a_collective_that_faces_a_measure_undergoes_it(tagger: Tagger) -> None:
    body = (
        "Greek and Turkish troops clashed on Monday. "
        "Both countries face a 20% EU tariff on steel from Friday."
    )
    ev = one(tagger, body, "TARIFF_THREAT")
    assert ev["actors"] == ["org:eu"]
    assert set(ev["targets"]) == {"country:GRC", "country:TUR"}


def test_they_stands_for_the_parties_of_the_last_two_sided_event(tagger: Tagger) -> None:
    body = (
        "Olaf Scholz spoke with Rishi Sunak by phone on Tuesday. They had been due to meet in Rome."
    )
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:olaf-scholz", "person:rishi-sunak"}


def test_rejecting_an_accusation_aims_at_the_accuser(tagger: Tagger) -> None:
    body = (
        "Benjamin Netanyahu accused Hamas of stalling. Egypt and Qatar later held a meeting "
        "in Cairo. Basem Naim, a senior Hamas official, rejected the accusation."
    )
    ev = one(tagger, body, "REJECTION")
    assert ev["targets"] == ["person:benjamin-netanyahu"]


def test_those_the_actor_talked_with_are_parties_of_what_they_discussed(tagger: Tagger) -> None:
    body = (
        "Emmanuel Macron said he had spoken for an hour with Vice President JD Vance and "
        "Mark Rutte about the peace plan."
    )
    ev = one(tagger, body, "PEACE_TALKS")
    assert ev["actors"] == ["person:emmanuel-macron", "person:jd-vance", "person:mark-rutte"]


def test_it_stands_for_the_country_named_before_it_not_the_speaker(tagger: Tagger) -> None:
    body = "Recep Erdogan said Turkey was ready and that it would mediate between Sudan and Chad."
    assert one(tagger, body, "MEDIATION")["actors"] == ["country:TUR"]


def test_persons_of_countries_are_coordinated_past_the_countries(tagger: Tagger) -> None:
    body = (
        "Foreign ministers Rania Haddad of Jordan and Omar Saleh of Egypt met in Cairo on Monday."
    )
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert ev["actors"] == ["person:rania-haddad", "person:omar-saleh"]


# --- a possessor owns the act its noun names ----------------------------------------------------


def test_possessor_of_a_nominal_trigger_performs_it(tagger: Tagger) -> None:
    body = "Norway condemned Belarus's latest missile test as reckless."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["country:BLR"]
    crit = one(tagger, body, "CRITICISM")
    assert crit["actors"] == ["country:NOR"]


def test_possessor_needs_the_noun_to_follow_closely(tagger: Tagger) -> None:
    # "Belarus's envoy ... " names the owner of the envoy, not of the tariffs: Norway acts
    body = "Norway imposed tariffs on steel from Belarus's neighbours, its trade office said."
    ev = one(tagger, body, "TARIFF_ACTION")
    assert "country:NOR" in ev["actors"]


# --- collectives as subjects and as objects -----------------------------------------------------


def test_the_two_men_are_the_parties_of_the_last_meeting(tagger: Tagger) -> None:
    body = (
        "Gabriel Boric met Luis Arce in La Paz on Monday. "
        "The two men signed an agreement on lithium exports."
    )
    ev = one(tagger, body, "ECONOMIC_COOPERATION")
    assert set(ev["actors"]) == {"person:gabriel-boric", "person:luis-arce"}


def test_a_collective_after_a_verb_is_its_object(tagger: Tagger) -> None:
    body = (
        "Gabriel Boric met Luis Arce in La Paz on Monday. "
        "Mark Carney, who welcomed the two men later, said Canada would sign a trade agreement."
    )
    ev = one(tagger, body, "ECONOMIC_COOPERATION")
    assert "person:gabriel-boric" not in ev["actors"]


def test_a_causative_verb_opens_the_clause_of_its_object(tagger: Tagger) -> None:
    body = "Australia raised tariffs on wine imports, prompting Chile to threaten retaliation."
    ev = one(tagger, body, "TARIFF_THREAT")
    assert ev["actors"] == ["country:CHL"]


def test_an_actor_does_not_aim_at_its_own_country(tagger: Tagger) -> None:
    body = "Chile raised tariffs on Australian wine, prompting Canberra to threaten retaliation."
    ev = one(tagger, body, "TARIFF_THREAT")
    assert ev["actors"] == ["place:canberra"]
    assert "country:AUS" not in ev["targets"]


def test_those_brokering_a_truce_are_not_its_sides(tagger: Tagger) -> None:
    ev = one(tagger, "Kenya and Uganda brokered a new truce in Sudan.", "MEDIATION")
    assert set(ev["actors"]) == {"country:KEN", "country:UGA"}
    assert not {"country:KEN", "country:UGA"} & set(ev["targets"])


def test_lashing_out_at_names_the_target(tagger: Tagger) -> None:
    ev = one(tagger, "Ghana lashed out at Nigeria over the border closure.", "CRITICISM")
    assert ev["actors"] == ["country:GHA"] and ev["targets"] == ["country:NGA"]


def test_a_possessed_noun_does_not_part_two_conjuncts(tagger: Tagger) -> None:
    body = "Mali's army and the Azawad Defence Forces agreed to a truce on Sunday."
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["actors"]) == {"country:MLI", "org:azawad-defence-forces"}


def test_a_place_before_a_verb_trigger_modifies_nothing(tagger: Tagger) -> None:
    body = "Chad and Niger agreed to a truce after talks in Doha brokered by Turkey."
    ev = one(tagger, body, "MEDIATION")
    assert ev["actors"] == ["country:TUR"]
    assert "place:doha" not in ev["targets"]


def test_each_side_blaming_the_other_is_both_sides(tagger: Tagger) -> None:
    body = (
        "Thailand and Cambodia agreed to a ceasefire on Monday. "
        "It broke down within hours, with each side blaming the other."
    )
    ev = one(tagger, body, "CRITICISM")
    assert set(ev["actors"]) == {"country:THA", "country:KHM"}


def test_a_city_travelled_to_does_not_stop_the_search_for_the_other_party(
    tagger: Tagger,
) -> None:
    body = "Gustavo Petro travelled to Caracas for a meeting with Nicolas Maduro."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:gustavo-petro", "person:nicolas-maduro"}


def test_whether_opens_a_clause_of_its_own(tagger: Tagger) -> None:
    body = "Foreign Minister Penny Wong declined to say whether Canberra would join the talks."
    ev = one(tagger, body, "NO_COMMENT")
    assert ev["actors"] == ["person:penny-wong"]


# --- what the object of a verb names, and who "the group" is ----------------------------------


def test_condemning_earlier_strikes_aims_at_who_struck(tagger: Tagger) -> None:
    body = (
        "Azerbaijani drones struck Armenian positions near the border on Monday. "
        "France condemned the strikes."
    )
    ev = one(tagger, body, "CRITICISM")
    assert ev["actors"] == ["country:FRA"] and ev["targets"] == ["country:AZE"]


def test_criticism_naming_no_earlier_event_takes_no_earlier_actor(tagger: Tagger) -> None:
    body = (
        "Azerbaijani drones struck Armenian positions near the border on Monday. "
        "France criticised the closure of the embassy."
    )
    ev = one(tagger, body, "CRITICISM")
    assert ev["targets"] == []


def test_a_demonym_after_by_performs_the_nominal_trigger(tagger: Tagger) -> None:
    body = "Bolivia rejected a plan put forward by Brazilian mediators."
    ev = one(tagger, body, "MEDIATION")
    assert ev["actors"] == ["country:BRA"]


def test_an_envoy_is_a_party_of_the_talks_he_travels_to(tagger: Tagger) -> None:
    body = (
        "Envoy Jean Arnault is expected to travel to Bogota next week for talks with Gustavo Petro."
    )
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:jean-arnault", "person:gustavo-petro"}


def test_the_group_stands_for_the_organisation_last_named(tagger: Tagger) -> None:
    body = (
        "Hezbollah fired rockets at northern Israel on Friday. "
        "The group said it would accept a truce if the strikes stopped."
    )
    ev = one(tagger, body, "CEASEFIRE")
    assert ev["actors"] == ["org:hezbollah"]


def test_the_group_in_apposition_is_the_name_before_it(tagger: Tagger) -> None:
    body = (
        "Hezbollah fired rockets at northern Israel on Friday. "
        "The talks do not cover the Houthis, the group that fired missiles at ships."
    )
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["org:houthis"]


def test_the_government_in_a_capital_is_that_capitals(tagger: Tagger) -> None:
    body = "The government in Tirana threatened sanctions on the companies involved."
    ev = one(tagger, body, "SANCTIONS_THREAT")
    assert ev["actors"] == ["place:tirana"]


def test_after_an_opposing_verb_the_modifier_alone_performs_the_act(tagger: Tagger) -> None:
    body = "Seoul condemned new Japanese export controls on chemicals."
    ev = one(tagger, body, "SANCTIONS_ACTION")
    assert ev["actors"] == ["country:JPN"]


def test_without_an_opposing_verb_the_subject_keeps_acting(tagger: Tagger) -> None:
    body = "Seoul adopted new Japanese-style export controls on chemicals."
    ev = one(tagger, body, "SANCTIONS_ACTION")
    assert "place:seoul" in ev["actors"]


def test_an_offer_of_talks_is_no_mediation(tagger: Tagger) -> None:
    found = {e["type"] for e in events(tagger, "Cuba rejected a U.S. offer of direct talks.")}
    assert "MEDIATION" not in found and "REJECTION" in found


def test_the_two_leaders_are_the_titled_people_of_two_countries(tagger: Tagger) -> None:
    body = (
        "President Gabriel Boric of Chile arrived in Lima on Monday. "
        "Peruvian President Dina Boluarte greeted him at the airport. "
        "The two leaders signed a trade agreement."
    )
    ev = one(tagger, body, "ECONOMIC_COOPERATION")
    assert set(ev["actors"]) == {"person:gabriel-boric", "person:dina-boluarte"}


def test_those_hosted_for_talks_are_parties_of_the_meeting(tagger: Tagger) -> None:
    body = "In Nairobi, William Ruto hosted Salva Kiir and Abdel Fattah al-Burhan for talks."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {
        "person:william-ruto",
        "person:salva-kiir",
        "person:abdel-fattah-al-burhan",
    }


def test_a_meeting_between_two_names_is_theirs_alone(tagger: Tagger) -> None:
    body = "Argentina hopes to hold a meeting between Lula and Javier Milei in June."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:luiz-inacio-lula-da-silva", "person:javier-milei"}


def test_he_after_and_said_is_the_subject_not_the_object(tagger: Tagger) -> None:
    body = "Lukashenko thanked President Donald Trump and said he hoped to visit Beijing soon."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert ev["actors"][0] == "person:alexander-lukashenko"


def test_meeting_him_makes_the_other_person_a_party(tagger: Tagger) -> None:
    body = "Lukashenko thanked President Donald Trump and said he hoped to meet him soon."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:alexander-lukashenko", "person:donald-trump"}


def test_a_name_fused_into_the_trigger_words_performs_it(tagger: Tagger) -> None:
    body = "Cuba condemned a U.S. military strike on a fishing boat near its coast."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["org:us-military"]


def test_a_person_asked_about_is_not_who_gave_no_comment(tagger: Tagger) -> None:
    body = "The Pentagon did not respond to a request for comment on Gustavo Petro's claim."
    ev = one(tagger, body, "NO_COMMENT")
    assert ev["actors"] == ["org:pentagon"]


def test_what_a_named_subject_would_not_comment_on_does_not_act(tagger: Tagger) -> None:
    body = "Ottawa declined to comment on the Brazilian proposal."
    assert one(tagger, body, "NO_COMMENT")["actors"] == ["place:ottawa"]
    # with no subject named, whoever the phrase names is who did not comment
    assert one(tagger, "There was no comment from Brazil.", "NO_COMMENT")["actors"] == [
        "country:BRA"
    ]


def test_a_broker_fused_to_its_participle_is_no_party(tagger: Tagger) -> None:
    body = "Shelling resumed in Donetsk after a Turkish-brokered truce between Russia and Ukraine."
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["actors"]) == {"country:RUS", "country:UKR"}
    assert "country:TUR" not in ev["targets"]
    # the participle itself is the broker's own event
    assert one(tagger, body, "MEDIATION")["actors"] == ["country:TUR"]


def test_a_truce_between_two_that_no_one_else_made_is_theirs(tagger: Tagger) -> None:
    body = "A truce between Armenia and Azerbaijan held for a third day."
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["actors"]) == {"country:ARM", "country:AZE"} and ev["targets"] == []
    # one who calls for it acts, and the two are its targets
    ev = one(tagger, "Iran called for a truce between Armenia and Azerbaijan.", "CEASEFIRE")
    assert ev["actors"] == ["country:IRN"]


def test_a_collective_phrase_after_a_preposition_is_no_subject(tagger: Tagger) -> None:
    body = (
        "Ethiopia massed troops near the Eritrean border. Eritrea accused Ethiopia of"
        " aggression. Kenya and Qatar, which have close ties to the two governments, offered"
        " to mediate."
    )
    assert set(one(tagger, body, "MEDIATION")["actors"]) == {"country:KEN", "country:QAT"}
    # "commanders from both sides" still do the meeting
    body = "Thailand and Cambodia agreed a truce. Commanders from both sides met on Tuesday."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"country:THA", "country:KHM"}


def test_two_trading_blame_aim_each_at_the_other(tagger: Tagger) -> None:
    body = "Serbia and Kosovo traded accusations over the border incident on Friday."
    ev = one(tagger, body, "CRITICISM")
    assert set(ev["actors"]) == set(ev["targets"]) == {"country:SRB", "country:XKX"}
    # two who criticise a third together do not aim at each other
    ev = one(tagger, "Serbia and Kosovo criticised the EU's new visa rules.", "CRITICISM")
    assert "country:SRB" not in ev["targets"]


def test_concern_over_the_incident_aims_at_who_caused_it(tagger: Tagger) -> None:
    body = (
        "Chinese coast guard ships fired water cannon at a Philippine supply boat on Monday."
        " Japan expressed concern over the incident."
    )
    assert one(tagger, body, "CRITICISM")["targets"] == ["country:CHN"]


def test_criticism_from_a_name_is_that_names(tagger: Tagger) -> None:
    body = "The tariff drew sharp criticism from Ottawa on Monday."
    assert one(tagger, body, "CRITICISM")["actors"] == ["place:ottawa"]


def test_a_move_by_a_name_to_act_is_that_names_act(tagger: Tagger) -> None:
    body = "Kyiv welcomed a decision by Japan and Canada to sanction Russian shipping firms."
    assert one(tagger, body, "SANCTIONS_ACTION")["actors"] == ["country:JPN", "country:CAN"]


def test_brokers_after_the_trigger_are_no_parties_to_it(tagger: Tagger) -> None:
    body = "Armenia and Azerbaijan agreed to a truce brokered by Iran and Russia on Friday."
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["actors"]) == {"country:ARM", "country:AZE"} and ev["targets"] == []
    assert set(one(tagger, body, "MEDIATION")["actors"]) == {"country:IRN", "country:RUS"}


def test_criticising_the_move_aims_at_who_made_it(tagger: Tagger) -> None:
    body = (
        "Mexico raised tariffs on Chinese cars to 50% on Monday. "
        "Beijing's commerce ministry criticised the move as protectionist."
    )
    ev = one(tagger, body, "CRITICISM")
    assert ev["targets"] == ["country:MEX"]


def test_the_decision_to_do_something_new_is_no_earlier_act(tagger: Tagger) -> None:
    body = (
        "Mexico raised tariffs on Chinese cars to 50% on Monday. "
        "Peru criticised the decision to close the border crossing."
    )
    ev = one(tagger, body, "CRITICISM")
    assert ev["targets"] == []


def test_a_call_between_the_two_leaders_names_them(tagger: Tagger) -> None:
    body = (
        "President Donald Trump threatened tariffs on Chinese steel. A call between Trump and "
        "Chinese President Xi Jinping is expected. A White House spokesperson said a call "
        "between the two leaders could be arranged."
    )
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert set(ev["actors"]) == {"person:donald-trump", "person:xi-jinping"}


def test_the_round_names_the_talks_again(tagger: Tagger) -> None:
    body = (
        "Iran and the United States held talks in Muscat on Saturday. "
        "Iran said the round was constructive."
    )
    again = [e for e in events(tagger, body) if e["sentence"]["start"] > 0]
    assert [(e["type"], set(e["actors"])) for e in again] == [
        ("DIPLOMATIC_CONTACT", {"country:IRN", "country:USA"})
    ]


def test_calling_the_move_unjustified_aims_at_who_made_it(tagger: Tagger) -> None:
    body = (
        "Mexico raised tariffs on Chinese cars to 50% on Monday. "
        "China's ambassador called the move unjustified."
    )
    ev = one(tagger, body, "CRITICISM")
    assert ev["targets"] == ["country:MEX"]


def test_a_spokeswoman_for_a_country_speaks_for_it(tagger: Tagger) -> None:
    ev = one(tagger, "A spokeswoman for Georgia's government declined to comment.", "NO_COMMENT")
    assert ev["actors"] == ["country:GEO"]


def test_both_countries_are_the_two_named_together_before(tagger: Tagger) -> None:
    body = "Kenya urged Ethiopia and Eritrea to talk, saying both countries had deployed troops."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert set(ev["actors"]) == {"country:ETH", "country:ERI"}


def test_calling_on_two_countries_aims_at_both(tagger: Tagger) -> None:
    body = "The African Union called on Ethiopia and Eritrea to exercise maximum restraint."
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["targets"]) == {"country:ETH", "country:ERI"}


def test_a_demonym_before_modifier_words_performs_the_act(tagger: Tagger) -> None:
    title = "Japan protests Russian live-fire drills near Hokkaido"
    found = {e["type"]: e for e in tagger.tag("t-1", "", title)[1]}
    assert found["MILITARY_ESCALATION"]["actors"] == ["country:RUS"]


def test_a_semicolon_ends_the_clause_a_subject_acts_in(role_rules: Tagger, tagger: Tagger) -> None:
    title = "Japan protests Russian live-fire drills; Moscow rejects criticism"
    found = {e["type"]: e for e in role_rules.tag("t-1", "", title)[1]}
    assert found["REJECTION"]["actors"] == ["place:moscow"]
    assert found["MILITARY_ESCALATION"]["targets"] == []
    # the target model never reaches across the semicolon either
    found = {e["type"]: e for e in tagger.tag("t-1", "", title)[1]}
    assert "place:moscow" not in found["MILITARY_ESCALATION"]["targets"]


def test_her_before_a_noun_is_a_possessive_not_a_party(tagger: Tagger) -> None:
    body = "Annalena Baerbock, who praised Sergei Lavrov, met her counterpart on Monday."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert "person:sergei-lavrov" not in ev["actors"]


def test_a_sentence_adverb_ending_in_ed_takes_no_object(tagger: Tagger) -> None:
    body = (
        "Ethiopia accused Eritrea of attacking its troops. "
        "Indeed, both countries agreed to a ceasefire."
    )
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["actors"]) == {"country:ETH", "country:ERI"}


def test_a_verb_before_a_person_gives_no_country(tagger: Tagger) -> None:
    body = (
        "Ukrainian troops clashed with Russian forces on Monday. Russia arrested Olena "
        "Kovalenko. Olena Kovalenko urged a ceasefire."
    )
    ev = one(tagger, body, "CEASEFIRE")
    assert set(ev["targets"]) == {"country:UKR", "country:RUS"}


def test_the_group_is_no_news_agency(tagger: Tagger) -> None:
    body = "Hamas is based in Gaza. According to Reuters, the group fired rockets at Israel."
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["org:hamas"]


@pytest.mark.parametrize(
    ("first", "second", "etype"),
    [
        (
            "Washington warned it could put 30% tariffs on Mexican cars.",
            "Mexico City dismissed the threat on Friday.",
            "TARIFF_THREAT",
        ),
        (
            "The EU extended its sanctions on Belarus for six months.",
            "Officials said the extension had been expected.",
            "SANCTIONS_ACTION",
        ),
        (
            "Israeli jets carried out air raids on Daraa overnight.",
            "Amman said the raids were reckless.",
            "MILITARY_ESCALATION",
        ),
        (
            "Kenya offered to mediate between Somalia and Ethiopia.",
            "Mogadishu welcomed the offer.",
            "MEDIATION",
        ),
    ],
)
def test_a_threat_extension_raid_or_offer_named_again_carries_its_type(
    tagger: Tagger, first: str, second: str, etype: str
) -> None:
    later = [e for e in events(tagger, f"{first} {second}") if e["sentence"]["text"] == second]
    assert etype in {e["type"] for e in later}


def test_condemning_an_extension_targets_who_extended_it(tagger: Tagger) -> None:
    body = (
        "The European Union extended its sanctions on Belarus for six months. "
        "Minsk condemned the extension as economic aggression."
    )
    ev = one(tagger, body, "CRITICISM")
    assert ev["actors"] == ["place:minsk"]
    assert ev["targets"] == ["org:eu"]


def test_one_side_acting_in_a_two_sided_conflict_aims_at_the_other(tagger: Tagger) -> None:
    body = (
        "Thailand and Cambodia clashed along the border on Monday. "
        "On Tuesday, Cambodia said its troops had shelled a base near the frontier."
    )
    ev = one(tagger, body, "MILITARY_ESCALATION")
    assert (ev["actors"], ev["targets"]) == (["country:KHM"], ["country:THA"])


def test_domestic_criticism_in_a_two_sided_story_is_not_aimed_at_the_other_side(
    tagger: Tagger,
) -> None:
    body = (
        "Thailand and Cambodia clashed along the border on Monday. "
        "Cambodia criticised its own football federation for corruption."
    )
    ev = one(tagger, body, "CRITICISM")
    assert "country:THA" not in ev["targets"]


def test_a_welcomed_decision_names_the_earlier_act_again(tagger: Tagger) -> None:
    body = (
        "Kosovo eased its ban on Serbian goods on Monday. The EU welcomed the decision. "
        "Belgrade said the decision changed little."
    )
    found = events(tagger, body)
    welcomed = [e for e in found if "welcomed" in e["sentence"]["text"]]
    assert [e["type"] for e in welcomed] == ["SANCTIONS_RELIEF"]
    # a decision merely discussed is no reference: too general a noun
    assert not [e for e in found if "changed little" in e["sentence"]["text"]]


def test_the_next_round_names_the_earlier_talks_again(tagger: Tagger) -> None:
    body = (
        "Armenia and Azerbaijan held peace talks in Almaty on Friday. "
        "Officials said the next round would be in October."
    )
    later = [e for e in events(tagger, body) if "October" in e["sentence"]["text"]]
    assert "PEACE_TALKS" in {e["type"] for e in later}


@pytest.mark.parametrize(
    "second",
    [
        "Meteorologists issued a new warning about floods in Germany.",
        "Russia launched a fresh round of strikes on Kyiv overnight.",
        "Ukraine will hold the first round of presidential elections in May.",
        "Ukraine's parliament opened a new session on Monday.",
        "Bangladesh welcomed the decision by the central bank to cut rates.",
        "Farmers welcomed the move to raise minimum support prices.",
    ],
)
def test_a_new_series_or_someone_elses_decision_names_no_earlier_event(
    tagger: Tagger, second: str
) -> None:
    first = "Russia and Ukraine held talks in Istanbul, and Trump threatened tariffs on the EU."
    later = [e for e in events(tagger, f"{first} {second}") if e["sentence"]["text"] == second]
    assert not [
        e
        for e in later
        if e["trigger"]["text"] in ("warning", "round", "session", "decision", "move")
    ]


# --- conjuncts, appositive titles and hosts (from held-out role errors) ----------------------


def test_a_demonym_joined_to_the_subject_acts_with_it(tagger: Tagger) -> None:
    ev = one(
        tagger, "Chilean and U.S. officials held talks on a copper accord.", "DIPLOMATIC_CONTACT"
    )
    assert ev["actors"] == ["country:CHL", "country:USA"]


def test_a_name_modifying_a_group_noun_is_a_conjunct(tagger: Tagger) -> None:
    body = "Danish negotiators and Norway's Ministry of Fisheries resumed talks on cod quotas."
    ev = one(tagger, body, "DIPLOMATIC_CONTACT")
    assert ev["actors"][0] == "country:DNK"
    assert len(ev["actors"]) == 2 and ev["actors"][1].startswith("org:")
    ev = one(
        tagger, "Indian troops and Chinese soldiers clashed in the valley.", "MILITARY_ESCALATION"
    )
    assert ev["actors"] == ["country:IND", "country:CHN"]


def test_an_appositive_title_with_two_portfolios_joins_no_names(tagger: Tagger) -> None:
    body = (
        "Peru's energy and mines minister, Lucia Quispe, and Chile's mining minister, Tomas"
        " Reyes, signed a lithium agreement on Monday."
    )
    ev = one(tagger, body, "ECONOMIC_COOPERATION")
    assert ev["actors"] == ["person:lucia-quispe", "person:tomas-reyes"]


def test_a_host_of_talks_is_no_party_to_them(tagger: Tagger) -> None:
    body = (
        "Armenian and Azerbaijani forces traded fire along the border on Sunday."
        " Kazakhstan offered to host peace talks in Almaty."
    )
    ev = one(tagger, body, "PEACE_TALKS")
    assert set(ev["actors"]) == {"country:ARM", "country:AZE"}
    # a name fused to the host verb hosts; the subject is still a party
    ev = one(tagger, "Chad and the rebels agreed a truce at Niger-hosted talks.", "PEACE_TALKS")
    assert "country:TCD" in ev["actors"]


def test_a_section_label_before_a_colon_names_no_party(tagger: Tagger) -> None:
    title = "Yemen live: Saudi Arabia and the Houthis resume talks in Muscat"
    found = [e for e in tagger.tag("r-1", "", title)[1] if e["type"] == "DIPLOMATIC_CONTACT"]
    assert found and found[0]["actors"] == ["country:SAU", "org:houthis"]
    # a place heading a headline without a label is its subject
    ev = tagger.tag("r-1", "", "Sudan: army rejects truce plan")[1]
    assert ev and ev[0]["actors"] == ["country:SDN"]


def test_the_object_of_a_past_tense_verb_neither_modifies_nor_performs(tagger: Tagger) -> None:
    # "Israel killed a Hezbollah commander": Israel modifies no Hezbollah, and Hezbollah, the
    # object of "killed", is not the subject of the strike
    ev = one(
        tagger, "Israel killed a Hezbollah commander in a strike on Tyre.", "MILITARY_ESCALATION"
    )
    assert ev["actors"] == ["country:ISR"]
    ev = one(
        tagger, "Russian jets killed a Wagner deserter in a strike on Homs.", "MILITARY_ESCALATION"
    )
    assert ev["actors"] == ["country:RUS"]


def test_a_possessor_before_a_prepositional_trigger_does_not_perform_it(tagger: Tagger) -> None:
    # "removed Syria's central bank from its sanctions list": the Treasury delists, not Syria
    body = "The U.S. Treasury removed Libya's central bank from its sanctions list."
    ev = one(tagger, body, "SANCTIONS_RELIEF")
    assert "country:LBY" not in ev["actors"]
    # a possessor of the trigger's own noun still performs it
    ev = one(tagger, "Japan condemned North Korea's latest missile launch.", "MILITARY_ESCALATION")
    assert ev["actors"] == ["country:PRK"]


def test_the_parties_named_between_a_host_verb_and_the_talks_meet(tagger: Tagger) -> None:
    title = "Norway to host new Colombia-ELN peace talks; Bogota sets conditions"
    found = [e for e in events(tagger, "The talks are due in May.", title) if e["field"] == "title"]
    contact = next(e for e in found if e["type"] == "DIPLOMATIC_CONTACT")
    assert contact["actors"] == ["country:COL", "org:eln"]


def test_a_city_before_a_modified_meeting_noun_is_the_venue(tagger: Tagger) -> None:
    title = "Kyiv accuses Moscow of stalling as Geneva peace talks resume"
    body = "Russian troops shelled Kharkiv, and Ukraine struck Belgorod."
    found = [e for e in events(tagger, body, title) if e["field"] == "title"]
    talks = next(e for e in found if e["type"] == "PEACE_TALKS")
    assert "place:geneva" not in talks["actors"]
    assert set(talks["actors"]) == {"country:RUS", "country:UKR"}


def test_a_title_case_dateline_city_acts_in_no_event(tagger: Tagger) -> None:
    body = "Doha, 22 January — Delegations from Congo and the M23 resumed talks on Thursday."
    talks = one(tagger, body, "PEACE_TALKS")
    assert "place:doha" not in talks["actors"]
    assert "org:m23" in talks["actors"]


def test_a_name_modifying_a_rule_book_is_no_party(tagger: Tagger) -> None:
    body = (
        "Peru imposed duties of 20% on Vietnamese tyres on Monday."
        " Hanoi said the duties violated WTO rules."
    )
    assert "org:wto" not in one(tagger, body, "CRITICISM")["targets"]
    # "rules out" is a verb: the subject still acts
    assert one(tagger, "The EU rules out new sanctions on Turkey.", "REJECTION")["actors"] == [
        "org:eu"
    ]


def test_a_name_fused_to_a_describing_word_is_no_party(tagger: Tagger) -> None:
    """ "a Lima-based exporter", "a Malta-flagged tanker": the name says where a company or a
    ship is from; the sentence's parties are elsewhere."""
    body = (
        "The EU extended its sanctions on Iran and added a Dubai-based trading company and a"
        " Malta-flagged tanker to the list of those whose assets are frozen."
    )
    sanction = one(tagger, body, "SANCTIONS_ACTION")
    parties = sanction["actors"] + sanction["targets"]
    assert "place:dubai" not in parties and "country:MLT" not in parties
    assert sanction["actors"] == ["org:eu"]
    # without the hyphen the name is a party again
    plain = one(tagger, "Dubai froze the assets of a trading company.", "SANCTIONS_ACTION")
    assert plain["actors"] == ["place:dubai"]


def test_one_thanked_for_help_mediated(tagger: Tagger) -> None:
    body = "Kyiv's envoy thanked Qatar for its efforts after the border clashes with Russia."
    assert one(tagger, body, "MEDIATION")["actors"] == ["country:QAT"]


def test_who_says_a_truce_was_broken_criticises_who_broke_it(tagger: Tagger) -> None:
    body = "The Thai army said Cambodian troops had violated the ceasefire overnight."
    ev = one(tagger, body, "CRITICISM")
    assert (ev["actors"], ev["targets"]) == (["country:THA"], ["country:KHM"])
    assert one(tagger, body, "CEASEFIRE")["actors"] == ["country:KHM"]


def test_talks_between_the_warring_sides_are_peace_talks_too(tagger: Tagger) -> None:
    body = (
        "Armenian forces shelled Azerbaijani positions on Monday."
        " Armenian and Azerbaijani foreign ministers held talks in Abu Dhabi on Tuesday."
    )
    found = [e for e in events(tagger, body) if e["sentence"]["start"] > 0]
    talks = {e["type"]: e["actors"] for e in found}
    assert talks["PEACE_TALKS"] == talks["DIPLOMATIC_CONTACT"] == ["country:ARM", "country:AZE"]
    # a meeting ruled out negotiates nothing
    ruled_out = body.replace("held talks", "ruled out a meeting")
    assert "PEACE_TALKS" not in {e["type"] for e in events(tagger, ruled_out)}


def test_one_urging_the_sides_to_keep_a_truce_makes_the_call(tagger: Tagger) -> None:
    body = (
        "Russia and Ukraine agreed a truce on energy strikes in March."
        " The State Department urged both sides to return to the terms of the truce."
    )
    ev = one(tagger, body, "CEASEFIRE")
    assert ev["actors"] == ["org:us-state-department"]
    assert set(ev["targets"]) == {"country:RUS", "country:UKR"}


def test_the_striker_acts_in_a_strike_someone_condemns(tagger: Tagger) -> None:
    body = (
        "Israel struck Hezbollah depots near Tyre on Friday."
        " Lebanon's prime minister, Karim Haddad, condemned the strikes and urged restraint."
    )
    assert one(tagger, body, "MILITARY_ESCALATION")["actors"] == ["country:ISR"]


def test_an_irregular_past_verb_between_two_names_is_a_clause(
    role_rules: Tagger, tagger: Tagger
) -> None:
    body = "Israel struck Hezbollah depots near Tyre on Friday."
    ev = one(role_rules, body, "MILITARY_ESCALATION")
    assert (ev["actors"], ev["targets"]) == (["country:ISR"], ["org:hezbollah"])
    ev = one(tagger, body, "MILITARY_ESCALATION")  # the model may add where it was struck
    assert (ev["actors"], ev["targets"][:1]) == (["country:ISR"], ["org:hezbollah"])


def test_a_criticism_between_two_countries_sets_up_the_sides(tagger: Tagger) -> None:
    body = (
        "Kenya condemned Uganda over the fishing dispute on Lake Victoria."
        " Ugandan troops later deployed to the island."
    )
    assert one(tagger, body, "MILITARY_ESCALATION")["targets"] == ["country:KEN"]


def test_a_quote_a_pronoun_attributes_after_it_is_its_antecedents(tagger: Tagger) -> None:
    body = (
        "Chile's foreign minister, Ana Valdivieso, arrived in Lima on Tuesday."
        " 'This is a flagrant violation of our fishing rights,' she said."
    )
    assert one(tagger, body, "CRITICISM")["actors"] == ["person:ana-valdivieso"]
