//! The desktop app's security settings, checked from the files Tauri builds from: no shell
//! plugin, no file-system or shell permissions, no remote URLs, a strict CSP.

use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn no_shell_plugin_and_no_broad_permissions() {
    let cargo = read("src-tauri/Cargo.toml");
    assert!(!cargo.contains("tauri-plugin-shell"), "no shell plugin");
    assert!(!cargo.contains("tauri-plugin-fs"), "no file-system plugin");
    assert!(!cargo.contains("tauri-plugin-http"), "no HTTP plugin");
    let caps: Value = serde_json::from_str(&read("src-tauri/capabilities/default.json")).unwrap();
    let perms: Vec<String> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .map(String::from)
                .unwrap_or_else(|| p["identifier"].as_str().unwrap().to_string())
        })
        .collect();
    for p in &perms {
        assert!(
            !p.starts_with("shell:") && !p.starts_with("fs:") && !p.starts_with("http:"),
            "{p}"
        );
    }
    assert!(
        caps.get("remote").is_none(),
        "no remote URLs get capabilities"
    );
    let mut all = Vec::new();
    strings(&caps, &mut all);
    assert!(
        all.iter()
            .all(|s| !s.contains("http://") && !s.contains("https://")),
        "no URLs in capabilities"
    );
}

#[test]
fn a_strict_csp_and_no_remote_content() {
    let conf: Value = serde_json::from_str(&read("src-tauri/tauri.conf.json")).unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    let connect = csp["connect-src"].as_str().unwrap();
    assert!(
        !connect.contains("https:") && !connect.contains('*'),
        "{connect}"
    );
    assert_eq!(
        conf["build"]["frontendDist"], "../ui/dist",
        "the UI is bundled, not loaded from a URL"
    );
    assert_ne!(conf["app"]["withGlobalTauri"], true);
    for w in conf["app"]["windows"].as_array().unwrap() {
        assert!(
            w.get("url")
                .is_none_or(|u| !u.as_str().unwrap_or("").starts_with("http")),
            "no remote window URL"
        );
    }
}
