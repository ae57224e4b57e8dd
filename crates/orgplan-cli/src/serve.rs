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
//!
//! Each request is read on its own thread (its body with a read timeout and a size limit);
//! only complete requests reach the one thread that runs commands on the store, so a client
//! that stalls never holds up another. Files of the UI are answered on the reading thread.

use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use orgplan_api::{dispatch, ApiError, Ctx, ErrorKind};
use orgplan_core::Lang;
use orgplan_store::{Author, Source};
use tiny_http::{Header, Method, Request, Response, Server};

/// Largest request body accepted (a plan file being imported, as JSON), in bytes: the plan
/// file limit with room for the JSON around it.
const MAX_BODY: usize = orgplan_core::file::MAX_FILE_BYTES + 1024 * 1024;

/// How long a client may pause while sending a request before it is dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Requests being read at once; more are answered 503 at once.
const MAX_READING: usize = 64;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; \
                   object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// A loopback listener whose accepted connections time out when a client stops sending
/// (on Linux and the BSDs a connection inherits its listener's receive timeout).
fn listener(port: u16) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(true)?;
    socket.set_read_timeout(Some(READ_TIMEOUT))?;
    socket.bind(&addr.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

/// A request read whole, for the store's thread.
struct Job {
    request: Request,
    command: String,
    body: Vec<u8>,
    lang: Option<Lang>,
    client: Option<String>,
}

pub fn serve(mut ctx: Ctx, port: u16, ui: Option<PathBuf>) -> Result<(), String> {
    let listener = listener(port).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let server = Server::from_listener(listener, None)
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
    // The listener's receive timeout, which its connections inherit, also bounds how long
    // accept() waits; tiny_http stops serving at the first failed accept. So an idle server
    // wakes its own accept with a connection of its own (read to its end at once, it makes no
    // request) well before the timeout runs out.
    std::thread::spawn(move || loop {
        std::thread::sleep(READ_TIMEOUT / 3);
        let _ = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(2));
    });
    let (jobs, queue) = mpsc::channel::<Job>();
    let port = addr.port();
    let reading = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            if reading.fetch_add(1, Ordering::SeqCst) >= MAX_READING {
                reading.fetch_sub(1, Ordering::SeqCst);
                let e = ApiError::new(ErrorKind::Io, "the server is busy; try again");
                let _ = request.respond(error_response(&e).with_status_code(503));
                continue;
            }
            let (jobs, ui, reading) = (jobs.clone(), ui.clone(), reading.clone());
            std::thread::spawn(move || {
                if let Some(job) = read(request, port, ui.as_deref()) {
                    let _ = jobs.send(job);
                }
                reading.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
    let browser = Author::new(Source::Browser);
    for job in queue {
        run(&mut ctx, job, &browser);
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
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn error_response(e: &ApiError) -> Response<std::io::Cursor<Vec<u8>>> {
    let status = match e.kind {
        ErrorKind::NotFound | ErrorKind::UnknownCommand => 404,
        ErrorKind::BadArguments => 400,
        ErrorKind::Database | ErrorKind::Io | ErrorKind::Export => 500,
        ErrorKind::NewerDatabase | ErrorKind::Corrupt => 503,
        ErrorKind::Conflict => 409,
        ErrorKind::ReadOnly => 403,
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

/// Reads a request on its own thread: answers what needs no store (refusals, the UI's
/// files, a body too large, slow or unreadable) and returns an API call read whole.
fn read(mut request: Request, port: u16, ui: Option<&Path>) -> Option<Job> {
    if !trusted(&request, port) {
        let e = ApiError::new(
            ErrorKind::BadArguments,
            "requests must come from this computer",
        );
        let _ = request.respond(error_response(&e).with_status_code(403));
        return None;
    }
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    if let Some(command) = path.strip_prefix("/api/") {
        if *request.method() != Method::Post {
            let e = ApiError::new(ErrorKind::BadArguments, "use POST");
            let _ = request.respond(error_response(&e).with_status_code(405));
            return None;
        }
        let lang = match request_header(&request, "X-OrgPlan-Lang") {
            Some("en") => Some(Lang::En),
            Some("zh") => Some(Lang::Zh),
            _ => None,
        };
        let client = request_header(&request, "X-OrgPlan-Client")
            .filter(|c| !c.is_empty() && c.len() <= 64)
            .map(str::to_string);
        let declared = request.body_length().is_some_and(|n| n > MAX_BODY);
        let mut body = Vec::new();
        let read = if declared {
            Ok(0)
        } else {
            request
                .as_reader()
                .take(MAX_BODY as u64 + 1)
                .read_to_end(&mut body)
        };
        let refusal = match read {
            _ if declared || body.len() > MAX_BODY => Some((
                413,
                format!("the request is larger than {} MB", MAX_BODY / 1024 / 1024),
            )),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Some((408, "the request was not sent in time".to_string()))
            }
            Err(e) => Some((400, format!("the request could not be read: {e}"))),
            Ok(_) => None,
        };
        if let Some((status, message)) = refusal {
            let e = ApiError::new(ErrorKind::BadArguments, message);
            let _ = request.respond(error_response(&e).with_status_code(status));
            return None;
        }
        return Some(Job {
            command: command.to_string(),
            request,
            body,
            lang,
            client,
        });
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
    None
}

/// Runs a request's command on the store and answers it.
fn run(ctx: &mut Ctx, job: Job, browser: &Author) {
    let Job {
        request,
        command,
        body,
        lang,
        client,
    } = job;
    let lang = lang.unwrap_or(ctx.lang);
    // Each browser tab names itself, so undo can tell its edits from another tab's.
    ctx.store.set_author(Author {
        client: client.unwrap_or_else(|| browser.client.clone()),
        source: Source::Browser,
    });
    let response = api(ctx, &body, &command, lang);
    let _ = request.respond(response);
}

fn api(
    ctx: &mut Ctx,
    body: &[u8],
    command: &str,
    lang: Lang,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let args = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Value::Null
    } else {
        match serde_json::from_slice(body) {
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
