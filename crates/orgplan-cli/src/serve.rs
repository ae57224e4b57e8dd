//! `orgplan serve`: the command table over loopback HTTP, plus the built UI, so the same UI
//! runs in a browser against the real store. Binds 127.0.0.1 only.
//!
//! * `POST /api/<command>` with the JSON arguments as the body → `200` and the JSON result, or
//!   an error status and `{kind, message}`. The `X-OrgPlan-Lang: zh|en` header picks the language
//!   of messages.
//! * Anything else is a file of the UI folder; unknown paths get `index.html`.
//!
//! Requests whose `Host` is not loopback (DNS rebinding) or whose `Origin` is another site are
//! refused.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use orgplan_api::{dispatch, ApiError, Ctx, ErrorKind};
use orgplan_core::Lang;
use tiny_http::{Header, Method, Request, Response, Server};

/// Largest request body accepted (a plan file being imported), in bytes.
const MAX_BODY: usize = 64 * 1024 * 1024;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; \
                   object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

pub fn serve(mut ctx: Ctx, port: u16, ui: Option<PathBuf>) -> Result<(), String> {
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or("the server has no IP address")?;
    let ui = ui.filter(|d| d.join("index.html").is_file());
    orgplan_api::ensure_demo(&mut ctx).map_err(|e| e.message)?;
    println!("OrgPlan is serving http://{addr}/");
    if ui.is_none() {
        println!("(no built UI found: only /api is served; build it with `npm run build` in ui/)");
    }
    for request in server.incoming_requests() {
        handle(&mut ctx, request, addr.port(), ui.as_deref());
    }
    Ok(())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn request_header<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

fn json_response(status: u16, body: String) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body.into_bytes())
        .with_status_code(status)
        .with_header(header("Content-Type", "application/json; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn error_response(e: &ApiError) -> Response<std::io::Cursor<Vec<u8>>> {
    let status = match e.kind {
        ErrorKind::NotFound | ErrorKind::UnknownCommand => 404,
        ErrorKind::BadArguments => 400,
        ErrorKind::Database | ErrorKind::Io | ErrorKind::Export => 500,
        ErrorKind::NewerDatabase => 503,
        _ => 422,
    };
    json_response(status, serde_json::to_string(e).expect("errors serialise"))
}

/// True when the request comes from this server's own pages or from no page at all.
fn trusted(request: &Request, port: u16) -> bool {
    let loopback = |host: &str| {
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        matches!(host, "127.0.0.1" | "localhost" | "[::1]")
    };
    let host_ok = request_header(request, "Host").is_some_and(loopback);
    let origin_ok = match request_header(request, "Origin") {
        None => true,
        Some(o) => {
            o == format!("http://127.0.0.1:{port}") || o == format!("http://localhost:{port}")
        }
    };
    host_ok && origin_ok
}

fn handle(ctx: &mut Ctx, mut request: Request, port: u16, ui: Option<&Path>) {
    if !trusted(&request, port) {
        let e = ApiError::new(
            ErrorKind::BadArguments,
            "requests must come from this computer",
        );
        let _ = request.respond(error_response(&e).with_status_code(403));
        return;
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    if let Some(command) = path.strip_prefix("/api/") {
        let response = if *request.method() != Method::Post {
            error_response(&ApiError::new(ErrorKind::BadArguments, "use POST"))
                .with_status_code(405)
        } else {
            let lang = match request_header(&request, "X-OrgPlan-Lang") {
                Some("en") => Lang::En,
                Some("zh") => Lang::Zh,
                _ => ctx.lang,
            };
            api(ctx, &mut request, command, lang)
        };
        let _ = request.respond(response);
        return;
    }
    let _ = match ui.and_then(|dir| static_file(dir, &path)) {
        Some((bytes, mime)) => request.respond(
            Response::from_data(bytes)
                .with_header(header("Content-Type", mime))
                .with_header(header("Content-Security-Policy", CSP))
                .with_header(header("X-Content-Type-Options", "nosniff")),
        ),
        None => request.respond(Response::from_string("not found").with_status_code(404)),
    };
}

fn api(
    ctx: &mut Ctx,
    request: &mut Request,
    command: &str,
    lang: Lang,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut body);
    if read.is_err() || body.len() > MAX_BODY {
        return error_response(&ApiError::new(
            ErrorKind::BadArguments,
            "the request body is too large or unreadable",
        ));
    }
    let args = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                return error_response(&ApiError::new(
                    ErrorKind::BadArguments,
                    format!("the arguments are not JSON: {e}"),
                ))
            }
        }
    };
    let saved = ctx.lang;
    ctx.lang = lang;
    let result = dispatch(ctx, command, args);
    ctx.lang = saved;
    match result {
        Ok(v) => json_response(200, v.to_string()),
        Err(e) => error_response(&e),
    }
}

/// A file under `dir` for a URL path; `index.html` for paths that are not files (the UI
/// routes in the page). Paths that climb out of `dir` are refused.
fn static_file(dir: &Path, path: &str) -> Option<(Vec<u8>, &'static str)> {
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = dir.join(rel);
    if !file.is_file() {
        file = dir.join("index.html");
    }
    let bytes = std::fs::read(&file).ok()?;
    let mime = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    };
    Some((bytes, mime))
}
