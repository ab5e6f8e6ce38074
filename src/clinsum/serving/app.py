"""HTTP layer of `clinsum serve` (FastAPI): endpoints, errors, the API-key gate, the review page.

Every request gets an id (``X-Request-ID``), one log line with lengths and timings (text only with
``--log-text``), and errors as ``{"error", "message", "request_id"}``. The gate in front of the app
checks the API key before anything reads the body, and refuses bodies over the size limit.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from clinsum.serving.service import NotReady, SummarizationService, key_matches

log = logging.getLogger("clinsum.serving")


class ApiError(HTTPException):
    """An error response; an HTTPException so that it also passes through FastAPI's body reading."""

    def __init__(self, status: int, error: str, message: str, headers: dict | None = None):
        super().__init__(status, message, headers)
        self.error, self.message = error, message


def _not_blank(value: str, name: str) -> str:
    if not value.strip():
        raise ValueError(f"{name} is empty: send the text to {'summarize' if name == 'note' else 'check'}")
    return value


class SummarizeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"note": "45 y/o M with left knee pain x3 days after a fall. Denies fever. Ibuprofen 400 mg TID.",
         "context": "HPI", "max_new_tokens": 120, "greedy": True, "verify": True}]})

    note: StrictStr = Field(description="the clinical note (or dialogue transcript)")
    context: StrictStr | None = Field(None, description="optional section name given to the model, e.g. 'GENHX'")
    max_new_tokens: StrictInt | None = Field(None, description="most tokens to generate (default: the server's)")
    greedy: StrictBool | None = Field(None, description="greedy decoding (default: the server's, normally true)")
    verify: StrictBool | None = Field(None, description="verified output: unsupported sentences rewritten or dropped, "
                                                        "each recorded in 'verification' (default: the server's, "
                                                        "normally true)")

    @field_validator("note")
    @classmethod
    def note_not_blank(cls, value: str) -> str:
        return _not_blank(value, "note")


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"note": "Pt denies chest pain. Lisinopril 10 mg daily.", "summary": "Reports chest pain; lisinopril 40 mg daily."}]})

    note: StrictStr = Field(description="the clinical note")
    summary: StrictStr = Field(description="a summary written elsewhere, to check against the note")

    @field_validator("note", "summary")
    @classmethod
    def not_blank(cls, value: str, info) -> str:
        return _not_blank(value, info.field_name)


_PROBLEMS = {
    "missing": "is required",
    "string_type": "must be a string of text",
    "int_type": "must be an integer",
    "bool_type": "must be true or false",
    "extra_forbidden": "is not a known field",
}


def describe_validation_errors(errors: list[dict]) -> str:
    """Pydantic's errors as one sentence a person can act on (never echoing the submitted text)."""
    problems = []
    for e in errors:
        if e["type"] == "json_invalid":
            problems.append(f"the body is not valid JSON ({e.get('ctx', {}).get('error', 'decode error')} at "
                            f"character {e['loc'][-1]})")
            continue
        field = ".".join(str(part) for part in e["loc"] if part != "body")
        if not field:
            problems.append('the body must be a JSON object such as {"note": "..."}')
        elif e["type"] == "value_error":
            problems.append(str(e.get("ctx", {}).get("error", e["msg"])))
        else:
            problems.append(f"{field} {_PROBLEMS.get(e['type'], e['msg'].lower())}")
    return "; ".join(dict.fromkeys(problems))


def _error(status: int, error: str, message: str, request_id: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "message": message, "request_id": request_id}, status_code=status,
                        headers=headers)


class Gate:
    """Outermost ASGI layer: request id, API key for /v1, body size limit, one log line, last-resort 500."""

    def __init__(self, app, service: SummarizationService, body_limit: int):
        self.app, self.service, self.body_limit = app, service, body_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request_id = uuid.uuid4().hex[:16]
        scope.setdefault("state", {}).update(request_id=request_id, log={})
        started, status = time.perf_counter(), {"code": 0}
        headers = dict(scope["headers"])

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        async def respond(response: JSONResponse):
            await response(scope, receive, send_with_id)

        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.body_limit:
                raise ApiError(413, "too_large", self._too_large_message())
            return message

        try:
            if scope["path"].startswith("/v1/") and self.service.api_key is not None \
                    and not key_matches(headers.get(b"authorization", b"").decode("latin-1"), self.service.api_key):
                await respond(_error(401, "unauthorized", "missing or wrong API key: send the header "
                                     "'Authorization: Bearer <key>' (the key is in the server's --api-key-file)",
                                     request_id, {"WWW-Authenticate": "Bearer"}))
            elif int(headers.get(b"content-length", b"0") or 0) > self.body_limit:
                await respond(_error(413, "too_large", self._too_large_message(), request_id))
            else:
                await self.app(scope, limited_receive, send_with_id)
        except Exception as e:  # noqa: BLE001 - the client gets an id to quote, the log gets no patient text
            if status["code"]:
                raise
            log.error("request %s: unhandled %s", request_id, type(e).__name__,
                      exc_info=self.service.config.log_text)
            await respond(_error(500, "internal_error", f"internal error; quote request id {request_id} when "
                                 "reporting it", request_id))
        fields = " ".join(f"{k}={v}" for k, v in scope["state"]["log"].items())
        log.info("request %s %s %s -> %d in %.0f ms %s", request_id, scope["method"], scope["path"], status["code"],
                 (time.perf_counter() - started) * 1000, fields)

    def _too_large_message(self) -> str:
        return (f"the request body is over {self.body_limit} bytes; notes and summaries are limited to "
                f"{self.service.config.max_note_bytes} bytes each (--max-note-bytes)")


def create_app(service: SummarizationService):
    """The ASGI app: FastAPI routes wrapped in the :class:`Gate`."""

    @asynccontextmanager
    async def lifespan(app):
        service.start()
        yield
        await run_in_threadpool(service.stop)  # uvicorn has drained the connections; finish queued work

    app = FastAPI(title="clinsum", summary="Clinical-note summaries with per-sentence evidence and unsupported facts",
                  version="1", lifespan=lifespan)
    config = service.config

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, e: HTTPException):
        if isinstance(e.__cause__, UnicodeDecodeError):  # FastAPI's 400 for a body that is not UTF-8
            return _error(422, "invalid_request", "the body is not valid JSON (it is not UTF-8 text)",
                          request.state.request_id)
        error = e.error if isinstance(e, ApiError) else {404: "not_found", 405: "method_not_allowed"}.get(e.status_code, "error")
        return _error(e.status_code, error, str(e.detail), request.state.request_id, e.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, e: RequestValidationError):
        return _error(422, "invalid_request", describe_validation_errors(e.errors()), request.state.request_id)

    def check_size(request: Request, **texts: str) -> None:
        for name, text in texts.items():
            size = len(text.encode("utf-8"))
            request.state.log[f"{name}_chars"] = len(text)
            if size > config.max_note_bytes:
                raise ApiError(413, "too_large", f"{name} is {size} bytes; the limit is {config.max_note_bytes} "
                               "bytes (--max-note-bytes): send a shorter text or split it")

    def log_text(request: Request, **texts: str) -> None:
        if config.log_text:
            for name, text in texts.items():
                log.info("request %s %s: %s", request.state.request_id, name, json.dumps(text))

    async def guarded(request: Request, work):
        try:
            return await work
        except NotReady as e:
            raise ApiError(503, "not_ready", str(e), {"Retry-After": "5"}) from None
        except ValueError as e:
            raise ApiError(422, "invalid_request", str(e)) from None
        except Exception as e:  # noqa: BLE001 - a failed batch must not take the server down
            rid = request.state.request_id
            log.error("request %s: generation failed: %s", rid, type(e).__name__, exc_info=config.log_text)
            raise ApiError(500, "generation_failed", f"summary generation failed; quote request id {rid} when "
                           "reporting it. The server keeps serving: retry, or send a shorter note") from None

    @app.post("/v1/summarize", tags=["summaries"])
    async def summarize(body: SummarizeRequest, request: Request) -> dict:
        """Summarize a note; per summary sentence: evidence note sentences and unsupported facts."""
        check_size(request, note=body.note)
        result = await guarded(request, service.summarize(body.note, body.context, body.max_new_tokens, body.greedy,
                                                                    body.verify))
        request.state.log.update(summary_chars=len(result["summary"]), unsupported=result["unsupported_count"],
                                 batch=result["batch_size"])
        if result["verification"]:
            request.state.log.update({k: result["verification"][k] for k in ("repaired", "dropped")})
        log_text(request, note=result["note"], summary=result["summary"])  # the note as the model saw it
        return {"request_id": request.state.request_id, **result}

    @app.post("/v1/check", tags=["summaries"])
    async def check(body: CheckRequest, request: Request) -> dict:
        """Check a summary written elsewhere against its note (same result as /v1/summarize)."""
        check_size(request, note=body.note, summary=body.summary)
        result = await guarded(request, service.check(body.note, body.summary))
        log_text(request, note=result["note"], summary=result["summary"])  # as checked (PHI-redacted if asked)
        request.state.log.update(unsupported=result["unsupported_count"])
        return {"request_id": request.state.request_id, **result}

    @app.get("/v1/model", tags=["service"])
    async def model() -> dict:
        """Base model, adapter and the settings requests get by default."""
        return service.model_info()

    @app.get("/health", tags=["service"])
    async def health(request: Request):
        """200 once the model is loaded and the server takes requests; 503 before (or if loading failed)."""
        body = {"status": "ready" if service.ready else ("failed" if service.load_error else "loading"),
                "auth_required": service.api_key is not None}
        return JSONResponse(body, status_code=200 if service.ready else 503)

    @app.get("/", include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(resources.files("clinsum.serving").joinpath("static/index.html").read_text(encoding="utf-8"))

    # Room for a note and a summary at the limit, plus JSON escaping of a few characters.
    return Gate(app, service, body_limit=2 * config.max_note_bytes + 16384)
