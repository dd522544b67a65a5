#!/usr/bin/env python3
"""Generate a synthetic, deterministic ACLED-format CSV export for benchmarking.

Usage::

    python bench/gen_acled.py --events 2500000 --out /tmp/acled_2500k.csv [--seed 7] [--jobs 2]

Writes PATH (CSV, UTF-8, "\\n" line ends) and PATH + ".truth.json" (the true totals the
generator knows, so a pipeline run on the file can be checked exactly).

The file
--------
* Columns: ACLED's export codebook, in its order (``COLUMNS``).  It follows the current
  codebook (exports since 2024): ``inter1``/``inter2`` are text actor types ("State forces",
  "Rebel group", ...), ``interaction`` is text ("State forces-Rebel group", "Protesters only"),
  ``iso`` is the numeric ISO 3166-1 code, ``event_date`` is ISO ``YYYY-MM-DD``.  Older
  exports had numeric ``inter1``/``inter2``/``interaction`` codes (1..8, 10..88) and often
  dates like "26 August 2024"; those forms are not produced.
* Rows are sorted by ``event_date``, newest first, as ACLED's exports are; dates run from
  2018-01-01 to 2024-12-31 with a mildly rising volume.
* About 3% of events are in Pakistan (Balochistan about 20% of those), the rest in 34 other
  countries.  Locations have fixed coordinates, as in ACLED (one point per place).  India has
  an admin1 called "Punjab" too, so filters must use ``country`` as well as ``admin1``.
* ``notes`` are 150-400 characters of English with commas and doubled quotes; about 0.1% hold
  a newline, so a reader must honour quoting (pyarrow: ``ParseOptions(newlines_in_values=True)``).
  Fields are quoted only when needed (comma, quote or newline inside), like Python's csv
  module with QUOTE_MINIMAL.
* About 480 bytes per event (2.5M events, about 1.2 GB): the 30 fields other than ``notes``
  take about 300 bytes in realistic form, so notes of at least 150 characters (median about
  165) put the floor near 460.  Fewer events give a smaller file, e.g. 2.3M about 1.1 GB.

Determinism
-----------
The output depends only on ``--seed`` and ``--events``: rows are made in fixed chunks of
``CHUNK`` rows, each with its own random generator seeded from (seed, chunk number), and a
row's date and event number come from its position in the file.  ``--jobs`` only changes
how many processes make the chunks, never the bytes.

Truth
-----
The civilian rule: the fatalities of an event count as ``civilians`` when ``event_type`` is
"Violence against civilians" or ``civilian_targeting`` is "Civilian targeting", otherwise as
``unknown``; ``all`` is the sum of both.  Totals are given for Pakistan, Balochistan, each
Pakistani province, and the same for the 2024 window (2024-01-01..2024-12-31), with the
number of events per category and how many of them had fatalities > 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date, datetime, timezone

import numpy as np

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

CHUNK = 100_000                     # rows per chunk: fixed, part of the output's definition
FIRST_DAY = date(2018, 1, 1)
LAST_DAY = date(2024, 12, 31)
WINDOW_2024 = (date(2024, 1, 1), date(2024, 12, 31))
PAKISTAN_SHARE = 0.03
MAX_FATALITIES = 750
VAC = "Violence against civilians"
CIV_TARGETING = "Civilian targeting"

# ACLED's actor types, in the order of their old numeric codes (1..8); the text
# `interaction` names the lower-coded type first ("State forces-Civilians").
INTER_ORDER = ("State forces", "Rebel group", "Political militia", "Identity militia",
               "Rioters", "Protesters", "Civilians", "External/Other forces")

# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------

# Pakistan: province -> (share of Pakistan's events, [(admin2, admin3, location, lat, lon)]).
PAKISTAN = {
    "Balochistan": (0.20, [
        ("Quetta", "Quetta City", "Quetta", 30.1798, 66.9750),
        ("Kech", "Turbat", "Turbat", 26.0031, 63.0544),
        ("Quetta", "Quetta Saddar", "Hanna Urak", 30.2540, 67.1420),
        ("Gwadar", "Gwadar", "Gwadar", 25.1264, 62.3225),
        ("Panjgur", "Panjgur", "Panjgur", 26.9644, 64.0903),
        ("Mastung", "Mastung", "Mastung", 29.7997, 66.8455),
        ("Kech", "Tump", "Tump", 26.1170, 62.3700),
        ("Khuzdar", "Khuzdar", "Khuzdar", 27.8000, 66.6167),
        ("Kalat", "Kalat", "Kalat", 29.0225, 66.5900),
        ("Kachhi", "Dhadar", "Dhadar", 29.4760, 67.6500),
        ("Sibi", "Sibi", "Sibi", 29.5430, 67.8773),
        ("Dera Bugti", "Dera Bugti", "Dera Bugti", 29.0362, 69.1585),
        ("Kohlu", "Kohlu", "Kohlu", 29.8965, 69.2532),
        ("Zhob", "Zhob", "Zhob", 31.3417, 69.4486),
        ("Loralai", "Loralai", "Loralai", 30.3705, 68.5980),
        ("Nushki", "Nushki", "Nushki", 29.5542, 66.0229),
        ("Chagai", "Dalbandin", "Dalbandin", 28.8885, 64.4062),
        ("Awaran", "Awaran", "Awaran", 26.4568, 65.2314),
        ("Kharan", "Kharan", "Kharan", 28.5833, 65.4167),
        ("Musakhail", "Musakhail", "Musakhail", 30.8589, 69.8183),
        ("Harnai", "Harnai", "Harnai", 30.1000, 67.9379),
        ("Killa Abdullah", "Chaman", "Chaman", 30.9210, 66.4597),
        ("Pishin", "Pishin", "Pishin", 30.5810, 66.9945),
        ("Lasbela", "Hub", "Hub", 25.0500, 66.8833),
        ("Naseerabad", "Dera Murad Jamali", "Dera Murad Jamali", 28.5466, 68.2231),
        ("Jaffarabad", "Dera Allah Yar", "Dera Allah Yar", 28.3747, 68.3500),
        ("Washuk", "Washuk", "Washuk", 27.7300, 64.7600),
    ]),
    "Khyber Pakhtunkhwa": (0.40, [
        ("Peshawar", "Peshawar City", "Peshawar", 34.0151, 71.5249),
        ("Bannu", "Bannu", "Bannu", 32.9861, 70.6042),
        ("Dera Ismail Khan", "Dera Ismail Khan", "Dera Ismail Khan", 31.8314, 70.9019),
        ("North Waziristan", "Miranshah", "Miranshah", 33.0000, 70.0667),
        ("North Waziristan", "Mir Ali", "Mir Ali", 32.9950, 70.2860),
        ("South Waziristan", "Wana", "Wana", 32.2989, 69.5725),
        ("Khyber", "Landi Kotal", "Landi Kotal", 34.0989, 71.1436),
        ("Khyber", "Bara", "Bara", 33.9130, 71.4620),
        ("Peshawar", "Peshawar Saddar", "Badaber", 33.9480, 71.5580),
        ("Bajaur", "Khar", "Khar", 34.7303, 71.5224),
        ("Lakki Marwat", "Lakki Marwat", "Lakki Marwat", 32.6078, 70.9114),
        ("Tank", "Tank", "Tank", 32.2174, 70.3831),
        ("Kurram", "Parachinar", "Parachinar", 33.8992, 70.1008),
        ("Kohat", "Kohat", "Kohat", 33.5869, 71.4414),
        ("Mardan", "Mardan", "Mardan", 34.1986, 72.0404),
        ("Swat", "Babuzai", "Mingora", 34.7717, 72.3600),
        ("Charsadda", "Charsadda", "Charsadda", 34.1453, 71.7308),
        ("Nowshera", "Nowshera", "Nowshera", 34.0159, 71.9747),
        ("Lower Dir", "Timergara", "Timergara", 34.8286, 71.8414),
        ("Mohmand", "Ghalanai", "Ghalanai", 34.3420, 71.3920),
        ("Orakzai", "Kalaya", "Kalaya", 33.6450, 71.0480),
        ("Hangu", "Hangu", "Hangu", 33.5281, 71.0572),
        ("Karak", "Karak", "Karak", 33.1163, 71.0935),
        ("Abbottabad", "Abbottabad", "Abbottabad", 34.1463, 73.2117),
        ("Swabi", "Swabi", "Swabi", 34.1202, 72.4702),
        ("Mansehra", "Mansehra", "Mansehra", 34.3302, 73.1968),
        ("Chitral", "Chitral", "Chitral", 35.8518, 71.7864),
    ]),
    "Punjab": (0.20, [
        ("Lahore", "Lahore City", "Lahore", 31.5497, 74.3436),
        ("Rawalpindi", "Rawalpindi", "Rawalpindi", 33.5973, 73.0479),
        ("Faisalabad", "Faisalabad City", "Faisalabad", 31.4180, 73.0790),
        ("Multan", "Multan City", "Multan", 30.1978, 71.4697),
        ("Gujranwala", "Gujranwala", "Gujranwala", 32.1557, 74.1871),
        ("Dera Ghazi Khan", "Dera Ghazi Khan", "Dera Ghazi Khan", 30.0561, 70.6348),
        ("Sialkot", "Sialkot", "Sialkot", 32.4927, 74.5313),
        ("Bahawalpur", "Bahawalpur City", "Bahawalpur", 29.3956, 71.6836),
        ("Sargodha", "Sargodha", "Sargodha", 32.0836, 72.6711),
        ("Rahim Yar Khan", "Rahim Yar Khan", "Rahim Yar Khan", 28.4202, 70.2952),
        ("Sheikhupura", "Sheikhupura", "Sheikhupura", 31.7131, 73.9783),
        ("Jhang", "Jhang", "Jhang", 31.2700, 72.3200),
        ("Mianwali", "Mianwali", "Mianwali", 32.5839, 71.5370),
        ("Attock", "Attock", "Attock", 33.7667, 72.3600),
        ("Rajanpur", "Rajanpur", "Rajanpur", 29.1044, 70.3301),
        ("Kasur", "Kasur", "Kasur", 31.1187, 74.4507),
        ("Okara", "Okara", "Okara", 30.8081, 73.4458),
    ]),
    "Sindh": (0.14, [
        ("Karachi South", "Saddar Town", "Karachi - Saddar", 24.8546, 67.0280),
        ("Karachi South", "Lyari", "Karachi - Lyari", 24.8710, 66.9960),
        ("Karachi East", "Gulshan-e-Iqbal", "Karachi - Gulshan-e-Iqbal", 24.9200, 67.0900),
        ("Karachi Central", "North Nazimabad", "Karachi - North Nazimabad", 24.9420, 67.0350),
        ("Karachi West", "Orangi", "Karachi - Orangi", 24.9500, 66.9900),
        ("Korangi", "Korangi", "Karachi - Korangi", 24.8300, 67.1300),
        ("Malir", "Malir", "Karachi - Malir", 24.8930, 67.2000),
        ("Hyderabad", "Hyderabad City", "Hyderabad", 25.3960, 68.3578),
        ("Sukkur", "Sukkur", "Sukkur", 27.7052, 68.8574),
        ("Larkana", "Larkana", "Larkana", 27.5570, 68.2264),
        ("Jacobabad", "Jacobabad", "Jacobabad", 28.2769, 68.4514),
        ("Shikarpur", "Shikarpur", "Shikarpur", 27.9556, 68.6382),
        ("Kashmore", "Kandhkot", "Kandhkot", 28.2436, 69.1797),
        ("Ghotki", "Ghotki", "Ghotki", 28.0060, 69.3150),
        ("Shaheed Benazirabad", "Nawabshah", "Nawabshah", 26.2442, 68.4100),
        ("Mirpur Khas", "Mirpur Khas", "Mirpur Khas", 25.5276, 69.0111),
        ("Thatta", "Thatta", "Thatta", 24.7461, 67.9243),
        ("Badin", "Badin", "Badin", 24.6558, 68.8370),
        ("Khairpur", "Khairpur", "Khairpur", 27.5295, 68.7592),
        ("Dadu", "Dadu", "Dadu", 26.7319, 67.7750),
        ("Tharparkar", "Mithi", "Mithi", 24.7367, 69.7970),
    ]),
    "Islamabad Capital Territory": (0.03, [
        ("Islamabad", "Islamabad", "Islamabad", 33.6938, 73.0652),
        ("Islamabad", "Islamabad", "Bhara Kahu", 33.7370, 73.1800),
        ("Islamabad", "Islamabad", "Tarnol", 33.6660, 72.9140),
        ("Islamabad", "Islamabad", "Sihala", 33.5480, 73.2090),
    ]),
    "Gilgit-Baltistan": (0.015, [
        ("Gilgit", "Gilgit", "Gilgit", 35.9208, 74.3144),
        ("Skardu", "Skardu", "Skardu", 35.2971, 75.6333),
        ("Diamer", "Chilas", "Chilas", 35.4200, 74.0944),
        ("Hunza", "Aliabad", "Karimabad", 36.3167, 74.6667),
        ("Ghizer", "Gahkuch", "Gahkuch", 36.1760, 73.7660),
        ("Ghanche", "Khaplu", "Khaplu", 35.1623, 76.3358),
        ("Astore", "Astore", "Astore", 35.3660, 74.8560),
    ]),
    "Azad Kashmir": (0.015, [
        ("Muzaffarabad", "Muzaffarabad", "Muzaffarabad", 34.3700, 73.4711),
        ("Mirpur", "Mirpur", "Mirpur", 33.1478, 73.7517),
        ("Kotli", "Kotli", "Kotli", 33.5184, 73.9022),
        ("Bagh", "Bagh", "Bagh", 33.9811, 73.7761),
        ("Poonch", "Rawalakot", "Rawalakot", 33.8578, 73.7604),
        ("Neelum", "Athmuqam", "Athmuqam", 34.5870, 73.9070),
        ("Bhimber", "Bhimber", "Bhimber", 32.9744, 74.0760),
    ]),
}
PROVINCES = tuple(PAKISTAN)

# Other countries: name, ISO3, ISO numeric, ACLED region, weight, event profile, the first year
# in the state forces' actor names, armed groups [(actor, inter, short)], foreign forces
# [(actor, short)] or (), outlets [(name, scale)], places [(admin1, admin2, location, lat, lon)].
COUNTRIES = [
    ("India", "IND", 356, "South Asia", 12, "unrest", 2014,
     [("CPI (Maoist): Communist Party of India (Maoist)", "Rebel group", "Maoist rebels"),
      ("Unidentified Armed Group (India)", "Political militia", "unidentified gunmen")], (),
     [("Times of India", "National"), ("The Hindu", "National"), ("Hindustan Times", "National"),
      ("Greater Kashmir", "Subnational")],
     [("Uttar Pradesh", "Lucknow", "Lucknow", 26.8467, 80.9462),
      ("Maharashtra", "Mumbai City", "Mumbai", 19.0760, 72.8777),
      ("Punjab", "Ludhiana", "Ludhiana", 30.9010, 75.8573),
      ("Manipur", "Imphal West", "Imphal", 24.8170, 93.9368),
      ("Jammu and Kashmir", "Srinagar", "Srinagar", 34.0837, 74.7973),
      ("West Bengal", "Kolkata", "Kolkata", 22.5726, 88.3639),
      ("Tamil Nadu", "Chennai", "Chennai", 13.0827, 80.2707),
      ("Chhattisgarh", "Bijapur", "Bijapur", 18.7938, 80.8160)]),
    ("United States", "USA", 840, "North America", 8, "unrest", 2021,
     [("Unidentified Armed Group (United States)", "Political militia", "an armed man")], (),
     [("Crowd Counting Consortium", "Local partner-Other"), ("Associated Press", "National"),
      ("Twitter", "New media")],
     [("California", "Los Angeles", "Los Angeles", 34.0522, -118.2437),
      ("New York", "New York", "New York - Manhattan", 40.7831, -73.9712),
      ("Illinois", "Cook", "Chicago", 41.8781, -87.6298),
      ("Texas", "Harris", "Houston", 29.7604, -95.3698),
      ("District of Columbia", "District of Columbia", "Washington", 38.9072, -77.0369)]),
    ("Ukraine", "UKR", 804, "Europe", 9, "war", 2019,
     [("Military Forces of Russia (2000-)", "External/Other forces", "Russian forces")],
     [("Military Forces of Russia (2000-)", "Russian forces")],
     [("Ukrainska Pravda", "National"), ("Ministry of Defence of Ukraine", "Other"),
      ("Telegram", "New media")],
     [("Donetsk", "Bakhmutskyi", "Bakhmut", 48.5947, 38.0003),
      ("Kharkiv", "Kharkivskyi", "Kharkiv", 49.9935, 36.2304),
      ("Zaporizhia", "Polohivskyi", "Orikhiv", 47.5679, 35.7852),
      ("Kherson", "Khersonskyi", "Kherson", 46.6354, 32.6169),
      ("Kyiv City", "Kyiv", "Kyiv", 50.4501, 30.5234),
      ("Luhansk", "Sievierodonetskyi", "Sievierodonetsk", 48.9482, 38.4917)]),
    ("Mexico", "MEX", 484, "Caribbean and Central America", 5, "insurgency", 2018,
     [("CJNG: Jalisco New Generation Cartel", "Political militia", "CJNG gunmen"),
      ("Sinaloa Cartel", "Political militia", "Sinaloa Cartel gunmen")], (),
     [("El Universal (Mexico)", "National"), ("Milenio", "National"), ("Reforma", "National")],
     [("Guanajuato", "Celaya", "Celaya", 20.5222, -100.8122),
      ("Michoacán", "Morelia", "Morelia", 19.7060, -101.1950),
      ("Guerrero", "Acapulco de Juárez", "Acapulco", 16.8531, -99.8237),
      ("Jalisco", "Guadalajara", "Guadalajara", 20.6597, -103.3496),
      ("Mexico City", "Cuauhtémoc", "Mexico City", 19.4326, -99.1332),
      ("Baja California", "Tijuana", "Tijuana", 32.5149, -117.0382)]),
    ("Brazil", "BRA", 76, "South America", 5, "unrest", 2023,
     [("Comando Vermelho", "Political militia", "Comando Vermelho members"),
      ("PCC: First Capital Command", "Political militia", "PCC members")], (),
     [("G1", "National"), ("Folha de S.Paulo", "National"), ("Fogo Cruzado", "Local partner-Other")],
     [("Rio de Janeiro", "Rio de Janeiro", "Rio de Janeiro", -22.9068, -43.1729),
      ("São Paulo", "São Paulo", "São Paulo", -23.5505, -46.6333),
      ("Bahia", "Salvador", "Salvador", -12.9777, -38.5016),
      ("Pará", "Belém", "Belém", -1.4558, -48.4902)]),
    ("Syria", "SYR", 760, "Middle East", 7, "war", 2000,
     [("HTS: Hayat Tahrir al Sham", "Rebel group", "HTS fighters"),
      ("Islamic State (Syria)", "Rebel group", "IS militants"),
      ("QSD: Syrian Democratic Forces", "Rebel group", "SDF fighters")],
     [("Military Forces of Israel (2022-)", "Israeli forces"),
      ("Military Forces of Turkey (2016-)", "Turkish forces")],
     [("SOHR", "Other"), ("Enab Baladi", "National"), ("Step News Agency", "National")],
     [("Idleb", "Idleb", "Idleb", 35.9306, 36.6339),
      ("Aleppo", "Jebel Saman", "Aleppo", 36.2021, 37.1343),
      ("Deir-ez-Zor", "Deir-ez-Zor", "Deir-ez-Zor", 35.3359, 40.1408),
      ("Damascus", "Damascus", "Damascus", 33.5138, 36.2765),
      ("Dar'a", "Dar'a", "Dar'a", 32.6189, 36.1021),
      ("Al-Hasakeh", "Al-Hasakeh", "Al-Hasakeh", 36.5024, 40.7477)]),
    ("Myanmar", "MMR", 104, "Southeast Asia", 5, "war", 2021,
     [("PDF: People's Defense Force", "Rebel group", "PDF fighters"),
      ("AA: Arakan Army", "Rebel group", "Arakan Army fighters"),
      ("KIA: Kachin Independence Army", "Rebel group", "KIA fighters")], (),
     [("Myanmar Now", "National"), ("The Irrawaddy", "National"), ("Radio Free Asia", "International")],
     [("Sagaing", "Monywa", "Monywa", 22.1086, 95.1358),
      ("Mandalay", "Mandalay", "Mandalay", 21.9588, 96.0891),
      ("Rakhine", "Sittwe", "Sittwe", 20.1528, 92.8677),
      ("Shan-North", "Lashio", "Lashio", 22.9333, 97.7500),
      ("Kachin", "Myitkyina", "Myitkyina", 25.3833, 97.4000)]),
    ("Palestine", "PSE", 275, "Middle East", 4, "war", 2007,
     [("Hamas Movement", "Rebel group", "Hamas fighters"),
      ("PIJ: Palestinian Islamic Jihad", "Rebel group", "PIJ fighters")],
     [("Military Forces of Israel (2022-)", "Israeli forces")],
     [("Palestinian Information Center", "National"), ("WAFA", "National"), ("Times of Israel", "Regional")],
     [("Gaza Strip", "Gaza City", "Gaza City", 31.5017, 34.4668),
      ("Gaza Strip", "Khan Yunis", "Khan Yunis", 31.3462, 34.3060),
      ("West Bank", "Jenin", "Jenin", 32.4607, 35.2960),
      ("West Bank", "Nablus", "Nablus", 32.2211, 35.2544),
      ("West Bank", "Hebron", "Hebron", 31.5326, 35.0998)]),
    ("Yemen", "YEM", 887, "Middle East", 4, "war", 2017,
     [("Houthi Movement", "Rebel group", "Houthi forces"),
      ("AQAP: Al Qaeda in the Arabian Peninsula", "Rebel group", "AQAP militants")],
     [("Military Forces of the United States (2021-)", "US forces")],
     [("Aden al-Ghad", "National"), ("Al-Masirah", "National"), ("Yemen Data Project", "Local partner-Other")],
     [("Amanat al Asimah", "Amanat al Asimah", "Sanaa", 15.3694, 44.1910),
      ("Taizz", "Al Qahirah", "Taizz", 13.5795, 44.0209),
      ("Al Hudaydah", "Al Hali", "Al Hudaydah", 14.7978, 42.9545),
      ("Marib", "Marib City", "Marib", 15.4543, 45.3269),
      ("Aden", "Al Mualla", "Aden", 12.7855, 45.0187)]),
    ("Nigeria", "NGA", 566, "Western Africa", 4, "insurgency", 2023,
     [("ISWAP: Islamic State West Africa Province", "Rebel group", "ISWAP fighters"),
      ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Rebel group", "Boko Haram militants"),
      ("Fulani Ethnic Militia (Nigeria)", "Identity militia", "Fulani militiamen")], (),
     [("Vanguard (Nigeria)", "National"), ("Premium Times", "National"), ("Daily Trust", "National")],
     [("Borno", "Maiduguri", "Maiduguri", 11.8311, 13.1510),
      ("Zamfara", "Gusau", "Gusau", 12.1628, 6.6614),
      ("Kaduna", "Kaduna North", "Kaduna", 10.5105, 7.4165),
      ("Lagos", "Ikeja", "Ikeja", 6.6018, 3.3515),
      ("Benue", "Makurdi", "Makurdi", 7.7322, 8.5391),
      ("Plateau", "Jos North", "Jos", 9.8965, 8.8583)]),
    ("Sudan", "SDN", 729, "Northern Africa", 3, "war", 2019,
     [("RSF: Rapid Support Forces", "Political militia", "RSF fighters"),
      ("SLM/A-Minawi: Sudan Liberation Movement/Army (Minawi Faction)", "Rebel group", "SLM/A fighters")], (),
     [("Sudan Tribune", "National"), ("Radio Dabanga", "National"), ("Darfur 24", "Subnational")],
     [("Khartoum", "Khartoum", "Khartoum", 15.5007, 32.5599),
      ("North Darfur", "El Fasher", "El Fasher", 13.6279, 25.3494),
      ("West Darfur", "Geneina", "El Geneina", 13.4500, 22.4500),
      ("Al Jazirah", "Wad Madani", "Wad Madani", 14.4012, 33.5199),
      ("North Kordofan", "Sheikan", "El Obeid", 13.1843, 30.2167)]),
    ("Democratic Republic of Congo", "COD", 180, "Middle Africa", 3, "insurgency", 2019,
     [("M23: March 23 Movement", "Rebel group", "M23 rebels"),
      ("ADF: Allied Democratic Forces", "Rebel group", "ADF militants"),
      ("CODECO: Cooperative for Development of Congo", "Identity militia", "CODECO militiamen")], (),
     [("Radio Okapi", "National"), ("Actualite.cd", "National"), ("Kivu Security Tracker", "Local partner-Other")],
     [("Nord-Kivu", "Beni", "Beni", 0.4917, 29.4731),
      ("Ituri", "Djugu", "Bunia", 1.5667, 30.2500),
      ("Sud-Kivu", "Bukavu", "Bukavu", -2.5083, 28.8608),
      ("Kinshasa", "Kinshasa", "Kinshasa", -4.4419, 15.2663),
      ("Nord-Kivu", "Rutshuru", "Rutshuru", -1.1833, 29.4500)]),
    ("Bangladesh", "BGD", 50, "South Asia", 3, "unrest", 2009,
     [("Unidentified Armed Group (Bangladesh)", "Political militia", "unidentified attackers")], (),
     [("Prothom Alo", "National"), ("The Daily Star (Bangladesh)", "National"), ("Dhaka Tribune", "National")],
     [("Dhaka", "Dhaka", "Dhaka", 23.8103, 90.4125),
      ("Chittagong", "Chittagong", "Chittagong", 22.3569, 91.7832),
      ("Rajshahi", "Rajshahi", "Rajshahi", 24.3745, 88.6042),
      ("Khulna", "Khulna", "Khulna", 22.8456, 89.5403),
      ("Sylhet", "Sylhet", "Sylhet", 24.8949, 91.8687)]),
    ("Afghanistan", "AFG", 4, "South Asia", 2, "insurgency", 2021,
     [("Islamic State (Afghanistan)", "Rebel group", "IS-K militants"),
      ("NRF: National Resistance Front", "Rebel group", "NRF fighters")], (),
     [("Pajhwok Afghan News", "National"), ("Afghanistan International", "National"), ("Hasht-e Subh", "National")],
     [("Kabul", "Kabul", "Kabul", 34.5553, 69.2075),
      ("Kandahar", "Kandahar", "Kandahar", 31.6289, 65.7372),
      ("Nangarhar", "Jalalabad", "Jalalabad", 34.4265, 70.4515),
      ("Helmand", "Lashkar Gah", "Lashkar Gah", 31.5938, 64.3700),
      ("Balkh", "Mazar-e Sharif", "Mazar-e Sharif", 36.7090, 67.1109),
      ("Kunar", "Asadabad", "Asadabad", 34.8732, 71.1470)]),
    ("Iraq", "IRQ", 368, "Middle East", 2, "insurgency", 2022,
     [("Islamic State (Iraq)", "Rebel group", "IS militants"),
      ("PKK: Kurdistan Workers Party", "Rebel group", "PKK fighters")],
     [("Military Forces of Turkey (2016-)", "Turkish forces")],
     [("Shafaq News", "National"), ("Rudaw", "Subnational"), ("Al Sumaria", "National")],
     [("Baghdad", "Al Resafa", "Baghdad", 33.3152, 44.3661),
      ("Ninewa", "Mosul", "Mosul", 36.3350, 43.1189),
      ("Al Anbar", "Ramadi", "Ramadi", 33.4258, 43.2996),
      ("Kirkuk", "Kirkuk", "Kirkuk", 35.4681, 44.3922),
      ("Al Basrah", "Al Basrah", "Al Basrah", 30.5085, 47.7804)]),
    ("Lebanon", "LBN", 422, "Middle East", 2, "war", 2022,
     [("Hezbollah", "Political militia", "Hezbollah fighters")],
     [("Military Forces of Israel (2022-)", "Israeli forces")],
     [("National News Agency (Lebanon)", "National"), ("L'Orient-Le Jour", "National"), ("Al Manar", "National")],
     [("South", "Tyre", "Tyre", 33.2705, 35.2038),
      ("Nabatieh", "Bint Jbeil", "Bint Jbeil", 33.1200, 35.4333),
      ("Beirut", "Beirut", "Beirut", 33.8938, 35.5018),
      ("Baalbek-Hermel", "Baalbek", "Baalbek", 34.0058, 36.2181)]),
    ("Israel", "ISR", 376, "Middle East", 1.5, "unrest", 2022,
     [("Hezbollah", "Political militia", "Hezbollah fighters")], (),
     [("Times of Israel", "National"), ("Haaretz", "National"), ("Ynet", "National")],
     [("Tel Aviv", "Tel Aviv", "Tel Aviv-Yafo", 32.0853, 34.7818),
      ("Jerusalem", "Jerusalem", "Jerusalem", 31.7683, 35.2137),
      ("HaZafon", "Zefat", "Kiryat Shmona", 33.2073, 35.5702)]),
    ("Iran", "IRN", 364, "Middle East", 1.5, "unrest", 1989,
     [("Jaish al Adl", "Rebel group", "Jaish al Adl militants")], (),
     [("HRANA", "Local partner-Other"), ("Iran International", "International"), ("Halvash", "Subnational")],
     [("Tehran", "Tehran", "Tehran", 35.6892, 51.3890),
      ("Sistan and Baluchestan", "Zahedan", "Zahedan", 29.4963, 60.8629),
      ("Kurdistan", "Sanandaj", "Sanandaj", 35.3219, 46.9862),
      ("Khuzestan", "Ahvaz", "Ahvaz", 31.3183, 48.6706)]),
    ("Turkey", "TUR", 792, "Middle East", 1.5, "unrest", 2002,
     [("PKK: Kurdistan Workers Party", "Rebel group", "PKK fighters")], (),
     [("Bianet", "National"), ("Hurriyet", "National"), ("Evrensel", "National")],
     [("Istanbul", "Beyoğlu", "Istanbul - Beyoglu", 41.0370, 28.9850),
      ("Ankara", "Çankaya", "Ankara", 39.9334, 32.8597),
      ("Diyarbakır", "Bağlar", "Diyarbakir", 37.9144, 40.2306),
      ("Hakkari", "Hakkari", "Hakkari", 37.5744, 43.7408)]),
    ("Russia", "RUS", 643, "Europe", 2, "war", 2000,
     [("Military Forces of Ukraine (2019-)", "External/Other forces", "Ukrainian forces")],
     [("Military Forces of Ukraine (2019-)", "Ukrainian forces")],
     [("Kommersant", "National"), ("Meduza", "International"), ("OVD-Info", "Local partner-Other")],
     [("Belgorod", "Belgorodskiy", "Belgorod", 50.5997, 36.5983),
      ("Kursk", "Kurskiy", "Kursk", 51.7304, 36.1926),
      ("Moscow", "Moscow", "Moscow", 55.7558, 37.6173)]),
    ("Mali", "MLI", 466, "Western Africa", 1.5, "insurgency", 2021,
     [("JNIM: Group for Support of Islam and Muslims", "Rebel group", "JNIM militants"),
      ("Islamic State Sahel Province", "Rebel group", "IS Sahel militants")],
     [("Wagner Group", "Wagner Group personnel")],
     [("Studio Tamani", "National"), ("Malijet", "National"), ("Menastream", "New media")],
     [("Mopti", "Mopti", "Mopti", 14.4843, -4.1830),
      ("Gao", "Gao", "Gao", 16.2666, -0.0400),
      ("Segou", "Segou", "Segou", 13.4317, -6.2157),
      ("Bamako", "Bamako", "Bamako", 12.6392, -8.0029),
      ("Tombouctou", "Tombouctou", "Tombouctou", 16.7666, -3.0026)]),
    ("Burkina Faso", "BFA", 854, "Western Africa", 2, "insurgency", 2022,
     [("JNIM: Group for Support of Islam and Muslims", "Rebel group", "JNIM militants"),
      ("VDP: Volunteers for the Defense of the Homeland", "Political militia", "VDP volunteers")], (),
     [("Lefaso.net", "National"), ("Burkina24", "National"), ("Local Source Project", "Local partner-Other")],
     [("Sahel", "Soum", "Djibo", 14.1022, -1.6306),
      ("Est", "Gourma", "Fada N'gourma", 12.0616, 0.3585),
      ("Centre", "Kadiogo", "Ouagadougou", 12.3714, -1.5197),
      ("Boucle du Mouhoun", "Kossi", "Nouna", 12.7294, -3.8639),
      ("Nord", "Loroum", "Titao", 13.7667, -2.0667)]),
    ("Niger", "NER", 562, "Western Africa", 1, "insurgency", 2023,
     [("Islamic State Sahel Province", "Rebel group", "IS Sahel militants"),
      ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Rebel group", "Boko Haram militants")], (),
     [("ActuNiger", "National"), ("Air Info Agadez", "Subnational"), ("RFI", "International")],
     [("Tillaberi", "Tillaberi", "Tillaberi", 14.2117, 1.4531),
      ("Diffa", "Diffa", "Diffa", 13.3154, 12.6113),
      ("Niamey", "Niamey", "Niamey", 13.5116, 2.1254),
      ("Tahoua", "Tahoua", "Tahoua", 14.8888, 5.2692)]),
    ("Somalia", "SOM", 706, "Eastern Africa", 2.5, "insurgency", 2022,
     [("Al Shabaab", "Rebel group", "Al Shabaab militants"),
      ("Islamic State (Somalia)", "Rebel group", "IS Somalia militants")],
     [("AUSSOM: African Union Support and Stabilization Mission in Somalia (2025-)", "AU troops")],
     [("Garowe Online", "National"), ("Hiiraan Online", "National"), ("Somali Guardian", "National")],
     [("Banadir", "Mogadishu", "Mogadishu", 2.0469, 45.3182),
      ("Lower Shabelle", "Afgooye", "Afgooye", 2.1400, 45.1200),
      ("Middle Shabelle", "Jowhar", "Jowhar", 2.7809, 45.5005),
      ("Hiraan", "Belet Weyne", "Beledweyne", 4.7358, 45.2036),
      ("Bay", "Baidoa", "Baidoa", 3.1136, 43.6498)]),
    ("Ethiopia", "ETH", 231, "Eastern Africa", 2, "insurgency", 2018,
     [("OLA: Oromo Liberation Army", "Rebel group", "OLA fighters"),
      ("Fano Militia", "Identity militia", "Fano militiamen")], (),
     [("Addis Standard", "National"), ("BBC News", "International"), ("Borkena", "National")],
     [("Amhara", "West Gojjam", "Bahir Dar", 11.5742, 37.3614),
      ("Oromia", "East Wollega", "Nekemte", 9.0833, 36.5500),
      ("Tigray", "Mekele", "Mekele", 13.4967, 39.4753),
      ("Addis Ababa", "Addis Ababa", "Addis Ababa", 9.0300, 38.7400)]),
    ("Kenya", "KEN", 404, "Eastern Africa", 1, "unrest", 2022,
     [("Al Shabaab", "Rebel group", "Al Shabaab militants")], (),
     [("The Star (Kenya)", "National"), ("Daily Nation", "National"), ("Citizen Digital", "National")],
     [("Nairobi", "Nairobi", "Nairobi", -1.2921, 36.8219),
      ("Mandera", "Mandera East", "Mandera", 3.9366, 41.8670),
      ("Lamu", "Lamu West", "Lamu", -2.2717, 40.9020),
      ("Kisumu", "Kisumu Central", "Kisumu", -0.0917, 34.7680)]),
    ("Cameroon", "CMR", 120, "Middle Africa", 1.5, "insurgency", 1982,
     [("Ambazonian Separatists", "Rebel group", "Ambazonian separatists"),
      ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Rebel group", "Boko Haram militants")], (),
     [("Mimi Mefo Info", "National"), ("Cameroon News Agency", "National"), ("The Guardian Post", "National")],
     [("Nord-Ouest", "Mezam", "Bamenda", 5.9631, 10.1591),
      ("Sud-Ouest", "Fako", "Buea", 4.1527, 9.2410),
      ("Extreme-Nord", "Diamare", "Maroua", 10.5910, 14.3159)]),
    ("Colombia", "COL", 170, "South America", 2.5, "insurgency", 2022,
     [("ELN: National Liberation Army", "Rebel group", "ELN guerrillas"),
      ("Clan del Golfo", "Political militia", "Clan del Golfo members")], (),
     [("El Tiempo", "National"), ("El Espectador", "National"), ("Indepaz", "Local partner-Other")],
     [("Cauca", "Popayán", "Popayán", 2.4448, -76.6147),
      ("Antioquia", "Medellín", "Medellín", 6.2442, -75.5812),
      ("Norte de Santander", "Cúcuta", "Cúcuta", 7.8939, -72.5078),
      ("Bogotá, D.C.", "Bogotá, D.C.", "Bogotá", 4.7110, -74.0721)]),
    ("Philippines", "PHL", 608, "Southeast Asia", 2, "insurgency", 2022,
     [("NPA: New People's Army", "Rebel group", "NPA rebels"),
      ("Dawlah Islamiyah", "Rebel group", "Dawlah Islamiyah militants")], (),
     [("Philippine Daily Inquirer", "National"), ("Philippine News Agency", "National"), ("Rappler", "National")],
     [("Metropolitan Manila", "Manila", "Manila", 14.5995, 120.9842),
      ("Sulu", "Jolo", "Jolo", 6.0535, 121.0022),
      ("Negros Oriental", "Dumaguete", "Dumaguete", 9.3068, 123.3054),
      ("Davao del Sur", "Davao City", "Davao City", 7.1907, 125.4553),
      ("Northern Samar", "Catarman", "Catarman", 12.4989, 124.6377)]),
    ("Indonesia", "IDN", 360, "Southeast Asia", 1.5, "unrest", 2024,
     [("TPNPB: West Papua National Liberation Army", "Rebel group", "TPNPB fighters")], (),
     [("Kompas", "National"), ("Jakarta Post", "National"), ("Jubi", "Subnational")],
     [("Papua", "Jayapura", "Jayapura", -2.5337, 140.7181),
      ("Jakarta", "Jakarta Pusat", "Jakarta", -6.2088, 106.8456),
      ("West Java", "Bandung", "Bandung", -6.9175, 107.6191),
      ("East Java", "Surabaya", "Surabaya", -7.2575, 112.7521)]),
    ("Thailand", "THA", 764, "Southeast Asia", 1, "unrest", 2023,
     [("BRN: Barisan Revolusi Nasional", "Rebel group", "BRN insurgents")], (),
     [("Bangkok Post", "National"), ("Thai PBS", "National"), ("Deep South Watch", "Local partner-Other")],
     [("Bangkok", "Pathum Wan", "Bangkok", 13.7563, 100.5018),
      ("Narathiwat", "Mueang Narathiwat", "Narathiwat", 6.4255, 101.8253),
      ("Pattani", "Mueang Pattani", "Pattani", 6.8696, 101.2501),
      ("Yala", "Mueang Yala", "Yala", 6.5411, 101.2804)]),
    ("Nepal", "NPL", 524, "South Asia", 1, "unrest", 2024,
     [("Unidentified Armed Group (Nepal)", "Political militia", "unidentified attackers")], (),
     [("The Kathmandu Post", "National"), ("Kantipur", "National"), ("Setopati", "National")],
     [("Bagmati", "Kathmandu", "Kathmandu", 27.7172, 85.3240),
      ("Madhesh", "Parsa", "Birgunj", 27.0104, 84.8770),
      ("Koshi", "Morang", "Biratnagar", 26.4525, 87.2718)]),
    ("Sri Lanka", "LKA", 144, "South Asia", 0.5, "unrest", 2024,
     [("Unidentified Armed Group (Sri Lanka)", "Political militia", "unidentified gunmen")], (),
     [("Daily Mirror (Sri Lanka)", "National"), ("Tamil Guardian", "Subnational"), ("Ada Derana", "National")],
     [("Western", "Colombo", "Colombo", 6.9271, 79.8612),
      ("Northern", "Jaffna", "Jaffna", 9.6615, 80.0255),
      ("Central", "Kandy", "Kandy", 7.2906, 80.6337)]),
    ("France", "FRA", 250, "Europe", 1.5, "unrest", 2017,
     [("Unidentified Armed Group (France)", "Political militia", "unidentified attackers")], (),
     [("Le Monde", "National"), ("Le Parisien", "National"), ("Ouest-France", "Subnational")],
     [("Île-de-France", "Paris", "Paris", 48.8566, 2.3522),
      ("Auvergne-Rhône-Alpes", "Rhône", "Lyon", 45.7640, 4.8357),
      ("Provence-Alpes-Côte d'Azur", "Bouches-du-Rhône", "Marseille", 43.2965, 5.3698)]),
]

# Event types by profile: (Battles, Explosions/Remote violence, Violence against civilians,
# Protests, Riots, Strategic developments).
EVENT_TYPES = ("Battles", "Explosions/Remote violence", VAC, "Protests", "Riots",
               "Strategic developments")
PROFILES = {
    "war":         (0.25, 0.38, 0.10, 0.12, 0.03, 0.12),
    "insurgency":  (0.22, 0.12, 0.20, 0.30, 0.06, 0.10),
    "unrest":      (0.04, 0.02, 0.07, 0.71, 0.10, 0.06),
    "pakistan":    (0.13, 0.09, 0.12, 0.52, 0.05, 0.09),
    "balochistan": (0.22, 0.18, 0.16, 0.30, 0.03, 0.11),
}

# Sub-event types: (event type, sub-event type, weight within the type, disorder type,
# P(no fatalities), geometric p for 1+ fatalities, P(heavy tail),
# actor templates [(weight, role1, role2 or None, civilian targeting)]).
PV, DEM, SD = "Political violence", "Demonstrations", "Strategic developments"
SUB_EVENTS = [
    ("Battles", "Armed clash", 0.86, PV, 0.35, 0.30, 0.03,
     [(0.45, "MIL", "REBEL", False), (0.20, "POL", "REBEL", False), (0.10, "UNID", "MIL", False),
      (0.10, "REBEL", "REBEL", False), (0.15, "COMM", "COMM", False)]),
    ("Battles", "Government regains territory", 0.08, PV, 0.50, 0.30, 0.03,
     [(1.0, "MIL", "REBEL", False)]),
    ("Battles", "Non-state actor overtakes territory", 0.06, PV, 0.50, 0.30, 0.03,
     [(0.7, "REBEL", "MIL", False), (0.3, "REBEL", None, False)]),
    ("Explosions/Remote violence", "Air/drone strike", 0.30, PV, 0.40, 0.30, 0.02,
     [(0.6, "MIL", "REBEL", False), (0.2, "EXT", "REBEL", False), (0.2, "MIL", "CIV", True)]),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.34, PV, 0.60, 0.40, 0.01,
     [(0.5, "MIL", "REBEL", False), (0.2, "REBEL", "MIL", False), (0.15, "MIL", "CIV", True),
      (0.15, "EXT", None, False)]),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.22, PV, 0.40, 0.35, 0.02,
     [(0.45, "REBEL", "MIL", False), (0.20, "UNID", "POL", False), (0.25, "UNID", "CIV", True),
      (0.10, "REBEL", "CIV", True)]),
    ("Explosions/Remote violence", "Suicide bomb", 0.02, PV, 0.15, 0.15, 0.15,
     [(0.6, "REBEL", "MIL", False), (0.4, "REBEL", "CIV", True)]),
    ("Explosions/Remote violence", "Grenade", 0.115, PV, 0.60, 0.50, 0.0,
     [(0.5, "UNID", "CIV", True), (0.5, "UNID", "POL", False)]),
    ("Explosions/Remote violence", "Chemical weapon", 0.005, PV, 0.90, 0.50, 0.0,
     [(1.0, "MIL", "REBEL", False)]),
    (VAC, "Attack", 0.78, PV, 0.15, 0.55, 0.01,
     [(0.4, "UNID", "CIV", True), (0.2, "REBEL", "CIV", True), (0.2, "POL", "CIV", True),
      (0.2, "COMM", "CIV", True)]),
    (VAC, "Abduction/forced disappearance", 0.17, PV, 0.95, 0.70, 0.0,
     [(0.5, "UNID", "CIV", True), (0.3, "REBEL", "CIV", True), (0.2, "MIL", "CIV", True)]),
    (VAC, "Sexual violence", 0.05, PV, 0.90, 0.80, 0.0,
     [(0.6, "UNID", "CIV", True), (0.4, "MIL", "CIV", True)]),
    ("Protests", "Peaceful protest", 0.90, DEM, 1.00, 0.80, 0.0,
     [(1.0, "PROT", None, False)]),
    ("Protests", "Protest with intervention", 0.08, DEM, 0.995, 0.80, 0.0,
     [(1.0, "PROT", "POL", False)]),
    ("Protests", "Excessive force against protesters", 0.02, PV + "; " + DEM, 0.60, 0.45, 0.01,
     [(1.0, "POL", "PROT", False)]),
    ("Riots", "Violent demonstration", 0.70, DEM, 0.93, 0.60, 0.0,
     [(0.7, "RIOT", "POL", False), (0.3, "RIOT", None, False)]),
    ("Riots", "Mob violence", 0.30, PV, 0.50, 0.60, 0.005,
     [(0.5, "RIOT", "CIV", True), (0.3, "RIOT", "RIOT", False), (0.2, "RIOT", "POL", False)]),
    ("Strategic developments", "Arrests", 0.30, SD, 1.00, 0.80, 0.0,
     [(0.6, "POL", "REBEL", False), (0.4, "POL", "CIV", False)]),
    ("Strategic developments", "Looting/property destruction", 0.25, SD, 0.97, 0.70, 0.0,
     [(0.5, "UNID", "CIV", False), (0.5, "REBEL", None, False)]),
    ("Strategic developments", "Disrupted weapons use", 0.15, SD, 0.90, 0.60, 0.0,
     [(1.0, "MIL", "REBEL", False)]),
    ("Strategic developments", "Change to group/activity", 0.10, SD, 1.00, 0.80, 0.0,
     [(1.0, "REBEL", None, False)]),
    ("Strategic developments", "Headquarters or base established", 0.04, SD, 1.00, 0.80, 0.0,
     [(1.0, "REBEL", None, False)]),
    ("Strategic developments", "Agreement", 0.06, SD, 1.00, 0.80, 0.0,
     [(1.0, "MIL", "REBEL", False)]),
    ("Strategic developments", "Non-violent transfer of territory", 0.04, SD, 1.00, 0.80, 0.0,
     [(1.0, "REBEL", None, False)]),
    ("Strategic developments", "Other", 0.06, SD, 1.00, 0.80, 0.0,
     [(1.0, "POL", None, False)]),
]

# --------------------------------------------------------------------------------------------
# Text for the notes
# --------------------------------------------------------------------------------------------

# Opening clause per sub-event type: (dyadic templates, single-actor templates).
BODIES = {
    "Armed clash": (["{a1} clashed with {a2}", "{a1} exchanged fire with {a2}"],
                    ["{a1} fought among themselves"]),
    "Government regains territory": (["{a1} retook control of the area from {a2}",
                                      "{a1} recaptured positions held by {a2}"], ["{a1} regained the area"]),
    "Non-state actor overtakes territory": (["{a1} seized the area from {a2}",
                                             "{a1} overran a checkpoint held by {a2}"],
                                            ["{a1} took control of the area", "{a1} captured the town"]),
    "Air/drone strike": (["{a1} carried out a drone strike targeting {a2}",
                          "{a1} conducted airstrikes on {a2}"], ["{a1} carried out an airstrike"]),
    "Shelling/artillery/missile attack": (["{a1} shelled positions held by {a2}",
                                           "{a1} fired mortar rounds at {a2}"],
                                          ["{a1} fired artillery shells", "{a1} launched missiles"]),
    "Remote explosive/landmine/IED": (["an IED planted by {a1} exploded near {a2}",
                                       "{a1} detonated a roadside bomb targeting {a2}"],
                                      ["an IED exploded"]),
    "Suicide bomb": (["a suicide bomber linked to {a1} blew himself up near {a2}",
                      "{a1} carried out a suicide attack on {a2}"], ["a suicide bomber blew himself up"]),
    "Grenade": (["{a1} hurled a hand grenade at {a2}", "{a1} threw a grenade at {a2}"],
                ["a grenade exploded"]),
    "Chemical weapon": (["{a1} reportedly used chlorine gas against {a2}"], ["a chemical attack occurred"]),
    "Attack": (["{a1} opened fire on {a2}", "{a1} attacked and shot {a2}"], ["{a1} attacked a village"]),
    "Abduction/forced disappearance": (["{a1} abducted {a2}", "{a1} kidnapped {a2}"],
                                       ["{a1} abducted a man"]),
    "Sexual violence": (["{a1} sexually assaulted a woman", "{a1} raped a girl"],
                        ["a woman was sexually assaulted"]),
    "Peaceful protest": (["{a1} held a demonstration with {a2}"],
                         ["{a1} held a demonstration", "{a1} staged a sit-in outside the press club"]),
    "Protest with intervention": (["{a1} held a protest which was dispersed by {a2}",
                                   "{a1} demonstrated and were baton-charged by {a2}"], ["{a1} protested"]),
    "Excessive force against protesters": (["{a1} opened fire on {a2}",
                                            "{a1} used live ammunition against {a2}"], ["{a1} fired on a crowd"]),
    "Violent demonstration": (["{a1} clashed with {a2}", "{a1} pelted {a2} with stones"],
                              ["{a1} blocked the main highway and burned tyres", "{a1} torched vehicles"]),
    "Mob violence": (["{a1} attacked {a2}", "a mob of {a1} lynched {a2}"], ["{a1} went on a rampage"]),
    "Arrests": (["{a1} arrested {a2}", "{a1} detained {a2} in a raid"], ["{a1} arrested several people"]),
    "Looting/property destruction": (["{a1} looted and torched shops belonging to {a2}",
                                      "{a1} destroyed houses of {a2}"],
                                     ["{a1} set fire to a government school", "{a1} destroyed a telecom tower"]),
    "Disrupted weapons use": (["{a1} defused an explosive device planted by {a2}",
                               "{a1} intercepted a drone launched by {a2}"], ["{a1} defused a bomb"]),
    "Change to group/activity": (["{a1} announced a merger with {a2}"],
                                 ["{a1} announced a new leader", "{a1} declared a change of strategy"]),
    "Headquarters or base established": (["{a1} set up a base near {a2}"], ["{a1} established a new base"]),
    "Agreement": (["{a1} and {a2} agreed to a ceasefire", "{a1} signed a local truce with {a2}"],
                  ["{a1} agreed to a truce"]),
    "Non-violent transfer of territory": (["{a1} took over the area after {a2} withdrew"],
                                          ["{a1} took over the area without resistance"]),
    "Other": (["{a1} imposed a curfew on {a2}"], ["{a1} imposed a curfew", "{a1} suspended mobile internet"]),
}

# Second clause, per event type (plain text; quotes are doubled when the CSV is written).
REASONS = {
    "Battles": [
        "during a search operation", "after militants attacked a security checkpost",
        "near the main highway, according to officials", "in an intelligence-based operation",
        "after a dispute over control of a checkpoint", "following an ambush on a patrol",
        "in a remote mountainous area, near the border", "on the outskirts of the town",
    ],
    "Explosions/Remote violence": [
        "near a busy market", "targeting a convoy on the main road",
        "close to a police station, damaging several vehicles", "near a residential compound",
        "on a road used by security forces", "in an agricultural area outside the town",
        "near a checkpoint, witnesses said", "in the early hours of the morning",
    ],
    VAC: [
        "over a land dispute", "reportedly over a personal enmity",
        "while he was returning home from the market", "for allegedly \"spying\" for the government",
        "after accusing them of collaboration", "at a checkpoint outside the town",
        "in what police described as a targeted killing", "in front of his house, relatives said",
    ],
    "Protests": [
        "against prolonged power outages", "demanding the release of detained activists",
        "against rising prices of fuel, flour and electricity", "to demand better security in the area",
        "against the enforced disappearance of a local activist, chanting \"bring him back\"",
        "demanding payment of overdue salaries", "against the arrest of party leaders",
        "against a shortage of drinking water",
    ],
    "Riots": [
        "over the death of a local man in police custody", "after a disputed election result",
        "over alleged blasphemy", "following a road accident that killed a child",
        "after a dispute over land", "against an eviction drive by the authorities",
    ],
    "Strategic developments": [
        "in connection with recent attacks", "according to a statement by officials",
        "following a tip-off", "according to local sources",
        "as part of a crackdown on \"anti-state elements\"", "in the wake of recent violence",
    ],
}

DETAILS = {
    "Battles": [
        "Officials said the militants fled towards the mountains, and a search operation was underway.",
        "The militants, who were reportedly armed with heavy weapons, attacked from several directions.",
        "According to a spokesperson, the operation was launched on \"credible intelligence\" of militant presence.",
        "Several weapons and ammunition were recovered from the site, police said.",
    ],
    "Explosions/Remote violence": [
        "The blast damaged nearby shops and vehicles, and the area was cordoned off.",
        "No group immediately claimed responsibility, although officials suspected a local militant cell.",
        "A bomb disposal squad said the device contained around five kilograms of explosives.",
        "Witnesses described a \"huge explosion\" that shattered windows across the street.",
    ],
    VAC: [
        "The attackers fled on a motorcycle, and police registered a case against unknown persons.",
        "Relatives of the victim blocked the road in protest, demanding the arrest of the culprits.",
        "Police said the victim had received threats earlier, calling it a \"targeted attack\".",
        "The body was later shifted to the district hospital for legal formalities.",
    ],
    "Protests": [
        "The protesters chanted slogans against the government and dispersed peacefully after negotiations.",
        "Speakers said the protest would continue until their demands were met, warning of a \"long march\".",
        "Traffic on the main road remained suspended for several hours.",
        "Participants carried placards and banners, and staged a sit-in outside the district office.",
    ],
    "Riots": [
        "The rioters torched a police vehicle, and several people were injured in the clash.",
        "Police fired tear gas to disperse the crowd, which had blocked the main road with burning tyres.",
        "Shops remained closed in the area, and authorities imposed a \"temporary ban\" on gatherings.",
    ],
    "Strategic developments": [
        "Police said the suspects were wanted in several cases, including attacks on security forces.",
        "Officials said the move was aimed at restoring peace, calling it a \"positive step\".",
        "A large cache of weapons and explosives was also recovered.",
    ],
}

# Closing sentences, added where a note would be shorter than NOTE_MIN characters and to a
# few others (the long tail of notes, up to NOTE_MAX).
EXTRAS = [
    "No arrests were made.",
    "Details remain unclear.",
    "No arrests were reported.",
    "Police confirmed the incident.",
    "An investigation is underway.",
    "The situation remained tense.",
    "Officials confirmed the report.",
    "Local media reported the incident.",
    "The report could not be verified.",
    "Sources differ on the details, however.",
    "The information could not be independently verified.",
    "Police registered a case and started an investigation.",
    "The report was confirmed by district officials.",
    "Security was tightened in the area afterwards.",
    "Eyewitnesses confirmed the account to local reporters.",
    "Further details were not immediately available, police said.",
    "A local journalist, speaking on condition of anonymity, confirmed the report.",
    "Local media reported the incident, citing police officials and eyewitnesses.",
    "Officials said the area was cordoned off, and security was tightened across the district.",
    "A spokesperson for the provincial government condemned the incident and ordered an inquiry.",
    "Residents said the situation remained tense throughout the day, with shops and markets closed, "
    "and traffic on the main roads suspended.",
    "Local leaders appealed for calm, while the district administration announced compensation for "
    "the affected families and promised a \"transparent investigation\".",
    "The incident was reported by several outlets, though accounts differed on the sequence of "
    "events and on the number of people involved.",
    "Sources gave differing figures; the most conservative count, as reported by the local "
    "administration, is used here.",
]
NOTE_MIN, NOTE_MAX = 150, 400
P_REASON = 0.55         # share of notes with a reason clause after the place
P_DETAIL = 0.15          # share of notes with a detail sentence
P_LONG = 0.03            # share of notes given a closing sentence although long enough
P_NEWLINE = 0.001        # share of notes with a newline inside

SOURCE_FALLBACK = [("Reuters", "International"), ("AFP", "International"), ("Xinhua", "International")]
PAKISTAN_SOURCES = [("Dawn", "National"), ("The Express Tribune", "National"),
                    ("The News International", "National"), ("Pakistan Today", "National"),
                    ("Dawn; The Express Tribune", "National")]
BALOCHISTAN_SOURCES = [("Balochistan Post", "Subnational"), ("Dawn", "National"),
                       ("Dawn; Balochistan Post", "National-Subnational"), ("The Express Tribune", "National")]

PROTEST_TAGS = [(0.70, "crowd size=no report"), (0.10, "crowd size=dozens"),
                (0.07, "crowd size=around 100"), (0.08, "crowd size=hundreds"),
                (0.05, "crowd size=more than 1000")]
SEXVIOL_TAGS = [(0.6, "women targeted: girls"), (0.4, "women targeted: relatives of targeted groups or persons")]
ATTACK_TAGS = [(0.97, ""), (0.03, "women targeted: candidates for political office")]


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

def q(s: str) -> str:
    """A CSV field as Python's csv module (QUOTE_MINIMAL) writes it."""
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


class Choice:
    """A weighted choice among options that depends on an integer key, vectorised.

    per_key[k] is the list of (weight, value) for key k; pick(keys, u) returns the values
    chosen by uniforms u in [0, 1)."""

    def __init__(self, per_key):
        bounds, values = [], []
        for k, opts in enumerate(per_key):
            w = np.array([o[0] for o in opts], dtype=np.float64)
            if w.sum() <= 0:
                raise ValueError(f"key {k}: no positive weight")
            c = np.cumsum(w) / w.sum()
            c[-1] = 1.0
            bounds.append(k + c)
            values.extend(o[1] for o in opts)
        self.bounds = np.concatenate(bounds)
        self.values = np.asarray(values)

    def pick(self, keys, u):
        idx = np.searchsorted(self.bounds, keys + u, side="right")
        return self.values[np.minimum(idx, len(self.values) - 1)]


def obj(strings) -> np.ndarray:
    a = np.empty(len(strings), dtype=object)
    a[:] = list(strings)
    return a


def long_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


class Tables:
    """Every lookup table the chunks index into, built once per process."""

    def __init__(self):
        # ---- actor regions (one per country; Pakistan: Balochistan and the rest) ----------
        self.countries = []       # (name, iso3, isonum, region)
        areg_roles, areg_profile, areg_sources = [], [], []
        loc_rows = []             # (country idx, areg, province idx or -1, seg, phrase)
        country_loc_opts = []

        def roles_for(c, year, armed, ext, extra=None):
            r = {
                "MIL": [(f"Military Forces of {c} ({year}-)", "", "State forces", "security forces", 0.8),
                        (f"Military Forces of {c} ({year}-)", f"Police Forces of {c} ({year}-)",
                         "State forces", "security forces and police", 0.2)],
                "POL": [(f"Police Forces of {c} ({year}-)", "", "State forces", "police", 1.0)],
                "REBEL": [(a, "", inter, short, 1.0) for a, inter, short in armed],
                "UNID": [(f"Unidentified Armed Group ({c})", "", "Political militia", "unidentified gunmen", 1.0)],
                "COMM": [(f"Unidentified Communal Militia ({c})", "", "Identity militia",
                          "members of a communal militia", 1.0)],
                "PROT": [(f"Protesters ({c})", "", "Protesters", "protesters", 0.55),
                         (f"Protesters ({c})", f"Labor Group ({c})", "Protesters", "workers", 0.15),
                         (f"Protesters ({c})", f"Students ({c})", "Protesters", "students", 0.15),
                         (f"Protesters ({c})", f"Women ({c})", "Protesters", "women", 0.15)],
                "RIOT": [(f"Rioters ({c})", "", "Rioters", "rioters", 0.8),
                         (f"Rioters ({c})", f"Students ({c})", "Rioters", "rioting students", 0.2)],
                "CIV": [(f"Civilians ({c})", "", "Civilians", "civilians", 0.55),
                        (f"Civilians ({c})", f"Farmers ({c})", "Civilians", "farmers", 0.15),
                        (f"Civilians ({c})", f"Journalists ({c})", "Civilians", "a journalist", 0.1),
                        (f"Civilians ({c})", f"Women ({c})", "Civilians", "a woman", 0.2)],
                "EXT": [(a, "", "External/Other forces", short, 1.0) for a, short in ext]
                or [(f"Military Forces of {c} ({year}-)", "", "State forces", "security forces", 1.0)],
            }
            r.update(extra or {})
            return r

        pk_common = {
            "MIL": [("Military Forces of Pakistan (2018-)", "", "State forces", "Pakistani security forces", 0.7),
                    ("Military Forces of Pakistan (2018-)", "Police Forces of Pakistan (2018-)",
                     "State forces", "security forces and police", 0.3)],
            "COMM": [("Unidentified Clan Militia (Pakistan)", "", "Identity militia", "members of a rival clan", 1.0)],
        }
        pk_rebels = [("TTP: Tehreek-i-Taliban Pakistan", "", "Rebel group", "TTP militants", 0.65),
                     ("Islamic State (Pakistan)", "", "Rebel group", "IS militants", 0.15),
                     ("Hafiz Gul Bahadur Group", "", "Rebel group", "Hafiz Gul Bahadur Group militants", 0.20)]
        ba_rebels = [("BLA: Baloch Liberation Army", "", "Rebel group", "BLA militants", 0.5),
                     ("BLF: Baloch Liberation Front", "", "Rebel group", "BLF militants", 0.3),
                     ("TTP: Tehreek-i-Taliban Pakistan", "", "Rebel group", "TTP militants", 0.2)]
        pk_prot = [("Protesters (Pakistan)", "", "Protesters", "protesters", 0.45),
                   ("Protesters (Pakistan)", "PTI: Pakistan Tehreek-i-Insaf", "Protesters", "PTI workers", 0.2),
                   ("Protesters (Pakistan)", "Labor Group (Pakistan)", "Protesters", "labourers", 0.1),
                   ("Protesters (Pakistan)", "Lawyers (Pakistan)", "Protesters", "lawyers", 0.1),
                   ("Protesters (Pakistan)", "JI: Jamaat-e-Islami; Traders (Pakistan)", "Protesters",
                    "JI workers and traders", 0.15)]
        ba_prot = [("Protesters (Pakistan)", "", "Protesters", "protesters", 0.4),
                   ("Protesters (Pakistan)", "BYC: Baloch Yakjehti Committee", "Protesters", "BYC activists", 0.35),
                   ("Protesters (Pakistan)", "BNP-M: Balochistan National Party (Mengal)", "Protesters",
                    "BNP-M workers", 0.15),
                   ("Protesters (Pakistan)", "Students (Pakistan); Baloch Ethnic Group (Pakistan)", "Protesters",
                    "Baloch students", 0.10)]
        pk_civ = [("Civilians (Pakistan)", "", "Civilians", "civilians", 0.6),
                  ("Civilians (Pakistan)", "Health Workers (Pakistan)", "Civilians", "a polio vaccination team", 0.1),
                  ("Civilians (Pakistan)", "Journalists (Pakistan)", "Civilians", "a journalist", 0.1),
                  ("Civilians (Pakistan)", "Labor Group (Pakistan)", "Civilians", "labourers", 0.2)]
        ba_civ = pk_civ[:3] + [("Civilians (Pakistan)", "Labor Group (Pakistan); Punjabi Ethnic Group (Pakistan)",
                                "Civilians", "labourers from Punjab", 0.2)]

        # Pakistan first: country 0, actor regions 0 (Balochistan) and 1 (elsewhere).
        self.countries.append(("Pakistan", "PAK", 586, "South Asia"))
        areg_roles.append(roles_for("Pakistan", 2018, [], (), dict(
            pk_common, REBEL=ba_rebels, PROT=ba_prot, CIV=ba_civ)))
        areg_profile.append("balochistan")
        areg_sources.append(BALOCHISTAN_SOURCES)
        areg_roles.append(roles_for("Pakistan", 2018, [], (), dict(
            pk_common, REBEL=pk_rebels, PROT=pk_prot, CIV=pk_civ)))
        areg_profile.append("pakistan")
        areg_sources.append(PAKISTAN_SOURCES)
        opts = []
        for p, (prov, (share, places)) in enumerate(PAKISTAN.items()):
            dw = np.array([1.0 / (1.0 + 0.15 * j) for j in range(len(places))])
            dw = share * dw / dw.sum()
            for (adm2, adm3, loc, lat, lon), w in zip(places, dw):
                seg = ",".join([ "586", "South Asia", "Pakistan", q(prov), q(adm2), q(adm3), q(loc),
                                f"{lat:.4f}", f"{lon:.4f}"]) + ","
                opts.append((float(w), len(loc_rows)))
                loc_rows.append((0, 0 if prov == "Balochistan" else 1, p, seg, f"{loc} ({adm2}, {prov})"))
        country_loc_opts.append(opts)
        country_weights = [(PAKISTAN_SHARE, 0)]

        total_other = sum(c[4] for c in COUNTRIES)
        for name, iso3, isonum, region, weight, profile, year, armed, ext, outlets, places in COUNTRIES:
            ci = len(self.countries)
            self.countries.append((name, iso3, isonum, region))
            country_weights.append(((1 - PAKISTAN_SHARE) * weight / total_other, ci))
            areg = len(areg_roles)
            areg_roles.append(roles_for(name, year, armed, ext))
            areg_profile.append(profile)
            areg_sources.append(list(outlets) + SOURCE_FALLBACK[:1])
            opts = []
            for adm1, adm2, loc, lat, lon in places:
                seg = ",".join([str(isonum), q(region), q(name), q(adm1), q(adm2), "", q(loc),
                                f"{lat:.4f}", f"{lon:.4f}"]) + ","
                opts.append((1.0, len(loc_rows)))
                loc_rows.append((ci, areg, -1, seg, f"{loc} ({adm2}, {adm1})"))
            country_loc_opts.append(opts)

        self.n_countries = len(self.countries)
        self.country_choice = Choice([country_weights])
        self.loc_choice = Choice(country_loc_opts)
        self.id_prefix = obj([c[1] for c in self.countries])
        self.loc_areg = np.array([r[1] for r in loc_rows], dtype=np.int64)
        self.loc_prov = np.array([r[2] for r in loc_rows], dtype=np.int64)
        self.loc_seg = obj([r[3] for r in loc_rows])
        # [2 * loc]: followed by a reason clause; [2 * loc + 1]: ends the sentence
        self.loc_phrase = obj([f"{r[4]}{end}".replace('"', '""') for r in loc_rows for end in (", ", ".")])
        n_areg = len(areg_roles)

        # ---- event types per actor region ------------------------------------------------
        self.sub_names = [s[1] for s in SUB_EVENTS]
        self.n_sub = len(SUB_EVENTS)
        self.sub_etype = np.array([EVENT_TYPES.index(s[0]) for s in SUB_EVENTS], dtype=np.int64)
        self.sub_pzero = np.array([s[4] for s in SUB_EVENTS])
        self.sub_geom = np.array([s[5] for s in SUB_EVENTS])
        self.sub_tail = np.array([s[6] for s in SUB_EVENTS])
        sub_opts = []
        for a in range(n_areg):
            tw = PROFILES[areg_profile[a]]
            sub_opts.append([(tw[EVENT_TYPES.index(s[0])] * s[2], j) for j, s in enumerate(SUB_EVENTS)])
        self.sub_choice = Choice(sub_opts)

        # ---- actor combinations per (actor region, sub-event type) -----------------------
        combo_opts, act_seg, combo_civ, bodies = [], [], [], []
        for a in range(n_areg):
            roles = areg_roles[a]
            for j, (etype, sub, _w, disorder, *_rest, templates) in enumerate(SUB_EVENTS):
                opts = []
                dyad_t, mono_t = BODIES[sub]
                for tw, r1, r2, civ in templates:
                    o1 = roles[r1] if roles[r1] else roles["UNID"]
                    o2 = ([None] if r2 is None else (roles[r2] if roles[r2] else roles["UNID"]))
                    w1 = sum(o[4] for o in o1)
                    w2 = 1.0 if r2 is None else sum(o[4] for o in o2)
                    for x in o1:
                        for y in o2:
                            if r1 == r2 == "REBEL" and x is y:
                                continue            # a group does not fight itself
                            w = tw * x[4] / w1 * (1.0 if y is None else y[4] / w2)
                            if y is None:
                                inter2, interaction = "", f"{x[2]} only"
                            else:
                                pair = sorted([x[2], y[2]], key=INTER_ORDER.index)
                                inter2, interaction = y[2], "-".join(pair)
                            civ_t = civ or etype == VAC
                            seg = ",".join([
                                q(disorder), q(etype), q(sub), q(x[0]), q(x[1]), q(x[2]),
                                q("" if y is None else y[0]), q("" if y is None else y[1]), q(inter2),
                                q(interaction), CIV_TARGETING if civ_t else "",
                            ]) + ","
                            ts = dyad_t if y is not None else mono_t
                            for v in range(2):
                                t = ts[(len(act_seg) + v) % len(ts)]
                                a2 = "" if y is None else ("rivals" if x is y else y[3])
                                text = t.format(a1=x[3], a2=a2) + " in "
                                bodies.append(text.replace('"', '""'))
                            opts.append((w, len(act_seg)))
                            act_seg.append(seg)
                            combo_civ.append(civ_t)
                combo_opts.append(opts)
        self.combo_choice = Choice(combo_opts)
        self.act_seg = obj(act_seg)
        self.combo_civ = np.array(combo_civ, dtype=bool)
        self.body = obj(bodies)

        # ---- sources per actor region ------------------------------------------------------
        src_opts, src_seg = [], []
        for a in range(n_areg):
            opts = []
            for k, (name, scale) in enumerate(areg_sources[a]):
                opts.append((1.0 / (1 + 0.5 * k), len(src_seg)))
                src_seg.append(q(name) + "," + q(scale) + ",")
            src_opts.append(opts)
        self.src_choice = Choice(src_opts)
        self.src_seg = obj(src_seg)

        # ---- dates ---------------------------------------------------------------------------
        self.n_days = (LAST_DAY - FIRST_DAY).days + 1
        days = [date.fromordinal(FIRST_DAY.toordinal() + i) for i in range(self.n_days)]
        self.day_seg = obj([f",{d.isoformat()},{d.year}," for d in days])
        opens = []
        for d in days:
            opens.append(f'"On {long_date(d)}, ')
            opens.append(f'"Around {long_date(d)} (week of), ')
            opens.append(f'"In {d.strftime("%B")} {d.year} (month of), ')
        self.note_open = obj(opens)
        epoch0 = int(datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, tzinfo=timezone.utc).timestamp())
        self.day_epoch = epoch0 + 86400 * np.arange(self.n_days, dtype=np.int64)
        self.day_year = np.array([d.year for d in days], dtype=np.int64)
        self.first_2024 = (WINDOW_2024[0] - FIRST_DAY).days
        self.last_2024 = (WINDOW_2024[1] - FIRST_DAY).days
        self.tp_seg = obj(["1,", "2,", "3,"])
        self.geo_seg = obj(["1,", "2,", "3,"])

        # ---- reasons, details, fatality sentences, tags per event type ------------------------
        reason_opts, reason = [], [""]            # reason 0: none, the place ends the sentence
        detail_opts, detail = [], []
        for e in EVENT_TYPES:
            rl = REASONS[e]
            reason_opts.append([(1 - P_REASON, 0)]
                               + [(P_REASON / len(rl), len(reason) + i) for i in range(len(rl))])
            reason.extend(r.replace('"', '""') + "." for r in REASONS[e])
            # a detail sentence in P_DETAIL of notes; the index is doubled below for a newline
            dl = DETAILS[e]
            detail_opts.append([(1 - P_DETAIL, len(detail))]
                               + [(P_DETAIL / len(dl), len(detail) + 1 + i) for i in range(len(dl))])
            detail.append("")
            detail.extend(" " + s.replace('"', '""') for s in dl)
        self.reason_choice = Choice(reason_opts)
        self.reason = obj(reason)
        self.detail_choice = Choice(detail_opts)
        self.n_detail = len(detail)
        # second half: the same sentence after a newline (empty detail: newline before closing)
        self.detail = obj(detail + [("\n" + s[1:]) if s else "\n" for s in detail])

        fatal = []
        for e in EVENT_TYPES:
            for n in range(MAX_FATALITIES + 1):
                fatal.extend(fatality_sentences(e, n))
        self.fatal = obj(fatal)

        tag_opts, tag_close, tag_seg = [], [], []

        def add_tags(pairs, sized):
            opts = []
            for w, t in pairs:
                opts.append((w, len(tag_seg)))
                tag_seg.append(q(t) + ",")
                size = t.split("=", 1)[1] if sized else ""
                tag_close.append(f' [size={size}]",' if sized else '",')
            return opts

        none_tags = add_tags([(1.0, "")], False)
        protest_tags = add_tags(PROTEST_TAGS, True)
        sex_tags = add_tags(SEXVIOL_TAGS, False)
        attack_tags = add_tags(ATTACK_TAGS, False)
        for s in SUB_EVENTS:
            if s[0] in ("Protests", "Riots"):
                tag_opts.append(protest_tags)
            elif s[1] == "Sexual violence":
                tag_opts.append(sex_tags)
            elif s[1] == "Attack":
                tag_opts.append(attack_tags)
            else:
                tag_opts.append(none_tags)
        self.tag_choice = Choice(tag_opts)
        self.tag_seg = obj(tag_seg)
        self.tag_close = obj(tag_close)
        self.fat_seg = obj([f"{n}," for n in range(MAX_FATALITIES + 1)])
        extras = sorted((" " + e.replace('"', '""') for e in EXTRAS), key=text_len)
        self.extra = obj([""] + extras)
        self.extra_len = np.array([text_len(e) for e in extras], dtype=np.int64)

        # ---- lengths of the note pieces as a reader sees them (quotes undoubled) ----------------
        self.len_open = lengths(self.note_open) - 1             # the opening quote
        self.len_body = lengths(self.body)
        self.len_loc = lengths(self.loc_phrase)
        self.len_reason = lengths(self.reason)
        self.len_detail = lengths(self.detail)
        self.len_fatal = lengths(self.fatal)
        self.len_close = lengths(self.tag_close) - 2            # the closing quote and comma


def text_len(s: str) -> int:
    """Characters of a piece of a quoted field once read (a doubled quote is one)."""
    return len(s) - s.count('""')


def lengths(a: np.ndarray) -> np.ndarray:
    return np.array([text_len(s) for s in a], dtype=np.int64)


def fatality_sentences(etype: str, n: int) -> tuple[str, str]:
    """Two ways of ending a note for an event of this type with n fatalities."""
    one = n == 1
    if etype == "Battles":
        if n == 0:
            return " No fatalities were reported.", " There were no reported casualties."
        return (" 1 fatality." if one else f" {n} fatalities.",
                " One person was killed." if one else f" The fighting left {n} people dead.")
    if etype == "Explosions/Remote violence":
        if n == 0:
            return " No casualties were reported.", " Property was damaged, but no fatalities were reported."
        return (" One person was killed." if one else f" {n} people were killed.",
                " 1 fatality." if one else f" {n} fatalities reported.")
    if etype == VAC:
        if n == 0:
            return " The victim survived with injuries.", " No fatalities were reported."
        return (" One civilian was killed." if one else f" {n} civilians were killed.",
                " 1 fatality." if one else f" {n} fatalities.")
    if etype == "Protests":
        if n == 0:
            return "", ""
        return (" One protester was killed." if one else f" {n} protesters were killed.",
                " 1 fatality." if one else f" {n} fatalities.")
    if etype == "Riots":
        if n == 0:
            return "", " No injuries were reported."
        return (" One person was killed in the violence." if one else f" {n} people were killed in the violence.",
                " 1 fatality." if one else f" {n} fatalities.")
    if n == 0:
        return "", ""
    return (" 1 fatality." if one else f" {n} fatalities.",
            " One person was killed." if one else f" {n} people were killed.")


_TABLES: Tables | None = None


def tables() -> Tables:
    global _TABLES
    if _TABLES is None:
        _TABLES = Tables()
    return _TABLES


# --------------------------------------------------------------------------------------------
# Chunks
# --------------------------------------------------------------------------------------------

# Truth bins: province (7) x civilian (2) x in 2024 (2); per bin events, fatalities,
# events with fatalities > 0.
N_BINS = len(PROVINCES) * 4


def gen_chunk(seed: int, n_total: int, chunk: int):
    """Rows chunk*CHUNK .. of the file: (utf-8 bytes, truth array [3, N_BINS], fatalities sum)."""
    t = tables()
    i0 = chunk * CHUNK
    i1 = min(n_total, i0 + CHUNK)
    n = i1 - i0
    rng = np.random.default_rng(np.random.SeedSequence([seed, chunk]))

    # date from the position in the file: row 0 is the newest; volume rises over time
    pos = np.arange(i0, i1, dtype=np.float64)
    frac = (n_total - pos - 0.5) / n_total
    day = np.minimum((t.n_days * frac ** (1 / 1.3)).astype(np.int64), t.n_days - 1)

    zeros = np.zeros(n, dtype=np.int64)
    country = t.country_choice.pick(zeros, rng.random(n))
    loc = t.loc_choice.pick(country, rng.random(n))
    areg = t.loc_areg[loc]
    sub = t.sub_choice.pick(areg, rng.random(n))
    combo = t.combo_choice.pick(areg * t.n_sub + sub, rng.random(n))
    etype = t.sub_etype[sub]

    u = rng.random(n)
    geo = rng.geometric(t.sub_geom[sub])
    tail = rng.random(n) < t.sub_tail[sub]
    big = 10 + (rng.pareto(1.1, n) * 15).astype(np.int64)
    fat = np.where(u < t.sub_pzero[sub], 0, np.where(tail, big, geo))
    fat = np.minimum(fat, MAX_FATALITIES).astype(np.int64)

    tp = rng.choice(3, size=n, p=[0.85, 0.12, 0.03])
    gp = rng.choice(3, size=n, p=[0.70, 0.25, 0.05])
    src = t.src_choice.pick(areg, rng.random(n))
    reason = t.reason_choice.pick(etype, rng.random(n))
    loc_i = loc * 2 + (reason == 0)
    detail = t.detail_choice.pick(etype, rng.random(n))
    newline = rng.random(n) < P_NEWLINE
    detail = detail + (newline & (t.detail[detail] == "")) + t.n_detail * newline
    tag = t.tag_choice.pick(sub, rng.random(n))
    fvar = rng.integers(0, 2, n)
    bvar = rng.integers(0, 2, n)
    open_i = day * 3 + tp
    body_i = combo * 2 + bvar
    fatal_i = (etype * (MAX_FATALITIES + 1) + fat) * 2 + fvar

    # notes between NOTE_MIN and NOTE_MAX characters: a short note gets one of the two
    # shortest closing sentences that make it long enough; a few others get any that fits
    base = (t.len_open[open_i] + t.len_body[body_i] + t.len_loc[loc_i] + t.len_reason[reason]
            + t.len_detail[detail] + t.len_fatal[fatal_i] + t.len_close[tag])
    short = base < NOTE_MIN
    lo = np.searchsorted(t.extra_len, NOTE_MIN - base)
    hi = np.searchsorted(t.extra_len, NOTE_MAX - base, side="right")
    hi = np.where(short, np.minimum(hi, lo + 2), hi)
    want = (short | (rng.random(n) < P_LONG)) & (hi > lo)
    extra = np.where(want, 1 + lo + (rng.random(n) * (hi - lo)).astype(np.int64), 0)
    ts = t.day_epoch[day] + rng.integers(2 * 86400, 60 * 86400, n)

    ids = list(map(str.__add__, t.id_prefix[country].tolist(),
                   map(str, range(n_total - i0, n_total - i1, -1))))
    cols = (
        ids,
        t.day_seg[day].tolist(),
        t.tp_seg[tp].tolist(),
        t.act_seg[combo].tolist(),
        t.loc_seg[loc].tolist(),
        t.geo_seg[gp].tolist(),
        t.src_seg[src].tolist(),
        t.note_open[open_i].tolist(),
        t.body[body_i].tolist(),
        t.loc_phrase[loc_i].tolist(),
        t.reason[reason].tolist(),
        t.detail[detail].tolist(),
        t.extra[extra].tolist(),
        t.fatal[fatal_i].tolist(),
        t.tag_close[tag].tolist(),
        t.fat_seg[fat].tolist(),
        t.tag_seg[tag].tolist(),
        list(map(str, ts.tolist())),
    )
    text = "\n".join(map("".join, zip(*cols))) + "\n"

    # truth for Pakistan
    pk = country == 0
    prov = t.loc_prov[loc[pk]]
    civ = (t.combo_civ[combo[pk]] | (etype[pk] == EVENT_TYPES.index(VAC))).astype(np.int64)
    d = day[pk]
    y24 = ((d >= t.first_2024) & (d <= t.last_2024)).astype(np.int64)
    b = prov * 4 + civ * 2 + y24
    f = fat[pk]
    truth = np.stack([
        np.bincount(b, minlength=N_BINS),
        np.bincount(b, weights=f, minlength=N_BINS).astype(np.int64),
        np.bincount(b, weights=(f > 0), minlength=N_BINS).astype(np.int64),
    ])
    return text.encode("utf-8"), truth, int(fat.sum())


def _work(args):
    return gen_chunk(*args)


# --------------------------------------------------------------------------------------------
# Truth
# --------------------------------------------------------------------------------------------

def block(truth: np.ndarray, provs, years) -> dict:
    """Totals over the given province indices and 2024 flags (0: other years, 1: 2024)."""
    t = truth.reshape(3, len(PROVINCES), 2, 2)           # [stat, prov, civ, y24]
    sel = t[:, provs][:, :, :, years].sum(axis=(1, 3))    # [stat, civ]
    events, fat, fat_events = (sel[k] for k in range(3))
    return {
        "events": int(events.sum()),
        "civilians": int(fat[1]),
        "unknown": int(fat[0]),
        "all": int(fat.sum()),
        "events_by_category": {"civilians": int(events[1]), "unknown": int(events[0])},
        "events_with_fatalities": {"civilians": int(fat_events[1]), "unknown": int(fat_events[0]),
                                   "all": int(fat_events.sum())},
    }


def truth_json(truth: np.ndarray, n: int, seed: int, fatalities: int) -> dict:
    allp = list(range(len(PROVINCES)))
    ba = [PROVINCES.index("Balochistan")]
    both, y24 = [0, 1], [1]
    return {
        "generator": "bench/gen_acled.py",
        "seed": seed,
        "rows": n,
        "fatalities": fatalities,
        "date_range": [FIRST_DAY.isoformat(), LAST_DAY.isoformat()],
        "window_2024": [WINDOW_2024[0].isoformat(), WINDOW_2024[1].isoformat()],
        "rule": ("fatalities count as civilians when event_type == 'Violence against civilians' or "
                 "civilian_targeting == 'Civilian targeting', otherwise as unknown; all = civilians + "
                 "unknown; events = number of events; events_with_fatalities counts events with "
                 "fatalities > 0. Pakistan rows are those with country == 'Pakistan'; a province is "
                 "admin1 within Pakistan (India also has an admin1 'Punjab')."),
        "pakistan": block(truth, allp, both),
        "pakistan_2024": block(truth, allp, y24),
        "balochistan": block(truth, ba, both),
        "balochistan_2024": block(truth, ba, y24),
        "by_province": {p: block(truth, [i], both) for i, p in enumerate(PROVINCES)},
        "by_province_2024": {p: block(truth, [i], y24) for i, p in enumerate(PROVINCES)},
    }


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def generate(n: int, out: str, seed: int = 7, jobs: int = 1) -> dict:
    """Write the CSV and its truth JSON; return the truth."""
    if n < 0:
        raise ValueError("--events must be >= 0")
    tables()                                   # build before forking, so workers share it
    n_chunks = (n + CHUNK - 1) // CHUNK
    truth = np.zeros((3, N_BINS), dtype=np.int64)
    fatalities = 0
    tasks = [(seed, n, c) for c in range(n_chunks)]
    tmp = out + ".part"
    with open(tmp, "wb") as fh:
        fh.write((",".join(COLUMNS) + "\n").encode("utf-8"))
        if jobs > 1 and n_chunks > 1:
            import multiprocessing as mp
            ctx = mp.get_context("fork")
            with ctx.Pool(jobs) as pool:
                for data, tr, fsum in pool.imap(_work, tasks, chunksize=1):
                    fh.write(data)
                    truth += tr
                    fatalities += fsum
        else:
            for task in tasks:
                data, tr, fsum = gen_chunk(*task)
                fh.write(data)
                truth += tr
                fatalities += fsum
    os.replace(tmp, out)
    result = truth_json(truth, n, seed, fatalities)
    with open(out + ".truth.json", "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=2)
        fh.write("\n")
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, required=True, help="number of events (rows)")
    ap.add_argument("--out", required=True, help="CSV path; the truth goes to PATH.truth.json")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="processes making chunks (does not change the output)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    generate(args.events, args.out, args.seed, args.jobs)
    dt = time.perf_counter() - t0
    size = os.path.getsize(args.out)
    print(f"gen_acled: {args.events} events -> {args.out}: {size:,} bytes "
          f"({size / max(args.events, 1):.0f} B/event) in {dt:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
