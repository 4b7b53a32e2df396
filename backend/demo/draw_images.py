"""Draw the demo catalog's product images with Pillow.

Each product gets a simple, recognisable illustration of its kind with its
name underneath. The PNG files are committed under content/catalog/images/;
run this again after adding a product:

    .venv/bin/python -m backend.demo.draw_images [content/catalog]
"""

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from backend.core.yaml_text import yaml_safe_load

SIZE = 800
BACKGROUND = (246, 243, 238)
INK = (40, 44, 52)
WIRE = (120, 124, 130)

# The colour each product is drawn in; the first variant's swatch if it has
# one would be less readable on the light background for some products.
COLORS = {
    "loop-stretch-strap": (31, 111, 159),
    "d-ring-stretch-strap": (143, 174, 139),
    "cotton-yoga-strap": (196, 170, 130),
    "pulseease-tens-unit": (236, 240, 244),
    "pulseease-pro-tens-ems": (52, 58, 70),
    "wireless-tens-mini": (250, 250, 250),
    "self-adhesive-electrode-pads": (250, 250, 250),
    "lumbar-butterfly-electrode-pads": (250, 250, 250),
    "high-density-foam-roller": (45, 45, 48),
    "textured-grid-foam-roller": (233, 114, 70),
    "peanut-massage-ball": (64, 124, 160),
    "lacrosse-massage-ball-set": (200, 60, 60),
    "spiky-massage-ball": (110, 180, 90),
    "moist-heat-pack": (196, 160, 110),
    "microwavable-flaxseed-wrap": (233, 114, 90),
    "electric-heating-pad": (150, 154, 160),
    "gel-hot-cold-pack": (70, 140, 220),
    "memory-foam-lumbar-cushion": (60, 60, 62),
    "sciatica-relief-bundle": (190, 150, 100),
}


def _darker(color, amount=0.7):
    return tuple(int(channel * amount) for channel in color)


def _strap(draw, color, *, d_ring=False, loops=0):
    # A band that curves across the picture, loops sewn along it.
    points = [
        (120 + step * 5.6, 330 + 110 * math.sin(step / 18)) for step in range(101)
    ]
    draw.line(points, fill=_darker(color), width=46, joint="curve")
    draw.line(points, fill=color, width=38, joint="curve")
    for index in range(loops):
        x, y = points[8 + index * 7]
        draw.ellipse((x - 26, y - 46, x + 26, y + 46), outline=_darker(color), width=9)
    if d_ring:
        x, y = points[-1]
        draw.ellipse(
            (x - 50, y - 60, x + 30, y + 60), outline=(150, 150, 155), width=14
        )
    else:
        x, y = points[0]
        draw.rounded_rectangle(
            (x - 30, y - 40, x + 30, y + 40), 10, fill=_darker(color, 0.5)
        )


def _tens(draw, color, *, pods=False, pro=False):
    if pods:
        draw.ellipse((180, 180, 620, 520), fill=(235, 238, 242), outline=INK, width=6)
        draw.rounded_rectangle(
            (300, 250, 500, 450), 60, fill=color, outline=INK, width=6
        )
        draw.ellipse((370, 320, 430, 380), fill=(90, 170, 210))
        return
    draw.rounded_rectangle((250, 110, 550, 520), 40, fill=color, outline=INK, width=6)
    screen = (30, 200, 170) if pro else (150, 200, 220)
    draw.rounded_rectangle((290, 150, 510, 300), 16, fill=_darker(screen, 0.5))
    draw.text((310, 190), "12", fill=screen, font=_font(70))
    for row, label in enumerate(("+", "-")):
        draw.ellipse((300 + row * 120, 360, 380 + row * 120, 440), fill=(200, 90, 70))
        draw.text((325 + row * 120, 365), label, fill="white", font=_font(56))
    for offset in (-90, 90):
        draw.line((400, 520, 400 + offset, 600), fill=WIRE, width=8)
        draw.rounded_rectangle(
            (340 + offset, 590, 460 + offset, 660),
            16,
            fill="white",
            outline=WIRE,
            width=5,
        )


def _pads(draw, color, *, butterfly=False):
    if butterfly:
        for cx in (300, 500):
            draw.ellipse(
                (cx - 150, 170, cx + 150, 560), fill=color, outline=WIRE, width=6
            )
        draw.rectangle((350, 300, 450, 430), fill=(210, 214, 220))
        draw.ellipse((385, 340, 415, 370), fill=INK)
        return
    for row in range(2):
        for column in range(2):
            x, y = 190 + column * 230, 150 + row * 230
            draw.rounded_rectangle(
                (x, y, x + 190, y + 190), 26, fill=color, outline=WIRE, width=6
            )
            draw.ellipse((x + 80, y + 80, x + 110, y + 110), fill=INK)
            draw.line((x + 95, y + 95, x + 95, y - 20), fill=WIRE, width=5)


def _roller(draw, color, *, grid=False):
    body = (150, 250, 650, 470)
    draw.rectangle(body, fill=color)
    draw.ellipse((590, 250, 710, 470), fill=_darker(color, 0.8), outline=INK, width=5)
    draw.ellipse((90, 250, 210, 470), fill=color, outline=INK, width=5)
    draw.ellipse((125, 315, 175, 405), fill=_darker(color, 0.5))
    draw.line((150, 250, 650, 250), fill=INK, width=5)
    draw.line((150, 470, 650, 470), fill=INK, width=5)
    if grid:
        for x in range(230, 640, 60):
            draw.line((x, 260, x, 460), fill=_darker(color, 0.6), width=10)
        for y in (300, 360, 420):
            draw.line((220, y, 640, y), fill=_darker(color, 0.6), width=6)


def _balls(draw, color, *, peanut=False, pair=False, spiky=False):
    if peanut:
        for cx in (300, 500):
            draw.ellipse(
                (cx - 150, 200, cx + 150, 500), fill=color, outline=INK, width=6
            )
        draw.rectangle((300, 260, 500, 440), fill=color)
        draw.line((300, 262, 500, 262), fill=INK, width=6)
        draw.line((300, 438, 500, 438), fill=INK, width=6)
        return
    if pair:
        draw.ellipse((150, 250, 390, 490), fill=color, outline=INK, width=6)
        draw.ellipse(
            (410, 200, 690, 480), fill=_darker(color, 0.75), outline=INK, width=6
        )
        return
    cx, cy, radius = 400, 350, 170
    for step in range(24):
        angle = step * math.pi / 12
        tip = (
            cx + (radius + 45) * math.cos(angle),
            cy + (radius + 45) * math.sin(angle),
        )
        left = (
            cx + radius * math.cos(angle - 0.12),
            cy + radius * math.sin(angle - 0.12),
        )
        right = (
            cx + radius * math.cos(angle + 0.12),
            cy + radius * math.sin(angle + 0.12),
        )
        draw.polygon((left, tip, right), fill=_darker(color, 0.8))
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=color)
    if spiky:
        for step in range(12):
            angle = step * math.pi / 6
            x, y = cx + 90 * math.cos(angle), cy + 90 * math.sin(angle)
            draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=_darker(color, 0.7))


def _steam(draw, x_start):
    for index in range(3):
        x = x_start + index * 110
        points = [(x + 18 * math.sin(step / 3), 170 - step * 8) for step in range(14)]
        draw.line(points, fill=(180, 180, 185), width=8, joint="curve")


def _heat_pack(draw, color, *, kind):
    if kind == "moist":
        draw.rounded_rectangle(
            (170, 200, 630, 560), 30, fill=color, outline=INK, width=6
        )
        for x in range(262, 630, 92):
            draw.line((x, 205, x, 555), fill=_darker(color, 0.7), width=6)
        _steam(draw, 290)
    elif kind == "wrap":
        draw.rounded_rectangle((80, 330, 720, 420), 40, fill=_darker(color, 0.8))
        draw.rounded_rectangle(
            (220, 230, 580, 520), 50, fill=color, outline=INK, width=6
        )
        for x in (310, 400, 490):
            draw.line((x, 240, x, 510), fill=_darker(color, 0.7), width=5)
        _steam(draw, 290)
    elif kind == "electric":
        draw.rounded_rectangle(
            (130, 200, 560, 540), 40, fill=color, outline=INK, width=6
        )
        for y in range(250, 540, 60):
            draw.line((150, y, 540, y), fill=_darker(color, 0.8), width=4)
        draw.line((560, 370, 640, 370, 640, 470), fill=INK, width=8)
        draw.rounded_rectangle(
            (600, 470, 690, 620), 20, fill=(235, 235, 235), outline=INK, width=5
        )
        draw.ellipse((625, 500, 665, 540), fill=(220, 80, 60))
    else:
        draw.rounded_rectangle(
            (170, 180, 630, 560), 60, fill=color, outline=INK, width=6
        )
        draw.pieslice((170, 180, 630, 560), 90, 270, fill=(220, 80, 70))
        draw.rounded_rectangle((170, 180, 400, 560), 0, outline=None)
        draw.line((400, 190, 400, 550), fill="white", width=6)
        for angle in range(0, 180, 30):
            radians = math.radians(angle)
            dx, dy = 70 * math.cos(radians), 70 * math.sin(radians)
            draw.line((515 - dx, 370 - dy, 515 + dx, 370 + dy), fill="white", width=9)
        draw.polygon(
            ((285, 450), (240, 370), (275, 385), (285, 300), (330, 390), (310, 450)),
            fill=(255, 200, 80),
        )


def _cushion(draw, color):
    draw.line((90, 360, 710, 360), fill=_darker(color, 1.6), width=24)
    draw.chord((180, 170, 620, 560), 0, 360, fill=color, outline=INK, width=6)
    draw.arc((230, 260, 570, 470), 200, 340, fill=_darker(color, 2.2), width=10)


def _bundle(draw, color):
    draw.polygon(
        ((150, 300), (400, 230), (650, 300), (400, 370)), fill=_darker(color, 1.15)
    )
    draw.polygon(((150, 300), (400, 370), (400, 620), (150, 550)), fill=color)
    draw.polygon(
        ((650, 300), (400, 370), (400, 620), (650, 550)), fill=_darker(color, 0.8)
    )
    draw.rounded_rectangle(
        (230, 120, 330, 290), 20, fill=(236, 240, 244), outline=INK, width=5
    )
    draw.line((350, 150, 470, 280), fill=(31, 111, 159), width=30)
    draw.rounded_rectangle(
        (470, 150, 600, 270), 30, fill=(233, 114, 90), outline=INK, width=5
    )
    draw.line((275, 470, 400, 505, 525, 470), fill=(255, 255, 255), width=10)


def _font(size: int):
    return ImageFont.load_default(size=size)


def _illustration(*, slug: str, product_type: str) -> Image.Image:
    picture = Image.new("RGB", (SIZE, SIZE), BACKGROUND)
    draw = ImageDraw.Draw(picture)
    color = COLORS.get(slug, (150, 150, 160))
    if product_type == "stretch-strap":
        _strap(draw, color, d_ring="d-ring" in slug, loops=12 if "loop" in slug else 0)
    elif product_type == "tens-unit":
        _tens(draw, color, pods="wireless" in slug, pro="pro" in slug)
    elif product_type == "electrode-pads":
        _pads(draw, color, butterfly="butterfly" in slug)
    elif product_type == "foam-roller":
        _roller(draw, color, grid="grid" in slug)
    elif product_type == "massage-ball":
        _balls(
            draw,
            color,
            peanut="peanut" in slug,
            pair="set" in slug,
            spiky="spiky" in slug,
        )
    elif product_type == "heat-pack":
        kind = next((k for k in ("moist", "electric", "gel") if k in slug), "wrap")
        _heat_pack(draw, color, kind=kind)
    elif product_type == "cushion":
        _cushion(draw, color)
    else:
        _bundle(draw, color)
    return picture


def draw_product(*, slug: str, name: str, product_type: str) -> Image.Image:
    """Return the illustration of one product, its name at the foot."""
    picture = _illustration(slug=slug, product_type=product_type)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 660, SIZE, SIZE), fill=(31, 58, 84))
    font = _font(40 if len(name) < 30 else 32)
    width = draw.textlength(name, font=font)
    draw.text(((SIZE - width) / 2, 705), name, fill="white", font=font)
    return picture


def draw_category(*, name: str, products: list[dict]) -> Image.Image:
    """Return a banner: a category's or collection's name beside two products."""
    banner = Image.new("RGB", (1200, 480), BACKGROUND)
    draw = ImageDraw.Draw(banner)
    draw.rectangle((0, 0, 520, 480), fill=(31, 58, 84))
    words, lines = name.split(), [""]
    for word in words:
        candidate = f"{lines[-1]} {word}".strip()
        if draw.textlength(candidate, font=_font(56)) > 440 and lines[-1]:
            lines.append(word)
        else:
            lines[-1] = candidate
    for index, line in enumerate(lines):
        draw.text((44, 150 + index * 72), line, fill="white", font=_font(56))
    for index, product in enumerate(products[:2]):
        picture = _illustration(
            slug=product["slug"], product_type=product["product_type"]
        )
        picture = picture.crop((60, 60, 740, 660)).resize((340, 300))
        banner.paste(picture, (540 + index * 330, 90))
    return banner


def _categories_with_products(categories: list[dict], products: list[dict]):
    """Yield each category with the products in it or under it."""
    for category in categories:
        children = category.get("children") or []
        below = {category["slug"]}
        stack = list(children)
        while stack:
            child = stack.pop()
            below.add(child["slug"])
            stack.extend(child.get("children") or [])
        yield category, [p for p in products if p["category"] in below]
        yield from _categories_with_products(children, products)


def draw_catalog_images(catalog_dir: Path) -> list[Path]:
    """Draw the product, category and collection images of the catalog files."""
    with (catalog_dir / "products.yaml").open(encoding="utf-8") as handle:
        products = yaml_safe_load(handle)["products"]
    with (catalog_dir / "categories.yaml").open(encoding="utf-8") as handle:
        categories = yaml_safe_load(handle)["categories"]
    drawings = [
        (
            product["image"]["file"],
            draw_product(
                slug=product["slug"],
                name=product["name"],
                product_type=product["product_type"],
            ),
        )
        for product in products
    ]
    drawings += [
        (
            category["background_image"]["file"],
            draw_category(name=category["name"], products=members),
        )
        for category, members in _categories_with_products(categories, products)
        if category.get("background_image")
    ]
    with (catalog_dir / "collections.yaml").open(encoding="utf-8") as handle:
        collections = yaml_safe_load(handle)["collections"]
    drawings += [
        (
            collection["background_image"]["file"],
            draw_category(
                name=collection["name"],
                products=[
                    p
                    for p in products
                    if collection["slug"] in p.get("collections", [])
                ],
            ),
        )
        for collection in collections
        if collection.get("background_image")
    ]
    written = []
    for file_name, picture in drawings:
        path = catalog_dir / file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        picture.save(path, format="PNG", optimize=True)
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("content/catalog")
    for written_path in draw_catalog_images(target):
        print(written_path)
