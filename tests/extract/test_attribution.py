"""Attribution on hand-checked news sentences: one construction per test.

Each sentence was written for these tests (not taken from gold data); the expected source,
cue and content were checked by hand against the output contract (docs: output.md).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.nlp import extensions
from claimgraph.record import Attribution, Record


def attributions(nlp: Language, text: str) -> list[Attribution]:
    return extensions.results(nlp(text), "cg_attributions")


def only(nlp: Language, text: str) -> Attribution:
    found = attributions(nlp, text)
    assert len(found) == 1, [a.content.text for a in found]
    return found[0]


def test_direct_quote_with_speaker_after(nlp: Language) -> None:
    att = only(nlp, "“We will not retreat,” the defense minister said on Tuesday.")
    assert att.type == "direct"
    assert att.content.text == "“We will not retreat,”"
    assert att.cue is not None and att.cue.text == "said"
    assert att.source is not None and att.source.text == "the defense minister"


def test_direct_quote_with_speaker_before(nlp: Language) -> None:
    att = only(nlp, "The defense minister said: “We will not retreat from Kherson.”")
    assert att.type == "direct"
    assert att.content.text == "“We will not retreat from Kherson.”"
    assert att.source is not None and att.source.text == "The defense minister"


def test_direct_quote_with_speaker_inside(nlp: Language) -> None:
    text = "“We will not retreat,” the minister said, “and we will not negotiate.”"
    att = only(nlp, text)
    assert att.type == "direct"
    assert att.content.start == 0 and att.content.end == len(text)
    assert att.source is not None and att.source.text == "the minister"


def test_straight_quotes_and_he_added(nlp: Language) -> None:
    att = only(nlp, '"This is a disaster for the region," he added.')
    assert att.type == "direct"
    assert att.cue is not None and att.cue.text == "added"
    assert att.content.text == '"This is a disaster for the region,"'


def test_guillemets(nlp: Language) -> None:
    att = only(nlp, "«Nous ne reculerons pas», the minister said.")
    assert att.content.text == "«Nous ne reculerons pas»"


def test_quote_running_over_paragraphs(nlp: Language) -> None:
    text = (
        "The mayor said: “The first paragraph of the statement goes on.\n\n"
        "“The second paragraph keeps going and ends it.”\n\nThe council met later."
    )
    att = only(nlp, text)
    assert att.content.text.startswith("“The first paragraph")
    assert att.content.text.endswith("ends it.”")


def test_quote_going_on_after_the_cue(nlp: Language) -> None:
    text = "“We are ready,” the general said. “The troops have everything they need.”"
    att = only(nlp, text)
    assert att.content.start == 0 and att.content.end == len(text)


def test_two_apostrophe_quotes_go_on_after_the_cue(nlp: Language) -> None:
    text = "''I loved it,'' she said. ''I was so happy the senator noticed us.''"
    att = only(nlp, text)
    assert att.type == "direct"
    assert att.content.start == 0 and att.content.end == len(text)


def test_quote_before_told_cnn(nlp: Language) -> None:
    att = only(nlp, "“She is also a mother of three young boys,” a friend told CNN.")
    assert att.type == "direct"
    assert att.content.text == "“She is also a mother of three young boys,”"
    assert [v.text for v in att.via] == ["CNN"]


def test_quote_before_belongs_to_someone_else(nlp: Language) -> None:
    text = "“Football has become soft.” He says referees are throwing flags for fun."
    found = attributions(nlp, text)
    says = next(a for a in found if a.cue is not None and a.cue.text == "says")
    assert says.content.text == "referees are throwing flags for fun"


def test_quoted_title_before_a_verb_with_its_own_object(nlp: Language) -> None:
    # the verb's object is a name: the quotation before it names a show, it is not speech
    att = only(nlp, "In a “60 Minutes” interview, Trump praised Putin for his strong leadership.")
    assert att.content.text == "Putin for his strong leadership"
    assert att.source is not None and att.source.text == "Trump"


def test_clause_opening_outside_its_quotation_is_the_content(nlp: Language) -> None:
    text = 'Trump, who called Cruz a "pathological liar," said Cruz "says whatever he needs to say."'
    found = attributions(nlp, text)
    said = next(a for a in found if a.cue is not None and a.cue.text == "said")
    assert said.content.text == 'Cruz "says whatever he needs to say."'


def test_quoted_title_in_the_speakers_description(nlp: Language) -> None:
    att = only(nlp, "The “Saturday Night Live” star laughed about the sketch.")
    assert att.content.text == "the sketch"


def test_quote_before_told_a_named_person(nlp: Language) -> None:
    # the one spoken to is no content of its own: the quotation stays
    att = only(nlp, "“It is a disaster,” she told Trump.")
    assert att.content.text == "“It is a disaster,”"


def test_participle_after_a_preposition_takes_the_verb_subject(nlp: Language) -> None:
    found = attributions(nlp, "The governor ended the debate by insisting that the budget was balanced.")
    insisting = next(a for a in found if a.cue is not None and a.cue.text == "insisting")
    assert insisting.source is not None and insisting.source.text == "The governor"
    assert insisting.content.text == "that the budget was balanced"


def test_indirect_speech_keeps_that(nlp: Language) -> None:
    att = only(nlp, "Prime Minister Rishi Sunak said that Britain would send more tanks to Ukraine.")
    assert att.type == "indirect"
    assert att.content.text == "that Britain would send more tanks to Ukraine"
    assert att.source is not None and att.source.text == "Prime Minister Rishi Sunak"


def test_indirect_speech_without_that_and_a_date_between(nlp: Language) -> None:
    att = only(nlp, "The mayor warned on Tuesday the government will cut funding for schools.")
    assert att.cue is not None and att.cue.text == "warned"
    assert att.content.text == "the government will cut funding for schools"


def test_told_bloomberg_is_a_via(nlp: Language) -> None:
    att = only(nlp, "A senior official told Bloomberg that Russia had lost 200 tanks.")
    assert att.source is not None and att.source.text == "A senior official"
    assert [v.text for v in att.via] == ["Bloomberg"]
    assert att.via[0].kind == "media"
    assert att.content.text == "that Russia had lost 200 tanks"


def test_told_reporters_is_not_a_via(nlp: Language) -> None:
    att = only(nlp, "The governor told reporters that the bridge would reopen next week.")
    assert att.via == []


def test_according_to(nlp: Language) -> None:
    att = only(nlp, "According to the Institute for the Study of War, Russian forces advanced near Bakhmut.")
    assert att.type == "according_to"
    assert att.cue is not None and att.cue.text == "According to"
    assert att.source is not None and "Institute for the Study of War" in att.source.text
    assert att.content.text == "Russian forces advanced near Bakhmut"


def test_cited_by_makes_the_outlet_a_via(nlp: Language) -> None:
    att = only(nlp, "An official, cited by Bloomberg on Tuesday, said Russia had lost 50,000 soldiers.")
    assert att.source is not None and att.source.text == "An official"
    assert [v.text for v in att.via] == ["Bloomberg"]
    assert att.content.text == "Russia had lost 50,000 soldiers"


def test_outlet_citing_officials(nlp: Language) -> None:
    att = only(nlp, "Reuters reported, citing two officials, that the talks had collapsed.")
    assert att.source is not None and att.source.text == "two officials"
    assert [v.text for v in att.via] == ["Reuters"]
    assert att.content.text == "that the talks had collapsed"


def test_mixed_paraphrase_with_quoted_fragment(nlp: Language) -> None:
    att = only(nlp, 'The Pentagon described the attack as "consistent" with earlier Russian strikes.')
    assert att.type == "mixed"
    assert att.cue is not None and att.cue.text == "described"
    assert att.content.text == 'the attack as "consistent" with earlier Russian strikes'


def test_anonymous_source_keeps_its_descriptor(nlp: Language) -> None:
    att = only(nlp, "Sources familiar with Kyiv's planning said the offensive would begin in spring.")
    assert att.source is not None
    assert att.source.anonymous
    assert att.source.descriptor == "familiar with Kyiv's planning"
    assert att.source.canonical is None


def test_unnamed_official_is_anonymous(nlp: Language) -> None:
    att = only(nlp, "An unnamed Western intelligence official said the missiles came from Iran.")
    assert att.source is not None and att.source.anonymous
    assert att.source.descriptor is not None and "Western intelligence official" in att.source.descriptor


def test_interviewed_troops_are_anonymous_via_the_outlet(nlp: Language) -> None:
    att = only(nlp, "Ukrainian troops interviewed by Reuters said they were running short of shells.")
    assert att.source is not None and att.source.anonymous
    assert att.source.kind == "military"
    assert [v.text for v in att.via] == ["Reuters"]


def test_named_person_is_not_anonymous(nlp: Language) -> None:
    att = only(nlp, "Angela Merkel said the talks had been constructive.")
    assert att.source is not None and not att.source.anonymous
    assert att.source.kind == "person"


def test_pronoun_resolves_to_the_earlier_person(nlp: Language) -> None:
    found = attributions(
        nlp, "Angela Merkel arrived in Paris on Monday. She said the talks had been constructive."
    )
    assert len(found) == 1
    source = found[0].source
    assert source is not None and source.text == "She"
    assert source.canonical == "Angela Merkel"


def test_description_resolves_to_an_earlier_organisation_source(nlp: Language) -> None:
    text = (
        "The Defense Ministry said its forces had repelled an attack. "
        "The ministry said that 40 soldiers had been captured."
    )
    found = attributions(nlp, text)
    assert len(found) == 2
    first, second = (a.source for a in found)
    assert first is not None and second is not None
    assert second.text == "The ministry"
    assert second.canonical is not None and second.canonical == first.canonical


def test_appositive_name_is_the_canonical_source(nlp: Language) -> None:
    att = only(
        nlp,
        "A State Department spokesman, Matthew Miller, told reporters that the talks had stalled.",
    )
    source = att.source
    assert source is not None and source.text.startswith("A State Department spokesman")
    assert source.canonical == "Matthew Miller"
    assert source.kind == "person" and not source.anonymous


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Prime Minister Keir Starmer said the aid would continue. "
            "A NATO spokeswoman, Farah Dakhlallah, told reporters that the alliance was ready. "
            "She added that more air defences would be sent.",
            "Farah Dakhlallah",
        ),
        (
            "Olaf Scholz said on Monday that Germany would send more tanks. "
            "On Tuesday, Emmanuel Macron met the Polish president in Warsaw. "
            "He said that Europe had to act together.",
            "Emmanuel Macron",
        ),
    ],
)
def test_pronoun_resolves_to_the_most_recent_person(nlp: Language, text: str, speaker: str) -> None:
    found = attributions(nlp, text)
    last = found[-1].source
    assert last is not None and last.text in ("She", "He")
    assert last.canonical == speaker


def test_pronoun_skips_a_person_inside_the_reported_clause(nlp: Language) -> None:
    text = "Joe Biden said Vladimir Putin had miscalculated. He added that sanctions would follow."
    last = attributions(nlp, text)[-1].source
    assert last is not None and last.text == "He" and last.canonical == "Joe Biden"


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine pushes deeper into Russia's Kursk Region as Moscow scrambles reinforcements",
        "Rebel fighters moved across the border into neighbouring Chad overnight.",
        "The convoy drove through the city toward the airport.",
    ],
)
def test_motion_verb_without_content_is_no_cue(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


def test_hedges_in_the_claim(nlp: Language) -> None:
    att = only(nlp, "Russia reportedly lost more than 300 tanks, the ministry said.")
    assert [h.text for h in att.hedges] == ["reportedly", "more than"]


def test_about_is_a_hedge_only_before_a_number(nlp: Language) -> None:
    att = only(nlp, "The minister said they talked about the war and about 300 prisoners.")
    assert [h.text for h in att.hedges] == ["about"]
    assert att.hedges[0].start == att.content.text.index("about 300") + att.content.start


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        # reported speech turns "will" into "would": the plan is reported, not hedged
        ("Prime Minister Pedro Sanchez said the government would deploy 5,000 more troops.", []),
        ("The ministry told reporters that the talks would resume on Monday.", []),
        ("Obama revised his plans in October, saying that 5,500 troops would remain.", []),
        # a condition keeps it a hedge
        ("The minister said he would resign if the vote failed.", ["would"]),
        # so does the present tense of the cue ("says … would" is the speaker's conditional)
        ("The minister says a ceasefire would save thousands of lives.", ["would"]),
        # and a quotation: there "would" is the speaker's own word
        ('"We would never accept that," the minister said.', ["would"]),
    ],
)
def test_would_is_a_hedge_unless_it_only_backshifts_a_past_cue(
    nlp: Language, text: str, hedges: list[str]
) -> None:
    (att,) = [a for a in attributions(nlp, text) if "would" in a.content.text]
    assert [h.text for h in att.hedges] == hedges


def test_reported_state_wants(nlp: Language) -> None:
    att = only(nlp, "The president wants to hold talks with Moscow before the winter.")
    assert att.type == "other"
    assert att.cue is not None and att.cue.text == "wants"
    assert att.content.text == "to hold talks with Moscow before the winter"


def test_wrote(nlp: Language) -> None:
    att = only(nlp, "In a memo, the general wrote that supplies were running low.")
    assert att.cue is not None and att.cue.text == "wrote"
    assert att.content.text == "that supplies were running low"


def test_reported_state_believes_with_a_hedge(nlp: Language) -> None:
    att = only(nlp, "The ministry believes the rebels are unlikely to withdraw.")
    assert att.type == "other"
    assert att.content.text == "the rebels are unlikely to withdraw"
    assert [h.text for h in att.hedges] == ["unlikely"]


def test_reported_state_estimates(nlp: Language) -> None:
    att = only(nlp, "Analysts estimate that the war has cost Russia up to $200 billion.")
    assert att.type == "other"
    assert att.source is not None and att.source.text == "Analysts"
    assert [h.text for h in att.hedges] == ["up to"]


def test_according_to_at_the_end(nlp: Language) -> None:
    att = only(nlp, "Russian forces allegedly shelled the town, according to local officials.")
    assert att.type == "according_to"
    assert att.source is not None and att.source.text == "local officials"
    assert att.content.text == "Russian forces allegedly shelled the town"
    assert [h.text for h in att.hedges] == ["allegedly"]


def test_admits_is_indirect_speech(nlp: Language) -> None:
    att = only(nlp, "The company admitted that it had misled regulators.")
    assert att.type == "indirect"
    assert att.source is not None and att.source.kind == "organization"


def test_denies_is_indirect_speech(nlp: Language) -> None:
    att = only(nlp, "The senator denied that she had taken any money from the company.")
    assert att.type == "indirect"
    assert att.content.text == "that she had taken any money from the company"


def test_quote_inside_a_quote_is_one_attribution(nlp: Language) -> None:
    att = only(nlp, "“I believe the army will hold,” the general said.")
    assert att.cue is not None and att.cue.text == "said"


def test_sentence_without_attribution(nlp: Language) -> None:
    assert attributions(nlp, "Heavy rain fell over the capital on Monday.") == []


def test_offsets_index_the_text(nlp: Language) -> None:
    text = "Officials said on Monday that 12 people had died.\n\n“It is terrible,” one added."
    for att in attributions(nlp, text):
        for span in [att.content, att.cue, att.source, *att.via, *att.hedges]:
            if span is not None:
                assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    ["“Unclosed quotation at the end", "He said “", "‘’", "\"\"\"", "Said.", ""],
)
def test_odd_input_does_not_fail(nlp: Language, text: str) -> None:
    attributions(nlp, text)


def test_attribution_rows_flatten_a_record(nlp: Language) -> None:
    from claimgraph.extract.attribution import attribution_rows

    text = "Russia reportedly lost 300 tanks, an unnamed official told Bloomberg."
    record = Record(id="x", source="test", published=None, text=text)
    record.attributions = attributions(nlp, text)
    rows = attribution_rows(record)
    assert len(rows) == 1
    row = rows[0]
    assert row["via"] == ["Bloomberg"]
    assert row["cue"] == "told"
    assert row["anonymous"] is True
    assert row["hedged"] is True and row["hedges"] == ["reportedly"]
    assert row["content"] == "Russia reportedly lost 300 tanks"


def test_a_long_article_keeps_every_attribution(nlp: Language) -> None:
    """800 attributions in one document are all found (the cost of finding them is checked
    by counting work, not by a clock: tests/extract/test_linear_cost.py)."""
    from claimgraph.extract.attribution import find_attributions

    text = " ".join(
        f"“Quote number {i} is here,” he said. The minister said that {i} tanks were lost."
        for i in range(400)
    )
    assert len(find_attributions(nlp(text))) == 800


def test_as_clause_comments_on_the_main_clause(nlp: Language) -> None:
    att = only(nlp, "As the defense minister said on Monday, the front line has not moved in weeks.")
    assert att.cue is not None and att.cue.text == "said"
    assert att.source is not None and att.source.text == "the defense minister"
    assert att.content.text == "the front line has not moved in weeks"


def test_headline_speaker_colon_without_quotation_marks(nlp: Language) -> None:
    text = "John McCain: Republican Anger Appeals to the Worst in Us\nThe senator spoke at a rally."
    att = attributions(nlp, text)[0]
    assert att.cue is not None and att.cue.text == ":"
    assert att.source is not None and att.source.text == "John McCain"
    assert att.content.text == "Republican Anger Appeals to the Worst in Us"


def test_a_source_never_reaches_across_a_line_break(nlp: Language) -> None:
    text = "John McCain: Republican Anger Appeals to the Worst in Us\nThe senator spoke at a rally."
    for att in attributions(nlp, text):
        assert att.source is None or "\n" not in att.source.text


def test_adjective_after_a_copula_attributes_a_stance(nlp: Language) -> None:
    att = only(nlp, "Senate Republicans have been critical of the administration's handling of the crisis.")
    assert att.cue is not None and att.cue.text == "critical of"
    assert att.source is not None and att.source.text == "Senate Republicans"
    assert att.content.text == "the administration's handling of the crisis"


def test_calling_for_takes_the_infinitive_clause_as_content(nlp: Language) -> None:
    att = only(nlp, "The governor is calling for the federal government to send more troops to the border.")
    assert att.cue is not None and att.cue.text.startswith("calling")
    assert att.content.text == "the federal government to send more troops to the border"


def test_passive_with_agent_attributes_the_subject(nlp: Language) -> None:
    att = only(nlp, "The video was posted by a Ukrainian army brigade.")
    assert att.cue is not None and att.cue.text == "posted"
    assert att.source is not None and att.source.text == "a Ukrainian army brigade"
    assert att.content.text == "The video"


def test_a_light_verb_speaks_for_its_noun_cue(nlp: Language) -> None:
    from claimgraph.extract.attribution import _cue_span
    from claimgraph.extract.attribution.frames import Cue
    from claimgraph.extract.attribution.sources import subject_of

    doc = nlp("The ministry issued a statement that its forces had withdrawn from the village.")
    statement = next(t for t in doc if t.text == "statement")
    span = _cue_span(Cue(statement, "acl", (), 0.9), doc.text)
    assert span.text == "issued a statement"  # PolNeAR marks the verb with its noun
    source = subject_of(statement)
    assert source is not None and source.text == "The ministry"


def test_a_predicate_after_the_object_is_an_object_frame(nlp: Language) -> None:
    att = only(nlp, "Trump called Cruz a liar.")
    assert att.cue is not None and att.cue.text == "called"
    assert att.source is not None and att.source.text == "Trump"


def test_in_a_poll_attributes_like_according_to(nlp: Language) -> None:
    att = only(nlp, "In a CNN poll released Monday, 50 percent of respondents backed the ceasefire.")
    assert att.type == "according_to"
    assert att.cue is not None and att.cue.text == "In"
    assert att.source is not None and att.source.text == "a CNN poll released Monday"
    assert att.content.text == "50 percent of respondents backed the ceasefire"


def test_in_a_report_leaves_the_cue_to_the_verb_of_saying(nlp: Language) -> None:
    att = only(nlp, "In its annual report, the agency estimated that 2,000 soldiers had died.")
    assert att.cue is not None and att.cue.text == "estimated"


def test_a_title_case_headline_is_read_as_who_says_what(nlp: Language) -> None:
    text = "Pentagon Chief Slams Russian Incursion Into Kursk Region\nThe defense secretary spoke on Friday."
    att = attributions(nlp, text)[0]
    assert att.cue is not None and att.cue.text == "Slams"
    assert att.source is not None and att.source.text == "Pentagon Chief"
    assert att.content.text == "Russian Incursion Into Kursk Region"


def test_a_content_the_parse_finds_in_another_paragraph_is_no_content(nlp: Language) -> None:
    # the small model hangs the headline on "spoke" as its object; only "LONDON" is on its line
    text = "Clinton Urges Britain To Remain In European Union\nLONDON — Hillary Clinton on Friday spoke about the vote."
    found = attributions(nlp, text)
    assert "Urges" in [a.cue.text for a in found if a.cue]
    assert all("\n" not in a.content.text for a in found)
    # the lead, now parsed as its own sentence (the headline component), keeps its own cue
    # inside its own line: no attribution reaches across the line break
    assert all(a.cue is None or ("\n" in text[: a.cue.start]) == ("\n" in text[: a.content.start])
               for a in found)


def test_a_wire_dateline_is_not_part_of_the_content(nlp: Language) -> None:
    text = (
        "BRUSSELS (Continental Wire) - European Union foreign ministers agreed on Monday to impose "
        "new sanctions on Iran, diplomats said."
    )
    att = only(nlp, text)
    assert att.content.text.startswith("European Union foreign ministers agreed")


def test_a_quotation_signed_with_a_dash_and_a_name(nlp: Language) -> None:
    text = "“He represents our greatest shame.” ― Sonya Herridge\n“Trump must stop portraying us as criminals.”― Pamela Padilla"
    found = attributions(nlp, text)
    assert [(a.source.text if a.source else None, a.cue.text if a.cue else None) for a in found] == [
        ("Sonya Herridge", "―"),
        ("Pamela Padilla", "―"),
    ]
    assert found[0].type == "direct" and found[0].content.text == "“He represents our greatest shame.”"


def test_an_embedded_tweet_is_signed_by_its_author(nlp: Language) -> None:
    text = "No one should be above the law. pic.twitter.com/OqctxglquI — Paul Ryan (@SpeakerRyan) July 5, 2016"
    att = only(nlp, text)
    assert att.cue is not None and att.cue.text == "—"
    assert att.source is not None and att.source.text == "Paul Ryan"
    assert att.content.text == "No one should be above the law. pic.twitter.com/OqctxglquI"


def test_a_hyphen_inside_a_name_signs_nothing(nlp: Language) -> None:
    assert attributions(nlp, "He voted for the Dodd-Frank\nThe bill passed.") == []


def test_a_photo_credit_is_no_signature(nlp: Language) -> None:
    assert attributions(nlp, "A soldier walks past the ruins of a school in Kharkiv. — Reuters") == []


def test_the_object_refines_how_likely_a_verb_attributes(nlp: Language) -> None:
    """The same verb in the same frame, told apart by what its content hangs on: the learned
    refinement rows ("dobj|word=issue", "prep|word=about") move the word's own rate."""
    from claimgraph.extract.attribution.cues import find_cues
    from claimgraph.extract.attribution.frames import Quotes

    def probability(text: str, word: str) -> float:
        doc = nlp(text)
        cues = find_cues(doc, Quotes.index(doc, []), threshold=0.0)
        return next(c.probability for c in cues if c.token.text == word)

    assert probability("Sanders took issue with the new trade deal.", "took") > 0.5
    assert probability("Sanders took charge of the new trade deal.", "took") < 0.5
    assert probability("Warren spoke about the cost of college.", "spoke") > probability(
        "Warren spoke at the college in Ames.", "spoke"
    )


def test_a_subject_across_a_line_break_does_not_speak(nlp: Language) -> None:
    """A parse that glues the headline to the first line may give the verb two subjects, the
    headline's first: the one on the verb's own line is the source."""
    from spacy.tokens import Doc

    from claimgraph.extract.attribution.sources import subject_of

    words = ["Carson", ":", "Clinton", "unfit", "\n\n", "Dr.", "Carson", "says", "she", "is", "unfit", "."]
    heads = [7, 0, 3, 0, 3, 6, 7, 7, 9, 7, 9, 7]
    deps = ["nsubj", "punct", "nsubj", "appos", "dep", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    spaces = [False, True, True, False, False, True, True, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    source = subject_of(doc[7])
    assert source is not None and source.text == "Dr. Carson"


def test_a_source_leaves_out_the_dateline_and_keeps_its_bracket(nlp: Language) -> None:
    text = "WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended the bill, saying it was overdue."
    saying = next(a for a in attributions(nlp, text) if a.cue is not None and a.cue.text == "saying")
    assert saying.source is not None and saying.source.text == "Sen. Bernie Sanders (I-Vt.)"
    assert saying.content.text == "it was overdue"


def test_a_hedge_belongs_to_the_claim_whose_content_holds_it(nlp: Language) -> None:
    text = (
        "Former President Donald Trump warned that the conflict could spiral into a world war "
        "and said he would end the war within 24 hours if elected."
    )
    warned, said = attributions(nlp, text)
    assert [h.text for h in warned.hedges] == ["could"]
    assert [h.text for h in said.hedges] == ["would"]  # not the warning's "could"
    assert warned.source is not None and said.source is not None
    assert warned.source.text == said.source.text == "Former President Donald Trump"


def test_a_speaker_after_the_claim_the_parser_hung_on_it(nlp: Language) -> None:
    """ "…, an unnamed Western intelligence official, cited by Bloomberg on Tuesday, said": the
    parser reads the official as a second object of "lost"; it is the speaker, via Bloomberg."""
    text = (
        "Russia has lost up to 300 tanks, an unnamed Western intelligence official, "
        "cited by Bloomberg on Tuesday, said."
    )
    att = only(nlp, text)
    assert att.content.text == "Russia has lost up to 300 tanks"
    assert att.source is not None and att.source.text == "an unnamed Western intelligence official"
    assert att.source.anonymous
    assert [v.text for v in att.via] == ["Bloomberg"]
    assert [h.text for h in att.hedges] == ["up to"]


def test_according_to_a_report_citing_others(nlp: Language) -> None:
    """The report cites the diplomats: they speak, through it, and the citation is not content."""
    att = only(nlp, "According to a report by Reuters, citing two diplomats, the ceasefire collapsed overnight.")
    assert att.type == "according_to"
    assert att.source is not None and att.source.text == "two diplomats"
    assert [v.text for v in att.via] == ["a report by Reuters"]
    assert att.content.text == "the ceasefire collapsed overnight"


def test_a_statement_citing_a_ministry_passes_the_ministry_on(nlp: Language) -> None:
    found = attributions(nlp, "A Kremlin statement, citing the defence ministry, said 30 drones were downed.")
    said = next(a for a in found if a.cue is not None and a.cue.text == "said")
    assert said.source is not None and said.source.text == "the defence ministry"
    assert [v.text for v in said.via] == ["A Kremlin statement"]


def test_a_content_does_not_end_on_a_dangling_conjunction(nlp: Language) -> None:
    text = (
        "The World Health Organization said that at least 10 children had died of malnutrition "
        "at the hospital in recent days, and warned that the number was likely to rise."
    )
    said = next(a for a in attributions(nlp, text) if a.cue is not None and a.cue.text == "said")
    assert said.content.text.endswith("in recent days")


def test_a_claim_republished_by_another_outlet_keeps_the_whole_chain(nlp: Language) -> None:
    """The official told Bloomberg, Reuters republished it: one claim, two intermediaries,
    nearest first; "according to" an outlet alone stays an according_to attribution."""
    att = only(nlp, "Russia has lost 300 tanks, an unnamed official told Bloomberg, according to Reuters.")
    assert att.cue is not None and att.cue.text == "told"
    assert att.source is not None and att.source.text == "an unnamed official" and att.source.anonymous
    assert [v.text for v in att.via] == ["Bloomberg", "Reuters"]
    assert att.content.text == "Russia has lost 300 tanks"
    alone = only(nlp, "Russia lost 300 tanks, according to Reuters.")
    assert alone.type == "according_to" and alone.via == []
    assert alone.source is not None and alone.source.text == "Reuters"


def test_two_cues_over_one_content_are_two_attributions_with_two_ids(nlp: Language) -> None:
    """An id names one attribution (events, numbers and the store point at it): a fact-check's
    "Claim:" gives the same content to the word and to its colon, and the two ids differ."""
    found = attributions(nlp, "Claim: Actor Macaulay Culkin has died.\n\nFALSE\n")
    spans = [(a.content.start, a.content.end) for a in found]
    assert len(set(spans)) < len(spans)  # one content, two cues
    assert len({a.id for a in found}) == len(found)
