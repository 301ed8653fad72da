"""Make report/countries.json, the country outlines the report draws, from Natural Earth.

The outlines are Natural Earth's 1:110m Admin 0 countries (public domain,
https://www.naturalearthdata.com), as the geopandas 0.14.4 wheel ships them
(geopandas/datasets/naturalearth_lowres). Run once, by hand, where pyshp is installed; the
project does not depend on it:

    pip download geopandas==0.14.4 --no-deps && unzip geopandas-0.14.4-*.whl 'geopandas/datasets/*'
    pip install pyshp && python report/make_outlines.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres

Each country becomes one SVG path in an equirectangular plane (x = longitude + 180,
y = 90 - latitude), rounded to a tenth of a degree: small enough to inline in every report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "countries.json"


def ring_path(points: list[tuple[float, float]]) -> str:
    steps, last = [], None
    for lon, lat in points:
        point = (round(lon + 180, 1), round(90 - lat, 1))
        if point != last:
            steps.append(f"{point[0]:g},{point[1]:g}")
            last = point
    return "M" + "L".join(steps) + "Z" if len(steps) > 2 else ""


def country_path(shape) -> str:
    starts = [*shape.parts, len(shape.points)]
    return "".join(ring_path(shape.points[a:b]) for a, b in zip(starts, starts[1:]))


def main(shapefile_stem: str) -> None:
    import shapefile  # pyshp, only for this one-off conversion

    reader = shapefile.Reader(shapefile_stem)
    countries = [{"iso3": record["iso_a3"], "name": record["name"], "d": country_path(shape)}
                 for shape, record in zip(reader.shapes(), reader.records())]
    OUT.write_text(json.dumps({
        "source": "Natural Earth 1:110m Admin 0 countries, public domain (naturalearthdata.com)",
        "countries": countries}, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
