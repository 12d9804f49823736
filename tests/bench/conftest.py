from __future__ import annotations

import pytest

from claimgraph.record import Record
from tests.serve.samples import sample_records


@pytest.fixture()
def records() -> list[Record]:
    return sample_records()
