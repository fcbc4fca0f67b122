#!/usr/bin/env python3
"""Writes Scenarios/missions/<mission>.json from missions.csv and the chosen pre-launch ISS element
sets (iss-tles.txt, iss-tles-added.txt). Run once from this folder: python3 make_mission_files.py
The times, ports and sources are those of missions.csv; the choices below (TLE, precision, port
key, schemes) are the project's reading of that file, stated per mission."""
import csv, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "..", "Scenarios", "missions")

def sets(path):
    """(comment block, line1, line2) for every set in a TLE file with comment headers."""
    out, comments = [], []
    lines = open(os.path.join(HERE, path)).read().splitlines()
    for i, l in enumerate(lines):
        if l.startswith("#"):
            comments.append(l[1:].strip())
        elif l.startswith("1 25544"):
            out.append((" ".join(comments), l, lines[i + 1]))
            comments = []
        elif not l.strip():
            comments = []
    return out

ALL = {s[1][18:32]: s for s in sets("iss-tles.txt") + sets("iss-tles-added.txt")}

# mission -> (slug, vehicle, port, scheme flown, scheme planned, planned liftoff, tle epoch field,
#             liftoff precision s, docking precision s, docking planned?)
CHOICE = {
    "Progress MS-07": ("progress-ms-07", "progress-ms", "pirs", "2-day", "2-orbit", "2017-10-12T09:32:03Z", "17284.88510854", 1, 1, False),
    "Progress MS-11": ("progress-ms-11", "progress-ms", "pirs", "2-orbit", None, None, "19093.54651620", 0.001, 1, False),
    "Soyuz MS-16": ("soyuz-ms-16", "soyuz-ms", "poisk", "4-orbit", None, None, "20099.88933163", 0.001, 1, False),
    "Progress MS-14": ("progress-ms-14", "progress-ms", "zvezda-aft", "2-orbit", None, None, "20115.55025390", 0.001, 1, False),
    "Soyuz MS-17": ("soyuz-ms-17", "soyuz-ms", "rassvet", "2-orbit", None, None, "20287.09347615", 1, 1, False),
    "Soyuz MS-20": ("soyuz-ms-20", "soyuz-ms", "poisk", "4-orbit", None, None, "21340.39932169", 60, 60, False),
    "Soyuz MS-22": ("soyuz-ms-22", "soyuz-ms", "rassvet", "2-orbit", None, None, "22261.04293564", 0.001, 1, False),
    "Soyuz MS-24": ("soyuz-ms-24", "soyuz-ms", "rassvet", "2-orbit", None, None, "23258.21279622", 0.001, 1, False),
    "Soyuz MS-25": ("soyuz-ms-25", "soyuz-ms", "prichal", "2-day", "2-orbit", None, None, 60, 60, True),
    "Soyuz MS-27": ("soyuz-ms-27", "soyuz-ms", "prichal", "2-orbit", None, None, "25097.52056586", 0.001, 1, False),
}
NOTES = {
    "Soyuz MS-20": "Launch seconds (07:38:15) are marked 'from memory' in missions.csv: treat the liftoff as known to the minute. Docking 13:40 UTC to the minute (NASA blog).",
    "Soyuz MS-25": "2-orbit attempt on 2024-03-21 scrubbed about 20 s before liftoff; flew the 2-day scheme. Liftoff given to the minute; docking is the PLANNED time (Rossiyskaya Gazeta). Port Prichal is 'from memory' in missions.csv. No verified pre-launch ISS TLE was found (every candidate failed its checksum or was invented), so iss_tle is null and the mission cannot be predicted from a TLE.",
    "Progress MS-07": "2-orbit launch planned for 2017-10-12T09:32:03Z (ISS 165 km south-west of the pad at liftoff), scrubbed; launched two days later on the 2-day scheme.",
    "Progress MS-14": "The TLE looks like a NASA/JSC SVPOST set: its drag terms are fixed placeholders, good for geometry only.",
}

# Missions the project sourced itself (not in missions.csv): reported separately ("training": false).
ADDED = [
    dict(slug="soyuz-ms-18", mission="Soyuz MS-18", vehicle="soyuz-ms", port="rassvet", scheme="2-orbit",
         liftoff="2021-04-09T07:42:41Z", liftoff_precision=1,
         liftoff_sources=["https://pledgetimes.com/the-state-commission-allowed-the-launch-of-soyuz-2-1a-with-the-yu-a-gagarin/ (Roscosmos: State Commission set launch at 10:42:41 MSK; docking planned 14:07 MSK)",
                          "https://interfax.com/newsroom/top-stories/71543/ (launched 10:42 MSK from Site 31, docked to Rassvet 14:04 MSK, 3 h 22 min)",
                          "https://tass.com/science/1276021 (two-orbit scheme, lifted off 10:42 MSK)"],
         liftoff_confidence="primary (Roscosmos via news) to the minute; seconds are the State Commission's set time, launched as planned",
         docking="2021-04-09T11:04Z", docking_precision=60,
         docking_sources=["https://interfax.com/newsroom/top-stories/71543/ (docked 2:04 p.m. Moscow time)"],
         docking_confidence="primary (Roscosmos broadcast via Interfax) to the minute",
         tle="21098.03858124", notes=None),
    dict(slug="soyuz-ms-19", mission="Soyuz MS-19", vehicle="soyuz-ms", port="rassvet", scheme="2-orbit",
         liftoff="2021-10-05T08:55:02.442Z", liftoff_precision=0.001,
         liftoff_sources=["https://www.russianspaceweb.com/soyuz-ms-19.html (launch 11:55:02.442 MSK; docking 15:22:31 MSK)",
                          "https://db0nus869y26v.cloudfront.net/en/Soyuz_MS-19 (Wikipedia mirror: 08:55:02 UTC; docked 12:22:31 UTC, Rassvet nadir)"],
         liftoff_confidence="secondary s-precision (two agreeing secondaries)",
         docking="2021-10-05T12:22:31Z", docking_precision=1,
         docking_sources=["https://www.russianspaceweb.com/soyuz-ms-19.html (docking 15:22:31 MSK)",
                          "https://interfax.com/newsroom/top-stories/72818/ (manual docking at 15:22 MSK, ten minutes later than planned after a failure of the automatic docking system)"],
         docking_confidence="secondary s-precision, consistent with Interfax (Roscosmos) minute",
         tle="21277.86166359",
         notes="Kurs failed on the final approach; Shkaplerov docked manually about 10 min later than planned (Interfax): the docking time is not that of an automatic approach."),
]

ADDED += [
    dict(slug="progress-ms-21", mission="Progress MS-21", vehicle="progress-ms", port="poisk", scheme="2-day",
         liftoff="2022-10-26T00:20:09.237Z", liftoff_precision=0.001,
         liftoff_sources=["https://russianspaceweb.com/progress-ms-21.html (launch 03:20:09.237 MSK; docking 2022-10-28 05:48:54 MSK, Poisk zenith)",
                          "https://dzen.ru/a/Y1iH75aVdSXUr7qz (Roscosmos: launch 03:20 MSK from Site 31; docking planned 05:50 MSK on 28 October)"],
         liftoff_confidence="secondary ms-precision (RussianSpaceWeb), consistent with Roscosmos minute",
         docking="2022-10-28T02:48:54Z", docking_precision=1,
         docking_sources=["https://russianspaceweb.com/progress-ms-21.html (docking 05:48:54 MSK)",
                          "https://tass.com/science/1528947/amp (docked at around 05:50 MSK, two-day scheme)"],
         docking_confidence="secondary s-precision, consistent with TASS minute",
         tle="22298.70251956",
         notes="Planned 2-day flight (not a scrub). Insertion orbit 256 x 284 km at 51.64 deg (der-orion launch log), higher than the fast schemes' ~200 x 220 km."),
    dict(slug="soyuz-ms-23", mission="Soyuz MS-23", vehicle="soyuz-ms", port="poisk", scheme="2-day",
         liftoff="2023-02-24T00:24Z", liftoff_precision=60,
         liftoff_sources=["https://tass.com/science/1581629 (launched 3:24 Moscow time on February 24; two-day approach; docked to Poisk)",
                          "https://kiwix.prodb.cz/content/wikipedia_en_all_mini_2025-06/Soyuz_MS-23 (Wikipedia mirror: launch 00:24 UTC; docking 26 February 2023, 00:58 UTC, Poisk zenith)"],
         liftoff_confidence="primary (TASS) to the minute",
         docking="2023-02-26T00:58Z", docking_precision=60,
         docking_sources=["http://spacefacts.de/mission/german/soyuz-ms-23.htm (docked 00:58:00 UTC)",
                          "https://kiwix.prodb.cz/content/wikipedia_en_all_mini_2025-06/Soyuz_MS-23 (docking 00:58 UTC)"],
         docking_confidence="secondary minute (two agreeing secondaries)",
         tle="23054.08647934",
         notes="Uncrewed replacement for the damaged Soyuz MS-22; planned 2-day flight."),
    dict(slug="progress-ms-23", mission="Progress MS-23", vehicle="progress-ms", port="poisk", scheme="2-orbit",
         liftoff="2023-05-24T12:56:07.463Z", liftoff_precision=0.001,
         liftoff_sources=["https://novosti-kosmonavtiki.ru/news/200440/ (launch 12:56:07.463 UTC from pad 6 of Site 31; docking planned 16:20 UTC)",
                          "https://russianspaceweb.com/progress-ms-23.html (launch 15:56:07.463 MSK; docking planned 19:20:48 MSK, Poisk)",
                          "https://interfax.com/newsroom/top-stories/90797/ (Roscosmos: two-orbit path, Poisk)"],
         liftoff_confidence="secondary ms-precision (two agreeing secondaries quoting Roscosmos)",
         docking="2023-05-24T16:19Z", docking_precision=60,
         docking_sources=["https://raumfahrtkalender.de/raumfahrtchronik/ereignis/2023/mai/2023-071 (two-orbit scheme; docked at Poisk at 16:19 UTC)"],
         docking_confidence="secondary minute",
         tle="23144.35992656", notes=None),
]

def write_added():
    for m in ADDED:
        comment, l1, l2 = ALL[m["tle"]]
        doc = {"schema_version": 1, "mission": m["mission"], "vehicle": m["vehicle"], "launch_vehicle": "Soyuz-2.1a",
               "pad": "baikonur-31", "port": m["port"], "scheme_flown": m["scheme"],
               "liftoff": {"utc": m["liftoff"], "precision_s": m["liftoff_precision"], "sources": m["liftoff_sources"], "confidence": m["liftoff_confidence"]},
               "docking": {"utc": m["docking"], "precision_s": m["docking_precision"], "sources": m["docking_sources"], "confidence": m["docking_confidence"]},
               "iss_tle": {"name": "ISS (ZARYA)", "line1": l1, "line2": l2, "source": comment},
               "training": False}
        if m["notes"]:
            doc["notes"] = m["notes"]
        with open(os.path.join(OUT, m["slug"] + ".json"), "w") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")

def main():
    os.makedirs(OUT, exist_ok=True)
    for row in csv.DictReader(open(os.path.join(HERE, "missions.csv"))):
        m = row["mission"]
        slug, vehicle, port, flown, planned, planned_liftoff, tle_key, lp, dp, dplanned = CHOICE[m]
        sources = [s.strip() for s in row["source"].split(" ; ")]
        launch = row["launch_utc"]
        dock = row["docking_utc"]
        doc = {
            "schema_version": 1,
            "mission": m,
            "vehicle": vehicle,
            "launch_vehicle": "Soyuz-2.1a",
            "pad": "baikonur-31",
            "port": port,
            "scheme_flown": flown,
        }
        if planned:
            doc["scheme_planned"] = planned
        if planned_liftoff:
            doc["planned_liftoff"] = {"utc": planned_liftoff, "precision_s": 1, "sources": [s for s in sources if "publicate" in s] or sources, "confidence": "secondary (mission plan quoted by a news page)"}
        doc["liftoff"] = {"utc": launch, "precision_s": lp, "sources": sources, "confidence": row["confidence"]}
        doc["docking"] = {"utc": dock, "precision_s": dp, "sources": sources, "confidence": row["confidence"]}
        if dplanned:
            doc["docking"]["planned"] = True
        if tle_key:
            comment, l1, l2 = ALL[tle_key]
            doc["iss_tle"] = {"name": "ISS (ZARYA)", "line1": l1, "line2": l2,
                              "source": comment}
        else:
            doc["iss_tle"] = None
        doc["training"] = True
        if m in NOTES:
            doc["notes"] = NOTES[m]
        with open(os.path.join(OUT, slug + ".json"), "w") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")

main()
write_added()
