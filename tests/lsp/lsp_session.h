#pragma once
// A scripted client for the language server, in process: messages go in
// through the same framing the stdio loop uses, the clock is the test's,
// and everything the server sends is collected.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "lsp/server.h"

namespace tfguard::lsp::testing {

namespace fs = std::filesystem;
using nlohmann::json;

/// A copy of testdata/lsp/workspace in a temporary directory (a git
/// repository root, so that file reads stay inside it), made the working
/// directory for the test.
class WorkspaceCopy {
 public:
  explicit WorkspaceCopy(const std::string& name) {
    dir_ = fs::temp_directory_path() / ("tfguard-lsp-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir_);
    fs::copy(fs::path(TFGUARD_TESTDATA) / "lsp" / "workspace", dir_, fs::copy_options::recursive);
    fs::create_directories(dir_ / ".git");
    saved_cwd_ = fs::current_path();
    fs::current_path(dir_);
  }
  ~WorkspaceCopy() {
    fs::current_path(saved_cwd_);
    fs::remove_all(dir_);
  }
  const fs::path& dir() const { return dir_; }
  fs::path path(const std::string& rel) const { return dir_ / rel; }
  std::string uri(const std::string& rel) const { return uriFromPath(path(rel)); }
  std::string read(const std::string& rel) const {
    std::ifstream in(path(rel), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(path(rel), std::ios::binary) << text;
  }

 private:
  fs::path dir_, saved_cwd_;
};

class LspSession {
 public:
  explicit LspSession(ServerOptions options = defaultOptions())
      : now_(Clock::now()),
        server_([this](const json& m) { received_.push_back(json::parse(encodeBody(m))); }, std::move(options)) {}

  static ServerOptions defaultOptions() {
    ServerOptions o;
    o.jobs = 1;
    o.today = "2026-06-01";
    return o;
  }

  /// Bytes as a client would write them; then the due checks run.
  void sendBytes(const std::string& bytes) {
    reader_.feed(bytes);
    std::vector<Frame> frames;
    while (auto f = reader_.next()) frames.push_back(std::move(*f));
    server_.handleFrames(std::move(frames), now_);
    if (!server_.exitRequested()) server_.runDue(now_);
  }
  void send(const json& message) { sendBytes(encodeMessage(message)); }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  /// Sends a request and returns the response to it.
  json request(const std::string& method, json params) {
    int id = ++next_id_;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    for (const json& m : received_)
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    ADD_FAILURE() << "no response to " << method;
    return {};
  }

  json initialize(json init_options = {{"debounceMs", 0}}, json capabilities = json::object(),
                  const std::string& root_uri = "") {
    json p = {{"processId", nullptr}, {"capabilities", std::move(capabilities)},
              {"initializationOptions", std::move(init_options)}};
    p["rootUri"] = root_uri.empty() ? json(nullptr) : json(root_uri);
    json r = request("initialize", std::move(p));
    notify("initialized", json::object());
    return r;
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "terraform"}, {"version", version}, {"text", text}}}});
  }
  void change(const std::string& uri, int version, json changes) {
    notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", std::move(changes)}});
  }

  /// Every message received so far; take() also forgets them.
  const std::vector<json>& received() const { return received_; }
  std::vector<json> take() { return std::exchange(received_, {}); }
  /// The diagnostics of the last publishDiagnostics for `uri` among the
  /// received messages; null when there was none.
  json lastPublished(const std::string& uri) const {
    json found;
    for (const json& m : received_)
      if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        found = m["params"]["diagnostics"];
    return found;
  }

  Server& server() { return server_; }
  Clock::time_point& now() { return now_; }

 private:
  static std::string encodeBody(const json& m) {
    std::string framed = encodeMessage(m);  // as on the wire: invalid UTF-8 replaced
    return framed.substr(framed.find("\r\n\r\n") + 4);
  }

  Clock::time_point now_;
  std::vector<json> received_;
  Server server_;
  MessageReader reader_;
  int next_id_ = 0;
};

/// "rule line:character-line:character message" for each diagnostic.
inline std::vector<std::string> describe(const json& diagnostics) {
  std::vector<std::string> out;
  if (!diagnostics.is_array()) return out;
  for (const json& d : diagnostics) {
    const json& r = d["range"];
    out.push_back(d["code"].get<std::string>() + " " + std::to_string(r["start"]["line"].get<int>()) + ":" +
                  std::to_string(r["start"]["character"].get<int>()) + "-" +
                  std::to_string(r["end"]["line"].get<int>()) + ":" + std::to_string(r["end"]["character"].get<int>()) +
                  " " + d["message"].get<std::string>());
  }
  return out;
}

}  // namespace tfguard::lsp::testing
