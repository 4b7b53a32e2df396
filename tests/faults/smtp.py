"""A small SMTP server that records what it is sent, and can stall once.

Enough of RFC 5321 for smtplib: greeting, EHLO/HELO, MAIL, RCPT, DATA,
RSET, NOOP, QUIT. A stalled connection never gets its greeting, so the
sender waits mid-task, where a test can kill it.
"""

import socket
import threading
from email import message_from_bytes
from email.message import Message


class SmtpServer:
    def __init__(self):
        self.messages: list[Message] = []
        self.connections = 0
        self.stall_first = False
        self.stalled = threading.Event()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def subjects(self) -> list[str]:
        with self._lock:
            return [message["Subject"] for message in self.messages]

    def close(self) -> None:
        self._closed.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with self._lock:
            self.connections += 1
            stall = self.stall_first and self.connections == 1
        with conn:
            if stall:
                self.stalled.set()
                self._closed.wait()
                return
            reader = conn.makefile("rb")
            conn.sendall(b"220 faults ESMTP\r\n")
            while line := reader.readline():
                verb = line[:4].upper()
                if verb == b"DATA":
                    conn.sendall(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    self._receive(reader)
                    conn.sendall(b"250 OK queued\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"221 Bye\r\n")
                    return
                elif verb in {b"EHLO", b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"}:
                    conn.sendall(b"250 OK\r\n")
                else:
                    conn.sendall(b"502 Not implemented\r\n")

    def _receive(self, reader) -> None:
        lines = []
        while (line := reader.readline()) not in {b".\r\n", b""}:
            lines.append(line[1:] if line.startswith(b"..") else line)
        with self._lock:
            self.messages.append(message_from_bytes(b"".join(lines)))
