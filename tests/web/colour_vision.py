"""How colours look with colour-vision deficiencies, and how far apart they stay (CIE76 ΔE).

Protanopia and deuteranopia use the Viénot, Brettel & Mollon (1999) projections, tritanopia
the Machado, Oliveira & Fernandes (2009) matrix at full severity; all act on linear sRGB.
"""

from __future__ import annotations

import itertools
import re

VISIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.11238, 0.88762, 0.0), (0.11238, 0.88762, 0.0), (0.00401, -0.00401, 1.0)),
    "deuteranopia": ((0.29275, 0.70725, 0.0), (0.29275, 0.70725, 0.0), (-0.02234, 0.02234, 1.0)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def parse_css_colour(text: str) -> tuple[int, int, int]:
    """Return (r, g, b) of a computed CSS colour such as "rgb(0, 114, 178)" or "#0072b2"."""
    text = text.strip()
    if text.startswith("#"):
        return tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
    parts = re.findall(r"[\d.]+", text)
    return int(float(parts[0])), int(float(parts[1])), int(float(parts[2]))


def _linear(c: int) -> float:
    v = c / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, v)) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(rgb: tuple[int, int, int], vision: str) -> tuple[float, float, float]:
    """The CIELAB colour that a person with `vision` sees for an sRGB colour."""
    lin = [_linear(c) for c in rgb]
    m = VISIONS[vision]
    return _lab([sum(m[i][j] * lin[j] for j in range(3)) for i in range(3)])


def min_distance(colours: list[tuple[int, int, int]], vision: str) -> float:
    """The smallest ΔE between any two of the colours as seen with `vision`."""
    return min(sum((a - b) ** 2 for a, b in zip(seen(c1, vision), seen(c2, vision))) ** 0.5
               for c1, c2 in itertools.combinations(colours, 2))
