"""uvicorn's HTTP protocol with TCP_NODELAY set on every connection.

With `--workers` above 1 uvicorn binds the socket itself, without IPPROTO_TCP, and asyncio then skips
TCP_NODELAY on the accepted connections: each response waited ~40 ms for a delayed ACK (bench/api.py).
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11(H11Protocol):
    """H11Protocol that turns Nagle's algorithm off on its connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        super().connection_made(transport)
