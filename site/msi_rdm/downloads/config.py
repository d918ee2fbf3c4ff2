"""File downloads: which stored MIME types go out as they are, and how ranges are answered."""

MSI_DOWNLOADS_SAFE_TYPES = (
    "application/pdf",
    "image/avif",
    "image/gif",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/webp",
    "audio/aac",
    "audio/flac",
    "audio/mp4",
    "audio/mpeg",
    "audio/ogg",
    "audio/wav",
    "audio/webm",
    "audio/x-wav",
    "video/mp4",
    "video/ogg",
    "video/quicktime",
    "video/webm",
    "text/vtt",
    "text/csv",
    "text/plain",
)
"""Stored MIME types sent as they are (``Content-Type`` is the file's own): documents, images,
sound, films, captions, tables and plain text, none of which a browser runs as a page or script.
Every other type gets upstream's treatment (HTML, SVG, XML, JavaScript and JSON as
``text/plain``, the rest ``application/octet-stream``). All downloads carry
``X-Content-Type-Options: nosniff`` and upstream's other protective headers."""

MSI_DOWNLOADS_MAX_RANGES = 16
"""Most ranges one request may ask for and get as ``multipart/byteranges``; a request with more
(after overlapping and adjacent ranges are merged) gets the whole file with 200, as RFC 9110
allows a server to do instead of answering many small parts."""

MSI_DOWNLOADS_RANGES = True
"""Answer range requests with MSI's RFC 9110 handling (``downloads.storage``); False leaves them
to werkzeug as upstream does (416 for unknown units and several ranges)."""
