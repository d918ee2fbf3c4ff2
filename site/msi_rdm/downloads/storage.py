"""File storage whose downloads keep safe MIME types and answer ranges as RFC 9110 says.

Set through upstream's hook ``FILES_REST_STORAGE_FACTORY`` (``msi_rdm.config``): files are stored
exactly as by invenio-files-rest's ``PyFSFileStorage`` (same paths, same factory); only
``send_file`` differs, so both download URLs (the landing page's ``/records/<id>/files/<key>``
and the REST API's ``.../files/<key>/content``) answer alike:

- ``Content-Type`` is the stored MIME type when it is in ``MSI_DOWNLOADS_SAFE_TYPES`` (upstream
  sends PDFs and films as ``application/octet-stream``); other types are sanitized as upstream
  does. ``X-Content-Type-Options: nosniff`` and upstream's other protective headers go with every
  file; ``Content-Disposition`` is upstream's (``attachment`` for ``?download=1``).
- ``Range`` (RFC 9110, section 14): a unit other than ``bytes`` and a malformed range set are
  ignored (200 with the whole file; the RFC lets a server ignore an invalid set and requires it
  to ignore unknown units); one satisfiable range is a 206 with ``Content-Range``; several are
  merged where they overlap or touch, and answered as one 206 ``multipart/byteranges`` (what
  browsers, curl and PDF readers accept), or as a 200 with the whole file when more than
  ``MSI_DOWNLOADS_MAX_RANGES`` remain; none satisfiable is a 416 with
  ``Content-Range: bytes */<size>``. ``If-Range`` with an ETag that does not match strongly, or a
  date other than the file's, means the whole file.
- A partial answer carries no ``Content-MD5`` (it is the digest of the whole file, RFC 1864 and
  RFC 9110 say it would describe the part); the ``ETag`` stays, as it names the file's version.
"""

import mimetypes
import secrets

from flask import current_app, request
from invenio_files_rest.helpers import sanitize_mimetype, send_stream
from invenio_files_rest.storage import PyFSFileStorage, pyfs_storage_factory
from werkzeug.http import http_date, parse_date

PROTECTIVE_HEADERS = {
    "Content-Security-Policy": "default-src 'none';",
    "X-Content-Type-Options": "nosniff",
    "X-Download-Options": "noopen",
    "X-Permitted-Cross-Domain-Policies": "none",
    "X-Frame-Options": "deny",
    "X-XSS-Protection": "1; mode=block",
}
"""What invenio-files-rest's ``send_stream`` sets on files it does not trust, kept for all."""

CHUNK = 64 * 1024


def storage_factory(**kwargs):
    """``FILES_REST_STORAGE_FACTORY``: upstream's PyFS factory, building ``MSIFileStorage``."""
    return pyfs_storage_factory(filestorage_class=MSIFileStorage, **kwargs)


def parse_ranges(header, size):
    """Return the satisfiable ``(start, stop)`` byte ranges (stop exclusive) of a Range header.

    ``None`` when the header is to be ignored (another unit, or not a valid range set); an empty
    list when it is valid but nothing in it is satisfiable.
    """
    unit, equals, spec = header.partition("=")
    if not equals or unit.strip().lower() != "bytes" or not spec.strip(" ,"):
        return None
    ranges = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        first, dash, last = item.partition("-")
        first, last = first.strip(), last.strip()
        if not dash or not (first.isdigit() or first == "") or not (last.isdigit() or last == ""):
            return None
        if first == "":
            if last == "":
                return None
            length = int(last)
            if length > 0 and size > 0:
                ranges.append((max(0, size - length), size))
            continue
        start = int(first)
        if last != "" and int(last) < start:
            return None
        if start < size:
            stop = size if last == "" else min(int(last) + 1, size)
            ranges.append((start, stop))
    return ranges


def merge(ranges):
    """Merge ranges that overlap or touch, in file order."""
    merged = []
    for start, stop in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def if_range_holds(response):
    """Whether ``If-Range`` (absent, or matching the file strongly) lets the ranges apply."""
    value = request.headers.get("If-Range")
    if not value:
        return True
    value = value.strip()
    if value.startswith(("W/", '"')):
        etag, weak = response.get_etag()
        return not value.startswith("W/") and not weak and value == f'"{etag}"'
    modified = response.last_modified
    date = parse_date(value)
    return modified is not None and date is not None and http_date(date) == http_date(modified)


class FileParts:
    """The bytes of ranges of an open file, as a WSGI iterable that closes the file."""

    def __init__(self, fp, parts):
        """``parts``: ``(prefix bytes, start, stop)``; ends with a closing prefix alone."""
        self.fp = fp
        self.parts = parts

    def __iter__(self):
        """Yield each part's prefix, then its bytes in chunks."""
        try:
            for prefix, start, stop in self.parts:
                if prefix:
                    yield prefix
                if start is None:
                    continue
                self.fp.seek(start)
                left = stop - start
                while left > 0:
                    chunk = self.fp.read(min(CHUNK, left))
                    if not chunk:
                        break
                    left -= len(chunk)
                    yield chunk
        finally:
            self.close()

    def close(self):
        """Close the file."""
        self.fp.close()


class MSIFileStorage(PyFSFileStorage):
    """PyFS storage whose ``send_file`` keeps safe types and answers ranges per RFC 9110."""

    def send_file(
        self,
        filename,
        mimetype=None,
        restricted=True,
        checksum=None,
        trusted=False,
        chunk_size=None,
        as_attachment=False,
    ):
        """Send the file, or the ranges of it the request asks for."""
        config = current_app.config
        if trusted:
            return super().send_file(
                filename,
                mimetype=mimetype,
                restricted=restricted,
                checksum=checksum,
                trusted=trusted,
                chunk_size=chunk_size,
                as_attachment=as_attachment,
            )
        if mimetype is None and filename:
            mimetype = mimetypes.guess_type(filename)[0]
        if mimetype not in config["MSI_DOWNLOADS_SAFE_TYPES"]:
            mimetype = sanitize_mimetype(mimetype, filename=filename)
        md5 = checksum.split(":", 1)[1] if checksum and checksum.startswith("md5:") else None
        fp = self.open(mode="rb")
        response = send_stream(
            fp,
            filename,
            self._size,
            self._modified,
            mimetype=mimetype,
            restricted=restricted,
            as_attachment=as_attachment,
            etag=checksum,
            content_md5=md5,
            chunk_size=chunk_size,
            conditional=False,
            trusted=True,
        )
        response.headers.update(PROTECTIVE_HEADERS)
        allow_ranges = config.get("FILES_REST_ALLOW_RANGE_REQUESTS", False)
        if not config["MSI_DOWNLOADS_RANGES"]:
            return self._upstream_conditional(response, fp, allow_ranges)
        response = response.make_conditional(request, accept_ranges=False)
        if not allow_ranges:
            return response
        response.headers["Accept-Ranges"] = "bytes"
        header = request.headers.get("Range")
        if response.status_code != 200 or not header or request.method not in ("GET", "HEAD"):
            return response
        if not if_range_holds(response):
            return response
        ranges = parse_ranges(header, self._size)
        if ranges is None:
            return response
        if not ranges:
            fp.close()
            return self._not_satisfiable(response)
        ranges = merge(ranges)
        if len(ranges) > config["MSI_DOWNLOADS_MAX_RANGES"]:
            return response
        return self._partial(response, fp, ranges, mimetype)

    def _upstream_conditional(self, response, fp, allow_ranges):
        """Ranges and conditions as upstream answers them (werkzeug's)."""
        try:
            response = response.make_conditional(
                request, accept_ranges=allow_ranges, complete_length=self._size
            )
        except Exception:
            fp.close()
            raise
        if allow_ranges and "Accept-Ranges" not in response.headers:
            response.headers["Accept-Ranges"] = "bytes"
        return response

    def _not_satisfiable(self, response):
        """416 with the file's size in ``Content-Range``."""
        answer = current_app.response_class(
            b"Range Not Satisfiable\n", status=416, mimetype="text/plain"
        )
        answer.headers.update(PROTECTIVE_HEADERS)
        answer.headers["Content-Range"] = f"bytes */{self._size}"
        answer.headers["Accept-Ranges"] = "bytes"
        answer.headers["Cache-Control"] = "no-cache"
        return answer

    def _partial(self, response, fp, ranges, mimetype):
        """206 of one range, or of several as ``multipart/byteranges``."""
        size = self._size
        response.status_code = 206
        del response.headers["Content-MD5"]
        if len(ranges) == 1:
            ((start, stop),) = ranges
            response.response = FileParts(fp, [(b"", start, stop)])
            response.headers["Content-Range"] = f"bytes {start}-{stop - 1}/{size}"
            response.headers["Content-Length"] = str(stop - start)
            return response
        boundary = secrets.token_hex(16)
        parts = []
        for start, stop in ranges:
            prefix = (
                f"\r\n--{boundary}\r\nContent-Type: {mimetype}\r\n"
                f"Content-Range: bytes {start}-{stop - 1}/{size}\r\n\r\n"
            ).encode()
            parts.append((prefix, start, stop))
        parts.append((f"\r\n--{boundary}--\r\n".encode(), None, None))
        length = sum(
            len(prefix) + (stop - start if start is not None else 0)
            for prefix, start, stop in parts
        )
        response.response = FileParts(fp, parts)
        response.headers["Content-Type"] = f"multipart/byteranges; boundary={boundary}"
        response.headers["Content-Length"] = str(length)
        return response
