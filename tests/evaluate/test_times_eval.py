"""The TempEval-3 reader and scorer of the ``times`` evaluation task."""

from __future__ import annotations

from pathlib import Path

from claimgraph.evaluate.times import read_tml, score
from claimgraph.record import Time

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; for <TIMEX3 tid="t2" type="DURATION" value="PT5H">five hours</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_tml_is_read_as_raw_text_with_gold_offsets(tmp_path: Path) -> None:
    path = tmp_path / "x.tml"
    path.write_text(TML)
    doc = read_tml(path)
    assert doc.published == "1998-08-07"
    assert [(t.text, t.type, t.value) for t in doc.times] == [
        ("Friday", "DATE", "1998-08-07"),
        ("five hours", "DURATION", "PT5H"),
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.times)
    assert "exploded Friday & for" in doc.text


def test_value_f1_is_relaxed_f1_times_value_accuracy() -> None:
    gold = [Time(0, 6, "Friday", "DATE", "1998-08-07"), Time(10, 20, "five hours", "DURATION", "PT5H"),
            Time(30, 33, "now", "DATE", "PRESENT_REF")]
    found = [Time(0, 6, "Friday", "DATE", "1998-08-14"), Time(8, 20, "x five hours", "DURATION", "PT5H"),
             Time(40, 45, "later", "DATE", None)]
    report = score(gold, found)
    m = report.metrics()
    assert (report.counts["strict"].tp, report.counts["relaxed"].tp) == (1, 2)
    assert m["value.accuracy"] == 0.5
    assert abs(m["value.f1"] - m["relaxed.f1"] * m["value.accuracy"]) < 1e-3
