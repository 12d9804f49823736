"""Hand-written news reports for the resolve tests: two earthquakes, each reported twice by
different reporters, and the first report republished by a partner site."""

from __future__ import annotations

from claimgraph.ids import text_hash
from claimgraph.record import Record

QUAKE_A = """A magnitude 6.4 earthquake struck the mountainous Hualien county of eastern Taiwan on Tuesday, \
killing at least nine people and trapping dozens in collapsed buildings, officials said.

The quake hit at 11:50 p.m. at a depth of 10 kilometres, about 18 kilometres northeast of Hualien \
city, according to Taiwan's Central Weather Bureau.

“We are doing everything we can to reach the people still inside,” said Hualien county magistrate \
Fu Kun-chi, standing outside the leaning Marshal Hotel, where rescuers worked through the night.

Firefighters used ladders and cranes to pull residents from the Yun Men Tsui Ti building, a \
twelve-storey block of flats that tilted at a sharp angle after its lower floors gave way.

President Tsai Ing-wen flew to Hualien on Wednesday morning and visited the command centre set up \
beside the stadium, promising that the government would spare no effort in the search.

More than 250 people were injured, the National Fire Agency said, and about 140 were reported \
missing in the hours after the quake, though many were later found safe.

The region sits on the boundary of the Philippine Sea and Eurasian plates, and aftershocks of up to \
magnitude 5 continued to shake the city throughout Wednesday.

Schools in the county were closed and train services along the east coast were suspended while \
engineers checked bridges and tunnels for damage."""

QUAKE_A_OTHER = """Rescue teams in Hualien searched for survivors on Wednesday after a strong quake \
late on Tuesday brought down parts of several buildings in the Taiwanese coastal city, leaving nine \
dead.

Television footage showed the Yun Men Tsui Ti apartment building in Hualien leaning heavily, its \
ground floor crushed, as soldiers and firefighters carried people out on stretchers.

Officials said the 6.4 magnitude quake had injured more than 250 people. “We are doing everything \
we can to reach the people still inside,” Hualien magistrate Fu Kun-chi told reporters.

Taiwan's president, Tsai Ing-wen, visited Hualien and met rescue workers, while Japan offered to \
send a team of specialists to help with the search in the damaged towers.

The Marshal Hotel, a well known landmark in Hualien, also partly collapsed, and two of its employees \
were rescued from the basement after being trapped for hours, the hotel's owner said."""

QUAKE_B = """A powerful earthquake of magnitude 7.1 shook central Mexico on Tuesday afternoon, \
toppling dozens of buildings in Mexico City and killing at least 200 people, authorities said.

The quake was centred near Raboso in the state of Puebla, about 120 kilometres southeast of the \
capital, at a depth of 51 kilometres, the United States Geological Survey said.

Volunteers formed human chains to clear rubble from the Enrique Rebsamen school in the south of \
Mexico City, where a wing of the building collapsed onto classrooms.

President Enrique Peña Nieto declared three days of national mourning and said the army and navy \
had been deployed to help rescuers in Morelos, Puebla and the capital.

The disaster came on the anniversary of the 1985 earthquake that killed thousands in Mexico City, \
hours after residents had taken part in a national earthquake drill."""

QUAKE_B_OTHER = """Rescuers in Mexico City dug through the night for children trapped under the \
Enrique Rebsamen school after Tuesday's magnitude 7.1 earthquake, which killed more than 200 \
people across central Mexico.

Mexico's president, Enrique Peña Nieto, visited the school in the Coapa neighbourhood and said \
the death toll in the capital alone had reached 117, with more victims in Morelos and Puebla.

The earthquake struck 32 years to the day after the devastating 1985 quake, shortly after a drill \
in which Mexico City residents practised evacuating their offices and homes.

Soldiers, police and volunteers in hard hats raised their fists to call for silence so rescuers \
could listen for voices under the rubble of collapsed apartment blocks in Roma and Condesa."""

#: QUAKE_A republished by a partner site: new headline, a wire credit, a boilerplate line,
#: quotation marks straightened, paragraphs re-wrapped, its last three paragraphs cut
QUAKE_A_COPY = """Deadly quake leaves Taiwan hotel tilting; dozens still trapped

TAIPEI (Reuters) - A magnitude 6.4 earthquake struck the mountainous Hualien county of eastern
Taiwan on Tuesday, killing at least nine people and trapping dozens in collapsed buildings,
officials said.

Advertisement

The quake hit at 11:50 p.m. at a depth of 10 kilometres, about 18 kilometres northeast of
Hualien city, according to Taiwan's Central Weather Bureau. "We are doing everything we can to
reach the people still inside," said Hualien county magistrate Fu Kun-chi, standing outside the
leaning Marshal Hotel, where rescuers worked through the night.

Firefighters used ladders and cranes to pull residents from the Yun Men Tsui Ti building, a
twelve-storey block of flats that tilted at a sharp angle after its lower floors gave way.

President Tsai Ing-wen flew to Hualien on Wednesday morning and visited the command centre set up
beside the stadium, promising that the government would spare no effort in the search.

Read more: Asia news at our partner site"""


def report(text: str, published: str | None, title: str | None = None) -> Record:
    """A document record as the analysis would give it, without the extracted parts (copies
    and stories need only the text, title and publication date)."""
    return Record(id=text_hash(text), source=f"{text_hash(text)}.txt", published=published,
                  text=text, title=title)
