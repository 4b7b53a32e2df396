"""Draw the hero image of every article: a calm, abstract illustration.

Run from anywhere:  .venv/bin/python content/articles/images/draw.py
Each image is 1200x630 PNG (the Open Graph size), drawn from the title and a
motif: a spine of stacked vertebrae, a figure in a pose, waves of heat or cold,
or pulses of current. Pure Pillow; output is deterministic.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1200, 630
INK = (33, 52, 71)
SOFT_INK = (86, 104, 122)

ARTICLES = [
    (
        "physical-therapy-for-sciatica",
        "Physical Therapy for Sciatica",
        "figure-bridge",
        (226, 238, 243),
        (31, 111, 159),
    ),
    (
        "exercises-for-sciatica",
        "Exercises for Sciatica",
        "figure-knee",
        (232, 241, 231),
        (94, 138, 90),
    ),
    ("sciatica-massage", "Sciatica Massage", "hands", (245, 236, 228), (190, 120, 86)),
    (
        "yoga-for-sciatica-pain",
        "Yoga for Sciatica Pain",
        "figure-child",
        (239, 235, 246),
        (120, 100, 160),
    ),
    (
        "foam-rolling-for-sciatica",
        "Foam Rolling for Sciatica",
        "roller",
        (229, 240, 240),
        (52, 128, 128),
    ),
    (
        "heat-or-ice-for-sciatica",
        "Heat or Ice for Sciatica",
        "heat-cold",
        (246, 238, 232),
        (233, 114, 90),
    ),
    (
        "tens-for-sciatica",
        "TENS for Sciatica",
        "pulses",
        (232, 236, 246),
        (60, 90, 170),
    ),
]


def font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in (
        "/usr/share/fonts/truetype/dejavu",
        "/Library/Fonts",
        "C:/Windows/Fonts",
    ):
        path = Path(folder) / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def tint(color, amount):
    """Mix a color toward white (amount > 0) or toward black (amount < 0)."""
    target = 255 if amount > 0 else 0
    amount = abs(amount)
    return tuple(round(c + (target - c) * amount) for c in color)


def spine(draw, x, top, accent):
    """A gentle S-curve of rounded vertebrae, with discs between them."""
    for i in range(11):
        y = top + i * 44
        offset = round(18 * ((i - 5) / 5) ** 2) - 9
        color = accent if i in (8, 9) else tint(accent, 0.45)
        draw.rounded_rectangle(
            (x + offset - 46, y, x + offset + 46, y + 32), radius=14, fill=color
        )
        draw.ellipse(
            (x + offset - 30, y + 34, x + offset + 30, y + 42), fill=tint(accent, 0.75)
        )
    # the nerve: a soft line from the low back down and away
    draw.line(
        [(x + 10, top + 400), (x + 70, top + 450), (x + 90, top + 520)],
        fill=accent,
        width=6,
        joint="curve",
    )


def limb(draw, points, color, width=22):
    draw.line(points, fill=color, width=width, joint="curve")
    for px, py in (points[0], points[-1]):
        draw.ellipse(
            (px - width // 2, py - width // 2, px + width // 2, py + width // 2),
            fill=color,
        )


def figure(draw, pose, accent):
    body = tint(accent, -0.1)
    ground = tint(accent, 0.6)
    draw.rounded_rectangle((700, 520, 1140, 540), radius=10, fill=ground)
    if pose == "figure-bridge":
        draw.ellipse((720, 470, 770, 520), fill=body)
        limb(draw, [(770, 505), (880, 440), (960, 430)], body)
        limb(draw, [(960, 430), (1010, 470), (1030, 515)], body)
        limb(draw, [(780, 510), (860, 515)], body, 16)
    elif pose == "figure-knee":
        draw.ellipse((720, 465, 770, 515), fill=body)
        limb(draw, [(770, 500), (930, 505)], body)
        limb(draw, [(930, 505), (900, 400), (860, 360)], body)
        limb(draw, [(930, 505), (1080, 505)], body)
        limb(draw, [(790, 480), (850, 380)], body, 14)
    elif pose == "figure-child":
        draw.ellipse((760, 470, 810, 520), fill=body)
        limb(draw, [(810, 470), (900, 420), (990, 470)], body, 26)
        limb(draw, [(990, 470), (1000, 515), (920, 515)], body)
        limb(draw, [(820, 480), (720, 515)], body, 14)
    elif pose == "hands":
        for dx in (0, 150):
            draw.rounded_rectangle((760 + dx, 330, 880 + dx, 400), radius=34, fill=body)
            for f in range(4):
                draw.rounded_rectangle(
                    (764 + dx + f * 29, 290, 786 + dx + f * 29, 345),
                    radius=11,
                    fill=body,
                )
        draw.rounded_rectangle(
            (720, 420, 1100, 500), radius=40, fill=tint(accent, 0.45)
        )
    elif pose == "roller":
        draw.ellipse((780, 440, 860, 520), fill=body)
        draw.rectangle((820, 440, 1040, 520), fill=body)
        draw.ellipse((1000, 440, 1080, 520), fill=tint(accent, 0.3))
        for gx in range(840, 1020, 36):
            draw.line([(gx, 446), (gx, 514)], fill=tint(accent, 0.35), width=6)
    elif pose == "heat-cold":
        warm, cool = (233, 114, 90), (70, 140, 200)
        for i in range(3):
            x = 760 + i * 50
            draw.line(
                [(x, 500), (x + 20, 440), (x, 380), (x + 20, 320)],
                fill=warm,
                width=10,
                joint="curve",
            )
        for i in range(3):
            cx, cy = 1010 + (i % 2) * 50, 340 + i * 70
            for a in range(3):
                dx, dy = [(28, 0), (14, 24), (-14, 24)][a]
                draw.line([(cx - dx, cy - dy), (cx + dx, cy + dy)], fill=cool, width=6)
    elif pose == "pulses":
        draw.rounded_rectangle((760, 380, 880, 520), radius=18, fill=body)
        draw.rounded_rectangle((780, 400, 860, 440), radius=8, fill=tint(accent, 0.7))
        for pad_x in (980, 1070):
            draw.rounded_rectangle(
                (pad_x, 440, pad_x + 60, 500), radius=12, fill=tint(accent, 0.45)
            )
            draw.line([(880, 470), (pad_x, 470)], fill=tint(accent, 0.2), width=4)
        points = [(760 + i * 20, 330 + (-40 if i % 4 == 1 else 0)) for i in range(20)]
        draw.line(points, fill=accent, width=6, joint="curve")


def wrap(text, fnt, width, draw):
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=fnt) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def draw_article(slug, title, motif, background, accent):
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((640, -160, 1320, 520), fill=tint(background, -0.04))
    draw.ellipse((-200, 420, 360, 900), fill=tint(background, 0.35))
    spine(draw, 600, 60, accent)
    figure(draw, motif, accent)
    draw.text(
        (72, 96), "LUMBAR  ·  SCIATICA RELIEF", font=font(22, bold=True), fill=accent
    )
    title_font = font(64, bold=True)
    y = 150
    for line in wrap(title, title_font, 470, draw):
        draw.text((72, y), line, font=title_font, fill=INK)
        y += 78
    draw.rounded_rectangle((72, y + 24, 172, y + 32), radius=4, fill=accent)
    draw.text((72, y + 56), "A physical therapy guide", font=font(26), fill=SOFT_INK)
    out = HERE / f"{slug}.png"
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
    return out


def main():
    for slug, title, motif, background, accent in ARTICLES:
        out = draw_article(slug, title, motif, background, accent)
        print(f"{out.name}: {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
