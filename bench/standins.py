"""The local stand-ins the benchmark runs the function against: a Lambda Runtime API, a Connect stub, moto_server."""

import ctypes
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RUNTIME_PREFIX = "/2018-06-01/runtime"
FUNCTION_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer-bench"


class StandInError(Exception):
    """A stand-in saw something the benchmark must not hide: an error post, an init error, a bad request."""


_LIBC = ctypes.CDLL(None, use_errno=True)
_PR_SET_PDEATHSIG = 1


def die_with_parent():
    """preexec_fn: the child gets SIGKILL when the benchmark dies, even by SIGKILL, so nothing outlives it."""
    _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def await_listening(port, timeout_s, process=None):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StandInError(f"process {process.pid} exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise StandInError(f"nothing listens on 127.0.0.1:{port} after {timeout_s} s")


def read_body(handler):
    """The request body, whether sent with Content-Length or chunked (Vert.x may chunk)."""
    if "chunked" in handler.headers.get("Transfer-Encoding", "").lower():
        chunks = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunks.append(handler.rfile.read(size))
            handler.rfile.readline()
    return handler.rfile.read(int(handler.headers.get("Content-Length") or 0))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A function process killed at the end of a cold start resets its keep-alive connections: not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class _QuietHandler(BaseHTTPRequestHandler):
    # HTTP/1.1 keeps connections open between calls, as the runtime interface client and Vert.x expect.
    protocol_version = "HTTP/1.1"
    # Without TCP_NODELAY a small answer can wait ~40 ms for the client's delayed ACK, which would swamp the
    # few milliseconds a warm invocation is meant to take.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", content_type="application/json", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        # Headers and body in one write (end_headers would send the headers on their own).
        self._headers_buffer.append(b"\r\n" + body)
        self.flush_headers()


class Invocation:
    """One event handed to the function, with the times the benchmark measures (time.perf_counter seconds)."""

    def __init__(self, event):
        self.request_id = str(uuid.uuid4())
        self.event = event
        self.next_answered_at = None
        self.answered_at = None
        self.response = None
        self.error = None
        self.done = threading.Event()


class RuntimeApi:
    """The Lambda Runtime API on loopback: one function process at a time polls it; the benchmark feeds it events."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pending = {}
        self.reset()
        api = self

        class Handler(_QuietHandler):
            def do_GET(self):
                if self.path != RUNTIME_PREFIX + "/invocation/next":
                    return self.answer(404, b'{"errorMessage":"unknown path"}')
                api._next(self)

            def do_POST(self):
                api._post(self, read_body(self))

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self):
        """Forget the previous process: a new queue, so a poll left over from a killed process takes nothing."""
        with self._lock:
            self._queue = queue.Queue()
            self.first_next_at = None
            self.failure = None

    def submit(self, event):
        invocation = Invocation(event)
        with self._lock:
            self._pending[invocation.request_id] = invocation
            self._queue.put(invocation)
        return invocation

    def _next(self, handler):
        arrived = time.perf_counter()
        with self._lock:
            waiting_on = self._queue
            if self.first_next_at is None:
                self.first_next_at = arrived
        while True:
            try:
                invocation = waiting_on.get(timeout=0.2)
                break
            except queue.Empty:
                if waiting_on is not self._queue:
                    handler.close_connection = True
                    return
        deadline_ms = int(time.time() * 1000) + 900_000
        trace = f"Root=1-{int(time.time()):08x}-{uuid.uuid4().hex[:24]};Parent={uuid.uuid4().hex[:16]};Sampled=0"
        handler.answer(200, invocation.event, headers={
            "Lambda-Runtime-Aws-Request-Id": invocation.request_id,
            "Lambda-Runtime-Deadline-Ms": str(deadline_ms),
            "Lambda-Runtime-Invoked-Function-Arn": FUNCTION_ARN,
            "Lambda-Runtime-Trace-Id": trace,
        })
        invocation.next_answered_at = time.perf_counter()

    def _post(self, handler, body):
        received = time.perf_counter()
        parts = handler.path[len(RUNTIME_PREFIX):].strip("/").split("/")
        if parts == ["init", "error"]:
            self.failure = "init error: " + body.decode(errors="replace")
            handler.answer(202, b'{"status":"OK"}')
            return
        if len(parts) != 3 or parts[0] != "invocation" or parts[2] not in ("response", "error"):
            return handler.answer(404, b'{"errorMessage":"unknown path"}')
        with self._lock:
            invocation = self._pending.pop(parts[1], None)
        if invocation is None:
            return handler.answer(400, b'{"errorMessage":"unknown request id"}')
        # 202 as the real Runtime API answers: the runtime interface client treats any other status as fatal.
        handler.answer(202, b'{"status":"OK"}')
        invocation.answered_at = received
        while invocation.next_answered_at is None:  # the /next thread records its time just after sending
            time.sleep(0)
        if parts[2] == "response":
            invocation.response = body
        else:
            invocation.error = body.decode(errors="replace")
        invocation.done.set()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class ConnectStub:
    """JFrog Connect's POST /v2/deploy_update answering 201 at once; counts calls and checks that the token arrived
    and that the deployment went to `expected_flow`."""

    def __init__(self, token):
        self.calls = 0
        self.rejected = []
        self.expected_flow = None
        stub = self

        class Handler(_QuietHandler):
            def do_POST(self):
                body = read_body(self)
                if self.path != "/v2/deploy_update":
                    return self.answer(404, b'{"message":"Not Found"}')
                try:
                    sent = json.loads(body)
                    sent_token = sent.get("user_token")
                    sent_flow = sent.get("deployment_configuration", {}).get("flow_id")
                except (ValueError, AttributeError):
                    sent_token = sent_flow = None
                if stub.expected_flow and sent_flow != stub.expected_flow:
                    stub.rejected.append(body[:300])
                    return self.answer(400, b'{"message":"unexpected flow"}')
                if sent_token != token:
                    stub.rejected.append(body[:200])
                    return self.answer(401, b'{"message":"Unauthorized"}')
                stub.calls += 1
                self.answer(201, b'{"message":"Created"}')

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class MotoServer:
    """moto_server on a loopback port, in its own process group so that stopping it stops all of it."""

    def __init__(self, executable, log_path):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen([executable, "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True, preexec_fn=die_with_parent)
        await_listening(self.port, 60, self.process)

    def create_secret(self, name, value, region):
        import boto3  # imported here so that --help works without boto3

        client = boto3.client("secretsmanager", endpoint_url=self.endpoint, region_name=region,
                              aws_access_key_id="testing", aws_secret_access_key="testing")
        client.create_secret(Name=name, SecretString=value)

    def put_parameters(self, parameters, region):
        """SSM String parameters, name to value: the routing table of --routes."""
        import boto3

        client = boto3.client("ssm", endpoint_url=self.endpoint, region_name=region,
                              aws_access_key_id="testing", aws_secret_access_key="testing")
        for name, value in parameters.items():
            client.put_parameter(Name=name, Value=value, Type="String")

    def close(self):
        stop_group(self.process)
        self._log.close()


def stop_group(process, grace_s=3.0):
    """Stops a process started with start_new_session=True and everything in its group (its pid is the group id)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()
