"""What an image file tells about where and when it was taken: its EXIF GPS position and date.

A phone photo carries the place it was taken to a few metres, so a ward photo
posted as it is says which hospital, whatever the caption. Pillow is imported
inside ``read_image`` only: checking text never pays for it.
"""

from __future__ import annotations

from pathlib import Path

from clinician_compass.record import record

_GPS_IFD, _EXIF_IFD = 0x8825, 0x8769
_DATE_TIME_ORIGINAL, _DATE_TIME = 36867, 306


class ImageError(Exception):
    """The file is missing or is not an image Pillow can read; the message names the file."""


@record(frozen=True)
class ImageFacts:
    path: str
    location: tuple[float, float] | None
    """Latitude and longitude in degrees, when the file holds them."""
    taken: str
    """When it was taken, as the camera wrote it ("2026:11:21 03:12:00"), or ""."""

    @property
    def problems(self) -> list[str]:
        """What the file itself gives away, in words, for the result to list."""
        found = ["it is a photo: faces, tattoos, wristbands and labels on screens identify"]
        if self.location:
            lat, lon = self.location
            found.append(f"it holds the GPS position where it was taken ({lat:.5f}, {lon:.5f})")
        if self.taken:
            found.append(f"it holds the date and time it was taken ({self.taken})")
        return found

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "location": list(self.location) if self.location else None,
            "taken": self.taken or None,
            "why": self.problems,
        }


def _degrees(value: object, ref: object) -> float:
    # EXIF GPS is three rationals, untyped in Pillow; anything else raises TypeError or ValueError, caught below.
    d, m, s = (float(part) for part in value)  # type: ignore[attr-defined]  # an untyped EXIF value
    sign = -1 if str(ref).upper() in ("S", "W") else 1
    return sign * (d + m / 60 + s / 3600)


def read_image(path: Path) -> ImageFacts:
    """The image's GPS position and date; ``ImageError`` when it cannot be read as an image."""
    from PIL import Image, UnidentifiedImageError  # only here: text checks never load Pillow

    try:
        with Image.open(path) as image:
            exif = image.getexif()
    except FileNotFoundError:
        raise ImageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImageError(f"{path}: is a folder, not an image") from None
    except PermissionError:
        raise ImageError(f"{path}: permission denied") from None
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ImageError(f"{path}: not an image this check can read ({type(error).__name__})") from None
    location = None
    try:
        gps = exif.get_ifd(_GPS_IFD)
        if 2 in gps and 4 in gps:
            location = (_degrees(gps[2], gps.get(1, "N")), _degrees(gps[4], gps.get(3, "E")))
    except (TypeError, ValueError, ZeroDivisionError, KeyError):
        location = None
    taken = exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME) or ""
    return ImageFacts(str(path), location, str(taken).strip("\x00 "))
